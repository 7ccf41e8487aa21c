import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../config.js';
import { fingerprintOf, projectTree } from './fingerprint.js';
import { SCHEMA, SCHEMA_VERSION, TABLES } from './schema.js';

/** What an index file says of itself (its `meta` rows): enough to choose which one to serve. */
export interface IndexFacts {
  /** The schema version it was made with: this code reads its own, and earlier ones it can bring up to it (MIGRATIONS). */
  schema: number;
  /** The fingerprint of the code that wrote its rows (see fingerprint.ts). */
  fingerprint?: string;
  /** Whether it lists drafts (a development server's). */
  drafts: boolean;
  /** Whether every file of content/ was indexed into it once (a first index is served while it grows). */
  complete: boolean;
  /** Made by a release before index files said what made them (no fingerprint, no completeness, no pointer). */
  legacy: boolean;
}

/**
 * How to bring an index of an earlier schema up to this one, a step per version (the SQL from
 * N - 1 to N): a complete index of the release before keeps serving, so brought up, while this
 * code builds its own beside it. A schema change that cannot be written as such a step (a
 * table made anew) has no entry: an index that old is not served, and a start is a first start.
 */
const MIGRATIONS: Record<number, string> = {
  // Indexes of drafts, breaking and live articles: made by the schema itself, empty until the rebuild fills them.
  4: '',
  // The moment each file claimed its address: 0, as for a first index, until the rebuild.
  5: 'ALTER TABLE files ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;',
};

/** This code's own fingerprint (see fingerprint.ts), read once per process. */
let own: string | undefined;
export function fingerprint(): string {
  return (own ??= fingerprintOf(projectTree(PROJECT_ROOT)));
}

/**
 * Opens an index file for writing, made if need be; one of an earlier schema is brought up to
 * this one (MIGRATIONS). A new file is stamped with the fingerprint and drafts of the code that
 * writes it (`stamp`); an existing one keeps what it says. A new file made for a `bulk` load
 * (nobody reads it before it is complete) gets the tables only, and says so in `meta`: the
 * writer makes the rest at the end of its first load (IndexWriter). Throws when it cannot be
 * opened or is not an index (a damaged file): the caller decides what to serve instead.
 */
export function openForWriting(file: string, stamp?: { fingerprint: string; drafts: boolean }, options: { bulk?: boolean } = {}): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    // Derived data: losing the last writes on power loss costs indexing them again.
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -16000');
    const fresh = !hasMeta(db);
    migrate(db);
    // Not a full integrity check: at 100,000 articles that reads a gigabyte and would make a
    // restart wait. A file that is not a database fails the pragma above or the schema here.
    const bulk = fresh && options.bulk === true;
    db.exec(bulk ? TABLES : SCHEMA);
    const set = db.prepare<[string, string]>('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
    set.run('schema', String(SCHEMA_VERSION));
    if (bulk) set.run('bulk', new Date().toISOString());
    if (stamp) {
      set.run('fingerprint', stamp.fingerprint);
      set.run('drafts', stamp.drafts ? '1' : '0');
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Brings an index of an earlier schema up to this one, in one transaction; a new file has nothing to bring. */
function migrate(db: Database.Database): void {
  const row = hasMeta(db) ? db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema'").get() : undefined;
  const from = row ? Number(row.value) : SCHEMA_VERSION;
  if (from >= SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      const step = MIGRATIONS[version];
      if (step === undefined) throw new Error(`The content index of schema ${from} cannot be brought up to ${SCHEMA_VERSION}`);
      db.exec(step);
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema'").run(String(SCHEMA_VERSION));
  })();
}

function hasMeta(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
}

/** Opens the index another process writes, for reading; undefined while it cannot be (not made yet, or gone). */
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

/** What an index file says of itself; undefined when it is not there or not an index (damaged). */
export function factsOf(file: string): IndexFacts | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    const meta = new Map(db.prepare<[], [string, string]>('SELECT key, value FROM meta').raw().all());
    const legacy = !meta.has('fingerprint');
    return {
      schema: Number(meta.get('schema')),
      fingerprint: meta.get('fingerprint'),
      // An index of a release before said so by its name only.
      drafts: legacy ? file.endsWith('-drafts.sqlite') : meta.get('drafts') === '1',
      complete: meta.has('complete'),
      legacy: legacy && meta.has('data'),
    };
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/** Whether this code can serve an index file: its own schema or one it can bring up to it, and the same drafts. */
export function readable(facts: IndexFacts | undefined, drafts: boolean): facts is IndexFacts {
  if (facts === undefined || facts.drafts !== drafts || !(facts.schema <= SCHEMA_VERSION)) return false;
  for (let version = facts.schema + 1; version <= SCHEMA_VERSION; version++) if (MIGRATIONS[version] === undefined) return false;
  return true;
}

/** An index in memory: for tools and tests, and when DATA_DIR cannot hold one. */
export function openInMemory(): Database.Database {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  return db;
}

/**
 * When each file claimed its address in an index another process keeps (the server's, for
 * npm run check to name the same newcomer of two files with one address); undefined when
 * there is no such index, or it cannot be read by this code.
 */
export function claimsIn(file: string): { claimedOf: (rel: string) => number | undefined; close: () => void } | undefined {
  const db = openForReading(file);
  if (!db) return undefined;
  try {
    const claimed = db.prepare<[string], { claimed: number }>('SELECT claimed FROM files WHERE rel = ?');
    return { claimedOf: (rel) => claimed.get(rel)?.claimed, close: () => db.close() };
  } catch {
    db.close();
    return undefined;
  }
}
