import type { TFunction } from 'i18next';
import { lastChange } from '../content/last-change.js';
import type { Article } from '../content/types.js';
import type { Lang } from '../i18n/languages.js';
import { cardView, imageView, topicLink, type CardView, type ImageView } from './cards.js';
import { countText, dateView, type DateView, type PageContext } from './context.js';
import { defaultImage, layoutView, publisher, type LayoutView, type PageMeta } from './layout.js';
import { breadcrumbList } from '../seo/json-ld.js';
import { homeStructuredData, newsArticle } from '../seo/structured-data.js';
import { absoluteUrl } from '../seo/urls.js';
import { paginate, type PaginationView } from './pagination.js';
import { typeset } from './typography.js';
import { LANGS } from '../i18n/languages.js';

/** What every page template gets: the layout and its own data. */
export interface PageView<T> {
  layout: LayoutView;
  page: T;
  /** UI strings of the page's language, for the templates' labels. */
  t: TFunction;
  /** When the content shown last changed, for Last-Modified. */
  lastModified?: Date;
}


const RELATED = 4;

/** The same path in every language: for pages that exist in all of them. */
function everyLanguage(path: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(LANGS.map((lang) => [lang, path(lang)]));
}

export interface ArticlePage {
  draft: boolean;
  title: string;
  views: number;
  viewsText: string;
  author: { name: string; role: string; href: string };
  image?: ImageView;
  published: DateView;
  updated?: DateView;
  html: string;
  topics: { name: string; href: string }[];
  related: CardView[];
}

export function articlePage(ctx: PageContext, article: Article): PageView<ArticlePage> {
  const author = ctx.index.authors.get(article.author)!;
  const versions = ctx.index.translations.get(article.slug) ?? {};
  const image = article.image
    ? { url: absoluteUrl(ctx.siteUrl, `/media/${article.image.src}`), width: article.image.width, height: article.image.height, alt: article.image.alt }
    : defaultImage(ctx);
  const topics = article.topics.flatMap((id) => topicLink(ctx, id) ?? []);
  const mainTopic = topics[0];
  return {
    layout: layoutView(ctx, {
      path: article.path,
      title: article.title,
      description: article.lead,
      alternates: Object.fromEntries(Object.entries(versions).map(([lang, a]) => [lang, a.path])),
      type: 'article',
      image,
      // A draft is only ever seen in development; it must never be indexed from there.
      noindex: article.draft,
      article: { published: article.date, modified: article.updated, section: mainTopic?.name, tags: topics.map((t) => t.name) },
      structuredData: [
        newsArticle(ctx.index, article, publisher(ctx), image.url),
        breadcrumbs(ctx, [...(mainTopic ? [mainTopic] : []), { name: article.title, href: article.path }]),
      ],
    }),
    t: ctx.t,
    lastModified: article.updated ?? article.date,
    page: {
      draft: article.draft,
      title: typeset(article.title, ctx.lang),
      views: article.views,
      viewsText: countText(ctx, 'article.views', article.views),
      author: { name: author.name[ctx.lang], role: author.role[ctx.lang], href: `/${ctx.lang}/authors/${author.id}` },
      image: imageView(ctx, article),
      published: dateView(ctx, article.date),
      updated: article.updated && dateView(ctx, article.updated),
      html: article.html,
      topics,
      related: related(ctx, article).map((a) => cardView(ctx, a)),
    },
  };
}

/** Home, then the given trail; every item an absolute URL. */
function breadcrumbs(ctx: PageContext, trail: { name: string; href: string }[]): object {
  const home = { name: ctx.index.site.shortName[ctx.lang], href: `/${ctx.lang}/` };
  return breadcrumbList([home, ...trail].map((item) => ({ name: item.name, url: absoluteUrl(ctx.siteUrl, item.href) })));
}

/** Articles sharing a topic with this one, newest first. */
function related(ctx: PageContext, article: Article): Article[] {
  const lists = ctx.index.langs[ctx.lang].byTopic;
  const found = new Set<Article>();
  for (const topic of article.topics) {
    for (const other of (lists.get(topic) ?? []).slice(0, RELATED + 1)) if (other !== article) found.add(other);
  }
  return [...found].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, RELATED);
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
  articles: readonly Article[],
  pageNumber: number,
  basePath: string,
  meta: Pick<PageMeta, 'description' | 'alternates' | 'structuredData' | 'feeds'> & { title?: string; heading: string; intro?: string; leadStory?: boolean },
): PageView<ListPage> | undefined {
  const page = paginate(articles, pageNumber, ctx.pageSize, basePath);
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
    }),
    t: ctx.t,
    lastModified: lastChange(articles),
    page: { heading: meta.heading, intro: meta.intro, lead, cards, pagination: page.pagination, empty: ctx.t('list.empty') },
  };
}

export function homePage(ctx: PageContext, pageNumber: number): PageView<ListPage> | undefined {
  const lang = ctx.lang;
  return listPage(ctx, ctx.index.langs[lang].articles, pageNumber, `/${lang}/`, {
    heading: ctx.t('home.heading'),
    description: ctx.index.site.description[lang],
    alternates: everyLanguage((l) => `/${l}/`),
    leadStory: true,
    structuredData: homeStructuredData(ctx.index, lang, publisher(ctx)),
  });
}

export function topicPage(ctx: PageContext, topicId: string, pageNumber: number): PageView<ListPage> | undefined {
  const topic = ctx.index.topics.get(topicId);
  if (!topic) return undefined;
  return listPage(ctx, ctx.index.langs[ctx.lang].byTopic.get(topicId) ?? [], pageNumber, `/${ctx.lang}/topics/${topicId}`, {
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
  const view = listPage(ctx, ctx.index.langs[ctx.lang].byAuthor.get(authorId) ?? [], pageNumber, `/${ctx.lang}/authors/${authorId}`, {
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
    lastModified: lastChange(ctx.index.langs[lang].articles),
    page: {
      heading,
      topics: [...ctx.index.topics.values()].map((topic) => ({
        name: topic.name[lang],
        href: `/${lang}/topics/${topic.id}`,
        description: topic.description[lang],
        countText: countText(ctx, 'list.count', ctx.index.langs[lang].byTopic.get(topic.id)?.length ?? 0),
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

export function errorPage(ctx: PageContext, status: number, path: string): PageView<ErrorPage> {
  const known = [400, 404, 405, 413, 414, 431, 500].includes(status) ? status : status >= 500 ? 500 : 400;
  const heading = ctx.t(`error.${known}.title`);
  return {
    layout: layoutView(ctx, { path, title: heading, description: ctx.t(`error.${known}.text`), alternates: {}, noindex: true }),
    t: ctx.t,
    page: { status, heading, text: ctx.t(`error.${known}.text`), homeHref: `/${ctx.lang}/`, homeText: ctx.t('error.home') },
  };
}
