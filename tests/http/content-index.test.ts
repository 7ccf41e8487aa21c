import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';

const content = await copyContent(VALID);
const file = path.join(content.dir, 'news/second-story.ru.md');
const original = readFileSync(file, 'utf8');
afterAll(() => content.remove());

type Site = Awaited<ReturnType<typeof testSite>>;
/** Sites started and not stopped yet: a failing test leaves none running. */
const running = new Set<Site>();
async function start(dataDir: string): Promise<Site> {
  const site = await testSite(content.dir, { now: FIXTURE_NOW, env: { DATA_DIR: dataDir } });
  running.add(site);
  return site;
}
function stop(site: Site): void {
  running.delete(site);
  site.close();
}
afterAll(() => running.forEach(stop));

const title = async (site: Site) => /<h1[^>]*>([^<]*)<\/h1>/.exec((await request(site.app).get('/ru/news/second-story').expect(200)).text)![1];
const bodyOf = async (site: Site) => (await request(site.app).get('/ru/news/second-story')).text.match(/<div class="article__body[^]*?<\/div>/)?.[0];
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'dknews-index-'));
const indexFileIn = (dataDir: string) => path.join(dataDir, readdirSync(dataDir).find((name) => /^content-index-[\w-]{16}\.sqlite$/.test(name))!);
const counts = (site: Site) => Object.fromEntries(LANGS.map((lang) => [lang, site.store.index.count(lang)]));

describe('the content index in DATA_DIR', () => {
  it('lets a restart parse nothing when no file changed, bodies included', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    expect(first.store.lastReconcile!.parsed).toBeGreaterThan(3);
    const body = await bodyOf(first);
    expect(body).toContain('<p>');
    stop(first);
    const second = await start(dataDir);
    expect(second.store.lastReconcile!.parsed).toBe(0);
    expect(await bodyOf(second)).toBe(body);
    stop(second);
  });

  it('lets a restart parse only the file that changed, even with its old size and modification time', async () => {
    const dataDir = tempDir();
    const at = new Date('2026-01-26T08:00:00Z');
    utimesSync(file, at, at);
    stop(await start(dataDir));
    // Same length, same mtime: only the change time (which no tool can set back) tells.
    expect(Buffer.byteLength('Вторая')).toBe(Buffer.byteLength('Другая'));
    writeFileSync(file, original.replace('Вторая', 'Другая'));
    utimesSync(file, at, at);
    const site = await start(dataDir);
    expect(site.store.lastReconcile).toMatchObject({ parsed: 1, removed: 0 });
    expect(await title(site)).toMatch(/^Другая/);
    stop(site);
    writeFileSync(file, original);
  });

  it('keeps each parser version in a file of its own, and removes other versions’ files unused for a day', async () => {
    const dataDir = tempDir();
    const old = path.join(dataDir, 'content-index-olderversion1.sqlite');
    const recent = path.join(dataDir, 'content-index-otherversion2.sqlite');
    const oldCache = path.join(dataDir, 'parse-cache-olderversion1.sqlite');
    for (const name of [old, recent, oldCache]) writeFileSync(name, '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    utimesSync(oldCache, twoDaysAgo, twoDaysAgo);
    const site = await start(dataDir);
    expect(existsSync(indexFileIn(dataDir))).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(oldCache)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    stop(site);
  });

  it('is rebuilt from content/ when damaged, without losing an article', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const before = counts(first);
    stop(first);
    const indexFile = indexFileIn(dataDir);
    for (const suffix of ['-wal', '-shm']) rmSync(indexFile + suffix, { force: true });
    writeFileSync(indexFile, 'not a database, just bytes '.repeat(100));
    const site = await start(dataDir);
    expect(counts(site)).toEqual(before);
    expect(await title(site)).toMatch(/^Вторая/);
    expect(site.logs.find((l) => l.level === 40 && String(l.msg).startsWith('Content index damaged'))).toBeDefined();
    stop(site);
  });

  it('is rebuilt from content/ when deleted, without losing an article', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const before = counts(first);
    stop(first);
    const indexFile = indexFileIn(dataDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true });
    const site = await start(dataDir);
    expect(counts(site)).toEqual(before);
    expect(site.store.lastReconcile!.parsed).toBeGreaterThan(3);
    stop(site);
  });
});
