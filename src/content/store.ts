import type { Logger } from 'pino';
import { buildIndex, type ContentIndex } from './build-index.js';
import { loadContent } from './load.js';
import type { ContentSources } from './types.js';

export interface ContentStoreOptions {
  contentDir: string;
  includeDrafts: boolean;
  logger: Logger;
  now?: () => Date;
}

// setTimeout cannot wait longer than about 24.8 days; a later publication is re-armed on wake.
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Holds the current content index. A new index is built aside and swapped in whole, so a
 * request always sees one consistent version. Articles dated in the future appear at their
 * moment through a timer, not a check on every request.
 */
export class ContentStore {
  #index: ContentIndex | undefined;
  #sources: ContentSources | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #options: ContentStoreOptions;

  constructor(options: ContentStoreOptions) {
    this.#options = options;
  }

  get index(): ContentIndex {
    if (!this.#index) throw new Error('ContentStore.index read before load() finished');
    return this.#index;
  }

  /** Reads the content folder and swaps in a new index; on failure the last good one stays. */
  async load(): Promise<ContentIndex> {
    this.#sources = await loadContent(this.#options.contentDir);
    return this.#rebuild();
  }

  /** Stops the publication timer. */
  close(): void {
    clearTimeout(this.#timer);
  }

  #rebuild(): ContentIndex {
    const { logger, includeDrafts } = this.#options;
    const now = this.#options.now?.() ?? new Date();
    const index = buildIndex(this.#sources!, { now, includeDrafts });
    for (const problem of index.problems) {
      logger.warn({ file: problem.file, line: problem.line, field: problem.field }, problem.format('en'));
    }
    this.#index = index;
    this.#schedule(index.nextPublication, now);
    return index;
  }

  #schedule(at: Date | undefined, now: Date): void {
    clearTimeout(this.#timer);
    if (!at) return;
    const wait = Math.min(MAX_TIMER, Math.max(0, at.getTime() - now.getTime()));
    this.#timer = setTimeout(() => {
      try {
        this.#rebuild();
      } catch (error) {
        this.#options.logger.error({ err: error }, 'Scheduled publication failed; the previous content stays online');
      }
    }, wait);
    this.#timer.unref();
  }
}
