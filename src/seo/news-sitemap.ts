import type { ContentIndex } from '../index/content-index.js';
import { isoLocal } from '../i18n/format.js';
import { xmlEscape } from './xml.js';

const WINDOW_MS = 48 * 3600 * 1000;
const MAX_ARTICLES = 1000;

/**
 * /sitemap-news.xml in the Google News format: articles published in the last 48 hours,
 * newest first, at most 1,000. Valid and empty when there are none.
 */
export function newsSitemap(index: ContentIndex, siteUrl: string, now: Date): string {
  const since = now.getTime() - WINDOW_MS;
  const recent = index.since(new Date(since), MAX_ARTICLES).filter((a) => a.date <= now);
  const rows = recent.map(
    (a) =>
      `<url><loc>${xmlEscape(`${siteUrl}${a.path}`)}</loc><news:news><news:publication><news:name>${xmlEscape(index.site.name[a.lang])}</news:name><news:language>${a.lang}</news:language></news:publication><news:publication_date>${isoLocal(a.date)}</news:publication_date><news:title>${xmlEscape(a.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${rows.join('\n')}${rows.length ? '\n' : ''}</urlset>\n`;
}

/** When the news sitemap next changes by itself: the moment its oldest article leaves the window. */
export function newsSitemapExpiry(index: ContentIndex, now: Date): Date | undefined {
  const oldest = index.firstSince(new Date(now.getTime() - WINDOW_MS));
  return oldest && new Date(oldest.getTime() + WINDOW_MS);
}
