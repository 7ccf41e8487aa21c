import { execFileSync, spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyContent, runImport } from '../import-run.js';
import { wxr } from '../unit/import/wxr-fixture.js';
import { until } from './until.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const POSTS = 3000;

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT });
});

describe('an import killed with SIGKILL', () => {
  it('completes on the next run with no duplicate and no half-written file, the same files as a run never killed', async () => {
    const source = wxr(Array.from({ length: POSTS }, (_, i) => ({ id: i + 1, title: `Новость номер ${i + 1}`, slug: `novost-${i + 1}`, gmt: `2015-${String((i % 12) + 1).padStart(2, '0')}-10 10:00:00`, content: `<p>Текст новости ${i + 1}.</p>`.repeat(20) })));
    const killed = await emptyContent();
    const clean = await emptyContent();
    await writeFile(path.join(killed.root, 'export.xml'), source);
    await writeFile(path.join(clean.root, 'export.xml'), source);

    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/import-bin.js'), 'export.xml', '--content', 'content', '--offline'], { cwd: killed.root, env: { ...process.env, INIT_CWD: killed.root }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const manifest = path.join(killed.content, '.import/manifest.jsonl');
    // Mid-way: some articles written, most not.
    await until('the import to have written a few hundred articles', async () => (await stat(manifest).catch(() => undefined))?.size! > 30_000, 60_000);
    child.kill('SIGKILL');
    await exited;
    const cut = Object.keys(await tree(killed.content)).filter((f) => f.startsWith('news/')).length;
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(POSTS);

    expect((await runImport(['export.xml', '--content', 'content', '--offline'], killed.root)).code).toBe(0);
    expect((await runImport(['export.xml', '--content', 'content', '--offline'], clean.root)).code).toBe(0);
    const after = await tree(killed.content);
    const names = Object.keys(after).filter((f) => f.startsWith('news/'));
    expect(names).toHaveLength(POSTS);
    expect(Object.keys(after).filter((f) => f.includes('.import-tmp'))).toEqual([]);
    // The same files with the same bytes as an import never killed (the manifest may list them in another order).
    const { ['.import/manifest.jsonl']: m1, ...files } = after;
    const { ['.import/manifest.jsonl']: m2, ...expected } = await tree(clean.content);
    expect(files).toEqual(expected);
    expect(m1!.split('\n').filter(Boolean).sort()).toEqual(m2!.split('\n').filter(Boolean).sort());
  }, 120_000);
});
