import type { RequestHandler } from 'express';
import type { ContentStore } from '../sync/store.js';
import { LANGS } from '../i18n/languages.js';

/** Liveness and the content version, for load balancers and editors. Never cached. */
export function health(store: ContentStore): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'no-store');
    // Alive, but nothing indexed yet (a first start): not ready for readers.
    if (!store.ready) return void res.status(503).json({ status: 'indexing', content: { indexing: true } });
    const index = store.index;
    res.json({
      status: 'ok',
      content: {
        version: index.version,
        indexing: store.indexing,
        articles: Object.fromEntries(LANGS.map((lang) => [lang, index.count(lang)])),
        problems: index.problems.length,
      },
    });
  };
}
