import path from 'node:path';
import type { Logger } from 'pino';
import { createApp, type SiteApp } from './app.js';
import { PROJECT_ROOT, type Config } from './config.js';
import { ParseCache } from './content/parse-cache.js';
import { ContentStore } from './content/store.js';
import { MediaLibrary } from './media/library.js';
import { RedisViewCounter } from './counter/redis-view-counter.js';
import { SqliteViewCounter, type ViewCounter } from './counter/view-counter.js';
import { createAssets, type Assets } from './http/assets.js';
import { createI18n } from './i18n/setup.js';
import { warmSearch } from './search/search-index.js';
import { DEFAULT_LANG } from './i18n/languages.js';
import { plainPage } from './http/plain-page.js';

export interface Site {
  app: SiteApp;
  store: ContentStore;
  counter: ViewCounter;
  /** Parsed articles and their bodies on disk; closed last, after requests in flight are done. */
  parseCache: ParseCache;
  /** Originals in content/media/ and their derivatives. */
  images: MediaLibrary;
  /** The fingerprinted files of public/: a static export lists their URLs. */
  assets: Assets;
  /** The page for requests Node refuses before the app (see http/create-server.ts). */
  refusalPage: (status: number) => string;
}

/** Everything the server needs, loaded and checked once: content, UI strings, assets, the view counter. */
export async function boot(config: Config, logger: Logger, now?: () => Date): Promise<Site> {
  const parseCache = new ParseCache(config.dataDir, logger);
  const images = new MediaLibrary({ contentDir: config.contentDir, dataDir: config.dataDir, logger });
  const store = new ContentStore({
    contentDir: config.contentDir,
    bodies: parseCache,
    remembered: parseCache.remembered(),
    includeDrafts: config.env === 'development',
    logger,
    now,
    // The search index follows every new content version; built off the request path, so the
    // first search after a change does not pay for it.
    images,
    onSwap: (index) => {
      setImmediate(() => warmSearch(index).catch((error: unknown) => logger.warn({ err: error }, 'Search index not built ahead; the first search will try again')));
      // The rest of every ladder, in the background: a reader who comes first gets it made at once.
      void images.warm();
    },
  });
  const [i18n] = await Promise.all([createI18n(), store.load()]);
  const assets = createAssets(path.join(PROJECT_ROOT, 'public'), config.cache);
  // Redis when several machines serve the site; else SQLite, which the processes of one machine share.
  const counter = config.redisUrl ? await RedisViewCounter.open(config.redisUrl, logger) : new SqliteViewCounter(config.dataDir, logger);
  const t = i18n.getFixedT(DEFAULT_LANG);
  // The request could not be read, so its language is unknown: the site's first language.
  const refusalPage = (status: number) => plainPage(DEFAULT_LANG, t(`error.${status === 431 ? 431 : 400}.title`), t(`error.${status === 431 ? 431 : 400}.text`));
  return { app: createApp({ config, store, i18n, assets, logger, counter, now, images }), store, counter, parseCache, images, assets, refusalPage };
}
