import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { articleStamp, listNewsFiles } from './load.js';
import type { StampScan, StampScanSetup } from './stamp-scan.js';

// A full scan's stamp comparison on a thread of its own (see stamp-scan.ts): the listing of
// every article file, the index's stamps and a stat of each file are archive-sized, and the
// thread's memory is given back when it ends.
const { contentDir, indexFile, stale } = workerData as StampScanSetup;
const { articles: listing, nearMisses } = await listNewsFiles(contentDir);
const db = new Database(indexFile, { readonly: true, fileMustExist: true });
const stamps = new Map(db.prepare<[], [string, string | null]>('SELECT rel, stamp FROM files').raw().all());
db.close();
const again = new Set(stale);
const changed: string[] = [];
for (const rel of listing) {
  const stamp = articleStamp(contentDir, rel);
  if (stamp === undefined) continue;
  if (again.has(rel) || !stamps.has(rel) || stamps.get(rel) !== stamp) changed.push(rel);
  stamps.delete(rel);
}
const answer: StampScan = { changed, gone: [...stamps.keys()], listing: changed.length ? listing : [], nearMisses };
parentPort!.postMessage(answer);
