import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { boot, type Site } from '../boot.js';
import type { Config } from '../config.js';
import { compressOffThreadFrom } from '../cache/representation.js';
import { cacheControl, EXPORT_KINDS, exportPlan, type ExportEntry, type ExportKind } from './plan.js';
import { NGINX_MARKER, nginxServerBlock } from './nginx.js';
import { ExportFiles } from './files.js';
import { manifestChunks, MANIFEST_FILE, readManifest, siteKey, UNFINISHED_FILE, urlKey, type Manifest, type ManifestEntry, type NginxFacts } from './manifest.js';
import { NginxCollector, nginxOptions } from './nginx-facts.js';
import { askingSite, eachLimited, EntryWriter, namesOf, putManifestAside, type Done, type Job } from './export-entry.js';
import { RenderThreads, renderThreadsFor } from './render-threads.js';

/** Requests in flight at once on the main thread: enough to keep both cores busy, few enough to stay polite. */
const CONCURRENCY = 4;
/** On a render thread, whose core is its own: one answer rendered while the other's bytes are written. */
const THREAD_CONCURRENCY = 2;
/** The export's response cache: an answer is read back from it right after it is made. */
const EXPORT_CACHE_BYTES = 16 * 1024 * 1024;
export const NGINX_FILE = 'nginx.conf';

export interface ExportOptions {
  /** The configuration from the environment (SITE_URL, CONTENT_DIR, DATA_DIR, …). */
  config: Config;
  logger: Logger;
  /** The export folder, absolute. Replaced whole if it holds an earlier export. */
  outDir: string;
  /** Where exported pages send the view counter and search (an origin), or null to leave both out. */
  apiOrigin: string | null;
  /** The clock; tests set it. */
  now?: () => Date;
  /**
   * Render threads: by default one per core when there are at least THREADS_FROM URLs to
   * render and the export runs compiled; 0 renders on the main thread. Tests set it.
   */
  threads?: number;
}

export interface ExportSummary {
  urls: number;
  files: number;
  /** Files written by this run (bytes or date); the others were left as they were. */
  written: number;
  /** Files of an earlier export deleted: pages gone from the site, leftovers. */
  removed: number;
  /** Whether an earlier export was updated in place (else written beside and swapped in). */
  inPlace: boolean;
  /** Bytes of the files as served uncompressed, and of their .gz and .br copies. */
  bytes: number;
  gzipBytes: number;
  brBytes: number;
  ms: number;
  /** Problems the content has (the same `npm run check` lists); the export goes on without those files. */
  problems: number;
  nginxConf: string;
}

/** An export in place that failed after it had begun to change the folder (see exportSite). */
export class ExportFailedInPlace extends Error {
  override name = 'ExportFailedInPlace';
  constructor(readonly dir: string, options: { cause: unknown }) {
    super(`${dir}: the export in place failed half-way; the next one writes the folder whole`, options);
  }
}

/** A folder that is not an earlier export is never replaced: its files are someone's. */
export class ExportRefused extends Error {
  override name = 'ExportRefused';
  constructor(
    readonly code: 'out_not_folder' | 'out_not_export',
    readonly dir: string,
  ) {
    super(`${dir}: ${code === 'out_not_folder' ? 'not a folder' : 'not empty and not an earlier export'}`);
  }
}

/**
 * Writes every public URL of the site into outDir as the bytes the server sends for it, with
 * .gz and .br copies, an nginx server block and a manifest (manifest.ts). The bytes come from
 * the app itself: it is built as `npm start` builds it (production, no drafts) and asked for
 * each URL in process, through Node's request and response objects (http/in-process.ts).
 *
 * Two ways to write, a trade-off between a reader's view and the cost of a run:
 * - **Whole, beside, swapped in** (a first export, or after one was killed half-way): written
 *   into a folder beside outDir and renamed into place, so a server reading outDir never sees
 *   half an export.
 * - **In place** (outDir holds a finished export with its manifest): a URL whose key is the
 *   same is neither asked for nor written; a file whose bytes changed is written beside itself
 *   and renamed over the old one, so no reader gets half a file. Copying 100,000 pages to swap
 *   in one changed page would cost minutes; the price is that during the run a reader may
 *   see some pages new and others old. The order keeps that harmless: media and assets
 *   first, then articles, then the lists and feeds that link to them, the files gone from the
 *   site last. The manifest is renamed aside while files change, so an export killed
 *   meanwhile is followed by a whole one.
 */
export async function exportSite(options: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  await checkOutDir(options.outDir);
  // The export asks for each answer once, then its compressed forms from the cache at once:
  // a small cache is enough, and a big one would be resident memory for nothing.
  const config: Config = { ...options.config, env: 'production', contentWatch: false, apiOrigin: options.apiOrigin, embedFacades: false, responseCacheBytes: Math.min(options.config.responseCacheBytes, EXPORT_CACHE_BYTES) };
  const site = await boot(config, options.logger, { now: options.now });
  const previous = readManifest(options.outDir);
  const staging = path.join(path.dirname(options.outDir), `.${path.basename(options.outDir)}.export-${process.pid}-${Date.now()}`);
  const files = new ExportFiles(previous ? options.outDir : staging, previous !== undefined);
  try {
    const result = await writeAll(site, config, files, options, previous).catch((error: unknown) => {
      // The manifest was put aside before the first change: a failure before it changed nothing.
      if (previous && !existsSync(path.join(options.outDir, MANIFEST_FILE))) throw new ExportFailedInPlace(options.outDir, { cause: error });
      throw error;
    });
    if (!previous) await swapIn(staging, options.outDir);
    return { ...result, inPlace: previous !== undefined, problems: site.store.index.problems.length, nginxConf: path.join(options.outDir, NGINX_FILE), ms: Math.round(performance.now() - started) };
  } finally {
    site.close();
    if (!previous) await rm(staging, { recursive: true, force: true });
  }
}

/** Media and assets first, then articles, then the pages, lists and feeds that link to them. */
function rank(entry: ExportEntry): number {
  if (entry.kind === 'media' || entry.kind === 'derivative' || entry.kind === 'asset' || entry.kind === 'plainAsset') return 0;
  if (entry.slug !== undefined) return 1;
  return entry.kind === 'page' ? 2 : 3;
}

/**
 * Asks the app for every URL of the plan whose key changed and writes what differs; then the
 * nginx block and the manifest. A big export renders on render threads, one per core
 * (render-threads.ts); a small one, or one run from the TypeScript sources, on this thread.
 */
async function writeAll(site: Site, config: Config, files: ExportFiles, options: ExportOptions, previous: Manifest | undefined) {
  const index = site.store.index;
  const now = options.now?.() ?? new Date();
  const plan = exportPlan(index, config.pageSize, site.assets.urls);
  const key = siteKey(config, index, now);
  const cache = Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, cacheControl(config, kind)])) as Record<ExportKind, string>;
  const facts = new NginxCollector();
  const entries = new Map<string, ManifestEntry>();
  let written = 0;
  // Before the first change in place, the manifest goes aside: a run killed now is followed by a whole export.
  let marked = previous === undefined;
  const changing = () => {
    if (!marked) putManifestAside(files.dir);
    marked = true;
  };

  // A URL whose key is the same and whose file is there is neither asked for nor written.
  const jobs: Job[] = [];
  for (const entry of plan) {
    if (/\.(gz|br)$/.test(entry.file)) throw new Error(`${entry.url}: a file ending in .gz or .br would be taken for a precompressed copy`);
    const entryKey = urlKey(key, entry.slug === undefined ? undefined : site.counter.counted(entry.slug));
    const before = previous?.entries.get(entry.url);
    if (before && !entry.volatile && before.key === entryKey && before.file === entry.file && files.mtime(entry.file) !== undefined) entries.set(entry.url, before);
    else jobs.push({ entry, key: entryKey, before });
  }
  // In place, in an order that keeps what a reader sees whole (see exportSite): one rank after another.
  const groups = previous ? [0, 1, 2, 3].map((r) => jobs.filter((job) => rank(job.entry) === r)) : [jobs];
  const take = (done: Done) => {
    entries.set(done.made.url, done.made);
    written += done.written;
    if (done.changed) marked = true;
  };

  const threads = options.threads ?? renderThreadsFor(jobs.length);
  if (threads) {
    const pool = await RenderThreads.start(threads, { config, dir: files.dir, inPlace: files.inPlace, now: options.now?.().getTime(), cacheControl: cache, concurrency: THREAD_CONCURRENCY });
    try {
      for (const group of groups) await pool.run(group, take);
      for (const seen of await pool.facts()) facts.absorb(seen);
    } finally {
      await pool.close();
    }
  } else {
    // While the event loop renders the next page, libuv's threads compress the last ones.
    const offThreadBefore = compressOffThreadFrom(0);
    try {
      const writer = new EntryWriter(site, files, askingSite(site), cache, facts);
      for (const group of groups) await eachLimited(group, CONCURRENCY, async (job) => take(await writer.write(job)));
    } finally {
      compressOffThreadFrom(offThreadBefore);
    }
  }

  const nginx = facts.facts(previous?.nginx);
  const block = nginxServerBlock({ ...nginxOptions(nginx), serverName: new URL(config.siteUrl).hostname, cacheControl: cache, redirects: index.redirects(), root: options.outDir, exportedAt: now });
  return { ...finish(files, previous, entries, nginx, block, changing, () => marked), written };
}
/**
 * The last steps: the nginx block and the manifest are written when they differ from the
 * folder's, then (in place) the files no URL has any more are deleted, and the manifest is
 * back under its name. A run that found nothing to change has touched nothing.
 */
function finish(files: ExportFiles, previous: Manifest | undefined, entries: Map<string, ManifestEntry>, nginx: NginxFacts, block: string, changing: () => void, changed: () => boolean) {
  const conf = files.full(NGINX_FILE);
  const old = previous ? readText(conf) : undefined;
  // The block's second line says when it was written: a block otherwise the same is left as it is.
  if (old === undefined || withoutDate(old) !== withoutDate(block)) {
    changing();
    files.write(NGINX_FILE, Buffer.from(block), 0);
  }
  const keep = new Set([NGINX_FILE, MANIFEST_FILE]);
  const summary = { urls: entries.size, files: 0, bytes: 0, gzipBytes: 0, brBytes: 0, removed: 0 };
  for (const entry of entries.values()) {
    for (const name of namesOf(entry)) keep.add(name);
    summary.files += namesOf(entry).length;
    summary.bytes += entry.size;
    summary.gzipBytes += entry.gzip;
    summary.brBytes += entry.br;
  }
  // Pages gone from the site, a killed run's temporary files, anything put there by hand.
  if (previous) summary.removed = files.sweep(new Set([...keep, UNFINISHED_FILE]), changing);
  // A new key with the same bytes (a release that changed no page) is worth keeping: the next run skips those URLs.
  const same = (a: ManifestEntry, b: ManifestEntry | undefined) => a === b || (b !== undefined && a.key === b.key && a.hash === b.hash && a.mtime === b.mtime && a.size === b.size && a.gzip === b.gzip && a.br === b.br && a.file === b.file);
  const stale = previous !== undefined && (entries.size !== previous.entries.size || JSON.stringify(nginx) !== JSON.stringify(previous.nginx) || [...entries.values()].some((e) => !same(e, previous.entries.get(e.url))));
  if (!previous || changed() || stale) {
    files.write(MANIFEST_FILE, manifestChunks(nginx, entries.values()), 0);
    if (previous) files.remove(UNFINISHED_FILE);
  }
  return summary;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function withoutDate(block: string): string {
  return block.replace(/^# Written by .*$/m, '');
}

/** Refuses, before any work, an out folder that exists and is neither empty nor an earlier export. */
async function checkOutDir(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    return;
  }
  if (!info.isDirectory()) throw new ExportRefused('out_not_folder', dir);
  if ((await readdir(dir)).length === 0) return;
  const conf = await readFile(path.join(dir, NGINX_FILE), 'utf8').catch(() => '');
  if (!conf.startsWith(NGINX_MARKER)) throw new ExportRefused('out_not_export', dir);
}

/** Puts the staged export at dir, replacing an earlier one, with renames only. */
async function swapIn(staging: string, dir: string): Promise<void> {
  const old = `${staging}.old`;
  const hadOne = await stat(dir).then(() => true, () => false);
  if (hadOne) await rename(dir, old);
  await rename(staging, dir);
  if (hadOne) await rm(old, { recursive: true, force: true });
}
