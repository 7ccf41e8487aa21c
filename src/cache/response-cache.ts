import type { Representation } from './representation.js';

interface Slot {
  rep: Representation;
  /** Read since it was kept, or since eviction last passed it by. */
  used: boolean;
}

/**
 * Rendered answers by key, bounded by bytes, and cleared whole when the version it was filled
 * for (content index, footer year) changes. Over its bound it drops what was not read lately,
 * by the "second chance" rule: entries are kept in the order they were put in; eviction walks
 * them from the oldest, drops one not read since it was put in (or last passed), and moves one
 * that was to the end, once. The entry just put in is never the one dropped. A hit only sets a flag: moving the entry on every read (a strict
 * LRU) made V8 grow the Map's table again and again, a garbage that, at tens of thousands of
 * cached answers a second, set off a full collection every two seconds.
 */
export class ResponseCache {
  #entries = new Map<string, Slot>();
  #bytes = 0;
  #version: unknown;

  constructor(readonly maxBytes: number) {}

  get(key: string, version: unknown): Representation | undefined {
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
      return undefined;
    }
    const slot = this.#entries.get(key);
    if (!slot) return undefined;
    slot.used = true;
    return slot.rep;
  }

  /** Whether the cache has an answer for key, without counting it as read (eviction's order stays). */
  has(key: string, version: unknown): boolean {
    return version === this.#version && this.#entries.has(key);
  }

  set(key: string, version: unknown, value: Representation): void {
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
    }
    this.delete(key);
    this.#entries.set(key, { rep: value, used: false });
    this.#bytes += value.size;
    this.#evict(key);
  }

  delete(key: string): void {
    const slot = this.#entries.get(key);
    if (!slot) return;
    this.#bytes -= slot.rep.size;
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

  /** Makes room, passing over `kept` (just put in: it has had no time to be read). */
  #evict(kept: string): void {
    // A Map's iterator reaches entries set during the walk: one moved to the end is met again,
    // unflagged, and dropped if the walk gets that far.
    for (const [key, slot] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      if (key === kept) continue;
      if (slot.used) {
        slot.used = false;
        this.#entries.delete(key);
        this.#entries.set(key, slot);
      } else this.delete(key);
    }
    // Bigger than the whole bound alone.
    if (this.#bytes > this.maxBytes) this.delete(kept);
  }
}
