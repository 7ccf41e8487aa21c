import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { CONTENT, copyContent, testSite } from '../helpers.js';
import { one, parseHtml, textOf } from '../html.js';
import { NEWSROOM_NOW, writeNewsroomArticles } from '../newsroom-content.js';
import { googleProblems, jsonLdOf, schemaOrgProblems } from '../structured-data.js';
import { previewToken } from '../../src/preview.js';

const SECRET = 'a-secret-for-the-newsroom-tests';
const content = await copyContent(CONTENT);
await writeNewsroomArticles(content.dir, { author: 'arman-korzhumbaev', topic: 'economy' });
const site = await testSite(content.dir, { now: NEWSROOM_NOW, env: { PREVIEW_SECRET: SECRET } });
const { app } = site;
const SITE = 'https://dknews.example';
const SEED = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

afterAll(async () => {
  site.close();
  await content.remove();
});

const page = async (url: string) => parseHtml((await request(app).get(url).expect(200)).text);
const labelsOf = ($: ReturnType<typeof parseHtml>, selector: string) => $(selector).toArray().map((el) => textOf($(el)));
/** The article's main JSON-LD node (the one with a headline). */
const articleLd = ($: ReturnType<typeof parseHtml>) => jsonLdOf($).find((n) => 'headline' in n)!;

describe('live coverage', () => {
  it('says «Онлайн» above the title while live, and gives each update its anchor and time, newest first', async () => {
    const $ = await page('/ru/news/forum-live');
    expect(labelsOf($, '.article__labels .label')).toEqual(['Онлайн']);
    const updates = $('.article__body section.live-update').toArray().map((el) => [$(el).attr('id'), $(el).find('h2 time').attr('datetime'), textOf($(el).find('h2'))]);
    expect(updates).toEqual([
      ['update-20260310-1140', '2026-03-10T11:40:00+05:00', '10 марта, 11:40 Подписано соглашение о логистике'],
      ['update-20260310-0030', '2026-03-10T00:30:00+05:00', '10 марта, 00:30 Делегации разъехались'],
      ['update-20260309-2315', '2026-03-09T23:15:00+05:00', '23:15 Пленарное заседание'],
      ['update-20260309-2205', '2026-03-09T22:05:00+05:00', '22:05 Открытие форума'],
    ]);
    // The page's script offers new updates; the page is whole without it.
    expect(JSON.parse(one($, '.article__body').attr('data-live-new')!)).toEqual({ one: '# новое обновление', few: '# новых обновления', many: '# новых обновлений', other: '# новых обновления' });
  });

  it('is a LiveBlogPosting with its coverage and every update, valid for schema.org and Google', async () => {
    const $ = await page('/ru/news/forum-live');
    const ld = articleLd($);
    expect(ld).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2026-03-09T22:00:00+05:00',
      // No live_until: announced for a day after the latest update.
      coverageEndTime: '2026-03-11T11:40:00+05:00',
      dateModified: '2026-03-10T11:40:00+05:00',
    });
    expect((ld.liveBlogUpdate as object[])[0]).toEqual({
      '@type': 'BlogPosting',
      headline: 'Подписано соглашение о логистике',
      datePublished: '2026-03-10T11:40:00+05:00',
      articleBody: 'Стороны подписали соглашение о новом маршруте через Каспий.',
      url: `${SITE}/ru/news/forum-live#update-20260310-1140`,
    });
    expect((ld.liveBlogUpdate as object[]).length).toBe(4);
    expect(jsonLdOf($).flatMap((n) => schemaOrgProblems(n))).toEqual([]);
    expect(googleProblems(ld)).toEqual([]);
  });

  it('says «Live coverage ended» after live_until, and ends its coverage there', async () => {
    const $ = await page('/en/news/forum-live');
    expect(labelsOf($, '.article__labels .label')).toEqual(['Live coverage ended']);
    expect(articleLd($).coverageEndTime).toBe('2026-03-10T11:00:00+05:00');
    expect($('.article__body').attr('data-live-new')).toBeUndefined();
    expect(googleProblems(articleLd($))).toEqual([]);
  });

  it('carries its label on the cards of the home and topic pages', async () => {
    for (const url of ['/ru/', '/ru/topics/economy']) {
      const $ = await page(url);
      const card = $('.card').filter((_, el) => $(el).find('a[href="/ru/news/forum-live"]').length > 0).first();
      expect(labelsOf($, '.card .card__labels .label').length).toBeGreaterThan(0);
      expect(textOf(card.find('.card__labels'))).toBe('Онлайн');
    }
  });

  it('shows an update saved to the file like any edit', async () => {
    const copy = await copyContent(content.dir);
    try {
      const live = await testSite(copy.dir, { now: NEWSROOM_NOW });
      const file = path.join(copy.dir, 'news/2026/03/forum-live.ru.md');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('## 11:40', '## 11:55 Пресс-конференция\n\nМинистры ответили на вопросы.\n\n## 11:40'));
      await live.store.reload();
      const $ = parseHtml((await request(live.app).get('/ru/news/forum-live').expect(200)).text);
      live.close();
      expect($('section.live-update').first().attr('id')).toBe('update-20260310-1155');
    } finally {
      await copy.remove();
    }
  });
});

describe('breaking news', () => {
  it('says «Срочно» on the article and on its cards', async () => {
    expect(labelsOf(await page('/ru/news/tokaev-breaking'), '.article__labels .label')).toEqual(['Срочно']);
    const $ = await page('/ru/topics/economy');
    expect(textOf($('.card').filter((_, el) => $(el).find('a[href="/ru/news/tokaev-breaking"]').length > 0).first().find('.card__labels'))).toBe('Срочно');
  });
});

describe('the home page with a breaking story, on a clock that moves', () => {
  afterEach(() => vi.useRealTimers());

  it('leads with it for two hours after its date, then puts it back in order without a restart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // 12:00 in Almaty; the story is of 11:30, so it leads until 13:30.
    vi.setSystemTime(NEWSROOM_NOW);
    const moving = await testSite(content.dir);
    const lead = async () => one(parseHtml((await request(moving.app).get('/ru/').expect(200)).text), '.card--lead .card__title a').attr('href');
    try {
      expect(await lead()).toBe('/ru/news/tokaev-breaking');
      vi.advanceTimersByTime(90 * 60 * 1000 - 1000);
      expect(await lead()).toBe('/ru/news/tokaev-breaking');
      vi.advanceTimersByTime(1000);
      // The lead is the newest story with a photo again: the seed article.
      expect(await lead()).toBe('/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya');
    } finally {
      moving.close();
    }
  });

  it('leads for site.yml’s breakingHours when it sets them', async () => {
    const copy = await copyContent(content.dir);
    try {
      const siteYml = path.join(copy.dir, 'site.yml');
      await writeFile(siteYml, `${await readFile(siteYml, 'utf8')}breakingHours: 0.25\n`);
      const short = await testSite(copy.dir, { now: NEWSROOM_NOW });
      const href = one(parseHtml((await request(short.app).get('/ru/').expect(200)).text), '.card--lead .card__title a').attr('href');
      short.close();
      expect(href).not.toBe('/ru/news/tokaev-breaking');
    } finally {
      await copy.remove();
    }
  });
});

describe('the home page, from the same trial', () => {
  it('shows a story once: the seed article of three topics stands in one topic block only', async () => {
    const $ = await page('/ru/');
    const seed = '/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
    expect($(`.topic-block a[href="${seed}"]`).length).toBe(1);
    const blocks = $('.topic-block').toArray().flatMap((el) => $(el).find('.card__title a').toArray().map((a) => $(a).attr('href')));
    expect(new Set(blocks).size).toBe(blocks.length);
  });
});

describe('«Самое читаемое», on a clock that moves', () => {
  afterEach(() => vi.useRealTimers());

  it('follows the readers within five minutes while no file changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NEWSROOM_NOW);
    const copy = await copyContent(content.dir);
    const reading = await testSite(copy.dir);
    try {
      const mostRead = async () => parseHtml((await request(reading.app).get('/ru/').expect(200)).text)('.most-read__list a').toArray().map((a) => a.attribs.href);
      expect(await mostRead()).toEqual([]);
      // The seed article is not on show above (the breaking story leads, three newer ones under it): once read, «most read» adds it.
      await request(reading.app).post(`/api/views/ru/${SEED}`).set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0').expect(200);
      expect(await mostRead()).toEqual([]);
      vi.setSystemTime(NEWSROOM_NOW.getTime() + 5 * 60 * 1000);
      expect(await mostRead()).toEqual([`/ru/news/${SEED}`]);
    } finally {
      reading.close();
      await copy.remove();
    }
  });
});

describe('corrections', () => {
  it('show a dated notice at the top of the article, newest first, and set «Обновление» and dateModified', async () => {
    const res = await request(app).get('/ru/news/budget-corrected').expect(200);
    const $ = parseHtml(res.text);
    expect($('.corrections__item').toArray().map((el) => [$(el).find('time').attr('datetime'), textOf($(el))])).toEqual([
      ['2026-03-09T09:10:00+05:00', 'Исправлено 9 марта 2026, 09:10. Уточнена фамилия министра финансов.'],
      ['2026-03-08T15:40:00+05:00', 'Исправлено 8 марта 2026, 15:40. Исправлена сумма расходов — 25,3 трлн тенге, а не 23,5 трлн.'],
    ]);
    // Before the photo and the body: the notice is the first thing read after the headline.
    expect($('.article > *').toArray().map((el) => $(el).attr('class'))).toEqual(expect.arrayContaining(['article__header', 'corrections', 'article__body']));
    expect(textOf(one($, '.article__updated'))).toBe('Обновление: 9 марта 2026, 09:10');
    expect(articleLd($)).toMatchObject({ '@type': 'NewsArticle', dateModified: '2026-03-09T09:10:00+05:00', datePublished: '2026-03-08T10:00:00+05:00' });
    expect(res.headers['last-modified']).toBe(new Date('2026-03-09T04:10:00Z').toUTCString());
    expect(jsonLdOf($).flatMap((n) => schemaOrgProblems(n))).toEqual([]);
  });

  it('are kept when the article is edited again: they are in the file, and a reload reads them back', async () => {
    const copy = await copyContent(content.dir);
    try {
      const edited = await testSite(copy.dir, { now: NEWSROOM_NOW });
      const file = path.join(copy.dir, 'news/2026/03/budget-corrected.ru.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('Мажилис утвердил бюджет.', 'Мажилис утвердил бюджет во втором чтении.'));
      await edited.store.reload();
      const $ = parseHtml((await request(edited.app).get('/ru/news/budget-corrected').expect(200)).text);
      edited.close();
      expect(textOf(one($, '.article__body'))).toBe('Мажилис утвердил бюджет во втором чтении.');
      expect($('.corrections__item').length).toBe(2);
    } finally {
      await copy.remove();
    }
  });
});

describe('advertising', () => {
  it('says «Реклама» above the title, names the advertiser and erid under the article, and marks its outbound links sponsored', async () => {
    const $ = await page('/ru/news/bank-promo');
    expect(labelsOf($, '.article__labels .label')).toEqual(['Реклама']);
    expect(textOf(one($, '.sponsor'))).toBe('Рекламодатель: АО «Пример Банк» erid: 2VtzqwXyZab');
    expect(one($, '.article__body a[href="https://bank.example/deposit"]').attr('rel')).toBe('sponsored');
  });

  it('says «Реклама» on every card of it', async () => {
    for (const url of ['/ru/', '/ru/topics/economy', '/ru/news', '/ru/authors/arman-korzhumbaev']) {
      const $ = await page(url);
      const cards = $('.card').filter((_, el) => $(el).find('a[href="/ru/news/bank-promo"]').length > 0);
      expect(cards.length, url).toBeGreaterThan(0);
      for (const card of cards.toArray()) expect(textOf($(card).find('.card__labels')), url).toBe('Реклама');
    }
  });

  it('is an Article and AdvertiserContentArticle in JSON-LD, never a NewsArticle, with its advertiser as sponsor', async () => {
    const ld = articleLd(await page('/ru/news/bank-promo'));
    expect(ld['@type']).toEqual(['Article', 'AdvertiserContentArticle']);
    expect(ld.sponsor).toEqual({ '@type': 'Organization', name: 'АО «Пример Банк»' });
    expect([...schemaOrgProblems(ld), ...googleProblems(ld)]).toEqual([]);
  });

  it('is left out of the Google News sitemap', async () => {
    const body = (await request(app).get('/sitemap-news.xml').expect(200)).text;
    const locs = [xml.parse(body).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs).toContain(`${SITE}/ru/news/tokaev-breaking`);
    expect(locs).not.toContain(`${SITE}/ru/news/bank-promo`);
  });
});

describe('a draft’s secret preview', () => {
  const token = previewToken(Buffer.from(SECRET), 'ru', 'budget-draft');
  const url = `/ru/preview/budget-draft/${token}`;

  it('renders the draft as it will look, noindex, private and never stored', async () => {
    const res = await request(app).get(url).expect(200);
    const $ = parseHtml(res.text);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(one($, 'meta[name="robots"]').attr('content')).toBe('noindex, follow');
    expect(textOf(one($, 'h1')).replace(/\u00ad/g, '')).toBe('Черновик о бюджете');
    expect(textOf(one($, '.draft-banner strong'))).toBe('Предпросмотр.');
    // Not a view to count: the draft has no readers yet.
    expect($('[data-views-api]').length).toBe(0);
    expect((await request(app).get(url).expect(200)).headers['cache-control']).toBe('private, no-store');
  });

  it('answers a wrong token with the very 404 of a missing page', async () => {
    const wrongs = [`/ru/preview/budget-draft/${token.slice(0, -1)}x`, `/ru/preview/budget-draft/${token}0`, `/en/preview/budget-draft/${token}`, `/ru/preview/no-such-draft/${token}`];
    for (const wrong of wrongs) {
      const missing = await request(app).get(`/${wrong.split('/')[1]}/no-such-page`).expect(404);
      const res = await request(app).get(wrong);
      expect(res.status, wrong).toBe(404);
      expect(res.headers['cache-control']).toBe(missing.headers['cache-control']);
      expect(res.text).toBe(missing.text);
    }
  });

  it('answers an old token (the slug changed) with a 404, and the new slug’s token with the draft', async () => {
    const copy = await copyContent(content.dir);
    try {
      const renamed = await testSite(copy.dir, { now: NEWSROOM_NOW, env: { PREVIEW_SECRET: SECRET } });
      await rename(path.join(copy.dir, 'news/2026/03/budget-draft.ru.md'), path.join(copy.dir, 'news/2026/03/budget-2027.ru.md'));
      await renamed.store.reload();
      await request(renamed.app).get(url).expect(404);
      await request(renamed.app).get(`/ru/preview/budget-2027/${previewToken(Buffer.from(SECRET), 'ru', 'budget-2027')}`).expect(200);
      renamed.close();
    } finally {
      await copy.remove();
    }
  });

  it('is never in a list, a sitemap, a feed or the search', async () => {
    const answers = await Promise.all(['/ru/', '/ru/news', '/ru/topics/economy', '/ru/rss.xml', '/sitemaps/ru-articles-1.xml', '/sitemap-news.xml', '/ru/search?q=черновик'].map((u) => request(app).get(u)));
    for (const answer of answers) expect(answer.text).not.toContain('budget-draft');
    await request(app).get('/ru/news/budget-draft').expect(404);
  });

  it('is shown, as a link, in the development banner of the draft', async () => {
    const dev = await testSite(content.dir, { now: NEWSROOM_NOW, env: { PREVIEW_SECRET: SECRET, NODE_ENV: 'development' } });
    const $ = parseHtml((await request(dev.app).get('/ru/news/budget-draft').expect(200)).text);
    dev.close();
    expect(one($, '.draft-banner a').attr('href')).toBe(`${SITE}${url}`);
  });

  it('leads to the article once it is published', async () => {
    const breaking = `/ru/preview/tokaev-breaking/${previewToken(Buffer.from(SECRET), 'ru', 'tokaev-breaking')}`;
    await request(app).get(breaking).expect(302).expect('location', '/ru/news/tokaev-breaking');
  });
});

describe('static pages in sitemap.xml', () => {
  it('carry their lastmod', async () => {
    const body = (await request(app).get('/sitemaps/ru-pages.xml').expect(200)).text;
    const urls = [xml.parse(body).urlset.url].flat() as { loc: string; lastmod?: string }[];
    const pages = urls.filter((u) => !u.loc.endsWith('/ru/news'));
    expect(pages.length).toBeGreaterThan(0);
    for (const u of pages) expect(u.lastmod, u.loc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
  });
});
