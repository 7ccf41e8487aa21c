import { Router, type Request, type Response } from 'express';
import type { Lang } from '../i18n/languages.js';
import { articlePage, authorPage, homePage, topicPage, topicsPage } from '../render/pages.js';
import { pageContext, sendPage, type RouteDeps } from './context.js';

/** Page number from ?page=: absent is 1; anything but a plain positive number is not a page. */
function pageNumber(req: Request): number | undefined {
  const raw = req.query.page;
  if (raw === undefined) return 1;
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The pages of one language, mounted at /{lang}. Thin: look up in the index, build a view
 * model, render. Anything not found falls through to the 404 handler.
 */
export function pageRouter(deps: RouteDeps, lang: Lang): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const cache = deps.config.cache.page;
  const send = (res: Response, view: string, model: object | undefined, next: () => void) =>
    model ? sendPage(res, view, model, cache) : next();

  router.get('/', (req, res, next) => {
    const page = pageNumber(req);
    return send(res, 'home', page === undefined ? undefined : homePage(pageContext(deps, lang), page), next);
  });

  router.get('/news/:slug', (req, res, next) => {
    const ctx = pageContext(deps, lang);
    const article = ctx.index.langs[lang].bySlug.get(req.params.slug);
    return send(res, 'article', article && articlePage(ctx, article), next);
  });

  router.get('/topics', (_req, res) => sendPage(res, 'topics', topicsPage(pageContext(deps, lang)), cache));

  router.get('/topics/:topic', (req, res, next) => {
    const page = pageNumber(req);
    return send(res, 'list', page === undefined ? undefined : topicPage(pageContext(deps, lang), req.params.topic, page), next);
  });

  router.get('/authors/:author', (req, res, next) => {
    const page = pageNumber(req);
    return send(res, 'list', page === undefined ? undefined : authorPage(pageContext(deps, lang), req.params.author, page), next);
  });

  return router;
}
