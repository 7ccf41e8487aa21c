import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';

// A live article, and a second file with its slug placed later in a folder that sorts before
// its own, while the server runs (the case from issue 24): the live article keeps its text and
// its URL, and the server and npm run check both name the newcomer as the file to rename.

const content = await copyContent(VALID);
const dataDir = await mkdtemp(path.join(tmpdir(), 'dknews-duplicates-'));
const site = await testSite(content.dir, { now: FIXTURE_NOW, env: { DATA_DIR: dataDir } });
afterAll(async () => {
  site.close();
  await content.remove();
});

const root = path.basename(content.dir);
const HOLDER = 'news/2026/12/batch/x.ru.md';
const NEWCOMER = 'news/2026/11/x.ru.md';
const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2026-01-28T10:00\nauthor: anna\ntopics: [economy]\n---\n${body}\n`;

async function put(rel: string, text: string) {
  await mkdir(path.dirname(path.join(content.dir, rel)), { recursive: true });
  await writeFile(path.join(content.dir, rel), text);
  await site.store.reload('change on disk', [rel]);
}

async function check(env: Record<string, string>) {
  let stdout = '';
  const code = await runCheck([], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, cwd: path.dirname(content.dir), env: { CONTENT_DIR: content.dir, ...env } });
  return { code, stdout };
}

describe('a second file claiming a live article’s address', () => {
  it('leaves the live article its text, its place and its URL', async () => {
    await put(HOLDER, article('Живая статья', 'Текст живой статьи.'));
    const home = (await request(site.app).get('/ru/').expect(200)).text;
    // The same words, another body: an editor's copy put in the November folder.
    await put(NEWCOMER, article('Живая статья', 'Текст копии.'));
    const page = (await request(site.app).get('/ru/news/x').expect(200)).text;
    expect(page).toContain('Текст живой статьи.');
    expect(page).not.toContain('Текст копии.');
    expect((await request(site.app).get('/ru/').expect(200)).text).toBe(home);
  });

  it('is the one the server tells to rename, naming the file that keeps the address', () => {
    expect(site.store.index.problems.map((p) => p.format())).toEqual([
      `${content.dir}/news/2026/11/x.ru.md:1: Адрес статьи «x» на языке ru уже занят файлом ${content.dir}/news/2026/12/batch/x.ru.md, и статья остаётся там. Переименуйте этот файл: дайте ему другой slug.`,
    ]);
  });

  it('is the one npm run check names too, reading which came first from the server’s index in DATA_DIR', async () => {
    const { code, stdout } = await check({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    // The one problem, then the fixture's draft and scheduled article as preview links, then the count.
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${root}/news/2026/11/x.ru.md:1  -  Адрес статьи «x» на языке ru уже занят файлом ${root}/news/2026/12/batch/x.ru.md, и статья остаётся там. Переименуйте этот файл: дайте ему другой slug.`);
    expect(lines.filter((line) => line.startsWith(`${root}/`) && !/\/preview\//.test(line))).toHaveLength(1);
    expect(lines.at(-1)).toBe('Найдено проблем: 1');
  });

  it('with no server’s index to ask, is decided as a first index decides: the older date, then the path', async () => {
    const { stdout } = await check({ DATA_DIR: await mkdtemp(path.join(tmpdir(), 'dknews-no-index-')) });
    // One date: the first by path holds the address, here the copy.
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^${root}/news/2026/12/batch/x\\.ru\\.md:1 `));
  });
});
