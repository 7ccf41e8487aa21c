import type { Representation } from './representation.js';

/**
 * Rendered answers by key, least recently used first out, bounded by bytes. Cleared whole when
 * the version it was filled for (content index, footer year) changes.
 */
export class ResponseCache {
  #entries = new Map<string, Representation>();
  #bytes = 0;
  #version: unknown;

  constructor(readonly maxBytes: number) {}

  get(key: string, version: unknown): Representation | undefined {
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
      return undefined;
    }
    const entry = this.#entries.get(key);
    if (entry) {
      // Re-inserting moves the entry to the end: Map order is the recency order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, version: unknown, value: Representation): void {
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
    }
    this.delete(key);
    this.#entries.set(key, value);
    this.#bytes += value.size;
    this.#evict();
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.size;
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get count(): number {
    return this.#entries.size;
  }

  #evict(): void {
    for (const [key] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.delete(key);
    }
  }
}
