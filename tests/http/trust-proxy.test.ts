import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

/** Two readers behind the same proxy (supertest connects from 127.0.0.1), each named in X-Forwarded-For. */
async function twoReaders(env: Record<string, string>) {
  const site = await testSite(VALID, { now: FIXTURE_NOW, env });
  const count = async (forwardedFor: string) =>
    (await request(site.app).post('/api/views/ru/first-story').set('User-Agent', BROWSER).set('X-Forwarded-For', forwardedFor).expect(200)).body.counted as boolean;
  try {
    return [await count('198.51.100.1'), await count('198.51.100.2')];
  } finally {
    site.close();
  }
}

describe('TRUST_PROXY', () => {
  it('unset: X-Forwarded-For is not believed, so any client cannot pose as many readers', async () => {
    expect(await twoReaders({})).toEqual([true, false]);
  });

  it.each(['loopback', '1'])('%s: behind the proxy, each reader is counted by their own address', async (trust) => {
    expect(await twoReaders({ TRUST_PROXY: trust })).toEqual([true, true]);
  });

  it('a proxy that is not trusted cannot forward a reader', async () => {
    expect(await twoReaders({ TRUST_PROXY: '10.0.0.0/8' })).toEqual([true, false]);
  });
});
