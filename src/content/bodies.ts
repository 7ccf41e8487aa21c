import type { GoodParse } from './last-good.js';
import type { ArticleBody } from './types.js';

/**
 * Where article bodies are kept, by body id (a file's path and stamp). A body is put once, when
 * its file is parsed, and read when a page, feed or search needs it; the index itself holds
 * only what lists and heads need. A build ends with commit(), which forgets the bodies of
 * files that changed or went away.
 */
export interface BodyStore {
  get(id: string): ArticleBody | undefined;
  /** The body of a fresh parse, with the parse itself (a persistent store keeps both for the next run). */
  put(relativePath: string, good: GoodParse, body: ArticleBody): void;
  /** Ends a build: whatever was put is kept, the bodies of replaced and deleted files are forgotten. */
  commit(dropped: Iterable<string>): void;
}

/**
 * Bodies in memory: for tools and tests. A replaced body is forgotten one build late, so that
 * a request still on the previous version (a search across a reload) can read it.
 */
export class MemoryBodies implements BodyStore {
  readonly #bodies = new Map<string, ArticleBody>();
  #retired = new Set<string>();

  get(id: string): ArticleBody | undefined {
    return this.#bodies.get(id);
  }

  put(_relativePath: string, good: GoodParse, body: ArticleBody): void {
    this.#bodies.set(good.article.bodyId, body);
    this.#retired.delete(good.article.bodyId);
  }

  commit(dropped: Iterable<string>): void {
    for (const id of this.#retired) this.#bodies.delete(id);
    this.#retired = new Set(dropped);
  }
}
