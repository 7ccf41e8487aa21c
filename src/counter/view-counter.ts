import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';

/** A reader counted once per article per this much time. */
export const REPEAT_WINDOW_MS = 30 * 60 * 1000;
/** How long to wait before opening again a database another process held at our first try. */
const BUSY_RETRY_MS = 250;
/** How long to wait before trying a failed database again. */
const RETRY_MS = 60 * 1000;
/** How long a writer waits for another process's write lock before giving up on one view. */
const BUSY_TIMEOUT_MS = 2000;
/** Forget old visits every so many counted views. */
const PRUNE_EVERY = 500;

/** How many days «most read» looks back. */
export const MOST_READ_DAYS = 7;
/** Per-day counts are kept this long, then forgotten. */
const KEEP_DAYS = 31;
const DAY_MS = 24 * 3600 * 1000;
/** The site's day (Asia/Almaty, UTC+5): salts change and daily counts start at its midnight. */
const DAY_OFFSET_MS = 5 * 3600 * 1000;

/** The day, as 2026-01-27 in Almaty, of a moment. */
export function dayOf(ms: number): string {
  return new Date(ms + DAY_OFFSET_MS).toISOString().slice(0, 10);
}

/** The days of the «most read» window ending with the day of `now`, newest first. */
export function windowDays(now: number, days = MOST_READ_DAYS): string[] {
  return Array.from({ length: days }, (_, i) => dayOf(now - i * DAY_MS));
}

/** A slug with the views counted for it in the «most read» window. */
export interface ReadCount {
  slug: string;
  views: number;
}

export interface CountResult {
  counted: boolean;
  /** Views counted since the site began counting, this one included. */
  total: number;
}

/** Views counted by the site, by article; what the front matter carried over is added by the caller. */
export interface ViewCounter {
  /**
   * The counted views of an article; its last known figure when the store fails. Never waits:
   * pages are rendered with it.
   */
  counted(slug: string): number;
  /**
   * Counts a view unless this visitor was counted for this article within 30 minutes. SQLite
   * answers at once; a networked store answers a promise, settled within its own timeout.
   */
  record(slug: string, visitor: string, now?: number): CountResult | Promise<CountResult>;
  /**
   * The most viewed slugs of the last MOST_READ_DAYS days, most first, at most `limit`. Never
   * waits: a networked store answers the figures it last read.
   */
  mostRead(limit: number, now?: number): ReadCount[];
  close(): void;
}

/**
 * A visitor as stored: a salted hash, never the address itself. The visitor is the address and
 * the User-Agent (see `visitorOf`), the salt a random one of the day, forgotten the day after,
 * as privacy-first analytics do: readers behind one address are told apart, and no hash can
 * be linked to one of another day.
 */
export function hashVisitor(salt: string, visitor: string): string {
  return createHash('sha256').update(salt).update(visitor).digest('base64url').slice(0, 22);
}

/** What identifies a reader for a day: the address and the browser, together. */
export function visitorOf(address: string, userAgent: string): string {
  return `${address}\n${userAgent}`;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS counts (slug TEXT PRIMARY KEY, views INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS recent (slug TEXT NOT NULL, visitor TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (slug, visitor)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS recent_at ON recent (at);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS daily (day TEXT NOT NULL, slug TEXT NOT NULL, views INTEGER NOT NULL, PRIMARY KEY (day, slug)) WITHOUT ROWID;
DELETE FROM meta WHERE key = 'salt';
`;

interface Statements {
  get: Database.Statement<[string], { views: number }>;
  seen: Database.Statement<[string, string], { at: number }>;
  visit: Database.Statement<[string, string, number]>;
  add: Database.Statement<[string], { views: number }>;
  prune: Database.Statement<[number]>;
  pruneDays: Database.Statement<[string]>;
  top: Database.Statement<[string, number], ReadCount>;
  count: (slug: string, visitor: string, now: number) => CountResult;
}

/**
 * View counts in SQLite (DATA_DIR/views.sqlite, WAL): every counted view is committed before
 * it is answered, so it survives kill -9. Several processes (WEB_CONCURRENCY) share the file:
 * WAL lets them read while one writes, and a writer waits for the lock (the busy timeout)
 * instead of failing. Visitors are kept only as hashes salted with the day's salt, for 30
 * minutes; views are also counted per day, for «most read». When the database cannot be opened or fails (missing folder rights, a corrupt file),
 * nothing is counted, the last known figures are shown, the problem is logged, and opening is
 * tried again a minute later.
 */
export class SqliteViewCounter implements ViewCounter {
  readonly file: string;
  #db: Database.Database | undefined;
  #sql: Statements | undefined;
  /** The salt of the day `#saltDay`; a new day draws a new one. */
  #salt = '';
  #saltDay = '';
  #drawSalt?: (day: string) => string;
  #retryAt = 0;
  #sincePrune = 0;
  readonly #known = new Map<string, number>();

  readonly #busyTimeoutMs: number;

  /** `busyTimeoutMs`: how long a view waits for another process's write lock (tests shorten it). */
  constructor(
    dataDir: string,
    private readonly logger: Logger,
    { busyTimeoutMs = BUSY_TIMEOUT_MS }: { busyTimeoutMs?: number } = {},
  ) {
    this.#busyTimeoutMs = busyTimeoutMs;
    this.file = path.join(dataDir, 'views.sqlite');
    this.#open();
  }

  get healthy(): boolean {
    return this.#db !== undefined;
  }

  counted(slug: string): number {
    const sql = this.#ready();
    if (sql) {
      try {
        const views = sql.get.get(slug)?.views ?? 0;
        this.#known.set(slug, views);
        return views;
      } catch (error) {
        this.#fail(error, 'reading a count');
      }
    }
    return this.#known.get(slug) ?? 0;
  }

  record(slug: string, visitor: string, now = Date.now()): CountResult {
    const sql = this.#ready(now);
    if (sql) {
      try {
        const result = sql.count(slug, hashVisitor(this.#saltOfDay(now), visitor), now);
        this.#known.set(slug, result.total);
        if (result.counted && ++this.#sincePrune >= PRUNE_EVERY) {
          this.#sincePrune = 0;
          sql.prune.run(now - REPEAT_WINDOW_MS);
          sql.pruneDays.run(dayOf(now - KEEP_DAYS * DAY_MS));
        }
        return result;
      } catch (error) {
        this.#fail(error, 'counting a view');
      }
    }
    return { counted: false, total: this.#known.get(slug) ?? 0 };
  }

  mostRead(limit: number, now = Date.now()): ReadCount[] {
    const sql = this.#ready(now);
    if (!sql) return [];
    try {
      return sql.top.all(windowDays(now).at(-1)!, limit);
    } catch (error) {
      this.#fail(error, 'reading the most read');
      return [];
    }
  }

  close(): void {
    this.#db?.close();
    this.#db = undefined;
    this.#sql = undefined;
  }

  #ready(now = Date.now()): Statements | undefined {
    if (!this.#sql && now >= this.#retryAt) this.#open(now);
    return this.#sql;
  }

  #open(now = Date.now()): void {
    let db: Database.Database | undefined;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      db = new Database(this.file, { timeout: this.#busyTimeoutMs });
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode loses nothing when the process dies, only on power loss.
      db.pragma('synchronous = NORMAL');
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`quick_check says: ${String(check)}`);
      db.exec(SCHEMA);
      this.#drawSalt = this.#salts(db);
      this.#saltDay = '';
      this.#sql = this.#prepare(db);
      this.#db = db;
      this.logger.info({ file: this.file }, 'View counter ready');
    } catch (error) {
      db?.close();
      if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
        // Another process (a worker starting at the same moment) holds the file: soon free again.
        this.#retryAt = now + BUSY_RETRY_MS;
        this.logger.warn({ err: error, file: this.file }, 'View counter busy while opening; trying again at the next view');
        return;
      }
      this.#retryAt = now + RETRY_MS;
      this.logger.error(
        { err: error, file: this.file },
        'View counter unavailable: pages show the last known counts and new views are not counted. Check that DATA_DIR is writable; move a corrupt views.sqlite aside to start a new one. Retrying in a minute.',
      );
    }
  }

  #prepare(db: Database.Database): Statements {
    const get = db.prepare<[string], { views: number }>('SELECT views FROM counts WHERE slug = ?');
    const seen = db.prepare<[string, string], { at: number }>('SELECT at FROM recent WHERE slug = ? AND visitor = ?');
    const visit = db.prepare<[string, string, number]>(
      'INSERT INTO recent (slug, visitor, at) VALUES (?, ?, ?) ON CONFLICT (slug, visitor) DO UPDATE SET at = excluded.at',
    );
    const add = db.prepare<[string], { views: number }>(
      'INSERT INTO counts (slug, views) VALUES (?, 1) ON CONFLICT (slug) DO UPDATE SET views = views + 1 RETURNING views',
    );
    const prune = db.prepare<[number]>('DELETE FROM recent WHERE at < ?');
    const pruneDays = db.prepare<[string]>('DELETE FROM daily WHERE day < ?');
    const top = db.prepare<[string, number], ReadCount>('SELECT slug, SUM(views) AS views FROM daily WHERE day >= ? GROUP BY slug ORDER BY views DESC, slug LIMIT ?');
    const daily = db.prepare<[string, string]>('INSERT INTO daily (day, slug, views) VALUES (?, ?, 1) ON CONFLICT (day, slug) DO UPDATE SET views = views + 1');
    // One transaction: the check and the count cannot interleave with another process's.
    const count = db
      .transaction((slug: string, visitor: string, now: number): CountResult => {
        const last = seen.get(slug, visitor)?.at;
        if (last !== undefined && now - last < REPEAT_WINDOW_MS) return { counted: false, total: get.get(slug)?.views ?? 0 };
        visit.run(slug, visitor, now);
        daily.run(dayOf(now), slug);
        return { counted: true, total: add.get(slug)!.views };
      })
      .immediate;
    return { get, seen, visit, add, prune, pruneDays, top, count };
  }

  /** The salt of `now`'s day, shared by every process on the file; drawn the first time it is asked for. */
  #saltOfDay(now: number): string {
    const day = dayOf(now);
    if (day !== this.#saltDay) {
      this.#salt = this.#drawSalt!(day);
      this.#saltDay = day;
    }
    return this.#salt;
  }

  /** Reads (or draws) a day's salt and forgets the other days': yesterday's hashes can no longer be made. */
  #salts(db: Database.Database): (day: string) => string {
    const draw = db.prepare<[string, string]>('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    const read = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    const forget = db.prepare<[string]>("DELETE FROM meta WHERE key LIKE 'salt:%' AND key <> ?");
    return db.transaction((day: string) => {
      const key = `salt:${day}`;
      draw.run(key, randomBytes(16).toString('hex'));
      forget.run(key);
      return read.get(key)!.value;
    }).immediate;
  }

  #fail(error: unknown, doing: string): void {
    // Another process held the write lock for longer than the busy timeout: this view is not
    // counted, but the database is fine, so the next one is tried as usual.
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      this.logger.warn({ err: error, file: this.file }, `View counter busy while ${doing}; this view is not counted`);
      return;
    }
    this.logger.error({ err: error, file: this.file }, `View counter failed while ${doing}; showing the last known counts`);
    this.close();
    this.#retryAt = Date.now() + RETRY_MS;
  }
}
