import type { RequestHandler } from 'express';
import type { ContentStore } from '../content/store.js';
import { LANGS } from '../i18n/languages.js';

/** Liveness and the content version, for load balancers and editors. Never cached. */
export function health(store: ContentStore): RequestHandler {
  return (_req, res) => {
    const index = store.index;
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      content: {
        version: index.builtAt.toISOString(),
        articles: Object.fromEntries(LANGS.map((lang) => [lang, index.langs[lang].articles.length])),
        problems: index.problems.length,
      },
    });
  };
}
