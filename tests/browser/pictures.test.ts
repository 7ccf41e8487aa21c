import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT, copyContent } from '../helpers.js';
import { makePhoto } from '../photo.js';
import { launchChromium, serveSite } from './browser.js';

const SLUG = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
// The case: a 3000×2000 camera photo, 18 MB, as the seed article's picture.
const content = await copyContent(CONTENT);
let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  await makePhoto(path.join(content.dir, 'media/2026/01/camera.png'), { width: 3000, height: 2000, compression: 0 });
  const news = path.join(content.dir, 'news/2026/01');
  for (const name of await readdir(news)) {
    const file = path.join(news, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace('src: 2026/01/kazakhstan-jiangsu.png', 'src: 2026/01/camera.png'));
  }
  [browser, site] = await Promise.all([launchChromium(), serveSite(content.dir)]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await content.remove();
});

/** The pictures a 390 px phone at 3 device pixels per CSS pixel downloads on a page, with their bytes. */
async function phoneImages(pagePath: string): Promise<{ url: string; bytes: number }[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const tab = await context.newPage();
  const fetched: { url: string; bytes: number }[] = [];
  tab.on('requestfinished', async (request) => {
    if (request.resourceType() !== 'image' || !request.url().includes('/media/')) return;
    const body = await (await request.response())?.body();
    fetched.push({ url: new URL(request.url()).pathname, bytes: body?.length ?? 0 });
  });
  await tab.goto(`${site.origin}${pagePath}`, { waitUntil: 'networkidle' });
  await context.close();
  return fetched;
}

describe('a 390 px phone at DPR 3, with an 18 MB 3000×2000 photo', () => {
  it('fetches only the small AVIF candidate for the article picture, at most 150 KB, never the original', async () => {
    const images = await phoneImages(`/ru/news/${SLUG}`);
    expect(images.map((i) => i.url)).toEqual([expect.stringMatching(/^\/media\/_\/[0-9a-f]{20}\/(960|1280)\.avif$/)]);
    expect(images[0]!.bytes).toBeLessThanOrEqual(150 * 1024);
  });

  it('fetches one small AVIF for the home card, at most 40 KB', async () => {
    const images = await phoneImages('/ru/');
    expect(images.map((i) => i.url)).toEqual([expect.stringMatching(/^\/media\/_\/[0-9a-f]{20}\/(960|1280)\.avif$/)]);
    expect(images[0]!.bytes).toBeLessThanOrEqual(40 * 1024);
  });
});
