import type { Article } from '../parse/types.js';
import { publisher } from '../seo/publisher.js';
import { newsArticle, type LiveBlog } from '../seo/structured-data.js';
import { absoluteUrl } from '../seo/urls.js';
import { breadcrumbs } from './breadcrumbs.js';
import { cardView, displayText, headline, imageView, titleClasses, topicLink, type CardView } from './cards.js';
import { countText, dateView, pluralForms, type DateView, type PageContext } from './context.js';
import { defaultImage, layoutView } from './layout.js';
import type { PageView } from './pages.js';
import { shareLinks, type ShareLink } from './share.js';
import { typeset } from '../text/typography.js';
import { bodyWithPictures } from './body-pictures.js';
import { pageBody } from './body-forms.js';
import { imageObject, videoObject } from '../seo/media-objects.js';
import { crawlerImagesOf } from './crawler-images.js';
import { articleFigure, type FigureView } from './figure.js';
import { paths } from '../paths.js';
import { articleLabels, type LabelView } from './labels.js';
import { livePage, type LivePage } from './live.js';
import { headline as shortHeadline } from '../seo/json-ld.js';

const RELATED = 4;
/** Words a minute of an unhurried reader of news. */
const READING_SPEED = 180;

export interface ArticlePage {
  /** A draft in development, or any article on its secret preview URL: what the page is, and the preview link in development. */
  banner?: { title: string; note: string; link?: { label: string; href: string } };
  /** «Реклама», «Срочно», «Онлайн» above the title. */
  labels: LabelView[];
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
  /** Empty while nothing is counted (a new article): the script fills it in once the reader's view is. */
  viewsText: string;
  /** Where the page's script counts a view; absent when there is nowhere to count (a static export without an API origin). */
  viewsApi?: string;
  /** The count's phrase for each plural category, # standing for the number, for the script. */
  viewsForms: string;
  /**
   * While nothing is counted and the script will count (viewsApi): the phrase for one view,
   * laid out but not shown, so that the figure's arrival moves nothing on the page (on a phone
   * the meta line would wrap and push the article down: a layout shift).
   */
  viewsReserved?: string;
  readingTime: string;
  author: { name: string; role: string; href: string };
  /** The article's picture with caption and credit; absent without one. */
  figure?: FigureView;
  published: DateView;
  updated?: DateView;
  html: string;
  /** Live coverage: its state and what the page's script needs; absent for other articles. */
  live?: LivePage;
  /** Dated notices of what was corrected, newest first, at the top of the article. */
  corrections?: { heading: string; items: { date: DateView; label: string; text: string }[] };
  /** The advertiser line under an advertisement, and its erid. */
  sponsor?: { advertiser: string; erid?: string };
  /** «Тема» or «Темы», by how many there are. */
  topicsHeading: string;
  topics: { name: string; href: string }[];
  share: ShareLinkView[];
  /** The next older and next newer article in this language. */
  older?: { href: string; title: string };
  newer?: { href: string; title: string };
  related: CardView[];
}

export interface ArticleOptions {
  /** Shown on its secret preview URL (a draft, or an article not yet published): never indexed, never counted. */
  preview?: boolean;
  /** The draft's secret preview address, for the development banner. */
  previewHref?: string;
}

export function articlePage(ctx: PageContext, article: Article, options: ArticleOptions = {}): PageView<ArticlePage> {
  const author = ctx.index.authors.get(article.author)!;
  const versions = ctx.index.translations(article.slug);
  const url = absoluteUrl(ctx.siteUrl, article.path);
  const crawlerImages = crawlerImagesOf(ctx, article);
  const image = crawlerImages?.og ?? defaultImage(ctx);
  const topics = article.topics.flatMap((id) => topicLink(ctx, id) ?? []);
  const mainTopic = topics[0];
  const { older, newer } = ctx.index.neighbours(article);
  const views = ctx.views(article);
  /** Where the page's script counts a view: nowhere in a preview, nor in an export without an API origin. */
  const viewsApi = ctx.apiOrigin === null || options.preview ? undefined : `${ctx.apiOrigin}${paths.views(ctx.lang, article.slug)}`;
  const link = (a: Article | undefined) => a && { href: a.path, title: typeset(a.title, ctx.lang) };
  const body = ctx.index.body(article);
  const shown = pageBody(ctx, bodyWithPictures(body.html, ctx.index.images), ctx.embedFacades);
  const title = headline(ctx, article.title);
  const figure = articleFigure(imageView(ctx, article, { slot: 'article', main: true }));
  const published = dateView(ctx, article.date);
  const absolute = (href: string) => absoluteUrl(ctx.siteUrl, href);
  const live = livePage(ctx, article, body.html);
  return {
    layout: layoutView(ctx, {
      path: article.path,
      problemsOf: article.file,
      title: article.title,
      description: article.lead,
      alternates: Object.fromEntries(Object.entries(versions).map(([lang, a]) => [lang, a.path])),
      type: 'article',
      image,
      // A draft is only ever seen in development or on its secret preview URL; it must never be indexed from there.
      noindex: article.draft || options.preview === true,
      article: { published: article.date, modified: article.updated, section: mainTopic?.name, tags: topics.map((t) => t.name) },
      structuredData: [
        newsArticle(
          ctx.index,
          article,
          publisher(ctx.siteUrl, ctx.asset),
          [...(crawlerImages?.ratios ?? [image.url]), ...shown.galleryImages.map((photo) => imageObject({ ...photo, contentUrl: absolute(photo.contentUrl) }, ctx.index.site.name[ctx.lang]))],
          live && liveBlog(article, live, url),
        ),
        breadcrumbs(ctx, [...(mainTopic ? [mainTopic] : []), { name: article.title, href: article.path }]),
        ...shown.videos.map((video) => videoObject({ ...video, thumbnailUrl: absolute(video.thumbnailUrl), contentUrl: video.contentUrl && absolute(video.contentUrl) }, article.date)),
      ],
      embeds: shown.facades,
    }),
    t: ctx.t,
    lastModified: article.updated ?? article.date,
    frameOrigins: shown.frameOrigins,
    page: {
      banner: banner(ctx, article, options),
      labels: articleLabels(ctx, article),
      title: title.text,
      titleClasses: titleClasses('article__title', title.fit),
      label: mainTopic,
      standfirst: body.text.startsWith(article.lead) ? undefined : displayText(ctx, article.lead),
      source: ctx.t('print.source', { site: ctx.index.site.name[ctx.lang], url, date: published.text }),
      views,
      viewsText: views ? countText(ctx, 'article.views', views) : '',
      viewsApi,
      viewsForms: JSON.stringify(pluralForms(ctx, 'article.views')),
      viewsReserved: !views && viewsApi ? countText(ctx, 'article.views', 1) : undefined,
      readingTime: countText(ctx, 'article.readingTime', Math.max(1, Math.round(article.wordCount / READING_SPEED))),
      author: { name: author.name[ctx.lang], role: author.role[ctx.lang], href: paths.author(ctx.lang, author.id) },
      figure,
      published,
      updated: article.updated && dateView(ctx, article.updated),
      html: figure ? shown.html : eagerFirstPicture(shown.html),
      live,
      corrections: article.corrections && {
        heading: ctx.t('article.corrections'),
        items: [...article.corrections].sort((a, b) => b.date.getTime() - a.date.getTime()).map((c) => {
          const date = dateView(ctx, c.date);
          return { date, label: ctx.t('article.corrected', { date: date.text }), text: typeset(c.text, ctx.lang) };
        }),
      },
      sponsor: article.sponsored && {
        advertiser: ctx.t('article.advertiser', { name: article.sponsored.advertiser }),
        erid: article.sponsored.erid && ctx.t('article.erid', { erid: article.sponsored.erid }),
      },
      topicsHeading: ctx.t('article.topic', { count: topics.length }),
      topics,
      share: shareLinks(url, article.title).map((link) => shareLinkView(ctx, link)),
      older: link(older),
      newer: link(newer),
      related: related(ctx, article).map((a) => cardView(ctx, a, { level: 'h3', placeholder: true })),
    },
  };
}

/** The banner over a draft in development (with its preview link), or over any article shown on its preview URL. */
function banner(ctx: PageContext, article: Article, options: ArticleOptions): ArticlePage['banner'] {
  if (options.preview) return { title: ctx.t('article.preview'), note: ctx.t('article.previewNote') };
  if (!article.draft) return undefined;
  return { title: ctx.t('article.draft'), note: ctx.t('article.draftNote'), link: options.previewHref ? { label: ctx.t('article.previewLink'), href: options.previewHref } : undefined };
}

/** Hours after the latest update that open-ended coverage (no live_until) is announced to last. */
const OPEN_COVERAGE_MS = 24 * 3600 * 1000;

/**
 * LiveBlogPosting's coverage and updates: coverage from the article's date to live_until; when
 * there is none, to the latest update (ended) or a day after it (still live: Google wants an end).
 */
function liveBlog(article: Article, live: LivePage, url: string): LiveBlog {
  const latest = article.live?.latest ?? article.date;
  const end = article.live?.until ?? (live.state === 'live' ? new Date(latest.getTime() + OPEN_COVERAGE_MS) : latest);
  return {
    coverageStartTime: article.date,
    coverageEndTime: end,
    updates: live.updates.map((u) => ({ headline: shortHeadline(u.title || u.text || u.iso), datePublished: u.iso, articleBody: u.text || u.title, url: `${url}#${u.id}` })),
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

/** Articles sharing a topic with this one, newest first. */
function related(ctx: PageContext, article: Article): Article[] {
  const found = new Map<string, Article>();
  for (const topic of article.topics) {
    for (const other of ctx.index.list(ctx.lang, { topic }, 0, RELATED + 1)) if (other.path !== article.path) found.set(other.path, other);
  }
  return [...found.values()].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, RELATED);
}

/**
 * A body's first picture loaded at once, not when it nears the screen: with no photo above the
 * article it is most often on the first screen (an embed's poster, a photo after the first
 * paragraph), and a lazy picture is only asked for after the page's first layout, which makes
 * it the page's last paint.
 */
export function eagerFirstPicture(html: string): string {
  return html.replace(' loading="lazy"', ' loading="eager"');
}
