import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeEntities } from './html-entities.js';
import { cleanTitle } from './slugs.js';
import { largestRendition } from './srcset.js';

/**
 * An article page of a live site, read as a search engine reads it: the JSON-LD NewsArticle
 * (or Article, BlogPosting) first, Open Graph's article tags next, the page itself last. The body
 * is the element the page marks as the article's text (itemprop="articleBody", or the class a
 * well-known CMS gives it), else what Mozilla's Readability (Firefox's reader view) finds.
 */
export interface ExtractedPage {
  title: string;
  date?: string;
  modified?: string;
  author?: string;
  topics: string[];
  description?: string;
  /** The article's picture: its largest rendition on the page, with alt, caption and credit. */
  image?: { url: string; alt?: string; caption?: string; credit?: string };
  /** The body as HTML, without the title and the article's picture. */
  html: string;
  lang?: string;
  /** Whether the page says it is an article (JSON-LD or og:type). */
  isArticle: boolean;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|LiveBlogPosting|OpinionNewsArticle|Report)$/;
const BODY_SELECTORS = ['[itemprop="articleBody"]', '.article__body', '.entry-content', '.post-content', '.article-body', '.article-content', '.article__text', '.news-text', '.td-post-content', '.field--name-body'];

type Json = Record<string, unknown>;

export function extractPage(html: string, url: string): ExtractedPage {
  const { document } = parseHTML(html);
  const ld = articleLd(document);
  const meta = (name: string) => document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;
  const ogType = meta('og:type');
  const title = cleanTitle(decodeEntities(meta('og:title') ?? text(ld?.headline) ?? document.querySelector('h1')?.textContent ?? document.title ?? '')).text;
  const keywords = Array.isArray(ld?.keywords) ? (ld.keywords as unknown[]).map(String) : typeof ld?.keywords === 'string' ? ld.keywords.split(',') : [];
  const sections = Array.isArray(ld?.articleSection) ? (ld.articleSection as unknown[]).map(String) : ld?.articleSection ? [String(ld.articleSection)] : [];
  const ogTopics = [meta('article:section'), ...Array.from(document.querySelectorAll('meta[property="article:tag"]')).map((m) => m.getAttribute('content') ?? '')];
  const topics = [...new Set([...sections, ...keywords, ...ogTopics].map((t) => cleanTitle(t ?? '').text).filter(Boolean))];

  const image = mainImage(document, meta, ld, url);
  const body = bodyElement(document, html);
  // The article's own picture and title go into the front matter, not the text.
  if (image?.element) body?.querySelector(`img[src="${image.element.getAttribute('src')}"]`)?.closest('figure')?.remove();
  for (const h1 of Array.from(body?.querySelectorAll('h1') ?? [])) if (cleanTitle(h1.textContent ?? '').text === title) h1.remove();

  return {
    title,
    date: text(ld?.datePublished) ?? meta('article:published_time'),
    modified: text(ld?.dateModified) ?? meta('article:modified_time'),
    author: authorName(ld?.author) ?? nonUrl(meta('article:author')) ?? meta('author'),
    topics,
    description: text(ld?.description) ?? meta('og:description') ?? meta('description'),
    image: image && { url: image.url, alt: image.alt, caption: image.caption, credit: image.credit },
    html: body?.innerHTML ?? '',
    lang: document.documentElement?.getAttribute('lang') ?? text(ld?.inLanguage),
    isArticle: Boolean(ld) || ogType === 'article',
  };
}

/** The page's JSON-LD object that is an article, looking into @graph and arrays. */
function articleLd(document: Document): Json | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const type = (item as Json)['@type'];
        if ([type].flat().some((t) => ARTICLE_TYPES.test(String(t)))) return item as Json;
        if ((item as Json)['@graph']) queue.push((item as Json)['@graph']);
      }
    }
  }
  return undefined;
}

/**
 * The article's picture: the page's image that og:image or the JSON-LD image names (same file or
 * same folder of renditions), at its largest rendition (srcset); else og:image itself.
 */
function mainImage(document: Document, meta: (name: string) => string | undefined, ld: Json | undefined, url: string) {
  const named = [meta('og:image'), ...[ld?.image].flat().map((i) => (typeof i === 'string' ? i : text((i as Json | undefined)?.url)))].filter((u): u is string => Boolean(u)).map((u) => absolute(u, url));
  if (!named.length) return undefined;
  const folder = (u: string) => u.slice(0, u.lastIndexOf('/') + 1);
  const alt = meta('og:image:alt');
  const img = Array.from(document.querySelectorAll('img')).find((el) => {
    const candidates = [el.getAttribute('src') ?? '', ...srcset(el.getAttribute('srcset'))].map((u) => absolute(u, url));
    return candidates.some((c) => named.some((n) => n === c || folder(n) === folder(c)));
  });
  if (!img) return { url: named[0]!, alt };
  const figure = img.closest('figure');
  const captionBox = figure?.querySelector('figcaption, .wp-caption-text');
  const creditText = figure?.querySelector('[class*="credit"]')?.textContent?.trim() ?? '';
  // The caption is what the figure's caption says besides its credit («Фото: …»).
  const caption = (captionBox?.textContent ?? '').replace(creditText, '').replace(/\s+/g, ' ').trim() || undefined;
  const credit = creditText.replace(/^(Фото|Photo|Сурет)\s*:\s*/i, '') || undefined;
  return { url: largestRendition(img.getAttribute('src') ?? '', img.getAttribute('srcset'), url), alt: img.getAttribute('alt')?.trim() || alt, caption, credit, element: img };
}


function srcset(value: string | null): string[] {
  return (value ?? '').split(',').map((p) => p.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

function bodyElement(document: Document, html: string): Element | undefined {
  for (const selector of BODY_SELECTORS) {
    const found = document.querySelector(selector);
    if (found && (found.textContent ?? '').trim()) return found;
  }
  // Readability changes the document it reads: it gets a copy.
  const copy = parseHTML(html).document;
  const content = new Readability(copy as unknown as Document, { charThreshold: 100 }).parse()?.content;
  return content ? (parseHTML(`<!doctype html><html><body>${content}</body></html>`).document.body as unknown as Element) : undefined;
}

function authorName(author: unknown): string | undefined {
  const first = [author].flat()[0];
  if (typeof first === 'string') return nonUrl(first);
  return text((first as Json | undefined)?.name);
}

function nonUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//.test(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function absolute(u: string, base: string): string {
  try {
    return new URL(u, base).href;
  } catch {
    return u;
  }
}
