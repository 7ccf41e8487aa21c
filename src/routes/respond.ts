import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { yearIn } from '../i18n/format.js';
import { Representation, type Encoding } from '../cache/representation.js';
import type { ResponseCache } from '../cache/response-cache.js';
import { requestId } from '../http/request-log.js';
import { headOf, isConditional, negotiate, sendRepresentation } from '../cache/send-representation.js';
import { renderPage, type RouteDeps } from './context.js';

export interface Built {
  body: string;
  type: string;
  lastModified?: Date;
}

/** Headers that belong to one answer, not to the resource: never replayed by the fast path. */
const PER_ANSWER = new Set(['x-request-id', 'content-length', 'content-encoding', 'etag', 'last-modified', 'vary', 'content-type', 'cache-control']);

interface FastRoute {
  key: string;
  /** The cache the answer is kept in. */
  store: ResponseCache;
  cacheControl: string;
  /** The headers the middleware in front of the route set (helmet's and ours), as they were. */
  headers: OutgoingHttpHeaders;
  /** When the answer stops being current by the clock alone (the news sitemap's window), in ms. */
  until?: number;
  /** The full heads of the 200 answers for the representation last sent, by encoding. */
  heads?: { rep: Representation; byEncoding: Partial<Record<Encoding, string[]>> };
}

/** What respond.cached answers with. */
export interface CachedAnswer {
  /** The answer's key in its cache (the content version is added). */
  key: string;
  cacheControl: string;
  /** Makes the answer on a cache miss; undefined means "not here": next(). */
  build: () => Promise<Built | undefined> | Built | undefined;
  /** The URL the answer is canonical for: the fast path answers it (byte for byte) from then on. */
  canonicalUrl?: string;
  /** The cache it is kept in: the site's pages' by default. */
  store?: ResponseCache;
  /** When the answer stops being current by the clock alone, whatever the content version. */
  until?: Date;
}

/** A page from a view model (respond.page, respond.query). */
export interface PageAnswer {
  key: string;
  /** The template under views/pages/. */
  view: string;
  canonicalUrl?: string;
}

/** Search URLs the fast path knows at most; the least recently answered are forgotten. */
const KNOWN_QUERY_URLS = 1000;

/**
 * Answers cacheable GETs: built once per content version (and footer year), kept in the
 * response cache, sent with validators. `build` returning undefined means "not here": next().
 *
 * The fast path: once Express has answered a URL from the cache, the same URL (byte for byte)
 * is answered from the cache before Express runs at all, with the headers Express's middleware
 * set the first time. It knows only URLs a route called canonical, so junk query strings never
 * grow it, and it steps aside (returns false) whenever the cache has no current entry.
 */
export function createResponder(deps: RouteDeps, cache: ResponseCache, queries: ResponseCache) {
  const caching = deps.config.env !== 'development';
  const fastRoutes = new Map<string, FastRoute>();
  /** Fast routes of queries (search): any number of URLs, so only the most recent are known. */
  const queryRoutes = new Map<string, FastRoute>();

  function version(): string {
    return `${deps.store.index.version}:${yearIn(deps.now())}`;
  }

  async function cached(req: Request, res: Response, next: NextFunction, { key, cacheControl, build, canonicalUrl, store = cache, until }: CachedAnswer) {
    const v = version();
    let rep = caching ? store.get(key, v) : undefined;
    if (!rep) {
      const built = await build();
      if (!built) return next();
      rep = new Representation(built.body, built.type, built.lastModified);
      // Content may have changed while this was built (a search waits for its index): such an
      // answer is sent, not kept, lest it empty a cache that has moved on.
      if (caching && v === version()) store.set(key, v, rep);
    }
    if (caching && canonicalUrl !== undefined && req.originalUrl === canonicalUrl && (req.method === 'GET' || req.method === 'HEAD')) {
      const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !PER_ANSWER.has(name)));
      const routes = store === cache ? fastRoutes : queryRoutes;
      routes.delete(canonicalUrl);
      routes.set(canonicalUrl, { key, store, cacheControl, headers, until: until?.getTime() });
      if (queryRoutes.size > KNOWN_QUERY_URLS) queryRoutes.delete(queryRoutes.keys().next().value!);
    }
    sendRepresentation(req, res, rep, cacheControl);
  }

  /** Answers a request from the cache if it can, before Express; false means "let Express answer". */
  function fast(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const route = fastRoutes.get(req.url ?? '') ?? queryRoutes.get(req.url ?? '');
    if (!route || (route.until !== undefined && deps.now().getTime() >= route.until)) return false;
    const rep = route.store.get(route.key, version());
    if (!rep) return false;
    if (isConditional(req)) {
      // Rare enough to take the general way: the same headers, then sendRepresentation's 304 logic.
      res.setHeader('X-Request-Id', requestId(req));
      for (const [name, value] of Object.entries(route.headers)) if (value !== undefined) res.setHeader(name, value);
      sendRepresentation(req, res, rep, route.cacheControl);
      return true;
    }
    // The common case costs one lookup and one write: the head was put together the first time.
    const encoding = rep.compressible ? negotiate(req.headers['accept-encoding']) : 'identity';
    if (route.heads?.rep !== rep) route.heads = { rep, byEncoding: {} };
    const head = (route.heads.byEncoding[encoding] ??= headOf(rep, encoding, route.cacheControl, route.headers));
    res.writeHead(200, ['X-Request-Id', requestId(req), ...head]);
    res.end(req.method === 'HEAD' ? undefined : rep.body(encoding));
    return true;
  }

  return {
    cached,
    fast,
    /**
     * A page from a view model; undefined from `model` is a 404. `until`: when the page goes
     * stale by the clock alone (the home page's «most read»); the key must change with it.
     */
    page(req: Request, res: Response, next: NextFunction, { key, view, model, canonicalUrl, until }: PageAnswer & { model: () => (object & { lastModified?: Date }) | undefined; until?: Date }) {
      const build = async () => {
        const m = model();
        return m && { body: await renderPage(res.app, view, m), type: 'text/html; charset=utf-8', lastModified: m.lastModified };
      };
      return cached(req, res, next, { key, cacheControl: deps.config.cache.page, build, canonicalUrl, until });
    },
    /**
     * An answer to a reader's query (search): kept in a cache of its own, so that a flood of
     * different queries can only push out other queries, never the site's pages.
     */
    query(req: Request, res: Response, next: NextFunction, { key, view, model, canonicalUrl }: PageAnswer & { model: () => Promise<object | undefined> }) {
      const build = async () => {
        const m = await model();
        return m && { body: await renderPage(res.app, view, m), type: 'text/html; charset=utf-8' };
      };
      return cached(req, res, next, { key, cacheControl: deps.config.cache.search, build, canonicalUrl, store: queries });
    },
  };
}

export type Responder = ReturnType<typeof createResponder>;
