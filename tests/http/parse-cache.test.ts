import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
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
  site.store.close();
  site.counter.close();
  site.parseCache.close();
}
afterAll(() => running.forEach(stop));

const title = async (site: Site) => /<h1[^>]*>([^<]*)<\/h1>/.exec((await request(site.app).get('/ru/news/second-story').expect(200)).text)![1];
const bodyOf = async (site: Site) => (await request(site.app).get('/ru/news/second-story')).text.match(/<div class="article__body[^]*?<\/div>/)?.[0];
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'dknews-parse-'));

describe('the parse cache in DATA_DIR', () => {
  it('lets a restart reuse the parses of unchanged files, bodies included', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    expect(first.store.index.parsed).toBeGreaterThan(3);
    const body = await bodyOf(first);
    expect(body).toContain('<p>');
    stop(first);
    const second = await start(dataDir);
    expect(second.store.index.parsed).toBe(0);
    expect(await bodyOf(second)).toBe(body);
    stop(second);
  });

  it('parses a file again when it was written, even with its old size and modification time', async () => {
    const dataDir = tempDir();
    const at = new Date('2026-01-26T08:00:00Z');
    utimesSync(file, at, at);
    stop(await start(dataDir));
    // Same length, same mtime: only the change time (which no tool can set back) tells.
    expect(Buffer.byteLength('Вторая')).toBe(Buffer.byteLength('Другая'));
    writeFileSync(file, original.replace('Вторая', 'Другая'));
    utimesSync(file, at, at);
    const site = await start(dataDir);
    expect(site.store.index.parsed).toBe(1);
    expect(await title(site)).toMatch(/^Другая/);
    stop(site);
    writeFileSync(file, original);
  });

  it('keeps each parser version in a file of its own, and removes other versions’ files unused for a day', async () => {
    const dataDir = tempDir();
    const old = path.join(dataDir, 'parse-cache-olderversion1.sqlite');
    const recent = path.join(dataDir, 'parse-cache-otherversion2.sqlite');
    writeFileSync(old, '');
    writeFileSync(recent, '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    const site = await start(dataDir);
    expect(path.basename(site.parseCache.file)).toMatch(/^parse-cache-[\w-]{16}\.sqlite$/);
    expect(existsSync(site.parseCache.file)).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    stop(site);
  });

  it('keeps a replaced body readable for requests still on the previous version', async () => {
    const site = await start(tempDir());
    const before = site.store.index;
    const article = before.langs.ru.bySlug.get('second-story')!;
    writeFileSync(file, original.replace('Вторая', 'Третья'));
    await site.store.reload();
    expect(site.store.index.langs.ru.bySlug.get('second-story')!.bodyId).not.toBe(article.bodyId);
    expect(site.parseCache.get(article.bodyId)?.html).toContain('<p>');
    stop(site);
    writeFileSync(file, original);
  });

  it('makes a lost body again from its file', async () => {
    const site = await start(tempDir());
    const article = site.store.index.langs.ru.bySlug.get('second-story')!;
    const body = site.parseCache.get(article.bodyId)!.html;
    // Retired, then purged ten minutes later: gone from the cache, as if the file had been deleted.
    site.parseCache.commit([article.bodyId]);
    site.parseCache.commit([], Date.now() + 11 * 60 * 1000);
    expect(site.parseCache.get(article.bodyId)).toBeUndefined();
    expect(await bodyOf(site)).toContain(body.trim().slice(0, 40));
    stop(site);
  });

  it('is only a cache: a damaged file is reported and the site serves from memory', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const cacheFile = first.parseCache.file;
    stop(first);
    writeFileSync(cacheFile, 'not a database, just bytes '.repeat(100));
    const site = await start(dataDir);
    expect(await title(site)).toMatch(/^Вторая/);
    expect(site.logs.find((l) => l.level === 40 && String(l.msg).startsWith('Parse cache unavailable'))).toBeDefined();
    stop(site);
  });
});
