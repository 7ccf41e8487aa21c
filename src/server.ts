import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.js';
import { boot } from './boot.js';
import { ContentLoadError } from './content/errors.js';
import { createLogger } from './logger.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const logger = createLogger(config.logLevel);

try {
  const { app, store, counter } = await boot(config, logger);
  const server = app.listen(config.port, config.host, () => {
    // The port actually bound: PORT=0 asks the system for a free one.
    const port = (server.address() as AddressInfo).port;
    logger.info({ url: `http://localhost:${port}/ru/`, port, siteUrl: config.siteUrl, contentDir: config.contentDir }, 'DKNews.kz is serving');
  });
  if (config.contentWatch) store.watch();
  // SIGHUP reloads content by hand: with CONTENT_WATCH=0, or where the folder cannot be watched.
  process.on('SIGHUP', () => void store.reload('SIGHUP'));
  const stop = (signal: string) => {
    logger.info({ signal }, 'Stopping: no new connections, finishing requests in flight');
    store.close();
    server.close(() => {
      counter.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ContentLoadError) {
    logger.fatal(error.message);
    process.exit(1);
  }
  throw error;
}
