import type { Article } from '../parse/types.js';
import { publisher } from '../seo/publisher.js';
import { newsArticle } from '../seo/structured-data.js';
import { absoluteUrl } from '../seo/urls.js';
import { breadcrumbs } from './breadcrumbs.js';
import { cardView, displayText, headline, imageView, titleClasses, topicLink, type CardView } from './cards.js';
import { countText, dateView, type DateView, type PageContext } from './context.js';
import { defaultImage, layoutView } from './layout.js';
import type { PageView } from './pages.js';
import { shareLinks, type ShareLink } from './share.js';
import { typeset } from '../text/typography.js';
import { pluralCategory } from '../i18n/plural.js';
import { bodyWithPictures } from './body-pictures.js';
import { crawlerImagesOf } from './crawler-images.js';
import { articleFigure, type FigureView } from './figure.js';
import { paths } from '../paths.js';

const RELATED = 4;
/** Words a minute of an unhurried reader of news. */
const READING_SPEED = 180;

export interface ArticlePage {
  draft: boolean;
  title: string;
  /** The title's classes, with its fit class (see text/hyphenate.ts). */
  titleClasses: string;
  /** The main topic, above the headline. */
  label?: { name: string; href: string };
  /** The lead as a standfirst; absent when it is only the body's first paragraph. */
  standfirst?: string;
  /** For print: the agency, the article's address and its date. */
  source: string;
  views: number;
  viewsText: string;
  /** Where the page's script counts a view; absent when there is nowhere to count (a static export without an API origin). */
  viewsApi?: string;
  /** The count's phrase for each plural category, # standing for the number, for the script. */
  viewsForms: string;
  readingTime: string;
  author: { name: string; role: string; href: string };
  /** The article's picture with caption and credit; absent without one. */
  figure?: FigureView;
  published: DateView;
  updated?: DateView;
  html: string;
  topics: { name: string; href: string }[];
  share: ShareLinkView[];
  /** The next older and next newer article in this language. */
  older?: { href: string; title: string };
  newer?: { href: string; title: string };
  related: CardView[];
}

export function articlePage(ctx: PageContext, article: Article): PageView<ArticlePage> {
  const author = ctx.index.authors.get(article.author)!;
  const versions = ctx.index.translations(article.slug);
  const url = absoluteUrl(ctx.siteUrl, article.path);
  const crawlerImages = crawlerImagesOf(ctx, article);
  const image = crawlerImages?.og ?? defaultImage(ctx);
  const topics = article.topics.flatMap((id) => topicLink(ctx, id) ?? []);
  const mainTopic = topics[0];
  const { older, newer } = ctx.index.neighbours(article);
  const views = ctx.views(article);
  const link = (a: Article | undefined) => a && { href: a.path, title: typeset(a.title, ctx.lang) };
  const body = ctx.index.body(article);
  const title = headline(ctx, article.title);
  const published = dateView(ctx, article.date);
  return {
    layout: layoutView(ctx, {
      path: article.path,
      problemsOf: article.file,
      title: article.title,
      description: article.lead,
      alternates: Object.fromEntries(Object.entries(versions).map(([lang, a]) => [lang, a.path])),
      type: 'article',
      image,
      // A draft is only ever seen in development; it must never be indexed from there.
      noindex: article.draft,
      article: { published: article.date, modified: article.updated, section: mainTopic?.name, tags: topics.map((t) => t.name) },
      structuredData: [
        newsArticle(ctx.index, article, publisher(ctx.siteUrl, ctx.asset), crawlerImages?.ratios ?? [image.url]),
        breadcrumbs(ctx, [...(mainTopic ? [mainTopic] : []), { name: article.title, href: article.path }]),
      ],
    }),
    t: ctx.t,
    lastModified: article.updated ?? article.date,
    page: {
      draft: article.draft,
      title: title.text,
      titleClasses: titleClasses('article__title', title.fit),
      label: mainTopic,
      standfirst: body.text.startsWith(article.lead) ? undefined : displayText(ctx, article.lead),
      source: ctx.t('print.source', { site: ctx.index.site.name[ctx.lang], url, date: published.text }),
      views,
      viewsText: countText(ctx, 'article.views', views),
      viewsApi: ctx.apiOrigin === null ? undefined : `${ctx.apiOrigin}${paths.views(ctx.lang, article.slug)}`,
      viewsForms: JSON.stringify(pluralForms(ctx, 'article.views')),
      readingTime: countText(ctx, 'article.readingTime', Math.max(1, Math.round(article.wordCount / READING_SPEED))),
      author: { name: author.name[ctx.lang], role: author.role[ctx.lang], href: paths.author(ctx.lang, author.id) },
      figure: articleFigure(imageView(ctx, article, { slot: 'article', main: true })),
      published,
      updated: article.updated && dateView(ctx, article.updated),
      html: bodyWithPictures(body.html, ctx.index.images),
      topics,
      share: shareLinks(url, article.title).map((link) => shareLinkView(ctx, link)),
      older: link(older),
      newer: link(newer),
      related: related(ctx, article).map((a) => cardView(ctx, a, { level: 'h3', placeholder: true })),
    },
  };
}

export interface ShareLinkView extends ShareLink {
  /** The network's name, the link's title and accessible name. */
  label: string;
  /** On «copy» only: what the copy script announces once done (data-copied). */
  copied?: string;
  /** On links to other sites: they get no window.opener and no Referer. */
  rel?: string;
}

function shareLinkView(ctx: PageContext, link: ShareLink): ShareLinkView {
  const label = ctx.t(`share.${link.id}`);
  if (link.id === 'copy') return { ...link, label, copied: ctx.t('share.copied') };
  // mailto: opens the reader's own mail program, no other site.
  if (link.id === 'email') return { ...link, label };
  return { ...link, label, rel: 'noopener noreferrer' };
}

/** A counted phrase in every plural form of the language, with # for the number. */
function pluralForms(ctx: PageContext, key: string): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const n of [0, 1, 2, 5, 21, 1.5]) {
    const category = pluralCategory(ctx.lang, n);
    forms[category] ??= ctx.t(key, { count: n, formatted: '#' });
  }
  return forms;
}

/** Articles sharing a topic with this one, newest first. */
function related(ctx: PageContext, article: Article): Article[] {
  const found = new Map<string, Article>();
  for (const topic of article.topics) {
    for (const other of ctx.index.list(ctx.lang, { topic }, 0, RELATED + 1)) if (other.path !== article.path) found.set(other.path, other);
  }
  return [...found.values()].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, RELATED);
}
