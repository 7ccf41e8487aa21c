import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/http/create-server.js';
import { CONTENT, testSite, VALID } from '../helpers.js';
import { sitemapPaths } from './crawl.js';

const site = await testSite(CONTENT, { now: new Date('2026-11-23T12:00:00Z') });
const fastServed: string[] = [];
const fastPath = site.app.fastPath;
site.app.fastPath = (req, res) => {
  const served = fastPath(req, res);
  if (served) fastServed.push(req.url!);
  return served;
};
// The same app twice: once as the server runs it, once with Express alone.
const withFast = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
const expressOnly = createServer((req: IncomingMessage, res: ServerResponse) => site.app.express(req, res), { logger: site.logger, refusalPage: site.refusalPage });
const listen = (server: typeof withFast) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const [fastPort, expressPort] = await Promise.all([listen(withFast), listen(expressOnly)]);
afterAll(() => {
  withFast.close();
  expressOnly.close();
  site.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const { date, 'x-request-id': id, connection, 'keep-alive': keepAlive, ...rest } = res.headers;
        void date, void id, void connection, void keepAlive;
        resolve({ status: res.statusCode!, headers: rest, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const search = `/ru/search?q=${encodeURIComponent('Казахстан')}`;
const urls = [...(await sitemapPaths(site.app, 'https://dknews.example')), '/sitemap.xml', '/sitemap-news.xml', '/robots.txt', '/ru/rss.xml', '/kk/topics/economy/rss.xml', search];

describe('the fast path', () => {
  it('knows the site’s canonical URLs once Express has answered them', async () => {
    for (const url of urls) await get(expressPort, url, {});
    const first = fastServed.length;
    await get(fastPort, '/ru/', {});
    expect(fastServed.length).toBe(first + 1);
  });

  const variants: [string, Record<string, string>, string][] = [
    ['plain', {}, 'GET'],
    ['gzip', { 'Accept-Encoding': 'gzip' }, 'GET'],
    ['brotli', { 'Accept-Encoding': 'gzip, deflate, br' }, 'GET'],
    ['HEAD', { 'Accept-Encoding': 'gzip' }, 'HEAD'],
  ];

  it.each(variants)('sends the same status, headers and bytes as Express for every cached URL: %s', async (_, headers, method) => {
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      const before = fastServed.length;
      const [viaExpress, viaFast] = [await get(expressPort, url, headers, method), await get(fastPort, url, headers, method)];
      expect(fastServed.length, `${url} went the fast way`).toBe(before + 1);
      expect(viaFast, url).toEqual(viaExpress);
    }
  });

  it('answers conditional requests the same way', async () => {
    for (const url of ['/ru/', '/sitemap.xml', '/en/rss.xml']) {
      const { headers } = await get(expressPort, url, { 'Accept-Encoding': 'br' });
      const conditional = { 'Accept-Encoding': 'br', 'If-None-Match': String(headers.etag) };
      const [viaExpress, viaFast] = [await get(expressPort, url, conditional), await get(fastPort, url, conditional)];
      expect(viaExpress.status).toBe(304);
      expect(viaFast).toEqual(viaExpress);
    }
  });

  it('learns a search as a form sends it, with + for spaces', async () => {
    const form = '/ru/search?q=%D0%9A%D0%B8%D1%82%D0%B0%D0%B9+%D0%A6%D0%B7%D1%8F%D0%BD%D1%81%D1%83';
    const viaExpress = await get(fastPort, form, {});
    const before = fastServed.length;
    expect(await get(fastPort, form, {})).toEqual(viaExpress);
    expect(fastServed.length).toBe(before + 1);
  });

  it('keeps a proxy’s request id, as the app does', async () => {
    const id = await new Promise<string | undefined>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: fastPort, path: '/ru/', headers: { 'X-Request-Id': 'nginx-4f2a9c' } }, (res) => {
        res.resume();
        resolve(res.headers['x-request-id'] as string | undefined);
      });
      req.on('error', reject);
      req.end();
    });
    expect(fastServed.at(-1)).toBe('/ru/');
    expect(id).toBe('nginx-4f2a9c');
  });

  it('gives each answer its own request id, though the head it writes is made once', async () => {
    const idOf = (headers: Record<string, string>) =>
      new Promise<string | undefined>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: fastPort, path: '/ru/', headers }, (res) => {
          res.resume();
          resolve(res.headers['x-request-id'] as string | undefined);
        });
        req.on('error', reject);
        req.end();
      });
    const ids = [await idOf({ 'X-Request-Id': 'proxy-1' }), await idOf({}), await idOf({}), await idOf({ 'X-Request-Id': 'proxy-2' })];
    expect(fastServed.slice(-4)).toEqual(['/ru/', '/ru/', '/ru/', '/ru/']);
    expect(ids[0]).toBe('proxy-1');
    expect(ids[3]).toBe('proxy-2');
    expect(ids[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[2]).not.toBe(ids[1]);
  });

  it('lets the news sitemap’s 48-hour window move: its answer is given up at the end of its minute', async () => {
    // second-story (ru) is of 2026-01-25, first-story (ru, en) of 2026-01-20.
    const clock = new Date('2026-01-26T00:00:00Z');
    const news = await testSite(VALID, { now: clock });
    const server = createServer(news.app, { logger: news.logger, refusalPage: news.refusalPage });
    const port = await listen(server);
    try {
      expect((await get(port, '/sitemap-news.xml', {})).body.toString()).toContain('/ru/news/second-story');
      expect((await get(port, '/sitemap-news.xml', {})).body.toString()).not.toContain('/en/news/first-story');
      clock.setTime(clock.getTime() + 3 * 24 * 3600 * 1000);
      // Nothing in the window: each language's newest article, English's included.
      expect((await get(port, '/sitemap-news.xml', {})).body.toString()).toContain('/en/news/first-story');
    } finally {
      server.close();
      news.close();
    }
  });

  it('leaves other URLs to Express: query strings, unknown pages, other methods', async () => {
    const before = fastServed.length;
    expect((await get(fastPort, '/ru/?utm_source=x', {})).status).toBe(200);
    expect((await get(fastPort, `${search}&utm_source=x`, {})).status).toBe(200);
    expect((await get(fastPort, `${search}&page=1`, {})).status).toBe(200);
    expect((await get(fastPort, '/ru/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD+', {})).status).toBe(200);
    expect((await get(fastPort, '/ru/nope', {})).status).toBe(404);
    expect((await get(fastPort, '/ru/', {}, 'POST')).status).toBe(405);
    expect(fastServed.length).toBe(before);
  });
});
