import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportedSite, fetchRaw, urlOf, type Answer } from '../exported-site.js';
import { serveExport } from './export-nginx-server.js';

/** Types compared as a browser reads them: case and spaces around parameters do not matter. */
const normalType = (type: unknown) => String(type ?? '').toLowerCase().replace(/\s*;\s*/g, ';');
/** The headers the server sends on every answer, which the nginx block must repeat. */
const SECURITY = ['content-security-policy', 'strict-transport-security', 'referrer-policy', 'permissions-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy'];

const site = exportedSite();

describe('the exported nginx block', () => {
  let nginx: Awaited<ReturnType<typeof serveExport>>;
  let port: number;

  beforeAll(async () => {
    nginx = await serveExport(site.outDir, path.join(site.work, 'nginx'));
    port = nginx.port;
  }, 30_000);

  afterAll(() => nginx?.stop());

  /** What nginx and the server answer alike: status, redirect target, type, caching and security headers, bytes. */
  async function compare(url: string, encoding = 'identity') {
    const [fromNginx, fromServer] = await Promise.all([fetchRaw(port, url, { 'Accept-Encoding': encoding }), fetchRaw(site.livePort, url, { 'Accept-Encoding': encoding })]);
    const view = (a: Answer) => ({
      url,
      status: a.status,
      location: a.headers.location,
      ...(a.status === 301 || a.status === 302 ? {} : { type: normalType(a.headers['content-type']), cacheControl: a.headers['cache-control'] }),
      ...(a.status === 302 ? { vary: /\bAccept-Language\b/.test(String(a.headers.vary)) } : {}),
      ...Object.fromEntries(SECURITY.map((name) => [name, a.headers[name]])),
    });
    expect(view(fromNginx)).toEqual(view(fromServer));
    if (fromServer.status === 301 || fromServer.status === 302) return { fromNginx, fromServer };
    const decoded = (a: Answer) => (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body);
    expect(decoded(fromNginx).equals(decoded(fromServer)), url).toBe(true);
    return { fromNginx, fromServer };
  }

  it('answers every exported URL as the server does', async () => {
    for (const url of site.files.map(urlOf).filter((u): u is string => u !== undefined)) await compare(url);
  });

  it('sends the precompressed bytes, gzip and brotli, that the server sends', async () => {
    for (const url of ['/ru/', '/ru/?page=2', '/ru/news/first-story', '/kk/topics/politics', '/en/rss.xml', '/sitemap.xml', '/ru/nothing-here']) {
      for (const encoding of ['gzip', 'br']) {
        const { fromNginx, fromServer } = await compare(url, encoding);
        expect({ url, encoding: fromNginx.headers['content-encoding'] }).toEqual({ url, encoding });
        // Pages, feeds and sitemaps: byte for byte; the server's 404 page is compressed on the fly, so only its content is the same.
        if (fromServer.status === 200) expect(fromNginx.body.equals(fromServer.body), `${url} ${encoding}`).toBe(true);
      }
    }
  });

  it('redirects and refuses as the server does, with the 404 page of the address\'s language', async () => {
    for (const url of [
      '/', '/?utm_source=x', '/ru', '/kk?x=1', '/ru/news/first-story/', '/en/topics/', '/ru/old/123', '/ru/old/123?from=mail',
      '/ru/nothing-here', '/kk/nothing-here', '/en/news/nothing', '/nothing-here', '/ru/404', '/en/404.html', '/404.html',
      '/ru/?page=99', '/ru/?page=0', '/ru/?page=abc', '/ru/topics/politics?page=2', '/ru/topics/politics?page=3', '/ru/authors/anna?page=2',
      '/ru/index.html', '/ru/news/first-story.html', '/_pages/ru/2.html', '/nginx.conf', '/ru/rss.xml.gz', '/assets/css/site.css.br',
      '/ru/news/first-story?page=2', '/ru/rss.xml?x=1',
    ]) await compare(url);
  });

  it('never lets an encoded line break out of an address into a header', async () => {
    for (const url of ['/ru/x%0DSet-Cookie:%20taken=1/', '/ru/x%0D%0ASet-Cookie:%20taken=1/', '/ru/x%0ASet-Cookie:%20taken=1/']) {
      const answer = await fetchRaw(port, url);
      expect(answer.headers['set-cookie'], url).toBeUndefined();
      expect(answer.status, url).toBe(404);
    }
  });
});
