import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { until } from './until.js';

// Real files in a temporary folder, the store's own watcher, no reload() by hand: each step
// waits until the site shows the change (or fails after a few seconds).
const content = await copyContent(VALID);
const { app, store, logs } = await testSite(content.dir, { now: FIXTURE_NOW });
store.watch();
afterAll(async () => {
  store.close();
  await content.remove();
});

const article = (title: string, topics = '[economy]') => `---\ntitle: ${title}\ndate: 2026-01-28T10:00\nauthor: anna\ntopics: ${topics}\n---\nТекст.\n`;
const write = (relativePath: string, text: string) => writeFile(path.join(content.dir, relativePath), text);
// Titles are typeset (a no-break space after short words): compare them with plain spaces.
const titleOf = async (url: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec((await request(app).get(url)).text)?.[1]?.replace(/\u00a0/g, ' ');
const status = async (url: string) => (await request(app).get(url)).status;

describe('the content watcher', () => {
  it('picks up a new article', async () => {
    await write('news/watched.ru.md', article('Под наблюдением'));
    await until('the new article', async () => (await titleOf('/ru/news/watched')) === 'Под наблюдением');
  });

  it('picks up an edit', async () => {
    await write('news/watched.ru.md', article('Под наблюдением, правка'));
    await until('the edit', async () => (await titleOf('/ru/news/watched')) === 'Под наблюдением, правка');
  });

  it('keeps the last good version when the file breaks, and logs the problem', async () => {
    await write('news/watched.ru.md', article('Сломано', '[ekonomika]'));
    await until('the problem in the log', () => logs.some((l) => String(l.file).endsWith('news/watched.ru.md') && l.field === 'topics.0'));
    expect(await titleOf('/ru/news/watched')).toBe('Под наблюдением, правка');
  });

  it('picks up the fix', async () => {
    await write('news/watched.ru.md', article('Исправлено'));
    await until('the fixed version', async () => (await titleOf('/ru/news/watched')) === 'Исправлено');
  });

  it('follows a rename into a folder made a moment before', async () => {
    await mkdir(path.join(content.dir, 'news/2026/03'), { recursive: true });
    await rename(path.join(content.dir, 'news/watched.ru.md'), path.join(content.dir, 'news/2026/03/renamed.ru.md'));
    await until('the renamed article', async () => (await status('/ru/news/renamed')) === 200);
    expect(await status('/ru/news/watched')).toBe(404);
  });

  it('sees a file written into a brand-new folder', async () => {
    await mkdir(path.join(content.dir, 'news/2027/01'), { recursive: true });
    await write('news/2027/01/deep.ru.md', article('Глубоко'));
    await until('the article in the new folder', async () => (await status('/ru/news/deep')) === 200);
  });

  it('removes a deleted article', async () => {
    await rm(path.join(content.dir, 'news/2026/03/renamed.ru.md'));
    await until('the deletion', async () => (await status('/ru/news/renamed')) === 404);
  });

  it('picks up a change to topics.yml', async () => {
    await write('topics.yml', 'economy:\n  name: { ru: Деньги, kk: Ақша, en: Money }\n  description: { ru: О деньгах., kk: Ақша туралы., en: About money. }\npolitics:\n  name: { ru: Политика, kk: Саясат, en: Politics }\n  description: { ru: О власти., kk: Билік туралы., en: About power. }\n');
    await until('the renamed topic', async () => (await request(app).get('/ru/topics/economy')).text.includes('Деньги'));
  });

  it('stops on close()', async () => {
    store.close();
    const reloads = logs.filter((l) => l.msg === 'Content reloaded').length;
    // Closing stops both the watcher and reload(): a reload asked for now does nothing.
    await write('news/after-close.ru.md', article('После закрытия'));
    await store.reload();
    expect(logs.filter((l) => l.msg === 'Content reloaded').length).toBe(reloads);
  });
});
