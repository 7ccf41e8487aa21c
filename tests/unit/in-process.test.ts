import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { askInProcess } from '../../src/http/in-process.js';
import { loopbackGet } from '../../src/http/loopback.js';

const BIG = Buffer.from('«Ана тілі» — 40 000 байт. '.repeat(1200));

/** One app, four kinds of answer: sent whole, streamed past a socket's buffer, chunked, and not found. */
function app(): RequestListener {
  const site = express();
  site.get('/whole', (req, res) => {
    res.set('X-Asked-Encoding', String(req.headers['accept-encoding'])).set('Set-Cookie', ['a=1', 'b=2']).type('text/plain').send('Сәлем');
  });
  site.get('/streamed', (_req, res) => {
    res.type('text/plain').set('Content-Length', String(BIG.length));
    Readable.from([BIG.subarray(0, 20_000), BIG.subarray(20_000)]).pipe(res);
  });
  site.get('/chunked', (_req, res) => {
    res.type('text/plain');
    res.write('бірінші, ');
    setImmediate(() => res.end('екінші'));
  });
  return site as unknown as RequestListener;
}

describe('asking the app in process', () => {
  it('gets what a client gets over a socket: status, headers, body', async () => {
    const listener = app();
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const url of ['/whole', '/streamed', '/chunked', '/nowhere']) {
        const options = { encoding: 'gzip', userAgent: 'dknews-test' };
        const [near, far] = await Promise.all([askInProcess(listener, url, options), loopbackGet(port, url, options)]);
        expect(near.status, url).toBe(far.status);
        expect(near.body.equals(far.body), url).toBe(true);
        const { date: _a, connection: _b, 'keep-alive': _c, ...nearHeaders } = near.headers;
        const { date: _d, connection: _e, 'keep-alive': _f, ...farHeaders } = far.headers;
        expect(nearHeaders, url).toEqual(farHeaders);
        expect([...near.names].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)), url).toEqual([...far.names].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)));
      }
    } finally {
      server.close();
    }
  });

  it('de-chunks an answer sent without a length, and passes the request headers on', async () => {
    const chunked = await askInProcess(app(), '/chunked', { encoding: 'identity', userAgent: 'x' });
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    expect(chunked.body.toString()).toBe('бірінші, екінші');
    const whole = await askInProcess(app(), '/whole', { encoding: 'br', userAgent: 'x' });
    expect(whole.headers['x-asked-encoding']).toBe('br');
    expect(whole.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(whole.names.get('x-asked-encoding')).toBe('X-Asked-Encoding');
  });

  it('gets a streamed body bigger than a socket takes at once, whole', async () => {
    const streamed = await askInProcess(app(), '/streamed', { encoding: 'identity', userAgent: 'x' });
    expect(streamed.body.equals(BIG)).toBe(true);
  });
});
