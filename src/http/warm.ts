import { request } from 'node:http';
import type { Logger } from 'pino';
import type { ContentIndex } from '../content/build-index.js';
import { LANGS } from '../i18n/languages.js';

/** How many of the newest articles per language to render ahead of readers. */
const NEWEST = 20;

/** The pages a spike hits first: every home page, the newest articles, the feeds and sitemaps. */
export function warmPaths(index: ContentIndex): string[] {
  return [
    ...LANGS.flatMap((lang) => [`/${lang}/`, `/${lang}/rss.xml`, ...index.langs[lang].articles.slice(0, NEWEST).map((a) => a.path)]),
    '/sitemap.xml',
    '/sitemap-news.xml',
  ];
}

/**
 * Renders those pages by asking the running server for them over loopback, one at a time so
 * readers are never kept waiting behind the warm-up; the answers land in the response cache
 * and the fast path exactly as a reader's request would put them there.
 */
export async function warm(port: number, index: ContentIndex, logger: Logger): Promise<void> {
  const started = performance.now();
  const paths = warmPaths(index);
  for (const path of paths) {
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': 'br', 'User-Agent': 'dknews-warm-up' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
      req.end();
    });
  }
  logger.info({ pages: paths.length, ms: Math.round(performance.now() - started) }, 'Warmed the home pages, newest articles, feeds and sitemaps');
}
