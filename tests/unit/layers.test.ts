import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way (README, «Architecture»): file → parse → sync → index → view model →
// template → bytes. These tests read the import lines of src/ and hold each room (a folder, or
// a file at the top) to the rooms it may use.
const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * The rooms of src/ and, for each, the rooms it may import (type-only imports included), from
 * the bottom floor up. A new import across rooms needs its line here; the table itself must
 * have no cycle, so no two rooms import each other, directly or through others.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // Leaves: nothing else of the site.
  config: [],
  text: [],
  problems: [],
  logger: [],
  memory: [],
  types: [],
  i18n: ['config'],
  paths: ['i18n'],
  // Drafts' secret preview links: the secret in DATA_DIR, the signed token, the path.
  preview: ['paths', 'i18n'],
  // File text → Article: pure, the problem type below it.
  parse: ['problems', 'i18n', 'paths', 'text'],
  // Pictures: reads the originals, makes their facts (a parse type) and derivatives.
  media: ['parse', 'paths'],
  // SQLite: parse's types; the problems between files it finds in its transaction (problems/).
  index: ['parse', 'problems', 'i18n', 'paths', 'config'],
  search: ['index', 'parse', 'i18n'],
  // The only disk reader of content/: parses and writes the index.
  sync: ['parse', 'problems', 'index', 'i18n'],
  counter: [],
  // The first start's 503 asks the store (its type) whether it is ready.
  http: ['sync', 'index', 'i18n', 'paths', 'text'],
  cache: ['http'],
  seo: ['index', 'parse', 'i18n', 'paths', 'text'],
  render: ['seo', 'search', 'index', 'media', 'parse', 'http', 'i18n', 'paths', 'text', 'config'],
  routes: ['render', 'seo', 'search', 'cache', 'http', 'counter', 'sync', 'index', 'media', 'parse', 'preview', 'i18n', 'paths', 'config'],
  app: ['routes', 'cache', 'http', 'counter', 'sync', 'media', 'i18n', 'config'],
  boot: ['app', 'http', 'counter', 'sync', 'media', 'preview', 'i18n', 'config'],
  export: ['boot', 'cache', 'http', 'seo', 'index', 'media', 'parse', 'i18n', 'paths', 'config'],
  // npm run import writes content files as an editor would: nothing of the index, rendering or HTTP.
  import: ['i18n', 'text', 'memory'],
  cli: ['export', 'import', 'sync', 'media', 'parse', 'problems', 'preview', 'i18n', 'paths', 'text', 'config'],
  cluster: ['memory'],
  lifecycle: ['boot', 'app', 'cluster', 'http', 'logger', 'memory', 'config'],
  server: ['lifecycle', 'boot', 'cluster', 'http', 'problems', 'config'],
};

interface ImportLine {
  /** The importing file, relative to src/. */
  file: string;
  /** The specifier as written, e.g. '../index/writer.js'. */
  spec: string;
  /** The whole statement, for telling type-only imports. */
  statement: string;
  from: string;
  to: string;
}

/** The room of a path relative to src/: its top folder, or the top file without extension. */
function roomOf(relative: string): string {
  return relative.split(path.sep)[0]!.replace(/\.(d\.)?[jt]s$/, '');
}

/**
 * Every relative import of src/ that leaves its room: static imports and re-exports (type-only
 * included), side-effect and dynamic imports, and the worker files started by URL.
 */
function importLines(): ImportLine[] {
  const lines: ImportLine[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const found = text.matchAll(/^(?:import|export)\b[^;]*?from\s*'(\.[^']+)'|^import\s*'(\.[^']+)'|\bimport\(\s*'(\.[^']+)'\s*\)|\bnew URL\(\s*'(\.[^']+)'/gm);
    for (const match of found) {
      const spec = (match[1] ?? match[2] ?? match[3] ?? match[4])!;
      const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), spec));
      const from = roomOf(file);
      const to = roomOf(target);
      if (from !== to) lines.push({ file: `src/${file.split(path.sep).join('/')}`, spec, statement: match[0], from, to });
    }
  }
  return lines;
}

const LINES = importLines();

/** The rooms a room's modules import. */
function roomsImportedBy(room: string): Set<string> {
  return new Set(LINES.filter((line) => line.from === room).map((line) => line.to));
}

/** A cycle of a graph of rooms, as [a, b, …, a], or undefined when it has none. */
function cycleOf(graph: ReadonlyMap<string, Iterable<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (room: string, trail: string[]): string[] | undefined => {
    const at = trail.indexOf(room);
    if (at !== -1) return [...trail.slice(at), room];
    if (done.has(room)) return undefined;
    for (const next of graph.get(room) ?? []) {
      const cycle = visit(next, [...trail, room]);
      if (cycle) return cycle;
    }
    done.add(room);
    return undefined;
  };
  for (const room of graph.keys()) {
    const cycle = visit(room, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the layers of src/', () => {
  it('the table names every room of src/, and only those', () => {
    const rooms = new Set(readdirSync(SRC, { encoding: 'utf8' }).filter((name) => !name.startsWith('.')).map((name) => roomOf(name)));
    expect([...rooms].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('the table has no cycle: no two rooms may import each other, directly or through others', () => {
    expect(cycleOf(new Map(Object.entries(MAY_IMPORT)))).toBeUndefined();
  });

  it('every import across rooms is one the table allows', () => {
    const outside = LINES.filter((line) => !MAY_IMPORT[line.from]?.includes(line.to)).map(
      (line) => `${line.file} imports '${line.spec}' (${line.to}): ${line.from} may import ${MAY_IMPORT[line.from]?.join(', ') || 'nothing of the site'}`,
    );
    expect(outside).toEqual([]);
  });

  it('no cycle runs through the rooms as they import each other', () => {
    const graph = new Map<string, Set<string>>();
    for (const line of LINES) graph.set(line.from, (graph.get(line.from) ?? new Set()).add(line.to));
    const cycle = cycleOf(graph);
    const witness = cycle?.slice(1).map((to, i) => LINES.find((line) => line.from === cycle[i] && line.to === to)!).map((line) => `${line.file} imports '${line.spec}'`);
    expect(witness).toBeUndefined();
  });

  it('text/ is a leaf: typography, hyphenation, escaping and slugs import nothing else of the site', () => {
    expect([...roomsImportedBy('text')]).toEqual([]);
  });

  it('problems/ is the bottom floor: the problem type and the editors\' catalog import nothing of the site', () => {
    expect([...roomsImportedBy('problems')]).toEqual([]);
  });

  it('parse/, sync/ and problems/ never reach up into rendering or HTTP', () => {
    for (const room of ['parse', 'sync', 'problems']) {
      const rooms = roomsImportedBy(room);
      for (const up of ['render', 'routes', 'http', 'cache', 'seo', 'app', 'server']) expect(rooms, room).not.toContain(up);
    }
  });

  it('parse/ is pure: no disk, no threads, no index', () => {
    const impure = readdirSync(path.join(SRC, 'parse'), { encoding: 'utf8' }).flatMap((file) => {
      const text = readFileSync(path.join(SRC, 'parse', file), 'utf8');
      return [...text.matchAll(/from '((?:node:)?(?:fs|fs\/promises|worker_threads|child_process)|better-sqlite3)'/g)].map(([, lib]) => `src/parse/${file} imports ${lib}`);
    });
    expect(impure).toEqual([]);
    expect(roomsImportedBy('parse')).not.toContain('index');
    expect(roomsImportedBy('parse')).not.toContain('sync');
  });

  it('index/ takes parse\'s types only: what it stores is shaped by parse/, never run by it', () => {
    const running = LINES.filter((line) => line.from === 'index' && line.to === 'parse' && !isTypeOnly(line.statement)).map((line) => `${line.file} imports '${line.spec}'`);
    expect(running).toEqual([]);
  });

  it('search/ uses text/ for escaping, not render/', () => {
    expect(roomsImportedBy('search')).not.toContain('render');
  });
});

/** `import type { A } from …`, or `import { type A, type B } from …`. */
function isTypeOnly(statement: string): boolean {
  if (/^(?:import|export)\s+type\b/.test(statement)) return true;
  const names = /\{([^}]*)\}/.exec(statement)?.[1];
  return names !== undefined && /^import\s*\{/.test(statement) && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
}
