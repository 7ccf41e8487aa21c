import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ContentIndex } from '../index/content-index.js';
import { lastChange } from '../seo/last-change.js';
import type { Article } from '../parse/types.js';
import type { Lang } from '../i18n/languages.js';
import { cdata, xmlEscape } from '../text/escape-xml.js';
import { isImage } from '../parse/media-facts.js';
import { derivativeUrl, fallbackFormat, feedVariant, heightAt, MIME } from '../media/ladder.js';
import { bodyForFeeds } from './body-pictures.js';
import { figureHtml } from './figure.js';
import { absoluteUrl } from '../seo/urls.js';
import { paths } from '../paths.js';
import type { TFunction } from 'i18next';

// A feed is rendered like a page, from the pages' own partials (figure, body pictures): it is
// render/'s, and takes its head values (absolute URLs, the latest change) from seo/ as pages do.
export const FEED_SIZE = 50;
const IMAGE_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', heif: 'image/avif', svg: 'image/svg+xml', tiff: 'image/tiff' };

/**
 * The picture a feed item carries: the feed's JPEG (PNG with transparency) of at most 1280 px,
 * with its real type and length; the original when that copy is not made (no DATA_DIR); none
 * when the file is not a readable image.
 */
function enclosureOf(index: ContentIndex, src: string): { path: string; length: number; type: string; width?: number; height?: number } | undefined {
  const facts = index.images.get(src);
  if (!isImage(facts)) return undefined;
  if (facts.feedBytes === undefined) return { path: paths.media(src), length: facts.bytes, type: IMAGE_TYPES[facts.format] ?? 'application/octet-stream', width: facts.width, height: facts.height };
  const variant = feedVariant(facts);
  return { path: derivativeUrl(facts.hash, variant), length: facts.feedBytes, type: MIME[fallbackFormat(facts)], width: variant.width, height: heightAt(facts, variant.width) };
}

export interface FeedInput {
  index: ContentIndex;
  siteUrl: string;
  lang: Lang;
  /** The feed's own title and description, in its language. */
  title: string;
  description: string;
  /** The page the feed belongs to, e.g. /ru/ or /ru/topics/economy. */
  pagePath: string;
  /** The feed's own path, for atom:link rel=self. */
  feedPath: string;
  articles: readonly Article[];
  logoUrl: string;
  /** The feed's language's strings: an advertisement's mark and advertiser line. */
  t: TFunction;
}

/** Site paths in our HTML become absolute URLs: a feed is read away from the site. */
function absolutize(html: string, siteUrl: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}

function item(input: FeedInput, article: Article): string {
  const { index, siteUrl, lang } = input;
  const url = `${siteUrl}${article.path}`;
  const author = index.authors.get(article.author)!.name[lang];
  const image = article.image;
  const enclosure = image && enclosureOf(index, image.src);
  // The page's figure markup with one plain image, as feed readers show it.
  const figure = image && enclosure
    ? `${figureHtml({ img: { src: absoluteUrl(siteUrl, enclosure.path), alt: image.alt, width: enclosure.width, height: enclosure.height }, caption: image.caption, credit: image.credit })}\n`
    : '';
  const body = index.body(article);
  // An advertisement stays marked away from the site: «Реклама» first among its categories and
  // the advertiser's line (with its erid) above the text, as on the article page.
  const ad = article.sponsored && {
    label: input.t('label.ad'),
    line: [input.t('label.ad'), input.t('article.advertiser', { name: article.sponsored.advertiser }), ...(article.sponsored.erid ? [input.t('article.erid', { erid: article.sponsored.erid })] : [])].join('. '),
  };
  return [
    '<item>',
    `<title>${xmlEscape(article.title)}</title>`,
    `<link>${xmlEscape(url)}</link>`,
    `<guid isPermaLink="true">${xmlEscape(url)}</guid>`,
    `<pubDate>${article.date.toUTCString()}</pubDate>`,
    `<dc:creator>${xmlEscape(author)}</dc:creator>`,
    ...(ad ? [`<category>${xmlEscape(ad.label)}</category>`] : []),
    ...article.topics.flatMap((id) => {
      const name = index.topics.get(id)?.name[lang];
      return name ? [`<category>${xmlEscape(name)}</category>`] : [];
    }),
    `<description>${xmlEscape(article.lead)}</description>`,
    ...(enclosure ? [`<enclosure url="${xmlEscape(`${siteUrl}${enclosure.path}`)}" length="${enclosure.length}" type="${enclosure.type}"/>`] : []),
    `<content:encoded>${cdata((ad ? `<p>${xmlEscape(ad.line)}</p>\n` : '') + figure + absolutize(bodyForFeeds(body.html, index.images), siteUrl))}</content:encoded>`,
    `<yandex:full-text>${xmlEscape(ad ? `${ad.line}\n${body.text}` : body.text)}</yandex:full-text>`,
    '</item>',
  ].join('\n');
}

/** Items made between turns of the event loop: each reads and unpacks a whole body (about 1 ms at most). */
const ITEMS_PER_TURN = 10;

/**
 * RSS 2.0 with the full text: content:encoded for feed readers, yandex:full-text for Yandex
 * and Dzen. The newest 50 articles, ten between turns of the event loop, so that a feed made
 * again after an edit does not keep readers waiting.
 */
export async function rssFeed(input: FeedInput): Promise<string> {
  const { siteUrl } = input;
  const articles = input.articles.slice(0, FEED_SIZE);
  const newest = lastChange(articles);
  const items: string[] = [];
  for (const article of articles) {
    if (items.length && items.length % ITEMS_PER_TURN === 0) await nextTurn();
    items.push(item(input, article));
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:yandex="http://news.yandex.ru">',
    '<channel>',
    `<title>${xmlEscape(input.title)}</title>`,
    `<link>${xmlEscape(siteUrl + input.pagePath)}</link>`,
    `<description>${xmlEscape(input.description)}</description>`,
    `<language>${input.lang}</language>`,
    `<atom:link href="${xmlEscape(siteUrl + input.feedPath)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [`<lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
    `<image><url>${xmlEscape(input.logoUrl)}</url><title>${xmlEscape(input.title)}</title><link>${xmlEscape(siteUrl + input.pagePath)}</link></image>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
