import type MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { Lang } from '../i18n/languages.js';
import { typeset } from '../text/typography.js';
import { formMark, isVideoPath, mediaPathOf, type BodyForm, type GalleryForm } from './body-forms.js';
import { linkInEmbedCode, providerOfHost, recognizeEmbed, type ProviderId } from './embeds.js';

/** What the forms found for check, each with its line in the body (1-based). */
export interface FormFindings {
  /** Raw HTML (dropped): the code, and the link to paste instead when it is a provider's embed code. */
  rawHtml: { line: number; tag: string; link?: string }[];
  /** Videos the body shows, as written (`/media/…`), for the check that the file exists; `poster` when the editor gave one. */
  videos: { src: string; line: number; poster?: string }[];
  /** Pictures the forms show (gallery photos, posters), as written: checked as body images are. */
  images: { src: string; alt: string; line: number }[];
  /** A link of a provider on a line of its own that is not one of its videos or posts: it stays a link. */
  notEmbeds: { href: string; line: number; provider: ProviderId }[];
  /** A video written inside a sentence: it is shown only on a line of its own. */
  videosInText: { src: string; line: number }[];
  /** A gallery with no picture, or with something else than pictures and their captions. */
  galleries: { line: number; code: 'gallery_empty' | 'gallery_not_image' }[];
}

export function emptyFindings(): FormFindings {
  return { rawHtml: [], videos: [], images: [], notEmbeds: [], videosInText: [], galleries: [] };
}

/** What the forms rule leaves in markdown-it's env for renderBody. */
export interface FormsEnv {
  forms: FormFindings;
  /** An advertisement: an embed's links to its provider are sponsored. */
  sponsored?: boolean;
}

/**
 * The body forms beyond Markdown, as a markdown-it plugin: raw HTML dropped and reported;
 * `media/…` image paths read as `/media/…`; a provider's video or post link on a line of its
 * own, our own video (`![Подпись](media/….mp4)`) and `::: gallery` blocks left as marks for the
 * page to print (body-forms.ts); a blockquote ending «— Имя» as a figure with its attribution;
 * a table with its «Таблица: …» caption inside a scrolling region.
 */
export function markdownForms(md: MarkdownIt, lang: Lang): void {
  md.use(container, 'gallery', { validate: (params: string) => params.trim().split(/\s+/, 1)[0] === 'gallery' });
  md.core.ruler.after('inline', 'dknews_raw_html', dropRawHtml);
  md.core.ruler.push('dknews_forms', (state) => {
    const found = (state.env as FormsEnv).forms;
    mediaPaths(state);
    galleries(state, found, lang);
    paragraphForms(state, found);
    attributedQuotes(state);
    tableCaptions(state);
  });
  md.renderer.rules.dk_form = (tokens, idx) => `${formMark(tokens[idx]!.meta as BodyForm)}\n`;
  md.renderer.rules.dk_raw = (tokens, idx) => tokens[idx]!.content;
}

/** Raw HTML is never printed, as markup or as text: each piece is reported, with the link to paste for an embed code. */
function dropRawHtml(state: StateCore): void {
  const found = (state.env as FormsEnv).forms;
  const report = (line: number, code: string) => {
    const tag = /^<\/?([A-Za-z][\w-]*)/.exec(code.trim())?.[1]?.toLowerCase() ?? code.trim().slice(0, 20);
    found.rawHtml.push({ line, tag, link: linkInEmbedCode(code) });
  };
  state.tokens = state.tokens.filter((token) => {
    if (token.type === 'html_block') {
      report((token.map?.[0] ?? 0) + 1, token.content);
      return false;
    }
    if (token.type === 'inline' && token.children?.some((c) => c.type === 'html_inline')) {
      let line = (token.map?.[0] ?? 0) + 1;
      const codes = new Map<number, string>();
      token.children = token.children.filter((child) => {
        if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
        if (child.type !== 'html_inline') return true;
        codes.set(line, (codes.get(line) ?? '') + child.content);
        return false;
      });
      for (const [at, code] of codes) report(at, code);
    }
    return true;
  });
}

/** `![…](media/…)` as the issue and editors write it is the site's `/media/…`. */
function mediaPaths(state: StateCore): void {
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      const src = child.type === 'image' ? child.attrGet('src') : null;
      if (src?.startsWith('media/')) child.attrSet('src', `/${src}`);
    }
  }
}

/** One line of an inline run: the tokens between two line breaks, without empty text. */
type Line = { tokens: Token[]; line: number };

function linesOf(inline: Token): Line[] {
  const first = (inline.map?.[0] ?? 0) + 1;
  const lines: Line[] = [{ tokens: [], line: first }];
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') lines.push({ tokens: [], line: first + lines.length });
    else if (!(child.type === 'text' && !child.content.trim())) lines.at(-1)!.tokens.push(child);
  }
  return lines;
}

/** The address of a line that is only a bare link (linkified or <autolink>), else undefined. */
function bareLink(line: Line): string | undefined {
  const [open, text, close] = line.tokens;
  if (line.tokens.length !== 3 || open?.type !== 'link_open' || text?.type !== 'text' || close?.type !== 'link_close') return undefined;
  return open.markup === 'linkify' || open.markup === 'autolink' ? (open.attrGet('href') ?? undefined) : undefined;
}

/** The image of a line that is only an image, else undefined. */
function imageOnly(line: Line): Token | undefined {
  const [image] = line.tokens;
  return line.tokens.length === 1 && image?.type === 'image' ? image : undefined;
}

/** The words of inline tokens without markup: captions and titles are plain text. */
export function inlineText(children: readonly Token[]): string {
  return children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** A line's words, typeset (no-break spaces kept), or undefined when it has none. */
function lineText(line: Line): string | undefined {
  const text = line.tokens
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
    .join('')
    .trim();
  return text || undefined;
}

function formToken(state: StateCore, form: BodyForm, level: number, map: [number, number] | null): Token {
  const token = new state.Token('dk_form', '', 0);
  token.meta = form;
  token.block = true;
  token.level = level;
  token.map = map;
  return token;
}

function blockToken(state: StateCore, type: string, tag: string, nesting: 1 | 0 | -1): Token {
  const token = new state.Token(type, tag, nesting);
  token.block = true;
  return token;
}

function joined(parts: (string | undefined)[]): string | undefined {
  return parts.filter(Boolean).join(' ') || undefined;
}

/**
 * A paragraph whose first line is a provider's video or post link, or our own video: the form,
 * with the editor's picture (an image line) and title (text lines) from the lines after it. A
 * photo of media/ on its first line with text lines under it (or a credit in its quotes) is a
 * captioned photo.
 */
function paragraphForms(state: StateCore, found: FormFindings): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i + 1];
    if (tokens[i]!.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const [first, ...rest] = linesOf(inline);
    const href = bareLink(first!);
    const image = imageOnly(first!);
    const imageSrc = image?.attrGet('src');
    let form: BodyForm | undefined;
    const posterLine = rest.find((line) => imageOnly(line));
    const poster = posterLine && imageOnly(posterLine);
    const posterSrc = poster?.attrGet('src');
    const words = joined(rest.filter((line) => !imageOnly(line)).map(lineText));
    if (href) {
      const target = recognizeEmbed(href);
      const provider = target ? undefined : providerOfHost(href);
      if (target) {
        form = { kind: 'embed', ...target, title: words, poster: posterSrc ? { src: mediaPathOf(posterSrc) ?? posterSrc, alt: poster!.content } : undefined, ...((state.env as FormsEnv).sponsored ? { sponsored: true } : {}) };
      } else if (provider && rest.length === 0) found.notEmbeds.push({ href, line: first!.line, provider });
    } else if (imageSrc && isVideoPath(imageSrc)) {
      found.videos.push({ src: imageSrc, line: first!.line, poster: posterSrc ?? undefined });
      form = { kind: 'video', src: mediaPathOf(imageSrc) ?? imageSrc, caption: joined([image!.content.trim(), words]) ?? '', credit: image!.attrGet('title') ?? undefined, poster: posterSrc ? (mediaPathOf(posterSrc) ?? posterSrc) : undefined };
    } else if (imageSrc && mediaPathOf(imageSrc) !== undefined && !posterLine && (rest.length || image!.attrGet('title'))) {
      found.images.push({ src: imageSrc, alt: image!.content, line: first!.line });
      form = { kind: 'photo', src: mediaPathOf(imageSrc)!, alt: image!.content, caption: words, credit: image!.attrGet('title') ?? undefined };
    }
    if (!form) {
      videosInText(inline, found);
      continue;
    }
    if (poster && posterSrc) found.images.push({ src: posterSrc, alt: poster.content, line: posterLine!.line });
    tokens.splice(i, 3, formToken(state, form, tokens[i]!.level, tokens[i]!.map));
  }
}

/** A video inside a sentence cannot be shown: it is reported and left out. */
function videosInText(inline: Token, found: FormFindings): void {
  for (const line of linesOf(inline)) {
    for (const child of line.tokens) {
      const src = child.type === 'image' ? child.attrGet('src') : null;
      if (!src || !isVideoPath(src)) continue;
      found.videosInText.push({ src, line: line.line });
      Object.assign(child, { type: 'text', tag: '', content: child.content, attrs: null, children: null });
    }
  }
}

/**
 * `::: gallery Заголовок` … `:::`: each image line starts a photo (alt in the brackets, the
 * credit in the quotes after the path), the text lines after it are its caption.
 */
function galleries(state: StateCore, found: FormFindings, lang: Lang): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'container_gallery_open') continue;
    let end = i + 1;
    while (end < tokens.length && !(tokens[end]!.type === 'container_gallery_close' && tokens[end]!.level === open.level)) end++;
    const line = (open.map?.[0] ?? 0) + 1;
    const title = open.info.trim().replace(/^gallery\s*/, '');
    const gallery: GalleryForm = { kind: 'gallery', title: title ? typeset(title, lang) : undefined, items: [] };
    for (let j = i + 1; j < end; j++) {
      const token = tokens[j]!;
      if (token.type === 'inline' && tokens[j - 1]?.type === 'paragraph_open' && token.level === open.level + 2) {
        for (const part of linesOf(token)) {
          const image = imageOnly(part);
          const src = image?.attrGet('src');
          if (image && src && !isVideoPath(src)) {
            found.images.push({ src, alt: image.content, line: part.line });
            gallery.items.push({ src: mediaPathOf(src) ?? src, alt: image.content, credit: image.attrGet('title') ?? undefined });
          } else if (!image && gallery.items.length) {
            const item = gallery.items.at(-1)!;
            item.caption = joined([item.caption, lineText(part)]);
          } else {
            found.galleries.push({ line: part.line, code: 'gallery_not_image' });
          }
        }
      } else if (token.nesting === 1 && token.type !== 'paragraph_open') {
        found.galleries.push({ line: (token.map?.[0] ?? 0) + 1, code: 'gallery_not_image' });
      }
    }
    if (!gallery.items.length) found.galleries.push({ line, code: 'gallery_empty' });
    tokens.splice(i, end - i + 1, ...(gallery.items.length ? [formToken(state, gallery, open.level, open.map)] : []));
  }
}

const ATTRIBUTION = /^[—–][\s\u00a0]*/;

/** A blockquote whose last line starts with «—»: <figure> with the quote and its attribution as <figcaption>. */
function attributedQuotes(state: StateCore): void {
  const tokens = state.tokens;
  for (let close = tokens.length - 1; close >= 0; close--) {
    if (tokens[close]!.type !== 'blockquote_close') continue;
    const level = tokens[close]!.level;
    let open = close - 1;
    while (open >= 0 && !(tokens[open]!.type === 'blockquote_open' && tokens[open]!.level === level)) open--;
    const inline = tokens[close - 2];
    if (tokens[close - 1]?.type !== 'paragraph_close' || inline?.type !== 'inline' || !inline.children) continue;
    const children = inline.children;
    const lastBreak = children.findLastIndex((c) => c.type === 'softbreak' || c.type === 'hardbreak');
    const firstOfLast = children.slice(lastBreak + 1).find((c) => c.type !== 'text' || c.content.trim());
    if (firstOfLast?.type !== 'text' || !ATTRIBUTION.test(firstOfLast.content)) continue;
    let attribution: Token[];
    if (lastBreak >= 0) {
      attribution = children.splice(lastBreak).slice(1);
    } else if (close - 3 > open + 1) {
      // The attribution is a paragraph of its own after the quote.
      attribution = children;
      tokens.splice(close - 3, 3);
      close -= 3;
    } else continue;
    firstOfLast.content = firstOfLast.content.replace(ATTRIBUTION, '');
    const caption = new state.Token('inline', '', 0);
    caption.children = attribution;
    caption.content = inlineText(attribution);
    const figure = blockToken(state, 'quote_open', 'figure', 1);
    figure.attrSet('class', 'quote');
    tokens.splice(close + 1, 0, blockToken(state, 'figcaption_open', 'figcaption', 1), caption, blockToken(state, 'figcaption_close', 'figcaption', -1), blockToken(state, 'quote_close', 'figure', -1));
    tokens.splice(open, 0, figure);
  }
}

const TABLE_CAPTION = /^(?:Таблица|Кесте|Table)(?:\s+[\d.]+)?\s*[:.—–]\s*/iu;

/** A table in a scrolling region of its own; a line «Таблица: …» right before it is its caption. */
function tableCaptions(state: StateCore): void {
  const tokens = state.tokens;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'table_open') continue;
    const inline = tokens[i - 2];
    const captioned = tokens[i - 1]?.type === 'paragraph_close' && inline?.type === 'inline' && !inline.content.includes('\n') && TABLE_CAPTION.test(inline.content);
    let open = i;
    let captionId: string | undefined;
    if (captioned) {
      captionId = `body-table-${++count}`;
      const text = inline.children!.find((c) => c.type === 'text');
      if (text) text.content = text.content.replace(TABLE_CAPTION, '');
      const caption = blockToken(state, 'caption_open', 'caption', 1);
      caption.attrSet('id', captionId);
      tokens.splice(i + 1, 0, caption, inline, blockToken(state, 'caption_close', 'caption', -1));
      tokens.splice(i - 3, 3);
      open = i - 3;
    }
    let close = open;
    for (; tokens[close]!.type !== 'table_close'; close++) alignByClass(tokens[close]!);
    const end = new state.Token('dk_raw', '', 0);
    end.content = '</div>\n';
    tokens.splice(close + 1, 0, end);
    tokens.splice(open, 0, formToken(state, { kind: 'table', captionId }, tokens[open]!.level, tokens[open]!.map));
    i = close + 2;
  }
}

/** A column's alignment as a class: the Content-Security-Policy allows no style attribute. */
function alignByClass(cell: Token): void {
  const align = /^text-align:(left|right|center)$/.exec(cell.attrGet('style') ?? '')?.[1];
  if (!align) return;
  cell.attrs = (cell.attrs ?? []).filter(([name]) => name !== 'style');
  cell.attrSet('class', `align-${align}`);
}
