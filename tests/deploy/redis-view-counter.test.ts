import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/counter/view-counter.js';
import { RedisViewCounter, type RedisCounterOptions } from '../../src/counter/redis-view-counter.js';
import { REPEAT_WINDOW_MS } from '../../src/counter/view-counter.js';
import { until } from '../http/until.js';
import { freePort, startRedis, type RedisServer } from '../redis-server.js';

const shared = await startRedis();
const raw = new Redis(shared.url);
const opened: RedisViewCounter[] = [];
const servers: RedisServer[] = [];

beforeEach(() => raw.flushall());
afterEach(async () => {
  opened.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.kill()));
});
afterAll(async () => {
  raw.disconnect();
  await shared.kill();
});

/** A counter as one machine of the site runs it, with its log lines captured. */
async function counter(url = shared.url, options?: RedisCounterOptions) {
  const logs: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const c = await RedisViewCounter.open(url, logger, options);
  opened.push(c);
  return { c, logs };
}

const errors = (logs: { level: number; msg: string }[]) => logs.filter((l) => l.level === 50).map((l) => l.msg);

describe('the Redis view counter', () => {
  it('counts a reader once per article for 30 minutes', async () => {
    const { c } = await counter();
    expect(await c.record('story', '10.0.0.1')).toEqual({ counted: true, total: 1 });
    expect(await c.record('story', '10.0.0.1')).toEqual({ counted: false, total: 1 });
    expect(await c.record('other', '10.0.0.1')).toEqual({ counted: true, total: 1 });
    expect(await c.record('story', '10.0.0.2')).toEqual({ counted: true, total: 2 });
    expect(c.counted('story')).toBe(2);
    // Redis forgets a reader's mark by itself once the window is over.
    const marks = await raw.keys('dknews:seen:story:*');
    expect(marks).toHaveLength(2);
    const ttl = await raw.pttl(marks[0]!);
    expect(ttl).toBeGreaterThan(REPEAT_WINDOW_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(REPEAT_WINDOW_MS);
  });

  it('shares counts and readers between machines', async () => {
    const a = await counter();
    const b = await counter();
    expect(await a.c.record('story', 'reader')).toEqual({ counted: true, total: 1 });
    expect(await b.c.record('story', 'reader')).toEqual({ counted: false, total: 1 });
    expect(await b.c.record('story', 'another')).toEqual({ counted: true, total: 2 });
    expect(await a.c.record('story', 'a third')).toEqual({ counted: true, total: 3 });
  });

  it('reads every figure when it connects, and keeps the readers it knew across a restart', async () => {
    const first = await counter();
    await first.c.record('story', 'a');
    await first.c.record('story', 'b');
    first.c.close();
    const second = await counter();
    expect(second.c.counted('story')).toBe(2);
    expect(await second.c.record('story', 'a')).toEqual({ counted: false, total: 2 });
  });

  it('brings a figure counted on another machine in the background, never making the page wait', async () => {
    const other = await counter();
    const here = await counter(shared.url, { refreshMs: 0 });
    await other.c.record('story', 'reader');
    expect(here.c.counted('story')).toBe(0);
    await until('the new figure', () => here.c.counted('story') === 1);
  });

  it('stores no address, only hashes salted by the day, with the day’s salt in Redis for every machine', async () => {
    const { c } = await counter();
    await c.record('story', '203.0.113.7');
    const day = dayOf(Date.now());
    const keys = await raw.keys('*');
    expect(keys.sort()).toEqual([`dknews:read:${day}`, `dknews:salt:${day}`, expect.stringMatching(/^dknews:seen:story:[\w-]{22}$/), 'dknews:views']);
    const values = [await raw.get(`dknews:salt:${day}`), JSON.stringify(await raw.hgetall('dknews:views')), ...keys.filter((k) => k.startsWith('dknews:seen:')).map((k) => raw.get(k))];
    expect(JSON.stringify([keys, await Promise.all(values)])).not.toContain('203.0.113.7');
    expect(await raw.get(`dknews:salt:${day}`)).toMatch(/^[0-9a-f]{32}$/);
    // The salt of a day is forgotten two days on: no hash of that day can be made again.
    expect(await raw.pttl(`dknews:salt:${day}`)).toBeGreaterThan(24 * 3600 * 1000);
  });

  it('ranks the most read of the last seven days, for every process', async () => {
    const a = await counter();
    const b = await counter();
    await a.c.record('popular', 'one');
    await b.c.record('popular', 'two');
    await a.c.record('quiet', 'one');
    await until('the most read', async () => a.c.mostRead(5).length === 2);
    expect(a.c.mostRead(5)).toEqual([{ slug: 'popular', views: 2 }, { slug: 'quiet', views: 1 }]);
  });
});

describe('when Redis cannot be used', () => {
  it('unreachable at start: starts anyway, counts nothing, logs it, and counts again once Redis is there', async () => {
    const port = await freePort();
    const { c, logs } = await counter(`redis://127.0.0.1:${port}`);
    expect(await c.record('story', 'reader')).toEqual({ counted: false, total: 0 });
    expect(c.counted('story')).toBe(0);
    expect(errors(logs)).toEqual([expect.stringMatching(/^View counter cannot use Redis \(connecting\): pages show the last known counts/)]);

    servers.push(await startRedis({ port }));
    await until('counting again', async () => (await c.record('story', 'reader')).counted, 15_000);
    expect(logs.some((l) => l.msg === 'View counter back: Redis answers again')).toBe(true);
  });

  it('killed while serving: the last known figure, nothing counted, one error logged; then counting goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dknews-redis-'));
    const server = await startRedis({ dir });
    servers.push(server);
    const { c, logs } = await counter(server.url);
    expect(await c.record('story', 'first')).toEqual({ counted: true, total: 1 });

    await server.kill();
    expect(await c.record('story', 'second')).toEqual({ counted: false, total: 1 });
    expect(await c.record('story', 'third')).toEqual({ counted: false, total: 1 });
    expect(c.counted('story')).toBe(1);
    expect(errors(logs)).toHaveLength(1);

    servers.push(await startRedis({ port: server.port, dir }));
    let result = { counted: false, total: 0 };
    await until('counting again', async () => (result = await c.record('story', 'fourth')).counted, 15_000);
    expect(result).toEqual({ counted: true, total: 2 });
  });

  it('stopped answering: a count gives up after its timeout instead of hanging', async () => {
    const server = await startRedis();
    servers.push(server);
    const { c, logs } = await counter(server.url);
    expect(await c.record('story', 'first')).toEqual({ counted: true, total: 1 });

    server.process.kill('SIGSTOP');
    try {
      expect(await c.record('story', 'late')).toEqual({ counted: false, total: 1 });
      expect(errors(logs)).toEqual([expect.stringMatching(/^View counter cannot use Redis \(counting a view\)/)]);
    } finally {
      server.process.kill('SIGCONT');
    }
    // The late count was already on its way: Redis applies it when it wakes up. It is not sent twice.
    expect(await c.record('story', 'after')).toEqual({ counted: true, total: 3 });
    expect(await c.record('story', 'late')).toEqual({ counted: false, total: 3 });
  });
});
