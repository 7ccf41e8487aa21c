import { randomFillSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { isClientId } from './request-log.js';

/**
 * A cached 200 answer as the front door writes it, from the fast path (cache/fast-path.ts):
 * every header line of the head after X-Request-Id and before the ones Node adds (Date,
 * Connection), and the body.
 */
export interface CachedAnswer {
  /** "Name: value\r\n" lines in latin1 (as Node writes a head), checked as writeHead checks them when they were made. */
  readonly lines: Buffer;
  readonly body: Buffer;
}

/** The cache's answer to an unconditional GET or HEAD, or undefined: "let Node and the app answer". */
export type FromCache = (url: string, acceptEncoding: string | undefined) => CachedAnswer | undefined;

export interface FrontDoor {
  /** Requests the front door answered itself, since it opened. */
  readonly answered: number;
  /** Stops answering: idle connections are closed, a request still arriving goes to Node (which closes after it). */
  close(): void;
}

/** The longest request head the front door reads itself; a longer one goes to Node, which has the limits. */
const MAX_HEAD = 8 * 1024;
/**
 * Answers waiting in a connection's buffer beyond this (a client that pipelines and does not
 * read): the rest of its requests go to Node, which stops reading until the client catches up.
 */
const MAX_UNSENT = 1024 * 1024;
/**
 * A request head the front door may read: GET or HEAD of an origin-form target, HTTP/1.1, then
 * header lines of a token, a colon and visible characters, spaces or tabs (no CR, LF or NUL,
 * no folding). Anything else is Node's to read, and to refuse.
 */
const ORDINARY_HEAD = /^(GET|HEAD) (\/[\x21-\x7e]*) HTTP\/1\.1((?:\r\n[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e\x80-\xff]*)*)$/;
/** Request headers after which the answer is not the cached 200 as it is: Node and the app answer those. */
const NODE_ANSWERS = /\r\n(?:content-length|transfer-encoding|upgrade|expect|http2-settings|if-match|if-none-match|if-modified-since|if-unmodified-since|if-range):|\r\nconnection:(?![\t ]*keep-alive[\t ]*(?:\r\n|$))/i;
const HOST = /\r\nhost:/gi;
// The value greedily, its trailing spaces cut after: a lazy match before `[\t ]*` would try
// every length of a long run of spaces, a quadratic time a client could ask for.
const ACCEPT_ENCODING = /\r\naccept-encoding:[\t ]*([^\r]*)/gi;
const REQUEST_ID = /\r\nx-request-id:[\t ]*([^\r]*)/gi;

interface Asked {
  method: 'GET' | 'HEAD';
  url: string;
  acceptEncoding?: string;
  requestId?: string;
}

/**
 * The front door: cached pages answered as they arrive on the socket, before Node's HTTP code.
 *
 * A cached article costs Node's request and response objects, its header checks and its
 * parser's callbacks about 20 µs, more than the rest of the answer; nginx and a bare node:http
 * server pay less, and the gap was what issue 27 measured. The front door reads each complete
 * request head in the bytes a connection sends: an ordinary GET or HEAD (HTTP/1.1, a Host, no
 * body, no condition, keep-alive) of a URL the fast path has cached gets the same bytes the
 * fast path would write (cache/fast-path.ts, `cached`), in one write. Anything else — a URL not
 * cached, a condition, a body, a head split across packets, anything unusual in a header — and
 * from then on the whole connection is Node's: the bytes not yet answered are put back, and
 * Node's own connection listener takes the socket as if it had just been accepted. The front
 * door never answers an error, so Node's limits and refusals stay the only ones.
 */
export function frontDoor(server: Server, fromCache: () => FromCache | undefined, logger: Logger): FrontDoor {
  // Node's http.Server reads a connection in its 'connection' listener: the front door takes
  // that place, and hands it the socket when a connection becomes Node's.
  const nodeListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const open = new Set<Socket>();
  let answered = 0;
  let closed = false;

  server.on('connection', (socket: Socket) => {
    const idle = () => socket.destroy();
    const failed = () => socket.destroy();
    const ended = () => socket.end();
    const handOver = (unread: Buffer) => {
      open.delete(socket);
      socket.removeListener('data', read);
      socket.removeListener('timeout', idle);
      socket.removeListener('error', failed);
      socket.removeListener('end', ended);
      socket.setTimeout(0);
      socket.pause();
      if (unread.length > 0) socket.unshift(unread);
      for (const listener of nodeListeners) listener.call(server, socket);
      socket.resume();
    };
    let keptAlive = false;
    const read = (chunk: Buffer) => {
      const answer = closed || server.maxRequestsPerSocket ? undefined : fromCache();
      let start = 0;
      if (answer) {
        socket.cork();
        try {
          while (start < chunk.length) {
            const end = chunk.indexOf('\r\n\r\n', start, 'latin1');
            if (end < 0 || end - start > MAX_HEAD || socket.writableLength > MAX_UNSENT) break;
            const asked = readHead(chunk.toString('latin1', start, end));
            const found = asked && answer(asked.url, asked.acceptEncoding);
            if (!found) break;
            socket.write(headOf(isClientId(asked.requestId) ? asked.requestId : undefined, found.lines, server.keepAliveTimeout));
            if (asked.method === 'GET') socket.write(found.body);
            answered += 1;
            start = end + 4;
          }
        } catch (error) {
          // Nothing of this request was written (the head is written whole or not at all): Node answers it.
          logger.error({ err: error }, 'The front door failed; Node answers instead');
        } finally {
          socket.uncork();
        }
      }
      if (start < chunk.length) handOver(start === 0 ? chunk : chunk.subarray(start));
      else if (!keptAlive) {
        // From the first answer on, the connection may stay idle as long as Node lets one (the
        // socket's timer restarts by itself on every read and write).
        keptAlive = true;
        socket.setTimeout(server.keepAliveTimeout);
      }
    };
    open.add(socket);
    socket.on('data', read);
    socket.on('error', failed);
    socket.on('end', ended);
    socket.on('close', () => open.delete(socket));
    socket.on('timeout', idle);
    socket.setTimeout(server.headersTimeout);
  });

  return {
    get answered() {
      return answered;
    },
    close() {
      closed = true;
      // Between its requests a connection the front door holds is idle: every answer is written whole.
      for (const socket of open) socket.end();
    },
  };
}

/** The request a head asks for, if it is one the front door may answer; else undefined. */
export function readHead(head: string): Asked | undefined {
  const ordinary = ORDINARY_HEAD.exec(head);
  if (!ordinary) return undefined;
  const headers = ordinary[3]!;
  if (NODE_ANSWERS.test(headers) || count(HOST, headers) !== 1) return undefined;
  const acceptEncoding = only(ACCEPT_ENCODING, headers);
  const requestId = only(REQUEST_ID, headers);
  if (acceptEncoding === null || requestId === null) return undefined;
  return { method: ordinary[1] as Asked['method'], url: ordinary[2]!, acceptEncoding, requestId };
}

/** How many times a global pattern occurs. */
function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.test(text)) n += 1;
  return n;
}

/** The value of a header sent at most once (undefined when absent), or null when sent twice. */
function only(pattern: RegExp, text: string): string | undefined | null {
  pattern.lastIndex = 0;
  const found = pattern.exec(text);
  if (!found) return undefined;
  return pattern.test(text) ? null : trimEnd(found[1]!);
}

/** The value without the spaces and tabs that end it (optional whitespace, RFC 9110). */
function trimEnd(value: string): string {
  let end = value.length;
  while (end > 0 && (value.charCodeAt(end - 1) === 0x20 || value.charCodeAt(end - 1) === 0x09)) end -= 1;
  return end === value.length ? value : value.slice(0, end);
}

const STATUS_LINE = Buffer.from('HTTP/1.1 200 OK\r\nX-Request-Id: ', 'latin1');
const CRLF = Buffer.from('\r\n', 'latin1');

/**
 * The head Node writes for the fast path's answer, byte for byte: the status, the request id
 * (the proxy's, or a new random UUID), the cached lines, then Node's own (Date, Connection,
 * Keep-Alive). One buffer and no string, so that an answer leaves next to nothing for the
 * garbage collector.
 */
function headOf(clientId: string | undefined, lines: Buffer, keepAliveTimeout: number): Buffer {
  const tail = nodeLines(keepAliveTimeout);
  const head = Buffer.allocUnsafe(STATUS_LINE.length + (clientId?.length ?? UUID_LENGTH) + CRLF.length + lines.length + tail.length);
  let at = STATUS_LINE.copy(head, 0);
  at += clientId === undefined ? writeUuid(head, at) : head.write(clientId, at, 'latin1');
  at += CRLF.copy(head, at);
  at += lines.copy(head, at);
  tail.copy(head, at);
  return head;
}

let tail: { until: number; keepAliveTimeout: number; bytes: Buffer } | undefined;

/** Node's own lines of a kept-alive answer, ending the head: made once a second, as Node makes its date. */
function nodeLines(keepAliveTimeout: number): Buffer {
  const now = Date.now();
  if (!tail || now >= tail.until || tail.keepAliveTimeout !== keepAliveTimeout) {
    const keepAlive = keepAliveTimeout ? `Keep-Alive: timeout=${Math.floor(keepAliveTimeout / 1000)}\r\n` : '';
    const text = `Date: ${new Date(now).toUTCString()}\r\nConnection: keep-alive\r\n${keepAlive}\r\n`;
    tail = { until: now - (now % 1000) + 1000, keepAliveTimeout, bytes: Buffer.from(text, 'latin1') };
  }
  return tail.bytes;
}

const UUID_LENGTH = 36;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Random bytes for request ids, drawn 256 ids at a time (as crypto.randomUUID draws its own). */
const entropy = Buffer.alloc(16 * 256);
let entropyAt = entropy.length;

/** Writes a random UUID (version 4, as crypto.randomUUID makes) at `at`, in 36 bytes; returns 36. */
export function writeUuid(into: Buffer, at: number): number {
  if (entropyAt === entropy.length) {
    randomFillSync(entropy);
    entropyAt = 0;
  }
  for (let i = 0; i < 16; i++) {
    let byte = entropy[entropyAt + i]!;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) into[at++] = 0x2d;
    into[at++] = HEX[byte >> 4]!;
    into[at++] = HEX[byte & 0x0f]!;
  }
  entropyAt += 16;
  return UUID_LENGTH;
}
