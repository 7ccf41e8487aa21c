import type { Request, RequestHandler, Response } from 'express';
import type { i18n } from 'i18next';
import type { ContentStore } from '../sync/store.js';
import { langOf } from './lang-of.js';
import { plainPage } from './plain-page.js';

/** Seconds a reader (or crawler) is asked to wait while a first start indexes. */
const RETRY_AFTER = 5;

/**
 * Answers that a partial index would get wrong: lists (all news, topics, authors), search,
 * feeds and sitemaps, which would miss what is not indexed yet.
 */
const PARTIAL = /^\/(?:sitemap\.xml|sitemap-news\.xml|sitemaps\/.*|(?:ru|kk|en)\/(?:news|topics(?:\/.*)?|authors(?:\/.*)?|search|rss\.xml))$/;

/**
 * A first start, whose index is served while it grows: before anything is indexed every page
 * answers 503 with Retry-After and a short page in the reader's language, at once, rather than
 * hang; then what is indexed so far is served, but lists, search, feeds and sitemaps still
 * answer 503, as they would be partial (a crawler must not take a short sitemap for the site).
 * A rebuild beside a complete index is never seen here: the complete one serves.
 */
export function whileIndexing(store: ContentStore, i18n: i18n): RequestHandler {
  return (req, res, next) => {
    if (store.ready && (store.complete || !PARTIAL.test(req.path))) return next();
    notYet(req, res, i18n);
  };
}

/**
 * Placed before the 404 handler: while a first start indexes, a page not found may be an
 * article not indexed yet (or an old path of one). It answers 503, never 404, which would
 * tell search engines that the page is gone.
 */
export function notIndexedYet(store: ContentStore, i18n: i18n): RequestHandler {
  return (req, res, next) => {
    if (store.complete) return next();
    notYet(req, res, i18n);
  };
}

function notYet(req: Request, res: Response, i18n: i18n): void {
  const lang = langOf(req);
  const t = i18n.getFixedT(lang);
  res.status(503).set({ 'Retry-After': String(RETRY_AFTER), 'Cache-Control': 'no-store' }).type('html').send(plainPage(lang, t('error.503.title'), t('error.503.text')));
}
