import cluster from 'node:cluster';
import type { Logger } from 'pino';
import type { SiteApp } from './app.js';
import type { Site } from './boot.js';
import { INDEXER_ENV } from './cluster.js';
import { ConfigError, loadConfig, localSiteUrl, type Config } from './config.js';
import { createServer } from './http/create-server.js';
import { warm, warmOwn } from './http/warm.js';
import { createLogger } from './logger.js';
import { missingMallocSettings, MALLOC_ENV, tuneHeap } from './memory.js';

/**
 * The process around the server, apart from listening and signals (server.ts): its config and
 * logger, what a crash does, which part of a cluster it plays, reloads by hand, and the
 * warm-up once it serves. The cluster's primary itself is cluster.ts.
 */

/** The config from the environment; a wrong one is said plainly and ends the process with code 2. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/** The process's logger: with several processes, every line says which worker wrote it. */
export function processLogger(config: Config): Logger {
  return cluster.isWorker ? createLogger(config.logLevel).child({ worker: cluster.worker!.id }) : createLogger(config.logLevel);
}

/**
 * A process in an unknown state is worse than none: log, exit non-zero, let the supervisor
 * (systemd, Docker, Kubernetes, or the cluster's primary) start a fresh one.
 */
export function exitOnCrash(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'Uncaught exception; exiting for the supervisor to restart');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'Unhandled promise rejection; exiting for the supervisor to restart');
    process.exit(1);
  });
}

/** Whether this process is the primary of a cluster (WEB_CONCURRENCY > 1): it serves nothing itself. */
export function isClusterPrimary(config: Config): boolean {
  return cluster.isPrimary && config.webConcurrency > 1;
}

/** Of a cluster's workers, the one the primary names indexes content/ and watches it; the others read its index. */
export function contentRole(): 'reader' | 'writer' {
  return cluster.isWorker && process.env[INDEXER_ENV] !== '1' ? 'reader' : 'writer';
}

/**
 * SIGHUP reloads content by hand: with CONTENT_WATCH=0, or where the folder cannot be watched.
 * Handled from the first moment (Node's default would end the process): one that arrives
 * while content is still loading reloads once `reloadWith` has been given the reload.
 */
export function reloadOnHangup(): { reloadWith: (reload: () => void) => void } {
  let reload: (() => void) | undefined;
  let hupWhileLoading = false;
  process.on('SIGHUP', () => (reload ? reload() : (hupWhileLoading = true)));
  return {
    reloadWith(given) {
      reload = given;
      if (hupWhileLoading) reload();
    },
  };
}

/** A serving process's memory settings (src/memory.ts): V8's set now, glibc's named in a warning when the process started without them. */
export function tuneMemory(logger: Logger): void {
  tuneHeap();
  const missing = missingMallocSettings();
  if (!missing.length) return;
  const settings = missing.map((name) => `${name}=${MALLOC_ENV[name]}`).join(' ');
  logger.warn({ missing }, `Started without ${settings}: glibc keeps about 100 MB more after a crawl. npm start sets them; a unit that runs node itself should too (README "Memory")`);
}

/**
 * Once the server listens: says it serves when the index can answer, and warms the caches once
 * the index is up to date. A worker's requests to the shared port may reach another worker: it
 * warms itself privately. `config` is the one served (listeningOn): its port is the one bound.
 */
export async function announceAndWarm(site: Site, served: { app: SiteApp; config: Config }, logger: Logger): Promise<void> {
  const { app, config } = served;
  const { port } = config;
  warnOfLocalSiteUrl(config, logger);
  await site.store.whenReady();
  logger.info({ url: `${localSiteUrl(config.host, port)}/ru/`, port, siteUrl: config.siteUrl, contentDir: config.contentDir }, 'DKNews.kz is serving');
  await site.store.settled();
  const { refusalPage, store } = site;
  void (cluster.isWorker ? warmOwn(createServer(app, { logger, refusalPage }), store.index, logger) : warm(port, store.index, logger));
}

/**
 * A production server without SITE_URL gives crawlers and feed readers this machine's address:
 * said once, by the single process or by the cluster's indexing worker, with what to do.
 */
function warnOfLocalSiteUrl(config: Config, logger: Logger): void {
  if (!config.siteUrlIsLocal || config.env === 'development' || contentRole() !== 'writer') return;
  logger.warn(
    { siteUrl: config.siteUrl },
    `SITE_URL is not set, so every absolute URL (canonical and hreflang links, sitemaps, feeds, robots.txt) uses ${config.siteUrl}, this machine's own address. Set SITE_URL to the site's public address, e.g. SITE_URL=https://dknews.kz`,
  );
}
