import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { PROJECT_ROOT } from '../config.js';
import type { ContentIndex } from '../index/content-index.js';
import { yearIn } from '../i18n/format.js';

/**
 * The export's own record, in the export folder: per URL, a key of what its answer is made
 * from and the hash of the bytes written. A second export skips a URL whose key is the same
 * (nothing it is made from changed: not rendered, not written), and writes a rendered answer
 * only when its bytes or its date differ from what the folder holds.
 */
export const MANIFEST_FILE = '.export-manifest.tsv';
/** The manifest while an export changes the folder in place; renamed back when it is done. */
export const UNFINISHED_FILE = '.export-manifest.unfinished.tsv';
const HEADER = '# dknews export manifest 1';

export interface ManifestEntry {
  url: string;
  file: string;
  /** What the answer is made from (see siteKey, urlKey). */
  key: string;
  /** sha256 of the uncompressed bytes written, base64url, 22 characters. */
  hash: string;
  /** The file's mtime (the server's Last-Modified), in ms; 0 when it sends none. */
  mtime: number;
  /** Whether .gz and .br copies lie beside the file. */
  compressed: boolean;
  /** Sizes in bytes of the file and of its copies (0 without). */
  size: number;
  gzip: number;
  br: number;
}

/** What the nginx block is made of besides the index: kept so that a run that fetches little can write the same block. */
export interface NginxFacts {
  types: [string, string][];
  charsetTypes: string[];
  feedType: string;
  securityHeaders: [string, string][];
  corp: Record<string, string>;
}

export interface Manifest {
  nginx: NginxFacts;
  entries: Map<string, ManifestEntry>;
}

export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/** The manifest of an earlier, finished export in dir; undefined when there is none (or it is of another format). */
export function readManifest(dir: string): Manifest | undefined {
  let text;
  try {
    text = readFileSync(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[0] !== HEADER || !lines[1]?.startsWith('{')) return undefined;
  const nginx = JSON.parse(lines[1]) as NginxFacts;
  const entries = new Map<string, ManifestEntry>();
  for (let i = 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const [url = '', file = '', key = '', hash = '', mtime = '0', size = '0', gzip = '0', br = '0'] = line.split('\t');
    entries.set(url, { url, file, key, hash, mtime: Number(mtime), compressed: gzip !== '0', size: Number(size), gzip: Number(gzip), br: Number(br) });
  }
  return { nginx, entries };
}

/**
 * The manifest's bytes: a header, the nginx facts as one JSON line, then one line per URL, in
 * pieces of a few thousand lines (at 100,000 articles the whole is 40 MB, not worth holding
 * twice, as a string and as bytes, at the run's peak).
 */
export function* manifestChunks(nginx: NginxFacts, entries: Iterable<ManifestEntry>): Generator<Buffer> {
  let out = [HEADER, JSON.stringify(nginx)];
  // URLs and file names have no tabs or line breaks: paths.ts makes them from slugs.
  for (const e of entries) {
    out.push(`${e.url}\t${e.file}\t${e.key}\t${e.hash}\t${e.mtime}\t${e.size}\t${e.gzip}\t${e.br}`);
    if (out.length >= 4096) {
      yield Buffer.from(`${out.join('\n')}\n`);
      out = [];
    }
  }
  if (out.length) yield Buffer.from(`${out.join('\n')}\n`);
}

/**
 * What every answer of the site is made from, as one hash: the code and its templates, UI
 * strings and assets (the files of this build, package-lock.json, Node's zlib and brotli,
 * which make the .gz and .br bytes), the configuration, the footer's year, the content (every
 * file's stamp as the index has it, the site's data) and the clock's part: the next moment
 * the site changes by the clock alone (a publication, a breaking lead or live coverage
 * ending) is another one once such a moment has passed.
 */
export function siteKey(config: Config, index: ContentIndex, now: Date): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: 1, node: process.versions.node, zlib: process.versions.zlib, brotli: process.versions.brotli }));
  hash.update(codeHash());
  hash.update(JSON.stringify(config));
  hash.update(`year ${yearIn(now)}\nnext ${index.nextMoment()?.getTime() ?? '-'}\n`);
  // The index's own record of the files it was made from (rel, stamp): read here rather than
  // given a method in src/index, whose schema this line follows (src/index/schema.ts, files).
  for (const row of index.queries.prepare<[], { rel: string; stamp: string | null }>('SELECT rel, stamp FROM files ORDER BY rel').iterate()) hash.update(`${row.rel}\t${row.stamp ?? ''}\n`);
  hash.update(JSON.stringify(index.queries.head()?.data ?? null));
  hash.update(JSON.stringify([...index.media]));
  return hash.digest('base64url').slice(0, 22);
}

/** An article page also shows its view count: the key of its URL carries it. */
export function urlKey(site: string, views: number | undefined): string {
  return views === undefined ? site : createHash('sha256').update(`${site}\t${views}`).digest('base64url').slice(0, 22);
}

let code: string | undefined;

/** The files this build runs from (src/ or dist/src/), the templates, the UI strings, the public files and the lock file. */
function codeHash(): string {
  if (code) return code;
  const hash = createHash('sha256');
  // This file is src/export/manifest.ts (or its build under dist/src/): two folders up is the code's root.
  const srcRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  for (const dir of [srcRoot, ...['views', 'locales', 'public'].map((d) => path.join(PROJECT_ROOT, d))]) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`${path.relative(dir, file)}\n`).update(readFileSync(file));
  }
  hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  return (code = hash.digest('base64url'));
}
