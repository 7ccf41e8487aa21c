import type { RequestHandler } from 'express';
import type { i18n } from 'i18next';
import type { ContentStore } from '../sync/store.js';
import { langOf } from './lang-of.js';
import { plainPage } from './plain-page.js';

/** Seconds a reader (or crawler) is asked to wait while a first start indexes. */
const RETRY_AFTER = 5;

/**
 * A first start, before anything is indexed: every page answers 503 with Retry-After and a
 * short page in the reader's language, at once, rather than hang. Once the first batch is in,
 * the site serves what is indexed so far.
 */
export function whileIndexing(store: ContentStore, i18n: i18n): RequestHandler {
  return (req, res, next) => {
    if (store.ready) return next();
    const lang = langOf(req);
    const t = i18n.getFixedT(lang);
    res.status(503).set({ 'Retry-After': String(RETRY_AFTER), 'Cache-Control': 'no-store' }).type('html').send(plainPage(lang, t('error.503.title'), t('error.503.text')));
  };
}
