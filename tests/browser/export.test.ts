import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, type Site } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { exportSite } from '../../src/export/export-site.js';
import { createServer } from '../../src/http/create-server.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';
import { staticServer } from '../http/static-server.js';
import { launchChromium } from './browser.js';

const silent = pino({ level: 'silent' });
// Headless Chromium says so in its User-Agent and is rightly not counted; a reader's browser is.
const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

function listen(server: Server, host: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

/**
 * The static export on one origin and the live server, as its API, on another (127.0.0.2 is
 * loopback too, and another origin to a browser): the counter's POST and the search form
 * cross from one to the other, under the CSP the nginx block sends.
 */
describe('an exported page served from another origin than its API', () => {
  let work: string;
  let browser: Browser;
  let api: Site;
  let apiServer: Server;
  let pages: Server;
  let siteOrigin: string;
  let apiOrigin: string;
  let csp = '';

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'dknews-export-browser-'));
    const outDir = path.join(work, 'site');
    pages = staticServer(() => outDir, () => ({ 'Content-Security-Policy': csp }));
    siteOrigin = await listen(pages, '127.0.0.1');
    const config = loadConfig({ CONTENT_DIR: VALID, SITE_URL: siteOrigin, NODE_ENV: 'production', DATA_DIR: path.join(work, 'data'), CONTENT_WATCH: '0' });
    api = await boot(config, silent, { now: () => FIXTURE_NOW });
    apiServer = createServer(api.app, { logger: silent, refusalPage: api.refusalPage });
    apiOrigin = await listen(apiServer, '127.0.0.2');
    await exportSite({ config, logger: silent, outDir, apiOrigin, now: () => FIXTURE_NOW });
    // The pages' CSP as the exported nginx block sends it.
    csp = /add_header Content-Security-Policy "([^"]+)"/.exec(await readFile(path.join(outDir, 'nginx.conf'), 'utf8'))![1]!;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => pages?.close(resolve));
    apiServer?.closeAllConnections();
    await new Promise((resolve) => apiServer?.close(resolve));
    api?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('counts the reader at the API and shows the new figure', async () => {
    const context = await browser.newContext({ userAgent: READER });
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await tab.goto(`${siteOrigin}/ru/news/first-story`);
    // 5 carried over in the front matter, plus this reader, counted by the API across origins.
    await expect.poll(() => tab.locator('.article__views').textContent(), { timeout: 5000 }).toBe('6 просмотров');
    await context.close();
    expect(problems).toEqual([]);
    expect(api.counter.counted('first-story')).toBe(1);
  });

  it('sends a search to the API origin, which answers it', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${siteOrigin}/ru/`);
    await tab.fill('#search-q', 'новость');
    await Promise.all([tab.waitForURL(`${apiOrigin}/ru/search?q=*`), tab.press('#search-q', 'Enter')]);
    const results = await tab.locator('.search-result').count();
    await context.close();
    expect(results).toBeGreaterThan(0);
  });
});
