import { createServer as createHttpServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { one, parseHtml } from '../html.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const site = await testSite(VALID, { now: FIXTURE_NOW });
const { app } = site;
afterAll(() => {
  site.close();
});

const post = (url: string, agent = BROWSER) => request(app).post(url).set('User-Agent', agent);

describe('POST /api/views/{lang}/{slug}', () => {
  it('counts a reader once within 30 minutes, shares the count between translations, and renders it into pages', async () => {
    const first = await post('/api/views/ru/first-story').expect(200).expect('content-type', /json/);
    expect(first.body).toEqual({ views: 6, counted: true });
    expect(first.headers['cache-control']).toBe('no-store');
    expect((await post('/api/views/ru/first-story').expect(200)).body).toEqual({ views: 6, counted: false });
    // The English version carries no views of its own; the Russian reader's view counts for both.
    expect((await post('/api/views/en/first-story', GOOGLEBOT).expect(200)).body).toEqual({ views: 1, counted: false });
    const { text } = await request(app).get('/en/news/first-story').expect(200);
    expect(text).toContain('>1 view</span>');
  });

  it('does not count bots or clients without a User-Agent', async () => {
    expect((await post('/api/views/ru/second-story', GOOGLEBOT).expect(200)).body).toEqual({ views: 0, counted: false });
    expect((await request(app).post('/api/views/ru/second-story').set('User-Agent', '').expect(200)).body).toEqual({ views: 0, counted: false });
  });

  it('gives the page script its API address and the plural forms of the count', async () => {
    const views = one(parseHtml((await request(app).get('/ru/news/second-story').expect(200)).text), '.article__views');
    expect(views.attr('data-views-api')).toBe('/api/views/ru/second-story');
    expect(JSON.parse(views.attr('data-views-forms')!)).toEqual({ many: '# просмотров', one: '# просмотр', few: '# просмотра', other: '# просмотра' });
  });

  it.each(['/api/views/ru/nope', '/api/views/de/first-story', '/api/views/ru/future-story', '/api/views/ru/draft-story', '/api/nothing'])(
    '%s: 404 in JSON',
    async (url) => {
      const res = await post(url).expect(404).expect('content-type', /json/);
      expect(res.body).toEqual({ error: 'not_found' });
    },
  );

  it('refuses other methods with 405 and Allow: POST', async () => {
    const res = await request(app).get('/api/views/ru/first-story').expect(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toEqual({ error: 'method_not_allowed' });
  });

  it('refuses a body larger than 1 KB, or one of unknown length, unread', async () => {
    await post('/api/views/ru/first-story').set('Content-Type', 'application/json').send(JSON.stringify({ x: 'y'.repeat(2000) })).expect(413);
    const server = createHttpServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const status = await new Promise<number | undefined>((resolve) => {
      const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/api/views/ru/first-story', headers: { 'Transfer-Encoding': 'chunked', 'User-Agent': BROWSER } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.write('x'.repeat(100));
      req.end();
    });
    server.close();
    expect(status).toBe(413);
  });
});

/** A folder no process can write to: a read-only bind mount as root, a mode of 555 otherwise. */
function readOnly(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', dir, dir]);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
    return () => execFileSync('umount', [dir]);
  }
  chmodSync(dir, 0o555);
  return () => chmodSync(dir, 0o755);
}

describe('a read-only data folder', () => {
  it('never stops pages: the counter shows the carried-over figure, counts nothing, and says why in the log', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-ro-'));
    const before = await testSite(VALID, { now: FIXTURE_NOW, env: { DATA_DIR: dataDir } });
    expect((await request(before.app).post('/api/views/ru/second-story').set('User-Agent', BROWSER)).body).toEqual({ views: 1, counted: true });
    before.close();

    const restore = readOnly(dataDir);
    try {
      const after = await testSite(VALID, { now: FIXTURE_NOW, env: { DATA_DIR: dataDir } });
      const page = await request(after.app).get('/ru/news/second-story').expect(200);
      const count = await request(after.app).post('/api/views/ru/second-story').set('User-Agent', BROWSER).expect(200);
      after.close();
      // Nothing counted and nothing carried over: no «0 просмотров»; the phrase for one view is laid out unseen, and the script fills the figure in once a view counts.
      expect(page.text).toMatch(/<span class="article__views"[^>]* data-reserved>1 просмотр<\/span>/);
      expect(count.body).toEqual({ views: 0, counted: false });
      expect(after.logs.find((l) => l.level === 50)?.msg).toMatch(/^View counter unavailable/);
    } finally {
      restore();
    }
  });
});
