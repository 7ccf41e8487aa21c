import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/text/typography.js';
import { CONTENT, FIXTURES, testSite } from '../helpers.js';

const SLUG = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
const { app, store, close } = await testSite(CONTENT, { now: new Date('2026-11-23T12:00:00Z') });
afterAll(() => close());

/** The seed as published: title, views, byline, photo credit, then the body up to the registration notice. */
const seed = readFileSync(path.join(FIXTURES, 'seed-article.ru.txt'), 'utf8').split('\n').map((l) => l.trim());
const bodyStart = seed.indexOf('Фото: Gov') + 1;
const bodyEnd = seed.findIndex((l) => l.startsWith('Международное информационное агентство'));
const seedBlocks = seed.slice(bodyStart, bodyEnd).filter(Boolean);

/** The visible text of an HTML fragment, typography folded back. */
function visible(html: string): string {
  return plainText(html.replace(/<\/?(span|a|em|strong|b|i)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/&laquo;/g, '«').replace(/&raquo;/g, '»').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

describe('the seed article', () => {
  it('has every content file valid', () => {
    expect(store.index.problems.map((p) => p.format())).toEqual([]);
  });

  it('is served in Russian with every paragraph and subheading of the seed, words and figures exact', async () => {
    const { text } = await request(app).get(`/ru/news/${SLUG}`).expect(200);
    const page = visible(text);
    expect(seedBlocks).toHaveLength(16);
    for (const block of seedBlocks) expect(page).toContain(plainText(block));
    for (const heading of ['Диалог на уровне регионов', 'Почему именно Цзянсу', 'Что это значит для Казахстана']) {
      expect(text).toMatch(new RegExp(`<h2>${heading.replace(/ /g, '[ \\u00a0]')}</h2>`));
    }
  });

  it('shows title, views, byline with role, photo credit, date, update, topic, footer as the seed does', async () => {
    const { text } = await request(app).get(`/ru/news/${SLUG}`).expect(200);
    const page = visible(text);
    expect(page).toContain(plainText(seed[0]!));
    expect(page).toContain('2156 просмотров');
    expect(page).toContain('Арман Коржумбаев, Шеф-редактор');
    expect(page).toContain('Фото: иллюстрация DKNews.kz');
    expect(page).toContain('27 января 2026, 10:00');
    expect(page).toContain('Обновление: 27 января 2026, 15:40');
    // «Темы»: the seed has three topics (it said «Тема» before).
    expect(page).toContain('Темы Международные отношения Экономика Политика');
    expect(page).toContain(plainText(seed[bodyEnd]!));
    expect(page).toContain('МИА «DKNews.kz» © 2006–2026');
  });

  it.each([
    ['kk', 'Қазақстан Қытайдың ең бай провинцияларының бірімен ынтымақтастықты күшейтуде', '2156 қаралым', 'Тақырып', 'Фото: DKNews.kz иллюстрациясы'],
    ['en', 'Kazakhstan steps up cooperation with one of China’s richest provinces', '2,156 views', 'Topic', 'Photo: DKNews.kz illustration'],
  ])('is served in %s, with that language’s UI and the same figures', async (lang, title, views, topic, credit) => {
    const { text } = await request(app).get(`/${lang}/news/${SLUG}`).expect(200);
    const page = visible(text);
    expect(text).toContain(`<html lang="${lang}">`);
    const straight = (s: string) => s.replace(/’/g, "'");
    for (const part of [title, views, topic, credit]) expect(straight(page)).toContain(straight(part));
    for (const figure of ['2026', '2025', '10484']) expect(page).toContain(figure);
    for (const russian of ['просмотр', 'Обновление', 'Тема', 'Читайте также', 'Перейти к содержанию', 'Страниц']) expect(page).not.toContain(russian);
  });
});
