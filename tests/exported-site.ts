import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { boot, type Site } from '../src/boot.js';
import { loadConfig, type Config } from '../src/config.js';
import { exportSite } from '../src/export/export-site.js';
import { createServer } from '../src/http/create-server.js';
import { FIXTURE_NOW, VALID } from './helpers.js';
import { staticServer } from './http/static-server.js';

export const SITE = 'https://dknews.example';
export const API = 'https://api.dknews.example';
export const silent = pino({ level: 'silent' });
export const now = () => FIXTURE_NOW;

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that keeps the bytes as sent: no decompression, no redirects followed. */
export function fetchRaw(port: number, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: url, headers: { 'Accept-Encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Every file of an export as the URL it answers, or undefined for what is no URL (copies, the nginx block). */
export function urlOf(file: string): string | undefined {
  // The 404 pages are answers, not addresses: compared where unknown addresses are asked for.
  if (/\.(gz|br)$/.test(file) || file === 'nginx.conf' || file === '.export-manifest.tsv' || file.endsWith('404.html')) return undefined;
  const paged = /^_pages\/(.+?)\/(\d+)\.html$/.exec(file);
  if (paged) {
    const list = paged[1]!;
    return `/${list}${/^(ru|kk|en)$/.test(list) ? '/' : ''}?page=${paged[2]}`;
  }
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  if (file.endsWith('.html') && file !== '404.html') return `/${file.slice(0, -'.html'.length)}`;
  return `/${file.split('/').map(encodeURIComponent).join('/')}`;
}

export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

/** The fixture site exported (one article a page, API origin set), the live server beside it, and a plain static server on the export. */
export interface ExportedSite {
  /** A temporary folder for the test's own files; removed after the file's tests. */
  work: string;
  config: Config;
  outDir: string;
  /** Every exported file, relative to outDir, sorted. */
  files: string[];
  livePort: number;
  plainPort: number;
}

/**
 * Exports the fixture site before the file's tests and serves it, and the live site, on
 * loopback ports; stops both and removes every file after them. The object is filled in by
 * the time the first test runs.
 */
export function exportedSite(): ExportedSite {
  const it = {} as ExportedSite;
  let live: Site | undefined;
  let liveServer: Server | undefined;
  let plain: Server | undefined;
  beforeAll(async () => {
    it.work = await mkdtemp(path.join(tmpdir(), 'dknews-export-'));
    it.config = loadConfig({ CONTENT_DIR: VALID, SITE_URL: SITE, NODE_ENV: 'production', DATA_DIR: path.join(it.work, 'data'), CONTENT_WATCH: '0' });
    // One article a page: every list of the fixture has a second page to export.
    it.config.pageSize = 1;
    it.outDir = path.join(it.work, 'site');
    await exportSite({ config: it.config, logger: silent, outDir: it.outDir, apiOrigin: API, now });
    it.files = await filesIn(it.outDir);
    live = await boot({ ...it.config, apiOrigin: API }, silent, { now });
    liveServer = createServer(live.app, { logger: silent, refusalPage: live.refusalPage });
    it.livePort = await listen(liveServer);
    plain = staticServer(() => it.outDir);
    it.plainPort = await listen(plain);
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => (liveServer ? liveServer.close(resolve) : resolve(undefined)));
    await new Promise((resolve) => (plain ? plain.close(resolve) : resolve(undefined)));
    live?.close();
    if (it.work) await rm(it.work, { recursive: true, force: true });
  });
  return it;
}
