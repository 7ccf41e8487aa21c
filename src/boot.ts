import path from 'node:path';
import type { Logger } from 'pino';
import { createApp, type SiteApp } from './app.js';
import { PROJECT_ROOT, type Config } from './config.js';
import { ContentStore, type ContentStoreOptions } from './sync/store.js';
import { diskSource } from './sync/load.js';
import { MediaLibrary } from './media/library.js';
import { RedisViewCounter } from './counter/redis-view-counter.js';
import { SqliteViewCounter, type ViewCounter } from './counter/view-counter.js';
import { createAssets, type Assets } from './http/assets.js';
import { createI18n } from './i18n/setup.js';
import { DEFAULT_LANG } from './i18n/languages.js';
import { plainPage } from './http/plain-page.js';
import { previewSecret } from './preview.js';

export interface Site {
  /** The site as a request listener, its absolute URLs on the config's SITE_URL; made when first asked for. */
  app: SiteApp;
  /**
   * The same site under another config: the server's, once it knows the port it listens on
   * (config.ts, listeningOn), so that without SITE_URL the absolute URLs name that port.
   */
  appFor(config: Config): SiteApp;
  store: ContentStore;
  counter: ViewCounter;
  /** Originals in content/media/ and their derivatives. */
  images: MediaLibrary;
  /** The fingerprinted files of public/: a static export lists their URLs. */
  assets: Assets;
  /** The page for requests Node refuses before the app (see http/create-server.ts). */
  refusalPage: (status: number) => string;
  /**
   * Takes nothing new in: the content watcher and publication timers stop, the media warm-up
   * stops after the derivative it is making. What is loaded stays readable for requests in flight.
   */
  stop(): void;
  /** Stops, then closes every resource: the view counter and the index database. Once, after the last request. */
  close(): void;
}

export interface BootOptions {
  now?: () => Date;
  /**
   * Serve as soon as there is something to serve, indexing content/ behind (the server); by
   * default boot waits until the index is up to date (tools, tests).
   */
  background?: boolean;
  /** A reader follows the index another process of the machine writes (WEB_CONCURRENCY's other workers). */
  role?: 'writer' | 'reader';
  /** Told how a build of a whole index goes (lifecycle.ts writes it down for npm run reindex). */
  onBuild?: ContentStoreOptions['onBuild'];
  /** Make every derivative of the media in the background (the default); the export's render threads leave it to the main one. */
  warmMedia?: boolean;
}

/** Everything the server needs, loaded and checked once: content, UI strings, assets, the view counter. */
export async function boot(config: Config, logger: Logger, options: BootOptions = {}): Promise<Site> {
  const { now, background = false, role = 'writer', onBuild, warmMedia = true } = options;
  const images = new MediaLibrary({ contentDir: config.contentDir, dataDir: config.dataDir, logger });
  const store = new ContentStore({
    source: diskSource(config.contentDir),
    dataDir: config.dataDir,
    role,
    includeDrafts: config.env === 'development',
    logger,
    now,
    onBuild,
    // The writer surveys the media files at every reconcile; their facts travel in the index.
    images,
    onSwap: (index) => {
      // A reader knows the files from the writer's index; its library learns them too, for the derivative route.
      const known = role === 'reader' ? images.survey(index.media.keys()) : Promise.resolve();
      // The rest of every ladder, in the background: a reader who comes first gets it made at once.
      known.then(() => (warmMedia ? images.warm() : undefined)).catch((error: unknown) => logger.warn({ err: error }, 'Media files not surveyed; derivatives are made when asked for'));
    },
  });
  const [i18n, secret] = await Promise.all([createI18n(), previewSecret(config.dataDir, config.previewSecret).catch((error: unknown) => {
    // A DATA_DIR the server may not write (read-only, full) costs the previews, never the site.
    logger.warn({ err: error }, 'Draft previews are off: no preview secret could be kept in DATA_DIR; set PREVIEW_SECRET');
    return undefined;
  }), background ? store.start() : store.load()]);
  const assets = createAssets(path.join(PROJECT_ROOT, 'public'), config.cache);
  // Redis when several machines serve the site; else SQLite, which the processes of one machine share.
  const counter = config.redisUrl ? await RedisViewCounter.open(config.redisUrl, logger) : new SqliteViewCounter(config.dataDir, logger);
  const t = i18n.getFixedT(DEFAULT_LANG);
  // The request could not be read, so its language is unknown: the site's first language.
  const refusalPage = (status: number) => plainPage(DEFAULT_LANG, t(`error.${status === 431 ? 431 : 400}.title`), t(`error.${status === 431 ? 431 : 400}.text`));
  const stop = () => {
    store.stop();
    images.close();
  };
  const close = () => {
    stop();
    counter.close();
    store.close();
  };
  const appFor = (served: Config) => createApp({ config: served, store, i18n, assets, logger, counter, now, images, previewSecret: secret });
  let app: SiteApp | undefined;
  return {
    get app() {
      return (app ??= appFor(config));
    },
    appFor, store, counter, images, assets, refusalPage, stop, close,
  };
}
