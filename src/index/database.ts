import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../config.js';
import { SCHEMA, SCHEMA_VERSION } from './schema.js';

/** An index file of another parser version, untouched this long, is deleted at open (a deploy's leftover). */
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The index file of this parser and schema version: DATA_DIR/content-index-<fingerprint>.sqlite,
 * with `-drafts` for a development server, which lists drafts.
 */
export function indexFile(dataDir: string, includeDrafts: boolean): string {
  return path.join(dataDir, `content-index-${parserFingerprint()}${includeDrafts ? '-drafts' : ''}.sqlite`);
}

/**
 * Opens (creating if need be) the index for writing. A file that is not a database, or whose
 * tables cannot be read, is deleted and made anew: it is derived from content/, so nothing is
 * lost but the time to index again. When DATA_DIR cannot hold it, an in-memory index does
 * the same job for this run, and the reason is logged.
 */
export function openForWriting(file: string, logger: Logger): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  removeStale(path.dirname(file), file, logger);
  for (let attempt = 0; ; attempt++) {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: 5000 });
      db.pragma('journal_mode = WAL');
      // Derived data: losing the last writes on power loss costs indexing them again.
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -16000');
      // Not a full integrity check: at 100,000 articles that reads a gigabyte and would make a
      // restart wait. A file that is not a database fails the pragma above or the schema here.
      db.exec(SCHEMA);
      const version = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get();
      if (version === undefined) db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
      return db;
    } catch (error) {
      db?.close();
      const code = (error as { code?: string }).code ?? '';
      if (attempt === 0 && !['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_FULL'].some((c) => code.startsWith(c)) && remove(file)) {
        logger.warn({ err: error, file }, 'Content index damaged; deleting it and indexing content/ again');
        continue;
      }
      logger.warn({ err: error, file }, 'Content index cannot be kept in DATA_DIR: it is built in memory for this run. Check that DATA_DIR is writable.');
      return openInMemory();
    }
  }
}

/** Deletes an index file and its journal; false when that is not possible (a read-only folder). */
function remove(file: string): boolean {
  try {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Opens the index another process writes, for reading; undefined while that process has not made it yet. */
export function openForReading(file: string): Database.Database | undefined {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    db.pragma('cache_size = -16000');
    db.prepare("SELECT value FROM meta WHERE key = 'data'").get();
    return db;
  } catch {
    return undefined;
  }
}

/** Index files of other parser versions (and the parse caches of earlier releases) nothing has used for a day. */
function removeStale(dataDir: string, keep: string, logger: Logger): void {
  try {
    for (const name of readdirSync(dataDir)) {
      const file = path.join(dataDir, name);
      if (!/^(content-index|parse-cache)-[\w-]+\.sqlite(-wal|-shm)?$/.test(name) || file.startsWith(keep)) continue;
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    }
  } catch (error) {
    logger.warn({ err: error, dataDir }, 'Content index: could not remove the files of older versions');
  }
}

/**
 * Modules of src/sync that never shape what is stored (watching, the store of versions):
 * changing them must not cost an archive of 100,000 articles a full index again (20 minutes on
 * a busy two-core machine).
 */
const READ_SIDE = new Set(['sync/watch', 'sync/store']);

/**
 * What the stored rows were made by: the parser (src/parse, with the media facts and their join),
 * the sync engine but its read side, the index's schema, writer, packed bodies and search terms,
 * the text functions, the languages, paths.ts, and every library version (package-lock.json).
 * Any change there means an index file of its own. src/problems is left out: no row holds a
 * message, each is worded when it is shown. A module named here and not found throws, so that
 * moving files cannot leave the fingerprint hashing less than it should.
 */
function parserFingerprint(): string {
  const hash = createHash('sha256');
  const src = path.dirname(import.meta.dirname);
  const inFolder = (folder: string, names?: string[]) => {
    const found = readdirSync(path.join(src, folder))
      .filter((file) => /\.(js|ts)$/.test(file) && (!names || names.some((name) => file.startsWith(`${name}.`))) && !READ_SIDE.has(`${folder}/${file.replace(/\.(js|ts)$/, '')}`))
      .map((file) => path.join(folder, file));
    const missing = names ? names.filter((name) => !found.some((file) => path.basename(file).startsWith(`${name}.`))) : found.length ? [] : ['*'];
    if (missing.length) throw new Error(`The index fingerprint hashes ${missing.map((name) => `src/${folder}/${name}`).join(', ')}, which is not there: name the modules that shape the rows in index/database.ts`);
    return found;
  };
  const modules = [
    ...inFolder('parse'),
    ...inFolder('sync'),
    ...inFolder('index', ['schema', 'writer', 'pack', 'doc-terms', 'terms', 'kazakh-stem']),
    ...inFolder('text'),
    // Live updates' times are written into the body by i18n/format's dates.
    ...inFolder('i18n', ['languages', 'format']),
    // An article's and a page's path are parsed with them.
    ...inFolder('.', ['paths']),
  ];
  for (const file of modules.sort()) hash.update(file).update(readFileSync(path.join(src, file)));
  try {
    hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  } catch {
    hash.update('no package-lock.json');
  }
  return hash.digest('base64url').slice(0, 16);
}

/** An index in memory: for tools and tests, and when DATA_DIR cannot hold one. */
export function openInMemory(): Database.Database {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  return db;
}
