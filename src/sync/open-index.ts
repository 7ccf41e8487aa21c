import type Database from 'better-sqlite3';
import { IndexQueries } from '../index/content-index.js';
import { claimsIn, openForReading, openForWriting, openInMemory } from '../index/database.js';
import { lease, servedFile } from '../index/files.js';
import { IndexWriter, type SiteData, type WriterOptions } from '../index/writer.js';
import { ProblemBook } from './problem-book.js';

/**
 * One index open in this process: its file (none in memory), its queries, its writer when this
 * process writes it, and what the store knows of it: the site's data and serial as last
 * committed or read, whether it is complete, and its problems. A file is leased (see
 * index/files.ts) from before it is opened until it is closed, so no process deletes it meanwhile.
 */
export class OpenIndex {
  readonly file: string | undefined;
  readonly queries: IndexQueries;
  readonly writer: IndexWriter | undefined;
  readonly book = new ProblemBook();
  data: SiteData | undefined;
  serial = 0;
  complete = false;
  readonly #release: () => void;
  #closed = false;

  private constructor(db: Database.Database, file: string | undefined, writer: IndexWriter | undefined, release: () => void) {
    this.file = file;
    this.queries = new IndexQueries(db);
    this.writer = writer;
    this.#release = release;
    this.read();
  }

  /**
   * An index file opened for writing: made (stamped with `fingerprint`) when it is a new one,
   * else as it is, brought up to this schema. A new one nobody reads before it is complete is
   * loaded in `bulk` (see openForWriting). Throws when it cannot be (a damaged file, a read-only DATA_DIR).
   */
  static writable(file: string, options: { drafts: boolean; fingerprint?: string; bulk?: boolean } & WriterOptions): OpenIndex {
    const held = lease(file);
    try {
      const db = openForWriting(file, options.fingerprint === undefined ? undefined : { fingerprint: options.fingerprint, drafts: options.drafts }, { bulk: options.bulk });
      return new OpenIndex(db, file, new IndexWriter(db, options.drafts, options), held.release);
    } catch (error) {
      held.release();
      throw error;
    }
  }

  /** An index in memory, for this process alone (tools, tests, a DATA_DIR that cannot hold one). */
  static memory(options: { drafts: boolean } & WriterOptions): OpenIndex {
    const db = openInMemory();
    return new OpenIndex(db, undefined, new IndexWriter(db, options.drafts, options), () => {});
  }

  /** The index another process writes, for reading; undefined while it has no commit yet (or is gone). */
  static reading(file: string): OpenIndex | undefined {
    const held = lease(file);
    const db = openForReading(file);
    const index = db && new OpenIndex(db, file, undefined, held.release);
    if (index?.data) return index;
    index?.close();
    if (!index) held.release();
    return undefined;
  }

  /** Reads the serial, the data and whether the index is complete, as last committed; true when the serial moved. */
  read(): boolean {
    const head = this.queries.head();
    if (!head || head.serial === this.serial) return false;
    this.serial = head.serial;
    this.data = head.data;
    this.complete = head.complete;
    return true;
  }

  /** The serial another process last committed, without reading the rest: what a reader polls. */
  committed(): number | undefined {
    return this.queries.serial();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.queries.db.close();
    this.#release();
  }
}

/**
 * When each file claimed its address in the index the server of a DATA_DIR serves (a
 * production server's, else a development server's), read under a lease until closed: npm
 * run check names the same newcomer of two files with one address as the server does.
 * Undefined when there is no such index.
 */
export function servedClaims(dataDir: string): { claimedOf: (rel: string) => number | undefined; close: () => void } | undefined {
  const file = servedFile(dataDir, false) ?? servedFile(dataDir, true);
  if (!file) return undefined;
  const held = lease(file);
  const claims = claimsIn(file);
  if (!claims) return void held.release();
  return {
    claimedOf: claims.claimedOf,
    close: () => {
      claims.close();
      held.release();
    },
  };
}
