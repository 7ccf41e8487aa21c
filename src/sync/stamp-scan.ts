import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a full scan finds: the files to parse, the indexed ones gone, every article file (when any changed), the near misses. */
export interface StampScan {
  changed: string[];
  gone: string[];
  listing: string[];
  nearMisses: string[];
}

export interface StampScanSetup {
  contentDir: string;
  /** The index file, read by the thread through a connection of its own. */
  indexFile: string;
  /** Files to parse again whatever their stamp. */
  stale: string[];
}

// Compiled, the thread is a .js file beside this one; run from the TypeScript sources (the
// tests), there is none, and the scan runs on the main thread.
const WORKER = new URL('./stamp-worker.js', import.meta.url);
const HAS_WORKER = existsSync(fileURLToPath(WORKER));

/**
 * Below this many indexed files the scan stays on the main thread: starting a thread costs
 * more. Above it, the listing, the stamps and the stats of every file (166,594 at 100,000
 * articles: 100 MB the main heap would keep, and seconds of slices on the event loop) are a
 * thread's, which gives its memory back when it ends.
 */
export const THREAD_FROM = 20_000;

/** Whether a full scan of an index of about this many files runs on a thread. */
export function scanOnThread(indexFile: string | undefined, files: number): indexFile is string {
  return HAS_WORKER && indexFile !== undefined && files >= THREAD_FROM;
}

/** Compares every article file's stamp with the index's, on a thread; rejects if the thread fails. */
export function scanStamps(setup: StampScanSetup): Promise<StampScan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: setup });
    worker.once('message', (scan: StampScan) => {
      resolve(scan);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The stamp scan thread ended (exit code ${code}) without an answer`)));
  });
}
