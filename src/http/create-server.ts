import { createServer as createHttpServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface ServerOptions {
  logger: Logger;
  /** The page to send when Node itself refuses a request, before the app sees it. */
  refusalPage: (status: number) => string;
}

/** Request heads up to this size reach the app; a longer URL then gets the app's own 414. */
export const MAX_HEADER_BYTES = 128 * 1024;

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * The HTTP server around the app, with timeouts that keep slow or idle clients from holding
 * sockets, and an answer of our own (a localized page, security headers, no details) for
 * requests Node refuses before the app: oversized or malformed heads, timeouts.
 */
/** The fast path's answer; an error in it is logged and Express answers instead, while it still can. */
function fastOrNot(fast: (req: IncomingMessage, res: ServerResponse) => boolean, req: IncomingMessage, res: ServerResponse, logger: Logger): boolean {
  try {
    return fast(req, res);
  } catch (error) {
    logger.error({ err: error, url: req.url }, 'Fast path failed; answering through the app');
    if (!res.headersSent) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      return false;
    }
    res.destroy();
    return true;
  }
}

export function createServer(app: RequestListener & { fastPath?: (req: IncomingMessage, res: ServerResponse) => boolean }, { logger, refusalPage }: ServerOptions): Server {
  // A cached answer goes out before Express's per-request work; everything else goes through it.
  const listener: RequestListener = app.fastPath ? (req, res) => void (fastOrNot(app.fastPath!, req, res, logger) || app(req, res)) : app;
  const server = createHttpServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, listener);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // The client hung up (a closed keep-alive connection, a load tester stopping): nothing to
    // answer and nothing wrong; a warning per connection would drown the log.
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logger.warn({ code: error.code, status, remote: socket.remoteAddress }, 'Refused a request Node could not read');
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const body = refusalPage(status);
    socket.end(
      [
        `HTTP/1.1 ${status} ${REASONS[status]}`,
        'Content-Type: text/html; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Content-Security-Policy: default-src 'none'; style-src 'self'; frame-ancestors 'none'",
        'X-Content-Type-Options: nosniff',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
  return server;
}
