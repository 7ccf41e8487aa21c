import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/http/create-server.js';
import { frontDoor, readHead } from '../../src/http/front-door.js';
import { CONTENT, testSite } from '../helpers.js';
import { sitemapPaths } from './crawl.js';

// The same app twice: as Node's request handler alone (its fast path answers cached pages),
// and behind the front door, which answers them before Node's HTTP code.
const site = await testSite(CONTENT, { now: new Date('2026-11-23T12:00:00Z') });
const nodeOnly = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
const withFront = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
const front = frontDoor(withFront, () => site.app.fromCache, site.logger);
const listen = (server: typeof nodeOnly) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const [nodePort, frontPort] = await Promise.all([listen(nodeOnly), listen(withFront)]);
afterAll(() => {
  front.close();
  withFront.close();
  nodeOnly.close();
  site.close();
});

interface Answer {
  /** The head as sent, with the values that differ per request (the date, the request id) blanked. */
  head: string;
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/**
 * Writes `bytes` to a new connection (in pieces, if given several) and reads `count` answers,
 * each by its Content-Length (none for HEAD, in `heads`); resolves with them and whether the
 * server then closed the connection.
 */
function exchange(port: number, pieces: string[], count: number, heads = new Set<number>()): Promise<{ answers: Answer[]; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    const answers: Answer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ answers, closed });
    };
    socket.setTimeout(5000, () => reject(new Error(`timed out after ${answers.length} of ${count} answers`)));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const text = buffer.toString('latin1', 0, end);
        const lines = text.split('\r\n');
        const headers = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 2)]));
        const length = heads.has(answers.length) ? 0 : Number(headers.get('content-length') ?? 0);
        if (buffer.length < end + 4 + length) return;
        const head = text.replace(/^(Date|X-Request-Id): .*$/gim, '$1: …');
        answers.push({ head, status: Number(lines[0]!.split(' ')[1]), headers, body: buffer.subarray(end + 4, end + 4 + length) });
        buffer = buffer.subarray(end + 4 + length);
        if (answers.length === count) {
          // Wait a moment for a close that follows the last answer.
          setTimeout(() => finish(socket.readableEnded || socket.destroyed), 50);
          return;
        }
      }
    });
    socket.on('end', () => setTimeout(() => finish(true), 10));
    const write = (i: number) => {
      if (i >= pieces.length) return;
      socket.write(pieces[i]!, 'latin1');
      setTimeout(() => write(i + 1), 30);
    };
    write(0);
  });
}

const request = (method: string, url: string, headers: Record<string, string> = {}) =>
  `${method} ${url} HTTP/1.1\r\n${Object.entries({ Host: 'dknews.example', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

/** One request on a connection of its own, and its answer. */
async function one(port: number, raw: string, head = false): Promise<Answer> {
  return (await exchange(port, [raw], 1, head ? new Set([0]) : undefined)).answers[0]!;
}

const search = `/ru/search?q=${encodeURIComponent('Казахстан')}`;
const urls = [...(await sitemapPaths(site.app, 'https://dknews.example')), '/sitemap.xml', '/sitemap-news.xml', '/robots.txt', '/ru/rss.xml', '/kk/topics/economy/rss.xml', search];
// Asked once through Express (through the server without the door), each URL is cached from then on.
for (const url of urls) await one(nodePort, request('GET', url));

describe('the front door', () => {
  const variants: [string, string, Record<string, string>][] = [
    ['plain', 'GET', {}],
    ['gzip', 'GET', { 'Accept-Encoding': 'gzip' }],
    ['brotli', 'GET', { 'Accept-Encoding': 'gzip, deflate, br', Connection: 'keep-alive' }],
    ['HEAD', 'HEAD', { 'Accept-Encoding': 'gzip' }],
  ];

  it.each(variants)('answers every cached URL itself, with the bytes Node’s fast path sends: %s', async (_, method, headers) => {
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      const before = front.answered;
      const viaNode = await one(nodePort, request(method, url, headers), method === 'HEAD');
      const viaFront = await one(frontPort, request(method, url, headers), method === 'HEAD');
      expect(front.answered, `${url} was answered at the door`).toBe(before + 1);
      expect(viaNode.status, url).toBe(200);
      expect(viaFront.head, url).toBe(viaNode.head);
      expect(viaFront.body.equals(viaNode.body), url).toBe(true);
    }
  });

  it('writes the current date and a request id of each answer’s own, or the proxy’s', async () => {
    const { answers } = await exchange(frontPort, [request('GET', '/ru/') + request('GET', '/ru/') + request('GET', '/ru/', { 'X-Request-Id': 'nginx-4f2a9c' })], 3);
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe('nginx-4f2a9c');
    const date = Date.parse(answers[0]!.headers.get('date')!);
    expect(Math.abs(date - Date.now())).toBeLessThan(5000);
  });

  it('answers pipelined requests in order, and gives the connection to Node at the first it does not answer', async () => {
    const before = front.answered;
    const { answers } = await exchange(
      frontPort,
      [request('GET', '/ru/') + request('GET', '/ru/nope') + request('HEAD', '/ru/rss.xml') + request('GET', '/robots.txt', { Connection: 'close' })],
      4,
      new Set([2]),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 200]);
    expect(answers[3]!.body.toString()).toContain('Sitemap:');
    // Only the first was answered at the door; from the 404 on, Node answered (its fast path the HEAD).
    expect(front.answered).toBe(before + 1);
  });

  const nodeAnswers: [string, string, number][] = [
    ['a condition (Node answers 304)', request('GET', '/ru/', { 'If-None-Match': '*' }), 304],
    ['HTTP/1.0', 'GET /ru/ HTTP/1.0\r\nHost: dknews.example\r\n\r\n', 200],
    ['no Host', 'GET /ru/ HTTP/1.1\r\nAccept: */*\r\n\r\n', 400],
    ['two Hosts (Node takes them)', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 200],
    ['Connection: close', request('GET', '/ru/', { Connection: 'close' }), 200],
    ['a body', request('GET', '/ru/', { 'Content-Length': '3' }) + 'abc', 200],
    ['a folded header', 'GET /ru/ HTTP/1.1\r\nHost: dknews.example\r\nAccept: text/html,\r\n  */*\r\n\r\n', 400],
    ['a bare LF', 'GET /ru/ HTTP/1.1\r\nHost: dknews.example\nAccept: */*\r\n\r\n', 400],
    ['a space before the colon', 'GET /ru/ HTTP/1.1\r\nHost : dknews.example\r\n\r\n', 400],
    ['a NUL in a value', 'GET /ru/ HTTP/1.1\r\nHost: dknews.example\r\nAccept: a\0b\r\n\r\n', 400],
    ['another method', request('POST', '/ru/', { 'Content-Length': '0' }), 405],
    ['an upgrade', request('GET', '/ru/', { Connection: 'Upgrade', Upgrade: 'websocket' }), 200],
    ['a URL not cached', request('GET', '/ru/?utm_source=x'), 200],
  ];

  it.each(nodeAnswers)('leaves to Node what it does not answer itself: %s', async (_, raw, status) => {
    const before = front.answered;
    const [viaNode, viaFront] = [await one(nodePort, raw), await one(frontPort, raw)];
    expect(viaFront.status).toBe(status);
    expect(viaFront.head).toBe(viaNode.head);
    expect(viaFront.body.equals(viaNode.body)).toBe(true);
    expect(front.answered).toBe(before);
  });

  it('leaves to Node a head that arrives in pieces', async () => {
    const before = front.answered;
    const raw = request('GET', '/ru/', { 'Accept-Encoding': 'gzip' });
    const { answers } = await exchange(frontPort, [raw.slice(0, 20), raw.slice(20)], 1);
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.headers.get('content-encoding')).toBe('gzip');
    expect(front.answered).toBe(before);
  });

  it('keeps a connection open between requests, and closes it when idle as Node does', async () => {
    const server = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
    server.keepAliveTimeout = 300;
    const door = frontDoor(server, () => site.app.fromCache, site.logger);
    const port = await listen(server);
    try {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
      socket.write(request('HEAD', '/ru/'));
      await new Promise((r) => setTimeout(r, 100));
      socket.write(request('HEAD', '/ru/'));
      const sent = Date.now();
      const at = await closed;
      expect(Buffer.concat(chunks).toString('latin1').match(/^HTTP\/1\.1 200 OK/gm)).toHaveLength(2);
      expect(Buffer.concat(chunks).toString('latin1')).toContain('Keep-Alive: timeout=0');
      expect(door.answered).toBe(2);
      expect(at - sent).toBeGreaterThanOrEqual(250);
    } finally {
      door.close();
      server.close();
    }
  });

  it('closes the connections it holds when the server stops', async () => {
    const server = createServer(site.app, { logger: site.logger, refusalPage: site.refusalPage });
    const door = frontDoor(server, () => site.app.fromCache, site.logger);
    const port = await listen(server);
    const socket = connect(port, '127.0.0.1');
    const ended = new Promise<boolean>((resolve) => socket.on('end', () => resolve(true)));
    socket.on('data', () => {});
    socket.write(request('HEAD', '/ru/'));
    await new Promise((r) => setTimeout(r, 100));
    expect(door.answered).toBe(1);
    door.close();
    const closing = new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await ended).toBe(true);
    socket.destroy();
    await closing;
  });
});

describe('readHead', () => {
  it('reads the request line and the headers it needs', () => {
    expect(readHead('GET /ru/ HTTP/1.1\r\nHost: a\r\nAccept-Encoding:  gzip, br \r\nX-Request-Id: abc')).toEqual({
      method: 'GET',
      url: '/ru/',
      acceptEncoding: 'gzip, br',
      requestId: 'abc',
    });
    expect(readHead('HEAD /ru/rss.xml HTTP/1.1\r\nhost: a\r\nconnection: Keep-Alive')).toEqual({ method: 'HEAD', url: '/ru/rss.xml' });
  });

  it('keeps the spaces inside a value and drops those around it, however many', () => {
    const spaces = ' '.repeat(4000);
    expect(readHead(`GET / HTTP/1.1\r\nHost: a\r\nAccept-Encoding:\t${spaces}gzip,${spaces}br${spaces}\t`)?.acceptEncoding).toBe(`gzip,${spaces}br`);
    expect(readHead(`GET / HTTP/1.1\r\nHost: a\r\nX-Request-Id: ${spaces}`)?.requestId).toBe('');
  });

  it.each([
    ['a relative target', 'GET ru/ HTTP/1.1\r\nHost: a'],
    ['an absolute target', 'GET http://a/ru/ HTTP/1.1\r\nHost: a'],
    ['a space in the target', 'GET /ru/ x HTTP/1.1\r\nHost: a'],
    ['a non-ASCII target', 'GET /ru/\xd0\x9a HTTP/1.1\r\nHost: a'],
    ['HTTP/2 in the line', 'GET /ru/ HTTP/2.0\r\nHost: a'],
    ['lower-case method', 'get /ru/ HTTP/1.1\r\nHost: a'],
    ['two Accept-Encoding', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br'],
    ['a line without a colon', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nnonsense'],
    ['an empty name', 'GET /ru/ HTTP/1.1\r\nHost: a\r\n: x'],
    ['a name with a space', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nX Y: z'],
    ['a CR inside a value', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nX: y\rz'],
    ['Transfer-Encoding', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked'],
    ['If-Modified-Since', 'GET /ru/ HTTP/1.1\r\nHost: a\r\nIf-Modified-Since: Tue, 27 Jan 2026 10:40:00 GMT'],
  ])('refuses %s (Node answers it)', (_, head) => {
    expect(readHead(head)).toBeUndefined();
  });
});
