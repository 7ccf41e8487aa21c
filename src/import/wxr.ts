import type { Lang } from '../i18n/languages.js';
import { oldPaths } from './aliases.js';
import { fromGmt, fromLocal } from './dates.js';
import { decodeEntities } from './html-entities.js';
import type { ImportItem, ItemNote, SourceAuthor, SourceImage, SourceTopic } from './item.js';
import { keep } from './keep.js';
import { cleanTitle, decodeSlug, importSlug } from './slugs.js';
import { child, textOf, type XmlNode, type XmlRecord } from './xml-records.js';

/**
 * WordPress's export (WXR 1.0–1.2) read into import items. An export lists its authors and
 * terms first, then every post, page and attachment as an RSS <item> with WordPress's fields.
 * Attachments usually come after the posts that show them, so the file is read twice: once for
 * what items refer to (this index: attachments, authors, terms), once for the items.
 */
export interface WxrIndex {
  /** Attachments by post id and by URL: the featured image is named by id, inline ones by URL. */
  attachmentsById: Map<string, SourceImage>;
  attachmentsByUrl: Map<string, SourceImage>;
  authors: Map<string, SourceAuthor>;
  /** `category:slug` / `tag:slug` → the term. */
  terms: Map<string, SourceTopic>;
  language?: string;
  /** The old site's address (base_blog_url, else the channel's link). */
  site?: string;
}

/** What a pass over the items counts besides the items it hands on. */
export interface WxrCounts {
  /** Items of other kinds (nav_menu_item, revision, wp_block…) by kind: not imported. */
  skippedKinds: Map<string, number>;
  /** Items left out by their status (trash, auto-draft, a draft page…): title and reason. */
  skipped: { where: string; title: string; reason: string }[];
  comments: number;
}

export function emptyWxrIndex(): WxrIndex {
  return { attachmentsById: new Map(), attachmentsByUrl: new Map(), authors: new Map(), terms: new Map() };
}

const isWp = (ns: string) => /wordpress\.org\/export\/1\.\d\/$/.test(ns);
const isExcerpt = (ns: string) => /\/excerpt\/$/.test(ns);
const isContent = (ns: string) => ns.startsWith('http://purl.org/rss/1.0/modules/content');

/** The first pass: one channel-level record added to the index. */
export function indexWxrRecord(record: XmlRecord, index: WxrIndex): void {
  const wp = isWp(record.ns);
  if (record.name === 'language' && !wp) index.language = record.text.trim();
  else if (record.name === 'base_blog_url' && wp) index.site = record.text.trim();
  else if (record.name === 'link' && !wp && !index.site) index.site = record.text.trim();
  else if (record.name === 'author' && wp) {
    const login = textOf(record, 'author_login');
    const name = decodeEntities(textOf(record, 'author_display_name')) || [textOf(record, 'author_first_name'), textOf(record, 'author_last_name')].filter(Boolean).join(' ') || login;
    if (login) index.authors.set(keep(login), { key: keep(login), login: keep(login), name: keep(cleanTitle(name).text || login) });
  } else if (record.name === 'category' && wp) {
    addTerm(index, 'category', textOf(record, 'category_nicename'), textOf(record, 'cat_name'), textOf(record, 'category_description'));
  } else if (record.name === 'tag' && wp) {
    addTerm(index, 'tag', textOf(record, 'tag_slug'), textOf(record, 'tag_name'), textOf(record, 'tag_description'));
  } else if (record.name === 'term' && wp) {
    const taxonomy = textOf(record, 'term_taxonomy');
    if (taxonomy === 'category' || taxonomy === 'post_tag') addTerm(index, taxonomy === 'category' ? 'category' : 'tag', textOf(record, 'term_slug'), textOf(record, 'term_name'), textOf(record, 'term_description'));
  } else if (record.name === 'item' && !wp && wpText(record, 'post_type') === 'attachment') {
    const url = wpText(record, 'attachment_url') || textOf(record, 'guid');
    if (!url) return;
    const meta = postMeta(record);
    const copy = (text: string | undefined) => (text ? keep(text) : undefined);
    const picture: SourceImage = {
      url: keep(url),
      alt: copy(meta.get('_wp_attachment_image_alt')?.trim()),
      caption: copy(htmlToLine(excerptOf(record))),
      credit: copy(creditOf(meta)),
    };
    // The title is WordPress's file name unless someone wrote one: a last resort for alt.
    const title = decodeEntities(textOf(record, 'title'));
    if (!picture.alt && title && !/\.\w{3,4}$|^(img|dsc|image)[-_ ]?\d+$/i.test(title)) picture.alt = keep(title);
    index.attachmentsById.set(keep(wpText(record, 'post_id')), picture);
    index.attachmentsByUrl.set(picture.url, picture);
  }
}

function addTerm(index: WxrIndex, kind: 'category' | 'tag', slug: string, name: string, description: string): void {
  if (!slug) return;
  const decoded = decodeSlug(slug);
  const key = keep(`${kind}:${decoded}`);
  index.terms.set(key, { key, kind, slug: keep(decoded), name: keep(cleanTitle(decodeEntities(name)).text || decoded), description: htmlToLine(description) ? keep(htmlToLine(description)) : undefined });
}

/**
 * The second pass: an <item> as an article or a page, or undefined for what is not imported
 * (counted in `counts`). `timeZone` reads the local date when the GMT one is zero.
 */
export function wxrItem(record: XmlRecord, index: WxrIndex, options: { lang: Lang; timeZone: string; now: Date; tags: boolean }, counts: WxrCounts): ImportItem | undefined {
  if (record.name !== 'item' || isWp(record.ns)) return undefined;
  const type = wpText(record, 'post_type') || 'post';
  if (type === 'attachment') return undefined;
  const title = cleanTitle(decodeEntities(textOf(record, 'title')));
  const where = `line ${record.line}`;
  const comments = record.children.filter((c) => c.name === 'comment' && isWp(c.ns)).length;
  counts.comments += comments;
  if (type !== 'post' && type !== 'page') {
    counts.skippedKinds.set(keep(type), (counts.skippedKinds.get(type) ?? 0) + 1);
    return undefined;
  }
  const status = wpText(record, 'status') || 'publish';
  const notes: ItemNote[] = [];
  if (title.changed) notes.push({ code: 'title_cleaned' });
  if (['trash', 'auto-draft', 'inherit'].includes(status)) {
    counts.skipped.push({ where, title: keep(title.text), reason: keep(status) });
    return undefined;
  }
  const draft = status === 'draft' || status === 'pending' || status === 'private';
  if (type === 'page' && draft) {
    // Static pages have no drafts: written as a page, it would be public.
    counts.skipped.push({ where, title: keep(title.text), reason: `page_${status}` });
    return undefined;
  }
  if (draft) notes.push({ code: `status_${status as 'draft' | 'pending' | 'private'}` });
  const password = wpText(record, 'post_password');
  if (password) notes.push({ code: 'password_protected' });

  const gmt = fromGmt(wpText(record, 'post_date_gmt'));
  const local = gmt ? undefined : fromLocal(wpText(record, 'post_date'), options.timeZone);
  if (!gmt && local) notes.push({ code: 'date_local', detail: options.timeZone });
  const date = gmt ?? local ?? options.now;
  if (status === 'future' || date > options.now) notes.push({ code: 'future' });
  const modified = fromGmt(wpText(record, 'post_modified_gmt'));

  const id = wpText(record, 'post_id');
  const login = textOf(record, 'creator');
  const author = login ? (index.authors.get(login) ?? { key: login, login, name: login }) : undefined;
  const topics: SourceTopic[] = [];
  for (const c of record.children.filter((c) => c.name === 'category')) {
    const domain = c.attrs.domain ?? 'category';
    if (domain !== 'category' && domain !== 'post_tag') continue;
    const kind = domain === 'category' ? 'category' : 'tag';
    if (kind === 'tag' && !options.tags) continue;
    const slug = decodeSlug(c.attrs.nicename ?? '') || c.text.trim();
    const topic = index.terms.get(`${kind}:${slug}`) ?? { key: `${kind}:${slug}`, kind, slug, name: cleanTitle(decodeEntities(c.text)).text || slug };
    if (!topics.some((t) => t.key === topic.key)) topics.push(topic);
  }
  // Categories lead: the first topic is the main one.
  topics.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'category' ? -1 : 1));

  const meta = postMeta(record);
  const thumbnail = meta.get('_thumbnail_id');
  const image = thumbnail ? index.attachmentsById.get(thumbnail.trim()) : undefined;
  if (thumbnail && !image) notes.push({ code: 'image_missing', detail: `_thumbnail_id ${thumbnail}` });
  const views = Number(meta.get('views') ?? meta.get('post_views_count') ?? NaN);
  const excerpt = excerptOf(record);

  return {
    kind: type === 'page' ? 'page' : 'article',
    key: `wxr:${type}:${id || textOf(record, 'guid') || record.line}`,
    where,
    title: title.text,
    slug: importSlug(wpText(record, 'post_name'), title.text, `${type}-${id || record.line}`),
    lang: options.lang,
    date,
    updated: modified && modified.getTime() - date.getTime() > 60_000 ? modified : undefined,
    author,
    topics,
    lead: htmlToLine(excerpt) || undefined,
    html: textOf(record, 'encoded', isContent),
    image,
    pictures: index.attachmentsByUrl,
    draft: draft || Boolean(password),
    featured: wpText(record, 'is_sticky') === '1' || undefined,
    order: type === 'page' && Number(wpText(record, 'menu_order')) > 0 ? Number(wpText(record, 'menu_order')) : undefined,
    views: Number.isInteger(views) && views > 0 ? views : undefined,
    aliases: oldPaths([textOf(record, 'link'), guidOf(record)], { site: index.site, id, kind: type === 'page' ? 'page' : 'post' }),
    comments,
    notes,
  };
}

function wpText(record: XmlNode, name: string): string {
  return textOf(record, name, isWp);
}

function excerptOf(record: XmlNode): string {
  return textOf(record, 'encoded', isExcerpt);
}

function guidOf(record: XmlNode): string {
  return textOf(record, 'guid');
}

function postMeta(record: XmlNode): Map<string, string> {
  const meta = new Map<string, string>();
  for (const m of record.children) {
    if (m.name !== 'postmeta' || !isWp(m.ns)) continue;
    const key = child(m, 'meta_key')?.text.trim();
    if (key && !meta.has(key)) meta.set(key, child(m, 'meta_value')?.text ?? '');
  }
  return meta;
}

/** A photographer's name from the usual plugins' fields (Media Credit, the EXIF credit WordPress keeps). */
function creditOf(meta: Map<string, string>): string | undefined {
  const direct = meta.get('_media_credit') ?? meta.get('_wp_attachment_credit') ?? meta.get('credit');
  if (direct?.trim()) return direct.trim();
  const exif = /s:6:"credit";s:\d+:"([^"]+)"/.exec(meta.get('_wp_attachment_metadata') ?? '')?.[1];
  return exif?.trim() || undefined;
}

/** HTML as one line of plain text: an excerpt or a caption as our front matter holds it. */
export function htmlToLine(html: string): string {
  return cleanTitle(decodeEntities(html.replace(/<[^>]*>/g, ' '))).text;
}
