import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Representation } from '../../src/cache/representation.js';
import { headOf, isConditional, negotiate, sendRepresentation } from '../../src/cache/send-representation.js';

const PAGE = `<p>${'Новости Казахстана. '.repeat(100)}</p>`;
const CHANGED = new Date('2026-01-25T07:30:00Z');

describe('Representation', () => {
  const page = new Representation(PAGE, 'text/html; charset=utf-8', CHANGED);

  it('keeps gzip and brotli forms that decode to the body', () => {
    expect(gunzipSync(page.gzip!).toString()).toBe(PAGE);
    expect(brotliDecompressSync(page.br!).toString()).toBe(PAGE);
  });

  it('decodes at every size its windows are fitted to, on either side of each window edge, and gzip makes the same bytes as with its default window', async () => {
    // Brotli's window holds 2^n − 16 bytes, deflate's reaches 2^n − 262 back: bodies just
    // under and over those edges, up to a sitemap's size, compressed here and off the event loop.
    // Letters from a fixed generator, the first 100 bytes again at the very end: the one long
    // match is as far back as the body is long, where a window one size too small cannot reach.
    let seed = 7;
    const letters = (n: number) => Buffer.from(Array.from({ length: n }, () => 97 + ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 26)));
    for (const size of [1024, 16_122, 16_123, 16_300, 32_506, 32_507, 32_752, 32_753, 65_520, 65_521, 3_000_000]) {
      const head = letters(100);
      const body = Buffer.concat([head, letters(size - 200), head]);
      for (const made of [new Representation(body, 'text/html'), await Representation.of(body, 'text/html')]) {
        expect(gunzipSync(made.gzip!).equals(body), `gzip ${size}`).toBe(true);
        expect(brotliDecompressSync(made.br!).equals(body), `brotli ${size}`).toBe(true);
        if (size <= 65_521) expect(made.gzip!.equals(gzipSync(body, { level: 6 })), `gzip bytes ${size}`).toBe(true);
      }
    }
  });

  it('counts the bytes of all three forms as its size', () => {
    expect(page.size).toBe(page.identity.length + page.gzip!.length + page.br!.length);
  });

  it('does not compress a body under 1 KB, and serves it as it is for every encoding', () => {
    const small = new Representation('{"views":1}', 'application/json');
    expect([small.compressible, small.size, small.body('br').toString()]).toEqual([false, 11, '{"views":1}']);
  });

  it('tags each encoding differently, and the same bytes alike', () => {
    expect(new Set([page.etag('identity'), page.etag('gzip'), page.etag('br')]).size).toBe(3);
    expect(new Representation(PAGE, 'text/html').etag('identity')).toBe(page.etag('identity'));
    expect(page.etag('identity')).toMatch(/^"[\w-]{27}"$/);
  });

  it('formats its last change as an HTTP date', () => expect(page.lastModifiedHttp).toBe('Sun, 25 Jan 2026 07:30:00 GMT'));
});

describe('negotiate', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    [undefined, 'identity'],
    ['deflate', 'identity'],
  ])('picks %s → %s', (header, encoding) => expect(negotiate(header)).toBe(encoding));
});

/** A request and response in memory, no socket: what sendRepresentation does to the response. */
function exchange(headers: Record<string, string>, method = 'GET') {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.headers = headers;
  const res = new ServerResponse(req);
  let sent: Buffer | undefined;
  res.end = ((body?: Buffer) => ((sent = body), res)) as ServerResponse['end'];
  return { req, res, sent: () => sent };
}

describe('sendRepresentation', () => {
  const page = new Representation(PAGE, 'text/html; charset=utf-8', CHANGED);

  it('sends the brotli bytes to a browser that takes brotli, with the headers a cache needs', () => {
    const { req, res, sent } = exchange({ 'accept-encoding': 'gzip, br' });
    sendRepresentation(req, res, page, 'public, max-age=60');
    expect(res.statusCode).toBe(200);
    expect(res.getHeaders()).toEqual({
      'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding',
      etag: page.etag('br'), 'last-modified': 'Sun, 25 Jan 2026 07:30:00 GMT', 'content-encoding': 'br', 'content-length': page.br!.length,
    });
    expect(sent()).toBe(page.br);
  });

  it('answers 304 with no body to a request whose ETag still matches', () => {
    const { req, res, sent } = exchange({ 'accept-encoding': 'gzip', 'if-none-match': page.etag('gzip') });
    sendRepresentation(req, res, page, 'no-cache');
    expect([res.statusCode, sent()]).toEqual([304, undefined]);
  });

  it('sends the whole answer to a request whose ETag is of another encoding', () => {
    const { req, res } = exchange({ 'accept-encoding': 'gzip', 'if-none-match': page.etag('br') });
    sendRepresentation(req, res, page, 'no-cache');
    expect(res.statusCode).toBe(200);
  });

  it('sends the headers and length of a GET, and no body, to HEAD', () => {
    const { req, res, sent } = exchange({}, 'HEAD');
    sendRepresentation(req, res, page, 'no-cache');
    expect([res.statusCode, res.getHeader('content-length'), sent()]).toEqual([200, page.identity.length, undefined]);
  });
});

describe('isConditional', () => {
  it('is true for If-None-Match or If-Modified-Since only', () => {
    const of = (headers: Record<string, string>) => isConditional(exchange(headers).req);
    expect([of({ 'if-none-match': '"x"' }), of({ 'if-modified-since': CHANGED.toUTCString() }), of({ 'cache-control': 'no-cache' })]).toEqual([true, true, false]);
  });
});

describe('headOf, the fast path\'s head', () => {
  it.each(['identity', 'gzip', 'br'] as const)('is what sendRepresentation sets, after the headers set before it (%s)', (encoding) => {
    const before: OutgoingHttpHeaders = { 'x-request-id': 'abc', 'set-cookie': ['a=1', 'b=2'] };
    const head = headOf(new Representation(PAGE, 'text/html; charset=utf-8', CHANGED), encoding, 'no-cache', before);
    const { req, res } = exchange({ 'accept-encoding': encoding });
    for (const [name, value] of Object.entries(before)) res.setHeader(name, value!);
    sendRepresentation(req, res, new Representation(PAGE, 'text/html; charset=utf-8', CHANGED), 'no-cache');
    const pairs: [string, string][] = [];
    for (let i = 0; i < head.length; i += 2) pairs.push([head[i]!.toLowerCase(), head[i + 1]!]);
    const expected = Object.entries(res.getHeaders()).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, String(v)]));
    expect(pairs).toEqual(expected);
  });
});
