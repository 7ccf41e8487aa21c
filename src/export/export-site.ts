import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { boot, type Site } from '../boot.js';
import type { Config } from '../config.js';
import { ON_THE_WIRE, PER_ANSWER } from '../http/answer-headers.js';
import { createServer } from '../http/create-server.js';
import { loopbackGet, type LoopbackAnswer } from '../http/loopback.js';
import { Representation, type Encoding } from '../cache/representation.js';
import { cacheControl, EXPORT_KINDS, exportPlan, type ExportEntry, type ExportKind } from './plan.js';
import { NGINX_MARKER, nginxServerBlock } from './nginx.js';

/** Requests in flight at once: enough to keep both cores busy, few enough to stay polite. */
const CONCURRENCY = 4;
export const NGINX_FILE = 'nginx.conf';

/** Headers of one answer, not of the site: the nginx block does not repeat them. */
const NOT_SITE_WIDE = new Set([
  ...PER_ANSWER,
  ...ON_THE_WIRE,
  // Per kind of file: images may be shown by other origins (feed readers), pages may not.
  'cross-origin-resource-policy',
]);

/** Text formats worth compressing, as the server's compression() decides for its files; images are not. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[a-z.+-]+\+(json|xml))|image\/svg\+xml)/;

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
}

export interface ExportSummary {
  urls: number;
  files: number;
  /** Bytes of the files as served uncompressed, and of their .gz and .br copies. */
  bytes: number;
  gzipBytes: number;
  brBytes: number;
  ms: number;
  /** Problems the content has (the same `npm run check` lists); the export goes on without those files. */
  problems: number;
  nginxConf: string;
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
 * .gz and .br copies and an nginx server block. The bytes come from the app itself: it is
 * built as `npm start` builds it (production, no drafts), listens on a loopback port, and is
 * asked for each URL. The export is written beside outDir and then swapped in, so a server
 * reading outDir never sees half an export.
 */
export async function exportSite(options: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  await checkOutDir(options.outDir);
  const config: Config = { ...options.config, env: 'production', contentWatch: false, apiOrigin: options.apiOrigin, embedFacades: false };
  const site = await boot(config, options.logger, { now: options.now });
  const server = createServer(site.app, { logger: options.logger, refusalPage: site.refusalPage });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const staging = path.join(path.dirname(options.outDir), `.${path.basename(options.outDir)}.export-${process.pid}-${Date.now()}`);
  try {
    const fetch = (url: string, encoding: Encoding = 'identity') => loopbackGet((server.address() as AddressInfo).port, url, { encoding, userAgent: 'dknews-export', agent });
    const written = await writeAll(site, config, staging, fetch);
    const nginxConf = path.join(options.outDir, NGINX_FILE);
    await writeFile(path.join(staging, NGINX_FILE), nginxServerBlock({ ...written.nginx, root: options.outDir, exportedAt: options.now?.() ?? new Date() }));
    await swapIn(staging, options.outDir);
    return { ...written.summary, problems: site.store.index.problems.length, nginxConf, ms: Math.round(performance.now() - started) };
  } finally {
    agent.destroy();
    server.close();
    site.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/** Asks the app for every URL of the plan and writes the answers; returns what the nginx block needs. */
async function writeAll(site: Site, config: Config, dir: string, fetch: (url: string, encoding?: Encoding) => Promise<LoopbackAnswer>) {
  const plan = exportPlan(site.store.index, config.pageSize, site.assets.urls);
  const cache = Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, cacheControl(config, kind)])) as Record<ExportKind, string>;
  const types = new Map<string, string>();
  const charsetTypes = new Set<string>();
  let feedType = '';
  let security: [string, string][] | undefined;
  const corp: Partial<Record<ExportKind, string>> = {};
  const summary = { urls: plan.length, files: 0, bytes: 0, gzipBytes: 0, brBytes: 0 };

  await eachLimited(plan, CONCURRENCY, async (entry) => {
    const answer = await fetch(entry.url);
    check(entry, answer, cache[entry.kind]);
    const headers = siteHeaders(answer);
    security ??= headers;
    const corpOf = String(answer.headers['cross-origin-resource-policy'] ?? '');
    if ((corp[entry.kind] ??= corpOf) !== corpOf) throw new Error(`${entry.url}: Cross-Origin-Resource-Policy "${corpOf}" differs from the other files of its kind (${entry.kind})`);
    if (JSON.stringify(headers) !== JSON.stringify(security)) throw new Error(`${entry.url}: the server sent other security headers than for the first URL; the nginx block could not send both`);
    const type = String(answer.headers['content-type']);
    const [base = '', ...params] = type.split(';').map((part) => part.trim());
    if (params.some((p) => p.toLowerCase() === 'charset=utf-8')) charsetTypes.add(base);
    if (entry.kind === 'feed') feedType = base;
    else noteType(types, entry, base);

    const sizes = await writeEntry(dir, entry, { body: answer.body, ...(await compressed(entry.url, answer.body, type, fetch)), lastModified: answer.headers['last-modified'] });
    summary.files += sizes.files;
    summary.bytes += answer.body.length;
    summary.gzipBytes += sizes.gzip;
    summary.brBytes += sizes.br;
  });

  return {
    summary,
    nginx: {
      serverName: new URL(config.siteUrl).hostname,
      securityHeaders: security ?? [],
      corp,
      cacheControl: cache,
      types,
      charsetTypes,
      feedType,
      redirects: site.store.index.redirects(),
    },
  };
}

/** The answer must be the one the plan expects: its status and its kind's Cache-Control. */
function check(entry: ExportEntry, answer: LoopbackAnswer, expectedCache: string): void {
  if (answer.status !== entry.status) throw new Error(`${entry.url}: the server answered ${answer.status}, not ${entry.status}`);
  const cacheControl = answer.headers['cache-control'];
  if (cacheControl !== expectedCache) throw new Error(`${entry.url}: the server sent Cache-Control "${cacheControl}", not the "${expectedCache}" of a ${entry.kind}`);
}

/** The headers every answer carries (security headers), with their names as the server wrote them. */
function siteHeaders(answer: LoopbackAnswer): [string, string][] {
  return Object.entries(answer.headers)
    .filter(([name]) => !NOT_SITE_WIDE.has(name))
    .map(([name, value]): [string, string] => [answer.names.get(name) ?? name, Array.isArray(value) ? value.join(', ') : String(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** One extension, one type: nginx picks the type by extension (the feeds have a location of their own). */
function noteType(types: Map<string, string>, entry: ExportEntry, type: string): void {
  const ext = path.extname(entry.file).slice(1).toLowerCase();
  if (!ext) throw new Error(`${entry.url}: its file ${entry.file} has no extension, so a static server cannot know its type`);
  const known = types.get(ext);
  if (known && known !== type) throw new Error(`${entry.url}: .${ext} files are sent as both ${known} and ${type}; a static server sends one type per extension`);
  types.set(ext, type);
}

/**
 * The .gz and .br bodies of an answer, when the server would compress it. Pages, feeds and
 * sitemaps the server compresses once and keeps (a strong ETag says so): those bytes are
 * asked for. Files it compresses on the fly are compressed here with the server's settings.
 */
async function compressed(url: string, body: Buffer, type: string, fetch: (url: string, encoding?: Encoding) => Promise<LoopbackAnswer>) {
  if (!COMPRESSIBLE.test(type)) return {};
  const [gzip, br] = await Promise.all([fetch(url, 'gzip'), fetch(url, 'br')]);
  const kept = (answer: LoopbackAnswer, encoding: Encoding) => answer.headers['content-encoding'] === encoding && !String(answer.headers.etag).startsWith('W/');
  if (kept(gzip, 'gzip') && kept(br, 'br')) return { gzip: gzip.body, br: br.body };
  const rep = new Representation(body, type);
  return { gzip: rep.gzip, br: rep.br };
}

/** The file and its compressed copies, dated as the server dates the answer (its Last-Modified). */
async function writeEntry(dir: string, entry: ExportEntry, { body, gzip, br, lastModified }: { body: Buffer; gzip?: Buffer; br?: Buffer; lastModified?: string }) {
  if (/\.(gz|br)$/.test(entry.file)) throw new Error(`${entry.url}: a file ending in .gz or .br would be taken for a precompressed copy`);
  const file = path.join(dir, ...entry.file.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  const copies: [string, Buffer][] = [[file, body]];
  if (gzip) copies.push([`${file}.gz`, gzip]);
  if (br) copies.push([`${file}.br`, br]);
  const date = lastModified ? new Date(lastModified) : undefined;
  for (const [name, bytes] of copies) {
    await writeFile(name, bytes, { flag: 'wx' });
    // nginx sends a file's mtime as Last-Modified: the same as the server's, where it sends one.
    if (date) await utimes(name, date, date);
  }
  return { files: copies.length, gzip: gzip?.length ?? 0, br: br?.length ?? 0 };
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

/** Runs work over items with at most `limit` at once; the first failure stops every worker and fails the whole. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
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
