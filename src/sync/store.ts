import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { ContentIndex, IndexQueries } from '../index/content-index.js';
import { indexFile, openForReading, openForWriting, openInMemory } from '../index/database.js';
import { IndexWriter, type Diff, type SiteData } from '../index/writer.js';
import { ContentLoadError, type ContentError } from '../problems/errors.js';
import { reconcile, warmParser, type ReconcileReport } from './reconcile.js';
import { displayPath } from './load.js';
import { LANGS } from '../i18n/languages.js';
import type { MediaFacts } from '../parse/media-facts.js';
import { watchContent, type ContentWatcher } from './watch.js';

export interface ContentStoreOptions {
  contentDir: string;
  includeDrafts: boolean;
  logger: Logger;
  now?: () => Date;
  /** Where the index file lives (DATA_DIR); in memory when absent (tools, tests). */
  dataDir?: string;
  /**
   * 'writer' (the default) indexes content/ and watches it; a 'reader' (a cluster's other
   * workers) only reads the index the writer keeps, and follows its commits.
   */
  role?: 'writer' | 'reader';
  /** Called after each new content version is swapped in, e.g. to build what depends on it ahead of requests. */
  onSwap?: (index: ContentIndex) => void;
  /** Reads what each media file is (src/media/library.ts); without it, articles' pictures have no facts. */
  images?: { survey(names: Iterable<string>): Promise<ReadonlyMap<string, MediaFacts>> };
}

// setTimeout cannot wait longer than about 24.8 days; a later publication is re-armed on wake.
const MAX_TIMER = 2 ** 31 - 1;
/** How often a reader looks for the writer's commits; a commit is visible to it at most this much later. */
const FOLLOW_MS = 100;

/**
 * Holds the content index (SQLite, see src/index/) and its current version. The files in
 * content/ are the truth; the index is derived from them by their stamps: a start or a reload
 * parses only the files whose stamp changed and writes the difference in one transaction. A
 * restart serves from the index at once and reconciles in the background; a first start
 * indexes in batches and serves what is indexed so far. Articles dated in the future appear
 * at their moment through a timer, which makes a new content version without a write; so do
 * the end of a breaking article's lead and the end of live coverage (ContentIndex.nextMoment).
 */
export class ContentStore {
  #index: ContentIndex | undefined;
  #queries: IndexQueries | undefined;
  #writer: IndexWriter | undefined;
  /** The local content version: raised by every commit seen and every publication moment. */
  #version = 0;
  /** The writer's serial the current version was made from. */
  #serial = 0;
  #data: SiteData | undefined;
  #problems: readonly ContentError[] = [];
  /** Every file's current problems: a reconcile replaces those of the files it looked at. */
  readonly #problemsByFile = new Map<string, ContentError[]>();
  #timer: NodeJS.Timeout | undefined;
  #follow: NodeJS.Timeout | undefined;
  #watcher: Promise<ContentWatcher> | undefined;
  /** The reconcile running or waiting to run; they never overlap. */
  #queue: Promise<void> = Promise.resolve();
  /** Paths a queued reconcile will look at; 'all' for a full scan. Undefined when none is queued. */
  #pending: Set<string> | 'all' | undefined;
  #indexing = false;
  #closed = false;
  #last: ReconcileReport | undefined;
  #dataKnown: (() => void) | undefined;
  #becameReady!: () => void;
  readonly #ready = new Promise<void>((resolve) => (this.#becameReady = resolve));
  readonly #options: ContentStoreOptions;

  constructor(options: ContentStoreOptions) {
    this.#options = options;
  }

  /** The current content version. Throws before the first one (see ready). */
  get index(): ContentIndex {
    if (!this.#index) throw new Error('ContentStore.index read before the index had any content');
    return this.#index;
  }

  /** Whether there is a content version to serve (on a first start: once the first batch is indexed). */
  get ready(): boolean {
    return this.#index !== undefined;
  }

  /** Whether a first start or a reload is indexing now. */
  get indexing(): boolean {
    return this.#indexing;
  }

  /** Resolves at the first content version (at once on a restart; after the first batch on a first start). */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  /** Resolves when the reconcile running or queued now has ended (a first start's, at start). */
  async settled(): Promise<void> {
    await this.#queue;
  }

  /** What the last reconcile did: files parsed, removed, how long it took. */
  get lastReconcile(): ReconcileReport | undefined {
    return this.#last;
  }

  /**
   * Opens the index and brings it up to date with content/ before resolving: for tools, tests
   * and the export. At start a broken site.yml, authors.yml or topics.yml throws.
   */
  async load(): Promise<ContentIndex> {
    await this.start();
    await this.#queue;
    if (!this.#index) throw new Error('Content index is empty after loading');
    return this.#index;
  }

  /**
   * Opens the index and resolves as soon as there is something to serve, or nothing to wait
   * for: a restart serves the index as the last run left it while content/ is reconciled in
   * the background; a first start resolves once site.yml, authors.yml and topics.yml are
   * checked (throwing if they are broken), and indexes the articles in batches behind it.
   */
  async start(): Promise<void> {
    const { dataDir, includeDrafts, logger, role = 'writer' } = this.#options;
    if (role === 'reader') return this.#startReading(indexFile(dataDir!, includeDrafts));
    const db = dataDir ? openForWriting(indexFile(dataDir, includeDrafts), logger) : openInMemory();
    this.#queries = new IndexQueries(db);
    this.#writer = new IndexWriter(db, includeDrafts);
    const head = this.#queries.head();
    if (head) {
      this.#serial = head.serial;
      this.#data = head.data;
      this.#swap([]);
    }
    const known = new Promise<void>((resolve) => (this.#dataKnown = resolve));
    const first = this.#enqueue('start', 'all', !head);
    // A first start answers only once the site-wide files are known to be good.
    if (!head) await Promise.race([first, known]);
  }

  /**
   * Brings the index up to date with content/ and swaps in the new version. Given paths (from
   * the watcher), only those are looked at; else every file's stamp is. Never throws: when
   * the folder cannot be read or a site-wide YAML file is broken, the previous version stays
   * whole and the reason is logged. Calls made while one reload is waiting share it.
   */
  reload(reason = 'reload', paths?: readonly string[]): Promise<void> {
    if (this.#options.role === 'reader') return Promise.resolve();
    return this.#enqueue(reason, paths ? new Set(paths) : 'all', false);
  }

  /**
   * Reloads whenever something under the content folder changes, until close(): resolves once
   * the folder is being watched. `rescanMs` is the stamp backstop's period (see watch.ts).
   * The reload looks at the paths that changed only. A reader (see role) does not watch.
   */
  async watch(rescanMs?: number): Promise<void> {
    if (this.#watcher || this.#closed || this.#options.role === 'reader') return;
    const { contentDir, logger } = this.#options;
    const watching = watchContent(contentDir, {
      onChange: (paths) => void this.reload(`change on disk: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}`, paths),
      onError: (error) => logger.error({ err: error, contentDir }, 'Watching the content folder failed; changes are seen at the next rescan, or send SIGHUP'),
      rescanMs,
    });
    this.#watcher = watching;
    const watcher = await watching;
    // Closed while the watcher was starting: it must not outlive the store.
    if (this.#closed) await watcher.close();
    else logger.info({ contentDir }, 'Watching the content folder for changes');
    this.#queue = this.#queue.then(() => this.#warmParser());
  }

  /** The parser compiled before the first change arrives (see warmParser), after the reloads queued so far. */
  async #warmParser(): Promise<void> {
    const { contentDir, logger } = this.#options;
    if (this.#closed || !this.#index || !this.#data) return;
    const root = displayPath(contentDir);
    const files = LANGS.flatMap((lang) => this.#index!.list(lang, {}, 0, 1).map((a) => a.file.slice(root.length + 1)));
    const started = performance.now();
    try {
      await warmParser(contentDir, this.#data, files);
      logger.debug({ files: files.length, ms: Math.round(performance.now() - started) }, 'Parser warmed up');
    } catch (error) {
      // A file that went meanwhile: the first change is parsed cold, nothing worse.
      logger.debug({ err: error }, 'Parser warm-up skipped');
    }
  }

  /**
   * Stops the timers and the watcher; later reloads do nothing. The current version stays
   * readable, for requests in flight, until close().
   */
  stop(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#follow);
    void this.#watcher?.then((watcher) => watcher.close());
    this.#watcher = undefined;
  }

  /** Stops, and closes the index's database once a reload in progress has ended. */
  close(): void {
    this.stop();
    const db = this.#queries?.db;
    if (this.#indexing) void this.#queue.then(() => db?.close());
    else db?.close();
  }

  #enqueue(reason: string, paths: Set<string> | 'all', first: boolean): Promise<void> {
    if (this.#pending !== undefined) {
      if (paths === 'all') this.#pending = 'all';
      else if (this.#pending !== 'all') for (const p of paths) this.#pending.add(p);
      return this.#queue;
    }
    this.#pending = paths;
    const run = this.#queue.then(async () => {
      const which = this.#pending!;
      this.#pending = undefined;
      await this.#reconcileNow(reason, which, first);
    });
    this.#queue = run.catch(() => {});
    return first ? run : this.#queue;
  }

  async #reconcileNow(reason: string, paths: Set<string> | 'all', first: boolean): Promise<void> {
    if (this.#closed) return;
    const { logger, contentDir } = this.#options;
    this.#indexing = true;
    try {
      const report = await reconcile({
        contentDir,
        writer: this.#writer!,
        previous: this.#data,
        paths: paths === 'all' ? undefined : [...paths],
        logger,
        commit: (diff: Diff) => this.#commit(diff),
        onData: () => this.#dataKnown?.(),
        survey: this.#options.images && ((names) => this.#options.images!.survey(names)),
      });
      this.#last = report;
      for (const problem of report.problems) this.#logProblem(problem);
      for (const file of report.servedFromLastGood) logger.warn({ file }, `${file}: its last good version stays online until the problems above are fixed`);
      this.#problems = this.#remember(report);
      // A version with this reload's problems, unless the version its commit made has them
      // already: a new version empties every cache, and readers would wait for each page twice.
      if (!this.#index || !sameProblems(this.#index.problems, this.#problems)) this.#swap(this.#problems);
      logger.info({ reason, parsed: report.parsed, removed: report.removed, problems: report.problems.length, ms: report.ms }, 'Content reloaded');
    } catch (error) {
      // Nothing to serve and nothing that can be: the process must say so and stop.
      if (first && !this.#index) throw error;
      if (error instanceof ContentLoadError) {
        for (const problem of error.problems) this.#logProblem(problem);
        logger.error({ reason }, 'Content not reloaded: a site-wide file is broken; the previous content stays online');
      } else {
        logger.error({ err: error, reason }, 'Content not reloaded: the folder could not be read; the previous content stays online');
      }
    } finally {
      this.#indexing = false;
    }
  }

  /** Writes one diff and swaps in the version it makes. */
  #commit(diff: Diff): ContentError[] {
    const { serial, problems } = this.#writer!.apply(diff);
    this.#serial = serial;
    if (diff.data) this.#data = diff.data;
    this.#swap(this.#problems);
    return problems;
  }

  async #startReading(file: string): Promise<void> {
    const { logger } = this.#options;
    let db: Database.Database | undefined;
    let waited = false;
    while (!(db = openForReading(file)) || !new IndexQueries(db).head()) {
      db?.close();
      if (this.#closed) return;
      if (!waited) logger.info({ file }, 'Waiting for the indexing process to write the content index');
      waited = true;
      await sleep(FOLLOW_MS);
    }
    this.#queries = new IndexQueries(db);
    this.#follow = setTimeout(() => this.#followWriter(), 0);
    this.#followWriter();
  }

  /** A reader's turn: a new serial from the writer makes a new content version. */
  #followWriter(): void {
    clearTimeout(this.#follow);
    if (this.#closed) return;
    try {
      const serial = this.#queries!.serial();
      const head = serial !== undefined && serial !== this.#serial ? this.#queries!.head() : undefined;
      if (head) {
        this.#serial = head.serial;
        this.#data = head.data;
        this.#swap([]);
      }
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'Content index: could not read the writer\'s latest commit; trying again');
    }
    this.#follow = setTimeout(() => this.#followWriter(), FOLLOW_MS);
    this.#follow.unref();
  }

  #swap(problems: readonly ContentError[]): void {
    if (!this.#data) return;
    const index = new ContentIndex(this.#queries!, this.#data, ++this.#version, this.#now(), problems);
    this.#index = index;
    this.#becameReady();
    this.#schedule(index.nextMoment());
    this.#options.onSwap?.(index);
  }

  /** The content's problems now: those of the files this reconcile looked at replace their earlier ones. */
  #remember(report: ReconcileReport): ContentError[] {
    for (const file of report.examined) this.#problemsByFile.delete(file);
    // Near misses are found again by every scan of their folder, so the earlier ones go.
    for (const folder of report.scanned) {
      for (const [file, problems] of this.#problemsByFile) {
        if (file.startsWith(`${folder}/`) && problems.every((p) => p.code === 'near_miss_name')) this.#problemsByFile.delete(file);
      }
    }
    for (const problem of report.problems) {
      const list = this.#problemsByFile.get(problem.file);
      if (list) list.push(problem);
      else this.#problemsByFile.set(problem.file, [problem]);
    }
    return [...this.#problemsByFile.values()].flat();
  }

  #logProblem(problem: ContentError): void {
    this.#options.logger.warn({ file: problem.file, line: problem.line, field: problem.field }, problem.format('en'));
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  #schedule(at: Date | undefined): void {
    clearTimeout(this.#timer);
    if (!at || this.#closed) return;
    const wait = Math.min(MAX_TIMER, Math.max(0, at.getTime() - this.#now().getTime()));
    this.#timer = setTimeout(() => {
      try {
        // The same index, a later clock: the article whose moment has come is published (or leads no more, or is live no more).
        this.#swap(this.#problems);
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Scheduled publication failed; the previous content stays online');
      }
    }, wait);
    this.#timer.unref();
  }
}

/** The same problems, one by one (a file's problems are kept as they were until it is looked at again). */
function sameProblems(a: readonly ContentError[], b: readonly ContentError[]): boolean {
  return a.length === b.length && a.every((problem, i) => problem === b[i]);
}
