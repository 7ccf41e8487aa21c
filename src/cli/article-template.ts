import { stringify } from 'yaml';
import type { Lang } from '../i18n/languages.js';

export interface NewArticle {
  title: string;
  lang: Lang;
  /** `2026-11-23T15:04`, Asia/Almaty time, as front matter writes it. */
  date: string;
  author: string;
  topics: string[];
  /** The original's picture, for a translation: its alt and caption are to be translated. */
  image?: unknown;
}

const PLACEHOLDER: Record<Lang, string> = {
  ru: 'Текст статьи.',
  kk: 'Мақала мәтіні.',
  en: 'The article text.',
};

/**
 * The text of a new article file. It starts as a draft: the server picks up new files within a
 * second, and a half-written article must not go public before the editor says so.
 * @example articleTemplate({ title: 'Выборы', lang: 'ru', date: '2026-11-23T15:04', author: 'anna', topics: ['politics'] })
 */
export function articleTemplate(a: NewArticle): string {
  return [
    '---',
    `title: ${yamlScalar(a.title)}`,
    '# lead: Одно-два предложения для списков и поисковиков; без него берётся первый абзац.',
    `date: ${a.date}`,
    `author: ${a.author}`,
    `topics: [${a.topics.join(', ')}]`,
    ...(a.image === undefined ? [] : stringify({ image: a.image }, { lineWidth: 0 }).trimEnd().split('\n')),
    '# Черновик не виден на сайте. Удалите строку draft, когда статья готова.',
    'draft: true',
    '---',
    '',
    PLACEHOLDER[a.lang],
    '',
  ].join('\n');
}

/** A title as YAML writes it: quoted only when it must be (a colon, a leading quote, "true"). */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
