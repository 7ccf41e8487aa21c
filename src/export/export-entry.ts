import { renameSync } from 'node:fs';
import path from 'node:path';
import type { Site } from '../boot.js';
import { askInProcess } from '../http/in-process.js';
import type { LoopbackAnswer } from '../http/loopback.js';
import { Representation, type Encoding } from '../cache/representation.js';
import type { ExportEntry, ExportKind } from './plan.js';
import type { ExportFiles } from './files.js';
import { hashBytes, MANIFEST_FILE, UNFINISHED_FILE, type ManifestEntry } from './manifest.js';
import type { NginxCollector } from './nginx-facts.js';

/** Text formats worth compressing, as the server's compression() decides for its files; images are not. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[a-z.+-]+\+(json|xml))|image\/svg\+xml)/;

export type Fetch = (url: string, encoding?: Encoding) => Promise<LoopbackAnswer>;

/** One URL to ask the app for: its plan entry, the key its answer is made from, what the folder holds of it. */
export interface Job {
  entry: ExportEntry;
  key: string;
  before?: ManifestEntry;
}

/** What came of a job: the URL's manifest line, the files written (or dated), whether the folder changed. */
export interface Done {
  made: ManifestEntry;
  written: number;
  changed: boolean;
}

/**
 * A fetch from the site in this thread: the export asks it for each URL as a reader's browser
 * would, through the whole app (http/in-process.ts), so the bytes are the ones the server
 * sends, without a socket or Node's HTTP parser on either side.
 */
export function askingSite(site: Site): Fetch {
  return (url, encoding = 'identity') => askInProcess(site.app, url, { encoding, userAgent: 'dknews-export' });
}

/**
 * Before the first change to an earlier export in place, its manifest goes aside: a run killed
 * from then on is followed by a whole export. Threads that change the folder at once may each
 * call it: the first renames, the others find it done.
 */
export function putManifestAside(dir: string): void {
  try {
    renameSync(path.join(dir, MANIFEST_FILE), path.join(dir, UNFINISHED_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Asks the app for one URL and writes what differs from the folder: the file and its .gz and
 * .br copies, or their dates alone when the bytes are the same. The same on the main thread
 * and on each render thread (render-threads.ts).
 */
export class EntryWriter {
  #aside = false;

  constructor(
    readonly site: Site,
    readonly files: ExportFiles,
    readonly fetch: Fetch,
    /** The Cache-Control each kind of answer must carry. */
    readonly cacheControl: Readonly<Record<ExportKind, string>>,
    readonly facts: NginxCollector,
  ) {}

  async write({ entry, key, before }: Job): Promise<Done> {
    const answer = await this.fetch(entry.url);
    check(entry, answer, this.cacheControl[entry.kind]);
    const type = String(answer.headers['content-type']);
    this.facts.note(entry, answer, type);
    const copies = await this.#compressed(entry.url, answer.body, type);
    const lastModified = answer.headers['last-modified'];
    const made: ManifestEntry = {
      url: entry.url, file: entry.file, key, hash: hashBytes(answer.body), mtime: lastModified ? Date.parse(lastModified) : 0,
      compressed: copies.gzip !== undefined, size: answer.body.length, gzip: copies.gzip?.length ?? 0, br: copies.br?.length ?? 0,
    };
    const same = before && before.hash === made.hash && before.compressed === made.compressed && before.file === made.file;
    if (same && (before.mtime === made.mtime || !made.mtime)) return { made, written: 0, changed: false };
    this.#changing();
    const files = this.files;
    if (same) {
      // The bytes are the same; the server's Last-Modified moved: the dates alone.
      for (const name of namesOf(made)) files.date(name, made.mtime);
      return { made, written: namesOf(made).length, changed: true };
    }
    files.write(entry.file, answer.body, made.mtime);
    if (copies.gzip && copies.br) {
      files.write(`${entry.file}.gz`, copies.gzip, made.mtime);
      files.write(`${entry.file}.br`, copies.br, made.mtime);
    } else if (before?.compressed) for (const name of namesOf(before).slice(1)) files.remove(name);
    return { made, written: namesOf(made).length, changed: true };
  }

  #changing(): void {
    if (this.#aside || !this.files.inPlace) return;
    putManifestAside(this.files.dir);
    this.#aside = true;
  }

  /**
   * The .gz and .br bodies of an answer, when the server would compress it. Pages, feeds and
   * sitemaps the server compresses once and keeps (a strong ETag says so): those bytes are
   * taken from its cache, where the answer just sent lies (the fast path's, as a reader's
   * request for the same URL would get them). Files it compresses on the fly are compressed
   * here with the server's settings.
   */
  async #compressed(url: string, body: Buffer, type: string): Promise<{ gzip?: Buffer; br?: Buffer }> {
    if (!COMPRESSIBLE.test(type)) return {};
    const fromCache = (encoding: Encoding) => {
      const hit = this.site.app.fromCache(url, encoding);
      return hit && hit.lines.toString('latin1').toLowerCase().includes(`content-encoding: ${encoding}\r\n`) ? hit.body : undefined;
    };
    const [gzipCached, brCached] = [fromCache('gzip'), fromCache('br')];
    if (gzipCached && brCached) return { gzip: gzipCached, br: brCached };
    const [gzip, br] = await Promise.all([this.fetch(url, 'gzip'), this.fetch(url, 'br')]);
    const kept = (answer: LoopbackAnswer, encoding: Encoding) => answer.headers['content-encoding'] === encoding && !String(answer.headers.etag).startsWith('W/');
    if (kept(gzip, 'gzip') && kept(br, 'br')) return { gzip: gzip.body, br: br.body };
    const rep = new Representation(body, type);
    return { gzip: rep.gzip, br: rep.br };
  }
}

/** The answer must be the one the plan expects: its status and its kind's Cache-Control. */
function check(entry: ExportEntry, answer: LoopbackAnswer, expectedCache: string): void {
  if (answer.status !== entry.status) throw new Error(`${entry.url}: the server answered ${answer.status}, not ${entry.status}`);
  const cacheControl = answer.headers['cache-control'];
  if (cacheControl !== expectedCache) throw new Error(`${entry.url}: the server sent Cache-Control "${cacheControl}", not the "${expectedCache}" of a ${entry.kind}`);
}

/** The file of an entry and its compressed copies. */
export function namesOf(entry: ManifestEntry): string[] {
  return entry.compressed ? [entry.file, `${entry.file}.gz`, `${entry.file}.br`] : [entry.file];
}

/** Runs work over items with at most `limit` at once; the first failure stops every worker and fails the whole. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
