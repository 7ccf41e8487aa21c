import type { ContentIndex } from '../index/content-index.js';
import { isoLocal } from '../i18n/format.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { everyLanguage, inLanguages, paths } from '../paths.js';
import { absoluteUrl, alternates, type Alternate } from './urls.js';
import { xmlEscape } from '../text/escape-xml.js';

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

interface Entry {
  loc: string;
  lastmod?: Date;
  alternates: Alternate[];
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';


/** The child sitemaps of one language: home, topics, pages (all news, static pages), authors, articles in parts of at most `limit`. */
function children(index: ContentIndex, siteUrl: string, lang: Lang, limit: number): Map<string, () => Entry[]> {
  const map = new Map<string, () => Entry[]>();
  map.set(`${lang}-home`, () => [
    { loc: absoluteUrl(siteUrl, paths.home(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.home)) },
  ]);
  map.set(`${lang}-topics`, () => [
    { loc: absoluteUrl(siteUrl, paths.topics(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.topics)) },
    // A topic without articles in this language is a thin page: crawlers find it by links, not here.
    ...[...index.topics.keys()]
      .filter((id) => index.count(lang, { topic: id }) > 0)
      .map((id) => ({
        loc: absoluteUrl(siteUrl, paths.topic(lang, id)),
        lastmod: index.lastChange(lang, { topic: id }),
        alternates: alternates(siteUrl, everyLanguage((l) => paths.topic(l, id))),
      })),
  ]);
  // «All news» once the language has an article (an empty list is thin), and the static pages.
  const pages: Entry[] = [
    ...(index.count(lang) ? [{ loc: absoluteUrl(siteUrl, paths.news(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.news)) }] : []),
    ...[...index.pages[lang].values()].map((page) => ({
      loc: absoluteUrl(siteUrl, page.path),
      alternates: alternates(siteUrl, inLanguages((l) => index.pages[l].has(page.slug), (l) => paths.page(l, page.slug))),
    })),
  ];
  if (pages.length) map.set(`${lang}-pages`, () => pages);
  const authors = [...index.authors.keys()].filter((id) => index.count(lang, { author: id }) > 0);
  if (authors.length) {
    map.set(`${lang}-authors`, () => [
      { loc: absoluteUrl(siteUrl, paths.authors(lang)), lastmod: index.lastChange(lang), alternates: alternates(siteUrl, everyLanguage(paths.authors)) },
      ...authors.map((id) => ({
        loc: absoluteUrl(siteUrl, paths.author(lang, id)),
        lastmod: index.lastChange(lang, { author: id }),
        alternates: alternates(siteUrl, everyLanguage((l) => paths.author(l, id))),
      })),
    ]);
  }
  for (let part = 0; part * limit < index.count(lang); part++) {
    map.set(`${lang}-articles-${part + 1}`, () =>
      index.articleUrls(lang, part * limit, limit).map((a) => ({
        loc: absoluteUrl(siteUrl, a.url),
        lastmod: a.changed,
        alternates: alternates(siteUrl, a.versions),
      })),
    );
  }
  return map;
}

function allChildren(index: ContentIndex, siteUrl: string, limit: number): Map<string, () => Entry[]> {
  return new Map(LANGS.flatMap((lang) => [...children(index, siteUrl, lang, limit)]));
}

/** The names of every child sitemap (ru-home, ru-articles-1, …): what /sitemaps/{name}.xml answers. */
export function sitemapNames(index: ContentIndex, limit = SITEMAP_LIMIT): string[] {
  return [...allChildren(index, '', limit).keys()];
}

/** /sitemap.xml: the index of every child sitemap, with the newest change in each. */
export function sitemapIndex(index: ContentIndex, siteUrl: string, limit = SITEMAP_LIMIT): string {
  const rows = [...allChildren(index, siteUrl, limit)].map(([name, entries]) => {
    const lastmod = entries().reduce<Date | undefined>((max, e) => (e.lastmod && (!max || e.lastmod > max) ? e.lastmod : max), undefined);
    return `<sitemap><loc>${xmlEscape(absoluteUrl(siteUrl, paths.sitemapChild(name)))}</loc>${lastmod ? `<lastmod>${isoLocal(lastmod)}</lastmod>` : ''}</sitemap>`;
  });
  return `${XML}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</sitemapindex>\n`;
}

/** One child sitemap by name (e.g. ru-articles-1), or undefined when there is no such one. */
export function sitemapChild(index: ContentIndex, siteUrl: string, name: string, limit = SITEMAP_LIMIT): string | undefined {
  const entries = allChildren(index, siteUrl, limit).get(name);
  if (!entries) return undefined;
  const rows = entries().map((e) => {
    const links = e.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${xmlEscape(a.href)}"/>`).join('');
    return `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${isoLocal(e.lastmod)}</lastmod>` : ''}${links}</url>`;
  });
  return `${XML}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${rows.join('\n')}\n</urlset>\n`;
}

/** The newest change anywhere in the sitemaps, for Last-Modified. */
export function contentLastModified(index: ContentIndex): Date | undefined {
  return index.lastChange();
}
