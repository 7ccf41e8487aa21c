import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { clientStatus, errorPageOf, HttpError } from '../http/http-error.js';
import { plainPage } from '../http/plain-page.js';
import { errorPage } from '../render/pages.js';
import { langOf } from '../http/lang-of.js';
import { pageContext, sendPage, type RouteDeps } from './context.js';

/** The last ordinary middleware: a real, localized 404 page. */
export function notFound(deps: RouteDeps): RequestHandler {
  return async (req, res) => {
    await sendError(deps, res, 404, langOf(req));
  };
}

/**
 * The error handler. Client errors (a malformed URL, a body too large) get their status and a
 * localized page; anything else is logged with its cause and answered 500 without details.
 */
export function errorHandler(deps: RouteDeps, logger: Logger): ErrorRequestHandler {
  return async (error, req, res, _next) => {
    const status = clientStatus(error) ?? 500;
    // req.log carries the request id (http/request-log.ts); logger is for requests that bypassed it.
    if (status === 500) (req.log ?? logger).error({ err: error, url: req.originalUrl }, 'Unexpected error while answering a request');
    if (res.headersSent) return res.end();
    if (error instanceof HttpError) res.set(error.headers);
    await sendError(deps, res, status, langOf(req)).catch((renderError: unknown) => {
      logger.error({ err: renderError }, 'The error page itself failed; sent the plain fallback');
      fallback(res, status, deps, langOf(req));
    });
  };
}

async function sendError(deps: RouteDeps, res: Response, status: number, lang: ReturnType<typeof langOf>): Promise<void> {
  const ctx = pageContext(deps, lang);
  await sendPage(res, { view: 'error', model: errorPage(ctx, status), cacheControl: 'no-store', status });
}

/** The plain page, in the request's language when the strings can still be had. */
function fallback(res: Response, status: number, deps: RouteDeps, lang: ReturnType<typeof langOf>): void {
  const known = errorPageOf(status);
  let title = `${status}`;
  let text = '';
  try {
    const t = deps.i18n.getFixedT(lang);
    [title, text] = [t(`error.${known}.title`), t(`error.${known}.text`)];
  } catch {
    // Even the strings failed: the status alone is still an answer.
  }
  res.status(status).set('Cache-Control', 'no-store').type('html').send(plainPage(lang, title, text));
}
