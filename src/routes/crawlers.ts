import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Article } from '../parse/types.js';
import type { PageContext } from '../render/context.js';
import type { Lang } from '../i18n/languages.js';
import { FEED_SIZE, rssFeed } from '../render/feed.js';
import { newsSitemap } from '../seo/news-sitemap.js';
import { publisher } from '../seo/publisher.js';
import { robotsTxt } from '../seo/robots.js';
import { contentLastModified, sitemapChild, sitemapIndex } from '../seo/sitemap.js';
import { lastChange } from '../seo/last-change.js';
import { authorArticles } from '../index/queries.js';
import { pageContext, type RouteDeps } from './context.js';
import type { Responder } from './respond.js';
import { paths } from '../paths.js';

const XML = 'application/xml; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

/** Sitemaps and robots.txt, at the site's root. */
export function crawlerRouter(deps: RouteDeps, respond: Responder): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const { cache, siteUrl } = { cache: deps.config.cache, siteUrl: deps.config.siteUrl };
  const index = () => deps.store.index;

  router.get(paths.robots, (req, res, next) =>
    respond.cached(req, res, next, { key: 'robots', cacheControl: cache.robots, build: () => ({ body: robotsTxt(siteUrl), type: 'text/plain; charset=utf-8' }), canonicalUrl: paths.robots }),
  );

  router.get(paths.sitemap, (req, res, next) =>
    respond.cached(req, res, next, { key: 'sitemap', cacheControl: cache.sitemap, build: async () => ({
      body: await sitemapIndex(index(), siteUrl),
      type: XML,
      lastModified: contentLastModified(index()),
    }), canonicalUrl: paths.sitemap }),
  );

  router.get('/sitemaps/:name.xml', (req, res, next) => {
    const name = req.params.name;
    if (!/^(ru|kk|en)-[a-z]+(-\d{1,5})?$/.test(name)) return next();
    return respond.cached(req, res, next, { key: `sitemaps/${name}`, cacheControl: cache.sitemap, build: async () => {
      const body = await sitemapChild(index(), siteUrl, name);
      return body === undefined ? undefined : { body, type: XML, lastModified: contentLastModified(index()) };
    }, canonicalUrl: paths.sitemapChild(name) });
  });

  router.get(paths.newsSitemap, (req, res, next) => {
    const now = deps.now();
    // The 48-hour window moves with the clock: one cached answer per minute at most, which the
    // fast path gives up at the end of its minute.
    const minute = Math.floor(now.getTime() / 60_000);
    return respond.cached(req, res, next, { key: `sitemap-news:${minute}`, cacheControl: cache.sitemap, build: () => ({
      body: newsSitemap(index(), siteUrl, now),
      type: XML,
      lastModified: contentLastModified(index()),
    }), canonicalUrl: paths.newsSitemap, until: new Date((minute + 1) * 60_000) });
  });

  return router;
}

/** RSS feeds of one language: /{lang}/rss.xml, /{lang}/topics/{topic}/rss.xml, /{lang}/authors/{id}/rss.xml. */
export function feedRouter(deps: RouteDeps, respond: Responder, lang: Lang): Router {
  const router = Router({ strict: true, caseSensitive: true });
  const siteUrl = deps.config.siteUrl;

  /** One feed, built on a cache miss: the page it belongs to and its articles, newest first. */
  const feed = (pagePath: string, feedPath: string, describe: (ctx: PageContext) => { title: string; description: string; articles: readonly Article[] }) =>
    (req: Request, res: Response, next: NextFunction) =>
      respond.cached(req, res, next, { key: feedPath, cacheControl: deps.config.cache.feed, build: async () => {
        const ctx = pageContext(deps, lang);
        const { title, description, articles } = describe(ctx);
        const { logoUrl } = publisher(siteUrl, ctx.asset);
        return {
          body: await rssFeed({ index: ctx.index, siteUrl, lang, title, description, pagePath, feedPath, articles, logoUrl, t: ctx.t }),
          type: RSS,
          lastModified: lastChange(articles),
        };
      }, canonicalUrl: feedPath });

  router.get(
    '/rss.xml',
    feed(paths.home(lang), paths.feed(lang), (ctx) => ({
      title: ctx.index.site.name[lang],
      description: ctx.index.site.description[lang],
      articles: ctx.index.list(lang, {}, 0, FEED_SIZE),
    })),
  );

  router.get('/authors/:author/rss.xml', (req, res, next) => {
    const id = req.params.author;
    const author = deps.store.index.authors.get(id);
    if (!author) return next();
    return feed(paths.author(lang, id), paths.authorFeed(lang, id), (ctx) => ({
      title: ctx.t('feed.author', { site: ctx.index.site.shortName[lang], name: author.name[lang] }),
      description: author.bio?.[lang] ?? ctx.t('author.description', { name: author.name[lang], role: author.role[lang] }),
      articles: authorArticles(ctx.index, lang, id, FEED_SIZE),
    }))(req, res, next);
  });

  router.get('/topics/:topic/rss.xml', (req, res, next) => {
    const id = req.params.topic;
    const topic = deps.store.index.topics.get(id);
    if (!topic) return next();
    return feed(paths.topic(lang, id), paths.topicFeed(lang, id), (ctx) => ({
      title: ctx.t('feed.topic', { site: ctx.index.site.shortName[lang], topic: topic.name[lang] }),
      description: topic.description[lang],
      articles: ctx.index.list(lang, { topic: id }, 0, FEED_SIZE),
    }))(req, res, next);
  });

  return router;
}
