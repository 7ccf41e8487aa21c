/**
 * Just enough Russian and Kazakh morphology to write grammatical sentences from word lists.
 * Real inflected forms matter: the search index stems them, and a benchmark over text whose
 * words never change form would measure an index smaller than the real one.
 */

// Russian cases, in the order every form list uses.
export const NOM = 0;
export const GEN = 1;
export const DAT = 2;
export const ACC = 3;
export const INS = 4;
export const PREP = 5;

const HARD = {
  m: ['ый', 'ого', 'ому', 'ый', 'ым', 'ом'],
  f: ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'],
  n: ['ое', 'ого', 'ому', 'ое', 'ым', 'ом'],
  pl: ['ые', 'ых', 'ым', 'ые', 'ыми', 'ых'],
};

/**
 * The six forms of a Russian adjective for a gender (m, f, n, pl), inanimate accusative.
 * `stem` is the adjective without its ending; after к, г, х the ы becomes и (стратегический);
 * `stressed` marks the -ой type (цифровой, городской).
 * @example adjective('нов', 'f')[ACC] // 'новую'
 */
export function adjective(stem, gender, { stressed = false } = {}) {
  const velar = /[кгх]$/.test(stem);
  return HARD[gender].map((ending, c) => {
    let e = velar ? ending.replace('ы', 'и') : ending;
    if (stressed && gender === 'm' && (c === NOM || c === ACC)) e = 'ой';
    return stem + e;
  });
}

/** A Russian past-tense verb agreeing with its subject: обсудил, обсудила, обсудило, обсудили. */
export function pastRu(stem, gender, rest = '') {
  return stem + { m: '', f: 'а', n: 'о', pl: 'и' }[gender] + rest;
}

/** A Russian short passive participle: открыт, открыта, открыто, открыты. */
export function participleRu(stem, gender, rest = '') {
  return stem + { m: '', f: 'а', n: 'о', pl: 'ы' }[gender] + rest;
}

/** «о» before a consonant, «об» before a vowel: о проекте, об инициативе. */
export function aboutRu(phrase) {
  return /^[аоуэиы]/i.test(phrase) ? `об ${phrase}` : `о ${phrase}`;
}

/** The genitive of a Kazakh first name or surname in Russian: Ерлана, Динары, Ахметовой. */
export function personGenitiveRu(word, female) {
  if (!female) return /[бвгджзклмнпрстфхцчшщ]$/.test(word) ? `${word}а` : word;
  if (/(ов|ев|ин)а$/.test(word)) return `${word.slice(0, -1)}ой`;
  if (/ия$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/[кгхжшчщ]а$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/а$/.test(word)) return `${word.slice(0, -1)}ы`;
  return word;
}

// Kazakh: suffixes follow the last vowel (back or front) and the last sound of the word.
const BACK = 'аоұыя';
const FRONT = 'әөүіеэи';
const VOWELS = 'аәеоөұүыіиэюя';
const SONORANT = 'лрйузжмнң';

function isFront(word) {
  const w = word.toLowerCase();
  // Loanwords ending in к take front suffixes: банктің, технопаркке.
  if (w.endsWith('к')) return true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i];
    if (BACK.includes(ch)) return false;
    // е after a back vowel is «йе» in Russian surnames and follows that vowel: Тоқаевтың.
    if (ch === 'е' && i > 0 && BACK.includes(w[i - 1])) return false;
    if (FRONT.includes(ch)) return true;
    // у after a consonant is a vowel (Тимур, меморандум); after a vowel it is a glide (Атырау).
    if (ch === 'у' && i > 0 && !VOWELS.includes(w[i - 1])) return false;
  }
  return false;
}

/**
 * A Kazakh noun phrase in a case: gen, dat, acc or loc (nom is the phrase itself). Only its last
 * word changes. `possessive` marks words ending in the 3rd-person possessive (министрлігі,
 * делегациясы), which take an n before the dative, accusative and locative suffixes.
 * @example kazakhCase('Шымкент', 'loc') // 'Шымкентте'
 * @example kazakhCase('Энергетика министрлігі', 'dat', true) // 'Энергетика министрлігіне'
 */
export function kazakhCase(phrase, kase, possessive = false) {
  if (kase === 'nom') return phrase;
  const front = isFront(phrase);
  const pick = (back, fr) => (front ? fr : back);
  if (possessive) {
    return phrase + { gen: pick('ның', 'нің'), dat: pick('на', 'не'), acc: 'н', loc: pick('нда', 'нде') }[kase];
  }
  const last = phrase.at(-1).toLowerCase();
  const vowel = VOWELS.includes(last) && last !== 'у';
  const nasal = 'мнң'.includes(last);
  const sonorant = SONORANT.includes(last);
  const suffix = {
    gen: vowel || nasal ? pick('ның', 'нің') : sonorant ? pick('дың', 'дің') : pick('тың', 'тің'),
    dat: vowel || sonorant ? pick('ға', 'ге') : pick('қа', 'ке'),
    acc: vowel ? pick('ны', 'ні') : sonorant ? pick('ды', 'ді') : pick('ты', 'ті'),
    loc: vowel || sonorant ? pick('да', 'де') : pick('та', 'те'),
  }[kase];
  return phrase + suffix;
}

/** A number written the way each language writes it: 12,4 in Russian and Kazakh, 12.4 in English. */
export function decimal(value, lang) {
  const text = Number.isInteger(value) ? `${value}.0` : String(value);
  return lang === 'en' ? text : text.replace('.', ',');
}

/** Thousands separated the way each language separates them: 12 400 (ru, kk), 12,400 (en). */
export function whole(value, lang) {
  const text = String(value);
  if (value < 10_000) return text;
  return text.replace(/\B(?=(\d{3})+$)/g, lang === 'en' ? ',' : '\u00a0');
}

export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
