import type { ContentIndex, LangIndex } from './build-index.js';
import type { Lang } from '../i18n/languages.js';
import type { Article, Person } from './types.js';

/*
 * What the home page, the author pages and the feeds ask of the index, one small function each,
 * so that each can become one query when the index moves to SQLite. Each reads at most what it
 * returns plus a bounded look-ahead, whatever the size of the archive.
 */

/** How far back a «featured» mark or a photo is looked for, in articles. */
const LEAD_LOOKBACK = 200;
const PHOTO_LOOKBACK = 20;

/**
 * The home page's lead story: the newest article marked `featured`, else the newest with a
 * photo among the latest few, else the newest.
 */
export function leadStory(li: LangIndex): Article | undefined {
  const recent = li.articles.slice(0, LEAD_LOOKBACK);
  return recent.find((a) => a.featured) ?? recent.slice(0, PHOTO_LOOKBACK).find((a) => a.image) ?? li.articles[0];
}

/** The newest `count` articles, leaving out those in `except`. */
export function latest(articles: readonly Article[], count: number, except: ReadonlySet<Article> = new Set()): Article[] {
  const found: Article[] = [];
  for (const article of articles) {
    if (found.length === count) break;
    if (!except.has(article)) found.push(article);
  }
  return found;
}

/** The newest `count` articles of a topic in a language, leaving out those in `except`. */
export function topicLatest(li: LangIndex, topic: string, count: number, except: ReadonlySet<Article>): Article[] {
  return latest(li.byTopic.get(topic) ?? [], count, except);
}

/** Articles of a language by slug, in the order of the slugs given; slugs without one here are skipped. */
export function articlesBySlugs(li: LangIndex, slugs: readonly string[], count: number): Article[] {
  return slugs.flatMap((slug) => li.bySlug.get(slug) ?? []).slice(0, count);
}

/** Every author, in the order of authors.yml, with how many articles they have in a language. */
export function authorsWithCounts(index: ContentIndex, lang: Lang): { author: Person; count: number; newest?: Article }[] {
  return [...index.authors.values()].map((author) => {
    const list = index.langs[lang].byAuthor.get(author.id) ?? [];
    return { author, count: list.length, newest: list[0] };
  });
}

/** The newest articles of an author in a language, for their page and feed. */
export function authorArticles(index: ContentIndex, lang: Lang, id: string): readonly Article[] {
  return index.langs[lang].byAuthor.get(id) ?? [];
}

/** The editor-in-chief, as authors.yml marks them; the footer's masthead names them. */
export function editorInChief(index: ContentIndex): Person | undefined {
  return [...index.authors.values()].find((a) => a.editorInChief);
}
