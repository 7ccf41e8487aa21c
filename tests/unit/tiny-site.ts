import type { i18n } from 'i18next';
import { buildIndex } from '../../src/sync/build-index.js';
import type { Article, SourceFile } from '../../src/parse/types.js';
import { createI18n } from '../../src/i18n/setup.js';
import type { Lang } from '../../src/i18n/languages.js';
import type { MediaFacts } from '../../src/parse/media-facts.js';
import type { PageContext } from '../../src/render/context.js';

/**
 * A site of a few lines, built in memory (no folder, no server) for the view models' unit
 * tests: two topics, one author (the editor-in-chief), and the articles and pages a test
 * writes out in its own few lines.
 */
export const TINY_NOW = new Date('2026-02-01T12:00:00Z');

const SITE = `founded: 2006
name: { ru: Агентство, kk: Агенттік, en: Agency }
shortName: { ru: Аг, kk: Аг, en: Ag }
description: { ru: О сайте., kk: Сайт туралы., en: About the site. }
registration: { ru: Свидетельство № 1., kk: Куәлік № 1., en: Certificate No. 1. }
social: { telegram: https://t.me/agency }
contacts: { email: desk@agency.example, phone: +7 (727) 000-00-00 }
`;
const AUTHORS = `anna:
  name: { ru: Анна, kk: Анна, en: Anna }
  role: { ru: Редактор, kk: Редактор, en: Editor }
  editorInChief: true
`;
const TOPICS = `economy:
  name: { ru: Экономика, kk: Экономика, en: Economy }
  description: { ru: О деньгах., kk: Ақша туралы., en: About money. }
politics:
  name: { ru: Политика, kk: Саясат, en: Politics }
  description: { ru: О власти., kk: Билік туралы., en: About power. }
`;

export interface TinyArticle {
  slug: string;
  lang?: Lang;
  title: string;
  /** Local time in Almaty, as an editor writes it: 2026-01-25T12:30. */
  date: string;
  topics?: string[];
  lead?: string;
  body?: string;
  /** More front matter lines, as written (views: 5, featured: true, draft: true). */
  more?: string;
}

export interface TinyOptions {
  lang?: Lang;
  pages?: { slug: string; lang?: Lang; title: string; order?: number; body?: string }[];
  pageSize?: number;
  apiOrigin?: string | null;
  dev?: boolean;
  includeDrafts?: boolean;
  views?: (article: Article) => number;
  mostRead?: { slug: string; views: number }[];
  /** More topics.yml entries, as written, after the two topics. */
  moreTopics?: string;
  /** Files in media/ and what each is, as the loader would have read them. */
  images?: ReadonlyMap<string, MediaFacts>;
}

const source = (relativePath: string, text: string): SourceFile => ({ file: `content/${relativePath}`, relativePath, text });

function articleFile(a: TinyArticle): SourceFile {
  const front = [
    `title: ${a.title}`,
    ...(a.lead ? [`lead: ${a.lead}`] : []),
    `date: ${a.date}`,
    'author: anna',
    `topics: [${(a.topics ?? ['economy']).join(', ')}]`,
    ...(a.more ? [a.more] : []),
  ];
  return source(`news/${a.slug}.${a.lang ?? 'ru'}.md`, `---\n${front.join('\n')}\n---\n${a.body ?? 'Текст.'}\n`);
}

let strings: Promise<i18n> | undefined;

/** The page context a route builds, over a tiny site: assets at /assets/NAME, views and «most read» as given. */
export async function tinyContext(articles: TinyArticle[], options: TinyOptions = {}): Promise<PageContext> {
  const index = await buildIndex(
    {
      site: source('site.yml', SITE),
      authors: source('authors.yml', AUTHORS),
      topics: source('topics.yml', TOPICS + (options.moreTopics ?? '')),
      articles: articles.map(articleFile),
      pages: (options.pages ?? []).map((p) => source(`pages/${p.slug}.${p.lang ?? 'ru'}.md`, `---\ntitle: ${p.title}\norder: ${p.order ?? 100}\n---\n${p.body ?? 'О нас.'}\n`)),
      media: new Map([...(options.images ?? [])].map(([name, facts]) => [name, facts.bytes])),
      images: options.images,
      root: 'content',
    },
    { now: TINY_NOW, includeDrafts: options.includeDrafts ?? false },
  );
  const i18n = await (strings ??= createI18n());
  const lang = options.lang ?? 'ru';
  return {
    index,
    lang,
    t: i18n.getFixedT(lang),
    tIn: (other) => i18n.getFixedT(other),
    siteUrl: 'https://agency.example',
    now: TINY_NOW,
    pageSize: options.pageSize ?? 20,
    asset: (name) => `/assets/${name}`,
    views: options.views ?? ((article) => article.views),
    mostRead: (limit) => (options.mostRead ?? []).slice(0, limit),
    apiOrigin: options.apiOrigin === undefined ? '' : options.apiOrigin,
    dev: options.dev ?? false,
  };
}
