import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { errorPage } from '../render/pages.js';
import { langOf, pageContext, sendPage, type RouteDeps } from './context.js';

/** The last ordinary middleware: a real, localized 404 page. */
export function notFound(deps: RouteDeps): RequestHandler {
  return async (req, res) => {
    await sendError(deps, res, 404, langOf(req), req.path);
  };
}

/**
 * The error handler. Client errors (a malformed URL, a body too large) get their status and a
 * localized page; anything else is logged with its cause and answered 500 without details.
 */
export function errorHandler(deps: RouteDeps, logger: Logger): ErrorRequestHandler {
  return async (error, req, res, _next) => {
    const status = clientStatus(error) ?? 500;
    if (status === 500) logger.error({ err: error, url: req.originalUrl }, 'Unexpected error while answering a request');
    if (res.headersSent) return res.end();
    await sendError(deps, res, status, langOf(req), req.path).catch((renderError: unknown) => {
      logger.error({ err: renderError }, 'The error page itself failed; sent the plain fallback');
      fallback(res, status);
    });
  };
}

async function sendError(deps: RouteDeps, res: Response, status: number, lang: ReturnType<typeof langOf>, path: string): Promise<void> {
  const ctx = pageContext(deps, lang);
  await sendPage(res, 'error', errorPage(ctx, status, path), 'no-store', status);
}

function clientStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** A page that cannot fail: no template, no content, nothing from the request. */
function fallback(res: Response, status: number): void {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(`<!doctype html><html lang="ru"><meta charset="utf-8"><title>${status}</title><h1>${status}</h1><p><a href="/ru/">DKNews.kz</a></p></html>`);
}
