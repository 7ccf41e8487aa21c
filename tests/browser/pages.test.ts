/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { CONTENT } from '../helpers.js';
import { launchChromium, serveSite } from './browser.js';

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

describe.each(VIEWPORTS)('in Chromium at $width×$height', (viewport) => {
  it.each(PAGES)('$name loads cleanly: no console errors, no failed requests, no horizontal scrolling', async (page) => {
    const context = await browser.newContext({ viewport });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => {
      // The 404 page's own status is reported by Chromium as a console error; anything else is a problem.
      if (m.type() === 'error' && !(page.status === 404 && m.text().includes('404'))) problems.push(`console: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    tab.on('response', (r) => {
      if (r.status() >= 400 && r.url() !== `${site.origin}${page.path}`) problems.push(`${r.status()}: ${r.url()}`);
    });

    const response = await tab.goto(`${site.origin}${page.path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(page.status);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Lazy images below the fold load only on scroll; load them all to check that none is broken.
    const images = await tab.evaluate(async () => {
      const all = [...document.images];
      for (const img of all) img.loading = 'eager';
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.filter((img) => img.naturalWidth === 0).map((img) => img.src);
    });
    await tab.screenshot({ path: path.join(OUTPUT, `${page.name}-${viewport.name}.png`), fullPage: true });
    await context.close();

    expect(problems).toEqual([]);
    expect(images).toEqual([]);
    expect(overflow).toBe(0);
  });
});
