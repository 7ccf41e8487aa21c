import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { boot } from './boot.js';
import { INDEXER_ENV, runPrimary } from './cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ContentLoadError } from './content/errors.js';
import { createServer } from './http/create-server.js';
import { warm, warmOwn } from './http/warm.js';
import { createLogger } from './logger.js';

/** How long requests in flight may take to finish after SIGTERM or SIGINT. */
const GRACE_MS = 10_000;

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
// With several processes, every line says which worker wrote it.
const logger = cluster.isWorker ? createLogger(config.logLevel).child({ worker: cluster.worker!.id }) : createLogger(config.logLevel);

// A process in an unknown state is worse than none: log, exit non-zero, let the supervisor
// (systemd, Docker, Kubernetes, or the cluster's primary) start a fresh one.
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'Uncaught exception; exiting for the supervisor to restart');
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'Unhandled promise rejection; exiting for the supervisor to restart');
  process.exit(1);
});

if (cluster.isPrimary && config.webConcurrency > 1) runPrimary({ workers: config.webConcurrency, logger, graceMs: GRACE_MS });
else await serve(config, logger);

/** One server: the whole process when WEB_CONCURRENCY is 1, else one worker of the cluster. */
async function serve(config: Config, logger: Logger): Promise<void> {
  // SIGHUP reloads content by hand: with CONTENT_WATCH=0, or where the folder cannot be watched.
  // Handled from the first moment (Node's default would end the process): one that arrives
  // while content is still loading reloads once loading is done.
  let reload: (() => void) | undefined;
  let hupWhileLoading = false;
  process.on('SIGHUP', () => (reload ? reload() : (hupWhileLoading = true)));
  try {
    // Of a cluster's workers, the one the primary names indexes content/ and watches it; the others read its index.
    const role = cluster.isWorker && process.env[INDEXER_ENV] !== '1' ? 'reader' : 'writer';
    const { app, store, counter, images, refusalPage } = await boot(config, logger, { background: true, role });
    const server = createServer(app, { logger, refusalPage });
    // Listening at once: on a first start, requests get 503 with Retry-After until the first
    // batch is indexed, then what is indexed so far. "Serving" means serving pages.
    server.listen(config.port, config.host, async () => {
      // The port actually bound: PORT=0 asks the system for a free one.
      const port = (server.address() as AddressInfo).port;
      await store.whenReady();
      logger.info({ url: `http://localhost:${port}/ru/`, port, siteUrl: config.siteUrl, contentDir: config.contentDir }, 'DKNews.kz is serving');
      // Warmed once the index is up to date. A worker's requests to the shared port may reach
      // another worker: it warms itself privately.
      await store.settled();
      void (cluster.isWorker ? warmOwn(createServer(app, { logger, refusalPage }), store.index, logger) : warm(port, store.index, logger));
    });
    if (config.contentWatch) void store.watch(config.contentRescanMs);
    reload = () => void store.reload('SIGHUP');
    if (hupWhileLoading) reload();

    let stopping = false;
    const stop = (signal: string) => {
      // Ctrl-C in a terminal reaches a worker twice: from the terminal, and from the primary.
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'Stopping: no new connections, finishing requests in flight');
      store.stop();
      images.close();
      server.close(() => {
        counter.close();
        store.close();
        logger.info('Stopped');
        process.exit(0);
      });
      server.closeIdleConnections();
      setTimeout(() => {
        logger.warn({ graceMs: GRACE_MS }, 'Requests still in flight after the grace period; closing them');
        server.closeAllConnections();
        counter.close();
        process.exit(0);
      }, GRACE_MS).unref();
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
}
