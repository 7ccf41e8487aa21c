import { Router, type ErrorRequestHandler, type Response } from 'express';
import { isbot } from 'isbot';
import type { Logger } from 'pino';
import { isLang } from '../i18n/languages.js';
import { visitorOf } from '../counter/view-counter.js';
import { clientStatus } from '../http/http-error.js';
import type { RouteDeps } from './context.js';

/** The API takes no request bodies; anything larger than this is refused unread. */
const MAX_BODY = 1024;

function json(res: Response, status: number, body: object): void {
  res.status(status).set('Cache-Control', 'no-store').json(body);
}

/**
 * POST /api/views/{lang}/{slug}: counts one view of an article and answers {"views": N}, the
 * figure to show. Bots and a repeat from one reader (address and User-Agent) within 30 minutes
 * are not counted.
 * Pages never wait for this: a deferred script posts after the page is shown. Pages of a
 * static export at SITE_URL post here from another origin (npm run export -- --api-origin):
 * the answer lets SITE_URL read it. The POST has no body and no custom header, so it is a
 * simple request and needs no preflight.
 */
export function apiRouter(deps: RouteDeps, logger: Logger): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const siteOrigin = new URL(deps.config.siteUrl).origin;

  router.post('/views/:lang/:slug', async (req, res) => {
    res.set('Access-Control-Allow-Origin', siteOrigin);
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] || !(length <= MAX_BODY)) return json(res, 413, { error: 'body_too_large' });
    // No body is needed. One that is sent must be small JSON: anything else is a client's mistake.
    if (length > 0) {
      if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return json(res, 415, { error: 'unsupported_media_type' });
      if (!isJson(await readBody(req))) return json(res, 400, { error: 'malformed_json' });
    }
    const { lang, slug } = req.params;
    const article = isLang(lang) ? deps.store.index.article(lang, slug) : undefined;
    if (!article) return json(res, 404, { error: 'not_found' });
    const agent = req.get('user-agent') ?? '';
    // A client that does not say what it is, is not a reader's browser.
    if (!agent || isbot(agent)) return json(res, 200, { views: article.views + deps.counter.counted(slug), counted: false });
    // One reader is an address and a browser: readers sharing a carrier's or an office's address count apart.
    const { total, counted } = await deps.counter.record(slug, visitorOf(req.ip ?? req.socket.remoteAddress ?? '', agent));
    return json(res, 200, { views: article.views + total, counted });
  });

  router.all('/views/:lang/:slug', (_req, res) => {
    res.set('Allow', 'POST');
    json(res, 405, { error: 'method_not_allowed' });
  });

  router.use((_req, res) => json(res, 404, { error: 'not_found' }));

  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const status = clientStatus(error) ?? 500;
    if (status === 500) logger.error({ err: error, url: req.originalUrl }, 'Unexpected error in the API');
    json(res, status, { error: status === 500 ? 'internal' : 'bad_request' });
  };
  router.use(errors);
  return router;
}

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
