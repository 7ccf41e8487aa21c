import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testSite, VALID } from '../helpers.js';

// future-story.ru.md is dated 2030-01-01T00:00, Astana time.
const T = new Date('2029-12-31T19:00:00Z').getTime();
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

// Only the clock and timers are faked: file reads and HTTP keep working as usual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The site as it starts at `start`, on the test's fake clock rather than a fixed `now`. */
async function siteAt(start: number) {
  vi.setSystemTime(start);
  const site = await testSite(VALID);
  const status = async (url: string) => (await request(site.app).get(url)).status;
  return { ...site, status };
}

describe('an article dated in the future', () => {
  it('answers 404 one second before its moment and 200 at it, without a reload', async () => {
    const { app, status, close } = await siteAt(T - 10 * SECOND);
    expect(await status('/ru/news/future-story')).toBe(404);

    vi.advanceTimersByTime(9 * SECOND);
    expect(Date.now()).toBe(T - SECOND);
    expect(await status('/ru/news/future-story')).toBe(404);

    vi.advanceTimersByTime(SECOND);
    expect(Date.now()).toBe(T);
    expect(await status('/ru/news/future-story')).toBe(200);
    expect((await request(app).get('/ru/').expect(200)).text).toContain('href="/ru/news/future-story"');
    close();
  });

  it('is not in the index a millisecond before its moment', async () => {
    const { store, close } = await siteAt(T - SECOND);
    vi.advanceTimersByTime(SECOND - 1);
    expect((store.index.article('ru', 'future-story') !== undefined)).toBe(false);
    vi.advanceTimersByTime(1);
    expect((store.index.article('ru', 'future-story') !== undefined)).toBe(true);
    expect(store.index.nextPublication()).toBeUndefined();
    close();
  });

  it('appears on time when its moment is further away than one timer can wait (about 24.8 days)', async () => {
    const { status, close } = await siteAt(T - 30 * DAY);
    vi.advanceTimersByTime(30 * DAY - SECOND);
    expect(await status('/ru/news/future-story')).toBe(404);
    vi.advanceTimersByTime(SECOND);
    expect(await status('/ru/news/future-story')).toBe(200);
    close();
  });

  it('still appears on time after a content reload in between', async () => {
    const { store, status, close } = await siteAt(T - 10 * SECOND);
    vi.advanceTimersByTime(5 * SECOND);
    await store.reload();
    vi.advanceTimersByTime(5 * SECOND - 1);
    expect(await status('/ru/news/future-story')).toBe(404);
    vi.advanceTimersByTime(1);
    expect(await status('/ru/news/future-story')).toBe(200);
    close();
  });
});
