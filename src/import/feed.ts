import type { Lang } from '../i18n/languages.js';
import { oldPaths } from './aliases.js';
import { fromFeedDate } from './dates.js';
import { decodeEntities } from './html-entities.js';
import type { ImportItem, ItemNote, SourceTopic } from './item.js';
import { cleanTitle, importSlug } from './slugs.js';
import { htmlToLine } from './wxr.js';
import { child, textOf, type XmlNode, type XmlRecord } from './xml-records.js';

/**
 * RSS 2.0 and Atom read into import items: the archive of any system that has feeds. The full
 * text is taken where the feed gives it (content:encoded, Yandex's full-text, Atom's content),
 * else the summary, noted as such; the picture from an enclosure or Media RSS.
 */
export interface FeedChannel {
  site?: string;
  language?: string;
}

const isContent = (ns: string) => ns.startsWith('http://purl.org/rss/1.0/modules/content');
const isMedia = (ns: string) => ns.startsWith('http://search.yahoo.com/mrss');
const isYandex = (ns: string) => /yandex/i.test(ns);

/** A channel-level record (title, link, language) noted for the items after it. */
export function feedChannelRecord(record: XmlRecord, channel: FeedChannel): void {
  if (record.name === 'link' && !channel.site) channel.site = record.attrs.href ?? record.text.trim();
  if (record.name === 'language') channel.language = record.text.trim();
}

/** One RSS <item> or Atom <entry> as an article, or undefined for any other record. */
export function feedItem(record: XmlRecord, channel: FeedChannel, o: { lang: Lang; now: Date; atom: boolean }): ImportItem | undefined {
  if (record.name !== (o.atom ? 'entry' : 'item')) return undefined;
  const notes: ItemNote[] = [];
  const title = cleanTitle(o.atom ? atomText(child(record, 'title')) : decodeEntities(htmlToLine(textOf(record, 'title'))));
  if (title.changed) notes.push({ code: 'title_cleaned' });
  const link = o.atom ? atomLink(record, 'alternate') : textOf(record, 'link');
  const guid = o.atom ? textOf(record, 'id') : textOf(record, 'guid');
  const dateText = o.atom ? textOf(record, 'published') || textOf(record, 'updated') : textOf(record, 'pubDate') || textOf(record, 'date');
  const date = fromFeedDate(dateText) ?? o.now;
  const updated = o.atom ? fromFeedDate(textOf(record, 'updated')) : undefined;

  const full = o.atom ? atomHtml(child(record, 'content')) : textOf(record, 'encoded', isContent) || textOf(record, 'full-text', isYandex);
  const summary = o.atom ? atomHtml(child(record, 'summary')) : textOf(record, 'description');
  if (!full.trim() && summary.trim()) notes.push({ code: 'summary_only' });

  const authorName = o.atom ? textOf(child(record, 'author') ?? record, 'name') : textOf(record, 'creator') || rssAuthor(textOf(record, 'author'));
  const topics: SourceTopic[] = [];
  for (const c of record.children.filter((c) => c.name === 'category')) {
    const name = cleanTitle(decodeEntities(o.atom ? (c.attrs.label ?? c.attrs.term ?? '') : c.text)).text;
    if (name && !topics.some((t) => t.name === name)) topics.push({ key: `category:${name}`, kind: 'category', name, slug: o.atom && c.attrs.term ? c.attrs.term : name });
  }
  const image = imageOf(record, o.atom);
  const slugSource = lastSegment(link);

  return {
    kind: 'article',
    key: `feed:${guid || link || `${title.text}@${dateText}`}`,
    where: link || guid || title.text,
    title: title.text,
    slug: importSlug(slugSource, title.text, `item-${Math.abs(hash(guid || link || title.text))}`),
    lang: languageOf(o.atom ? record.attrs.lang : undefined) ?? o.lang,
    date,
    updated: updated && updated.getTime() - date.getTime() > 60_000 ? updated : undefined,
    author: authorName ? { key: authorName, name: cleanTitle(authorName).text || authorName } : undefined,
    topics,
    lead: full.trim() && summary.trim() ? htmlToLine(summary).slice(0, 400) || undefined : undefined,
    html: full.trim() ? full : summary,
    summaryOnly: !full.trim(),
    image: image ? { url: image } : undefined,
    draft: false,
    aliases: oldPaths([link], { site: channel.site }),
    comments: 0,
    notes,
  };
}

/** ru, kk or en from a feed's language (`ru-RU`, `kk-KZ`, `kz`, `en-us`), or undefined. */
export function languageOf(value: string | undefined): Lang | undefined {
  const code = value?.trim().toLowerCase().slice(0, 2);
  if (code === 'ru' || code === 'en') return code;
  if (code === 'kk' || code === 'kz') return 'kk';
  return undefined;
}

/** RSS's author is an e-mail, often with the name in brackets: `news@site.kz (Анна Петрова)`. */
function rssAuthor(text: string): string {
  return /\(([^)]+)\)/.exec(text)?.[1]?.trim() ?? (text.includes('@') ? '' : text.trim());
}

function atomLink(record: XmlNode, rel: string): string {
  const links = record.children.filter((c) => c.name === 'link');
  return (links.find((l) => (l.attrs.rel ?? 'alternate') === rel) ?? (rel === 'alternate' ? links[0] : undefined))?.attrs.href ?? '';
}

/** An Atom text construct as HTML: type="html" is escaped HTML, "xhtml" is markup inside a div, "text" is text. */
function atomHtml(node: XmlNode | undefined): string {
  if (!node) return '';
  const type = node.attrs.type ?? 'text';
  if (type === 'xhtml') return node.children.map(serialize).join('');
  if (type === 'html' || type === 'text/html') return node.text;
  return node.text.trim() ? `<p>${escape(node.text.trim())}</p>` : '';
}

function atomText(node: XmlNode | undefined): string {
  if (!node) return '';
  return node.attrs.type === 'html' ? htmlToLine(node.text) : node.attrs.type === 'xhtml' ? htmlToLine(node.children.map(serialize).join('')) : node.text.trim();
}

function imageOf(record: XmlNode, atom: boolean): string | undefined {
  if (atom) {
    const enclosure = record.children.find((c) => c.name === 'link' && c.attrs.rel === 'enclosure' && /^image\//.test(c.attrs.type ?? ''));
    if (enclosure?.attrs.href) return enclosure.attrs.href;
  }
  const enclosure = record.children.find((c) => c.name === 'enclosure' && /^image\//.test(c.attrs.type ?? '') && c.attrs.url);
  if (enclosure) return enclosure.attrs.url;
  const media = [...record.children, ...record.children.filter((c) => c.name === 'group' && isMedia(c.ns)).flatMap((g) => g.children)].filter((c) => isMedia(c.ns));
  const content = media.find((c) => c.name === 'content' && c.attrs.url && (c.attrs.medium === 'image' || /^image\//.test(c.attrs.type ?? '') || /\.(jpe?g|png|webp|gif|avif)(\?|$)/i.test(c.attrs.url)));
  return content?.attrs.url ?? media.find((c) => c.name === 'thumbnail' && c.attrs.url)?.attrs.url;
}

function lastSegment(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    const last = segments.at(-1) ?? '';
    // A numeric id or a file name says nothing about the story: the title makes a better slug.
    return /^\d+$|\.(php|aspx?)$/i.test(last) ? '' : last.replace(/\.html?$/i, '');
  } catch {
    return '';
  }
}

function serialize(node: XmlNode): string {
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  return `<${node.name}${attrs}>${escape(node.text)}${node.children.map(serialize).join('')}</${node.name}>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
