/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { CONTENT } from '../helpers.js';
import { axeViolations, launchChromium, serveSite } from './browser.js';

const SLUG = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];
const PAGES = LANGS.flatMap((lang) => [
  { name: `${lang}-home`, path: `/${lang}/`, status: 200 },
  { name: `${lang}-article`, path: `/${lang}/news/${SLUG}`, status: 200 },
  { name: `${lang}-topics`, path: `/${lang}/topics`, status: 200 },
  { name: `${lang}-topic`, path: `/${lang}/topics/economy`, status: 200 },
  { name: `${lang}-author`, path: `/${lang}/authors/arman-korzhumbaev`, status: 200 },
  { name: `${lang}-authors`, path: `/${lang}/authors`, status: 200 },
  { name: `${lang}-news`, path: `/${lang}/news`, status: 200 },
  { name: `${lang}-about`, path: `/${lang}/about`, status: 200 },
  { name: `${lang}-editorial-policy`, path: `/${lang}/editorial-policy`, status: 200 },
  { name: `${lang}-404`, path: `/${lang}/no-such-page`, status: 404 },
]);

let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  await mkdir(OUTPUT, { recursive: true });
  [browser, site] = await Promise.all([launchChromium(), serveSite(CONTENT)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens a page and records everything that went wrong while it loaded. */
async function open(pagePath: string, options: BrowserContextOptions & { status?: number } = {}) {
  const context = await browser.newContext(options);
  const tab = await context.newPage();
  const problems: string[] = [];
  await tab.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  tab.on('console', (m) => {
    // Chromium reports the 404 page's own status as a console error; anything else is a problem.
    if (m.type() === 'error' && !(options.status === 404 && m.text().includes('404'))) problems.push(`console: ${m.text()}`);
  });
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('requestfailed', (r) => {
    // A srcset candidate the browser drops for another (it chooses again when media features or
    // the viewport change, as the dark-mode switch and the full-page screenshot do) is aborted,
    // not failed; a picture that then shows nothing is caught as a broken image below.
    if (r.resourceType() === 'image' && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  tab.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== `${site.origin}${pagePath}`) problems.push(`${r.status()}: ${r.url()}`);
  });
  const response = await tab.goto(`${site.origin}${pagePath}`, { waitUntil: 'load' });
  return { tab, context, problems, status: response?.status() };
}

describe.each(VIEWPORTS)('in Chromium at $width×$height', (viewport) => {
  it.each(PAGES)('$name loads cleanly and has no accessibility violations in either colour scheme', async (page) => {
    const { tab, context, problems, status } = await open(page.path, { viewport, status: page.status });
    expect(status).toBe(page.status);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Lazy images below the fold load only on scroll; load them all to check that none is broken.
    const brokenImages = await tab.evaluate(async () => {
      const all = [...document.images];
      for (const img of all) img.loading = 'eager';
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.filter((img) => img.naturalWidth === 0).map((img) => img.src);
    });
    const light = await axeViolations(tab);
    await tab.screenshot({ path: path.join(OUTPUT, `${page.name}-${viewport.name}.png`), fullPage: true });
    await tab.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(tab);
    await tab.screenshot({ path: path.join(OUTPUT, `${page.name}-${viewport.name}-dark.png`), fullPage: true });
    const csp = await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await context.close();

    expect(problems).toEqual([]);
    expect(csp).toEqual([]);
    expect(brokenImages).toEqual([]);
    expect(overflow).toBe(0);
    expect(light).toEqual([]);
    expect(dark).toEqual([]);
  });
});

describe('every width from 320 to 1440 px', () => {
  it.each([320, 360, 768, 1024, 1440])('has no horizontal scrolling at %i px on any page kind', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    const overflowing: string[] = [];
    for (const page of PAGES.filter((p) => p.name.startsWith('kk-') || p.name.startsWith('ru-'))) {
      await tab.goto(`${site.origin}${page.path}`);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`${page.name}: ${overflow}px`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });
});

describe('the article page', () => {
  const article = `/ru/news/${SLUG}`;

  it('reads completely with JavaScript off', async () => {
    const { tab, context, problems } = await open(article, { javaScriptEnabled: false, viewport: VIEWPORTS[0] });
    const text = (await tab.locator('.article__body').innerText()).replace(/\u00a0/g, ' ');
    const headings = await tab.locator('h1, h2, h3').evaluateAll((els) => els.map((e) => e.tagName));
    await context.close();
    expect(problems).toEqual([]);
    expect(text).toContain('Интерес Казахстана к Цзянсу не случаен.');
    expect(headings[0]).toBe('H1');
    expect(headings.filter((h) => h === 'H1')).toHaveLength(1);
  });

  it('stays within the page-weight budget: HTML, CSS and script under 60 KB compressed, one render-blocking request', async () => {
    const { tab, context } = await open(article, { viewport: VIEWPORTS[0] });
    const sizes = await tab.evaluate(() =>
      performance
        .getEntriesByType('navigation')
        .concat(performance.getEntriesByType('resource'))
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.entryType === 'navigation' || e.initiatorType === 'link' || e.initiatorType === 'script')
        .map((e) => ({ name: e.name, bytes: e.transferSize, blocking: (e as unknown as { renderBlockingStatus?: string }).renderBlockingStatus })),
    );
    const blocking = await tab.evaluate(() => [
      ...document.querySelectorAll('head link[rel="stylesheet"], head script:not([defer]):not([async]):not([type="application/ld+json"])'),
    ].length);
    await context.close();
    const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
    expect(sizes.map((s) => new URL(s.name).pathname).sort()).toEqual([
      expect.stringMatching(/^\/assets\/css\/site\.\w+\.css$/),
      expect.stringMatching(/^\/assets\/js\/site\.\w+\.js$/),
      article,
    ]);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(60 * 1024);
    expect(blocking).toBe(1);
  });

  it('is usable by keyboard: the skip link comes first and leads to the content; the language switcher works', async () => {
    const { tab, context } = await open(article, { viewport: VIEWPORTS[1] });
    await tab.keyboard.press('Tab');
    const first = await tab.evaluate(() => document.activeElement?.textContent);
    const outline = await tab.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    await tab.keyboard.press('Enter');
    const afterSkip = await tab.evaluate(() => document.activeElement?.id);
    await tab.focus('a[hreflang="kk"]');
    await Promise.all([tab.waitForURL(`**/kk/news/${SLUG}`), tab.keyboard.press('Enter')]);
    const lang = await tab.evaluate(() => document.documentElement.lang);
    await context.close();
    expect(first).toBe('Перейти к содержанию');
    expect(afterSkip).toBe('main');
    expect(outline).not.toBe('none');
    expect(lang).toBe('kk');
  });

  it('counts the reader once and shows the new figure', async () => {
    // Headless Chromium says so in its User-Agent and is rightly not counted; a reader's browser is.
    const userAgent = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';
    const { tab, context, problems } = await open(article, { viewport: VIEWPORTS[0], userAgent });
    // One reader, one view: 2156 carried over from the old site, plus this address's first visit.
    // (waitForFunction would need eval, which our Content-Security-Policy rightly forbids.)
    await expect.poll(() => tab.locator('.article__views').textContent(), { timeout: 5000 }).toBe('2157 просмотров');
    // Reloading while the favicon is still on its way would abort it: let the page finish first.
    await tab.waitForLoadState('networkidle');
    await tab.reload();
    await tab.waitForLoadState('networkidle');
    const after = await tab.locator('.article__views').textContent();
    await context.close();
    expect(problems).toEqual([]);
    expect(after).toBe('2157 просмотров');
  });

  it('copies its link with the copy button when scripts run', async () => {
    const { tab, context } = await open(article, { viewport: VIEWPORTS[0], permissions: ['clipboard-read', 'clipboard-write'] });
    await tab.click('a[data-copy]');
    const copied = await tab.evaluate(() => navigator.clipboard.readText());
    const status = await tab.locator('[data-copy-status]').textContent();
    await context.close();
    expect(copied).toBe(`https://dknews.example${article}`);
    expect(status).toBe('Ссылка скопирована');
  });
});

/**
 * Every place a line breaks inside a headline, as the browser laid it out: the characters on
 * both sides of each break. A break inside a word is allowed only after a hyphen the browser
 * drew (a soft hyphen) or a hyphen or dash in the text.
 */
async function wordSplits(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const bad: string[] = [];
    for (const heading of document.querySelectorAll('h1, h2, h3, .feed__item a, .most-read__list a')) {
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      const chars: { ch: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A letter right after a soft hyphen where the line breaks has two boxes, the drawn
          // hyphen's and its own: its own, the last, is the one on the new line.
          const rects = range.getClientRects();
          const rect = rects[rects.length - 1];
          if (rect) chars.push({ ch: text[i]!, top: rect.top });
        }
      }
      let prev: { ch: string; top: number } | undefined;
      for (const c of chars) {
        if (c.ch === '\u00ad') {
          prev = c;
          continue;
        }
        if (prev && c.top > prev.top + 2 && !/[\s\u00ad\-‐–—/]/.test(prev.ch) && !/\s/.test(c.ch)) bad.push(`${heading.textContent?.trim().slice(0, 40)}: …${prev.ch}|${c.ch}…`);
        prev = c;
      }
    }
    return bad;
  });
}

describe('headlines', () => {
  it.each([320, 390, 1280])('never split a word without a hyphen at %i px, in any language', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    const splits: string[] = [];
    for (const page of PAGES.filter((p) => /-(home|article|about|topic)$/.test(p.name))) {
      await tab.goto(`${site.origin}${page.path}`);
      splits.push(...(await wordSplits(tab)).map((s) => `${page.name}: ${s}`));
    }
    await context.close();
    expect(splits).toEqual([]);
  });
});

describe('the phone header', () => {
  it('is at most 120 px tall, and its menu reaches every section and the search', async () => {
    const { tab, context } = await open('/ru/', { viewport: VIEWPORTS[0] });
    const height = await tab.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
    const hidden = await tab.locator('.site-nav a').first().isVisible();
    await tab.click('.menu-link');
    const sections = await tab.locator('.site-nav a').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.textContent));
    const search = await tab.locator('#search-q').isVisible();
    await context.close();
    expect(height).toBeLessThanOrEqual(120);
    expect(hidden).toBe(false);
    expect(sections).toEqual(['Политика', 'Экономика', 'Международные отношения', 'Общество', 'Регионы', 'Все темы']);
    expect(search).toBe(true);
  });
});

describe('printing', () => {
  it('names the agency, the article’s address and its date', async () => {
    const { tab, context } = await open(`/ru/news/${SLUG}`, { viewport: VIEWPORTS[1] });
    await tab.emulateMedia({ media: 'print' });
    const source = await tab.locator('.print-source').innerText();
    const headerShown = await tab.locator('.site-header').isVisible();
    await context.close();
    expect(source.replace(/\u00a0/g, ' ')).toBe(`Источник: Международное информационное агентство «DKNews.kz» · https://dknews.example/ru/news/${SLUG} · 27 января 2026, 10:00`);
    expect(headerShown).toBe(false);
  });
});
