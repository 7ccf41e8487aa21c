import type { Lang } from '../i18n/languages.js';
import { articleText, bodyStartLine, pageText } from './article-text.js';
import { autop, hasBlocks } from './autop.js';
import { frontMatterDate, monthFolder } from './dates.js';
import { htmlToMarkdown, MEDIA_PLACEHOLDER, type BodyMedia } from './html-to-markdown.js';
import type { ImportItem, ItemNote, SourceImage } from './item.js';
import type { MediaResolver } from './media-resolver.js';
import { expandWordPress, MARKER, type ShortcodeContext } from './shortcodes.js';
import { ARCHIVE, NEWSROOM, type SiteData } from './site-data.js';
import type { ContentWriter, Outcome } from './writer.js';

/** One item written (or left): where, what happened, and every note about it with its line. */
export interface ItemResult {
  /** `empty`: a page with no text, not written (a page cannot wait as a draft). */
  outcome: Outcome | 'empty';
  file: string;
  notes: ItemNote[];
}

export interface ItemContext {
  writer: ContentWriter;
  siteData: SiteData;
  media: MediaResolver;
  /** The old site's address: its links become site paths, relative addresses are resolved. */
  site?: string;
  /** WordPress's shortcodes and blocks are read (a WXR), or the HTML is taken as it is (a feed, a page). */
  wordpress?: ShortcodeContext;
}

const PHOTO: Record<Lang, string> = { ru: 'Фото', kk: 'Фото', en: 'Photo' };
const EMPTY_BODY: Record<Lang, string> = {
  ru: 'Текст статьи в источнике пуст.',
  kk: 'Дереккөзде мақала мәтіні бос.',
  en: 'The source has no text for this article.',
};
const UNTITLED: Record<Lang, string> = { ru: 'Без заголовка', kk: 'Тақырыпсыз', en: 'Untitled' };

/**
 * Turns one item into its file: the body's HTML into Markdown with its pictures fetched, the
 * references (author, topics) into ids of authors.yml and topics.yml, and writes it.
 */
export async function importItem(item: ImportItem, ctx: ItemContext): Promise<ItemResult> {
  const notes: ItemNote[] = [...item.notes];
  let html = item.html;
  let found: { code: ItemNote['code']; detail: string }[] = [];
  if (ctx.wordpress) {
    const expanded = expandWordPress(html, ctx.wordpress);
    found = expanded.found;
    html = hasBlocks(item.html) ? expanded.html : autop(expanded.html);
  }
  const converted = htmlToMarkdown(html, { site: ctx.site, pictures: item.pictures, firstNote: found.length });
  found = [...found, ...converted.notes];
  let body = await withMedia(converted.markdown, converted.media, item, ctx, found, notes);

  let draft = item.draft;
  if (!body.replace(/\uE000\d+\uE001/g, '').trim()) {
    if (item.kind === 'page') return { outcome: 'empty', file: '', notes };
    body = `${EMPTY_BODY[item.lang]}\n${body}`;
    draft = true;
    notes.push({ code: 'empty_body' });
  }
  let title = item.title;
  if (!title) {
    title = firstWords(body) || UNTITLED[item.lang];
    notes.push({ code: 'title_cleaned', detail: title });
  }
  const featured = item.image && (await ctx.media.resolve(item.image.url, item.date));
  if (featured && 'lost' in featured) notes.push({ code: 'image_missing', detail: `${item.image!.url} (${featured.lost})` });
  const image = featured && 'file' in featured ? frontImage(featured.file, item.image!, title, notes) : undefined;

  const placed = placeMarkers(body);
  const clean = placed.text || EMPTY_BODY[item.lang];
  const text =
    item.kind === 'page'
      ? pageText({ title, description: item.lead, order: item.order, aliases: item.aliases }, clean)
      : articleText(
          {
            title,
            lead: item.lead,
            date: frontMatterDate(item.date),
            updated: item.updated && frontMatterDate(item.updated),
            author: ctx.siteData.author(item.author ?? NEWSROOM),
            topics: item.topics.length ? [...new Set(item.topics.map((t) => ctx.siteData.topic(t)))] : [ctx.siteData.topic(ARCHIVE)],
            image,
            featured: item.featured,
            views: item.views,
            draft,
            aliases: item.aliases,
          },
          clean,
        );
  if (!item.author && item.kind === 'article') notes.push({ code: 'author_fallback' });
  if (!item.topics.length && item.kind === 'article') notes.push({ code: 'topic_fallback' });

  // Each note about a place in the body gets the line of the written file it was on.
  const start = bodyStartLine(text);
  for (const [n, line] of placed.lines) if (found[n]) notes.push({ ...found[n], line: start + line });

  const written =
    item.kind === 'page'
      ? ctx.writer.page(item.key, { slug: item.slug, lang: item.lang, text })
      : ctx.writer.article(item.key, { slug: item.slug, lang: item.lang, folder: `news/${monthFolder(item.date)}`, text });
  return { ...written, notes };
}

/** The body with each picture's placeholder replaced by its file, or taken out (and noted) when it could not be had. */
async function withMedia(markdown: string, media: BodyMedia[], item: ImportItem, ctx: ItemContext, found: { code: ItemNote['code']; detail: string }[], notes: ItemNote[]): Promise<string> {
  const used = [...new Set([...markdown.matchAll(MEDIA_PLACEHOLDER)].map((m) => Number(m[2])))];
  const files = new Map<number, string | undefined>();
  for (const n of used) {
    const m = media[n]!;
    const resolved = await ctx.media.resolve(m.src, item.date, m.video);
    if ('file' in resolved) files.set(n, resolved.file);
    else {
      files.set(n, undefined);
      found.push({ code: 'image_missing', detail: `${m.src} (${resolved.lost})` });
    }
  }
  const lostMarker = new Map<number, number>();
  let next = found.length - [...files.values()].filter((f) => f === undefined).length;
  for (const n of used) if (files.get(n) === undefined) lostMarker.set(n, next++);
  const replaced = markdown.replace(MEDIA_PLACEHOLDER, (_, alt: string, num: string) => {
    const n = Number(num);
    const file = files.get(n);
    if (file === undefined) return `\uE000${lostMarker.get(n)}\uE001`;
    const m = media[n]!;
    const text = alt || (m.caption ? escapeAlt(m.caption) : escapeAlt(item.title));
    if (!alt && !m.caption) notes.push({ code: 'alt_from_title', detail: file });
    const title = [m.caption, m.credit && `${PHOTO[item.lang]}: ${m.credit}`].filter(Boolean).join('. ');
    return `![${text}](/media/${encodeMediaPath(file)}${title && !m.video ? ` "${title.replace(/["\\]/g, (c) => `\\${c}`)}"` : ''})`;
  });
  // A gallery whose every picture was lost is no gallery.
  return replaced.replace(/::: gallery\n(?:[ \t]*\uE000\d+\uE001[ \t]*\n)*:::/g, (block) => block.replace(/::: gallery\n|:::/g, ''));
}

function frontImage(file: string, source: SourceImage, title: string, notes: ItemNote[]): { src: string; alt: string; caption?: string; credit?: string } {
  const alt = source.alt || source.caption || title;
  if (!source.alt && !source.caption) notes.push({ code: 'alt_from_title', detail: file });
  return { src: file, alt, caption: source.caption, credit: source.credit };
}

/** A media path as a Markdown address: spaces and brackets would end it. */
function encodeMediaPath(file: string): string {
  return file.split('/').map((part) => encodeURIComponent(part)).join('/');
}

function escapeAlt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\[\]]/g, (c) => `\\${c}`);
}

function firstWords(markdown: string): string {
  const words = markdown.replace(/[#*_>`[\]()!]/g, ' ').replace(/\uE000\d+\uE001/g, '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.slice(0, 8).join(' ');
}

/**
 * The body without its markers, and the line (0-based, in that text) each marker was on; a line
 * that held only markers is dropped, its markers counted on the blank line left where it was.
 */
function placeMarkers(body: string): { text: string; lines: Map<number, number> } {
  const lines = new Map<number, number>();
  const out: string[] = [];
  for (const line of body.replace(/\n{3,}/g, '\n\n').trim().split('\n')) {
    const here = [...line.matchAll(MARKER)].map((m) => Number(m[1]));
    const rest = line.replace(MARKER, '');
    if (here.length && !rest.trim()) {
      // Named at the blank line where the taken-out line stood.
      for (const n of here) lines.set(n, out.length && !out.at(-1)!.trim() ? out.length - 1 : out.length);
      continue;
    }
    // No blank line first, nor two in a row where a marker's line was taken out.
    if (!rest.trim() && (!out.length || !out.at(-1)!.trim())) continue;
    for (const n of here) lines.set(n, out.length);
    out.push(rest);
  }
  return { text: out.join('\n').trim(), lines };
}
