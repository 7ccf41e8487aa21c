import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MALLOC_ENV, mallocDefaults } from '../../src/memory.js';

const scripts = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('the allocator settings a server process starts with', () => {
  it.each(['start', 'dev'])('npm run %s sets each of them, unless the shell already does', (name) => {
    for (const [variable, value] of Object.entries(MALLOC_ENV)) expect(scripts[name]).toContain(`${variable}=\${${variable}:-${value}} `);
    // Before exec: the shell's own process becomes the server's, with them in its environment.
    expect(scripts[name]).toMatch(/ exec node scripts\/build\.mjs .*--run dist\/src\/server\.js$/);
  });

  it('are given where the environment lacks them; values already set stay', () => {
    expect(mallocDefaults({})).toEqual(MALLOC_ENV);
    expect(mallocDefaults({ MALLOC_ARENA_MAX: '4' })).toEqual({ MALLOC_MMAP_THRESHOLD_: MALLOC_ENV.MALLOC_MMAP_THRESHOLD_ });
    expect(mallocDefaults({ ...MALLOC_ENV })).toEqual({});
  });
});
