import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';

const sites: Awaited<ReturnType<typeof testSite>>[] = [];
afterEach(() => sites.splice(0).forEach((s) => s.close()));
async function site() {
  const s = await testSite(VALID, { now: FIXTURE_NOW });
  sites.push(s);
  return s;
}

describe('an unexpected error', () => {
  it('is answered 500 with a localized page and no details, and logged once with its cause and request id', async () => {
    const s = await site();
    s.counter.counted = () => {
      throw new Error('disk on fire at /var/secret/views.sqlite', { cause: new Error('EIO') });
    };
    const res = await request(s.app).get('/en/news/first-story').set('X-Request-Id', 'trace-42').expect(500);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<h1 class="page-title">Server error</h1>');
    expect(res.text).not.toContain('disk on fire');
    expect(res.text).not.toContain('/var/secret');
    expect(res.headers['cache-control']).toBe('no-store');
    const errors = s.logs.filter((l) => (l.level as number) >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ req_id: 'trace-42', msg: 'Unexpected error while answering a request', err: { message: 'disk on fire at /var/secret/views.sqlite: EIO' } });
    expect(JSON.stringify(errors[0])).toContain('EIO');
  });

  it('when even the error page fails, gets a plain escaped page', async () => {
    const s = await site();
    Object.defineProperty(s.store, 'index', {
      get() {
        throw new Error('<b>index gone</b>');
      },
    });
    const res = await request(s.app).get('/en/').expect(500);
    expect(res.text).toMatch(/^<!doctype html><html lang="en">/);
    expect(res.text).toContain('<h1>Server error</h1>');
    expect(res.text).not.toContain('index gone');
  });
});

describe('request logs', () => {
  it('put a request id on every line and send it back; log method, path and status, nothing else of the request', async () => {
    const s = await site();
    const res = await request(s.app).get('/ru/news/first-story').set('Cookie', 'session=SECRET').set('Authorization', 'Bearer SECRET').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = s.accessLogs.find((l) => l.req_id === id)!;
    expect(line).toMatchObject({ msg: 'request', req: { method: 'GET', url: '/ru/news/first-story' }, res: { status: 200 } });
    expect(JSON.stringify(s.accessLogs)).not.toContain('SECRET');
  });
});
