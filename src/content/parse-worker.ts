import { parentPort, workerData } from 'node:worker_threads';
import { parseArticle, type ArticleContext } from './parse-article.js';
import type { ParsedInParallel, ParallelTask } from './parse-parallel.js';

// One worker thread of parse-parallel.ts: parses its share of the files, answers once, ends.
const { files, authors, topics, media } = workerData as ParallelTask;
const context: ArticleContext = { authors, topics, media: new Set(media) };
const results: ParsedInParallel[] = [];
for (const source of files) {
  const parsed = parseArticle(source, context);
  if (parsed.article && parsed.body) {
    results.push({
      relativePath: source.relativePath,
      good: { stamp: source.stamp, article: parsed.article, siteLinks: parsed.siteLinks ?? [], media: parsed.media ?? [] },
      body: parsed.body,
    });
  }
}
parentPort!.postMessage(results);
