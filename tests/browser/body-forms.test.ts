/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT, copyContent, FIXTURES } from '../helpers.js';
import { makePhoto } from '../photo.js';
import { launchChromium, serveSite } from './browser.js';

// One article with one of each body form (tests/fixtures/forms/), served from a copy of the
// content with its pictures and video: what readers' browsers load, what they ask of other
// hosts, and the HTML as the Nu checker reads it.
const ARTICLE = '/ru/news/primer-form-teksta';
const OUTPUT = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
];
const FORMS = ['.embed--youtube', '.embed--telegram', 'figure.video', '.gallery', 'figure.quote', '.table-scroll'];

const content = await copyContent(CONTENT);
let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  const media = path.join(content.dir, 'media/2026/02');
  await mkdir(media, { recursive: true });
  await mkdir(path.join(content.dir, 'news/2026/02'), { recursive: true });
  await copyFile(path.join(FIXTURES, 'forms/primer-form-teksta.ru.md'), path.join(content.dir, 'news/2026/02/primer-form-teksta.ru.md'));
  await copyFile(path.join(content.dir, 'media/2026/01/kazakhstan-jiangsu.png'), path.join(media, 'forum.png'));
  await copyFile(path.join(FIXTURES, 'video/clip.mp4'), path.join(media, 'train.mp4'));
  await makePhoto(path.join(media, 'train.jpg'), { width: 1280, height: 720, format: 'jpeg' });
  await makePhoto(path.join(media, 'talks.jpg'), { width: 1600, height: 1067, format: 'jpeg' });
  await makePhoto(path.join(media, 'port.jpg'), { width: 1200, height: 800, format: 'jpeg' });
  await mkdir(OUTPUT, { recursive: true });
  [browser, site] = await Promise.all([launchChromium(), serveSite(content.dir)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await content.remove();
});

/** A tab whose every request to another host is recorded and answered here: tests never reach another host. */
async function openTab(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; tab: Page; elsewhere: string[]; problems: string[] }> {
  const context = await browser.newContext(options);
  const elsewhere: string[] = [];
  const problems: string[] = [];
  await context.route((url) => url.origin !== site.origin, (route) => {
    elsewhere.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' });
  });
  const tab = await context.newPage();
  tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  return { context, tab, elsewhere, problems };
}

async function axeViolations(tab: Page): Promise<string[]> {
  await tab.evaluate(AXE);
  const result = await tab.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.each(VIEWPORTS)('the article with every body form at $width px', (viewport) => {
  it('shows its first view count without moving anything on the page (no layout shift)', async () => {
    // A reader's browser, which the counter counts (headless Chromium it rightly does not).
    const userAgent = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36';
    const { context, tab, problems } = await openTab({ viewport, userAgent });
    await tab.addInitScript(() => {
      const w = window as unknown as { shifts: number[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    const views = tab.locator('.article__views');
    // The figure arrives after the page has loaded: shown, no longer only laid out.
    await expect.poll(() => views.evaluate((el) => (el.hasAttribute('data-reserved') || getComputedStyle(el).visibility !== 'visible' ? '' : el.textContent)), { timeout: 5000 }).toMatch(/^\d+ просмотр/);
    const shifts = await tab.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    await context.close();
    expect(problems).toEqual([]);
    expect(shifts).toEqual([]);
  });

  it('loads with no request to another host, no overflow and no accessibility violation; each form is photographed', async () => {
    const { context, tab, elsewhere, problems } = await openTab({ viewport });
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    // Lazy pictures load as the reader scrolls: scrolled through, still nothing from elsewhere.
    for (const selector of FORMS) await tab.locator(selector).first().scrollIntoViewIfNeeded();
    await tab.waitForLoadState('networkidle');
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const violations = await axeViolations(tab);
    for (const selector of FORMS) {
      await tab.locator(selector).first().screenshot({ path: path.join(OUTPUT, `form-${selector.replace(/[^a-z-]+/g, '')}-${viewport.name}.png`) });
    }
    await tab.screenshot({ path: path.join(OUTPUT, `ru-article-forms-${viewport.name}.png`), fullPage: true });
    await context.close();
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    expect(overflow).toBe(0);
    expect(violations).toEqual([]);
  });
});

describe('a click on the YouTube facade', () => {
  it('loads exactly the no-cookie player in place, which the page\'s policy allows', async () => {
    const { context, tab, elsewhere, problems } = await openTab({ viewport: VIEWPORTS[0] });
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    const button = tab.getByRole('button', { name: 'Смотреть видео на YouTube: Выступление на\u00a0форуме в\u00a0Астане', exact: true });
    await button.click();
    const frame = tab.locator('.embed--youtube iframe');
    await frame.waitFor();
    await tab.frameLocator('.embed--youtube iframe').getByText('player').waitFor();
    expect(await frame.getAttribute('title')).toBe('Выступление на\u00a0форуме в\u00a0Астане — YouTube');
    await context.close();
    expect(elsewhere).toEqual(['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1']);
    expect(problems).toEqual([]);
  });

  it('is a plain link to the provider without script', async () => {
    const { context, tab, elsewhere } = await openTab({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    const link = tab.getByRole('link', { name: 'Смотреть видео на YouTube: Выступление на\u00a0форуме в\u00a0Астане', exact: true });
    expect(await link.getAttribute('href')).toBe('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    await context.close();
    expect(elsewhere).toEqual([]);
  });
});

describe('our own video', () => {
  it('is a facade until played: no player controls, no video bytes; a click shows the player, which loads the file from this site', async () => {
    const { context, tab, elsewhere, problems } = await openTab({ viewport: VIEWPORTS[0] });
    const asked: string[] = [];
    tab.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    const video = tab.locator('figure.video video');
    expect(await video.isVisible()).toBe(false);
    expect(asked.filter((p) => p.endsWith('.mp4'))).toEqual([]);
    await tab.getByRole('button', { name: 'Смотреть видео: Прибытие поезда на станцию', exact: true }).click();
    await video.waitFor({ state: 'visible' });
    await expect.poll(() => asked.filter((p) => p.endsWith('.mp4')), { timeout: 5000 }).toEqual(['/media/2026/02/train.mp4']);
    expect(await tab.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO');
    expect(await tab.locator('.video__open').count()).toBe(1);
    expect(await tab.locator('.video__open').isVisible()).toBe(false);
    await context.close();
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is the player itself without script', async () => {
    const { context, tab } = await openTab({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
    await tab.goto(`${site.origin}${ARTICLE}`, { waitUntil: 'networkidle' });
    expect(await tab.locator('figure.video video[controls]').isVisible()).toBe(true);
    expect(await tab.locator('.video__open').isVisible()).toBe(false);
    await context.close();
  });
});

describe('the Nu HTML checker (vnu)', () => {
  it('finds nothing wrong with the article with every form, nor the seed article', async () => {
    const dir = path.join(content.dir, '..', `vnu-${process.pid}`);
    await mkdir(dir, { recursive: true });
    const pages = [ARTICLE, '/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya'];
    const files = await Promise.all(pages.map(async (page, i) => {
      const file = path.join(dir, `page-${i}.html`);
      await writeFile(file, await (await fetch(`${site.origin}${page}`)).text());
      return file;
    }));
    const { stdout } = await promisify(execFile)('java', ['-jar', VNU, '--format', 'json', '--stdout', ...files], { maxBuffer: 16 * 1024 * 1024 });
    const messages = (JSON.parse(stdout) as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
    expect(messages.map((m) => `${path.basename(m.url)}:${m.lastLine} ${m.type}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
