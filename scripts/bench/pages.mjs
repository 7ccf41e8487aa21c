/**
 * The pages part 1 loads, found the way a reader or a crawler finds them, so that the bench
 * keeps working when pages, paths or folders change: the home page is where / sends a
 * reader, the feed is the one the home page announces, the article is the feed's newest item,
 * and the topic page is the section in that article's breadcrumb.
 */
import { gunzipSync } from 'node:zlib';
import { get } from './http.mjs';

/** { home, feed, article, topic }: paths on the server at `port`. Throws with what is missing. */
export async function findPages(port) {
  const root = await get(port, '/');
  const home = root.status >= 300 && root.status < 400 && root.headers.location ? pathOf(root.headers.location) : '/';
  const homeHtml = await text(port, home);
  const feedLink = [...homeHtml.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((tag) => /rel="alternate"/.test(tag) && /type="application\/rss\+xml"/.test(tag));
  const feed = feedLink && attribute(feedLink, 'href');
  if (!feed) throw new Error(`the home page ${home} announces no RSS feed (<link rel="alternate" type="application/rss+xml">)`);
  const item = /<item>([\s\S]*?)<\/item>/.exec(await text(port, pathOf(feed)))?.[1];
  const article = item && /<link>([^<]+)<\/link>/.exec(item)?.[1];
  if (!article) throw new Error(`the feed ${feed} has no item with a link`);
  const crumbs = breadcrumb(await text(port, pathOf(article)));
  // Home › section › article: the section is the one before the article itself.
  const topic = crumbs.length >= 3 ? crumbs.at(-2) : undefined;
  if (!topic) throw new Error(`the article ${pathOf(article)} has no section in its BreadcrumbList`);
  return { home, feed: pathOf(feed), article: pathOf(article), topic: pathOf(topic) };
}

/** The item URLs of a page's schema.org BreadcrumbList, in order. */
function breadcrumb(html) {
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    let data;
    try {
      data = JSON.parse(m[1]);
    } catch {
      continue;
    }
    for (const node of Array.isArray(data) ? data : [data, ...(data['@graph'] ?? [])]) {
      if (node?.['@type'] === 'BreadcrumbList') {
        return [...node.itemListElement].sort((a, b) => a.position - b.position).map((e) => (typeof e.item === 'string' ? e.item : e.item?.['@id']));
      }
    }
  }
  return [];
}

async function text(port, path) {
  const res = await get(port, path, { headers: { 'Accept-Encoding': 'gzip' } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  return (res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body).toString();
}

function attribute(tag, name) {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&');
}

/** A link's path and query: links carry SITE_URL's origin, not the bench's. */
function pathOf(link) {
  const url = new URL(link, 'http://127.0.0.1');
  return url.pathname + url.search;
}
