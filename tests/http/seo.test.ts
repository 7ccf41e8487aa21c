import { createServer as createHttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { FIXTURES, FIXTURE_NOW, mediaHash, testSite, VALID } from '../helpers.js';
import { hreflangs, jsonLdBlocks, metaTags, sitemapPaths, xml } from './crawl.js';
import { parseHtml } from '../html.js';

const SITE = 'https://dknews.example';
const PHOTO = `${SITE}/media/_/${mediaHash(path.join(VALID, 'media/photo.png'))}`;
const { app, close } = await testSite(VALID, { now: FIXTURE_NOW, pageSize: 1 });
afterAll(() => close());

const paths = await sitemapPaths(app, SITE);
const pages = await Promise.all(paths.map(async (p) => ({ path: p, html: (await request(app).get(p)).text })));

const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(path.join(FIXTURES, 'schemas', name), 'utf8') });
/** The page's feeds, from <link rel="alternate" type="application/rss+xml">. */
function feedsOf(html: string): { title?: string; href?: string }[] {
  const $ = parseHtml(html);
  return $('link[rel="alternate"][type="application/rss+xml"]').toArray().map((link) => ({ title: $(link).attr('title'), href: $(link).attr('href') }));
}

async function schemaErrors(body: string, entry: 'urlset.xsd' | 'index.xsd'): Promise<string[]> {
  const preload = ['sitemap.xsd', 'siteindex.xsd', 'sitemap-news.xsd', 'xhtml-link.xsd'].map(schemaFile);
  const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: body }], schema: [schemaFile(entry)], preload });
  return result.errors.map((e) => e.rawMessage);
}

describe('the sitemaps', () => {
  it('list every public page of the fixture, and each answers 200', async () => {
    expect(paths.sort()).toEqual(
      [
        '/ru/', '/kk/', '/en/',
        '/ru/topics', '/kk/topics', '/en/topics',
        '/ru/topics/economy', '/ru/topics/politics', '/en/topics/economy',
        '/ru/authors', '/en/authors', '/ru/authors/anna', '/en/authors/anna',
        '/ru/news', '/en/news', '/ru/about', '/en/about',
        '/ru/news/first-story', '/ru/news/second-story', '/en/news/first-story',
      ].sort(),
    );
    for (const page of pages) expect(page.html, page.path).toContain('<html lang=');
  });

  it('are an index of child sitemaps with lastmod, accepted by the sitemaps.org schema', async () => {
    const body = (await request(app).get('/sitemap.xml').expect(200).expect('content-type', 'application/xml; charset=utf-8')).text;
    const index = xml.parse(body).sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(index.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${SITE}/sitemaps/ru-home.xml`, `${SITE}/sitemaps/ru-topics.xml`, `${SITE}/sitemaps/ru-pages.xml`, `${SITE}/sitemaps/ru-authors.xml`, `${SITE}/sitemaps/ru-articles-1.xml`,
      `${SITE}/sitemaps/kk-home.xml`, `${SITE}/sitemaps/kk-topics.xml`,
      `${SITE}/sitemaps/en-home.xml`, `${SITE}/sitemaps/en-topics.xml`, `${SITE}/sitemaps/en-pages.xml`, `${SITE}/sitemaps/en-authors.xml`, `${SITE}/sitemaps/en-articles-1.xml`,
    ]);
    expect(index.sitemap[4].lastmod).toBe('2026-01-26T08:00:00+05:00');
    expect(await schemaErrors(body, 'index.xsd')).toEqual([]);
  });

  it('give each URL its lastmod and every translation as xhtml:link, schema-valid', async () => {
    const body = (await request(app).get('/sitemaps/ru-articles-1.xml').expect(200)).text;
    const urls = xml.parse(body).urlset.url;
    expect(urls[1]).toEqual({
      loc: `${SITE}/ru/news/first-story`,
      lastmod: '2026-01-20T09:00:00+05:00',
      'xhtml:link': [
        { '@rel': 'alternate', '@hreflang': 'ru', '@href': `${SITE}/ru/news/first-story` },
        { '@rel': 'alternate', '@hreflang': 'en', '@href': `${SITE}/en/news/first-story` },
        { '@rel': 'alternate', '@hreflang': 'x-default', '@href': `${SITE}/ru/news/first-story` },
      ],
    });
    expect(await schemaErrors(body, 'urlset.xsd')).toEqual([]);
  });

  it('answer 404 for a child that does not exist', async () => {
    await request(app).get('/sitemaps/kk-articles-1.xml').expect(404);
    await request(app).get('/sitemaps/ru-articles-2.xml').expect(404);
    await request(app).get('/sitemaps/..%2fpackage.json').expect(404);
  });
});

describe('the Google News sitemap', () => {
  it('lists articles of the last 48 hours with publication, language, date and title', async () => {
    const recent = await testSite(VALID, { now: new Date('2026-01-26T00:00:00Z') });
    const body = (await request(recent.app).get('/sitemap-news.xml').expect(200)).text;
    recent.close();
    const urlset = xml.parse(body).urlset;
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual([
      {
        loc: `${SITE}/ru/news/second-story`,
        'news:news': {
          'news:publication': { 'news:name': 'Proba', 'news:language': 'ru' },
          'news:publication_date': '2026-01-25T12:30:00+05:00',
          'news:title': 'Вторая новость',
        },
      },
    ]);
    expect(await schemaErrors(body, 'urlset.xsd')).toEqual([]);
  });

  it('news sitemap on a quiet desk: each language’s newest article, every url with its news:news (no missing tag for Search Console), valid against the schema', async () => {
    const body = (await request(app).get('/sitemap-news.xml').expect(200)).text;
    const urls = xml.parse(body).urlset.url as { loc: string; 'news:news': { 'news:title': string } }[];
    expect(urls.map((u) => [u.loc, u['news:news']['news:title']])).toEqual([[`${SITE}/ru/news/second-story`, 'Вторая новость'], [`${SITE}/en/news/first-story`, 'First story']]);
    expect(await schemaErrors(body, 'urlset.xsd')).toEqual([]);
  });

  it('names the one registered publication, in every language', async () => {
    const recent = await testSite(VALID, { now: new Date('2026-01-21T00:00:00Z') });
    const body = (await request(recent.app).get('/sitemap-news.xml').expect(200)).text;
    recent.close();
    expect([...body.matchAll(/<news:name>([^<]*)<\/news:name>/g)].map((m) => m[1])).toEqual(['Proba', 'Proba']);
    expect(await schemaErrors(body, 'urlset.xsd')).toEqual([]);
  });
});

describe('robots.txt', () => {
  it('points at both sitemaps, keeps crawlers out of the API and search, and cleans tracking parameters for Yandex', async () => {
    const { text } = await request(app).get('/robots.txt').expect(200).expect('content-type', 'text/plain; charset=utf-8');
    const lines = text.split('\n');
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap-news.xml`);
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain('Disallow: /ru/search');
    expect(lines.find((l) => l.startsWith('Clean-param: '))).toMatch(/^Clean-param: utm_source&utm_medium&utm_campaign&utm_term&utm_content&/);
  });
});

describe('the head of every page', () => {
  it('has a unique title and a description of at most 160 characters', () => {
    const titles = pages.map((p) => /<title>([^<]*)<\/title>/.exec(p.html)![1]);
    expect(new Set(titles).size).toBe(titles.length);
    for (const page of pages) {
      const description = /<meta name="description" content="([^"]*)">/.exec(page.html)![1]!;
      expect(description.length, page.path).toBeGreaterThan(0);
      expect([...description].length, page.path).toBeLessThanOrEqual(160);
    }
  });

  it('has an absolute canonical URL to itself, pagination included', async () => {
    for (const page of pages) expect(page.html).toContain(`<link rel="canonical" href="${SITE}${page.path}">`);
    const second = await request(app).get('/ru/?page=2').expect(200);
    expect(second.text).toContain(`<link rel="canonical" href="${SITE}/ru/?page=2">`);
    expect(second.text).toContain('<title>Последние новости — Страница 2 — ТА «Проба»</title>');
  });

  it('has reciprocal hreflang links: every alternate lists the page back, with x-default at the Russian version', async () => {
    for (const page of pages) {
      const links = hreflangs(page.html);
      const self = `${SITE}${page.path}`;
      const lang = page.path.split('/')[1]!;
      expect(links[lang], page.path).toBe(self);
      expect(links['x-default'], page.path).toBe(links.ru ?? Object.values(links)[0]);
      for (const [hreflang, href] of Object.entries(links)) {
        if (hreflang === 'x-default') continue;
        const other = await request(app).get(href.slice(SITE.length)).expect(200);
        expect(hreflangs(other.text), `${href} lists ${page.path}`).toEqual(links);
      }
    }
  });

  it('allows large image previews, links its feeds, and is noindex only on error pages', async () => {
    for (const page of pages) {
      expect(Object.fromEntries(metaTags(page.html)).robots, page.path).toBe('index, follow, max-image-preview:large');
      expect(feedsOf(page.html)[0]?.href, page.path).toMatch(/^\/(ru|kk|en)\/rss\.xml$/);
    }
    const topic = pages.find((p) => p.path === '/ru/topics/economy')!;
    expect(feedsOf(topic.html)).toContainEqual({ title: 'ТА «Проба»: Экономика', href: '/ru/topics/economy/rss.xml' });
    const missing = await request(app).get('/ru/nope').expect(404);
    expect(Object.fromEntries(metaTags(missing.text)).robots).toBe('noindex, follow');
  });

  it('gives articles Open Graph article tags and a large Twitter card', () => {
    const article = pages.find((p) => p.path === '/ru/news/first-story')!;
    expect(metaTags(article.html)).toEqual([
      ['viewport', 'width=device-width, initial-scale=1'],
      ['description', 'Первый абзац — с тире.'],
      ['robots', 'index, follow, max-image-preview:large'],
      ['og:type', 'article'],
      ['og:site_name', 'ТА «Проба»'],
      ['og:title', 'Первая новость'],
      ['og:description', 'Первый абзац — с тире.'],
      ['og:url', `${SITE}/ru/news/first-story`],
      ['og:locale', 'ru_RU'],
      ['og:locale:alternate', 'en_US'],
      ['og:image', `${PHOTO}/og.jpg`],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', 'Точка'],
      ['article:published_time', '2026-01-20T09:00:00+05:00'],
      ['article:modified_time', '2026-01-20T09:00:00+05:00'],
      ['article:section', 'Экономика'],
      ['article:tag', 'Экономика'],
      ['twitter:card', 'summary_large_image'],
      ['twitter:title', 'Первая новость'],
      ['twitter:description', 'Первый абзац — с тире.'],
      ['twitter:image', `${PHOTO}/og.jpg`],
      ['twitter:image:alt', 'Точка'],
      ['theme-color', '#0b4f8a'],
    ]);
  });

  it('gives pages without an image the site card', () => {
    const home = pages.find((p) => p.path === '/kk/')!;
    const tags = Object.fromEntries(metaTags(home.html));
    expect(tags['og:type']).toBe('website');
    expect(tags['og:image']).toMatch(new RegExp(`^${SITE}/assets/og-default\\.[0-9a-f]{10}\\.png$`));
    expect(tags['og:image:width']).toBe('1200');
  });
});

describe('JSON-LD', () => {
  it('describes an article as a NewsArticle with breadcrumbs', () => {
    const [article, crumbs] = jsonLdBlocks(pages.find((p) => p.path === '/ru/news/second-story')!.html);
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Вторая новость',
      description: 'Короткий лид.',
      image: [expect.stringMatching(new RegExp(`^${SITE}/assets/og-default\\.[0-9a-f]{10}\\.png$`))],
      datePublished: '2026-01-25T12:30:00+05:00',
      dateModified: '2026-01-26T08:00:00+05:00',
      author: [{ '@type': 'Person', name: 'Анна Иванова', jobTitle: 'Корреспондент', url: `${SITE}/ru/authors/anna` }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        '@id': `${SITE}/#organization`,
        name: 'Тестовое агентство «Проба»',
        alternateName: 'ТА «Проба»',
        url: `${SITE}/ru/`,
        foundingDate: '2006',
        logo: { '@type': 'ImageObject', url: expect.stringMatching(/\/assets\/icon-512\.[0-9a-f]{10}\.png$/), width: 512, height: 512 },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${SITE}/ru/news/second-story` },
      url: `${SITE}/ru/news/second-story`,
      inLanguage: 'ru',
      articleSection: 'Политика',
      keywords: ['Политика', 'Экономика'],
      wordCount: 3,
    });
    expect(crumbs).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'ТА «Проба»', item: `${SITE}/ru/` },
        { '@type': 'ListItem', position: 2, name: 'Политика', item: `${SITE}/ru/topics/politics` },
        { '@type': 'ListItem', position: 3, name: 'Вторая новость', item: `${SITE}/ru/news/second-story` },
      ],
    });
  });

  it('gives topic pages breadcrumbs and home pages the organisation and the website', () => {
    const [crumbs] = jsonLdBlocks(pages.find((p) => p.path === '/en/topics/economy')!.html);
    expect((crumbs as { itemListElement: { name: string }[] }).itemListElement.map((i) => i.name)).toEqual(['Proba', 'Topics', 'Economy']);
    const types = jsonLdBlocks(pages.find((p) => p.path === '/en/')!.html).map((b) => b['@type']);
    expect(types).toEqual(['NewsMediaOrganization', 'WebSite']);
  });
});

describe('RSS feeds', () => {
  it('carry the channel and every item with full text for readers and for Yandex', async () => {
    const res = await request(app).get('/ru/rss.xml').expect(200).expect('content-type', 'application/rss+xml; charset=utf-8');
    const rss = xml.parse(res.text).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:yandex']).toBe('http://news.yandex.ru');
    const channel = rss.channel;
    expect(channel).toMatchObject({
      title: 'Тестовое агентство «Проба»',
      link: `${SITE}/ru/`,
      description: 'Описание сайта.',
      language: 'ru',
      'atom:link': { '@href': `${SITE}/ru/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' },
    });
    const [second, first] = channel.item;
    expect(second).toMatchObject({
      title: 'Вторая новость',
      link: `${SITE}/ru/news/second-story`,
      guid: { '#text': `${SITE}/ru/news/second-story`, '@isPermaLink': 'true' },
      pubDate: 'Sun, 25 Jan 2026 07:30:00 GMT',
      'dc:creator': 'Анна Иванова',
      category: ['Политика', 'Экономика'],
      'yandex:full-text': 'Текст второй новости.',
    });
    // The feed's copy of the photo: a JPEG at most 1280 px wide, with its real length.
    const copy = await request(app).get(`${PHOTO.slice(SITE.length)}/1200.jpg`).expect(200).expect('content-type', 'image/jpeg');
    expect(first.enclosure).toEqual({ '@url': `${PHOTO}/1200.jpg`, '@length': String(copy.body.length), '@type': 'image/jpeg' });
    // The article page's figure markup (views/partials/figure.ejs), with one plain image.
    expect(first['content:encoded']).toBe(
      `<figure>\n    <img src="${PHOTO}/1200.jpg" alt="Точка" width="1200" height="800">\n    <figcaption><span class="article__credit">Автор снимка</span></figcaption>\n  </figure>\n<p>Первый абзац\u00a0— с\u00a0тире.</p>\n<h2>Подзаголовок</h2>\n<p>Второй абзац.</p>\n`,
    );
  });

  it('exist per topic, and not for unknown topics', async () => {
    const rss = xml.parse((await request(app).get('/en/topics/economy/rss.xml').expect(200)).text).rss;
    expect(rss.channel.title).toBe('Proba: Economy');
    expect(rss.channel.item.map((i: { link: string }) => i.link)).toEqual([`${SITE}/en/news/first-story`]);
    await request(app).get('/en/topics/nope/rss.xml').expect(404);
  });
});

describe('HTTP caching', () => {
  const kinds: [string, string][] = [
    ['/ru/news/first-story', 'public, max-age=60, stale-while-revalidate=600'],
    ['/ru/rss.xml', 'public, max-age=300'],
    ['/sitemap.xml', 'public, max-age=300'],
  ];

  it.each(kinds)('%s has a strong ETag, Last-Modified, Vary and its Cache-Control', async (url, cacheControl) => {
    const res = await request(app).get(url).set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers['last-modified']).toMatch(/ GMT$/);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe(cacheControl);
  });

  it.each(kinds)('%s answers 304 to If-None-Match and to If-Modified-Since', async (url) => {
    const first = await request(app).get(url).set('Accept-Encoding', 'gzip');
    await request(app).get(url).set('Accept-Encoding', 'gzip').set('If-None-Match', first.headers.etag!).expect(304);
    await request(app).get(url).set('If-Modified-Since', first.headers['last-modified']!).expect(304);
    await request(app).get(url).set('If-Modified-Since', 'Mon, 01 Jan 2024 00:00:00 GMT').expect(200);
    await request(app).get(url).set('If-None-Match', '"something-else"').expect(200);
  });

  it('gives each encoding its own ETag', async () => {
    const tag = async (encoding: string) => (await request(app).get('/ru/news/first-story').set('Accept-Encoding', encoding)).headers.etag;
    const [identity, gzip, br] = await Promise.all([tag('identity'), tag('gzip'), tag('br')]);
    expect(new Set([identity, gzip, br]).size).toBe(3);
  });

  it('sends plain bytes to a client that sends no Accept-Encoding', async () => {
    const server = createHttpServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const headers = await new Promise<Record<string, unknown>>((resolve) => get({ port, path: '/ru/rss.xml', host: '127.0.0.1' }, (res) => (res.resume(), resolve(res.headers))));
    server.close();
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers.etag).toMatch(/^"[\w-]{27}"$/);
  });
});
