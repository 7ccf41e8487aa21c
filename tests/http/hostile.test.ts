import { connect, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/http/create-server.js';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { get, rawRequest, type RawResponse } from './raw.js';
import { until } from './until.js';

const site = await testSite(VALID, { now: FIXTURE_NOW });
const server = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
afterAll(() => {
  server.close();
  site.close();
});

/** What an answer must never show: how the server is built, where it lives, what its files say. */
function expectNothingLeaked(res: RawResponse): void {
  expect(res.status, 'an answer').toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|\bat (file|node):|Error: |TypeError|ENOENT|EACCES/);
  expect(res.body).not.toMatch(/\/work\/|\/tmp\/|\/root\/|\/home\/|node_modules|\/src\/|\.ts:\d/);
  expect(res.body).not.toContain('"name": "dknews-site"'); // package.json
  expect(res.body).not.toContain('registration:'); // site.yml
  expect(res.body).not.toContain('secret'); // media/.hidden
  // Markup from the request may appear escaped (&lt;img …), never as markup.
  expect(res.body).not.toMatch(/<script>alert|<img src=x/i);
  expect(res.headers['x-powered-by']).toBeUndefined();
}

async function expectStillServing(): Promise<void> {
  expect((await get(port, '/healthz')).status).toBe(200);
}

const TRAVERSALS = [
  '../../package.json',
  '..%2f..%2fpackage.json',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%252f..%252fpackage.json',
  '..\\..\\package.json',
  '..%5c..%5cpackage.json',
  '%2e%2e/%2e%2e/src/server.ts',
  '....//....//package.json',
];
const BASES = ['/ru/news/', '/ru/topics/', '/ru/authors/', '/assets/', '/media/'];

describe('path traversal, raw, encoded and double-encoded, against every route shape', () => {
  it.each(BASES.flatMap((base) => TRAVERSALS.map((t) => `${base}${t}`)))('%s: 4xx, no file', async (path) => {
    const res = await get(port, path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectNothingLeaked(res);
  });

  it.each(['/package.json', '/.env', '/.git/config', '/content/site.yml', '/src/app.ts', '/dist/src/server.js', '/views/layout.ejs', '/node_modules/express/package.json', '/media/.hidden', '/assets/.DS_Store', '//evil.example/'])(
    '%s: 404',
    async (path) => {
      const res = await get(port, path);
      expect(res.status).toBe(404);
      expectNothingLeaked(res);
    },
  );
});

describe('malformed and oversized addresses', () => {
  it.each([
    ['/ru/news/x%00y', 404],
    ['/ru/%00', 404],
    ['/media/photo.png%00.txt', 404],
    ['/ru/news/%E0%A4%A', 400],
    ['/ru/news/%zz', 400],
    ['/ru/topics/%', 400],
    ['/%C0%AF', 404],
    ['/ru/news/%F0%9F%98%80', 404],
    ['/ru/news/%D0%BA%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD', 404],
    ['/ru/topics/%D1%8D%D0%BA%D0%BE%D0%BD%D0%BE%D0%BC%D0%B8%D0%BA%D0%B0', 404],
    ['/ru/authors/%F0%9F%91%8D', 404],
    ['/ru/news/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 404],
    ['/ru/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 404],
    [`/ru/news/${'a'.repeat(16 * 1024)}`, 414],
    [`/ru/search?q=${'a'.repeat(100 * 1024)}`, 414],
  ] as const)('%s → %i', async (path, status) => {
    const res = await get(port, path);
    expect(res.status).toBe(status);
    expectNothingLeaked(res);
    if (status === 414) expect(res.body).toContain('Слишком длинный адрес');
  });

  it.each(['-1', 'abc', '1e99', '999999999', '0', '1.5', '', '2%00', '[]'])('?page=%s on lists is a 404 page, not an error', async (page) => {
    for (const base of ['/ru/', '/ru/topics/economy', '/ru/authors/anna', '/ru/search']) {
      const res = await get(port, `${base}?page=${page}`);
      expect(res.status, base).toBe(404);
      expectNothingLeaked(res);
    }
  });

  it.each(['/de/', '/de', '/xx/news/first-story', '/RU/', '/Ru/news/first-story', '/ru-RU/', '/kz/'])('unknown language %s: 404', async (path) => {
    const res = await get(port, path);
    expect(res.status).toBe(404);
    expectNothingLeaked(res);
  });

  it.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '%00%01%02',
    '%FF%FE%FD',
  ])('search for %s is escaped', async (q) => {
    const res = await get(port, `/ru/search?q=${q.includes('%') ? q : encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expectNothingLeaked(res);
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECTX'].flatMap((m) => ['/ru/', '/ru/news/first-story', '/sitemap.xml', '/ru/rss.xml'].map((p) => [m, p])))(
    '%s %s: 405 with Allow',
    async (method, path) => {
      const res = await rawRequest(port, `${method} ${path} HTTP/1.1\nHost: 127.0.0.1\nConnection: close\nContent-Length: 0`);
      if (method === 'CONNECTX') {
        // Not a method at all: Node refuses it before the app.
        expect(res.status).toBe(400);
      } else {
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
      }
      expectNothingLeaked(res);
    },
  );

  it('OPTIONS lists the allowed methods', async () => {
    const res = await rawRequest(port, 'OPTIONS /ru/ HTTP/1.1\nHost: 127.0.0.1\nConnection: close');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('a 405 page is in the language of the address', async () => {
    const res = await rawRequest(port, 'DELETE /kk/ HTTP/1.1\nHost: 127.0.0.1\nConnection: close');
    expect(res.body).toContain('<html lang="kk">');
    expect(res.body).toContain('Әдіске қолдау жоқ');
  });
});

describe('bodies to the API', () => {
  const post = (headers: string, body: string) =>
    rawRequest(port, `POST /api/views/ru/first-story HTTP/1.1\nHost: 127.0.0.1\nUser-Agent: Mozilla/5.0 Chrome/140\nConnection: close\n${headers}`, body);

  it.each([
    ['a body over 1 KB', `Content-Type: application/json\nContent-Length: 5000`, `{"a":"${'x'.repeat(4990)}"}`, 413],
    ['a body of unknown length', 'Content-Type: application/json\nTransfer-Encoding: chunked', '5\r\nhello\r\n0\r\n\r\n', 413],
    ['malformed JSON', 'Content-Type: application/json\nContent-Length: 5', '{"a":', 400],
    ['a form instead of JSON', 'Content-Type: application/x-www-form-urlencoded\nContent-Length: 3', 'a=b', 415],
    ['text instead of JSON', 'Content-Type: text/plain\nContent-Length: 5', 'hello', 415],
    ['no Content-Type', 'Content-Length: 2', '{}', 415],
  ] as const)('%s: %i in JSON', async (_, headers, body, status) => {
    const res = await post(headers, body);
    expect(res.status).toBe(status);
    expectNothingLeaked(res);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('a Content-Length that is not a number: 400 from Node itself, before the app', async () => {
    const res = await post('Content-Type: application/json\nContent-Length: abc', '{}');
    expect(res.status).toBe(400);
    expectNothingLeaked(res);
  });

  it('small valid JSON is accepted and ignored', async () => {
    const res = await post('Content-Type: application/json\nContent-Length: 2', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ views: expect.any(Number) });
  });
});

describe('headers', () => {
  it('a 200 KB header: 431 with a page of ours', async () => {
    const res = await get(port, '/ru/', { Cookie: `a=${'x'.repeat(200 * 1024)}` });
    expect(res.status).toBe(431);
    expect(res.body).toContain('Слишком большие заголовки');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expectNothingLeaked(res);
  });

  it.each([
    ['a header without a colon', 'GET /ru/ HTTP/1.1\nHost: 127.0.0.1\nthis is not a header\nConnection: close'],
    ['a control character in a header', 'GET /ru/ HTTP/1.1\nHost: 127.0.0.1\nX-Test: a\u0001b\nConnection: close'],
    ['a space in the URL', 'GET /ru/ news HTTP/1.1\nHost: 127.0.0.1\nConnection: close'],
  ])('%s: 400', async (_, head) => {
    const res = await rawRequest(port, head);
    expect(res.status).toBe(400);
    expectNothingLeaked(res);
  });

  it.each<Record<string, string>>([
    { 'Accept-Language': '*;q=abc, ??, ru-RU;q=2' },
    { 'Accept-Language': 'x'.repeat(4000) },
    { 'Accept-Encoding': 'br;q=foo, gzip;q=-1, ***' },
    { 'Accept-Encoding': 'identity;q=0' },
    { Range: 'bytes=999999-1' },
    { Range: 'bytes=abc' },
    { 'If-None-Match': '"unterminated' },
    { 'If-Modified-Since': 'not a date' },
    { Host: '<script>alert(1)</script>' },
    { 'X-Forwarded-For': '999.999.999.999, <script>' },
    { 'X-Request-Id': '<script>alert(1)</script>' },
  ])('bogus %o: the normal page', async (headers) => {
    const res = await get(port, '/ru/news/first-story', headers);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1 class="article__title">Первая новость</h1>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expectNothingLeaked(res);
  });

  it('If-None-Match: * is a 304 for a page that exists', async () => {
    expect((await get(port, '/ru/news/first-story', { 'If-None-Match': '*' })).status).toBe(304);
  });

  it('a Range past the end of an image is answered 416 with the length, without error', async () => {
    const res = await get(port, '/media/photo.png', { Range: 'bytes=999999-1000000' });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toMatch(/^bytes \*\/\d+$/);
    expectNothingLeaked(res);
  });
});

describe('after all of that', () => {
  it('the server still answers', async () => {
    await expectStillServing();
    expect((await get(port, '/ru/news/first-story')).status).toBe(200);
  });
});

describe('a client that hangs up in the middle of its request', () => {
  it('is let go without a warning: the log is for problems, not for closed connections', async () => {
    const warnings = () => site.logs.filter((l) => l.msg === 'Refused a request Node could not read').length;
    const before = warnings();
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /ru/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ');
        setTimeout(() => socket.resetAndDestroy(), 50);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    // A malformed request still gets its warning: the difference is the hang-up.
    expect((await rawRequest(port, 'GET /ru/ HTTP/1.1\nHost: x\nBad Header\n')).status).toBe(400);
    // The hang-up came first: by the time the malformed request's warning is written, one for the hang-up would be too.
    await until('the malformed request\'s warning', () => warnings() > before);
    expect(warnings()).toBe(before + 1);
  });
});
