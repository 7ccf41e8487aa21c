import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import type { SiteApp } from '../../src/app.js';
import { parseHtml } from '../html.js';

export const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'item', 'category', 'xhtml:link'].includes(name) });

/** Every page URL the sitemaps list, as site paths. */
export async function sitemapPaths(app: SiteApp, siteUrl: string): Promise<string[]> {
  const index = xml.parse((await request(app).get('/sitemap.xml').expect(200)).text);
  const paths: string[] = [];
  for (const child of index.sitemapindex.sitemap) {
    const urlset = xml.parse((await request(app).get(String(child.loc).slice(siteUrl.length)).expect(200)).text);
    for (const url of urlset.urlset.url ?? []) paths.push(String(url.loc).slice(siteUrl.length));
  }
  return paths;
}

/** <link rel="alternate" hreflang> of a page: hreflang → absolute href. */
export function hreflangs(html: string): Record<string, string> {
  const $ = parseHtml(html);
  return Object.fromEntries($('link[rel="alternate"][hreflang]').toArray().map((link) => [$(link).attr('hreflang')!, $(link).attr('href')!]));
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  const $ = parseHtml(html);
  return $('script[type="application/ld+json"]').toArray().map((script) => JSON.parse($(script).text()) as Record<string, unknown>);
}

/** <meta property|name=… content=…> of a page, as [key, content] pairs in order, as a browser reads them. */
export function metaTags(html: string): [string, string][] {
  const $ = parseHtml(html);
  return $('meta[content]').toArray().flatMap((meta) => {
    const key = $(meta).attr('property') ?? $(meta).attr('name');
    return key === undefined ? [] : [[key, $(meta).attr('content')!] as [string, string]];
  });
}
