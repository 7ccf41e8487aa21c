import type { ContentIndex } from '../index/content-index.js';
import { lastChange } from '../content/last-change.js';
import type { Article } from '../content/types.js';
import type { Lang } from '../i18n/languages.js';
import { cdata, xmlEscape } from './xml.js';

export const FEED_SIZE = 50;
const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif', svg: 'image/svg+xml' };

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
  const imageUrl = image && `${siteUrl}/media/${image.src}`;
  const figure = image
    ? `<figure><img src="${xmlEscape(imageUrl!)}" alt="${xmlEscape(image.alt)}"${image.width ? ` width="${image.width}" height="${image.height}"` : ''}>${image.credit ? `<figcaption>${xmlEscape(image.credit)}</figcaption>` : ''}</figure>\n`
    : '';
  const ext = image?.src.split('.').pop()?.toLowerCase() ?? '';
  const body = index.body(article);
  return [
    '<item>',
    `<title>${xmlEscape(article.title)}</title>`,
    `<link>${xmlEscape(url)}</link>`,
    `<guid isPermaLink="true">${xmlEscape(url)}</guid>`,
    `<pubDate>${article.date.toUTCString()}</pubDate>`,
    `<dc:creator>${xmlEscape(author)}</dc:creator>`,
    ...article.topics.flatMap((id) => {
      const name = index.topics.get(id)?.name[lang];
      return name ? [`<category>${xmlEscape(name)}</category>`] : [];
    }),
    `<description>${xmlEscape(article.lead)}</description>`,
    ...(image ? [`<enclosure url="${xmlEscape(imageUrl!)}" length="${index.media.get(image.src) ?? 0}" type="${IMAGE_TYPES[ext] ?? 'application/octet-stream'}"/>`] : []),
    `<content:encoded>${cdata(figure + absolutize(body.html, siteUrl))}</content:encoded>`,
    `<yandex:full-text>${xmlEscape(body.text)}</yandex:full-text>`,
    '</item>',
  ].join('\n');
}

/**
 * RSS 2.0 with the full text: content:encoded for feed readers, yandex:full-text for Yandex
 * and Dzen. The newest 50 articles.
 */
export function rssFeed(input: FeedInput): string {
  const { siteUrl } = input;
  const articles = input.articles.slice(0, FEED_SIZE);
  const newest = lastChange(articles);
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
    ...articles.map((a) => item(input, a)),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
