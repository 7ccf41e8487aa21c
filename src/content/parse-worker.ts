import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle, type ArticleContext } from './parse-article.js';
import type { ParsedInParallel, ParallelTask } from './parse-parallel.js';

// One worker thread of parse-parallel.ts: parses its share of the files and sends the good
// parses back in batches (so that its heap stays small), then an empty batch: done.
const BATCH = 250;
const { files, authors, topics, media } = workerData as ParallelTask;
const context: ArticleContext = { authors, topics, media: new Set(media) };
let batch: ParsedInParallel[] = [];
for (const source of files) {
  const parsed = parseArticle(source, context);
  if (parsed.article && parsed.body) {
    batch.push({
      relativePath: source.relativePath,
      good: { stamp: source.stamp, article: parsed.article, siteLinks: parsed.siteLinks ?? [], media: parsed.media ?? [], mediaLines: parsed.mediaLines },
      body: parsed.body,
    });
  }
  if (batch.length === BATCH) {
    parentPort!.postMessage(batch);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage([]);
