import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ContentIndex } from '../index/content-index.js';
import { isoLocal } from '../i18n/format.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { everyLanguage, inLanguages, paths } from '../paths.js';
import { absoluteUrl, alternates, type Alternate } from './urls.js';
import { xmlEscape } from '../text/escape-xml.js';

/**
 * URLs in one child sitemap: the protocol allows 50,000, a fifth of that keeps each child a
 * bounded piece of work (a query and some 3 MB of XML) at any size of the archive.
 */
export const SITEMAP_LIMIT = 10_000;

interface Entry {
  loc: string;
  lastmod?: Date;
  alternates: Alternate[];
}

/**
 * A child sitemap: its entries, a chunk at a time (a part of the articles is read in chunks, and
 * the event loop turns between them), and its newest change, for the index.
 */
interface Child {
  entries: () => Iterable<Entry[]>;
  lastmod: () => Date | undefined;
}

/** A child of a few entries, whose newest change is that of its entries. */
function listed(entries: () => Entry[]): Child {
  return { entries: () => [entries()], lastmod: () => entries().reduce<Date | undefined>((max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max), undefined) };
}

/**
 * Articles of a part read at once: at 100,000 articles a part of 10,000 costs about half a
 * second of queries and XML, so it is made in chunks of this many, each some tens of milliseconds.
 */
const CHUNK = 500;

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';


/** The child sitemaps of one language: home, topics, pages (all news, static pages), authors, articles in parts of at most `limit`. */
function children(index: ContentIndex, siteUrl: string, lang: Lang, limit: number, chunk = CHUNK): Map<string, Child> {
  const map = new Map<string, Child>();
  map.set(`${lang}-home`, listed(() => [
    { loc: absoluteUrl(siteUrl, paths.home(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.home)) },
  ]));
  map.set(`${lang}-topics`, listed(() => [
    { loc: absoluteUrl(siteUrl, paths.topics(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.topics)) },
    // A topic without articles in this language is a thin page: crawlers find it by links, not here.
    ...[...index.topics.keys()]
      .filter((id) => index.count(lang, { topic: id }) > 0)
      .map((id) => ({
        loc: absoluteUrl(siteUrl, paths.topic(lang, id)),
        lastmod: index.lastChange(lang, { topic: id }),
        alternates: alternates(siteUrl, everyLanguage((l) => paths.topic(l, id))),
      })),
  ]));
  // «All news» once the language has an article (an empty list is thin), and the static pages.
  const pages: Entry[] = [
    ...(index.count(lang) ? [{ loc: absoluteUrl(siteUrl, paths.news(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.news)) }] : []),
    ...[...index.pages[lang].values()].map((page) => ({
      loc: absoluteUrl(siteUrl, page.path),
      lastmod: page.changed === undefined ? undefined : new Date(page.changed),
      alternates: alternates(siteUrl, inLanguages((l) => index.pages[l].has(page.slug), (l) => paths.page(l, page.slug))),
    })),
  ];
  if (pages.length) map.set(`${lang}-pages`, listed(() => pages));
  const authors = [...index.authors.keys()].filter((id) => index.count(lang, { author: id }) > 0);
  if (authors.length) {
    map.set(`${lang}-authors`, listed(() => [
      { loc: absoluteUrl(siteUrl, paths.authors(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.authors)) },
      ...authors.map((id) => ({
        loc: absoluteUrl(siteUrl, paths.author(lang, id)),
        lastmod: index.lastChange(lang, { author: id }),
        alternates: alternates(siteUrl, everyLanguage((l) => paths.author(l, id))),
      })),
    ]));
  }
  for (let part = 0; part * limit < index.count(lang); part++) {
    map.set(`${lang}-articles-${part + 1}`, {
      entries: function* () {
        for (let offset = part * limit; offset < (part + 1) * limit; offset += chunk) {
          const urls = index.articleUrls(lang, offset, Math.min(chunk, (part + 1) * limit - offset));
          if (!urls.length) return;
          yield urls.map((a) => ({ loc: absoluteUrl(siteUrl, a.url), lastmod: a.changed, alternates: alternates(siteUrl, a.versions) }));
        }
      },
      // From the index alone: the sitemap index must not read every article's translations.
      lastmod: () => index.partChanged(lang, part * limit, limit),
    });
  }
  return map;
}

function allChildren(index: ContentIndex, siteUrl: string, limit: number, chunk?: number): Map<string, Child> {
  return new Map(LANGS.flatMap((lang) => [...children(index, siteUrl, lang, limit, chunk)]));
}

/** The names of every child sitemap (ru-home, ru-articles-1, …): what /sitemaps/{name}.xml answers. */
export function sitemapNames(index: ContentIndex, limit = SITEMAP_LIMIT): string[] {
  return [...allChildren(index, '', limit).keys()];
}

/**
 * /sitemap.xml: the index of every child sitemap, with the newest change in each. Each child's
 * change costs a walk over up to `limit` index entries: between children the event loop turns,
 * so readers are not kept waiting while a crawler's sitemap index is made after an edit.
 */
export async function sitemapIndex(index: ContentIndex, siteUrl: string, limit = SITEMAP_LIMIT): Promise<string> {
  const rows: string[] = [];
  for (const [name, child] of allChildren(index, siteUrl, limit)) {
    if (rows.length) await nextTurn();
    const lastmod = child.lastmod();
    rows.push(`<sitemap><loc>${xmlEscape(absoluteUrl(siteUrl, paths.sitemapChild(name)))}</loc>${lastmod ? `<lastmod>${isoLocal(lastmod)}</lastmod>` : ''}</sitemap>`);
  }
  return `${XML}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</sitemapindex>\n`;
}

/** One child sitemap by name (e.g. ru-articles-1), or undefined when there is no such one; the event loop turns between its chunks. */
export async function sitemapChild(index: ContentIndex, siteUrl: string, name: string, { limit = SITEMAP_LIMIT, chunk = CHUNK } = {}): Promise<string | undefined> {
  const child = allChildren(index, siteUrl, limit, chunk).get(name);
  if (!child) return undefined;
  const rows: string[] = [];
  for (const chunk of child.entries()) {
    if (rows.length) await nextTurn();
    for (const e of chunk) {
      const links = e.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${xmlEscape(a.href)}"/>`).join('');
      rows.push(`<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${isoLocal(e.lastmod)}</lastmod>` : ''}${links}</url>`);
    }
  }
  return `${XML}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${rows.join('\n')}\n</urlset>\n`;
}

/** The newest change anywhere in the sitemaps, for Last-Modified. */
export function contentLastModified(index: ContentIndex): Date | undefined {
  return index.lastChange();
}
