import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Lang } from '../i18n/languages.js';
import { foreignWords } from '../text/foreign-words.js';
import { typeset } from '../text/typography.js';
import { emptyFindings, inlineText, markdownForms, type FormFindings, type FormsEnv } from './markdown-forms.js';
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
  /** What the body's forms (embeds, video, gallery) and its raw HTML give check to say. */
  forms: FormFindings;
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

/**
 * One markdown-it per language, made once: typographic quotes, our typesetting, the body's
 * forms. Raw HTML is read as HTML only to be dropped and reported (markdown-forms.ts): never
 * printed, as markup or as text.
 */
function markdown(lang: Lang): MarkdownIt {
  let md = instances.get(lang);
  if (md) return md;
  md = new MarkdownIt({ html: true, linkify: true, typographer: true, quotes: QUOTES[lang] });
  // Every link becomes a token so that renderBody can check it and report it, instead of
  // markdown-it silently printing a rejected javascript: link as text.
  md.validateLink = () => true;
  // Only addresses with a scheme become links: "DKNews.kz" in a sentence is the agency's name.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  // So a link needs its scheme (http:, https:, ftp:, mailto:, //): a paragraph without a colon
  // or a slash has none, and is spared linkify-it's long pretest expression (a tenth of a parse).
  const pretest = md.linkify.pretest.bind(md.linkify);
  md.linkify.pretest = (text) => (text.includes(':') || text.includes('/')) && pretest(text);
  md.core.ruler.push('dknews_typeset', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      for (const child of token.children) if (child.type === 'text') child.content = typeset(child.content, lang);
    }
  });
  md.core.ruler.push('dknews_lang', foreignWords(lang));
  md.use(markdownForms, lang);
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
  const env: FormsEnv = { forms: emptyFindings(), sponsored: options.sponsored };
  const tokens = md.parse(source, env);
  const found: Findings = { badLinks: [], imagesWithoutAlt: [], siteLinks: [], images: [] };
  for (const image of env.forms.images) checkImage(image.src, image.alt, image.line, found);
  for (const video of env.forms.videos) if (!isSafeLink(video.src)) found.badLinks.push({ href: video.src, line: video.line });
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

  return { html: md.renderer.render(tokens, md.options, env), text: paragraphs.join('\n\n'), firstParagraph, ...found, forms: env.forms, ...(live ? { live } : {}) };
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
      if (!checkImage(child.attrGet('src') ?? '', child.content, line, found)) {
        toEmptyText(child);
        continue;
      }
      child.attrSet('loading', 'lazy');
      child.attrSet('decoding', 'async');
    }
  }
}

/** An image's address and alt, checked; false when the address is unsafe (the image is dropped). */
function checkImage(src: string, alt: string, line: number, found: Findings): boolean {
  if (!isSafeLink(src)) {
    found.badLinks.push({ href: src, line });
    return false;
  }
  if (!alt.trim()) found.imagesWithoutAlt.push({ line });
  found.images.push({ src, line });
  return true;
}

function toEmptyText(token: Token): void {
  token.type = 'text';
  token.tag = '';
  token.content = '';
  token.attrs = null;
  token.children = null;
}
