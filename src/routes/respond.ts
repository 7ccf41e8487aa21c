import type { NextFunction, Request, Response } from 'express';
import type { ContentIndex } from '../content/build-index.js';
import { yearIn } from '../i18n/format.js';
import { Representation, type Encoding } from '../http/representation.js';
import type { ResponseCache } from '../http/response-cache.js';
import { renderPage, type RouteDeps } from './context.js';

export interface Built {
  body: string;
  type: string;
  lastModified?: Date;
}

/** Which encoding to send: brotli if accepted (smallest), else gzip, else identity. */
function negotiate(req: Request): Encoding {
  if (req.acceptsEncodings('br') === 'br') return 'br';
  if (req.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  return 'identity';
}

/**
 * Sends a representation with everything a cache needs: Content-Encoding by Accept-Encoding,
 * Vary, a strong ETag and Last-Modified, and 304 for a matching conditional request.
 */
export function sendRepresentation(req: Request, res: Response, rep: Representation, cacheControl: string): void {
  const encoding = rep.compressible ? negotiate(req) : 'identity';
  res.setHeader('Content-Type', rep.type);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', rep.etag(encoding));
  if (rep.lastModified) res.setHeader('Last-Modified', rep.lastModified.toUTCString());
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const body = rep.body(encoding);
  res.status(200).setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const serials = new WeakMap<ContentIndex, number>();
let nextSerial = 1;

/**
 * Answers cacheable GETs: built once per content version (and footer year), kept in the
 * response cache, sent with validators. `build` returning undefined means "not here": next().
 */
export function createResponder(deps: RouteDeps, cache: ResponseCache) {
  const caching = deps.config.env !== 'development';

  function version(): string {
    const index = deps.store.index;
    let serial = serials.get(index);
    if (serial === undefined) serials.set(index, (serial = nextSerial++));
    return `${serial}:${yearIn(deps.now())}`;
  }

  async function cached(req: Request, res: Response, next: NextFunction, key: string, cacheControl: string, build: () => Promise<Built | undefined> | Built | undefined) {
    const v = version();
    let rep = caching ? cache.get(key, v) : undefined;
    if (!rep) {
      const built = await build();
      if (!built) return next();
      rep = new Representation(built.body, built.type, built.lastModified);
      if (caching) cache.set(key, v, rep);
    }
    const before = rep.size;
    sendRepresentation(req, res, rep, cacheControl);
    if (caching && rep.size !== before) cache.grew(key, before);
  }

  return {
    cached,
    /** A page from a view model; undefined from `model` is a 404. */
    page(req: Request, res: Response, next: NextFunction, key: string, view: string, model: () => (object & { lastModified?: Date }) | undefined) {
      return cached(req, res, next, key, deps.config.cache.page, async () => {
        const m = model();
        return m && { body: await renderPage(res.app, view, m), type: 'text/html; charset=utf-8', lastModified: m.lastModified };
      });
    },
  };
}

export type Responder = ReturnType<typeof createResponder>;
