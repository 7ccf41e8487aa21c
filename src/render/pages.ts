import type { TFunction } from 'i18next';
import type { ListOf } from '../index/content-index.js';
import { everyLanguage, inLanguages, paths } from '../paths.js';
import { publisher } from '../seo/publisher.js';
import { homeStructuredData } from '../seo/structured-data.js';
import { breadcrumbs } from './breadcrumbs.js';
import type { Person } from '../parse/types.js';
import { errorPageOf } from '../http/http-error.js';
import { absoluteUrl } from '../seo/urls.js';
import { cardView, displayText, type CardView } from './cards.js';
import { countText, type PageContext } from './context.js';
import { layoutView, type LayoutView, type PageMeta } from './layout.js';
import { paginate, paginationNav, type PaginationNav } from './pagination.js';

/** What every page template gets: the layout and its own data. */
export interface PageView<T> {
  layout: LayoutView;
  page: T;
  /** UI strings of the page's language, for the templates' labels. */
  t: TFunction;
  /** When the content shown last changed, for Last-Modified. */
  lastModified?: Date;
}

export interface ListPage {
  /** The header's classes: page-header, with page-header--person on an author's page. */
  headerClasses: string;
  heading: string;
  intro?: string;
  cards: CardView[];
  pagination: PaginationNav;
  empty: string;
}

/** A paginated list of articles: home, topic or author page. Undefined when the page is past the end. */
function listPage(
  ctx: PageContext,
  { of, pageNumber, basePath }: { of: ListOf; pageNumber: number; basePath: string },
  meta: Pick<PageMeta, 'description' | 'alternates' | 'structuredData' | 'feeds' | 'noindex' | 'problemsOf'> & { title?: string; heading: string; intro?: string },
): PageView<ListPage> | undefined {
  const page = paginate({ total: ctx.index.count(ctx.lang, of), page: pageNumber, size: ctx.pageSize, basePath, slice: (offset, limit) => ctx.index.list(ctx.lang, of, offset, limit) });
  if (!page) return undefined;
  // The first picture of a list is its largest contentful paint: loaded first, not lazily.
  const cards = page.items.map((a, i) => cardView(ctx, a, { main: i === 0, level: 'h2', withLead: true, placeholder: true }));
  const suffix = pageNumber > 1 ? ` — ${ctx.t('pagination.page', { page: pageNumber })}` : '';
  return {
    layout: layoutView(ctx, {
      path: paths.onPage(basePath, pageNumber),
      title: meta.title === undefined ? (suffix ? `${meta.heading}${suffix}` : undefined) : `${meta.title}${suffix}`,
      description: meta.description,
      alternates: meta.alternates,
      structuredData: meta.structuredData,
      feeds: meta.feeds,
      noindex: meta.noindex,
      problemsOf: meta.problemsOf,
      prev: page.pagination.prev,
      next: page.pagination.next,
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(ctx.lang, of),
    page: { headerClasses: 'page-header', heading: meta.heading, intro: meta.intro, cards, pagination: paginationNav(page.pagination, ctx.t), empty: ctx.t('list.empty') },
  };
}

/** The home page's later pages (?page=2…): the newest stories after the first page's, as a list. */
export function homeListPage(ctx: PageContext, pageNumber: number): PageView<ListPage> | undefined {
  const lang = ctx.lang;
  return listPage(ctx, { of: {}, pageNumber, basePath: paths.home(lang) }, {
    heading: ctx.t('home.heading'),
    description: ctx.index.site.description[lang],
    alternates: everyLanguage(paths.home),
    problemsOf: 'all',
    structuredData: homeStructuredData(ctx.index, lang, publisher(ctx.siteUrl, ctx.asset)),
  });
}

/** «Все новости»: every story of the language, newest first, paginated. */
export function newsPage(ctx: PageContext, pageNumber: number): PageView<ListPage> | undefined {
  const lang = ctx.lang;
  const heading = ctx.t('news.heading');
  return listPage(ctx, { of: {}, pageNumber, basePath: paths.news(lang) }, {
    title: heading,
    heading,
    description: ctx.t('news.description', { site: ctx.index.site.shortName[lang] }),
    alternates: everyLanguage(paths.news),
  });
}

export function topicPage(ctx: PageContext, topicId: string, pageNumber: number): PageView<ListPage> | undefined {
  const topic = ctx.index.topics.get(topicId);
  if (!topic) return undefined;
  const count = ctx.index.count(ctx.lang, { topic: topicId });
  return listPage(ctx, { of: { topic: topicId }, pageNumber, basePath: paths.topic(ctx.lang, topicId) }, {
    // One rule with the sitemap, which lists a topic once it has an article: until then, noindex.
    noindex: count === 0,
    title: topic.name[ctx.lang],
    heading: topic.name[ctx.lang],
    intro: topic.description[ctx.lang],
    description: topic.description[ctx.lang],
    // Only the languages where the topic has articles: the others are noindex, like here when empty.
    alternates: inLanguages((l) => ctx.index.count(l, { topic: topicId }) > 0, (l) => paths.topic(l, topicId)),
    structuredData: [
      breadcrumbs(ctx, [
        { name: ctx.t('topics.heading'), href: paths.topics(ctx.lang) },
        { name: topic.name[ctx.lang], href: paths.topic(ctx.lang, topicId) },
      ]),
    ],
    feeds: [{ title: ctx.t('feed.topic', { site: ctx.index.site.shortName[ctx.lang], topic: topic.name[ctx.lang] }), href: paths.topicFeed(ctx.lang, topicId) }],
  });
}

export interface AuthorPage extends ListPage {
  role: string;
  bio?: string;
  photo?: { src: string; alt: string };
  /** Initials, drawn where there is no photo. */
  initials: string;
  feedHref: string;
}

export function authorPage(ctx: PageContext, authorId: string, pageNumber: number): PageView<AuthorPage> | undefined {
  const author = ctx.index.authors.get(authorId);
  if (!author) return undefined;
  const { lang } = ctx;
  const name = author.name[lang];
  const role = author.role[lang];
  const feedHref = paths.authorFeed(lang, authorId);
  const view = listPage(ctx, { of: { author: authorId }, pageNumber, basePath: paths.author(lang, authorId) }, {
    title: name,
    heading: name,
    description: author.bio?.[lang] ?? ctx.t('author.description', { name, role }),
    alternates: everyLanguage((l) => paths.author(l, authorId)),
    structuredData: [
      person(ctx, author),
      breadcrumbs(ctx, [
        { name: ctx.t('authors.heading'), href: paths.authors(lang) },
        { name, href: paths.author(lang, authorId) },
      ]),
    ],
    feeds: [{ title: ctx.t('feed.author', { site: ctx.index.site.shortName[lang], name }), href: feedHref }],
  });
  return (
    view && {
      ...view,
      page: {
        ...view.page,
        headerClasses: 'page-header page-header--person',
        role,
        bio: author.bio && displayText(ctx, author.bio[lang]),
        photo: author.photo ? { src: paths.media(author.photo), alt: name } : undefined,
        initials: initials(name),
        feedHref,
      },
    }
  );
}

/** The author as a schema.org Person, for their page. */
function person(ctx: PageContext, author: Person): object {
  const { lang } = ctx;
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': `${absoluteUrl(ctx.siteUrl, paths.author(lang, author.id))}#person`,
    name: author.name[lang],
    jobTitle: author.role[lang],
    url: absoluteUrl(ctx.siteUrl, paths.author(lang, author.id)),
    ...(author.photo ? { image: absoluteUrl(ctx.siteUrl, paths.media(author.photo)) } : {}),
    ...(author.bio ? { description: author.bio[lang] } : {}),
    worksFor: { '@id': `${ctx.siteUrl}/#organization`, '@type': 'NewsMediaOrganization', name: ctx.index.site.name[lang] },
  };
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .slice(0, 2)
    .join('');
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
      path: paths.topics(lang),
      title: heading,
      description: ctx.t('topics.description'),
      alternates: everyLanguage(paths.topics),
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(lang),
    page: {
      heading,
      topics: [...ctx.index.topics.values()].map((topic) => ({
        name: topic.name[lang],
        href: paths.topic(lang, topic.id),
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
  const known = errorPageOf(status);
  const heading = ctx.t(`error.${known}.title`);
  return {
    // In development a 404 lists every content problem: a new article with an error has no page yet.
    layout: layoutView(ctx, { path: paths.home(ctx.lang), title: heading, description: ctx.t(`error.${known}.text`), alternates: {}, noindex: true, problemsOf: known === 404 ? 'all' : undefined }),
    t: ctx.t,
    page: { status, heading, text: ctx.t(`error.${known}.text`), homeHref: paths.home(ctx.lang), homeText: ctx.t('error.home') },
  };
}
