import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import express, { type Express } from 'express';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import { TEMPLATE_OPTIONS, VIEWS_DIR, type Config } from './config.js';
import type { ContentStore } from './sync/store.js';
import type { ViewCounter } from './counter/view-counter.js';
import type { Assets } from './http/assets.js';
import { refuseUnreadable } from './http/refuse.js';
import { requestLog } from './http/request-log.js';
import { fastOrNot } from './cache/fast-or-not.js';
import type { FromCache } from './http/front-door.js';
import { notIndexedYet, whileIndexing } from './http/indexing.js';
import { securityHeaders } from './http/security.js';
import { LANGS } from './i18n/languages.js';
import { ResponseCache } from './cache/response-cache.js';
import { apiRouter } from './routes/api.js';
import { crawlerRouter, feedRouter } from './routes/crawlers.js';
import { devRouter } from './routes/dev.js';
import { errorHandler, notFound } from './routes/errors.js';
import { health } from './routes/health.js';
import { media } from './routes/media.js';
import type { MediaLibrary } from './media/library.js';
import { pageRouter } from './routes/pages.js';
import { redirects } from './routes/redirects.js';
import { createResponder } from './routes/respond.js';

export interface AppDeps {
  config: Config;
  store: ContentStore;
  i18n: i18n;
  assets: Assets;
  logger: Logger;
  counter: ViewCounter;
  /** Derivatives of the media files; /media/_/… answers 404 without it. */
  images?: MediaLibrary;
  /** The clock; tests set it. */
  now?: () => Date;
  /** Signs drafts' preview links (see preview.ts). */
  previewSecret?: Buffer;
}

/**
 * The whole site as a request listener, without listen: tests use it directly. Its first stage
 * is the fast path; `express` is the rest, for a test to compare the two.
 */
export type SiteApp = ((req: IncomingMessage, res: ServerResponse) => void) & {
  fastPath: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** The fast path's cached answers, for the front door in front of Node's HTTP code (http/front-door.ts). */
  fromCache: FromCache;
  express: Express;
};

export function createApp(deps: AppDeps): SiteApp {
  const { config, store, assets, logger } = deps;
  const routeDeps = { ...deps, now: deps.now ?? (() => new Date()) };
  // Every cacheable answer is rendered once per content version and kept here, bounded by bytes.
  const respond = createResponder(routeDeps, new ResponseCache(config.responseCacheBytes), new ResponseCache(config.queryCacheBytes));
  const app = express();
  // 0. The fast path (see cache/fast-path.ts): a URL whose answer is cached for the current
  // content version is answered before Express runs at all (and, where the server has a front
  // door, before Node's HTTP code: http/front-door.ts). Everything else goes on to 1.
  const site: SiteApp = Object.assign((req: IncomingMessage, res: ServerResponse) => void (fastOrNot(site.fastPath, req, res, logger) || app(req, res)), {
    fastPath: respond.fast,
    fromCache: respond.fromCache,
    express: app,
  });

  app.disable('x-powered-by');
  // Trailing slashes are ours to redirect, not Express's to ignore.
  app.set('strict routing', true);
  app.set('case sensitive routing', true);
  app.set('views', VIEWS_DIR);
  app.set('view engine', 'ejs');
  app.set('view cache', config.env !== 'development');
  // Templates include each other by absolute name (include('/partials/card')), resolved from
  // the root without a look on disk (a relative one costs EJS an existsSync per include per
  // render), and read their locals as plain variables (config.ts).
  app.set('view options', TEMPLATE_OPTIONS);
  // Behind nginx, req.ip is the reader's address from X-Forwarded-For, but only from trusted proxies.
  app.set('trust proxy', config.trustProxy);

  // 1. A request id and a log line for every request; security headers on every answer.
  app.use(requestLog(logger));
  app.use(securityHeaders(config.siteUrl, config.apiOrigin));
  // 2. Requests no page answers: an address too long to be ours, a method other than reading.
  app.use(refuseUnreadable());
  // 2b. npm run dev only: the live reload's event stream, before compression (which would hold it back).
  if (config.env === 'development') app.use(devRouter(store));
  // 3. Compression for every answer that is worth it (cached answers come compressed already).
  app.use(compression());
  // 4. Liveness, before anything that needs content.
  app.get('/healthz', health(store));
  // 5. Files: fingerprinted assets from public/; then, on a first start before anything is
  // indexed (and for lists, search, feeds and sitemaps until everything is), 503 with
  // Retry-After; content images from content/media/.
  app.use('/assets', assets.middleware);
  app.get('/favicon.ico', assets.favicon);
  app.use(whileIndexing(store, deps.i18n));
  app.use('/media', media(config, store, deps.images));
  // 6. Canonical addresses: /, /ru, trailing slashes, old article paths.
  app.use(redirects(store));
  // 7. The API: view counts, JSON in and out, its own methods and errors.
  app.use('/api', apiRouter(routeDeps, logger));
  // 8. For crawlers: robots.txt and sitemaps; then pages and feeds, one router per language.
  app.use(crawlerRouter(routeDeps, respond));
  for (const lang of LANGS) app.use(`/${lang}`, pageRouter(routeDeps, respond, lang), feedRouter(routeDeps, respond, lang));
  // 9. Nothing matched: 404 (503 while a first start indexes: it may be an article not indexed
  // yet); then the error handler, last.
  app.use(notIndexedYet(store, deps.i18n));
  app.use(notFound(routeDeps));
  app.use(errorHandler(routeDeps, logger));

  return site;
}
