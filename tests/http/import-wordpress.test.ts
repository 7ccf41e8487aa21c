import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCheck } from '../../src/cli/check.js';
import { emptyContent, runImport, THEME_UNIT_TEST } from '../import-run.js';
import { testSite } from '../helpers.js';

/**
 * The WordPress Theme Unit Test data (a real export: 51 posts, 21 pages, classic and block
 * content, every shortcode) imported into an empty content folder, then checked and served.
 */
let root: string;
let content: string;
let run: Awaited<ReturnType<typeof runImport>>;
let site: Awaited<ReturnType<typeof testSite>>;

beforeAll(async () => {
  ({ root, content } = await emptyContent());
  // The texts are English; the site wants a Russian original of every article, so they are imported as ru.
  run = await runImport([THEME_UNIT_TEST, '--content', 'content', '--offline', '--article-lang', 'ru'], root);
  site = await testSite(content, { now: new Date('2026-06-01T00:00:00Z') });
}, 60_000);
afterAll(async () => {
  site?.close();
  await rm(root, { recursive: true, force: true });
});

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(content, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.relative(content, path.join(e.parentPath, e.name)));
}

describe('importing the WordPress Theme Unit Test data', () => {
  it('accounts in the report for every post, page, author, category, tag, draft and comment', () => {
    expect(run.code).toBe(0);
    for (const line of ['- Записи: 51', '- Страницы: 21', '- Черновики и неопубликованные: 2', '- Авторы: 2', '- Рубрики: 67', '- Метки: 110', '- Вложения (файлы): 38', '- Комментарии: 32']) {
      expect(run.report).toContain(line);
    }
    expect(run.report).toContain('| статьи | 51 | 0 | 0 | 0 | 0 |');
    // One page has no text: a standing page cannot wait as a draft, so it is named, not written.
    expect(run.report).toContain('| страницы | 20 | 0 | 0 | 0 | 0 |');
    expect(run.report).toMatch(/«[^»]+»: страница без текста: не перенесена/);
    expect(run.report).toContain('- Авторы: добавлено в authors.yml 2, уже были 0');
    expect(run.report).toContain('- nav_menu_item: 70');
    // Topics made for the terms posts use, the rest named as unused: 177 in all.
    const added = Number(/рубрик и меток с записями (\d+)/.exec(run.report)?.[1]);
    const unused = Number(/Рубрики и метки без единой записи: (\d+)/.exec(run.report)?.[1]);
    expect(added + unused).toBe(67 + 110);
  });

  it('writes 51 articles and 20 pages, and npm run check finds no problem', async () => {
    expect(await files('news')).toHaveLength(51);
    expect(await files('pages')).toHaveLength(20);
    let out = '';
    const code = await runCheck(['--dir', content], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: root, env: {} });
    // The drafts and the scheduled post are not problems: check lists their secret preview links.
    const waiting: string[] = [];
    for (const file of await files('news')) {
      const text = await readFile(path.join(content, file), 'utf8');
      const date = new Date(/^date: (.+)$/m.exec(text)![1]!);
      if (/^draft: true$/m.test(text) || date > new Date()) waiting.push(`content/${file}`);
    }
    const lines = out.trimEnd().split('\n');
    expect({ code, last: lines.at(-1) }).toEqual({ code: 0, last: 'Проблем нет: проверено 51 статья' });
    expect(lines[0]).toMatch(/^Ссылки для предпросмотра черновиков .*\(7;/);
    const listed = lines.slice(1, -1).map((line) => line.split(/\s+/)[0]);
    expect(listed.sort()).toEqual(waiting.sort());
    expect(waiting).toHaveLength(7);
  });

  it('serves every published article and every page', async () => {
    for (const file of await files('news')) {
      const text = await readFile(path.join(content, file), 'utf8');
      if (/^draft: true$/m.test(text)) continue;
      const slug = path.basename(file, '.ru.md');
      const date = new Date(/^date: (.+)$/m.exec(text)![1]!);
      const expected = date > new Date('2026-06-01T00:00:00Z') ? 404 : 200;
      expect({ slug, status: (await request(site.app).get(`/ru/news/${slug}`)).status }).toEqual({ slug, status: expected });
    }
    for (const file of await files('pages')) {
      const slug = path.basename(file, '.ru.md');
      expect({ slug, status: (await request(site.app).get(`/ru/${slug}`)).status }).toEqual({ slug, status: 200 });
    }
  });

  it('puts eight categories in the menu and keeps every other topic out of it, on its own page', async () => {
    const topics = parse(await readFile(path.join(content, 'topics.yml'), 'utf8')) as Record<string, { menu?: boolean }>;
    const inMenu = Object.keys(topics).filter((id) => topics[id]!.menu !== false);
    expect(Object.keys(topics).length).toBeGreaterThan(20);
    expect(inMenu).toHaveLength(8);
    const home = (await request(site.app).get('/ru/')).text;
    const menu = /<nav[^>]*class="site-nav"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '';
    expect([...menu.matchAll(/href="\/ru\/topics\/([^"]+)"/g)].map((m) => m[1])).toEqual(inMenu);
    const left = Object.keys(topics).find((id) => topics[id]!.menu === false)!;
    expect((await request(site.app).get(`/ru/topics/${left}`)).status).toBe(200);
  });

  it('answers the old permalinks, percent-encoded forms and ?p= addresses with 301 to the new page', async () => {
    const cases = [
      ['/2013/01/11/markup-html-tags-and-formatting/', '/ru/news/markup-html-tags-and-formatting'],
      ['/2013/01/11/markup-html-tags-and-formatting', '/ru/news/markup-html-tags-and-formatting'],
      ['/?p=1178', '/ru/news/markup-html-tags-and-formatting'],
      ['/about/', '/ru/about'],
      ['/?page_id=2', '/ru/about'],
    ];
    for (const [from, to] of cases) {
      const answer = await request(site.app).get(from!);
      expect({ from, status: answer.status, location: answer.headers.location }).toEqual({ from, status: 301, location: to });
    }
  });
});
