import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * The fingerprint of what shapes a stored row of the index: the code that turns a file into a
 * row, and the versions of the libraries that code runs. A different fingerprint means the rows
 * of an existing index may not be what this code would write: the index is rebuilt (beside the
 * serving one, see sync/store.ts). Anything else (CLI wording, README, tests, development
 * tools, rendering, routes) may change without costing an archive a full index.
 */

/**
 * Where the walk starts: the modules whose output is stored. Parsing a file (its article, the
 * site files, pages, the picture facts joined to it), and the index's writer with its schema,
 * packed bodies and search terms. Everything they import is hashed too, found by the walk.
 */
export const ROW_SHAPERS = ['parse/parse-article', 'parse/parse-data', 'parse/parse-page', 'parse/join-media', 'index/writer', 'index/schema', 'index/pack', 'index/doc-terms'];

/**
 * Rooms the walk does not enter although row shapers import them: a problem (problems/) is
 * worded when it is shown, and no row holds its message.
 */
export const NOT_SHAPING = ['problems/'];

/** A tree of modules and the lock file: the project's own, or a test's in memory. */
export interface SourceTree {
  /** A module's text by its path under src/ without extension ('parse/slug'), or undefined when there is none. */
  module(id: string): string | undefined;
  /** package-lock.json's text; undefined when the project has none. */
  lock: string | undefined;
}

/**
 * The fingerprint of a tree: every module reachable from ROW_SHAPERS by its imports (type-only
 * imports and NOT_SHAPING rooms left out), each hashed by path and text, and the lock file's
 * entries of the packages those modules import, with the packages those depend on in turn.
 * A module named or imported and not found throws: moving files must not leave the fingerprint
 * hashing less than it should.
 */
export function fingerprintOf(tree: SourceTree, entries: readonly string[] = ROW_SHAPERS): string {
  const { modules, packages } = rowShapers(tree, entries);
  const hash = createHash('sha256');
  for (const [id, text] of [...modules].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${id}\0${text}\0`);
  for (const entry of lockEntries(tree.lock, packages)) hash.update(`${entry}\0`);
  return hash.digest('base64url').slice(0, 16);
}

/** The modules reachable from the entries (id → text) and the packages they import. */
export function rowShapers(tree: SourceTree, entries: readonly string[] = ROW_SHAPERS): { modules: Map<string, string>; packages: Set<string> } {
  const modules = new Map<string, string>();
  const packages = new Set<string>();
  const queue = entries.map((id) => ({ id, from: 'the list of row shapers (src/index/fingerprint.ts)' }));
  while (queue.length) {
    const { id, from } = queue.shift()!;
    if (modules.has(id) || NOT_SHAPING.some((room) => id.startsWith(room))) continue;
    const text = tree.module(id);
    if (text === undefined) throw new Error(`The index fingerprint needs src/${id}, named by ${from}, and it is not there: name the modules that shape the rows in src/index/fingerprint.ts`);
    modules.set(id, text);
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) queue.push({ id: path.posix.join(path.posix.dirname(id), spec).replace(/\.(js|ts)$/, ''), from: `src/${id}` });
      else if (!isBuiltin(spec)) packages.add(packageName(spec));
    }
  }
  return { modules, packages };
}

/** The specifiers a module imports for their values: static and dynamic imports, re-exports; `import type` left out. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\b([^;]*?)\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    if (match[3] !== undefined && /^\s*type\b/.test(match[2]!)) continue;
    found.push((match[3] ?? match[4] ?? match[5])!);
  }
  return found;
}

/** `@orama/stemmers/russian` → `@orama/stemmers`, `hyphen/ru/index.js` → `hyphen`. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * The lock file's entries of the given packages and of everything they depend on, resolved as
 * Node resolves them (a nested node_modules first): `path@version integrity`, sorted. Nothing
 * else of the lock counts: a development tool's update leaves the fingerprint as it was.
 */
function lockEntries(lock: string | undefined, packages: Iterable<string>): string[] {
  if (lock === undefined) return ['no package-lock.json'];
  const all = (JSON.parse(lock) as { packages?: Record<string, LockEntry> }).packages ?? {};
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    // node_modules/a/node_modules/b first, then up the tree to node_modules/b.
    let dir = from;
    for (;;) {
      const at = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (all[at]) return walk(at);
      if (!dir) return void seen.add(`node_modules/${name} (not in the lock)`);
      const up = dir.lastIndexOf('/node_modules/');
      dir = up === -1 ? '' : dir.slice(0, up);
    }
  };
  const walk = (at: string) => {
    if (seen.has(at)) return;
    seen.add(at);
    const entry = all[at]!;
    for (const deps of [entry.dependencies, entry.optionalDependencies, entry.peerDependencies]) for (const name of Object.keys(deps ?? {})) visit(name, at);
  };
  for (const name of packages) visit(name, '');
  return [...seen].sort().map((at) => `${at}@${all[at]?.version ?? ''} ${all[at]?.integrity ?? ''}`);
}

/**
 * This project's tree: the modules beside this one's room (src/ when run from the sources,
 * dist/src/ when compiled: the compiled text is what runs), and the project's package-lock.json.
 */
export function projectTree(projectRoot: string): SourceTree {
  const src = path.dirname(import.meta.dirname);
  return {
    module: (id) => {
      for (const ext of ['.js', '.ts']) {
        try {
          return readFileSync(path.join(src, `${id}${ext}`), 'utf8');
        } catch {
          // The other extension, or none.
        }
      }
      return undefined;
    },
    lock: readOrUndefined(path.join(projectRoot, 'package-lock.json')),
  };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
