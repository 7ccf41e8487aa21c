import type { ContentIndex } from '../index/content-index.js';
import { isoLocal } from '../i18n/format.js';
import { LANGS } from '../i18n/languages.js';
import { xmlEscape } from '../text/escape-xml.js';
import { paths } from '../paths.js';

const WINDOW_MS = 48 * 3600 * 1000;
const MAX_ARTICLES = 1000;

/** The name Google News knows the publication by: one for every language (site.yml's publicationName). */
export function publicationName(index: ContentIndex): string {
  return index.site.publicationName ?? index.site.shortName.en;
}

/**
 * /sitemap-news.xml in the Google News format: articles published in the last 48 hours,
 * newest first, at most 1,000, each with its news:news metadata under the one registered
 * publication name. With none in the window (a quiet desk), the sitemap protocol still wants
 * a `url`: it lists each language's newest article without news metadata, which is what Google
 * documents for articles past two days, or the home pages when there is no article at all.
 * Valid against the schema in every state; robots.txt can always name it.
 */
export function newsSitemap(index: ContentIndex, siteUrl: string, now: Date): string {
  const since = now.getTime() - WINDOW_MS;
  const name = xmlEscape(publicationName(index));
  const recent = index.since(new Date(since), MAX_ARTICLES).filter((a) => a.date <= now);
  const loc = (path: string) => `<loc>${xmlEscape(`${siteUrl}${path}`)}</loc>`;
  const rows = recent.length
    ? recent.map(
        (a) =>
          `<url>${loc(a.path)}<news:news><news:publication><news:name>${name}</news:name><news:language>${a.lang}</news:language></news:publication><news:publication_date>${isoLocal(a.date)}</news:publication_date><news:title>${xmlEscape(a.title)}</news:title></news:news></url>`,
      )
    : LANGS.map((lang) => `<url>${loc(index.list(lang, {}, 0, 1)[0]?.path ?? paths.home(lang))}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${rows.join('\n')}\n</urlset>\n`;
}

/** When the news sitemap next changes by itself: the moment its oldest article leaves the window. */
export function newsSitemapExpiry(index: ContentIndex, now: Date): Date | undefined {
  const oldest = index.firstSince(new Date(now.getTime() - WINDOW_MS));
  return oldest && new Date(oldest.getTime() + WINDOW_MS);
}
