import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT, testSite } from '../helpers.js';
import { one, parseHtml } from '../html.js';

const { app, close } = await testSite(CONTENT, { now: new Date('2026-11-23T12:00:00Z') });
afterAll(() => close());

const results = (html: string) => [...html.matchAll(/<h2 class="search-result__title"><a href="([^"]+)">/g)].map((m) => m[1]);

describe('/{lang}/search', () => {
  it('shows the form and how to search for an empty query, noindex', async () => {
    const { text } = await request(app).get('/ru/search').expect(200);
    expect(text).toContain('<h1 class="page-title">Поиск</h1>');
    expect(text).toContain('Введите слово или фразу');
    expect(text).toContain('<meta name="robots" content="noindex, follow">');
    expect(results(text)).toEqual([]);
  });

  it('finds the article by an inflected form, with the words highlighted', async () => {
    const { text } = await request(app).get(`/ru/search?q=${encodeURIComponent('сотрудничества Казахстану')}`).expect(200);
    expect(results(text)).toEqual(['/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya']);
    expect(text).toContain('<mark>Казахстан</mark> усиливает <mark>сотрудничество</mark>');
    expect(text).toContain('<p class="search-page__summary" role="status">1 материал</p>');
    expect(text).toContain('value="сотрудничества Казахстану"');
  });

  it('says when nothing is found and offers the topics', async () => {
    const { text } = await request(app).get('/en/search?q=football').expect(200);
    expect(text).toContain('Nothing found for “football”.');
    expect(text).toContain('<li><a href="/en/topics/economy">Economy</a></li>');
  });

  it.each([
    ['markup', '<script>alert(1)</script>'],
    ['quotes', `"'><img src=x onerror=alert(1)>`],
    ['a 10 KB string', 'x'.repeat(10_000)],
  ])('escapes and survives %s', async (_, q) => {
    const { text } = await request(app).get(`/ru/search?q=${encodeURIComponent(q)}`).expect(200);
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img src=x');
    expect(text.length).toBeLessThan(60_000);
  });

  it('cuts a long query to 200 characters', async () => {
    const { text } = await request(app).get(`/ru/search?q=${'x'.repeat(10_000)}`).expect(200);
    expect(text).toContain(`value="${'x'.repeat(200)}"`);
    expect(text).not.toContain('x'.repeat(201));
  });

  it.each(['%FF%FE', '%E0%A4%A', '%', '%00'])('answers broken UTF-8 in q (%s) with a page, not an error', async (raw) => {
    const res = await request(app).get(`/ru/search?q=${raw}`);
    expect(res.status).toBe(200);
    expect(parseHtml(res.text)('h1.page-title')).toHaveLength(1);
  });

  it('keeps the query when switching language', async () => {
    const $ = parseHtml((await request(app).get('/ru/search?q=Jiangsu').expect(200)).text);
    expect($('header a[hreflang]').toArray().map((a) => $(a).attr('href'))).toEqual(['/ru/search?q=Jiangsu', '/kk/search?q=Jiangsu', '/en/search?q=Jiangsu']);
  });

  it('is linked from every header as a plain GET form', async () => {
    const $ = parseHtml((await request(app).get('/kk/topics').expect(200)).text);
    const form = one($, 'header form.search-form');
    expect([form.attr('role'), form.attr('action'), form.attr('method'), form.find('input[name="q"]').length]).toEqual(['search', '/kk/search', 'get', 1]);
  });

  it('answers 404 for a results page past the end', async () => {
    await request(app).get('/ru/search?q=Казахстан&page=2').expect(404);
  });
});
