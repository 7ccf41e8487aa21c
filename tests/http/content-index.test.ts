import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { diskSource } from '../../src/sync/load.js';
import { MediaLibrary } from '../../src/media/library.js';
import { ContentStore } from '../../src/sync/store.js';
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
/** The index file the pointer names: the one served. */
const indexFileIn = (dataDir: string) => path.join(dataDir, readFileSync(path.join(dataDir, 'content-index.current'), 'utf8').trim());
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

  it('deletes the index files neither the pointer names nor a living process holds, and the parse caches of earlier releases a day old', async () => {
    const dataDir = tempDir();
    const old = path.join(dataDir, 'content-index-olderversion1.sqlite');
    const held = path.join(dataDir, 'content-index-otherversion2.sqlite');
    const heldByTheGone = path.join(dataDir, 'content-index-otherversion3.sqlite');
    const oldCache = path.join(dataDir, 'parse-cache-olderversion1.sqlite');
    for (const name of [old, held, heldByTheGone, oldCache]) writeFileSync(name, '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(oldCache, twoDaysAgo, twoDaysAgo);
    // The test runner is alive; a process that has ended is not, and its lease counts for nothing.
    mkdirSync(path.join(dataDir, 'index-leases'));
    writeFileSync(path.join(dataDir, 'index-leases', String(process.ppid)), 'content-index-otherversion2.sqlite\n');
    writeFileSync(path.join(dataDir, 'index-leases', String(spawnSync('true').pid)), 'content-index-otherversion3.sqlite\n');
    const site = await start(dataDir);
    expect(existsSync(indexFileIn(dataDir))).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(heldByTheGone)).toBe(false);
    expect(existsSync(oldCache)).toBe(false);
    expect(existsSync(held)).toBe(true);
    stop(site);
  });

  it('keeps serving the complete index of older code while the new code builds its own beside it, then switches once and lets the old one go', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const before = counts(first);
    stop(first);
    const older = indexFileIn(dataDir);
    // The rows as they are, said to be written by other code: the fingerprint this code does not have.
    const db = new Database(older);
    db.prepare("UPDATE meta SET value = 'older-code' WHERE key = 'fingerprint'").run();
    db.close();
    const builds: string[] = [];
    const logger = pino({ level: 'silent' });
    // Built as the server builds it: the pictures' facts joined to the rows (else a restart would find them new).
    const images = new MediaLibrary({ contentDir: content.dir, dataDir, logger });
    const store = new ContentStore({ source: diskSource(content.dir), dataDir, includeDrafts: false, logger, images, now: () => FIXTURE_NOW, onBuild: (status) => builds.push(status.state) });
    await store.start();
    expect(store.complete).toBe(true);
    expect(store.building?.reason).toMatch(/^new code/);
    expect(Object.fromEntries(LANGS.map((lang) => [lang, store.index.count(lang)]))).toEqual(before);
    await store.settled();
    expect(store.building).toBeUndefined();
    expect(builds.at(-1)).toBe('switched');
    expect(indexFileIn(dataDir)).not.toBe(older);
    expect(Object.fromEntries(LANGS.map((lang) => [lang, store.index.count(lang)]))).toEqual(before);
    store.close();
    expect(existsSync(older)).toBe(false);
    // Started again, the new index is current: nothing to build, nothing parsed.
    const again = await start(dataDir);
    expect(again.store.building).toBeUndefined();
    expect(again.store.lastReconcile!.parsed).toBe(0);
    stop(again);
  });

  it('keeps serving the index of the release before this one (an earlier schema, no pointer) while it builds its own, then switches', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const before = counts(first);
    stop(first);
    // The file as the release before last left it: schema 3 (no claims, no indexes of drafts, breaking and live articles), nothing said of what made it, no pointer.
    const older = path.join(dataDir, 'content-index-releasebefore.sqlite');
    renameSync(indexFileIn(dataDir), older);
    rmSync(path.join(dataDir, 'content-index.current'));
    const db = new Database(older);
    db.exec("DROP INDEX files_drafts; DROP INDEX files_breaking; DROP INDEX files_live_until; ALTER TABLE files DROP COLUMN claimed; UPDATE meta SET value = '3' WHERE key = 'schema'; DELETE FROM meta WHERE key IN ('fingerprint', 'drafts', 'complete')");
    db.close();
    const logger = pino({ level: 'silent' });
    const store = new ContentStore({ source: diskSource(content.dir), dataDir, includeDrafts: false, logger, images: new MediaLibrary({ contentDir: content.dir, dataDir, logger }), now: () => FIXTURE_NOW });
    await store.start();
    expect(store.complete).toBe(true);
    expect(store.building?.reason).toMatch(/^new code/);
    expect(Object.fromEntries(LANGS.map((lang) => [lang, store.index.count(lang)]))).toEqual(before);
    expect(store.index.article('ru', 'second-story')?.title).toBe('Вторая новость');
    await store.settled();
    expect(indexFileIn(dataDir)).not.toBe(older);
    expect(Object.fromEntries(LANGS.map((lang) => [lang, store.index.count(lang)]))).toEqual(before);
    store.close();
    expect(existsSync(older)).toBe(false);
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
