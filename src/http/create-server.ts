import { createServer as createHttpServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestListener } from 'node:http';
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
 * requests Node refuses before the app: oversized or malformed heads, timeouts. Without `app`,
 * the caller adds its 'request' listener in listen's callback, which runs before any request.
 */
export function createServer(app: RequestListener | undefined, { logger, refusalPage }: ServerOptions): Server {
  const server = createHttpServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }, app);
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
