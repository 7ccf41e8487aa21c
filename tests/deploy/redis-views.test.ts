import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { freePort, startRedis, type RedisServer } from '../redis-server.js';
import { until } from '../http/until.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function redisServer(options: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const server = await startRedis(options);
  cleanup.push(() => server.kill());
  return server;
}

/** One machine of the site: its own data folder, the view counts in Redis, readers' addresses from X-Forwarded-For. */
async function machine(redisUrl: string) {
  const site = await testSite(VALID, { now: FIXTURE_NOW, env: { REDIS_URL: redisUrl, TRUST_PROXY: 'loopback' } });
  cleanup.push(() => {
    site.close();
  });
  const count = (reader: string, url = '/api/views/ru/first-story') =>
    request(site.app).post(url).set('User-Agent', BROWSER).set('X-Forwarded-For', reader).expect(200).expect('content-type', /json/);
  return { ...site, count };
}

describe('view counts in Redis (REDIS_URL)', () => {
  it('are shared by every machine: a reader counted on one is known on the other, and pages show the figure', async () => {
    const redis = await redisServer();
    const one = await machine(redis.url);
    const two = await machine(redis.url);
    expect((await one.count('198.51.100.1')).body).toEqual({ views: 6, counted: true });
    expect((await two.count('198.51.100.1')).body).toEqual({ views: 6, counted: false });
    expect((await two.count('198.51.100.2')).body).toEqual({ views: 7, counted: true });
    // The English page carries no views of its own: only the two counted.
    const { text } = await request(two.app).get('/en/news/first-story').expect(200);
    expect(text).toContain('>2 views</span>');
  });
});

describe('when Redis cannot be reached', () => {
  it('at start: the site starts, pages are served, nothing is counted, the log says why; counting starts once Redis is there', async () => {
    const port = await freePort();
    const site = await machine(`redis://127.0.0.1:${port}`);
    const page = await request(site.app).get('/ru/news/first-story').expect(200);
    expect(page.text).toContain('>5 просмотров</span>');
    expect((await site.count('198.51.100.1')).body).toEqual({ views: 5, counted: false });
    expect(site.logs.find((l) => l.level === 50)?.msg).toMatch(/^View counter cannot use Redis \(connecting\)/);

    await redisServer({ port });
    await until('counting again', async () => (await site.count('198.51.100.1')).body.counted === true, 15_000);
  });

  it('killed while serving: pages still 200, the API answers the last known figure with counted: false; then counting goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dknews-redis-'));
    const redis = await redisServer({ dir });
    const site = await machine(redis.url);
    expect((await site.count('198.51.100.1')).body).toEqual({ views: 6, counted: true });

    await redis.kill();
    expect((await site.count('198.51.100.2')).body).toEqual({ views: 6, counted: false });
    const page = await request(site.app).get('/ru/news/first-story').expect(200);
    expect(page.text).toContain('>6 просмотров</span>');
    expect(site.logs.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([expect.stringMatching(/^View counter cannot use Redis/)]);

    await redisServer({ port: redis.port, dir });
    let body = {};
    await until('counting again', async () => (body = (await site.count('198.51.100.3')).body).counted === true, 15_000);
    expect(body).toEqual({ views: 7, counted: true });
  });
});
