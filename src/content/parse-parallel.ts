import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BodyStore } from './bodies.js';
import type { GoodParse } from './last-good.js';
import { parseAuthors, parseTopics } from './parse-data.js';
import type { ArticleBody, ContentSources, SourceFile } from './types.js';

/** Below this many files to parse, starting threads costs more than it saves. */
const PARALLEL_FROM = 400;
/** More threads than this gain little: the main thread still builds the index alone. */
const MAX_THREADS = 4;

export interface ParallelTask {
  files: SourceFile[];
  authors: string[];
  topics: string[];
  media: string[];
}

export interface ParsedInParallel {
  relativePath: string;
  good: GoodParse;
  body: ArticleBody;
}

// Compiled, the worker is a .js file beside this one; run from the TypeScript sources (the
// tests), there is none, and everything is parsed on the main thread as before.
const WORKER = new URL('./parse-worker.js', import.meta.url);
const HAS_WORKER = existsSync(fileURLToPath(WORKER));

/**
 * Parses the article files that need it on every core, before the index is built: the first
 * start at tens of thousands of files, or a reload after thousands arrived at once. Only good parses come back; they join `lastGood` under
 * their stamps and their bodies go into the body store, so buildIndex reuses them as it reuses
 * a previous build's. Files with problems are left to buildIndex, which reports them.
 * Returns `lastGood` itself when there is too little to parse or no second core.
 */
export async function parseInParallel(
  sources: ContentSources,
  lastGood: ReadonlyMap<string, GoodParse> | undefined,
  bodies: BodyStore,
  onDone?: (files: number, threads: number) => void,
  onError?: (error: unknown) => void,
): Promise<ReadonlyMap<string, GoodParse> | undefined> {
  const files = sources.articles.filter((s) => !s.unread && s.text !== undefined && s.stamp !== undefined && lastGood?.get(s.relativePath)?.stamp !== s.stamp);
  const threads = Math.min(MAX_THREADS, availableParallelism());
  if (!HAS_WORKER || threads < 2 || files.length < PARALLEL_FROM) return lastGood;
  const authors = parseAuthors(sources.authors, sources.root).value;
  const topics = parseTopics(sources.topics, sources.root).value;
  // Broken site files: buildIndex reports them, with nothing parsed for it in vain.
  if (!authors || !topics) return lastGood;

  const base = { authors: authors.map((a) => a.id), topics: topics.map((t) => t.id), media: [...sources.media.keys()] };
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const merged = new Map(lastGood);
  const replaced: string[] = [];
  // Each batch goes into the body store as it arrives: no thread holds a whole share's bodies.
  const take = (batch: ParsedInParallel[]) => {
    for (const { relativePath, good, body } of batch) {
      const previous = merged.get(relativePath);
      if (previous) replaced.push(previous.article.bodyId);
      bodies.put(relativePath, good, body);
      merged.set(relativePath, good);
    }
  };
  try {
    await Promise.all(shares.map((share) => run({ ...base, files: share }, take)));
    onDone?.(files.length, threads);
  } catch (error) {
    // Threads that cannot start (a process limit) or fail: the main thread parses what is left.
    onError?.(error);
  }
  bodies.commit(replaced);
  return merged;
}

/** Runs one thread on its share; resolves at its empty batch, which says it is done. */
function run(task: ParallelTask, take: (batch: ParsedInParallel[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: task });
    worker.on('message', (batch: ParsedInParallel[]) => {
      if (batch.length) take(batch);
      else resolve();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A parsing thread stopped with code ${code}`));
      else resolve();
    });
  });
}
