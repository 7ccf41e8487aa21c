import type { Lang } from '../i18n/languages.js';
import { oldPaths } from './aliases.js';
import { PoliteFetcher } from './crawl.js';
import { fromFeedDate } from './dates.js';
import { languageOf } from './feed.js';
import type { ImportItem, ItemNote } from './item.js';
import { keep } from './keep.js';
import { say } from './messages.js';
import { extractPage } from './page-extract.js';
import type { Report } from './report.js';
import { importSlug } from './slugs.js';
import type { Fetch, OpenedSource } from './source.js';
import type { ItemStream } from './wxr-source.js';
import { emptyTrouble, textOf, xmlRecords } from './xml-records.js';

/**
 * A live site read through its sitemap: every <loc> of the sitemap (and of the sitemaps a
 * sitemap index names) is fetched politely and read as an article page (page-extract.ts). Pages
 * that are not articles (home, lists) are counted, pages robots.txt forbids are left alone.
 */
export async function sitemapSource(
  first: OpenedSource,
  o: { lang?: Lang; now: Date; report: Report; fetch?: Fetch; concurrency: number; delayMs: number; open: (url: string) => Promise<OpenedSource> },
): Promise<ItemStream> {
  const trouble = emptyTrouble();
  const urls: string[] = [];
  const sitemaps: OpenedSource[] = [first];
  const seen = new Set<string>();
  while (sitemaps.length) {
    const sitemap = sitemaps.shift()!;
    for await (const record of xmlRecords(sitemap.text, trouble)) {
      const loc = textOf(record, 'loc');
      if (!loc || seen.has(loc)) continue;
      seen.add(keep(loc));
      if (record.name === 'sitemap') sitemaps.push(await o.open(loc));
      else if (record.name === 'url') urls.push(keep(loc));
    }
  }
  o.report.count('count_pages_listed', urls.length);
  const failures: string[] = [];
  let robots = 0;
  let notArticles = 0;
  let done = 0;
  const fetcher = o.fetch ? new PoliteFetcher(o.fetch, o.concurrency, o.delayMs) : undefined;

  async function* items(): AsyncGenerator<ImportItem> {
    if (!fetcher) return;
    // Pages are fetched ahead, `concurrency` at a time, and handed on in the sitemap's order.
    const ahead: Promise<Awaited<ReturnType<PoliteFetcher['get']>>>[] = [];
    let next = 0;
    const fill = () => {
      while (ahead.length < fetcher.concurrency * 2 && next < urls.length) ahead.push(fetcher.get(urls[next++]!));
    };
    fill();
    while (ahead.length) {
      const url = urls[done]!;
      const page = await ahead.shift()!;
      done++;
      fill();
      if ('skipped' in page) {
        robots++;
        continue;
      }
      if ('failed' in page) {
        failures.push(say('crawl_failed', o.report.lang, { url, reason: page.failed }));
        continue;
      }
      const item = pageItem(url, page.text, o);
      if (!item) {
        notArticles++;
        continue;
      }
      yield item;
    }
  }
  return {
    items: items(),
    share: () => (urls.length ? done / urls.length : undefined),
    trouble,
    site: urls[0] ? new URL(urls[0]).origin : undefined,
    extraLines: () => [
      ...(o.fetch ? [] : [say('crawl_offline', o.report.lang)]),
      say('crawl_not_articles', o.report.lang, { n: notArticles }),
      ...(robots ? [say('crawl_robots', o.report.lang, { n: robots })] : []),
      ...failures,
    ],
  };
}

function pageItem(url: string, html: string, o: { lang?: Lang; now: Date }): ImportItem | undefined {
  const page = extractPage(html, url);
  if (!page.isArticle || !page.html.trim()) return undefined;
  const notes: ItemNote[] = [];
  const date = (page.date && fromFeedDate(page.date)) || o.now;
  const modified = page.modified ? fromFeedDate(page.modified) : undefined;
  const lastSegment = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  return {
    kind: 'article',
    key: `page:${url}`,
    where: url,
    title: page.title,
    slug: importSlug(lastSegment.replace(/\.html?$/i, ''), page.title, 'page'),
    lang: o.lang ?? languageOf(page.lang) ?? 'ru',
    date,
    updated: modified && modified.getTime() - date.getTime() > 60_000 ? modified : undefined,
    author: page.author ? { key: page.author, name: page.author } : undefined,
    topics: page.topics.map((name) => ({ key: `category:${name}`, kind: 'category', name, slug: name })),
    lead: page.description,
    html: page.html,
    image: page.image,
    draft: false,
    aliases: oldPaths([url], { site: new URL(url).origin }),
    comments: 0,
    notes,
  };
}
