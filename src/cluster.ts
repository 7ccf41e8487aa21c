import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { CONTROL_SIGNAL, writePid } from './control.js';
import { mallocDefaults } from './memory.js';

/** A worker that dies sooner than this after starting is failing, not unlucky: its successor waits. */
const STEADY_MS = 10_000;
/** The first wait before replacing a failing worker; it doubles with each further failure, up to the next. */
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
/** Set to 1 in the environment of the worker that indexes content/ and watches it; the others read its index. */
export const INDEXER_ENV = 'DKNEWS_INDEXER';
/** Workers stop by themselves within their grace period; one still running this much later is killed. */
const KILL_MARGIN_MS = 5000;

export interface PrimaryOptions {
  workers: number;
  logger: Logger;
  /** How long a worker may take to finish its requests after SIGTERM. */
  graceMs: number;
  /** Where the primary writes its pid, for npm run reindex to find it. */
  dataDir: string;
}

/**
 * The primary process when WEB_CONCURRENCY > 1. It serves nothing itself: it starts the workers
 * (each a whole server with its own caches, all sharing the port and one content index, which
 * the first worker keeps and the others read), replaces one
 * that dies, passes SIGHUP and npm run reindex's signal on to the indexing worker, and on SIGTERM or SIGINT stops them and exits
 * once they have finished their requests. A worker that cannot start before any has served
 * (a broken site.yml) stops everything with exit code 1, as the single process would.
 */
export function runPrimary({ workers, logger, graceMs, dataDir }: PrimaryOptions): void {
  const live = new Map<number, { worker: Worker; startedAt: number; listening?: boolean }>();
  let served = false;
  let stopping = false;
  let exitCode = 0;
  let failures = 0;

  // One worker indexes: a first start costs one parse, not one per worker. When it dies, its successor indexes.
  let indexer: number | undefined;
  /** npm run reindex asked while the indexing worker was starting: it is told once it serves. */
  let reindexWanted = false;
  const fork = () => {
    if (stopping) return;
    const indexes = indexer === undefined;
    // glibc reads its malloc settings when a process starts: each worker gets them, however the primary was started.
    const worker = cluster.fork({ ...mallocDefaults(), [INDEXER_ENV]: indexes ? '1' : '0' });
    if (indexes) indexer = worker.id;
    const entry: { worker: Worker; startedAt: number; listening?: boolean } = { worker, startedAt: Date.now() };
    live.set(worker.id, entry);
    worker.once('listening', () => {
      served = true;
      entry.listening = true;
      if (reindexWanted && worker.id === indexer) {
        reindexWanted = false;
        worker.process.kill(CONTROL_SIGNAL);
      }
    });
    logger.info({ worker: worker.id, pid: worker.process.pid }, 'Worker started');
  };

  const unlistPid = writePid(dataDir);
  const exitWhenDone = () => {
    if (live.size > 0) return;
    unlistPid();
    logger.info({ code: exitCode }, 'Stopped');
    process.exit(exitCode);
  };

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    logger.info({ reason, workers: live.size }, 'Stopping: every worker finishes its requests in flight');
    for (const { worker } of live.values()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.warn({ workers: live.size }, 'Workers still running after the grace period; killing them');
      for (const { worker } of live.values()) worker.process.kill('SIGKILL');
    }, graceMs + KILL_MARGIN_MS).unref();
    exitWhenDone();
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (live.get(worker.id)?.startedAt ?? 0);
    live.delete(worker.id);
    if (indexer === worker.id) indexer = undefined;
    if (stopping) {
      // Killed by SIGTERM: a worker still starting, before it could drain anything.
      if (code !== 0 && signal !== 'SIGTERM') exitCode = 1;
      return exitWhenDone();
    }
    if (!served) {
      logger.fatal({ worker: worker.id, code, signal }, 'A worker could not start; stopping (its log says why)');
      return stop('a worker could not start', 1);
    }
    failures = lived < STEADY_MS ? failures + 1 : 0;
    const delay = failures === 0 ? 0 : Math.min(FIRST_BACKOFF_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
    logger.error({ worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: delay }, 'Worker died; starting another');
    setTimeout(fork, delay);
  });

  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  // Content reload by hand reaches the indexing worker: the others follow its index.
  // One still starting might not yet handle the signal.
  process.on('SIGHUP', () => {
    for (const { worker, listening } of live.values()) if (listening && worker.id === indexer) worker.process.kill('SIGHUP');
  });
  // npm run reindex (control.ts) asks the primary, whose pid it finds; the indexing worker
  // rebuilds, the others follow. One still starting gets it once it serves.
  process.on(CONTROL_SIGNAL, () => {
    const entry = indexer === undefined ? undefined : live.get(indexer);
    if (entry?.listening) entry.worker.process.kill(CONTROL_SIGNAL);
    else reindexWanted = true;
  });

  logger.info({ workers }, 'Starting the workers');
  for (let i = 0; i < workers; i++) fork();
}
