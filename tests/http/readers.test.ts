import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { copyContent, FIXTURE_NOW, mediaHash, testSite, VALID } from '../helpers.js';
import { jsonLdBlocks } from './crawl.js';
import { one, parseHtml, textOf } from '../html.js';

const SITE = 'https://dknews.example';
const { app, close } = await testSite(VALID, { now: FIXTURE_NOW });
afterAll(() => close());

describe('static pages', () => {
  it('are served from content/pages/{slug}.{lang}.md with their title and body, and alternates where they exist', async () => {
    const { text } = await request(app).get('/ru/about').expect(200);
    expect(text).toContain('<h1 class="article__title">О\u00a0проекте</h1>');
    expect(text).toContain('<p>Тестовое агентство «Проба» пишет о\u00a0тестах.</p>');
    expect(text).toContain(`<link rel="alternate" hreflang="en" href="${SITE}/en/about">`);
    expect(text).not.toContain('hreflang="kk" href');
    await request(app).get('/kk/about').expect(404);
  });

  it('are linked from every page’s footer, in their order', async () => {
    const { text } = await request(app).get('/ru/news/first-story').expect(200);
    expect(text).toContain('<li><a href="/ru/about">О проекте</a></li>');
  });

  it('are listed in the sitemap', async () => {
    const { text } = await request(app).get('/sitemaps/en-pages.xml').expect(200);
    expect(text).toContain(`<loc>${SITE}/en/about</loc>`);
  });

  it('are checked by npm run check: a reserved address and a broken front matter are named by file and line', async () => {
    const content = await copyContent(VALID);
    try {
      await writeFile(path.join(content.dir, 'pages/topics.ru.md'), '---\ntitle: Темы\n---\n\nТекст.\n');
      await writeFile(path.join(content.dir, 'pages/advertising.ru.md'), '---\ntitle: Реклама\nprice: 10\n---\n\nТекст.\n');
      let stdout = '';
      const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, cwd: content.dir, env: {} };
      expect(await runCheck(['--dir', content.dir], io)).toBe(1);
      expect(stdout).toContain('pages/advertising.ru.md:3:1  price  Неизвестное поле «price». Поля: title, description, order, updated, aliases.\n');
      expect(stdout).toContain('pages/topics.ru.md:1  -  Адрес «topics» занят разделом сайта (news, topics, authors, search, rss.xml). Переименуйте файл страницы.\n');
    } finally {
      await content.remove();
    }
  });
});

describe('the footer', () => {
  it('carries the masthead, the contacts, RSS, the registration notice and «© 2006–YEAR»', async () => {
    const content = await copyContent(VALID);
    try {
      await writeFile(path.join(content.dir, 'authors.yml'), 'anna:\n  name: { ru: Анна Иванова, kk: Анна Иванова, en: Anna Ivanova }\n  role: { ru: Главный редактор, kk: Бас редактор, en: Editor-in-Chief }\n  editorInChief: true\n');
      const site = await testSite(content.dir, { now: FIXTURE_NOW });
      const { text } = await request(site.app).get('/ru/').expect(200);
      site.close();
      const $ = parseHtml(text);
      const masthead = one($, 'footer .site-footer__masthead');
      expect([textOf(masthead), masthead.find('a').attr('href')]).toEqual(['Главный редактор: Анна Иванова', '/ru/authors/anna']);
      expect($('footer a.site-footer__icon-link[href="/ru/rss.xml"]')).toHaveLength(1);
      expect(textOf($('footer'))).toContain('Зарегистрировано для тестов.');
      expect(textOf($('footer'))).toContain('ТА «Проба» © 2006–2026');
    } finally {
      await content.remove();
    }
  });
});

describe('authors', () => {
  it('have an index with role and count', async () => {
    const $ = parseHtml((await request(app).get('/ru/authors').expect(200)).text);
    const name = one($, 'h2.person__name a');
    expect([textOf(name), name.attr('href')]).toEqual(['Анна Иванова', '/ru/authors/anna']);
    expect(textOf($('main'))).toContain('Корреспондент · 2 материала');
  });

  it('have a page with Person JSON-LD and their own feed', async () => {
    const { text } = await request(app).get('/ru/authors/anna').expect(200);
    expect(jsonLdBlocks(text).find((b) => b['@type'] === 'Person')).toMatchObject({ name: 'Анна Иванова', url: `${SITE}/ru/authors/anna` });
    const $ = parseHtml(text);
    expect($('link[rel="alternate"][type="application/rss+xml"]').toArray().map((l) => [$(l).attr('title'), $(l).attr('href')])).toContainEqual(['ТА «Проба»: Анна Иванова', '/ru/authors/anna/rss.xml']);
    const feed = await request(app).get('/ru/authors/anna/rss.xml').expect(200).expect('content-type', 'application/rss+xml; charset=utf-8');
    expect(feed.text).toContain(`<link>${SITE}/ru/news/first-story</link>`);
    expect(feed.text).toContain(`<atom:link href="${SITE}/ru/authors/anna/rss.xml" rel="self"`);
    await request(app).get('/ru/authors/nobody/rss.xml').expect(404);
  });
});

describe('topic pages', () => {
  it('are noindex while empty, and the sitemap leaves them out: one rule', async () => {
    const robots = async (url: string) => one(parseHtml((await request(app).get(url).expect(200)).text), 'meta[name="robots"]').attr('content');
    expect(await robots('/kk/topics/economy')).toBe('noindex, follow');
    expect(await robots('/ru/topics/economy')).toBe('index, follow, max-image-preview:large');
    const sitemap = await request(app).get('/sitemaps/kk-topics.xml').expect(200);
    expect(sitemap.text).not.toContain('/kk/topics/economy');
  });
});

describe('the front page', () => {
  it('leads with the newest story that has a photo, then the feed with «Все новости»', async () => {
    const { text } = await request(app).get('/ru/').expect(200);
    const $ = parseHtml(text);
    // The lead story's photo, as the picture of its derivatives (src/media/).
    expect(one($, '.card--lead picture source[type="image/avif"]').attr('srcset')).toMatch(new RegExp(`^/media/_/${mediaHash(path.join(VALID, 'media/photo.png'))}/320\\.avif 320w`));
    expect(textOf(one($, 'h2#feed-heading'))).toBe('Лента новостей');
    const all = one($, 'a.button[href="/ru/news"]');
    expect(textOf(all)).toBe('Все новости');
  });

  it('shows «Самое читаемое» once readers have been counted this week, when it adds a story not shown above', async () => {
    const content = await copyContent(VALID);
    try {
      // Three newer stories take the places under the lead: the counted one is not on show.
      for (const n of [1, 2, 3]) {
        await writeFile(path.join(content.dir, `news/newer-${n}.ru.md`), `---\ntitle: Новость ${n}\ndate: 2026-01-2${n + 6}T10:00\nauthor: anna\ntopics: [politics]\n---\n\nТекст.\n`);
      }
      const site = await testSite(content.dir, { now: FIXTURE_NOW });
      const agent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0';
      await request(site.app).post('/api/views/ru/second-story').set('User-Agent', agent).expect(200);
      const { text } = await request(site.app).get('/ru/').expect(200);
      site.close();
      expect(text).toContain('Самое читаемое');
      expect(text).toMatch(/<ol class="most-read__list">\s*<li><a href="\/ru\/news\/second-story">/);
    } finally {
      await content.remove();
    }
  });

  it('stands whole with a single article: the lead alone, no empty feed or blocks', async () => {
    const content = await copyContent(VALID);
    try {
      await mkdir(path.join(content.dir, 'empty'), { recursive: true });
      const site = await testSite(content.dir, { now: FIXTURE_NOW });
      const { text } = await request(site.app).get('/en/').expect(200);
      site.close();
      expect(text).toContain('card--lead');
      expect(text).not.toContain('feed-heading');
      expect(text).not.toContain('front__top--aside');
      expect(text).not.toContain('topic-block');
    } finally {
      await content.remove();
    }
  });
});
