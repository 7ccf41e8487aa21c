import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../config.js';
import type { BodyStore } from './bodies.js';
import type { GoodParse } from './last-good.js';
import type { ArticleBody } from './types.js';

/** Bodies written per transaction: short enough that another process never waits long for the lock. */
const WRITE_BATCH = 500;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS parses (id TEXT PRIMARY KEY, path TEXT NOT NULL, good TEXT NOT NULL, html TEXT NOT NULL, text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

interface Row {
  id: string;
  path: string;
  good: string;
}

/**
 * Parsed articles on disk (DATA_DIR/parse-cache.sqlite): each article file's last good parse
 * and its body. Two things come of it. Bodies, the bulk of the content, live on disk instead of
 * in the process's memory, and are read when a page, feed or search needs one. And a restart
 * parses only the files that changed since the last run: the rest comes back from here.
 *
 * It is a cache: deleting the file loses nothing but time. Rows made by other code (another
 * version of the parser) are dropped at open. When the file cannot be opened, an in-memory
 * database does the same job for this run, and the reason is logged.
 */
export class ParseCache implements BodyStore {
  readonly file: string;
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], ArticleBody>;
  readonly #put: Database.Statement<[string, string, string, string, string]>;
  readonly #drop: Database.Statement<[string]>;
  /** Bodies put since the last write, by id: readable at once, written in batches. */
  readonly #pending = new Map<string, { path: string; good: GoodParse; body: ArticleBody }>();
  /** Bodies that could not be written (a full disk): kept in memory instead, never lost. */
  readonly #unwritten = new Map<string, ArticleBody>();
  readonly #logger: Logger;

  constructor(dataDir: string, logger: Logger) {
    this.file = path.join(dataDir, 'parse-cache.sqlite');
    this.#logger = logger;
    this.#db = open(this.file, logger);
    this.#get = this.#db.prepare<[string], ArticleBody>('SELECT html, text FROM parses WHERE id = ?');
    this.#put = this.#db.prepare('INSERT OR REPLACE INTO parses (id, path, good, html, text) VALUES (?, ?, ?, ?, ?)');
    this.#drop = this.#db.prepare('DELETE FROM parses WHERE id = ?');
  }

  /** The last good parse of every file, as the previous run left them. */
  remembered(): Map<string, GoodParse> {
    const goods = new Map<string, GoodParse>();
    for (const row of this.#db.prepare<[], Row>('SELECT id, path, good FROM parses').iterate()) goods.set(row.path, revive(row.good));
    return goods;
  }

  get(id: string): ArticleBody | undefined {
    return this.#pending.get(id)?.body ?? this.#unwritten.get(id) ?? this.#get.get(id);
  }

  put(relativePath: string, good: GoodParse, body: ArticleBody): void {
    this.#pending.set(good.article.bodyId, { path: relativePath, good, body });
    if (this.#pending.size >= WRITE_BATCH) this.#write();
  }

  commit(dropped: Iterable<string>): void {
    this.#write();
    try {
      this.#db.transaction(() => {
        for (const id of dropped) {
          this.#unwritten.delete(id);
          this.#drop.run(id);
        }
      })();
    } catch (error) {
      // Rows left behind are harmless: no index refers to them, and the next commit tries again.
      this.#logger.warn({ err: error, file: this.file }, 'Parse cache: could not forget replaced bodies');
    }
  }

  close(): void {
    this.#db.close();
  }

  #write(): void {
    if (!this.#pending.size) return;
    try {
      this.#db.transaction(() => {
        for (const [id, { path: relativePath, good, body }] of this.#pending) {
          this.#put.run(id, relativePath, JSON.stringify(good), body.html, body.text);
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
  const fingerprint = parserFingerprint();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 5000 });
    try {
      db.pragma('journal_mode = WAL');
      // A cache: losing the last writes on power loss only costs parsing them again.
      db.pragma('synchronous = OFF');
      db.exec(SCHEMA);
      const stored = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'parser'").get()?.value;
      db.transaction(() => {
        if (stored !== fingerprint) db.exec('DELETE FROM parses');
        // Written every time: a file that opens but cannot be written fails here, not mid-build.
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('parser', ?)").run(fingerprint);
      })();
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

/** A parse as stored: JSON, with its dates as strings again. */
function revive(json: string): GoodParse {
  return JSON.parse(json, (key, value) => ((key === 'date' || key === 'updated') && typeof value === 'string' ? new Date(value) : value)) as GoodParse;
}

/**
 * What the stored parses were made by: the content and typography modules and the libraries
 * they use. Any change there (a new typographic rule, a markdown-it update) empties the cache.
 */
function parserFingerprint(): string {
  const hash = createHash('sha256');
  const here = import.meta.dirname;
  const modules = [
    ...readdirSync(here).map((name) => path.join(here, name)),
    ...['typography', 'foreign-words'].flatMap((name) => readdirSync(path.join(here, '../render')).filter((f) => f.startsWith(`${name}.`)).map((f) => path.join(here, '../render', f))),
  ].filter((file) => /\.(js|ts)$/.test(file));
  for (const file of modules.sort()) hash.update(file.slice(here.length)).update(readFileSync(file));
  for (const library of ['markdown-it', 'yaml', 'zod', 'linkify-it']) {
    try {
      hash.update(library).update(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', library, 'package.json'), 'utf8')).version);
    } catch {
      hash.update(`${library}?`);
    }
  }
  return hash.digest('base64url');
}
