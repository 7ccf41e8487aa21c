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
    const building = store.building;
    res.json({
      status: 'ok',
      content: {
        version: index.version,
        indexing: store.indexing,
        // A first start's index, served while it grows, is not complete; a rebuild beside a complete one is `building`.
        ...(store.complete ? {} : { complete: false }),
        ...(building ? { building: { reason: building.reason, files: building.files, total: building.total } } : {}),
        articles: Object.fromEntries(LANGS.map((lang) => [lang, index.count(lang)])),
        problems: index.problems.length,
      },
    });
  };
}
