import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
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

/** Changes the file's words but not its size or modification time: its stamp stays the same. */
function editKeepingStamp(from: string, to: string): void {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  expect(original).toContain(from);
  const { atime, mtime } = statSync(file);
  writeFileSync(file, original.replace(from, to));
  utimesSync(file, atime, mtime);
}

describe('the parse cache in DATA_DIR', () => {
  it('lets a restart reuse the parses of unchanged files, bodies included', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-parse-'));
    // A whole second, which utimes can set again exactly (it cannot set nanoseconds).
    utimesSync(file, new Date('2026-01-26T08:00:00Z'), new Date('2026-01-26T08:00:00Z'));
    const first = await start(dataDir);
    const before = await title(first);
    const body = (await request(first.app).get('/ru/news/second-story')).text.match(/<div class="article__body[^]*?<\/div>/)?.[0];
    expect(body).toContain('<p>');
    stop(first);
    // Same size, same time: a restart trusts the stamp, so the page still shows the parse it remembers.
    editKeepingStamp('Вторая', 'Другая');
    const second = await start(dataDir);
    expect(await title(second)).toBe(before);
    expect((await request(second.app).get('/ru/news/second-story')).text.match(/<div class="article__body[^]*?<\/div>/)?.[0]).toBe(body);
    stop(second);
    writeFileSync(file, original);
  });

  it('parses a file again when its stamp changed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-parse-'));
    stop(await start(dataDir));
    writeFileSync(file, original.replace('Вторая', 'Третья'));
    const site = await start(dataDir);
    expect(await title(site)).toMatch(/^Третья/);
    stop(site);
    writeFileSync(file, original);
  });

  it('drops parses made by another version of the parser', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-parse-'));
    utimesSync(file, new Date('2026-01-26T08:00:00Z'), new Date('2026-01-26T08:00:00Z'));
    stop(await start(dataDir));
    const db = new Database(path.join(dataDir, 'parse-cache.sqlite'));
    db.prepare("UPDATE meta SET value = 'an older parser' WHERE key = 'parser'").run();
    db.close();
    editKeepingStamp('Вторая', 'Другая');
    const site = await start(dataDir);
    expect(await title(site)).toMatch(/^Другая/);
    stop(site);
    writeFileSync(file, original);
  });

  it('is only a cache: a damaged file is reported and the site serves from memory', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-parse-'));
    writeFileSync(path.join(dataDir, 'parse-cache.sqlite'), 'not a database, just bytes '.repeat(100));
    const site = await start(dataDir);
    expect(await title(site)).toMatch(/^Вторая/);
    expect(site.logs.find((l) => l.level === 40 && String(l.msg).startsWith('Parse cache unavailable'))).toBeDefined();
    stop(site);
  });
});
