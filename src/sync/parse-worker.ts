import { parentPort, workerData } from 'node:worker_threads';
import { docTerms } from '../index/doc-terms.js';
import { packBody } from '../index/pack.js';
import { readArticleSource } from './load.js';
import { parseArticle, type ArticleContext } from '../parse/parse-article.js';
import type { ParallelSetup, ParsedChunk } from './parse-parallel.js';

// One parsing thread of parse-parallel.ts: reads and parses each chunk of files it is sent,
// stems the search terms too, and answers with the good parses. A file with problems is
// named back (so is one with a warning): the main thread parses it again to report them.
const { contentDir, root, authors, topics, media, names, lean } = workerData as ParallelSetup;
const context: ArticleContext = { authors, topics, media: new Set(media) };
const EMPTY = { html: '', text: '' };
const NO_TERMS = { title: '', lead: '', tags: '', body: '' };
const NO_BODY = { html: new Uint8Array(0), text: new Uint8Array(0) };

parentPort!.on('message', (files: string[]) => {
  const answer: ParsedChunk = { parsed: [], failed: [] };
  for (const rel of files) {
    const source = readArticleSource(contentDir, root, rel);
    if (!source) continue;
    const { article, body, siteLinks, media: shown, mediaLines, problems } = parseArticle(source, context);
    // A file with a warning is parsed again on the main thread too, which reports it.
    if (!article || !body || problems.length) {
      answer.failed.push(rel);
      continue;
    }
    // The body travels packed only: the writer stores it as it is. A lean index (npm run check) stores neither body nor terms.
    const good = { stamp: source.stamp, article, siteLinks: siteLinks ?? [], media: shown ?? [], mediaLines };
    answer.parsed.push(lean ? { rel, good, body: EMPTY, packed: NO_BODY, terms: NO_TERMS } : { rel, good, body: EMPTY, packed: packBody(body), terms: docTerms(article, body, names) });
  }
  parentPort!.postMessage(answer);
});
