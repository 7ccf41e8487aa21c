import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, testSite, VALID } from '../helpers.js';
import { jsonLdBlocks, metaTags, xml } from './crawl.js';
import { one, parseHtml, textOf } from '../html.js';

const HOSTILE = `Цитата "в кавычках" 'и так' <b>жирно</b> & </script><script>alert(1)</script> ]]> конец`;
const content = await copyContent(VALID);
await writeFile(
  path.join(content.dir, 'news/hostile.ru.md'),
  `---\ntitle: ${JSON.stringify(HOSTILE)}\nlead: ${JSON.stringify(HOSTILE)}\ndate: 2026-01-31T10:00\nauthor: anna\ntopics: [economy]\n---\nТекст ${HOSTILE.replace(/[<>&]/g, '')}.\n`,
);
const { app, close } = await testSite(content.dir, { now: new Date('2026-02-01T00:00:00Z') });
afterAll(async () => {
  close();
  await content.remove();
});

describe('a title full of quotes, markup and </script>', () => {
  it('is escaped in the HTML and never breaks out of an element', async () => {
    const { text } = await request(app).get('/ru/news/hostile').expect(200);
    expect(text).not.toContain('<script>alert(1)');
    expect(text).not.toContain('<b>жирно');
    // As a browser reads the page: the title is the text, and no element came out of it.
    const $ = parseHtml(text);
    expect($('title').text()).toBe(`${HOSTILE} — ТА «Проба»`);
    expect(textOf(one($, 'h1'))).toContain('жирно');
    expect($('b')).toHaveLength(0);
    expect(Object.fromEntries(metaTags(text))['og:title']).toBe(HOSTILE);
    // Every script element is one of our own: the site script and the JSON-LD blocks.
    expect($('script')).toHaveLength(jsonLdBlocks(text).length + 1);
    expect(text.match(/<\/script>/g)).toHaveLength(text.match(/<script\b/g)!.length);
  });

  it('comes back exactly from JSON-LD', async () => {
    const { text } = await request(app).get('/ru/news/hostile').expect(200);
    const [article, crumbs] = jsonLdBlocks(text) as [{ headline: string; description: string }, { itemListElement: { name: string }[] }];
    expect(HOSTILE.length).toBeLessThan(110);
    expect(article.headline).toBe(HOSTILE);
    expect(article.description).toBe(HOSTILE);
    expect(crumbs.itemListElement[2]!.name).toBe(HOSTILE);
  });

  it('comes back exactly from the RSS feed and the news sitemap', async () => {
    const rss = xml.parse((await request(app).get('/ru/rss.xml').expect(200)).text);
    expect(rss.rss.channel.item[0].title).toBe(HOSTILE);
    expect(rss.rss.channel.item[0].description).toBe(HOSTILE);
    const news = xml.parse((await request(app).get('/sitemap-news.xml').expect(200)).text);
    expect(news.urlset.url[0]['news:news']['news:title']).toBe(HOSTILE);
  });
});
