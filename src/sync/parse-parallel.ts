import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Names } from '../index/doc-terms.js';
import type { IndexedFile } from '../index/writer.js';

/** Below this many files to parse, starting threads costs more than it saves. */
export const PARALLEL_FROM = 400;
/** More threads than this gain little: the main thread still writes the index alone. */
const MAX_THREADS = 4;
/** Files a thread is given at a time: what is in flight stays small, whatever the archive's size. */
const CHUNK = 64;

/** What a parsing thread needs besides the paths: where the files are and what they may refer to. */
export interface ParallelSetup {
  contentDir: string;
  root: string;
  authors: string[];
  topics: string[];
  media: string[];
  names: Names;
}

/** A thread's answer to a chunk: the good parses, and the files to parse on the main thread (they have problems to report). */
export interface ParsedChunk {
  parsed: IndexedFile[];
  failed: string[];
}

// Compiled, the worker is a .js file beside this one; run from the TypeScript sources (the
// tests), there is none, and everything is parsed on the main thread.
const WORKER = new URL('./parse-worker.js', import.meta.url);
const HAS_WORKER = existsSync(fileURLToPath(WORKER));

/** Whether this many files are parsed on every core rather than on the main thread. */
export function parallelFor(files: number): boolean {
  return HAS_WORKER && files >= PARALLEL_FROM && Math.min(MAX_THREADS, availableParallelism()) >= 2;
}

/**
 * Parses article files on every core: each thread reads and parses a chunk, answers, and gets
 * the next chunk only once `take` has dealt with its answer (written it to the index), so
 * memory holds a few chunks, never the archive. Returns the files no thread parsed (threads
 * that could not start or failed), which the main thread parses, and how many threads ran.
 */
export async function parseInParallel(
  files: readonly string[],
  setup: ParallelSetup,
  take: (chunk: ParsedChunk) => void | Promise<void>,
): Promise<{ left: string[]; threads: number }> {
  const queue = [...files];
  const given = new Map<Worker, string[]>();
  const left: string[] = [];
  const threads = Math.min(MAX_THREADS, availableParallelism(), Math.ceil(files.length / CHUNK));
  let failure: unknown;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(WORKER, { workerData: setup });
        const next = () => {
          const chunk = queue.splice(0, CHUNK);
          if (!chunk.length) {
            given.delete(worker);
            void worker.terminate();
            return resolve();
          }
          given.set(worker, chunk);
          worker.postMessage(chunk);
        };
        worker.on('message', (answer: ParsedChunk) => {
          Promise.resolve(take(answer)).then(next, (error: unknown) => {
            // The index could not take it: nothing more goes anywhere; the caller hears of it.
            failure ??= error;
            queue.length = 0;
            given.delete(worker);
            void worker.terminate();
            resolve();
          });
        });
        worker.once('error', () => {
          left.push(...(given.get(worker) ?? []));
          given.delete(worker);
          resolve();
        });
        worker.once('online', next);
      }),
    ),
  );
  if (failure) throw failure;
  return { left: [...left, ...queue], threads };
}
