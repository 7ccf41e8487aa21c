import { decodeEntities } from './html-entities.js';
import type { NoteCode, SourceImage } from './item.js';
import { escapeHtml } from '../text/escape-html.js';

/**
 * WordPress's own markup inside a post's HTML: shortcodes (`[caption]…[/caption]`,
 * `[gallery ids="1,2"]`) and block comments (`<!-- wp:image {…} -->`). What has a form of ours
 * becomes plain HTML the Markdown step knows (a figure, a gallery, an embed's link, a video);
 * anything else is taken out of the text (an enclosing shortcode keeps what it enclosed) and
 * left as a marker, so that the report can name the line of the written file it was on.
 */
export interface Found {
  code: NoteCode;
  detail: string;
}

export interface Expanded {
  html: string;
  /** What was taken out; the i-th is marked in the text by marker(i). */
  found: Found[];
}

export interface ShortcodeContext {
  /** Attachments by id and by post (for `[gallery]` without ids). */
  attachmentById?: (id: string) => SourceImage | undefined;
  attachmentsOfPost?: () => SourceImage[];
}

/** A marker in the text where something was taken out: private-use characters that no step escapes. */
export function marker(i: number): string {
  return `\uE000${i}\uE001`;
}
export const MARKER = /\uE000(\d+)\uE001/g;

// Core blocks whose saved HTML is the content itself: their comments are only delimiters.
const STATIC_BLOCKS = new Set([
  'paragraph', 'heading', 'list', 'list-item', 'image', 'quote', 'pullquote', 'table', 'separator', 'columns', 'column',
  'group', 'row', 'stack', 'gallery', 'preformatted', 'code', 'verse', 'spacer', 'buttons', 'button', 'cover',
  'media-text', 'embed', 'video', 'audio', 'file', 'html', 'freeform', 'shortcode', 'more', 'nextpage', 'missing',
  'details', 'footnotes', 'text-columns', 'subhead', 'block', 'audio', 'table-of-contents',
]);
/** What a dynamic block shows is made by the old site at each request: there is nothing to import. */
const DROP_SILENTLY = new Set(['more', 'nextpage', 'spacer']);

/** Shortcodes that WordPress and its most used plugins register: a bracketed word is one only if known, or if it has attributes or a closing tag. */
const KNOWN = new Set([
  'caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video', 'playlist', 'youtube', 'vimeo', 'twitter', 'tweet',
  'instagram', 'soundcloud', 'googlemaps', 'contact-form', 'contact-form-7', 'gravityform', 'wpforms', 'ninja_form',
  'button', 'quote', 'pullquote', 'dropcap', 'column', 'row', 'one_half', 'one_third', 'toc', 'spoiler', 'tabs', 'tab',
  'accordion', 'adsense', 'ad', 'recent-posts', 'related', 'vc_row', 'vc_column', 'vc_column_text', 'et_pb_section',
  'fusion_builder_container', 'su_spoiler', 'su_button', 'wpvideo', 'slideshow', 'polldaddy', 'archives', 'sitemap',
]);
const EMBEDDING = new Set(['embed', 'youtube', 'vimeo', 'twitter', 'tweet', 'instagram', 'soundcloud', 'wpvideo']);

/**
 * Expands shortcodes and block comments of one post's HTML.
 * @example expandWordPress('[caption]<img src="a.jpg"> Астана[/caption]', {}).html // '<figure class="import-caption"><img src="a.jpg"><figcaption>Астана</figcaption></figure>'
 */
export function expandWordPress(html: string, context: ShortcodeContext): Expanded {
  const found: Found[] = [];
  const note = (code: NoteCode, detail: string) => marker(found.push({ code, detail }) - 1);
  const withoutBlocks = blockComments(html, note);
  return { html: shortcodes(withoutBlocks, context, note, 0), found };
}

function blockComments(html: string, note: (code: NoteCode, detail: string) => string): string {
  return html.replace(/<!--\s*(\/?)wp:([a-z0-9-]+(?:\/[a-z0-9-]+)?)(\s+\{[\s\S]*?\})?\s*(\/?)-->/g, (_, closing: string, name: string, _json, selfClosing: string) => {
    if (closing) return '';
    const core = name.replace(/^core\//, '');
    const known = STATIC_BLOCKS.has(core) || core.startsWith('core-embed/');
    if (DROP_SILENTLY.has(core)) return '';
    // A self-closing block has no saved HTML: what it showed came from the old site's database.
    if (selfClosing || !known) return note('block_unknown', `wp:${name}`);
    return '';
  }).replace(/<!--[\s\S]*?-->/g, '');
}

const SHORTCODE = /\[(\[?)([a-zA-Z_][\w-]*)((?:\s+[^\]]*?)?|=[^\]]*?)(\/?)\](\]?)/g;

function shortcodes(html: string, context: ShortcodeContext, note: (code: NoteCode, detail: string) => string, depth: number): string {
  if (depth > 5 || !html.includes('[')) return html;
  let out = '';
  let at = 0;
  SHORTCODE.lastIndex = 0;
  for (let m = SHORTCODE.exec(html); m; m = SHORTCODE.exec(html)) {
    const [whole, escapeOpen, rawName, rawAttrs, selfClosing, escapeClose] = m;
    const name = rawName!.toLowerCase();
    // [[name]] is WordPress's way of writing a shortcode as text.
    if (escapeOpen && escapeClose) {
      out += html.slice(at, m.index) + whole.slice(1, -1);
      at = m.index + whole.length;
      continue;
    }
    const closeTag = `[/${rawName}]`;
    const closeAt = selfClosing ? -1 : html.indexOf(closeTag, m.index + whole.length);
    if (!KNOWN.has(name) && !rawAttrs?.trim() && closeAt === -1) continue;
    const inner = closeAt === -1 ? '' : html.slice(m.index + whole.length, closeAt);
    const end = closeAt === -1 ? m.index + whole.length : closeAt + closeTag.length;
    const attrs = attributes(rawAttrs ?? '');
    out += html.slice(at, m.index) + expand(name, attrs, inner, context, note, depth);
    at = end;
    SHORTCODE.lastIndex = end;
  }
  return out + html.slice(at);
}

function expand(name: string, attrs: Record<string, string>, inner: string, context: ShortcodeContext, note: (code: NoteCode, detail: string) => string, depth: number): string {
  const nested = () => shortcodes(inner, context, note, depth + 1);
  if (name === 'caption' || name === 'wp_caption') {
    const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
    const caption = (attrs.caption ?? inner.replace(image, '')).trim();
    return `<figure class="import-caption">${image}<figcaption>${caption}</figcaption></figure>`;
  }
  if (name === 'gallery') {
    const ids = (attrs.ids ?? attrs.include ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const pictures = ids.length ? ids.map((id) => context.attachmentById?.(id)) : (context.attachmentsOfPost?.() ?? []);
    const known = pictures.filter((p): p is SourceImage => p !== undefined);
    const missing = pictures.length - known.length;
    const lost = missing || !known.length ? note('image_missing', `[gallery${ids.length ? ` ids="${ids.join(',')}"` : ''}]`) : '';
    const images = known.map((p) => `<img src="${escapeHtml(p.url)}" alt="${escapeHtml(p.alt ?? '')}"${p.caption ? ` data-caption="${escapeHtml(p.caption)}"` : ''}${p.credit ? ` data-credit="${escapeHtml(p.credit)}"` : ''}>`);
    return `${lost}${images.length ? `<div class="import-gallery">${images.join('')}</div>` : ''}`;
  }
  if (EMBEDDING.has(name)) {
    const url = (attrs.url ?? attrs.src ?? attrs[''] ?? inner.replace(/<[^>]*>/g, '')).trim();
    return url ? `<p>${escapeHtml(decodeEntities(url))}</p>` : note('shortcode_unknown', `[${name}]`);
  }
  if (name === 'video') {
    const src = attrs.src ?? attrs.mp4 ?? attrs.webm ?? attrs.m4v ?? attrs.ogv ?? '';
    return src ? `<video src="${escapeHtml(src)}"></video>` : note('shortcode_unknown', `[video]`);
  }
  return note('shortcode_unknown', `[${name}]`) + nested();
}

/**
 * A shortcode's attributes: name="value", name='value', name=value, and bare values (the
 * `[youtube=URL]` or `[embed URL]` form keeps its value under '').
 */
function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const source = text.startsWith('=') ? ` ${text.slice(1)}` : text;
  for (const m of source.matchAll(/([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s"']+)|"([^"]*)"|(\S+)/g)) {
    if (m[1]) attrs[m[1].toLowerCase()] = decodeEntities(m[2]!);
    else if (m[3]) attrs[m[3].toLowerCase()] = decodeEntities(m[4]!);
    else if (m[5]) attrs[m[5].toLowerCase()] = decodeEntities(m[6]!);
    else if (attrs[''] === undefined) attrs[''] = decodeEntities(m[7] ?? m[8]!);
  }
  return attrs;
}
