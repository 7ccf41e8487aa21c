import { createServer as createHttpServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { until } from './until.js';

// npm run dev on a real temporary folder: the problems banner and the live reload.
const content = await copyContent(VALID);
const dev = await testSite(content.dir, { now: FIXTURE_NOW, env: { NODE_ENV: 'development' } });
await dev.store.watch(0);
const production = await testSite(VALID, { now: FIXTURE_NOW, env: { NODE_ENV: 'production' } });
const server = createHttpServer(dev.app).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  dev.close();
  production.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await content.remove();
});

const write = (relativePath: string, text: string) => writeFile(path.join(content.dir, relativePath), text);
const article = (title: string, topics = '[economy]') => `---\ntitle: ${title}\ndate: 2026-01-28T10:00\nauthor: anna\ntopics: ${topics}\n---\nТекст.\n`;
const banner = (html: string) => /<section class="dev-problems[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1];
const visible = (html = '') => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').replace(/&laquo;/g, '«').replace(/&raquo;/g, '»').trim();

describe('npm run dev: the problems banner', () => {
  it('is absent while the content has no problem', async () => {
    expect(banner((await request(dev.app).get('/ru/').expect(200)).text)).toBeUndefined();
  });

  it('lists every problem on the home page, in Russian, with file:line, field and message', async () => {
    await write('news/broken.ru.md', article('Сломано', '[ekonomika]'));
    await until('the problem', () => dev.store.index.problems.length > 0);
    const text = visible(banner((await request(dev.app).get('/ru/').expect(200)).text));
    expect(text).toBe(
      `Проблема в материалах: 1. Этот список виден только в npm run dev; подробности — npm run check. ${content.dir}/news/broken.ru.md:5:10 topics.0 Неизвестная тема «ekonomika». Может быть, «economy»? Есть: economy, politics. Новые темы добавляют в topics.yml.`,
    );
  });

  it('lists, on an article page, the problems of that article’s file (its last good version is served)', async () => {
    await write('news/second-story.ru.md', article('Вторая', '[ekonomika]'));
    await until('the problem', () => dev.store.index.problems.some((p) => p.file.endsWith('second-story.ru.md')));
    const own = visible(banner((await request(dev.app).get('/ru/news/second-story').expect(200)).text));
    expect(own).toContain('news/second-story.ru.md:5:10 topics.0 Неизвестная тема «ekonomika».');
    expect(own).not.toContain('broken.ru.md');
    expect(banner((await request(dev.app).get('/ru/news/first-story').expect(200)).text)).toBeUndefined();
  });

  it('lists every problem on a 404, where a new article with an error would be', async () => {
    const { text } = await request(dev.app).get('/ru/news/broken').expect(404);
    expect(visible(banner(text))).toContain('news/broken.ru.md:5:10 topics.0 Неизвестная тема «ekonomika».');
  });

  it('is never shown in production', async () => {
    const { text } = await request(production.app).get('/ru/').expect(200);
    expect(text).not.toContain('dev-problems');
    expect(text).not.toContain('/__dev/');
  });
});

describe('npm run dev: the live reload', () => {
  it('every page loads the reload script, an external same-origin file the CSP allows', async () => {
    const res = await request(dev.app).get('/ru/').expect(200);
    expect(res.text).toMatch(/<script src="\/__dev\/reload\.js" data-version="\d+" defer><\/script>/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    const script = await request(dev.app).get('/__dev/reload.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain("new EventSource('/__dev/events')");
  });

  it('sends the page’s version first, then the new one when a file is saved', async () => {
    const page = (await request(dev.app).get('/ru/news/first-story').expect(200)).text;
    const version = /data-version="(\d+)"/.exec(page)![1];
    const stream = await new Promise<IncomingMessage>((resolve) => get(`${origin}/__dev/events`, resolve));
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    let received = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    await until('the current version', () => received.includes(`event: version\ndata: ${version}\n\n`));
    await write('news/2026/01/first-story.ru.md', article('Первая, правка'));
    await until('a new version', () => [...received.matchAll(/data: (\d+)/g)].some((m) => m[1] !== version));
    stream.destroy();
  });

  it('does not exist in production', async () => {
    await request(production.app).get('/__dev/events').expect(404);
    await request(production.app).get('/__dev/reload.js').expect(404);
  });
});
