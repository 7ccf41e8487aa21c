import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way (README, «Architecture»): these tests read the import lines of src/ and
// hold each room to the rooms it may use.
const SRC = path.resolve(import.meta.dirname, '../../src');

/** The rooms of src/ (folder, or file at the top) a folder's modules import, type-only imports included. */
function roomsImportedBy(folder: string): Set<string> {
  const rooms = new Set<string>();
  for (const file of readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(SRC, folder, file), 'utf8');
    for (const [, spec] of text.matchAll(/^(?:import|export)\b[^;]*?from '(\.[^']+)'/gms)) {
      const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, folder, file)), spec!));
      const room = target.split(path.sep)[0]!;
      if (room !== folder) rooms.add(room.replace(/\.js$/, ''));
    }
  }
  return rooms;
}

describe('the layers of src/', () => {
  it('text/ is a leaf: typography, hyphenation, escaping and slugs import nothing else of the site', () => {
    expect([...roomsImportedBy('text')]).toEqual([]);
  });

  it('content/ never reaches up into rendering or HTTP', () => {
    const rooms = roomsImportedBy('content');
    for (const up of ['render', 'routes', 'http', 'cache', 'seo', 'app', 'server']) expect(rooms).not.toContain(up);
  });

  it('import/ writes files as an editor would: it never reaches into the index, rendering or HTTP', () => {
    const rooms = roomsImportedBy('import');
    for (const up of ['index', 'render', 'routes', 'http', 'cache', 'seo', 'app', 'server', 'cli']) expect(rooms).not.toContain(up);
  });

  it('search/ uses text/ for escaping, not render/', () => {
    expect(roomsImportedBy('search')).not.toContain('render');
  });
});
