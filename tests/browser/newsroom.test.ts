/// <reference lib="dom" />
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT, copyContent } from '../helpers.js';
import { NEWSROOM_NOW, writeNewsroomArticles } from '../newsroom-content.js';
import { previewToken } from '../../src/preview.js';
import { axeViolations, launchChromium, serveSite } from './browser.js';

const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const SECRET = 'a-secret-for-the-browser-tests';
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
];
const PAGES = [
  { name: 'live', path: '/ru/news/forum-live' },
  { name: 'live-ended', path: '/en/news/forum-live' },
  { name: 'breaking', path: '/ru/news/tokaev-breaking' },
  { name: 'sponsored', path: '/ru/news/bank-promo' },
  { name: 'corrections', path: '/ru/news/budget-corrected' },
  { name: 'labels-home', path: '/ru/' },
  { name: 'labels-topic', path: '/ru/topics/economy' },
  { name: 'preview', path: `/ru/preview/budget-draft/${previewToken(Buffer.from(SECRET), 'ru', 'budget-draft')}` },
];

const content = await copyContent(CONTENT);
let browser: Browser;
let served: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  await writeNewsroomArticles(content.dir, { author: 'arman-korzhumbaev', topic: 'economy' });
  [browser, served] = await Promise.all([launchChromium(), serveSite(content.dir, NEWSROOM_NOW, { PREVIEW_SECRET: SECRET })]);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await content.remove();
});

describe.each(VIEWPORTS)('the newsroom’s labels and pages at $width px', (viewport) => {
  it.each(PAGES)('$name: no accessibility violation, nothing wider than the screen, a screenshot', async (page) => {
    const context = await browser.newContext({ viewport });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const response = await tab.goto(`${served.origin}${page.path}`, { waitUntil: 'load' });
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const light = await axeViolations(tab);
    await tab.screenshot({ path: path.join(OUTPUT, `newsroom-${page.name}-${viewport.name}.png`), fullPage: true });
    await tab.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(tab);
    await context.close();
    expect(response?.status()).toBe(200);
    expect(errors).toEqual([]);
    expect(overflow).toBe(0);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);
  });
});

describe('cards and captions, from the same trial', () => {
  it('a story without a photo has no grey placeholder on a phone, and keeps it in a row on a desktop', async () => {
    const heights: Record<string, number[]> = {};
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport });
      const tab = await context.newPage();
      await tab.goto(`${served.origin}/ru/news/forum-live`);
      heights[viewport.name] = await tab.locator('.related .card__image--none').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      await context.close();
    }
    expect(heights.phone!.length).toBeGreaterThan(0);
    expect(heights.phone!.every((h) => h === 0)).toBe(true);
    expect(heights.desktop!.every((h) => h > 100)).toBe(true);
  });

  it('a lone related story keeps a card’s width, its picture no wider than its slot says', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[1] });
    const tab = await context.newPage();
    // The English live page has one related story: the seed article.
    await tab.goto(`${served.origin}/en/news/forum-live`);
    const cards = await tab.locator('.related .card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    await context.close();
    expect(cards.length).toBe(1);
    expect(cards[0]).toBeLessThanOrEqual(360);
  });

  it('a caption’s credit stands on a line of its own', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    const tab = await context.newPage();
    await tab.goto(`${served.origin}/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya`);
    const display = await tab.locator('.article__figure .article__credit').evaluate((e) => getComputedStyle(e).display);
    await context.close();
    expect(display).toBe('block');
  });
});

describe('a live page left open', () => {
  it('offers a new update saved meanwhile as «1 новое обновление», and puts it at the top on a click', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    const tab = await context.newPage();
    // The page's 30-second timer runs on a clock the test moves; its requests are real.
    await tab.clock.install();
    await tab.goto(`${served.origin}/ru/news/forum-live`, { waitUntil: 'load' });
    const file = path.join(content.dir, 'news/2026/03/forum-live.ru.md');
    const text = await readFile(file, 'utf8');
    try {
      await tab.clock.runFor(30_000);
      // Nothing new yet: no offer.
      await tab.waitForLoadState('networkidle');
      expect(await tab.locator('[data-live-status] button').count()).toBe(0);
      await writeFile(file, text.replace('## 11:40', '## 11:55 Пресс-конференция\n\nМинистры ответили на вопросы.\n\n## 11:40'));
      await served.site.store.reload();
      await tab.clock.runFor(30_000);
      const button = tab.locator('[data-live-status] button');
      await expect.poll(() => button.textContent(), { timeout: 5000 }).toBe('1 новое обновление');
      await tab.screenshot({ path: path.join(OUTPUT, 'newsroom-live-offer-phone.png') });
      await button.click();
      const first = await tab.locator('section.live-update').first().getAttribute('id');
      const focused = await tab.evaluate(() => document.activeElement?.closest('section')?.id);
      const offers = await button.count();
      expect([first, focused, offers]).toEqual(['update-20260310-1155', 'update-20260310-1155', 0]);
    } finally {
      await writeFile(file, text);
      await served.site.store.reload();
      await context.close();
    }
  });

  it('is complete without script: every update is on the page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${served.origin}/ru/news/forum-live`);
    const ids = await tab.locator('section.live-update').evaluateAll((els) => els.map((e) => e.id));
    await context.close();
    expect(ids).toEqual(['update-20260310-1140', 'update-20260310-0030', 'update-20260309-2315', 'update-20260309-2205']);
  });
});
