import type { ArticleBody } from './types.js';

/**
 * Where article bodies are kept, by body id (a file's path and stamp). A body is written once,
 * when its file is parsed, and read when a page, feed or search needs it; the index itself
 * holds only what lists and heads need. Bodies of files that changed or went away are pruned.
 */
export interface BodyStore {
  get(id: string): ArticleBody | undefined;
  put(id: string, body: ArticleBody): void;
  /** Forgets these bodies: earlier versions of changed files, deleted files. */
  drop(ids: Iterable<string>): void;
}

/** Bodies in memory: for tools and tests, and the fallback when no cache file can be written. */
export class MemoryBodies implements BodyStore {
  readonly #bodies = new Map<string, ArticleBody>();

  get(id: string): ArticleBody | undefined {
    return this.#bodies.get(id);
  }

  put(id: string, body: ArticleBody): void {
    this.#bodies.set(id, body);
  }

  drop(ids: Iterable<string>): void {
    for (const id of ids) this.#bodies.delete(id);
  }
}
