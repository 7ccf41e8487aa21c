import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { PROJECT_ROOT, type Config } from './config.js';
import { ContentStore } from './content/store.js';
import { SqliteViewCounter, type ViewCounter } from './counter/view-counter.js';
import { createAssets } from './http/assets.js';
import { createI18n } from './i18n/setup.js';
import { warmSearch } from './search/search-index.js';

export interface Site {
  app: Express;
  store: ContentStore;
  counter: ViewCounter;
}

/** Everything the server needs, loaded and checked once: content, UI strings, assets, the view counter. */
export async function boot(config: Config, logger: Logger, now?: () => Date): Promise<Site> {
  const store = new ContentStore({
    contentDir: config.contentDir,
    includeDrafts: config.env === 'development',
    logger,
    now,
    // The search index follows every new content version; built off the request path, so the
    // first search after a change does not pay for it.
    onSwap: (index) => setImmediate(() => warmSearch(index)),
  });
  const [i18n] = await Promise.all([createI18n(), store.load()]);
  const assets = createAssets(path.join(PROJECT_ROOT, 'public'), config.cache);
  const counter = new SqliteViewCounter(config.dataDir, logger);
  return { app: createApp({ config, store, i18n, assets, logger, counter, now }), store, counter };
}
