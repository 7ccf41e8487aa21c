import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { running } from '../control.js';

/**
 * The index files of DATA_DIR over their life. Several may be there at once: the one that
 * serves, one being built beside it (a new release's, or `npm run reindex`'s), and old ones no
 * process has let go of yet. Which one serves is named by a pointer file, replaced in one
 * rename when a new index is complete: every process of the machine (the cluster's readers,
 * the next start) follows it. A process names the files it has open in a lease of its own; a
 * file neither pointed at nor leased by a living process is deleted.
 */

/** Index files: content-index-<fingerprint>[-drafts][-<n>].sqlite, with SQLite's -wal and -shm beside them. */
const INDEX_FILE = /^content-index-[\w-]+\.sqlite$/;
/** The parse caches of earlier releases: deleted once a day old. */
const OLD_CACHE = /^parse-cache-[\w-]+\.sqlite(-wal|-shm)?$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const LEASES = 'index-leases';

/** The pointer file: it holds the name of the index file that serves (one per flavour: drafts are a development server's). */
export function pointerFile(dataDir: string, drafts: boolean): string {
  return path.join(dataDir, drafts ? 'content-index-drafts.current' : 'content-index.current');
}

/** The index file that serves, as the pointer names it; undefined when there is none yet. */
export function servedFile(dataDir: string, drafts: boolean): string | undefined {
  try {
    const name = readFileSync(pointerFile(dataDir, drafts), 'utf8').trim();
    return INDEX_FILE.test(name) ? path.join(dataDir, name) : undefined;
  } catch {
    return undefined;
  }
}

/** Points at an index file: written aside and renamed over, so a reader sees the old name or the new, never half. */
export function pointAt(dataDir: string, drafts: boolean, file: string): void {
  const pointer = pointerFile(dataDir, drafts);
  const aside = `${pointer}.${process.pid}`;
  writeFileSync(aside, `${path.basename(file)}\n`);
  renameSync(aside, pointer);
}

/** A name for a new index file of this code: the fingerprint's own, or with a number when that one is taken (a rebuild of the same code). */
export function newIndexFile(dataDir: string, drafts: boolean, fingerprint: string): string {
  const base = `content-index-${fingerprint}${drafts ? '-drafts' : ''}`;
  if (!taken(path.join(dataDir, `${base}.sqlite`))) return path.join(dataDir, `${base}.sqlite`);
  for (let n = 2; ; n++) {
    const file = path.join(dataDir, `${base}-${n}.sqlite`);
    if (!taken(file)) return file;
  }
}

function taken(file: string): boolean {
  return ['', '-wal', '-shm'].some((suffix) => existsSync(file + suffix));
}

/** Index files in DATA_DIR, newest first (by modification time). */
export function indexFiles(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((name) => INDEX_FILE.test(name));
  } catch {
    return [];
  }
  const time = (name: string) => {
    try {
      return statSync(path.join(dataDir, name)).mtimeMs;
    } catch {
      return 0;
    }
  };
  return names.map((name) => ({ name, at: time(name) })).sort((a, b) => b.at - a.at).map(({ name }) => path.join(dataDir, name));
}

/** The files this process holds, by DATA_DIR, with how many holders each (several stores of one process may share one). */
const held = new Map<string, Map<string, number>>();

/**
 * Names a file in this process's lease before the process opens it, until release(): while
 * the lease stands, no process deletes the file. The lease is DATA_DIR/index-leases/<pid>, one
 * name a line; a lease whose process is gone counts for nothing.
 */
export function lease(file: string): { release: () => void } {
  const dataDir = path.dirname(file);
  const name = path.basename(file);
  const mine = held.get(dataDir) ?? new Map<string, number>();
  held.set(dataDir, mine);
  mine.set(name, (mine.get(name) ?? 0) + 1);
  writeLease(dataDir);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      const left = (mine.get(name) ?? 1) - 1;
      if (left > 0) mine.set(name, left);
      else mine.delete(name);
      writeLease(dataDir);
    },
  };
}

function writeLease(dataDir: string): void {
  const file = path.join(dataDir, LEASES, String(process.pid));
  const names = [...(held.get(dataDir)?.keys() ?? [])];
  try {
    if (!names.length) return rmSync(file, { force: true });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.new`, `${names.join('\n')}\n`);
    renameSync(`${file}.new`, file);
  } catch {
    // A DATA_DIR that cannot hold a lease cannot hold an index file either: nothing to protect.
  }
}

/** The index files some living process holds (this one included), by name. */
function leased(dataDir: string): Set<string> {
  const names = new Set<string>(held.get(dataDir)?.keys() ?? []);
  const dir = path.join(dataDir, LEASES);
  let pids: string[];
  try {
    pids = readdirSync(dir).filter((name) => /^\d+$/.test(name));
  } catch {
    return names;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    if (!running(Number(pid))) {
      rmSync(path.join(dir, pid), { force: true });
      continue;
    }
    try {
      for (const name of readFileSync(path.join(dir, pid), 'utf8').split('\n')) if (name) names.add(name);
    } catch {
      // Released meanwhile.
    }
  }
  return names;
}

/**
 * Deletes the index files nothing uses: not named by a pointer, not in a living process's
 * lease. A process leases a file before it opens it and lets go only once no request can
 * still read it, so a file that goes here is one no process has open. Returns the names deleted.
 */
export function removeUnused(dataDir: string): string[] {
  const keep = leased(dataDir);
  for (const drafts of [false, true]) {
    const served = servedFile(dataDir, drafts);
    if (served) keep.add(path.basename(served));
  }
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const file = path.join(dataDir, name);
    try {
      if (INDEX_FILE.test(name) && !keep.has(name)) {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
        removed.push(name);
      } else if (OLD_CACHE.test(name) && Date.now() - statSync(file).mtimeMs > DAY_MS) {
        rmSync(file, { force: true });
      }
    } catch {
      // Gone meanwhile, or not ours to delete: the next look tries again.
    }
  }
  return removed;
}
