import { mkdtemp } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { SqliteViewCounter } from '../../src/counter/view-counter.js';
import { createAssets } from '../../src/http/assets.js';
import { createI18n } from '../../src/i18n/setup.js';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import { ContentStore } from '../../src/sync/store.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

// A first start with no index at all, caught half way: the first files are indexed and served,
// the rest not yet. A page that may be one not indexed yet, and every list, feed and sitemap
// (they would be partial), answer 503 with Retry-After in the reader's language, never 404.

/** The valid fixture in memory, whose folder news/2026 is listed only when let go: the index stays half built until then. */
class HalfWay extends MemorySource {
  #open!: () => void;
  readonly #gate = new Promise<void>((resolve) => (this.#open = resolve));

  letGo(): void {
    this.#open();
  }

  override async list(folder: string) {
    if (folder === 'news/2026') await this.#gate;
    return super.list(folder);
  }
}

const source = new HalfWay({}, { media: await diskSource(VALID).media() });
const copy = await MemorySource.copyOf(diskSource(VALID), 'content');
for (const rel of [...['site.yml', 'authors.yml', 'topics.yml'], ...(await copy.pages()).map((p) => p.relativePath), ...(await copy.list('news')).articles]) source.write(rel, copy.text(rel)!);

const dataDir = await mkdtemp(path.join(tmpdir(), 'dknews-first-start-'));
const config = loadConfig({ CONTENT_DIR: VALID, DATA_DIR: dataDir, SITE_URL: 'https://dknews.example', NODE_ENV: 'test' });
const logger = pino({ level: 'silent' });
const store = new ContentStore({ source, includeDrafts: false, logger, now: () => FIXTURE_NOW, dataDir });
const counter = new SqliteViewCounter(dataDir, logger);
const app = createApp({ config, store, i18n: await createI18n(), assets: createAssets(path.join(PROJECT_ROOT, 'public'), config.cache), logger, counter, now: () => FIXTURE_NOW });
afterAll(() => {
  reader.close();
  store.close();
  counter.close();
});

// The first pass indexes every file; a save named during it (its folder) is taken in before the index is complete.
await store.start();
void store.reload('change on disk', ['news/2026']);
await store.whenReady();

// A cluster's other worker: it reads the index the first one writes, and warms its caches once settled.
const reader = new ContentStore({ source, includeDrafts: false, logger, now: () => FIXTURE_NOW, dataDir, role: 'reader' });
await reader.start();
let readerSettled = false;
void reader.settled().then(() => (readerSettled = true));

describe('a first start, half way through', () => {
  it('serves what is indexed, and says it is not complete', async () => {
    expect(store.complete).toBe(false);
    await request(app).get('/ru/news/second-story').expect(200);
    await request(app).get('/ru/').expect(200);
    expect((await request(app).get('/healthz').expect(200)).body.content).toMatchObject({ complete: false, indexing: true, building: { reason: 'first start' } });
  });

  it('lets a process that reads the index serve the first batch too, but not call itself settled (and warm its caches) before the index is complete', async () => {
    expect(reader.index.article('ru', 'second-story')).toBeDefined();
    // Several turns of following the writer (every 100 ms): still growing, so still not settled.
    await sleep(500);
    expect(reader.complete).toBe(false);
    expect(readerSettled).toBe(false);
  });

  it.each(['/ru/news/not-indexed-yet', '/ru/old/path-of-some-article', '/ru/news', '/ru/topics/economy', '/en/authors/anna', '/ru/search?q=новость', '/ru/rss.xml', '/sitemap.xml', '/sitemaps/ru-articles-1.xml', '/sitemap-news.xml'])(
    '%s answers 503 with Retry-After, never 404 or a partial list',
    async (url) => {
      const res = await request(app).get(url).expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('says so in the reader’s language', async () => {
    expect((await request(app).get('/en/news/not-indexed-yet').expect(503)).text).toContain('The site is updating');
    expect((await request(app).get('/kk/news/not-indexed-yet').expect(503)).text).toContain('Сайт жаңартылуда');
    expect((await request(app).get('/ru/news/not-indexed-yet').expect(503)).text).toContain('Сайт обновляется');
  });

  it('answers as usual once every file is in: a page not found is a 404, lists and sitemaps whole', async () => {
    source.letGo();
    await store.settled();
    expect(store.complete).toBe(true);
    await reader.settled();
    expect(reader.complete).toBe(true);
    expect(reader.index.version).toBeGreaterThan(1);
    await request(app).get('/ru/news/not-indexed-yet').expect(404);
    await request(app).get('/sitemap.xml').expect(200);
    await request(app).get('/ru/topics/economy').expect(200);
    expect((await request(app).get('/healthz').expect(200)).body.content).not.toHaveProperty('complete');
  });
});
