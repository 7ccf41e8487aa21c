import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Lang } from '../i18n/languages.js';
import { foreignWords } from '../text/foreign-words.js';
import { typeset } from '../text/typography.js';
import { liveUpdates, type LiveUpdates } from './live-updates.js';

export interface RenderedBody {
  html: string;
  /** The text without markup, paragraphs separated by blank lines. */
  text: string;
  /** The first paragraph as plain text: the lead when the front matter has none. */
  firstParagraph: string;
  /** Links and images the editor must fix, with their line in the body (1-based). */
  badLinks: { href: string; line: number }[];
  imagesWithoutAlt: { line: number }[];
  /** Links to paths of this site (`/ru/news/x`), for the check that their target exists. */
  siteLinks: { href: string; line: number }[];
  /** Sources of the body's images that passed the link check, for the check that the file exists. */
  images: { src: string; line: number }[];
  /** A live article's updates (see live-updates.ts); absent for other articles. */
  live?: LiveUpdates;
}

export interface BodyOptions {
  /** Live coverage: `##` headings starting with a time are its updates, the first on the day of `start`. */
  live?: { start?: Date };
  /** Advertising: links to other sites get rel="sponsored". */
  sponsored?: boolean;
}

/** What checkInline collects, all with body lines. */
type Findings = Pick<RenderedBody, 'badLinks' | 'imagesWithoutAlt' | 'siteLinks' | 'images'>;

const QUOTES: Record<Lang, string> = { ru: '«»„“', kk: '«»„“', en: '“”‘’' };
const instances = new Map<Lang, MarkdownIt>();

/** One markdown-it per language, made once: raw HTML off, typographic quotes, our typesetting. */
function markdown(lang: Lang): MarkdownIt {
  let md = instances.get(lang);
  if (md) return md;
  md = new MarkdownIt({ html: false, linkify: true, typographer: true, quotes: QUOTES[lang] });
  // Every link becomes a token so that renderBody can check it and report it, instead of
  // markdown-it silently printing a rejected javascript: link as text.
  md.validateLink = () => true;
  // Only addresses with a scheme become links: "DKNews.kz" in a sentence is the agency's name.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.core.ruler.push('dknews_typeset', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      for (const child of token.children) if (child.type === 'text') child.content = typeset(child.content, lang);
    }
  });
  md.core.ruler.push('dknews_lang', foreignWords(lang));
  instances.set(lang, md);
  return md;
}

const SAFE_LINK = /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s()-]*|\/(?!\/)[^\s]*|#[^\s]*)$/i;

export function isSafeLink(href: string): boolean {
  return SAFE_LINK.test(href);
}

/**
 * Renders an article body. Headings start at h2 (the page's h1 is the title); images load lazily.
 * Unsafe links are reported and rendered as plain text.
 */
export function renderBody(source: string, lang: Lang, options: BodyOptions = {}): RenderedBody {
  const md = markdown(lang);
  const tokens = md.parse(source, {});
  const found: Findings = { badLinks: [], imagesWithoutAlt: [], siteLinks: [], images: [] };
  // Before the pass below, which reads the headings' text: an update's time is not part of it.
  const live = options.live && liveUpdates(tokens, md.core.State.prototype.Token, lang, options.live.start);
  const paragraphs: string[] = [];
  let firstParagraph = '';

  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Math.max(2, Number(token.tag.slice(1))))}`;
    }
    if (token.type !== 'inline' || !token.children) return;
    const line = (token.map?.[0] ?? 0) + 1;
    checkInline(token.children, line, found, options.sponsored === true);
    const plain = inlineText(token.children);
    paragraphs.push(plain);
    if (!firstParagraph && tokens[i - 1]?.type === 'paragraph_open') firstParagraph = plain;
  });

  return { html: md.renderer.render(tokens, md.options, {}), text: paragraphs.join('\n\n'), firstParagraph, ...found, ...(live ? { live } : {}) };
}

/**
 * Checks links and images of one inline run; an unsafe link keeps its text and loses the link.
 * `firstLine` is the run's first line; each line break inside it moves the line on, so that a
 * problem in a long paragraph points at its own line.
 */
function checkInline(children: Token[], firstLine: number, found: Findings, sponsored: boolean): void {
  let dropping = false;
  let line = firstLine;
  for (const child of children) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') {
      line++;
    } else if (child.type === 'link_open' && !isSafeLink(child.attrGet('href') ?? '')) {
      found.badLinks.push({ href: child.attrGet('href') ?? '', line });
      dropping = true;
      toEmptyText(child);
    } else if (child.type === 'link_open') {
      const href = child.attrGet('href') ?? '';
      if (href.startsWith('/')) found.siteLinks.push({ href, line });
      // An advertisement's links to other sites are paid links: search engines are told so.
      else if (sponsored && /^https?:/i.test(href)) child.attrSet('rel', 'sponsored');
    } else if (child.type === 'link_close' && dropping) {
      dropping = false;
      toEmptyText(child);
    } else if (child.type === 'image') {
      const src = child.attrGet('src') ?? '';
      if (!isSafeLink(src)) {
        found.badLinks.push({ href: src, line });
        toEmptyText(child);
        continue;
      }
      if (!child.content.trim()) found.imagesWithoutAlt.push({ line });
      found.images.push({ src, line });
      child.attrSet('loading', 'lazy');
      child.attrSet('decoding', 'async');
    }
  }
}

function toEmptyText(token: Token): void {
  token.type = 'text';
  token.tag = '';
  token.content = '';
  token.attrs = null;
  token.children = null;
}

function inlineText(children: Token[]): string {
  return children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : ''))
    .join('')
    .replace(/\u00a0/g, ' ')
    .trim();
}
