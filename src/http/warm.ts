import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { ContentIndex } from '../index/content-index.js';
import { LANGS } from '../i18n/languages.js';
import { paths } from '../paths.js';
import { loopbackGet } from './loopback.js';

/** How many of the newest articles per language to render ahead of readers. */
const NEWEST = 20;

/** The pages a spike hits first: every home page, the newest articles, the feeds and sitemaps. */
export function warmPaths(index: ContentIndex): string[] {
  return [
    ...LANGS.flatMap((lang) => [paths.home(lang), paths.feed(lang), ...index.list(lang, {}, 0, NEWEST).map((a) => a.path)]),
    paths.sitemap,
    paths.newsSitemap,
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
    // A page that fails now is rendered on a reader's request instead.
    await loopbackGet(port, path, { encoding: 'br', userAgent: 'dknews-warm-up' }).catch(() => undefined);
  }
  logger.info({ pages: paths.length, ms: Math.round(performance.now() - started) }, 'Warmed the home pages, newest articles, feeds and sitemaps');
}

/**
 * Warms a cluster worker's own caches. Requests to the shared port are handed to any worker,
 * so the worker renders its pages through a loopback listener of its own (exclusive: not
 * shared with the other workers), closed when done.
 */
export async function warmOwn(server: Server, index: ContentIndex, logger: Logger): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, resolve);
    });
  } catch (error) {
    logger.warn({ err: error }, 'No loopback port for the warm-up; pages are rendered on first request');
    return;
  }
  await warm((server.address() as AddressInfo).port, index, logger);
  server.close();
}
