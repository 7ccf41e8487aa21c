import v8 from 'node:v8';

/**
 * What keeps a server process's resident memory near what it really holds (README "Memory").
 * After rendering thousands of pages, most of a process's memory is not its caches but what
 * its two allocators keep: V8 lets its old generation grow to twice or more of what survives a
 * full collection before collecting again, and glibc's malloc keeps an arena for each thread
 * that ever allocated (libuv's, V8's, SQLite's reconcile thread) and grows its mmap threshold
 * to the largest block freed, so freed megabytes stay in the heap.
 */

/**
 * glibc's malloc settings for a server process: two arenas instead of eight per core, and
 * blocks of 64 KB and more mapped on their own, given back to the system when freed (a fixed
 * threshold also keeps the heap's top trimmed). glibc reads them only when the process
 * starts, so they are set by whatever starts it: `npm start` and `npm run dev` (package.json),
 * the cluster's primary for its workers, the benchmark; a unit started otherwise sets them
 * itself. Other C libraries (musl, macOS) ignore them.
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };

/**
 * V8's old generation may grow this much (percent) over what survived the last full
 * collection before the next one: a few MB of garbage instead of tens. Set when the
 * process starts serving; it only changes when V8 collects, never what it keeps.
 */
export const HEAP_GROWING_PERCENT = 30;

/** Tells V8 to collect its old generation sooner (see HEAP_GROWING_PERCENT). */
export function tuneHeap(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** MALLOC_ENV's entries the environment does not set: the caller's own values win. */
export function mallocDefaults(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(MALLOC_ENV).filter(([name]) => env[name] === undefined));
}

/** The names of MALLOC_ENV this process started without, when its C library is glibc (which reads them). */
export function missingMallocSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  const missing = Object.keys(mallocDefaults(env));
  if (missing.length === 0 || process.platform !== 'linux') return [];
  // The report's header names the glibc the process runs on (5 ms; only asked when something is missing).
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
  return header?.glibcVersionRuntime ? missing : [];
}
