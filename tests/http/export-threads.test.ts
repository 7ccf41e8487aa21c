import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { appendFile, cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { exportSite } from '../../src/export/export-site.js';
import { API, filesIn, now, silent, SITE } from '../exported-site.js';
import { VALID } from '../helpers.js';

// The export's render threads run the compiled worker (dist/src/export/render-worker.js),
// which the TypeScript sources have none of: the export is compiled into a folder of its own
// (the project's files linked in, as in reindex.test.ts) and run from there with two threads;
// its files must be the bytes and dates the main thread writes for the same site.

const ROOT = path.resolve(import.meta.dirname, '../..');
let built = '';
let work = '';
type ExportSite = typeof exportSite;
let threaded: ExportSite;

beforeAll(async () => {
  built = mkdtempSync(path.join(tmpdir(), 'dknews-export-build-'));
  work = mkdtempSync(path.join(tmpdir(), 'dknews-export-threads-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out', path.join(built, 'dist')], { cwd: ROOT });
  for (const name of ['package.json', 'package-lock.json', 'node_modules', 'views', 'locales', 'public']) symlinkSync(path.join(ROOT, name), path.join(built, name));
  threaded = ((await import(path.join(built, 'dist/src/export/export-site.js'))) as { exportSite: ExportSite }).exportSite;
}, 120_000);
afterAll(async () => {
  await rm(built, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

function configFor(contentDir: string, data: string) {
  const config = loadConfig({ CONTENT_DIR: contentDir, SITE_URL: SITE, NODE_ENV: 'production', DATA_DIR: path.join(work, data), CONTENT_WATCH: '0' });
  // One article a page: every list has a second page, so there is more than a chunk per thread.
  config.pageSize = 1;
  return config;
}

/**
 * Each file of an export (but the nginx block, which names its folder and time) by its bytes
 * and its date. A file is dated by the server's Last-Modified, which derivatives (made when
 * first asked for, in each export's own DATA_DIR) and 404 pages (none) do not share: their
 * bytes alone are compared.
 */
async function contents(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const manifest = (await readFile(path.join(dir, '.export-manifest.tsv'), 'utf8')).split('\n').slice(2).filter(Boolean).map((line) => line.split('\t'));
  const undated = new Set(manifest.filter(([, file, , , mtime]) => mtime === '0' || file!.startsWith('media/_/')).flatMap(([, file]) => [file!, `${file}.gz`, `${file}.br`]));
  for (const file of await filesIn(dir)) {
    if (file === 'nginx.conf') continue;
    const bytes = await readFile(path.join(dir, file));
    if (file === '.export-manifest.tsv') {
      // The keys hash the code, which differs between src/ and its build: compared without them.
      out.set(file, manifest.map((fields) => fields.filter((_, i) => i !== 2 && !(i === 4 && undated.has(fields[1]!))).join('\t')).sort().join('\n'));
    } else out.set(file, `${bytes.toString('base64').length} ${bytes.toString('base64')} ${undated.has(file) ? '' : (await stat(path.join(dir, file))).mtimeMs}`);
  }
  return out;
}

describe('npm run export on render threads', () => {
  it('writes the same files, bytes and dates as the main thread alone', async () => {
    const alone = path.join(work, 'alone');
    const onThreads = path.join(work, 'threads');
    const a = await exportSite({ config: configFor(VALID, 'data-alone'), logger: silent, outDir: alone, apiOrigin: API, now, threads: 0 });
    const b = await threaded({ config: configFor(VALID, 'data-threads'), logger: silent, outDir: onThreads, apiOrigin: API, now, threads: 2 });
    expect(b).toMatchObject({ urls: a.urls, files: a.files, written: a.files, bytes: a.bytes, gzipBytes: a.gzipBytes, brBytes: a.brBytes });
    expect(a.urls).toBeGreaterThan(100);
    const [mine, theirs] = [await contents(alone), await contents(onThreads)];
    expect([...theirs.keys()]).toEqual([...mine.keys()]);
    for (const [file, state] of mine) expect(theirs.get(file) === state, file).toBe(true);
    const block = (text: string) => text.replace(/^# Written by .*$/m, '').replace(onThreads, alone);
    expect(block(await readFile(path.join(onThreads, 'nginx.conf'), 'utf8'))).toBe(block(await readFile(path.join(alone, 'nginx.conf'), 'utf8')));
  });

  it('updates an export in place on threads: a changed article is written, a page that came out the same keeps its date', async () => {
    const content = path.join(work, 'content-edited');
    await cp(VALID, content, { recursive: true });
    const config = configFor(content, 'data-edited');
    const dir = path.join(work, 'edited');
    await threaded({ config, logger: silent, outDir: dir, apiOrigin: API, now, threads: 2 });
    // Every key made old (a release): every URL is rendered again, on the threads.
    const manifest = path.join(dir, '.export-manifest.tsv');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace(/^(\/[^\t]*\t[^\t]+\t)[^\t]+/gm, '$1an-older-key'));
    const dated = async (file: string) => (await stat(path.join(dir, file))).mtimeMs;
    const [robots, second, article] = [await dated('robots.txt'), await dated('ru/news/second-story.html'), await readFile(path.join(dir, 'ru/news/first-story.html'))];
    await appendFile(path.join(content, 'news/2026/01/first-story.ru.md'), '\nЕщё один абзац.\n');

    const summary = await threaded({ config, logger: silent, outDir: dir, apiOrigin: API, now, threads: 2 });
    expect(summary.inPlace).toBe(true);
    expect(summary.written).toBeGreaterThan(0);
    expect(summary.written).toBeLessThan(summary.files);
    const changed = await readFile(path.join(dir, 'ru/news/first-story.html'), 'utf8');
    expect(changed).not.toBe(article.toString('utf8'));
    expect(changed).toContain('Ещё один абзац.');
    expect([await dated('robots.txt'), await dated('ru/news/second-story.html')]).toEqual([robots, second]);
    const text = await readFile(manifest, 'utf8');
    expect(text).not.toContain('an-older-key');
    expect(await filesIn(dir)).not.toContain('.export-manifest.unfinished.tsv');
  });
});
