import { Router, type Request } from 'express';
import type { Lang } from '../i18n/languages.js';
import { articlePage } from '../render/article-page.js';
import { authorsPage } from '../render/author-pages.js';
import { homePage } from '../render/home-page.js';
import { authorPage, homeListPage, newsPage, topicPage, topicsPage } from '../render/pages.js';
import { staticPage } from '../render/static-page.js';
import { searchPage } from '../render/search-page.js';
import { normalizeQuery } from '../search/search-index.js';
import { pageContext, sendPage, type RouteDeps } from './context.js';
import { isPreviewToken, previewPath } from '../preview.js';
import { absoluteUrl } from '../seo/urls.js';
import type { Responder } from './respond.js';
import { paths } from '../paths.js';

/** «Самое читаемое» follows the readers: the front page is made again at least this often. */
const MOST_READ_MS = 5 * 60 * 1000;

/** Page number from ?page=: absent is 1; anything but a plain positive number is not a page. */
function pageNumber(req: Request): number | undefined {
  const raw = req.query.page;
  if (raw === undefined) return 1;
  return typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The pages of one language, mounted at /{lang}. Thin: look up in the index, build a view
 * model, render. Anything not found falls through to the 404 handler. Cache keys are built
 * from the checked parts of the request only, so junk query parameters share one entry.
 */
export function pageRouter(deps: RouteDeps, respond: Responder, lang: Lang): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const ctx = () => pageContext(deps, lang);

  router.get('/', (req, res, next) => {
    const page = pageNumber(req);
    if (page === undefined) return next();
    if (page > 1) return respond.page(req, res, next, { key: `${paths.home(lang)}?${page}`, view: 'list', model: () => homeListPage(ctx(), page), canonicalUrl: paths.home(lang, page) });
    // «Most read» moves with the views: the front page is made again every five minutes at least.
    const slot = Math.floor(deps.now().getTime() / MOST_READ_MS);
    return respond.page(req, res, next, { key: `${paths.home(lang)}:${slot}`, view: 'home', model: () => homePage(ctx()), canonicalUrl: paths.home(lang), until: new Date((slot + 1) * MOST_READ_MS) });
  });

  router.get('/news', (req, res, next) => {
    const page = pageNumber(req);
    if (page === undefined) return next();
    return respond.page(req, res, next, { key: `${paths.news(lang)}?${page}`, view: 'list', model: () => newsPage(ctx(), page), canonicalUrl: paths.news(lang, page) });
  });

  router.get('/news/:slug', (req, res, next) => {
    const article = deps.store.index.article(lang, req.params.slug);
    if (!article) return next();
    // Drafts are shown only in development: their banner gives the secret preview link to send on.
    const previewHref = article.draft && deps.previewSecret ? absoluteUrl(deps.config.siteUrl, previewPath(deps.previewSecret, lang, article.slug)) : undefined;
    return respond.page(req, res, next, { key: article.path, view: 'article', model: () => articlePage(ctx(), article, { previewHref }), canonicalUrl: article.path });
  });

  // A draft (or an article not yet published) on its secret URL, exactly as it will look: for
  // the editor's eyes only, never cached anywhere. A wrong or old token is the plain 404 of a
  // missing page; a token of an article published since leads to it.
  router.get('/preview/:slug/:token', async (req, res, next) => {
    const { slug, token } = req.params;
    if (!deps.previewSecret || !isPreviewToken(deps.previewSecret, lang, slug, token)) return next();
    const article = deps.store.index.unpublished(lang, slug);
    if (!article) {
      const published = deps.store.index.article(lang, slug);
      return published ? res.set('Cache-Control', 'private, no-store').redirect(302, published.path) : next();
    }
    res.set('X-Robots-Tag', 'noindex, nofollow');
    await sendPage(res, { view: 'article', model: articlePage(ctx(), article, { preview: true }), cacheControl: 'private, no-store' });
  });

  router.get('/topics', (req, res, next) => respond.page(req, res, next, { key: paths.topics(lang), view: 'topics', model: () => topicsPage(ctx()), canonicalUrl: paths.topics(lang) }));

  router.get('/topics/:topic', (req, res, next) => {
    const page = pageNumber(req);
    const topic = req.params.topic;
    if (page === undefined || !deps.store.index.topics.has(topic)) return next();
    return respond.page(req, res, next, { key: `${paths.topic(lang, topic)}?${page}`, view: 'list', model: () => topicPage(ctx(), topic, page), canonicalUrl: paths.topic(lang, topic, page) });
  });

  router.get('/authors', (req, res, next) => respond.page(req, res, next, { key: paths.authors(lang), view: 'authors', model: () => authorsPage(ctx()), canonicalUrl: paths.authors(lang) }));

  router.get('/authors/:author', (req, res, next) => {
    const page = pageNumber(req);
    const author = req.params.author;
    if (page === undefined || !deps.store.index.authors.has(author)) return next();
    return respond.page(req, res, next, { key: `${paths.author(lang, author)}?${page}`, view: 'list', model: () => authorPage(ctx(), author, page), canonicalUrl: paths.author(lang, author, page) });
  });

  // Keyed by the query as read (normalized) and the page: spellings that read the same share one entry.
  router.get('/search', (req, res, next) => {
    const page = pageNumber(req);
    if (page === undefined) return next();
    const query = normalizeQuery(req.query.q);
    // The fast path learns this very URL (as a form sends it, + for spaces, or as our links
    // write it) when it says nothing but the query as read and the page: never junk parameters.
    const plain = Object.keys(req.query).every((name) => name === 'q' || (name === 'page' && page > 1)) && req.query.q === query && query !== '';
    return respond.query(req, res, next, { key: `${paths.search(lang)}?${page}&${query}`, view: 'search', model: () => searchPage(ctx(), query, page), canonicalUrl: plain ? req.originalUrl : undefined });
  });

  // Static pages (about, contacts…), last: any other section's path is taken first.
  router.get('/:slug', (req, res, next) => {
    const page = deps.store.index.pages[lang].get(req.params.slug);
    if (!page) return next();
    return respond.page(req, res, next, { key: page.path, view: 'static', model: () => staticPage(ctx(), page), canonicalUrl: page.path });
  });

  return router;
}
