import type { ContentIndex } from './content-index.js';
import type { Lang } from '../i18n/languages.js';
import type { Article, Person } from '../parse/types.js';

/*
 * What the home page, the author pages and the feeds ask of the index, one small function each
 * over its indexed queries. Each reads at most what it returns plus a bounded look-ahead,
 * whatever the size of the archive.
 */

/** How far back a «featured» mark or a photo is looked for, in articles. */
export const LEAD_LOOKBACK = 200;
const PHOTO_LOOKBACK = 20;

/** The newest articles of a language, as far back as the home page looks: read once per home page. */
export function recentArticles(index: ContentIndex, lang: Lang): Article[] {
  return index.list(lang, {}, 0, LEAD_LOOKBACK);
}

/**
 * The home page's lead story, among the newest articles (recentArticles): the newest marked
 * `featured`, else the newest with a photo among the latest few, else the newest.
 */
export function leadStory(recent: readonly Article[]): Article | undefined {
  const window = recent.slice(0, LEAD_LOOKBACK);
  return window.find((a) => a.featured) ?? window.slice(0, PHOTO_LOOKBACK).find((a) => a.image) ?? window[0];
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

/** The newest `count` articles of a topic in a language, leaving out those in `except` (by path). */
export function topicLatest(index: ContentIndex, lang: Lang, { topic, count, except }: { topic: string; count: number; except: ReadonlySet<Article> }): Article[] {
  const shown = new Set([...except].map((a) => a.path));
  return index.list(lang, { topic }, 0, count + shown.size).filter((a) => !shown.has(a.path)).slice(0, count);
}

/** Articles of a language by slug, in the order of the slugs given; slugs without one here are skipped. */
export function articlesBySlugs(index: ContentIndex, lang: Lang, slugs: readonly string[], count: number): Article[] {
  const found: Article[] = [];
  for (const slug of slugs) {
    if (found.length === count) break;
    const article = index.article(lang, slug);
    if (article) found.push(article);
  }
  return found;
}

/** Every author, in the order of authors.yml, with how many articles they have in a language. */
export function authorsWithCounts(index: ContentIndex, lang: Lang): { author: Person; count: number; newest?: Article }[] {
  return [...index.authors.values()].map((author) => {
    const count = index.count(lang, { author: author.id });
    return { author, count, newest: count ? index.list(lang, { author: author.id }, 0, 1)[0] : undefined };
  });
}

/** The newest articles of an author in a language, for their feed. */
export function authorArticles(index: ContentIndex, lang: Lang, id: string, count: number): Article[] {
  return index.list(lang, { author: id }, 0, count);
}

/** The editor-in-chief, as authors.yml marks them; the footer's masthead names them. */
export function editorInChief(index: ContentIndex): Person | undefined {
  return [...index.authors.values()].find((a) => a.editorInChief);
}
