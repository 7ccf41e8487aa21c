import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const CLIENT_ID = /^[\w.-]{1,64}$/;

/** The request's id: the one a proxy sent in X-Request-Id when it looks like one, else a new one. */
export function requestId(req: IncomingMessage): string {
  return requestIdFrom(req.headers['x-request-id']);
}

/** The same, from the X-Request-Id header's value as sent (undefined when there is none). */
export function requestIdFrom(sent: string | string[] | undefined): string {
  return isClientId(sent) ? sent : randomUUID();
}

/** Whether an X-Request-Id a client sent is kept as the request's id. */
export function isClientId(sent: string | string[] | undefined): sent is string {
  return typeof sent === 'string' && CLIENT_ID.test(sent);
}

/**
 * One log line per request, and a request id on every line logged while it is answered
 * (req.log). An id sent by a proxy in X-Request-Id is kept when it looks like one; it is sent
 * back in X-Request-Id. Only method, path and status are logged: no cookies, no headers.
 */
export function requestLog(logger: Logger) {
  return pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    genReqId(req, res) {
      const id = requestId(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'req_id' },
    // req.log carries only the id; the access line carries the request too.
    quietReqLogger: true,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.length > 200 ? `${req.url.slice(0, 200)}…` : req.url }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || (res.statusCode >= 500 && !planned(res)) ? 'error' : 'info'),
    // The error handler logs an unexpected error once, with its cause; this line only says it ended.
    customErrorMessage: (_req, res) => (planned(res) ? 'request' : 'request failed'),
    // pino-http makes up an Error (with a stack) for any 5xx; a planned 503 is no failure.
    customErrorObject: (_req, res, _error, value: Record<string, unknown>) => (planned(res) ? { ...value, err: undefined } : value),
    customSuccessMessage: () => 'request',
  });
}

/** 503 is only ever answered on purpose, while the first start indexes (http/indexing.ts, /healthz). */
function planned(res: ServerResponse): boolean {
  return res.statusCode === 503;
}
