import { IncomingMessage, ServerResponse, type RequestListener } from 'node:http';
import { Duplex } from 'node:stream';
import type { LoopbackAnswer } from './loopback.js';

/**
 * The socket an in-process request arrives on: it brings no bytes and keeps the ones the
 * answer writes (its head as Node formats it, then its body).
 */
class HeldSocket extends Duplex {
  readonly written: Buffer[] = [];
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort = 0;
  readonly remoteFamily = 'IPv4';
  readonly localAddress = '127.0.0.1';
  readonly encrypted = false;

  constructor() {
    // Every write is taken at once: the response is never told to wait for a 'drain' (a
    // streamed file would otherwise wait for one that Node's server, not here, relays).
    super({ writableHighWaterMark: 2 ** 30 });
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.written.push(chunk);
    done();
  }

  override _writev(chunks: { chunk: Buffer }[], done: (error?: Error | null) => void): void {
    for (const { chunk } of chunks) this.written.push(chunk);
    done();
  }

  setTimeout(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * GET a path from the app in this process, through Node's own request and response objects
 * and the whole app (middleware, routes, the fast path), as loopbackGet gets it over a socket:
 * the same status, headers and body, without a socket, a parser or a client. The static
 * export asks every URL of the site this way (export/export-entry.ts).
 * @example await askInProcess(site, '/ru/', { encoding: 'identity', userAgent: 'dknews-export' })
 */
export function askInProcess(app: RequestListener, path: string, options: { encoding: string; userAgent: string }): Promise<LoopbackAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new HeldSocket();
    const req = new IncomingMessage(socket as never);
    req.method = 'GET';
    req.url = path;
    req.httpVersion = '1.1';
    req.httpVersionMajor = 1;
    req.httpVersionMinor = 1;
    req.rawHeaders = ['Host', '127.0.0.1', 'Accept-Encoding', options.encoding, 'User-Agent', options.userAgent];
    req.headers = { host: '127.0.0.1', 'accept-encoding': options.encoding, 'user-agent': options.userAgent };
    req.complete = true;
    req.push(null);
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as never);
    res.on('finish', () => {
      try {
        resolve(parseAnswer(Buffer.concat(socket.written)));
      } catch (error) {
        reject(error as Error);
      }
    });
    res.on('error', reject);
    try {
      app(req, res);
    } catch (error) {
      reject(error as Error);
    }
  });
}

/** An HTTP/1.1 answer's bytes as a client reads them: status, headers (lower-case names), body (de-chunked). */
function parseAnswer(bytes: Buffer): LoopbackAnswer {
  const end = bytes.indexOf(HEAD_END);
  if (end < 0) throw new Error('the app wrote no complete head');
  const [statusLine = '', ...lines] = bytes.toString('latin1', 0, end).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers: LoopbackAnswer['headers'] = {};
  const names = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const lower = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    names.set(lower, name);
    const had = headers[lower];
    if (lower === 'set-cookie') headers[lower] = [...((had as string[] | undefined) ?? []), value];
    else headers[lower] = had === undefined ? value : `${had as string}, ${value}`;
  }
  let body = bytes.subarray(end + HEAD_END.length);
  if (headers['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status, headers, names, body };
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.toString('latin1', at, lineEnd), 16);
    if (!size) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
