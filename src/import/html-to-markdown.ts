import gfmPlugin from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { embedUrl, telegramPost } from './embeds.js';
import type { NoteCode, SourceImage } from './item.js';
import { marker } from './shortcodes.js';
import { largestRendition } from './srcset.js';

/**
 * HTML → the Markdown our articles are written in, by turndown with the GFM plugin (tables,
 * strikethrough) and rules of ours for what a news site's HTML holds: a figure with its caption,
 * a gallery (→ `::: gallery`), a provider's embed in any of its forms (→ its link alone on a
 * line), a video (→ `![caption](file.mp4)`), an attributed quote (→ a last line «— Name»). Every
 * picture is left as a placeholder (`import-media:N`) for the media step to fill in or take out.
 * Markup with no Markdown form (scripts, forms, other sites' iframes) is taken out and noted.
 */
export interface BodyMedia {
  /** The address as the HTML had it, made absolute against the old site. */
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  video?: boolean;
}

export interface Converted {
  markdown: string;
  media: BodyMedia[];
  /** What was taken out; the i-th is marked in the text by marker(firstNote + i). */
  notes: { code: NoteCode; detail: string }[];
}

export interface ConvertContext {
  /** The old site's address: its links become site paths (its aliases answer them), relative ones are resolved. */
  site?: string;
  /** Attachments by URL: alt, caption and credit of a picture the HTML shows without them. */
  pictures?: ReadonlyMap<string, SourceImage>;
  /** Markers already used in the HTML (by the shortcode step): new ones are numbered after them. */
  firstNote?: number;
}

const MEDIA = 'import-media:';
/** Elements with no Markdown form: taken out with what they hold. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'form', 'input', 'select', 'textarea', 'button', 'object', 'embed', 'canvas', 'map', 'svg', 'audio', 'iframe', 'link', 'meta'];

// Turndown's rules are made once and called synchronously within one conversion: they reach
// that conversion's context and collect its pictures and notes here.
let state: { context: ConvertContext; media: BodyMedia[]; notes: Converted['notes'] } | undefined;
let service: TurndownService | undefined;

/**
 * Converts one body.
 * @example htmlToMarkdown('<p>Текст <strong>жирный</strong></p>', {}).markdown // 'Текст **жирный**'
 */
export function htmlToMarkdown(html: string, context: ConvertContext): Converted {
  state = { context, media: [], notes: [] };
  try {
    const markdown = tidy(turndown().turndown(html || ''));
    return { markdown, media: state.media, notes: state.notes };
  } finally {
    state = undefined;
  }
}

function turndown(): TurndownService {
  if (service) return service;
  const td = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**', hr: '* * *' });
  td.use(gfmPlugin.gfm);
  // Rules added later win: the specific forms below come before turndown's own.
  td.addRule('dropped', {
    filter: (node) => DROPPED.includes(node.nodeName.toLowerCase()),
    replacement: (_, node) => {
      const el = node as HTMLElement;
      const name = el.nodeName.toLowerCase();
      const src = el.getAttribute('src') ?? '';
      if (name === 'iframe' && embedUrl(absolute(src))) return block(embedUrl(absolute(src))!);
      if (name === 'script' && el.getAttribute('data-telegram-post')) {
        const post = telegramPost(el.getAttribute('data-telegram-post')!);
        if (post) return block(post);
      }
      if (name === 'script' && /platform\.twitter\.com|instagram\.com\/embed|telegram\.org\/js/.test(src)) return '';
      if (['link', 'meta', 'style'].includes(name) || insideDropped(el)) return '';
      return note('html_dropped', `<${name}${src ? ` src="${src}"` : ''}>`);
    },
  });
  td.addRule('heading1', { filter: 'h1', replacement: (content) => `\n\n## ${oneLine(content)}\n\n` });
  td.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement;
      let prefix = '- ';
      if (parent.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? 1) || 1;
        // Counted among the list's items only: domino's children includes the text between them.
        prefix = `${start + Array.from(parent.childNodes).filter((n) => n.nodeName === 'LI').indexOf(node as ChildNode)}. `;
      }
      // One line per item and per nested item: news lists are short, and blank lines would make them loose.
      const lines = content.split('\n').map((line) => line.replace(/\s+$/, '')).filter((line) => line.trim());
      // A nested list numbered from other than 1 cannot interrupt the item's text (CommonMark): a blank line first.
      for (let i = lines.length - 1; i > 0; i--) if (/^\s*(?:[2-9]|\d{2,})\. /.test(lines[i]!) && !/^\s*(?:\d+\.|-) /.test(lines[i - 1]!)) lines.splice(i, 0, '');
      return `${prefix}${lines.map((line, i) => (i ? `${' '.repeat(prefix.length)}${line}` : line.trimStart())).join('\n')}\n`;
    },
  });
  td.addRule('term', { filter: 'dt', replacement: (content) => (content.trim() ? `\n\n**${oneLine(content)}**\n\n` : '') });
  td.addRule('cellBreak', { filter: (node) => node.nodeName === 'BR' && !!(node as HTMLElement).closest?.('td, th'), replacement: () => ' ' });
  td.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!(node as HTMLElement).getAttribute('href'),
    replacement: (content, node) => {
      const el = node as HTMLElement;
      const href = siteLink(el.getAttribute('href')!);
      const text = content.trim();
      if (!text) return '';
      // A picture linked to its own file: the picture alone (the media step takes the larger file).
      if (/^!\[[^\n]*\]\(import-media:\d+[^)]*\)$/.test(text)) return content;
      if (!href) return content;
      return `[${text}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))})`;
    },
  });
  td.addRule('image', {
    filter: 'img',
    replacement: (_, node) => picture(node as HTMLElement),
  });
  td.addRule('video', {
    filter: 'video',
    replacement: (_, node) => {
      const el = node as HTMLElement;
      const src = el.getAttribute('src') || el.querySelector('source')?.getAttribute('src') || '';
      if (!src) return note('html_dropped', '<video>');
      const caption = el.closest?.('figure')?.querySelector('figcaption')?.textContent?.trim() ?? '';
      const n = state!.media.push({ src: absolute(src), alt: caption, caption, video: true }) - 1;
      return block(`![${escapeAlt(caption)}](${MEDIA}${n})`);
    },
  });
  td.addRule('figure', {
    filter: (node) => isFigure(node as HTMLElement) && !!(node as HTMLElement).querySelector('img') && !isGallery(node as HTMLElement),
    replacement: (_, node) => {
      const el = node as HTMLElement;
      const caption = el.querySelector('figcaption, .wp-caption-text, .wp-caption-dd')?.textContent?.replace(/\s+/g, ' ').trim();
      return block(picture(el.querySelector('img')!, caption));
    },
  });
  td.addRule('gallery', {
    filter: (node) => isGallery(node as HTMLElement),
    replacement: (_, node) => {
      const el = node as HTMLElement;
      const lines = Array.from(el.querySelectorAll('img')).map((img) => {
        const caption = img.getAttribute('data-caption') ?? img.closest('figure, li, dl')?.querySelector('figcaption, .wp-caption-text, .gallery-caption')?.textContent?.replace(/\s+/g, ' ').trim();
        return picture(img as HTMLElement, caption || undefined, img.getAttribute('data-credit') ?? undefined);
      });
      return lines.length ? block(`::: gallery\n${lines.join('\n')}\n:::`) : '';
    },
  });
  td.addRule('embedBlock', {
    filter: (node) => /\bwp-block-embed\b/.test((node as HTMLElement).getAttribute?.('class') ?? ''),
    replacement: (content, node) => {
      const url = (node as HTMLElement).querySelector('.wp-block-embed__wrapper')?.textContent?.trim() ?? '';
      return url ? urlLine(url) : content;
    },
  });
  td.addRule('providerQuote', {
    filter: (node) => node.nodeName === 'BLOCKQUOTE' && /\b(twitter-tweet|instagram-media|telegram-post)\b/.test((node as HTMLElement).getAttribute('class') ?? ''),
    replacement: (content, node) => {
      const el = node as HTMLElement;
      const links = [el.getAttribute('data-instgrm-permalink') ?? '', ...Array.from(el.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '')];
      const url = links.map((href) => embedUrl(absolute(href))).find(Boolean);
      return url ? block(url) : `\n\n${content.replace(/^/gm, '> ')}\n\n`;
    },
  });
  td.addRule('attribution', {
    filter: (node) => (node.nodeName === 'CITE' || node.nodeName === 'FOOTER') && !!(node as HTMLElement).closest?.('blockquote'),
    replacement: (content) => (content.trim() ? `\n\n${/^[—–-]/.test(content.trim()) ? content.trim().replace(/^[–-]\s*/, '— ') : `— ${content.trim()}`}\n\n` : ''),
  });
  td.addRule('urlParagraph', {
    filter: (node) => node.nodeName === 'P' && isUrl(node.textContent ?? '') && !(node as HTMLElement).querySelector('img'),
    replacement: (_, node) => urlLine(node.textContent!.trim()),
  });
  service = td;
  return td;
}

/** A picture as Markdown with its placeholder; alt from the HTML, else the attachment's, else the caption. */
function picture(img: HTMLElement, caption?: string, credit?: string): string {
  const link = img.parentElement?.nodeName === 'A' ? img.parentElement.getAttribute('href') : undefined;
  const src = absolute(largestRendition(img.getAttribute('src') ?? img.getAttribute('data-src') ?? '', img.getAttribute('srcset')));
  // WordPress links a thumbnail to its full-size file: take the file.
  const full = link && /\.(jpe?g|png|gif|webp|avif)(\?.*)?$/i.test(link) ? absolute(link) : src;
  if (!src) return '';
  const known = state!.context.pictures?.get(full) ?? state!.context.pictures?.get(src) ?? state!.context.pictures?.get(src.replace(/-\d+x\d+(\.\w+)$/, '$1'));
  const cap = caption || known?.caption;
  const alt = (img.getAttribute('alt') ?? '').trim() || known?.alt || cap || '';
  const n = state!.media.push({ src: full, alt, caption: cap, credit: credit ?? known?.credit }) - 1;
  return `![${escapeAlt(alt)}](${MEDIA}${n})`;
}

/** Whether an element is inside another taken out: the outer one is the one noted. */
function insideDropped(el: HTMLElement): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (DROPPED.includes(p.nodeName.toLowerCase())) return true;
  return false;
}

function isFigure(el: HTMLElement): boolean {
  return el.nodeName === 'FIGURE' || (el.nodeName === 'DIV' && /\bwp-caption\b/.test(el.getAttribute('class') ?? ''));
}

function isGallery(el: HTMLElement): boolean {
  const cls = el.getAttribute?.('class') ?? '';
  return /\b(import-gallery|wp-block-gallery|blocks-gallery-grid|gallery|tiled-gallery)\b/.test(cls) && el.nodeName !== 'IMG' && !el.parentElement?.closest?.('.import-gallery, .wp-block-gallery, .gallery, .tiled-gallery');
}

/** A URL alone on a line: an embed when it is a provider's, else a plain link. */
function urlLine(url: string): string {
  const abs = absolute(url);
  return block(embedUrl(abs) ?? `<${abs}>`);
}

function isUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text.trim());
}

function block(text: string): string {
  return `\n\n${text}\n\n`;
}

function note(code: NoteCode, detail: string): string {
  const notes = state!.notes;
  notes.push({ code, detail });
  return marker((state!.context.firstNote ?? 0) + notes.length - 1);
}

/** An address made absolute against the old site (`/wp-content/x.jpg`, `//cdn…`). */
function absolute(url: string): string {
  const trimmed = url.trim();
  if (!trimmed) return '';
  try {
    return new URL(trimmed, state?.context.site ?? 'http://old.invalid/').href.replace('http://old.invalid/', '/');
  } catch {
    return trimmed;
  }
}

/**
 * A link's target in our terms: the old site's pages as site paths (their aliases answer them
 * with 301), other sites as they are, unsafe schemes as nothing (the text stays).
 */
function siteLink(href: string): string | undefined {
  const trimmed = href.trim();
  if (/^(mailto:|tel:|#)/i.test(trimmed)) return trimmed;
  const abs = absolute(trimmed);
  if (abs.startsWith('/')) return abs;
  let url: URL;
  try {
    url = new URL(abs);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const site = state?.context.site ? new URL(state.context.site) : undefined;
  if (site && url.host === site.host && !/\/wp-content\/|\.(jpe?g|png|gif|pdf|docx?|xlsx?|zip)$/i.test(url.pathname)) return `${url.pathname}${url.search}${url.hash}` || '/';
  return url.href;
}

function escapeAlt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\[\]]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Blank lines at most one in a row, no trailing spaces but Markdown's line breaks. */
function tidy(markdown: string): string {
  return markdown
    .replace(/\u00A0/g, ' ')
    .replace(/^[ \t]+$/gm, '')
    .replace(/(\S)[ \t]+$/gm, (_, last: string, offset: number, all: string) => (last !== '>' && all.slice(offset).match(/^.*\n(.*)/)?.[1]?.trim() ? `${last}  ` : last))
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2}(\n\n|$)/g, '$1')
    .trim();
}

export const MEDIA_PLACEHOLDER = /!\[((?:[^\]\\\n]|\\.)*)\]\(import-media:(\d+)\)/g;
