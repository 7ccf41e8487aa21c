import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { PROJECT_ROOT, type Config } from './config.js';
import { ContentStore } from './content/store.js';
import { createAssets } from './http/assets.js';
import { createI18n } from './i18n/setup.js';

export interface Site {
  app: Express;
  store: ContentStore;
}

/** Everything the server needs, loaded and checked once: content, UI strings, assets. */
export async function boot(config: Config, logger: Logger, now?: () => Date): Promise<Site> {
  const store = new ContentStore({ contentDir: config.contentDir, includeDrafts: config.env === 'development', logger, now });
  const [i18n] = await Promise.all([createI18n(), store.load()]);
  const assets = createAssets(path.join(PROJECT_ROOT, 'public'), config.cache);
  return { app: createApp({ config, store, i18n, assets, logger, now }), store };
}
