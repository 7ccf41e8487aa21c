import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { boot, type Site } from './boot.js';
import { runPrimary } from './cluster.js';
import { listeningOn, type Config } from './config.js';
import { ContentLoadError } from './problems/errors.js';
import { createServer } from './http/create-server.js';
import { frontDoor } from './http/front-door.js';
import { CONTROL_SIGNAL, takeRequests, writePid } from './control.js';
import { announceAndWarm, configOrExit, contentRole, exitOnCrash, handledFromStart, isClusterPrimary, processLogger, reportBuilds, tuneMemory } from './lifecycle.js';

/** How long requests in flight may take to finish after SIGTERM or SIGINT. */
const GRACE_MS = 10_000;

const config = configOrExit();
const logger = processLogger(config);
exitOnCrash(logger);

if (isClusterPrimary(config)) runPrimary({ workers: config.webConcurrency, logger, graceMs: GRACE_MS, dataDir: config.dataDir });
else await serve(config, logger);

/** One server: the whole process when WEB_CONCURRENCY is 1, else one worker of the cluster. */
async function serve(config: Config, logger: Logger): Promise<void> {
  const hangup = handledFromStart('SIGHUP');
  const reindex = handledFromStart(CONTROL_SIGNAL);
  tuneMemory(logger);
  try {
    const role = contentRole();
    const site = await boot(config, logger, { background: true, role, onBuild: role === 'writer' ? reportBuilds(config.dataDir) : undefined });
    const server = createServer(undefined, { logger, refusalPage: site.refusalPage });
    // Cached pages are answered at the door, before Node's HTTP code, once the app is made.
    let app: ReturnType<Site['appFor']> | undefined;
    const front = frontDoor(server, () => app?.fromCache, logger);
    // Listening at once: on a first start, requests get 503 with Retry-After until the first
    // batch is indexed, then what is indexed so far. "Serving" means serving pages. The app is
    // made as the port is bound, before any request: without SITE_URL, its absolute URLs name
    // that port, which for PORT=0 only the system knows.
    server.listen(config.port, config.host, () => {
      const served = listeningOn(config, (server.address() as AddressInfo).port);
      app = site.appFor(served);
      server.on('request', app);
      void announceAndWarm(site, { app, config: served }, logger);
    });
    if (config.contentWatch) void site.store.watch(config.contentRescanMs);
    hangup.handleWith(() => void site.store.reload('SIGHUP'));
    // npm run reindex: a fresh index built beside the serving one (a cluster's primary passes the signal to the indexing worker).
    if (role === 'writer') reindex.handleWith(() => void site.store.rebuild('npm run reindex', takeRequests(config.dataDir)).catch(() => {}));
    // npm run reindex finds a single process through DATA_DIR; a cluster's primary writes its own pid.
    const unlistPid = cluster.isWorker ? () => {} : writePid(config.dataDir);

    let stopping = false;
    const stop = (signal: string) => {
      // Ctrl-C in a terminal reaches a worker twice: from the terminal, and from the primary.
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'Stopping: no new connections, finishing requests in flight');
      unlistPid();
      site.stop();
      front.close();
      server.close(() => {
        site.close();
        logger.info('Stopped');
        process.exit(0);
      });
      server.closeIdleConnections();
      setTimeout(() => {
        logger.warn({ graceMs: GRACE_MS }, 'Requests still in flight after the grace period; closing them');
        server.closeAllConnections();
        site.close();
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
