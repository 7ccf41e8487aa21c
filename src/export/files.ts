import { closeSync, futimesSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** The suffix of a file being written in place; a killed export's leftovers are swept by the next. */
const TEMP = '.export-tmp';

/**
 * The export folder's files, written synchronously: a file is a few tens of KB in the page
 * cache, and a promise per open, write, utimes and close cost more than the writes (the
 * profile at 10,000 articles). Folders made once are remembered.
 */
export class ExportFiles {
  readonly #made = new Set<string>();

  /**
   * @param dir the folder written to
   * @param inPlace whether readers may be reading it now: then each file is written beside
   *   and renamed over the old one, so that no reader gets half a file
   */
  constructor(readonly dir: string, readonly inPlace: boolean) {}

  full(file: string): string {
    return path.join(this.dir, ...file.split('/'));
  }

  /**
   * Writes bytes to a file (relative, forward slashes), dated `mtime` (ms) when given: nginx
   * sends it as Last-Modified. The bytes may come in pieces (the manifest).
   */
  write(file: string, bytes: Buffer | Iterable<Buffer>, mtime: number): void {
    const name = this.full(file);
    const folder = path.dirname(name);
    if (!this.#made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#made.add(folder);
    }
    const target = this.inPlace ? `${name}${TEMP}` : name;
    const fd = openSync(target, this.inPlace ? 'w' : 'wx');
    try {
      for (const piece of Buffer.isBuffer(bytes) ? [bytes] : bytes) for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done);
      if (mtime) futimesSync(fd, mtime / 1000, mtime / 1000);
    } finally {
      closeSync(fd);
    }
    if (this.inPlace) renameSync(target, name);
  }

  /** Sets a file's date alone (its bytes are the same, the server's Last-Modified moved). */
  date(file: string, mtime: number): void {
    const fd = openSync(this.full(file), 'r+');
    try {
      futimesSync(fd, mtime / 1000, mtime / 1000);
    } finally {
      closeSync(fd);
    }
  }

  /** The file's mtime in ms, or undefined when it is not there. */
  mtime(file: string): number | undefined {
    return statSync(this.full(file), { throwIfNoEntry: false })?.mtimeMs;
  }

  remove(file: string): void {
    try {
      unlinkSync(this.full(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /**
   * Deletes every file of the folder that `keep` does not name (relative, forward slashes):
   * pages gone from the site, a killed export's temporary files, anything put there by hand.
   * Folders left empty go too. `before` is called before the first deletion. Returns how many
   * files were deleted.
   */
  sweep(keep: ReadonlySet<string>, before: () => void): number {
    let removed = 0;
    const folders: string[] = [];
    for (const entry of readdirSync(this.dir, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (!keep.has(path.relative(this.dir, full).split(path.sep).join('/'))) {
        if (removed === 0) before();
        unlinkSync(full);
        removed++;
      }
    }
    if (removed === 0) return 0;
    // Deepest first; a folder with files left in it refuses, and stays.
    for (const folder of folders.sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty.
      }
    }
    return removed;
  }
}
