import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import type { Done, Job } from './export-entry.js';
import type { NginxFacts } from './manifest.js';
import type { ExportKind } from './plan.js';

/** Below this many URLs to render, starting threads (each boots the site) costs more than it saves. */
export const THREADS_FROM = 400;
/** Jobs a thread is given at a time; it holds two chunks, one it renders while its last answer travels. */
const CHUNK = 16;
const IN_FLIGHT = 2;
/**
 * A render thread's old generation, in MB. Left to itself V8 lets a thread that allocates a
 * page after another grow its heap for fewer collections: at 10,000 articles the export's peak
 * was 834 MB with two threads, 566 MB with this bound, in about the same time; at 100,000 the
 * bound keeps the whole run under 1 GB (docs/performance.md). A thread's live data (the
 * index's lists, the response cache) is a fraction of it.
 */
const THREAD_HEAP_MB = 256;
/**
 * A render thread's young generation, in MB. A page's strings, view model and answer live for
 * a few milliseconds; with V8's default for this heap (about 32 MB) enough of them outlived
 * two scavenges to fill the old generation, and its marking was a tenth of the export's CPU
 * (`perf`, 10,000 articles: 11.9 % in the collector). 64 MB: 9.1 %, 80 MB more resident;
 * 128 MB: 7.1 %, 280 MB more; 256 MB: 16 % (docs/performance.md).
 */
const THREAD_YOUNG_MB = 64;

// Compiled, the worker is a .js file beside this one; run from the TypeScript sources (the
// tests of src/), there is none, and the export renders on its main thread.
const WORKER = new URL('./render-worker.js', import.meta.url);

/** What a render thread boots from. */
export interface ThreadSetup {
  /** The export's config (production, no watcher, its API origin). */
  config: Config;
  /** The folder written to, and whether in place (see ExportFiles). */
  dir: string;
  inPlace: boolean;
  /** The export's fixed clock, in ms, when it has one (tests). */
  now?: number;
  cacheControl: Record<ExportKind, string>;
  /** Requests in flight at once on the thread. */
  concurrency: number;
}

export type ToThread = { type: 'jobs'; jobs: Job[] } | { type: 'facts' };
export type ToMain = { type: 'ready' } | { type: 'done'; done: Done[] } | { type: 'facts'; facts: NginxFacts } | { type: 'failed'; message: string };

/** How many render threads an export of `jobs` URLs gets: one per core, none for a small one or without the compiled worker. */
export function renderThreadsFor(jobs: number): number {
  if (jobs < THREADS_FROM || !existsSync(fileURLToPath(WORKER))) return 0;
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(cores, 4) : 0;
}

/**
 * Render threads: each boots the site as a reader of the index the main thread built and
 * renders, compresses and writes the URLs it is given, so that every core renders (the main
 * thread only deals the jobs and keeps the manifest). The first failure stops them all.
 */
/** A render thread, and who wants its next message (the run or the facts being asked for). */
interface Thread {
  worker: Worker;
  wanted?: (message: ToMain) => void;
}

export class RenderThreads {
  readonly #threads: Thread[] = [];
  #failure: Error | undefined;
  #closing = false;

  private constructor() {}

  static async start(count: number, setup: ThreadSetup): Promise<RenderThreads> {
    const pool = new RenderThreads();
    try {
      await Promise.all(Array.from({ length: count }, () => pool.#startOne(setup)));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  #startOne(setup: ThreadSetup): Promise<void> {
    const worker = new Worker(WORKER, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB } });
    const thread: Thread = { worker };
    this.#threads.push(thread);
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        this.#failure ??= error;
        reject(error);
        thread.wanted?.({ type: 'failed', message: error.message });
      };
      worker.on('message', (message: ToMain) => {
        if (message.type === 'ready') return resolve();
        if (message.type === 'failed') return fail(new Error(message.message));
        thread.wanted?.(message);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        // Ended by close() is no failure; a thread that died on its own is.
        if (code !== 0 && !this.#closing) fail(new Error(`an export thread stopped (exit code ${code})`));
      });
    });
  }

  /** Renders every job on the threads; `take` gets each result on the main thread. Rejects at the first failure. */
  run(jobs: readonly Job[], take: (done: Done) => void): Promise<void> {
    let next = 0;
    return new Promise((resolve, reject) => {
      let busy = 0;
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const thread of this.#threads) thread.wanted = undefined;
        if (error) reject(error);
        else resolve();
      };
      const give = (thread: Thread) => {
        if (next >= jobs.length) return;
        const chunk = jobs.slice(next, next + CHUNK);
        next += chunk.length;
        busy++;
        thread.worker.postMessage({ type: 'jobs', jobs: chunk } satisfies ToThread);
      };
      for (const thread of this.#threads) {
        thread.wanted = (message) => {
          if (message.type === 'failed') return finish(this.#failure ?? new Error(message.message));
          if (message.type !== 'done') return;
          busy--;
          try {
            for (const done of message.done) take(done);
          } catch (error) {
            return finish(error as Error);
          }
          give(thread);
          if (busy === 0) finish();
        };
      }
      if (this.#failure) return finish(this.#failure);
      for (const thread of this.#threads) for (let i = 0; i < IN_FLIGHT; i++) give(thread);
      if (busy === 0) finish();
    });
  }

  /** What each thread saw for the nginx block; the threads end. */
  async facts(): Promise<NginxFacts[]> {
    const all = await Promise.all(
      this.#threads.map(
        (thread) =>
          new Promise<NginxFacts>((resolve, reject) => {
            thread.wanted = (message) => {
              if (message.type === 'facts') resolve(message.facts);
              else if (message.type === 'failed') reject(this.#failure ?? new Error(message.message));
            };
            thread.worker.postMessage({ type: 'facts' } satisfies ToThread);
          }),
      ),
    );
    await this.close();
    return all;
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#threads.map((thread) => thread.worker.terminate()));
    this.#threads.length = 0;
  }
}
