import type { Logger } from 'pino';
import { MemoryBodies, type BodyStore } from './bodies.js';
import { buildIndex, type ContentIndex } from './build-index.js';
import type { GoodParse } from './last-good.js';
import { parseInParallel } from './parse-parallel.js';
import { ContentLoadError, type ContentError } from './errors.js';
import { loadContent } from './load.js';
import type { ContentSources } from './types.js';
import { watchContent, type ContentWatcher } from './watch.js';

export interface ContentStoreOptions {
  contentDir: string;
  includeDrafts: boolean;
  logger: Logger;
  now?: () => Date;
  /** Called after each new index is swapped in, e.g. to build what depends on it ahead of requests. */
  onSwap?: (index: ContentIndex) => void;
  /** Where article bodies are kept; in memory unless given (see parse-cache.ts). */
  bodies?: BodyStore;
  /** Parses remembered from an earlier run, by relative path: files with the same stamp are not parsed again. */
  remembered?: ReadonlyMap<string, GoodParse>;
}

// setTimeout cannot wait longer than about 24.8 days; a later publication is re-armed on wake.
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Holds the current content index. A new index is built aside and swapped in whole, so a
 * request always sees one consistent version. Articles dated in the future appear at their
 * moment through a timer, not a check on every request. Changes on disk arrive through
 * reload(): from the watcher, from SIGHUP, or from a test.
 */
export class ContentStore {
  #index: ContentIndex | undefined;
  #sources: ContentSources | undefined;
  #timer: NodeJS.Timeout | undefined;
  #watcher: Promise<ContentWatcher> | undefined;
  /** The reload running or waiting to run; reloads never overlap. */
  #queue: Promise<void> = Promise.resolve();
  /** True while a reload is queued but has not started reading: a new request joins it. */
  #queued = false;
  #closed = false;
  readonly #options: ContentStoreOptions;
  readonly #bodies: BodyStore;

  constructor(options: ContentStoreOptions) {
    this.#options = options;
    this.#bodies = options.bodies ?? new MemoryBodies();
  }

  get index(): ContentIndex {
    if (!this.#index) throw new Error('ContentStore.index read before load() finished');
    return this.#index;
  }

  /** Reads the content folder and swaps in a new index. At start a broken site.yml, authors.yml or topics.yml throws. */
  async load(): Promise<ContentIndex> {
    return this.#apply(...(await this.#read()));
  }

  /**
   * Reads the content folder again and swaps in the new index. Never throws: when the folder
   * cannot be read or a site-wide YAML file is broken, the previous index stays whole and the
   * reason is logged. Calls made while one reload is waiting share it.
   */
  reload(reason = 'reload'): Promise<void> {
    if (this.#queued) return this.#queue;
    this.#queued = true;
    this.#queue = this.#queue.then(async () => {
      this.#queued = false;
      await this.#reloadNow(reason);
    });
    return this.#queue;
  }

  /**
   * Reloads whenever something under the content folder changes, until close(): resolves once
   * the folder is being watched. `rescanMs` is the stamp backstop's period (see watch.ts).
   */
  async watch(rescanMs?: number): Promise<void> {
    if (this.#watcher || this.#closed) return;
    const { contentDir, logger } = this.#options;
    const watching = watchContent(contentDir, {
      onChange: (paths) => void this.reload(`change on disk: ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}`),
      onError: (error) => logger.error({ err: error, contentDir }, 'Watching the content folder failed; changes are seen at the next rescan, or send SIGHUP'),
      rescanMs,
    });
    this.#watcher = watching;
    const watcher = await watching;
    // Closed while the watcher was starting: it must not outlive the store.
    if (this.#closed) await watcher.close();
    else logger.info({ contentDir }, 'Watching the content folder for changes');
  }

  /** Stops the publication timer and the watcher; later reloads do nothing. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    void this.#watcher?.then((watcher) => watcher.close());
    this.#watcher = undefined;
  }

  async #reloadNow(reason: string): Promise<void> {
    if (this.#closed) return;
    const { logger } = this.#options;
    const started = performance.now();
    try {
      const index = this.#apply(...(await this.#read()));
      const articles = Object.values(index.langs).reduce((sum, lang) => sum + lang.articles.length, 0);
      logger.info({ reason, articles, parsed: index.parsed, problems: index.problems.length, ms: Math.round(performance.now() - started) }, 'Content reloaded');
    } catch (error) {
      if (error instanceof ContentLoadError) {
        for (const problem of error.problems) this.#logProblem(problem);
        logger.error({ reason }, 'Content not reloaded: a site-wide file is broken; the previous content stays online');
      } else {
        logger.error({ err: error, reason }, 'Content not reloaded: the folder could not be read; the previous content stays online');
      }
    }
  }

  /**
   * Reads the content folder (article files parsed before under their current stamp are left
   * unread) and, when thousands of files are new (a first start), parses them on every core.
   * Returns the sources and the parses to build from.
   */
  async #read(): Promise<[ContentSources, ReadonlyMap<string, GoodParse> | undefined]> {
    const lastGood = this.#lastGood();
    const sources = await loadContent(this.#options.contentDir, { parsedStamp: (relativePath) => lastGood?.get(relativePath)?.stamp });
    const started = performance.now();
    const { logger } = this.#options;
    const parsed = await parseInParallel(
      sources,
      lastGood,
      this.#bodies,
      (files, threads) => logger.info({ files, threads, ms: Math.round(performance.now() - started) }, 'Parsed the new article files in parallel'),
      (error) => logger.warn({ err: error }, 'Parsing in parallel failed; the rest is parsed on the main thread'),
    );
    return [sources, parsed];
  }

  #lastGood(): ReadonlyMap<string, GoodParse> | undefined {
    return this.#index?.lastGood ?? this.#options.remembered;
  }

  /** Builds an index from these sources and swaps it in; nothing changes if the build throws. */
  #apply(sources: ContentSources, lastGood = this.#lastGood()): ContentIndex {
    const index = this.#build(sources, lastGood);
    // Kept for the scheduled publication's rebuild, without texts: the parses are in the index.
    this.#sources = { ...sources, articles: sources.articles.map((source) => (source.stamp === undefined ? source : { ...source, text: undefined, unread: true })) };
    this.#swap(index);
    return index;
  }

  #build(sources: ContentSources, lastGood = this.#lastGood()): ContentIndex {
    const { includeDrafts } = this.#options;
    return buildIndex(sources, { now: this.#now(), includeDrafts, lastGood, bodies: this.#bodies });
  }

  #swap(index: ContentIndex): void {
    for (const problem of index.problems) this.#logProblem(problem);
    for (const file of index.servedFromLastGood) {
      this.#options.logger.warn({ file }, `${file}: its last good version stays online until the problems above are fixed`);
    }
    this.#index = index;
    this.#schedule(index.nextPublication);
    this.#options.onSwap?.(index);
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
        // The same sources, a later clock: the article whose moment has come joins the index.
        this.#swap(this.#build(this.#sources!));
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Scheduled publication failed; the previous content stays online');
      }
    }, wait);
    this.#timer.unref();
  }
}
