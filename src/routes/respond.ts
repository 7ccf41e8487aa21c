import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { yearIn } from '../i18n/format.js';
import type { ContentIndex } from '../index/content-index.js';
import { FastPath } from '../cache/fast-path.js';
import { Representation, type AnswerHeaders } from '../cache/representation.js';
import { contentSecurityPolicy } from '../http/security.js';
import type { ResponseCache } from '../cache/response-cache.js';
import { sendRepresentation } from '../cache/send-representation.js';
import { PER_ANSWER } from '../http/answer-headers.js';
import { renderPage, type RouteDeps } from './context.js';

export interface Built {
  body: string;
  type: string;
  lastModified?: Date;
  /** Headers of this answer alone, kept with it (a page with embeds: its Content-Security-Policy). */
  headers?: AnswerHeaders;
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

/**
 * Answers cacheable GETs: built once per content version (and footer year), kept in the
 * response cache, sent with validators. `build` returning undefined means "not here": next().
 * An answer sent for its canonical URL teaches the fast path (cache/fast-path.ts) that URL,
 * with the headers the middleware set: from then on it is answered before Express runs.
 */
export function createResponder(deps: RouteDeps, cache: ResponseCache, queries: ResponseCache) {
  const caching = deps.config.env !== 'development';
  const version = cacheVersion(deps);
  const fastPath = new FastPath(version, () => deps.now());
  /** Answers being built now, by cache, content version and key. */
  const building = new Map<string, Promise<Representation | undefined>>();

  async function cached(req: Request, res: Response, next: NextFunction, { key, cacheControl, build, canonicalUrl, store = cache, until }: CachedAnswer) {
    const v = version();
    let rep = caching ? store.get(key, v) : undefined;
    if (!rep) {
      // Requests for an answer being built wait for it rather than build it again: fifty
      // readers arriving at once after an edit cost one rendering, not fifty.
      const flight = `${store === cache ? 'page' : 'query'}\n${v}\n${key}`;
      let pending = caching ? building.get(flight) : undefined;
      if (!pending) {
        pending = (async () => {
          const built = await build();
          return built && Representation.of(built.body, built.type, built.lastModified, built.headers);
        })();
        if (caching) {
          building.set(flight, pending);
          pending.finally(() => building.delete(flight)).catch(() => {});
        }
      }
      rep = await pending;
      if (!rep) return next();
      // Content may have changed while this was built (a search waits for its index): such an
      // answer is sent, not kept, lest it empty a cache that has moved on.
      if (caching && v === version() && !store.get(key, v)) store.set(key, v, rep);
    }
    if (caching && canonicalUrl !== undefined && req.originalUrl === canonicalUrl && (req.method === 'GET' || req.method === 'HEAD')) {
      const headers = Object.fromEntries(Object.entries(res.getHeaders()).filter(([name]) => !PER_ANSWER.has(name)));
      fastPath.learn(canonicalUrl, { key, store, cacheControl, headers, until }, store === cache ? 'page' : 'query');
    }
    sendRepresentation(req, res, rep, cacheControl);
  }

  return {
    cached,
    /** Answers a request from the cache if it can, before Express; false means "let Express answer". */
    fast: (req: IncomingMessage, res: ServerResponse) => fastPath.answer(req, res),
    /** The cached 200 answer to an unconditional GET or HEAD of `url`, for the front door (http/front-door.ts). */
    fromCache: (url: string, acceptEncoding: string | undefined) => fastPath.cached(url, acceptEncoding),
    /**
     * A page from a view model; undefined from `model` is a 404. `until`: when the page goes
     * stale by the clock alone (the home page's «most read»); the key must change with it.
     */
    page(req: Request, res: Response, next: NextFunction, { key, view, model, canonicalUrl, until }: PageAnswer & { model: () => (object & { lastModified?: Date; frameOrigins?: readonly string[] }) | undefined; until?: Date }) {
      const build = async () => {
        const m = model();
        // A page with embeds may frame its providers (after the reader's click): its own policy.
        const headers = m?.frameOrigins?.length ? { 'content-security-policy': contentSecurityPolicy(deps.config.siteUrl, deps.config.apiOrigin, m.frameOrigins) } : undefined;
        return m && { body: await renderPage(res.app, view, m), type: 'text/html; charset=utf-8', lastModified: m.lastModified, headers };
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

/**
 * The caches' version: the content version and the footer's year. The same string is given
 * back until either changes, so that the fast path makes none per request and the cache
 * compares it by identity.
 */
function cacheVersion(deps: RouteDeps): () => string {
  let last: { index: ContentIndex; year: number; value: string } | undefined;
  return () => {
    const index = deps.store.index;
    const year = yearIn(deps.now());
    if (last?.index !== index || last.year !== year) last = { index, year, value: `${index.version}:${year}` };
    return last.value;
  };
}
