import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, fsyncSync } from 'node:fs';
import path from 'node:path';
import { keep } from './keep.js';

/**
 * The import's memory of what it wrote, kept in the content folder (`.import/manifest.jsonl`,
 * a dot folder the site never reads): one line per file written, the source's key, the file
 * and the hash of the bytes written. A re-run reads it to tell its own untouched files (the
 * same hash: safe to leave or update) from files an editor has changed since (never
 * overwritten). A line is appended only after its file is complete under its final name, so a
 * run killed at any moment leaves every line true; a line cut by the kill is skipped. Lines are
 * written in batches: a file whose line a kill lost is found again by its bytes (see writer.ts).
 */
export interface ManifestEntry {
  key: string;
  /** Path inside the content folder (`news/2015/01/x.ru.md`), or an id (`author:…`, `topic:…`). */
  file: string;
  /** SHA-256 of the bytes written, base64url, 22 characters; empty for ids. */
  sha: string;
}

export const MANIFEST = '.import/manifest.jsonl';
/** Lines kept before they are written together. */
const BATCH = 200;

export class Manifest {
  readonly #entries = new Map<string, ManifestEntry>();
  readonly #file: string;
  readonly #dryRun: boolean;
  #fd: number | undefined;
  #pending: string[] = [];

  constructor(contentDir: string, options: { dryRun: boolean }) {
    this.#file = path.join(contentDir, MANIFEST);
    this.#dryRun = options.dryRun;
    let text = '';
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read the import manifest "${this.#file}"`, { cause: error });
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const entry = JSON.parse(line) as ManifestEntry;
        if (typeof entry.key === 'string' && typeof entry.file === 'string') this.#entries.set(entry.key, entry);
      } catch {
        // The last line of a run killed while appending it: its file is found again by its bytes.
      }
    }
  }

  get(key: string): ManifestEntry | undefined {
    return this.#entries.get(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Records a file (or id) as written; the line is on disk when this returns. */
  put(given: ManifestEntry): void {
    const earlier = this.#entries.get(given.key);
    if (earlier && earlier.file === given.file && earlier.sha === given.sha) return;
    const entry = { key: keep(given.key), file: keep(given.file), sha: keep(given.sha) };
    this.#entries.set(entry.key, entry);
    if (this.#dryRun) return;
    if (this.#fd === undefined) {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      this.#fd = openSync(this.#file, 'a');
      // A line cut by a kill is ended, so that the next line is whole.
      if (!endsWithNewline(this.#file)) appendFileSync(this.#fd, '\n');
    }
    this.#pending.push(`${JSON.stringify(entry)}\n`);
    if (this.#pending.length >= BATCH) this.flush();
  }

  /** Writes the lines not yet on disk. */
  flush(): void {
    if (this.#fd === undefined || !this.#pending.length) return;
    appendFileSync(this.#fd, this.#pending.join(''));
    this.#pending = [];
  }

  close(): void {
    this.flush();
    if (this.#fd === undefined) return;
    fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}

function endsWithNewline(file: string): boolean {
  try {
    const text = readFileSync(file);
    return text.length === 0 || text[text.length - 1] === 0x0a;
  } catch {
    return true;
  }
}

/** The hash the manifest keeps of a file's bytes. */
export function sha(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}
