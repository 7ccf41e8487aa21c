import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchContent } from '../../src/sync/watch.js';
import { until } from '../http/until.js';

// The backstop alone (no change events), as on a network mount where inotify says nothing:
// rescan() compares the files' stamps with the last look and reports the folders that differ.
const dir = await mkdtemp(path.join(tmpdir(), 'dknews-rescan-'));
await mkdir(path.join(dir, 'news/2026'), { recursive: true });
await writeFile(path.join(dir, 'news/2026/a.ru.md'), 'one');
const reported: string[][] = [];
const watcher = await watchContent(dir, { onChange: (paths) => reported.push(paths.sort()), onError: (error) => { throw error; }, events: false, rescanMs: 0, debounceMs: 0 });
afterAll(async () => {
  await watcher.close();
  await rm(dir, { recursive: true, force: true });
});

/** Rescans, then waits for the debounced report (or for nothing to come). */
async function rescan(): Promise<string[]> {
  const before = reported.length;
  await watcher.rescan();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return reported.length > before ? reported.at(-1)! : [];
}

describe('the stamp rescan', () => {
  it('reports nothing when nothing changed', async () => {
    expect(await rescan()).toEqual([]);
  });

  it('reports the folder of a file written in place', async () => {
    await writeFile(path.join(dir, 'news/2026/a.ru.md'), 'two!');
    expect(await rescan()).toEqual(['news/2026']);
  });

  it('reports the folder of a file replaced by an atomic save', async () => {
    await writeFile(path.join(dir, 'news/2026/a.ru.md.tmp'), 'three');
    await rename(path.join(dir, 'news/2026/a.ru.md.tmp'), path.join(dir, 'news/2026/a.ru.md'));
    expect(await rescan()).toEqual(['news/2026']);
  });

  it('reports a folder that vanished with its files', async () => {
    await rm(path.join(dir, 'news/2026'), { recursive: true });
    expect(await rescan()).toEqual(['news/2026']);
  });

  it('ignores dotfiles and editors’ backup files', async () => {
    await writeFile(path.join(dir, 'news/.a.ru.md.swp'), 'x');
    await writeFile(path.join(dir, 'news/a.ru.md~'), 'x');
    expect(await rescan()).toEqual([]);
  });
});

describe('the periodic rescan', () => {
  it('reports a change by itself, with no change events at all', async () => {
    const seen: string[][] = [];
    const periodic = await watchContent(dir, { onChange: (paths) => seen.push(paths), onError: (error) => { throw error; }, events: false, rescanMs: 20, debounceMs: 0 });
    try {
      await writeFile(path.join(dir, 'news/periodic.ru.md'), 'new');
      await until('the periodic rescan to report news/', () => seen.some((paths) => paths.includes('news')));
    } finally {
      await periodic.close();
    }
  });
});
