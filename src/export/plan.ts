import { isImage } from '../parse/media-facts.js';
import { allVariants, derivativeUrl } from '../media/ladder.js';
import type { Config } from '../config.js';
import type { ContentIndex } from '../index/content-index.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { SITEMAP_LIMIT, sitemapNames } from '../seo/sitemap.js';
import { paths } from '../paths.js';

/**
 * What an exported URL is, for its Cache-Control (config.cache) and its nginx location:
 * `notFound` is a language's 404 page, sent with no-store like the server's. Search results
 * are never exported.
 */
export const EXPORT_KINDS = ['page', 'asset', 'plainAsset', 'media', 'derivative', 'feed', 'sitemap', 'robots', 'notFound'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportEntry {
  /** The URL a reader asks for: a path, and ?page=N for a list's pages after the first. */
  url: string;
  /** Where its bytes go, relative to the export folder, with forward slashes. */
  file: string;
  kind: ExportKind;
  /** The status the server answers it with: 404 for the 404 pages, 200 for everything else. */
  status: 200 | 404;
  /** An article page's slug: its view count is part of what the page is made from. */
  slug?: string;
  /**
   * Made anew by the clock, whatever the content: the home page's «most read» (every five
   * minutes), the news sitemap's last two days. An incremental export always asks for these.
   */
  volatile?: true;
}

/** A fingerprinted asset URL (see http/assets.ts): name.<10 hex digits>.ext. */
export const FINGERPRINTED = /^\/assets\/.+\.[0-9a-f]{10}\.[^/.]+$/;

/** Pages 2 and later of every list live here, outside the URL space of the site (see listFile). */
export const PAGES_DIR = '_pages';

/** The Cache-Control the server sends for a kind; the export's nginx block sends the same. */
export function cacheControl(config: Config, kind: ExportKind): string {
  return kind === 'notFound' ? 'no-store' : config.cache[kind];
}

/**
 * The file of page n of a list at basePath (/ru/, /ru/topics/politics). Page 1 is the list's
 * own page file; later pages, whose URL differs only by ?page=n, which a static host cannot
 * tell apart, go under _pages/ (/_pages/ru/2.html, /_pages/ru/topics/politics/3.html), where
 * the nginx block finds them by $arg_page.
 */
function listFile(basePath: string, page: number): string {
  if (page === 1) return pageFile(basePath);
  return `${PAGES_DIR}${basePath.replace(/\/$/, '')}/${page}.html`;
}

/** /ru/ → ru/index.html; /ru/news/slug → ru/news/slug.html: served at the URL without redirects. */
function pageFile(path: string): string {
  return path.endsWith('/') ? `${path.slice(1)}index.html` : `${path.slice(1)}.html`;
}

/** A file served at its own path: feeds, sitemaps, robots.txt, assets, media. */
function sameFile(url: string, kind: ExportKind): ExportEntry {
  return { url, file: decodeURIComponent(url.slice(1)), kind, status: 200 };
}

/**
 * Every public URL of the site as the index has it now, with the file its answer is written
 * to: pages and every page of every list in every language, topic and author pages, feeds,
 * sitemaps, robots.txt, assets (fingerprinted and plain), media, and each language's 404 page.
 * Not exported: search results and the API, which only a running server can answer.
 */
export function exportPlan(index: ContentIndex, pageSize: number, assetUrls: readonly string[]): ExportEntry[] {
  const entries: ExportEntry[] = [];
  const page = (url: string) => entries.push({ url, file: pageFile(url), kind: 'page', status: 200 });
  const list = (basePath: string, count: number, volatileFirst = false) => {
    const pages = Math.max(1, Math.ceil(count / pageSize));
    for (let n = 1; n <= pages; n++) entries.push({ url: paths.onPage(basePath, n), file: listFile(basePath, n), kind: 'page', status: 200, ...(volatileFirst && n === 1 ? { volatile: true as const } : {}) });
  };

  for (const lang of LANGS) {
    list(paths.home(lang), index.count(lang), true);
    for (let offset = 0; offset < index.count(lang); offset += SITEMAP_LIMIT) {
      for (const { url } of index.articleUrls(lang, offset, SITEMAP_LIMIT)) entries.push({ url, file: pageFile(url), kind: 'page', status: 200, slug: url.slice(url.lastIndexOf('/') + 1) });
    }
    list(paths.news(lang), index.count(lang));
    page(paths.authors(lang));
    for (const staticPage of index.pages[lang].values()) page(staticPage.path);
    page(paths.topics(lang));
    for (const id of index.topics.keys()) list(paths.topic(lang, id), index.count(lang, { topic: id }));
    for (const id of index.authors.keys()) list(paths.author(lang, id), index.count(lang, { author: id }));
    entries.push(sameFile(paths.feed(lang), 'feed'));
    for (const id of index.topics.keys()) entries.push(sameFile(paths.topicFeed(lang, id), 'feed'));
    for (const id of index.authors.keys()) entries.push(sameFile(paths.authorFeed(lang, id), 'feed'));
    entries.push(notFoundPage(lang));
  }
  entries.push(sameFile(paths.robots, 'robots'), sameFile(paths.sitemap, 'sitemap'), { ...sameFile(paths.newsSitemap, 'sitemap'), volatile: true });
  for (const name of sitemapNames(index)) entries.push(sameFile(paths.sitemapChild(name), 'sitemap'));
  for (const url of assetUrls) entries.push(sameFile(url, FINGERPRINTED.test(url) ? 'asset' : 'plainAsset'));
  for (const name of [...index.media.keys()].sort()) entries.push(sameFile(paths.media(name), 'media'));
  // Every derivative of every image: the pages' srcset, the crawlers' crops, the feeds' copy.
  const hashes = new Set<string>();
  for (const facts of index.images.values()) {
    if (!isImage(facts) || hashes.has(facts.hash)) continue;
    hashes.add(facts.hash);
    for (const variant of allVariants(facts)) entries.push(sameFile(derivativeUrl(facts.hash, variant), 'derivative'));
  }
  // The site's first language answers any other unknown address; static hosts look for /404.html.
  entries.push({ url: '/404.html', file: '404.html', kind: 'notFound', status: 404 });
  return entries;
}

/** /ru/404 is no page of the site: the server answers it with the language's 404 page. */
function notFoundPage(lang: Lang): ExportEntry {
  return { url: paths.notFound(lang), file: `${lang}/404.html`, kind: 'notFound', status: 404 };
}
