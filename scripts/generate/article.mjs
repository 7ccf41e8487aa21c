/**
 * One generated article: its slug, date, front matter and Markdown body in Russian, and, for
 * about a third, the Kazakh and English translations under the same slug.
 */
import { bulletList, opening, sentence, story, title } from './sentences.mjs';
import { HEADINGS } from './vocabulary.mjs';
import { capitalize } from './grammar.mjs';

export const LANGS = ['ru', 'kk', 'en'];
/** The one image in content/media/, reused by every article that has a picture. */
const IMAGE = { src: '2026/01/kazakhstan-jiangsu.png', width: 1200, height: 675 };
const IMAGE_TEXT = {
  ru: { alt: 'Иллюстрация к материалу', credit: 'иллюстрация DKNews.kz' },
  kk: { alt: 'Материалға арналған иллюстрация', credit: 'DKNews.kz иллюстрациясы' },
  en: { alt: 'Illustration for the story', credit: 'DKNews.kz illustration' },
};
const LIST_INTRO = { ru: 'Среди ключевых направлений:', kk: 'Негізгі бағыттар:', en: 'Key areas include:' };

/**
 * Makes article number `i`. `date` is its wall-clock time in Almaty (a Date whose UTC fields
 * are read as local time). `earlierSlug` is an earlier article in every language, to link to.
 */
export function makeArticle(random, { i, date, topics, authors, translated, earlierSlug, targetBytes }) {
  const articleTopics = pickTopics(random, topics);
  const s = { ...story(random, articleTopics[0], date.getUTCFullYear()), earlierSlug };
  const heading = title(s);
  const lead = random.chance(0.85) ? leadOf(s) : undefined;
  const body = makeBody(s, targetBytes);
  const author = random.pick(authors);
  const updated = random.chance(0.2) ? new Date(date.getTime() + random.int(20, 600) * 60_000) : undefined;
  const image = random.chance(0.35);
  const views = Math.round(Math.exp(random.next() * Math.log(60_000)));
  const alias = random.chance(0.03) ? `/ru/old/${100_000 + i}` : undefined;

  const files = {};
  for (const lang of translated ? LANGS : ['ru']) {
    const front = [
      ['title', heading[lang]],
      ...(lead ? [['lead', lead[lang]]] : []),
      ['date', localIso(date)],
      ...(updated ? [['updated', localIso(updated)]] : []),
      ['author', author],
      ['topics', `[${articleTopics.join(', ')}]`, 'raw'],
      ...(image ? imageLines(lang) : []),
      // Translations are read less: fewer views carried over from the old site.
      ['views', String(lang === 'ru' ? views : Math.round(views / random.int(3, 12))), 'raw'],
      ...(alias && lang === 'ru' ? [['aliases', `[${alias}]`, 'raw']] : []),
    ];
    files[lang] = `---\n${front.map(yamlLine).join('\n')}\n---\n\n${body[lang]}\n`;
  }
  return { title: heading.ru, files };
}

/** One to three topics, the first the main one; every topic gets its share of main stories. */
function pickTopics(random, topics) {
  const count = random.chance(0.45) ? 1 : random.chance(0.6) ? 2 : 3;
  return random.sample(topics, count);
}

/** The lead: the news in one sentence, sometimes with a figure or an expert's view after it. */
function leadOf(s) {
  const o = opening(s);
  const strip = (text, tail) => text.replace(tail, '.');
  const first = { ru: strip(o.ru, ', передает DKNews.kz.'), kk: strip(o.kk, ', деп хабарлайды DKNews.kz.'), en: strip(o.en, ', DKNews.kz reports.') };
  if (!s.random.chance(0.4)) return first;
  const more = sentence(s, { plain: true });
  return Object.fromEntries(Object.keys(first).map((lang) => [lang, `${first[lang]} ${more[lang]}`]));
}

/**
 * Paragraphs of two to four sentences until the Russian body reaches about targetBytes, then
 * two to four «## » subheadings between them. Every language gets the same structure.
 */
function makeBody(s, targetBytes) {
  const { random } = s;
  const paragraphs = [];
  let bytes = 0;
  const add = (paragraph) => {
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph.ru) + 2;
  };
  add(joinSentences([opening(s), sentence(s), ...(random.chance(0.5) ? [sentence(s)] : [])]));
  let listed = false;
  while (bytes < targetBytes) {
    if (!listed && paragraphs.length > 2 && random.chance(0.12)) {
      listed = true;
      const list = bulletList(s);
      add(Object.fromEntries(Object.keys(list).map((lang) => [lang, `${LIST_INTRO[lang]}\n\n${list[lang]}`])));
      continue;
    }
    add(joinSentences(Array.from({ length: random.int(2, 4) }, () => sentence(s))));
  }

  const headingCount = Math.min(random.int(2, 4), paragraphs.length - 1);
  const positions = new Set(random.sample(range(1, paragraphs.length - 1), headingCount));
  const headings = random.sample(HEADINGS, headingCount);
  const out = { ru: [], kk: [], en: [] };
  paragraphs.forEach((paragraph, index) => {
    if (positions.has(index)) {
      const h = headings.pop();
      for (const lang of LANGS) out[lang].push(`## ${h[lang]}`);
    }
    for (const lang of LANGS) out[lang].push(paragraph[lang]);
  });
  return Object.fromEntries(LANGS.map((lang) => [lang, out[lang].join('\n\n')]));
}

function joinSentences(sentences) {
  return Object.fromEntries(LANGS.map((lang) => [lang, sentences.map((x) => capitalize(x[lang])).join(' ')]));
}

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

function imageLines(lang) {
  return [
    ['image', '', 'raw'],
    ['  src', IMAGE.src],
    ['  alt', IMAGE_TEXT[lang].alt],
    ['  credit', IMAGE_TEXT[lang].credit],
    ['  width', String(IMAGE.width), 'raw'],
    ['  height', String(IMAGE.height), 'raw'],
  ];
}

/**
 * A front-matter line. Text is written plain, as editors write it, unless YAML would read it
 * otherwise (a colon and space, a leading quote or dash…); then it is double-quoted.
 */
function yamlLine([key, value, raw]) {
  if (raw) return value === '' ? `${key}:` : `${key}: ${value}`;
  const plainIsSafe = !/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|:$|\s$/.test(value) && !/^(true|false|null|yes|no|~|[\d.]+)$/i.test(value);
  return `${key}: ${plainIsSafe ? value : JSON.stringify(value)}`;
}

/** 2025-03-14T09:35: the date as editors write it, Almaty time without an offset. */
function localIso(date) {
  return date.toISOString().slice(0, 16);
}
