import type { ContentIndex } from '../index/content-index.js';
import { isoLocal } from '../i18n/format.js';
import { LANGS } from '../i18n/languages.js';
import { xmlEscape } from '../text/escape-xml.js';
import type { Article } from '../parse/types.js';

const WINDOW_MS = 48 * 3600 * 1000;
const MAX_ARTICLES = 1000;

/** The name Google News knows the publication by: one for every language (site.yml's publicationName). */
export function publicationName(index: ContentIndex): string {
  return index.site.publicationName ?? index.site.shortName.en;
}

/** How far down a language's list the quiet desk's newest news article is looked for (past advertisements). */
const NEWEST_LOOKUP = 50;

/**
 * /sitemap-news.xml in the Google News format: articles published in the last 48 hours,
 * newest first, at most 1,000, each with its news:news metadata under the one registered
 * publication name. Advertisements (`sponsored`) are not news: never listed. With none in the
 * window (a quiet desk), the sitemap protocol still wants a `url`, and Search Console reports
 * a `url` without news:news as a missing tag: it lists each language's newest article with its
 * metadata, which Google reads and leaves out of News for its age. Only a site without any news
 * article has an empty urlset.
 */
export function newsSitemap(index: ContentIndex, siteUrl: string, now: Date): string {
  const since = now.getTime() - WINDOW_MS;
  const name = xmlEscape(publicationName(index));
  const news = (a: Article) => a.date <= now && !a.sponsored;
  const recent = index.since(new Date(since), MAX_ARTICLES).filter(news);
  const listed = recent.length ? recent : LANGS.flatMap((lang) => index.list(lang, {}, 0, NEWEST_LOOKUP).find(news) ?? []);
  const rows = listed.map(
    (a) =>
      `<url><loc>${xmlEscape(`${siteUrl}${a.path}`)}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${a.lang}</news:language></news:publication><news:publication_date>${isoLocal(a.date)}</news:publication_date><news:title>${xmlEscape(a.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${rows.map((r) => `${r}\n`).join('')}</urlset>\n`;
}

/** When the news sitemap next changes by itself: the moment its oldest article leaves the window. */
export function newsSitemapExpiry(index: ContentIndex, now: Date): Date | undefined {
  const oldest = index.firstSince(new Date(now.getTime() - WINDOW_MS));
  return oldest && new Date(oldest.getTime() + WINDOW_MS);
}
