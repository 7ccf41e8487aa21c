import { XMLParser } from 'fast-xml-parser';
import { describe as group, expect, it } from 'vitest';
import { describe } from '../../src/seo/description.js';
import { rssFeed } from '../../src/render/feed.js';
import { breadcrumbList, headline, jsonLd } from '../../src/seo/json-ld.js';
import { newsSitemap, newsSitemapExpiry, publicationName } from '../../src/seo/news-sitemap.js';
import { socialTags, type SocialInput } from '../../src/seo/open-graph.js';
import { robotsTxt } from '../../src/seo/robots.js';
import { sitemapChild, sitemapIndex, sitemapNames } from '../../src/seo/sitemap.js';
import { homeStructuredData, newsArticle } from '../../src/seo/structured-data.js';
import { absoluteUrl, alternates } from '../../src/seo/urls.js';
import { cdata, xmlEscape } from '../../src/text/escape-xml.js';
import { TINY_NOW, tinyContext } from './tiny-site.js';

const SITE = 'https://agency.example';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const { index, t } = await tinyContext([
  { slug: 'old', title: 'Старая', lead: 'Лид старой.', date: '2026-01-10T10:00', topics: ['politics'] },
  { slug: 'fresh', title: 'Свежая & <новая>', lead: 'Лид свежей.', date: '2026-02-01T09:00', topics: ['economy', 'politics'], body: 'Текст [со ссылкой](/ru/news/old).' },
  { slug: 'fresh', lang: 'en', title: 'Fresh', lead: 'Fresh lead.', date: '2026-02-01T09:00' },
]);
const publisher = { siteUrl: SITE, logoUrl: `${SITE}/assets/icon-512.png`, logoSize: 512 };

group('describe (meta descriptions)', () => {
  it('keeps a short text whole, on one line', () => expect(describe('Один\n  два три')).toBe('Один два три'));
  it('cuts a long text on a word, with an ellipsis', () => expect(describe('Один два три', 10)).toBe('Один два…'));
  it('cuts inside a word rather than keep less than half the length', () => expect(describe('Один двадцатьпять', 8)).toBe('Один дв…'));
  it('drops the punctuation before the ellipsis', () => expect(describe('Раз, два, три, четыре', 10)).toBe('Раз, два…'));
});

group('JSON-LD', () => {
  it('escapes what could end the script block, and parses back to the same text', () => {
    const text = '</script><b>&\u2028';
    const printed = jsonLd({ headline: text });
    expect(printed).toBe('{"headline":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}');
    expect(JSON.parse(printed)).toEqual({ headline: text });
  });

  it('cuts a headline over 110 characters on a word', () => {
    const long = `${'слово '.repeat(30)}конец`;
    const cut = headline(long);
    expect(cut.length).toBeLessThanOrEqual(110);
    expect(cut).toMatch(/^(слово )+слово…$/);
  });

  it('numbers breadcrumbs from 1', () => {
    expect(breadcrumbList([{ name: 'Аг', url: `${SITE}/ru/` }, { name: 'Экономика', url: `${SITE}/ru/topics/economy` }])).toEqual({
      '@context': 'https://schema.org', '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Аг', item: `${SITE}/ru/` },
        { '@type': 'ListItem', position: 2, name: 'Экономика', item: `${SITE}/ru/topics/economy` },
      ],
    });
  });
});

group('structured data', () => {
  it('describes a home page as the agency and its website in the language', () => {
    const [organization, website] = homeStructuredData(index, 'en', publisher) as Record<string, unknown>[];
    expect(organization).toMatchObject({ '@type': 'NewsMediaOrganization', '@id': `${SITE}/#organization`, name: 'Agency', url: `${SITE}/en/`, foundingDate: '2006', email: 'desk@agency.example' });
    expect(website).toMatchObject({ '@type': 'WebSite', url: `${SITE}/en/`, inLanguage: 'en', publisher: { '@id': `${SITE}/#organization` } });
  });

  it('describes an article as a NewsArticle with its author, section and keywords', () => {
    const article = newsArticle(index, index.article('ru', 'fresh')!, publisher, [`${SITE}/a.jpg`]);
    expect(article).toMatchObject({
      '@type': 'NewsArticle', headline: 'Свежая & <новая>', description: 'Лид свежей.', image: [`${SITE}/a.jpg`],
      datePublished: '2026-02-01T09:00:00+05:00', dateModified: '2026-02-01T09:00:00+05:00', url: `${SITE}/ru/news/fresh`,
      inLanguage: 'ru', articleSection: 'Экономика', keywords: ['Экономика', 'Политика'],
      author: [{ '@type': 'Person', name: 'Анна', jobTitle: 'Редактор', url: `${SITE}/ru/authors/anna` }],
    });
  });
});

group('LiveBlogPosting', () => {
  it('a live blog with no update yet has no empty liveBlogUpdate, only its coverage', () => {
    const start = new Date('2026-02-01T04:00:00Z');
    const blog = newsArticle(index, index.article('ru', 'fresh')!, publisher, [], { coverageStartTime: start, coverageEndTime: new Date('2026-02-02T04:00:00Z'), updates: [] }) as Record<string, unknown>;
    expect(blog['@type']).toBe('LiveBlogPosting');
    expect(blog.coverageStartTime).toBe('2026-02-01T09:00:00+05:00');
    expect('liveBlogUpdate' in blog).toBe(false);
  });
});

group('URLs', () => {
  it('joins the site URL and a path', () => expect(absoluteUrl(SITE, '/ru/')).toBe(`${SITE}/ru/`));
  it('puts x-default at the first language there is when Russian is missing', () => {
    expect(alternates(SITE, { en: '/en/x', kk: '/kk/x' })).toEqual([
      { hreflang: 'kk', href: `${SITE}/kk/x` }, { hreflang: 'en', href: `${SITE}/en/x` }, { hreflang: 'x-default', href: `${SITE}/kk/x` },
    ]);
  });
  it('has no alternates for a page in no language', () => expect(alternates(SITE, {})).toEqual([]));
});

group('XML', () => {
  it('escapes markup and drops characters XML cannot carry', () => expect(xmlEscape('a<b>&"\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;&apos;'));
  it('keeps "]]>" from ending a CDATA section', () => expect(cdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>'));
});

group('robots.txt', () => {
  const text = robotsTxt(SITE);
  it('keeps crawlers out of the API and every language\'s search', () => {
    expect(text.split('\n').slice(0, 5)).toEqual(['User-agent: *', 'Disallow: /api/', 'Disallow: /ru/search', 'Disallow: /kk/search', 'Disallow: /en/search']);
  });
  it('names both sitemaps', () => expect(text.endsWith(`Sitemap: ${SITE}/sitemap.xml\nSitemap: ${SITE}/sitemap-news.xml\n`)).toBe(true));
  it('tells Yandex which parameters never change a page', () => expect(text).toMatch(/^Clean-param: utm_source&.*&from$/m));
});

group('Open Graph and Twitter tags', () => {
  const input: SocialInput = {
    lang: 'kk', siteName: 'Аг', type: 'article', title: 'Т', description: 'Д', url: `${SITE}/kk/news/x`,
    image: { url: `${SITE}/i.jpg`, width: 1200, height: 630, alt: 'A' }, alternateLangs: ['ru', 'kk'],
    article: { published: new Date('2026-01-20T04:00:00Z'), section: 'Экономика', tags: ['Экономика', 'Политика'] },
  };
  const tags = socialTags(input);
  const all = (key: string) => tags.filter((t) => (t.property ?? t.name) === key).map((t) => t.content);

  it('names the page\'s locale and the other languages it exists in', () => {
    expect([all('og:locale'), all('og:locale:alternate')]).toEqual([['kk_KZ'], ['ru_RU']]);
  });
  it('dates an article, modified as published when never updated', () => {
    expect([all('article:published_time'), all('article:modified_time')]).toEqual([['2026-01-20T09:00:00+05:00'], ['2026-01-20T09:00:00+05:00']]);
  });
  it('tags an article with each topic', () => expect(all('article:tag')).toEqual(['Экономика', 'Политика']));
  it('asks for a large Twitter card', () => expect(all('twitter:card')).toEqual(['summary_large_image']));
  it('leaves out an image size it does not know', () => {
    const without = socialTags({ ...input, image: { url: `${SITE}/i.jpg`, alt: 'A' } });
    expect(without.some((t) => t.property === 'og:image:width')).toBe(false);
  });
});

group('sitemaps', () => {
  it('has a child sitemap per language and kind, articles only where there are some', () => {
    expect(sitemapNames(index)).toEqual(['ru-home', 'ru-topics', 'ru-pages', 'ru-authors', 'ru-articles-1', 'kk-home', 'kk-topics', 'en-home', 'en-topics', 'en-pages', 'en-authors', 'en-articles-1']);
  });

  it('splits a language\'s articles into parts of the limit', () => {
    expect(sitemapNames(index, 1).filter((n) => n.startsWith('ru-articles'))).toEqual(['ru-articles-1', 'ru-articles-2']);
  });

  it('indexes every child with its newest change', async () => {
    const parsed = xml.parse(await sitemapIndex(index, SITE)) as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } };
    expect(parsed.sitemapindex.sitemap.find((s) => s.loc === `${SITE}/sitemaps/ru-articles-1.xml`)?.lastmod).toBe('2026-02-01T09:00:00+05:00');
  });

  it('lists an article with its translations as alternates', async () => {
    const parsed = xml.parse((await sitemapChild(index, SITE, 'ru-articles-1'))!) as { urlset: { url: { loc: string; 'xhtml:link': { '@hreflang': string; '@href': string }[] }[] } };
    const fresh = parsed.urlset.url.find((u) => u.loc === `${SITE}/ru/news/fresh`)!;
    expect(fresh['xhtml:link'].map((l) => [l['@hreflang'], l['@href']])).toEqual([['ru', `${SITE}/ru/news/fresh`], ['en', `${SITE}/en/news/fresh`], ['x-default', `${SITE}/ru/news/fresh`]]);
  });

  it('lists a topic only in the languages where it has articles', async () => {
    const topics = async (lang: string) => (xml.parse((await sitemapChild(index, SITE, `${lang}-topics`))!) as { urlset: { url: { loc: string } | { loc: string }[] } }).urlset.url;
    expect([await topics('kk')].flat().map((u) => u.loc)).toEqual([`${SITE}/kk/topics`]);
  });

  it('makes a part of the articles the same in chunks as at once', async () => {
    const whole = await sitemapChild(index, SITE, 'ru-articles-1');
    expect(whole).toContain('/ru/news/fresh');
    expect(await sitemapChild(index, SITE, 'ru-articles-1', { chunk: 1 })).toBe(whole);
    const second = await sitemapChild(index, SITE, 'ru-articles-2', { limit: 1 });
    expect(await sitemapChild(index, SITE, 'ru-articles-2', { limit: 1, chunk: 1 })).toBe(second);
    expect(whole).toContain(second!.match(/<url>.*<\/url>/)![0]);
  });

  it('has no child of an unknown name', async () => expect(await sitemapChild(index, SITE, 'ru-nothing')).toBeUndefined());
});

group('news sitemap', () => {
  it('lists the articles of the last 48 hours under the publication\'s name, escaped', () => {
    const parsed = xml.parse(newsSitemap(index, SITE, TINY_NOW)) as { urlset: { url: { loc: string; 'news:news': { 'news:title': string; 'news:publication': { 'news:name': string } } }[] } };
    expect(parsed.urlset.url.map((u) => [u.loc, u['news:news']['news:title'], u['news:news']['news:publication']['news:name']])).toEqual([
      [`${SITE}/ru/news/fresh`, 'Свежая & <новая>', 'Ag'],
      [`${SITE}/en/news/fresh`, 'Fresh', 'Ag'],
    ]);
  });

  it('names the publication by site.yml\'s English short name when it has no publicationName', () => expect(publicationName(index)).toBe('Ag'));

  it('changes by itself when its oldest article leaves the window', () => {
    expect(newsSitemapExpiry(index, TINY_NOW)?.toISOString()).toBe('2026-02-03T04:00:00.000Z');
  });

  it('news sitemap on a quiet desk: every url carries news:news (Search Console reported the tag missing), a language without articles is left out', () => {
    const later = new Date('2026-03-01T00:00:00Z');
    const parsed = xml.parse(newsSitemap(index, SITE, later)) as { urlset: { url: { loc: string; 'news:news'?: { 'news:publication_date': string } }[] } };
    expect(parsed.urlset.url.map((u) => [u.loc, u['news:news']?.['news:publication_date']])).toEqual([
      [`${SITE}/ru/news/fresh`, '2026-02-01T09:00:00+05:00'],
      [`${SITE}/en/news/fresh`, '2026-02-01T09:00:00+05:00'],
    ]);
  });
});

group('RSS', async () => {
  const feed = await rssFeed({
    index, siteUrl: SITE, lang: 'ru', title: 'Аг: новости', description: 'О сайте.', pagePath: '/ru/', feedPath: '/ru/rss.xml',
    articles: index.list('ru', {}, 0, 50), logoUrl: `${SITE}/assets/icon-512.png`, t,
  });
  const items = (xml.parse(feed) as { rss: { channel: { item: Record<string, unknown>[] } } }).rss.channel.item;

  it('carries every article, newest first, with a permanent link as its guid', () => {
    expect(items.map((i) => [i.title, i.link, (i.guid as { '#text': string })['#text']])).toEqual([
      ['Свежая & <новая>', `${SITE}/ru/news/fresh`, `${SITE}/ru/news/fresh`],
      ['Старая', `${SITE}/ru/news/old`, `${SITE}/ru/news/old`],
    ]);
  });

  it('names the author and every topic', () => expect([items[0]!['dc:creator'], items[0]!.category]).toEqual(['Анна', ['Экономика', 'Политика']]));

  it('carries the full text, its site links made absolute for readers away from the site', () => {
    expect(items[0]!['content:encoded']).toContain(`href="${SITE}/ru/news/old"`);
    expect(items[0]!['yandex:full-text']).toBe('Текст со ссылкой.');
  });

  it('advertising in a feed: «Реклама» first among its categories and the advertiser\'s line above the text, as on the page', async () => {
    const ads = await tinyContext([{ slug: 'promo', title: 'Промо', date: '2026-01-20T10:00', more: 'sponsored:\n  advertiser: ТОО «Ромашка»\n  erid: 2VtzqwXYZ', body: 'Текст.' }]);
    const adFeed = await rssFeed({
      index: ads.index, siteUrl: SITE, lang: 'ru', title: 'Аг: новости', description: 'О сайте.', pagePath: '/ru/', feedPath: '/ru/rss.xml',
      articles: ads.index.list('ru', {}, 0, 50), logoUrl: `${SITE}/assets/icon-512.png`, t: ads.t,
    });
    const ad = (xml.parse(adFeed) as { rss: { channel: { item: Record<string, unknown> } } }).rss.channel.item;
    expect(ad.category).toEqual(['Реклама', 'Экономика']);
    expect(ad['content:encoded']).toMatch(/^<p>Реклама\. Рекламодатель: ТОО «Ромашка»\. erid: 2VtzqwXYZ<\/p>/);
    expect(ad['yandex:full-text']).toBe('Реклама. Рекламодатель: ТОО «Ромашка». erid: 2VtzqwXYZ\nТекст.');
    // An ordinary article carries no such line.
    expect(items[0]!['content:encoded']).not.toContain('Реклама');
  });
});
