import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import type { SiteApp } from '../../src/app.js';

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
  return Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1]!, m[2]!]));
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** <meta property|name=… content=…> of a page, as [key, content] pairs in order. */
export function metaTags(html: string): [string, string][] {
  return [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]);
}

export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#34;|&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
