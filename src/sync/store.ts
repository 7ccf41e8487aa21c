import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ContentIndex } from '../index/content-index.js';
import { factsOf, fingerprint, readable } from '../index/database.js';
import { indexFiles, newIndexFile, pointAt, pointerFile, removeUnused, servedFile } from '../index/files.js';
import type { Diff, WriterOptions } from '../index/writer.js';
import { ContentLoadError, type ContentError } from '../problems/errors.js';
import { LANGS } from '../i18n/languages.js';
import type { MediaFacts } from '../parse/media-facts.js';
import { OpenIndex } from './open-index.js';
import { ProblemLog, sameProblems } from './problem-book.js';
import { reconcile, warmParser, type ReconcileReport } from './reconcile.js';
import type { ContentSource } from './source.js';
import { watchContent, type ContentWatcher } from './watch.js';

export interface ContentStoreOptions {
  /** Where the content files are: the disk (the server, the tools) or memory (tests). */
  source: ContentSource;
  includeDrafts: boolean;
  logger: Logger;
  now?: () => Date;
  /** Where the index files live (DATA_DIR); in memory when absent (tools, tests). */
  dataDir?: string;
  /**
   * 'writer' (the default) indexes content/ and watches it; a 'reader' (a cluster's other
   * workers) only reads the index the writer keeps, and follows its commits and its switches.
   */
  role?: 'writer' | 'reader';
  /** Called after each new content version is swapped in, e.g. to build what depends on it ahead of requests. */
  onSwap?: (index: ContentIndex) => void;
  /** Reads what each media file is (src/media/library.ts); without it, articles' pictures have no facts. */
  images?: { survey(names: Iterable<string>): Promise<ReadonlyMap<string, MediaFacts>> };
  /** Told how a build of a whole index goes (npm run reindex shows it): at its start, after each batch, at its end. */
  onBuild?: (status: BuildStatus) => void;
  /** When each file claimed its address in another index (npm run check beside the server's; see IndexWriter). */
  priorClaim?: WriterOptions['priorClaim'];
  /**
   * Whether a first start's index is read while it grows (the server: true, the default). A
   * tool that serves nobody (npm run check, npm run reindex -- --offline) says false: its
   * index is pointed at once complete, and loaded in bulk like a rebuild beside a serving one.
   */
  readWhileBuilding?: boolean;
  /** npm run check: an index of rows without bodies or search terms (see WriterOptions.lean). */
  lean?: boolean;
}

/** A build of a whole index: a first start's, or a rebuild beside the serving index. */
export interface BuildStatus {
  state: 'building' | 'switched' | 'failed';
  /** Why: a first start, new code (a new fingerprint), a damaged index, npm run reindex. */
  reason: string;
  /** The npm run reindex requests this build answers (see control.ts). */
  requests: string[];
  /** The index file being built; undefined in memory. */
  file: string | undefined;
  /** Article files dealt with so far, of those to parse (more may come: edits made meanwhile). */
  files: number;
  total: number;
  startedAt: number;
  /** Why it failed. */
  error?: string;
}

// setTimeout cannot wait longer than about 24.8 days; a later publication is re-armed on wake.
const MAX_TIMER = 2 ** 31 - 1;
/** How often a reader looks for the writer's commits and for a switch to another file. */
const FOLLOW_MS = 100;
/**
 * How long an index replaced by a rebuild stays open in a process: longer than any request may
 * take (the server's request timeout is 30 s), so that none in flight loses its database. Then
 * the process lets go of it, and the file is deleted once no process holds it.
 */
const RETIRE_MS = 40_000;

/** A build in progress, and the paths reloads named meanwhile, which it takes in before it is done. */
interface Build {
  target: OpenIndex;
  reason: string;
  requests: string[];
  pending: Set<string> | 'all' | undefined;
  files: number;
  total: number;
  startedAt: number;
  done: Promise<void>;
}

/**
 * Holds the content index (SQLite, see src/index/) and its current version. The files in
 * content/ are the truth; the index is derived from them by their stamps: a start or a reload
 * parses only the files whose stamp changed and writes the difference in one transaction, and
 * swaps in one new content version.
 *
 * A whole index is built when there is none this code can use as it is: on a first start, for
 * new code (its fingerprint names what shapes the rows), for a damaged file, on npm run
 * reindex. When a complete index this code can read is there, it keeps serving (and takes in
 * the editors' saves) while the new one is built beside it; the build then takes in the saves
 * made meanwhile, and the new index replaces the old in one switch: one new content version,
 * and every process of the machine follows the pointer to it. With nothing to serve (a first
 * start), the index is served while it grows, and a page it may not have yet is answered 503
 * (see `complete`). Articles dated in the future appear at their moment through a timer, which
 * makes a new content version without a write; so do the end of a breaking article's lead and
 * the end of live coverage (ContentIndex.nextMoment).
 */
export class ContentStore {
  #index: ContentIndex | undefined;
  /** The index versions are made from. */
  #serving: OpenIndex | undefined;
  #build: Build | undefined;
  /** Indexes replaced by a rebuild, closed once no request can still read them. */
  readonly #retiring = new Set<OpenIndex>();
  /** The local content version: raised by every commit seen, every switch and every publication moment. */
  #version = 0;
  readonly #said = new ProblemLog();
  #timer: NodeJS.Timeout | undefined;
  #follow: NodeJS.Timeout | undefined;
  #watcher: Promise<ContentWatcher> | undefined;
  /** The reconcile of the serving index running or waiting to run; they never overlap. */
  #queue: Promise<void> = Promise.resolve();
  /** Paths a queued reconcile will look at; 'all' for a full scan. Undefined when none is queued. */
  #pending: Set<string> | 'all' | undefined;
  #reconciling = false;
  /** Why a build that failed was wanted: it is tried again at the next change. */
  #wanted: string | undefined;
  #closed = false;
  #last: ReconcileReport | undefined;
  #dataKnown: (() => void) | undefined;
  #becameReady!: () => void;
  readonly #ready = new Promise<void>((resolve) => (this.#becameReady = resolve));
  #becameComplete!: () => void;
  /** A reader's: resolves once the index it follows is complete (the writer's first build may still be growing it). */
  readonly #complete = new Promise<void>((resolve) => (this.#becameComplete = resolve));
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

  /**
   * Whether the served index holds every file of content/. Only a first start serves one that
   * does not: a page it lacks may be one not indexed yet, and lists, feeds and sitemaps would
   * be partial (see http/indexing.ts).
   */
  get complete(): boolean {
    return this.#serving?.complete ?? false;
  }

  /** Whether a reload or a build is indexing now. */
  get indexing(): boolean {
    return this.#reconciling || this.#build !== undefined;
  }

  /** The build of a whole index in progress, if one is: how far it is. */
  get building(): Pick<BuildStatus, 'reason' | 'files' | 'total' | 'startedAt'> | undefined {
    const build = this.#build;
    return build && { reason: build.reason, files: build.files, total: build.total, startedAt: build.startedAt };
  }

  /** Resolves at the first content version (at once on a restart; after the first batch on a first start). */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  /**
   * Resolves when the reconciles and the build running or queued now have ended; in a reader,
   * once the index it follows is complete (a first start's build by the writer has ended).
   */
  async settled(): Promise<void> {
    if (this.#options.role === 'reader') return this.#complete;
    await this.#queue;
    while (this.#build) await this.#build.done.catch(() => {});
    await this.#queue;
  }

  /** What the last reconcile of the serving index did: files parsed, removed, how long it took. */
  get lastReconcile(): ReconcileReport | undefined {
    return this.#last;
  }

  /**
   * Opens the index and brings it up to date with content/ before resolving: for tools, tests
   * and the export. At start a broken site.yml, authors.yml or topics.yml throws.
   */
  async load(): Promise<ContentIndex> {
    await this.start();
    await this.settled();
    if (!this.#index) throw new Error('Content index is empty after loading');
    return this.#index;
  }

  /**
   * Opens the index and resolves as soon as there is something to serve, or nothing to wait
   * for: a complete index is served as the last run left it while content/ is reconciled in
   * the background (and a new one built beside it if this code writes rows differently); a
   * first start resolves once site.yml, authors.yml and topics.yml are checked (throwing if
   * they are broken), and indexes the articles in batches behind it.
   */
  async start(): Promise<void> {
    const { dataDir, includeDrafts: drafts, logger, role = 'writer' } = this.#options;
    if (role === 'reader') return this.#startReading();
    let serve: OpenIndex | undefined;
    let build: { file?: string; reason: string } | undefined = { reason: 'first start' };
    if (dataDir) {
      const plan = planStart(dataDir, drafts);
      build = plan.build;
      if (plan.serve) {
        serve = this.#open(plan.serve);
        if (!serve) build = { reason: 'the content index could not be opened' };
        else if (plan.legacy) {
          // Taken as complete, and named by the pointer from now on.
          serve.serial = serve.writer!.markComplete();
          serve.complete = true;
          pointAt(dataDir, drafts, plan.serve);
        }
      }
      if (plan.damaged) logger.warn({ file: plan.damaged }, 'Content index damaged; indexing content/ again');
    }
    if (serve) {
      this.#serving = serve;
      if (serve.data) this.#swap();
      this.#enqueue('start', 'all');
    }
    let first: Promise<void> | undefined;
    const known = new Promise<void>((resolve) => (this.#dataKnown = resolve));
    if (build) {
      const target = this.#newTarget(build.file, serve);
      if (!serve && this.#options.readWhileBuilding !== false) {
        this.#serving = target;
        if (target.file) pointAt(dataDir!, drafts, target.file);
        if (target.data) this.#swap();
      }
      first = this.#startBuild(target, build.reason, []);
    }
    if (dataDir) removeUnused(dataDir);
    // A first start answers only once the site-wide files are known to be good.
    if (first && !serve && !this.#index) await Promise.race([first, known]);
  }

  /**
   * Builds a fresh index beside the serving one and switches to it when it is complete (npm
   * run reindex): readers see the old index until then. Joins the build already running, if
   * any. Resolves at the switch; rejects if the build failed (the old index still serves).
   */
  rebuild(reason = 'npm run reindex', requests: string[] = []): Promise<void> {
    if (this.#options.role === 'reader' || this.#closed) return Promise.resolve();
    if (this.#build) {
      this.#build.requests.push(...requests);
      this.#tell(this.#build, 'building');
      return this.#build.done;
    }
    this.#wanted = undefined;
    const { dataDir, includeDrafts: drafts } = this.#options;
    const target = this.#newTarget(dataDir && newIndexFile(dataDir, drafts, fingerprint()), this.#serving);
    return this.#startBuild(target, reason, requests);
  }

  /**
   * Brings the index up to date with content/ and swaps in the new version. Given paths (from
   * the watcher), only those are looked at; else every file's stamp is. Never throws: when
   * the folder cannot be read or a site-wide YAML file is broken, the previous version stays
   * whole and the reason is logged. Calls made while one reload is waiting share it. While a
   * whole index is built, it takes in the same paths before it is switched in.
   */
  reload(reason = 'reload', paths?: readonly string[]): Promise<void> {
    if (this.#options.role === 'reader') return Promise.resolve();
    if (this.#wanted !== undefined && !this.#build) {
      const wanted = this.#wanted;
      this.#wanted = undefined;
      void this.rebuild(wanted).catch(() => {});
    }
    const which = paths ? new Set(paths) : 'all';
    const build = this.#build;
    if (build) build.pending = merge(build.pending, which);
    // A first start: the index being built is the one served, and the build takes the paths in.
    if (build && build.target === this.#serving) return build.done.catch(() => {});
    if (!this.#serving) return Promise.resolve();
    return this.#enqueue(reason, which);
  }

  /**
   * Reloads whenever something under the content folder changes, until close(): resolves once
   * the folder is being watched. `rescanMs` is the stamp backstop's period (see watch.ts).
   * The reload looks at the paths that changed only. A reader (see role), or a source with no
   * folder on disk, does not watch.
   */
  async watch(rescanMs?: number): Promise<void> {
    const { source, logger } = this.#options;
    if (this.#watcher || this.#closed || this.#options.role === 'reader' || source.dir === undefined) return;
    const contentDir = source.dir;
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
    const { source, logger } = this.#options;
    const data = this.#serving?.data;
    if (this.#closed || !this.#index || !data) return;
    const files = LANGS.flatMap((lang) => this.#index!.list(lang, {}, 0, 1).map((a) => a.file.slice(source.root.length + 1)));
    const started = performance.now();
    try {
      await warmParser(source, data, files);
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
    // Nothing will follow the writer any more: a reader waits no longer for its index to be complete.
    this.#becameComplete();
    void this.#watcher?.then((watcher) => watcher.close());
    this.#watcher = undefined;
  }

  /** Stops, and closes every index this store has open once the reload in progress has ended; deletes those no process holds. */
  close(): void {
    this.stop();
    const open = [this.#serving, this.#build?.target, ...this.#retiring].filter((index): index is OpenIndex => index !== undefined);
    const closeAll = () => {
      for (const index of open) index.close();
      if (this.#options.dataDir && this.#options.role !== 'reader') removeUnused(this.#options.dataDir);
    };
    if (this.#reconciling) void this.#queue.then(closeAll);
    else closeAll();
  }

  /** An index to build into: a file (a new one, or a first start's to resume), or memory; memory too when DATA_DIR cannot hold one. */
  #newTarget(file: string | undefined, beside: OpenIndex | undefined): OpenIndex {
    const { dataDir, includeDrafts: drafts, logger } = this.#options;
    // Claims are kept from the index this one replaces, or from the one the caller names (npm run check).
    const writer = beside?.writer;
    const options = { drafts, priorClaim: writer ? (rel: string) => writer.claimedOf(rel) : this.#options.priorClaim, lean: this.#options.lean };
    // Nobody reads it before it is complete: loaded in bulk (a new file only; see openForWriting).
    const bulk = beside !== undefined || this.#options.readWhileBuilding === false;
    if (dataDir) {
      const at = file ?? newIndexFile(dataDir, drafts, fingerprint());
      try {
        return OpenIndex.writable(at, { ...options, fingerprint: fingerprint(), bulk });
      } catch (error) {
        logger.warn({ err: error, file: at }, 'Content index cannot be kept in DATA_DIR: it is built in memory for this run. Check that DATA_DIR is writable.');
      }
    }
    return OpenIndex.memory(options);
  }

  /** A complete index to serve, opened for writing; undefined (and said) when it cannot be opened. */
  #open(file: string): OpenIndex | undefined {
    const { includeDrafts: drafts, logger } = this.#options;
    try {
      return OpenIndex.writable(file, { drafts });
    } catch (error) {
      logger.warn({ err: error, file }, 'Content index damaged; indexing content/ again');
      return undefined;
    }
  }

  /** Builds a whole index into `target`: every file, then the paths named meanwhile; then it is complete, and switched in. */
  #startBuild(target: OpenIndex, reason: string, requests: string[]): Promise<void> {
    const build: Build = { target, reason, requests: [...requests], pending: undefined, files: 0, total: 0, startedAt: Date.now(), done: Promise.resolve() };
    this.#build = build;
    build.done = this.#runBuild(build);
    // Whoever waits for it hears of a failure; nobody waiting is no unhandled rejection.
    build.done.catch(() => {});
    return build.done;
  }

  async #runBuild(build: Build): Promise<void> {
    const { logger } = this.#options;
    const { target } = build;
    /** Built while another index serves; a tool's first build (see readWhileBuilding) has none beside it, and nobody reads it. */
    const beside = this.#serving !== undefined && this.#serving !== target;
    const unseen = this.#serving === undefined;
    logger.info({ reason: build.reason, file: target.file, beside }, beside ? 'Building a new content index beside the one serving' : 'Indexing content/');
    this.#tell(build, 'building');
    try {
      let report = await this.#reconcileInto(target, 'all', build);
      // Saves made meanwhile: the files they name are compared again, until none is left.
      while (build.pending && !this.#closed) {
        const paths = build.pending;
        build.pending = undefined;
        const more = await this.#reconcileInto(target, paths, build);
        report = { ...more, parsed: report.parsed + more.parsed, removed: report.removed + more.removed, ms: report.ms + more.ms };
      }
      if (this.#closed) return;
      target.serial = target.writer!.markComplete();
      target.complete = true;
      const old = this.#serving;
      this.#serving = target;
      this.#build = undefined;
      if (target.file && this.#options.dataDir) pointAt(this.#options.dataDir, this.#options.includeDrafts, target.file);
      this.#last = report;
      this.#swap();
      if (old && old !== target) this.#retire(old);
      logger.info({ reason: build.reason, file: target.file, parsed: report.parsed, problems: target.book.problems.length, ms: Date.now() - build.startedAt }, beside ? 'Switched to the new content index' : 'Content index complete');
      this.#tell(build, 'switched');
    } catch (error) {
      if (this.#build === build) this.#build = undefined;
      if (this.#closed) return;
      this.#tell(build, 'failed', error);
      if (unseen) target.close();
      // Nothing to serve and nothing that can be: the process must say so and stop.
      if (!beside && !this.#index) throw error;
      if (error instanceof ContentLoadError) for (const problem of error.problems) this.#logProblem(problem);
      logger.error({ err: error instanceof ContentLoadError ? undefined : error, reason: build.reason }, beside ? 'The new content index could not be built; the one serving stays, and the build is tried again at the next change' : 'Content not indexed: the previous content stays online');
      // Tried again when content changes (a site file fixed, say), unless npm run reindex asks first.
      this.#wanted = build.reason;
      if (beside) {
        target.close();
        if (this.#options.dataDir) removeUnused(this.#options.dataDir);
      }
      throw error;
    }
  }

  /** One reconcile of a build's index: its commits make versions only while it is the one served (a first start). */
  async #reconcileInto(target: OpenIndex, paths: Set<string> | 'all', build: Build): Promise<ReconcileReport> {
    const done = build.files;
    const report = await reconcile({
      source: this.#options.source,
      writer: target.writer!,
      previous: target.data,
      paths: paths === 'all' ? undefined : [...paths],
      logger: this.#options.logger,
      commit: (diff) => this.#commit(target, diff),
      onData: () => this.#dataKnown?.(),
      survey: this.#survey(),
      lean: this.#options.lean,
      progress: (files, total) => {
        build.files = done + files;
        build.total = done + total;
        this.#tell(build, 'building');
      },
    });
    build.files = done + report.parsed;
    target.book.remember(report);
    return report;
  }

  #enqueue(reason: string, paths: Set<string> | 'all'): Promise<void> {
    if (this.#pending !== undefined) {
      this.#pending = merge(this.#pending, paths);
      return this.#queue;
    }
    this.#pending = paths;
    this.#queue = this.#queue.then(async () => {
      const which = this.#pending!;
      this.#pending = undefined;
      await this.#reconcileNow(reason, which);
    });
    return this.#queue;
  }

  /** A reconcile of the serving index: one new content version at its end, if anything changed. */
  async #reconcileNow(reason: string, paths: Set<string> | 'all'): Promise<void> {
    const target = this.#serving;
    if (this.#closed || !target?.writer) return;
    const { logger } = this.#options;
    this.#reconciling = true;
    try {
      const before = target.book.problems;
      const report = await reconcile({
        source: this.#options.source,
        writer: target.writer,
        previous: target.data,
        paths: paths === 'all' ? undefined : [...paths],
        logger,
        commit: (diff) => this.#commit(target, diff),
        onData: () => {},
        survey: this.#survey(),
      });
      // Switched meanwhile: the index this reconcile wrote serves no more, and the build took the same paths in.
      if (target !== this.#serving) return;
      this.#last = report;
      target.book.remember(report);
      const changed = report.committed || !sameProblems(before, target.book.problems);
      // One new version for the whole reconcile, with its problems: a new version empties every cache.
      if (changed || !this.#index) this.#swap();
      logger[changed ? 'info' : 'debug']({ reason, parsed: report.parsed, removed: report.removed, problems: target.book.problems.length, ms: report.ms }, changed ? 'Content reloaded' : 'Content looked at: nothing new');
    } catch (error) {
      if (target === this.#serving) this.#logFailure(error, reason);
    } finally {
      this.#reconciling = false;
    }
  }

  #logFailure(error: unknown, reason: string): void {
    const { logger } = this.#options;
    if (error instanceof ContentLoadError) {
      for (const problem of error.problems) this.#logProblem(problem);
      logger.error({ reason }, 'Content not reloaded: a site-wide file is broken; the previous content stays online');
    } else {
      logger.error({ err: error, reason }, 'Content not reloaded: the folder could not be read; the previous content stays online');
    }
  }

  /** Writes one diff into an index; a first start's index, served while it grows, shows each batch at once. */
  #commit(target: OpenIndex, diff: Diff): Map<string, ContentError[]> {
    const { serial, claims } = target.writer!.apply(diff);
    target.serial = serial;
    if (diff.data) target.data = diff.data;
    if (target === this.#serving && !target.complete) this.#swap();
    return claims;
  }

  #survey(): ((names: Iterable<string>) => Promise<ReadonlyMap<string, MediaFacts>>) | undefined {
    const images = this.#options.images;
    return images && ((names) => images.survey(names));
  }

  /** Keeps an index replaced by a rebuild open until no request can still read it; then lets go of it (and its file goes). */
  #retire(index: OpenIndex): void {
    this.#retiring.add(index);
    setTimeout(() => {
      this.#retiring.delete(index);
      index.close();
      if (this.#options.dataDir) removeUnused(this.#options.dataDir);
    }, RETIRE_MS).unref();
  }

  #tell(build: Build, state: BuildStatus['state'], error?: unknown): void {
    this.#options.onBuild?.({
      state,
      reason: build.reason,
      requests: [...build.requests],
      file: build.target.file,
      files: build.files,
      total: build.total,
      startedAt: build.startedAt,
      ...(error === undefined ? {} : { error: error instanceof ContentLoadError ? error.message : String((error as Error)?.message ?? error) }),
    });
  }

  async #startReading(): Promise<void> {
    const { logger, dataDir, includeDrafts: drafts } = this.#options;
    let waited = false;
    for (;;) {
      if (this.#closed) return;
      const file = servedFile(dataDir!, drafts);
      const index = file && OpenIndex.reading(file);
      if (index) {
        this.#serving = index;
        break;
      }
      if (!waited) logger.info({ dataDir }, 'Waiting for the indexing process to write the content index');
      waited = true;
      await sleep(FOLLOW_MS);
    }
    this.#pointer = pointerStamp(dataDir!, drafts);
    this.#swap();
    this.#follow = setTimeout(() => this.#followWriter(), FOLLOW_MS);
    this.#follow.unref();
  }

  /** The pointer file's stamp when a reader last read it. */
  #pointer = '';

  /** A reader's turn: a switch to another index file, or a new serial from the writer, makes a new content version. */
  #followWriter(): void {
    clearTimeout(this.#follow);
    if (this.#closed) return;
    const { dataDir, includeDrafts: drafts, logger } = this.#options;
    try {
      const pointer = pointerStamp(dataDir!, drafts);
      const file = pointer !== this.#pointer ? servedFile(dataDir!, drafts) : undefined;
      const next = file !== undefined && file !== this.#serving?.file ? OpenIndex.reading(file) : undefined;
      if (next) {
        const old = this.#serving!;
        this.#serving = next;
        this.#pointer = pointer;
        this.#swap();
        this.#retire(old);
        logger.info({ file }, 'Following the writer to the new content index');
      } else {
        // Not openable yet: the next turn tries again.
        if (file === undefined || file === this.#serving?.file) this.#pointer = pointer;
        const serial = this.#serving!.committed();
        if (serial !== undefined && serial !== this.#serving!.serial && this.#serving!.read()) this.#swap();
      }
    } catch (error) {
      logger.warn({ err: error }, "Content index: could not read the writer's latest commit; trying again");
    }
    this.#follow = setTimeout(() => this.#followWriter(), FOLLOW_MS);
    this.#follow.unref();
  }

  /** A new content version of the serving index, its problems with it; the log says what problems are new. */
  #swap(): void {
    const serving = this.#serving;
    if (!serving?.data) return;
    const problems = serving.book.problems;
    const index = new ContentIndex(serving.queries, serving.data, ++this.#version, this.#now(), problems);
    this.#index = index;
    const news = this.#said.news(problems, serving.book.servedFromLastGood);
    for (const problem of news.problems) this.#logProblem(problem);
    for (const file of news.lastGood) this.#options.logger.warn({ file }, `${file}: its last good version stays online until the problems above are fixed`);
    this.#becameReady();
    if (serving.complete) this.#becameComplete();
    this.#schedule(index.nextMoment());
    this.#options.onSwap?.(index);
  }

  /** A problem in the log: the very words npm run check prints for it, in the editors' language (Russian). */
  #logProblem(problem: ContentError): void {
    this.#options.logger.warn({ file: problem.file, line: problem.line, field: problem.field }, problem.format('ru', { columns: true }));
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
        this.#swap();
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Scheduled publication failed; the previous content stays online');
      }
    }, wait);
    this.#timer.unref();
  }
}

/**
 * What a start does with the index files of DATA_DIR: serve the one the pointer names as it is,
 * if it is complete and this code can read it (or the newest file of a release before the
 * pointer, taken as complete); build one when there is none, or when the one served was written
 * by other code (its fingerprint). A first start cut short is resumed in its own file.
 */
function planStart(dataDir: string, drafts: boolean): { serve?: string; legacy?: boolean; build?: { file?: string; reason: string }; damaged?: string } {
  const code = fingerprint();
  const pointed = servedFile(dataDir, drafts);
  const legacy = pointed === undefined ? indexFiles(dataDir).find((file) => readable(factsOf(file), drafts) && factsOf(file)!.legacy) : undefined;
  const file = pointed ?? legacy;
  const facts = file === undefined ? undefined : factsOf(file);
  if (file === undefined) return { build: { reason: 'first start' } };
  if (!facts) return { build: { reason: 'the content index is damaged' }, damaged: file };
  if (!readable(facts, drafts)) return { build: { reason: 'the content index is of a schema this code cannot read' } };
  if (facts.complete || facts.legacy) {
    return { serve: file, legacy: facts.legacy, build: facts.fingerprint === code ? undefined : { reason: 'new code: the rows it writes differ (index fingerprint)' } };
  }
  return { build: facts.fingerprint === code ? { file, reason: 'first start, resumed' } : { reason: 'first start (the one before, of other code, was not finished)' } };
}

/** Paths to look at, merged: 'all' takes everything in. */
function merge(pending: Set<string> | 'all' | undefined, more: Set<string> | 'all'): Set<string> | 'all' {
  if (pending === 'all' || more === 'all') return 'all';
  return new Set([...(pending ?? []), ...more]);
}

/** The pointer file as last written (its inode and time), or '' while there is none: a reader rereads it when this changes. */
function pointerStamp(dataDir: string, drafts: boolean): string {
  try {
    const stat = statSync(pointerFile(dataDir, drafts));
    return `${stat.ino}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}
