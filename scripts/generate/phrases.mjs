/**
 * Phrases built from the word lists, each able to say itself in ru, kk and en: who acts, on
 * what, where, with which figures. Sentences (sentences.mjs) put them together.
 */
import { ACC, DAT, GEN, INS, NOM, PREP, aboutRu, capitalize, decimal, kazakhCase, pastRu, personGenitiveRu, whole } from './grammar.mjs';
import { ACTORS, ADJECTIVES, COMPLEMENTS, FEMALE_NAMES, MALE_NAMES, NOUNS, ROLES, SURNAMES, SYNTHETIC_SURNAMES, forTopic } from './vocabulary.mjs';

export { ACC, DAT, GEN, INS, NOM, PREP };

/** Who acts: a ministry, an akimat, a company, people. Fits the topic most of the time. */
export function actor(random, topic) {
  const a = random.pick(random.chance(0.75) ? forTopic(ACTORS, topic) : ACTORS);
  return {
    g: a.g,
    org: a.org === true,
    ru: (c) => a.ru[c],
    kk: (kase = 'nom') => kazakhCase(a.kk, kase, a.poss),
    en: a.en,
  };
}

/**
 * What is acted upon: «новый логистический центр по переработке зерна» — one or two
 * adjectives agreeing with the noun, and a complement that fits the topic most of the time.
 */
export function thing(random, topic) {
  const noun = random.pick(NOUNS);
  const adjectives = random.sample(ADJECTIVES, random.chance(0.3) ? 2 : 1);
  const complement = random.pick(random.chance(0.7) ? forTopic(COMPLEMENTS, topic) : COMPLEMENTS);
  const en = `${adjectives.map((a) => a.en).join(' ')} ${noun.en} ${complement.en}`;
  return {
    g: noun.g,
    ru: (c) => `${adjectives.map((a) => a.ru(noun.g)[c]).join(' ')} ${noun.ru[c]} ${complement.ru}`,
    kk: (kase = 'nom') => `${complement.kk} ${adjectives.map((a) => a.kk).join(' ')} ${kazakhCase(noun.kk, kase)}`,
    en: `the ${en}`,
    /** With «a»/«an», for a first mention at the start of a sentence. */
    enIndefinite: `${/^[aeiou]/.test(en) ? 'an' : 'a'} ${en}`,
  };
}

/** «обсудил новый проект», «объявил о новом проекте», agreeing with the actor's gender. */
export function predicateRu(verb, gender, object) {
  const form = object.ru(verb.case);
  return `${pastRu(verb.ru, gender, verb.rest ?? '')} ${verb.about ? aboutRu(form) : form}`;
}

/** «жаңа жобаны талқылады». */
export function predicateKk(verb, object) {
  return `${object.kk(verb.kcase)} ${verb.kk}`;
}

/** A named official: «министра энергетики Ерлана Ахметова», «Энергетика министрі Ерлан Ахметовтың». */
export function person(random) {
  const female = random.chance(0.4);
  const [firstRu, firstKk, firstEn] = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
  // Half the time a surname from the long tail, so that names are as varied as a real archive's.
  const surname = random.chance(0.5) ? random.pick(SURNAMES) : Object.values(random.pick(SYNTHETIC_SURNAMES));
  // Female surnames add -а in Cyrillic and -a in Latin: Ахметова, Akhmetova.
  const [lastRu, lastKk, lastEn] = female ? [`${surname[0]}а`, `${surname[1]}а`, `${surname[2]}a`] : surname;
  const role = random.pick(ROLES);
  return {
    female,
    ruNom: `${role.nom} ${firstRu} ${lastRu}`,
    ruGen: `${role.gen} ${personGenitiveRu(firstRu, female)} ${personGenitiveRu(lastRu, female)}`,
    kkNom: `${role.kk} ${firstKk} ${lastKk}`,
    kkGen: `${role.kk} ${firstKk} ${kazakhCase(lastKk, 'gen')}`,
    en: `${role.en} ${firstEn} ${lastEn}`,
  };
}

/**
 * An amount in a metric's unit: { ru, kk, kkAcc, en }. kkAcc is the Kazakh accusative that
 * «құрады» wants (2,9 млрд АҚШ долларын).
 */
export function amount(random, unit) {
  const n = {
    usd: () => random.decimal(0.3, 25),
    tenge: () => random.decimal(12, 980),
    people: () => random.decimal(0.2, 9.5),
    thousands: () => random.decimal(20, 600),
    share: () => random.decimal(8, 25),
    wage: () => random.int(280, 650),
    tonnes: () => random.decimal(0.5, 25),
    sqm: () => random.decimal(0.3, 18),
  }[unit]();
  const ru = (v) => (unit === 'wage' ? String(v) : decimal(v, 'ru'));
  const en = decimal(n, 'en');
  const [ruText, kkText, kkPossessive, enText] = {
    usd: [`${ru(n)} млрд долларов США`, `${ru(n)} млрд АҚШ доллары`, true, `USD ${en} billion`],
    tenge: [`${ru(n)} млрд тенге`, `${ru(n)} млрд теңге`, false, `KZT ${en} billion`],
    people: [`${ru(n)} млн человек`, `${ru(n)} млн адам`, false, `${en} million people`],
    thousands: [`${ru(n)} тыс.`, `${ru(n)} мың`, false, `${en} thousand`],
    share: [`${ru(n)} процента`, `${ru(n)} пайыз`, false, `${en} per cent`],
    wage: [`${n} тыс. тенге`, `${n} мың теңге`, false, `KZT ${whole(n * 1000, 'en')}`],
    tonnes: [`${ru(n)} млн тонн`, `${ru(n)} млн тонна`, false, `${en} million tonnes`],
    sqm: [`${ru(n)} млн кв. м`, `${ru(n)} млн шаршы метр`, false, `${en} million square metres`],
  }[unit];
  return { ru: ruText, kk: kkText, kkAcc: kazakhCase(kkText, 'acc', kkPossessive), en: enText };
}

export { capitalize };
