import type { TFunction } from 'i18next';
import type { ListOf } from '../index/content-index.js';
import type { Lang } from '../i18n/languages.js';
import { LANGS } from '../i18n/languages.js';
import { homeStructuredData } from '../seo/structured-data.js';
import { breadcrumbs } from './breadcrumbs.js';
import { cardView, type CardView } from './cards.js';
import { countText, type PageContext } from './context.js';
import { layoutView, publisher, type LayoutView, type PageMeta } from './layout.js';
import { paginate, type PaginationView } from './pagination.js';

/** What every page template gets: the layout and its own data. */
export interface PageView<T> {
  layout: LayoutView;
  page: T;
  /** UI strings of the page's language, for the templates' labels. */
  t: TFunction;
  /** When the content shown last changed, for Last-Modified. */
  lastModified?: Date;
}


/** The same path in every language: for pages that exist in all of them. */
export function everyLanguage(path: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(LANGS.map((lang) => [lang, path(lang)]));
}

export interface ListPage {
  heading: string;
  intro?: string;
  /** On the home page's first page, the newest story shown large. */
  lead?: CardView;
  cards: CardView[];
  pagination: PaginationView;
  empty: string;
}

/** A paginated list of articles: home, topic or author page. Undefined when the page is past the end. */
function listPage(
  ctx: PageContext,
  of: ListOf,
  pageNumber: number,
  basePath: string,
  meta: Pick<PageMeta, 'description' | 'alternates' | 'structuredData' | 'feeds' | 'problemsOf'> & { title?: string; heading: string; intro?: string; leadStory?: boolean },
): PageView<ListPage> | undefined {
  const page = paginate(ctx.index.count(ctx.lang, of), pageNumber, ctx.pageSize, basePath, (offset, limit) => ctx.index.list(ctx.lang, of, offset, limit));
  if (!page) return undefined;
  const cards = page.items.map((a) => cardView(ctx, a));
  const lead = meta.leadStory && pageNumber === 1 ? cards.shift() : undefined;
  const suffix = pageNumber > 1 ? ` — ${ctx.t('pagination.page', { page: pageNumber })}` : '';
  return {
    layout: layoutView(ctx, {
      path: pageNumber > 1 ? `${basePath}?page=${pageNumber}` : basePath,
      title: meta.title === undefined ? (suffix ? `${meta.heading}${suffix}` : undefined) : `${meta.title}${suffix}`,
      description: meta.description,
      alternates: meta.alternates,
      structuredData: meta.structuredData,
      feeds: meta.feeds,
      problemsOf: meta.problemsOf,
      prev: page.pagination.prev,
      next: page.pagination.next,
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(ctx.lang, of),
    page: { heading: meta.heading, intro: meta.intro, lead, cards, pagination: page.pagination, empty: ctx.t('list.empty') },
  };
}

export function homePage(ctx: PageContext, pageNumber: number): PageView<ListPage> | undefined {
  const lang = ctx.lang;
  return listPage(ctx, {}, pageNumber, `/${lang}/`, {
    heading: ctx.t('home.heading'),
    description: ctx.index.site.description[lang],
    alternates: everyLanguage((l) => `/${l}/`),
    leadStory: true,
    problemsOf: 'all',
    structuredData: homeStructuredData(ctx.index, lang, publisher(ctx)),
  });
}

export function topicPage(ctx: PageContext, topicId: string, pageNumber: number): PageView<ListPage> | undefined {
  const topic = ctx.index.topics.get(topicId);
  if (!topic) return undefined;
  return listPage(ctx, { topic: topicId }, pageNumber, `/${ctx.lang}/topics/${topicId}`, {
    title: topic.name[ctx.lang],
    heading: topic.name[ctx.lang],
    intro: topic.description[ctx.lang],
    description: topic.description[ctx.lang],
    alternates: everyLanguage((l) => `/${l}/topics/${topicId}`),
    structuredData: [
      breadcrumbs(ctx, [
        { name: ctx.t('topics.heading'), href: `/${ctx.lang}/topics` },
        { name: topic.name[ctx.lang], href: `/${ctx.lang}/topics/${topicId}` },
      ]),
    ],
    feeds: [{ title: ctx.t('feed.topic', { site: ctx.index.site.shortName[ctx.lang], topic: topic.name[ctx.lang] }), href: `/${ctx.lang}/topics/${topicId}/rss.xml` }],
  });
}

export function authorPage(ctx: PageContext, authorId: string, pageNumber: number): PageView<ListPage & { role: string }> | undefined {
  const author = ctx.index.authors.get(authorId);
  if (!author) return undefined;
  const name = author.name[ctx.lang];
  const role = author.role[ctx.lang];
  const view = listPage(ctx, { author: authorId }, pageNumber, `/${ctx.lang}/authors/${authorId}`, {
    title: name,
    heading: name,
    description: ctx.t('author.description', { name, role }),
    alternates: everyLanguage((l) => `/${l}/authors/${authorId}`),
  });
  return view && { ...view, page: { ...view.page, role } };
}

export interface TopicsPage {
  heading: string;
  topics: { name: string; href: string; description: string; countText: string }[];
}

export function topicsPage(ctx: PageContext): PageView<TopicsPage> {
  const { lang } = ctx;
  const heading = ctx.t('topics.heading');
  return {
    layout: layoutView(ctx, {
      path: `/${lang}/topics`,
      title: heading,
      description: ctx.t('topics.description'),
      alternates: everyLanguage((l) => `/${l}/topics`),
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(lang),
    page: {
      heading,
      topics: [...ctx.index.topics.values()].map((topic) => ({
        name: topic.name[lang],
        href: `/${lang}/topics/${topic.id}`,
        description: topic.description[lang],
        countText: countText(ctx, 'list.count', ctx.index.count(lang, { topic: topic.id })),
      })),
    },
  };
}

export interface ErrorPage {
  status: number;
  heading: string;
  text: string;
  homeHref: string;
  homeText: string;
}

/** An error page. It names no address of the request: nothing a client sent is echoed back. */
export function errorPage(ctx: PageContext, status: number): PageView<ErrorPage> {
  const known = [400, 404, 405, 413, 414, 431, 500].includes(status) ? status : status >= 500 ? 500 : 400;
  const heading = ctx.t(`error.${known}.title`);
  return {
    // In development a 404 lists every content problem: a new article with an error has no page yet.
    layout: layoutView(ctx, { path: `/${ctx.lang}/`, title: heading, description: ctx.t(`error.${known}.text`), alternates: {}, noindex: true, problemsOf: known === 404 ? 'all' : undefined }),
    t: ctx.t,
    page: { status, heading, text: ctx.t(`error.${known}.text`), homeHref: `/${ctx.lang}/`, homeText: ctx.t('error.home') },
  };
}
