import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT, testSite } from '../helpers.js';

const SLUG = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
const { app, close } = await testSite(CONTENT, { now: new Date('2026-11-23T12:00:00Z') });
afterAll(() => close());

describe('the author’s role in the page’s language', () => {
  it.each([
    ['ru', 'Шеф-редактор'],
    ['kk', 'Бас редактор'],
    ['en', 'Editor-in-Chief'],
  ])('/%s/ article shows «%s»', async (lang, role) => {
    const { text } = await request(app).get(`/${lang}/news/${SLUG}`).expect(200);
    expect(/<span class="article__role">([^<]*)<\/span>/.exec(text)?.[1]).toBe(role);
  });
});

describe('the registration number, an official identifier issued in Russian', () => {
  it.each(['kk', 'en'])('is marked lang="ru" on /%s/ pages', async (lang) => {
    const { text } = await request(app).get(`/${lang}/`).expect(200);
    expect(text).toContain('<span lang="ru">10484-АА</span>');
  });

  it('is plain text on Russian pages', async () => {
    const { text } = await request(app).get('/ru/').expect(200);
    expect(text).toContain('№ 10484-АА выдано');
    expect(text).not.toContain('<span lang="ru">10484-АА</span>');
  });
});
