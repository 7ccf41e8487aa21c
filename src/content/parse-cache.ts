import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../config.js';
import type { BodyStore } from './bodies.js';
import type { GoodParse } from './last-good.js';
import type { ArticleBody } from './types.js';

/** Bodies written per transaction: short enough that another process never waits long for the lock. */
const WRITE_BATCH = 500;
/**
 * How long a replaced body stays readable: other processes on the same DATA_DIR (the workers
 * of WEB_CONCURRENCY, an export) and requests in flight may still be on the previous version.
 */
const KEEP_REPLACED_MS = 10 * 60 * 1000;
/** A cache file of another parser version, untouched this long, is deleted at open. */
const STALE_CACHE_MS = 24 * 60 * 60 * 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS parses (id TEXT PRIMARY KEY, path TEXT NOT NULL, good TEXT NOT NULL, html TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, replaced INTEGER) WITHOUT ROWID;
`;

interface Row {
  path: string;
  good: string;
}

/**
 * Parsed articles on disk (DATA_DIR/parse-cache-<parser>.sqlite): each article file's last good
 * parse and its body. Two things come of it. Bodies, the bulk of the content, live on disk
 * instead of in the process's memory, and are read when a page, feed or search needs one. And
 * a restart parses only the files that changed since the last run: the rest comes back from here.
 *
 * It is a cache: deleting the file loses nothing but time. Each version of the parser has a
 * file of its own, so processes of two versions (during a deploy) never take each other's rows;
 * a replaced body stays readable for ten minutes, for processes still on the previous content.
 * When the file cannot be opened, an in-memory database does the same job for this run, and
 * the reason is logged.
 */
export class ParseCache implements BodyStore {
  readonly file: string;
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], ArticleBody>;
  readonly #put: Database.Statement<[string, string, string, string, string, number]>;
  readonly #retire: Database.Statement<[number, string]>;
  readonly #purge: Database.Statement<[number]>;
  /** Bodies put since the last write, by id: readable at once, written in batches. */
  readonly #pending = new Map<string, { path: string; good: GoodParse; body: ArticleBody }>();
  /** Bodies that could not be written (a full disk): kept in memory instead, never lost. */
  readonly #unwritten = new Map<string, ArticleBody>();
  readonly #logger: Logger;

  constructor(dataDir: string, logger: Logger) {
    const fingerprint = parserFingerprint();
    this.file = path.join(dataDir, `parse-cache-${fingerprint}.sqlite`);
    this.#logger = logger;
    this.#db = open(this.file, logger);
    removeStaleCaches(dataDir, this.file, logger);
    this.#get = this.#db.prepare<[string], ArticleBody>('SELECT html, text FROM parses WHERE id = ?');
    this.#put = this.#db.prepare('INSERT OR REPLACE INTO parses (id, path, good, html, text, at, replaced) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    this.#retire = this.#db.prepare('UPDATE parses SET replaced = ? WHERE id = ? AND replaced IS NULL');
    this.#purge = this.#db.prepare('DELETE FROM parses WHERE replaced < ?');
  }

  /** The last good parse of every file, as the previous run left them (the newest, if a crash left two). */
  remembered(): Map<string, GoodParse> {
    const goods = new Map<string, GoodParse>();
    for (const row of this.#db.prepare<[], Row>('SELECT path, good FROM parses WHERE replaced IS NULL ORDER BY at').iterate()) goods.set(row.path, revive(row.good));
    return goods;
  }

  get(id: string): ArticleBody | undefined {
    return this.#pending.get(id)?.body ?? this.#unwritten.get(id) ?? this.#get.get(id);
  }

  put(relativePath: string, good: GoodParse, body: ArticleBody): void {
    this.#pending.set(good.article.bodyId, { path: relativePath, good, body });
    if (this.#pending.size >= WRITE_BATCH) this.#write();
  }

  commit(dropped: Iterable<string>, now = Date.now()): void {
    this.#write();
    try {
      this.#db.transaction(() => {
        for (const id of dropped) this.#retire.run(now, id);
        this.#purge.run(now - KEEP_REPLACED_MS);
      })();
    } catch (error) {
      // Rows left behind are harmless: no index refers to them, and a later commit purges them.
      this.#logger.warn({ err: error, file: this.file }, 'Parse cache: could not retire replaced bodies');
    }
  }

  close(): void {
    this.#db.close();
  }

  #write(): void {
    if (!this.#pending.size) return;
    try {
      this.#db.transaction(() => {
        const at = Date.now();
        for (const [id, { path: relativePath, good, body }] of this.#pending) {
          this.#put.run(id, relativePath, JSON.stringify(good), body.html, body.text, at);
        }
      })();
    } catch (error) {
      this.#logger.warn({ err: error, file: this.file }, 'Parse cache: could not write; these bodies are kept in memory');
      for (const [id, { body }] of this.#pending) this.#unwritten.set(id, body);
    }
    this.#pending.clear();
  }
}

function open(file: string, logger: Logger): Database.Database {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      // A cache: losing the last writes on power loss only costs parsing them again.
      db.pragma('synchronous = OFF');
      db.exec(SCHEMA);
      // A file that opens but cannot be written fails here, not in the middle of a build.
      db.exec('CREATE TABLE IF NOT EXISTS probe (x); DROP TABLE probe;');
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    logger.warn({ err: error, file }, 'Parse cache unavailable: article bodies are kept in memory and every file is parsed at start. Check that DATA_DIR is writable; a damaged parse-cache.sqlite may simply be deleted.');
    const db = new Database(':memory:');
    db.exec(SCHEMA);
    return db;
  }
}

/** Cache files of other parser versions that nothing has used for a day: a deploy's leftovers. */
function removeStaleCaches(dataDir: string, keep: string, logger: Logger): void {
  try {
    for (const name of readdirSync(dataDir)) {
      const file = path.join(dataDir, name);
      if (!/^parse-cache-[\w-]+\.sqlite(-wal|-shm)?$/.test(name) || file.startsWith(keep)) continue;
      if (Date.now() - statSync(file).mtimeMs > STALE_CACHE_MS) rmSync(file, { force: true });
    }
  } catch (error) {
    logger.warn({ err: error, dataDir }, 'Parse cache: could not remove the files of older versions');
  }
}

/** A parse as stored: JSON, with its dates as strings again. */
function revive(json: string): GoodParse {
  return JSON.parse(json, (key, value) => ((key === 'date' || key === 'updated') && typeof value === 'string' ? new Date(value) : value)) as GoodParse;
}

/**
 * What the stored parses were made by: the content, typography and language modules, and every
 * library version (package-lock.json). Any change there (a new typographic rule, a markdown-it
 * update) means a cache file of its own.
 */
function parserFingerprint(): string {
  const hash = createHash('sha256');
  const src = path.dirname(import.meta.dirname);
  const inFolder = (folder: string, names?: string[]) =>
    readdirSync(path.join(src, folder))
      .filter((file) => /\.(js|ts)$/.test(file) && (!names || names.some((name) => file.startsWith(`${name}.`))))
      .map((file) => path.join(folder, file));
  const modules = [...inFolder('content'), ...inFolder('render', ['typography', 'foreign-words']), ...inFolder('i18n', ['languages'])];
  for (const file of modules.sort()) hash.update(file).update(readFileSync(path.join(src, file)));
  try {
    hash.update(readFileSync(path.join(PROJECT_ROOT, 'package-lock.json')));
  } catch {
    hash.update('no package-lock.json');
  }
  return hash.digest('base64url').slice(0, 16);
}
