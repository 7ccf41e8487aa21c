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
  /** npm run check: no search terms, no packed bodies (see ReconcileOptions.lean). */
  lean: boolean;
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

/** Chunks a thread holds at once: one it parses while the main thread writes its last answer. */
const IN_FLIGHT = 2;

/**
 * Parses article files on every core: each thread reads and parses a chunk and answers; it is
 * given its next chunk as it answers, so that it parses that one while `take` deals with the
 * answer (writes it to the index), and holds at most IN_FLIGHT chunks: memory holds a few
 * chunks, never the archive. Returns the files no thread parsed (threads that could not start
 * or failed), which the main thread parses, and how many threads ran.
 */
export async function parseInParallel(
  files: readonly string[],
  setup: ParallelSetup,
  take: (chunk: ParsedChunk) => void | Promise<void>,
): Promise<{ left: string[]; threads: number }> {
  const queue = [...files];
  /** The chunks each thread was given and has not answered, oldest first. */
  const given = new Map<Worker, string[][]>();
  const left: string[] = [];
  const threads = Math.min(MAX_THREADS, availableParallelism(), Math.ceil(files.length / CHUNK));
  let failure: unknown;
  await Promise.all(
    Array.from({ length: threads }, () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(WORKER, { workerData: setup });
        const held: string[][] = [];
        given.set(worker, held);
        /** Answers `take` is still dealing with. */
        let taking = 0;
        const stop = () => {
          given.delete(worker);
          void worker.terminate();
          resolve();
        };
        const give = () => {
          const chunk = queue.splice(0, CHUNK);
          if (!chunk.length) return;
          held.push(chunk);
          worker.postMessage(chunk);
        };
        worker.on('message', (answer: ParsedChunk) => {
          held.shift();
          give();
          taking += 1;
          Promise.resolve(take(answer)).then(
            () => {
              taking -= 1;
              if (!held.length && !taking && given.has(worker)) stop();
            },
            (error: unknown) => {
              // The index could not take it: nothing more goes anywhere; the caller hears of it.
              failure ??= error;
              queue.length = 0;
              held.length = 0;
              if (given.has(worker)) stop();
            },
          );
        });
        worker.once('error', () => {
          for (const chunk of held) left.push(...chunk);
          given.delete(worker);
          resolve();
        });
        worker.once('online', () => {
          for (let i = 0; i < IN_FLIGHT; i++) give();
          if (!held.length) stop();
        });
      }),
    ),
  );
  if (failure) throw failure;
  return { left: [...left, ...queue], threads };
}
