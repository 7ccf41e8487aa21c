import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';

const { app, store, close } = await testSite(VALID, { now: FIXTURE_NOW });
afterAll(() => close());

const pages = (lang: string) => [`/${lang}/`, `/${lang}/topics`, `/${lang}/topics/economy`, `/${lang}/topics/politics`, `/${lang}/authors/anna`];

describe('every page in every language', () => {
  for (const lang of LANGS) {
    it.each(pages(lang))(`%s answers 200 with <html lang="${lang}"> and the footer`, async (path) => {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain(`<html lang="${lang}">`);
      expect(res.text).toContain('© 2006–2026');
      expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    });
  }

  it('HEAD works where GET does, without a body', async () => {
    const res = await request(app).head('/ru/news/first-story');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toBeUndefined();
  });
});

describe('article page', () => {
  it('shows what an agency page shows, in its order: topic, headline, meta line, byline, photo, body, topics, sharing, related', async () => {
    const page = await request(app).get('/ru/news/first-story').expect(200);
    const text = page.text.slice(page.text.indexOf('<main'));
    const order = [
      '<p class="article__label-topic"><a href="/ru/topics/economy">Экономика</a></p>',
      '<h1 class="article__title">Первая новость</h1>',
      '<time datetime="2026-01-20T09:00:00+05:00">20 января 2026, 09:00</time>',
      '5 просмотров',
      'Анна Иванова</a>',
      'Корреспондент',
      'width="1200" height="800" alt="Точка" loading="eager" decoding="async" fetchpriority="high">',
      'Фото: Автор снимка',
      '<h2>Подзаголовок</h2>',
      'Тема</h2>',
      '<li><a href="/ru/topics/economy">Экономика</a></li>',
      'Поделиться</h2>',
      'Читайте также',
      'card__title"><a href="/ru/news/second-story"',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0), JSON.stringify(order.filter((_, i) => positions[i]! < 0))).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows reading time, share links and the neighbouring articles', async () => {
    const { text } = await request(app).get('/ru/news/first-story').expect(200);
    expect(text).toContain('<span class="article__reading">1 минута чтения</span>');
    expect(text).toContain('href="https://t.me/share/url?url=https%3A%2F%2Fdknews.example%2Fru%2Fnews%2Ffirst-story&amp;text=%D0%9F%D0%B5%D1%80%D0%B2%D0%B0%D1%8F%20%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C"');
    expect(text).toContain('<a class="share__link share__link--copy" href="https://dknews.example/ru/news/first-story" title="Скопировать ссылку" data-copy data-copied="Ссылка скопирована">');
    expect(text).toContain('<span class="visually-hidden">Скопировать ссылку</span></a>');
    expect(text).not.toContain('around__link--older');
    expect(text).toContain('<a class="around__link around__link--newer" href="/ru/news/second-story" rel="next"><span class="around__label">Следующая статья</span> <span class="around__title">Вторая новость</span></a>');
  });

  it('shows «Обновление» with the update date when there is one', async () => {
    const { text } = await request(app).get('/ru/news/second-story').expect(200);
    expect(text).toContain('Обновление: <time datetime="2026-01-26T08:00:00+05:00">26 января 2026, 08:00</time>');
  });

  it('links the translations that exist, and the language homes otherwise', async () => {
    const { text } = await request(app).get('/ru/news/first-story').expect(200);
    expect(text).toContain('<a href="/en/news/first-story" hreflang="en" lang="en"><span class="lang-short" aria-hidden="true">Eng</span><span class="lang-full">English</span></a>');
    expect(text).toContain('<a href="/kk/" hreflang="kk" lang="kk"><span class="lang-short" aria-hidden="true">Қаз</span><span class="lang-full">Қазақша</span></a>');
    expect(text).toContain('<link rel="alternate" hreflang="x-default" href="https://dknews.example/ru/news/first-story">');
  });

  it('answers 404 for an article only in another language', async () => {
    await request(app).get('/kk/news/first-story').expect(404);
  });

  it('never serves a draft or a future article in production', async () => {
    await request(app).get('/ru/news/draft-story').expect(404);
    await request(app).get('/ru/news/future-story').expect(404);
  });
});

describe('lists', () => {
  it('home shows the newest story large, then the rest', async () => {
    const { text } = await request(app).get('/ru/').expect(200);
    expect(text.indexOf('card--lead')).toBeLessThan(text.indexOf('href="/ru/news/first-story"'));
    expect(text).toMatch(/card--lead[\s\S]*?href="\/ru\/news\/second-story"/);
  });

  it('topic index counts articles per topic with the right plural', async () => {
    const { text } = await request(app).get('/ru/topics').expect(200);
    expect(text).toMatch(/Экономика<\/a><\/h2>\s*<p class="topic-list__count">2 материала<\/p>/);
    expect(text).toMatch(/Политика<\/a><\/h2>\s*<p class="topic-list__count">1 материал<\/p>/);
  });

  it('author page shows name, role and articles', async () => {
    const { text } = await request(app).get('/en/authors/anna').expect(200);
    expect(text).toContain('<h1 class="page-title">Anna Ivanova</h1>');
    expect(text).toContain('<p class="page-role">Correspondent</p>');
    expect(text).toContain('href="/en/news/first-story"');
  });

  it.each(['/ru/?page=2', '/ru/?page=0', '/ru/?page=abc', '/ru/topics/economy?page=-1', '/ru/?page=1e99'])('%s is not a page: 404', async (path) => {
    await request(app).get(path).expect(404);
  });

  it.each(['/ru/topics/nope', '/ru/authors/nobody', '/de', '/de/news/first-story', '/ru/nope', '/ru/news/NOPE'])('%s: 404', async (path) => {
    await request(app).get(path).expect(404);
  });
});

describe('redirects', () => {
  it.each([
    ['', '/ru/'],
    ['ru-RU,ru;q=0.9,en;q=0.8', '/ru/'],
    ['kk-KZ,kk;q=0.9,ru;q=0.8', '/kk/'],
    ['en-GB,en;q=0.9', '/en/'],
    ['de-DE,de;q=0.9', '/ru/'],
    ['de;q=1,en;q=0.5,kk;q=0.7', '/kk/'],
  ])('/ with Accept-Language "%s" → 302 %s, varying by that header', async (acceptLanguage, to) => {
    const res = await request(app).get('/').set('Accept-Language', acceptLanguage).expect(302);
    expect(res.headers.location).toBe(to);
    expect(res.headers.vary).toMatch(/\bAccept-Language\b/);
  });

  it.each([
    ['/ru', '/ru/'],
    ['/kk', '/kk/'],
    ['/ru/topics/', '/ru/topics'],
    ['/ru/news/first-story/', '/ru/news/first-story'],
    ['/ru/topics/?page=2', '/ru/topics?page=2'],
    ['/ru/old/123', '/ru/news/second-story'],
    ['/ru//evil.example/', '/ru//evil.example'],
  ])('%s → 301 %s', async (from, to) => {
    const res = await request(app).get(from).expect(301);
    expect(res.headers.location).toBe(to);
  });
});

describe('404 page', () => {
  it.each([
    ['/ru/nope', 'ru', 'Страница не найдена'],
    ['/kk/nope', 'kk', 'Бет табылмады'],
    ['/en/nope', 'en', 'Page not found'],
    ['/nowhere', 'ru', 'Страница не найдена'],
  ])('%s is a real page in its language', async (path, lang, heading) => {
    const res = await request(app).get(path).expect(404);
    expect(res.text).toContain(`<html lang="${lang}">`);
    expect(res.text).toContain(`<h1 class="page-title">${heading}</h1>`);
    expect(res.text).toContain('<meta name="robots" content="noindex, follow">');
  });

  it('answers a malformed address with 400, not a stack trace', async () => {
    const res = await request(app).get('/ru/news/%E0%A4%A').expect(400);
    expect(res.text).toContain('Неверный запрос');
    expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('files', () => {
  it('serves fingerprinted assets for a year, immutable', async () => {
    const { text } = await request(app).get('/ru/');
    const css = /href="(\/assets\/css\/site\.[0-9a-f]{10}\.css)"/.exec(text)![1]!;
    const res = await request(app).get(css).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.type).toBe('text/css');
  });

  it('serves media the index knows, never dotfiles or paths outside', async () => {
    await request(app).get('/media/photo.png').expect(200).expect('content-type', 'image/png');
    await request(app).get('/media/.hidden').expect(404);
    await request(app).get('/media/..%2fsite.yml').expect(404);
    await request(app).get('/assets/..%2f..%2fpackage.json').expect(404);
  });

  it('reports liveness and the content version', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', content: { version: store.index.version, indexing: false, articles: { ru: 2, kk: 0, en: 1 }, problems: 0 } });
  });
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy and no X-Powered-By', async () => {
    const res = await request(app).get('/ru/');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('compresses pages', async () => {
    const res = await request(app).get('/ru/').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
  });
});

describe('drafts in development', () => {
  it('are served with a visible banner and noindex', async () => {
    const dev = await testSite(VALID, { now: FIXTURE_NOW, env: { NODE_ENV: 'development' } });
    const res = await request(dev.app).get('/ru/news/draft-story').expect(200);
    dev.close();
    expect(res.text).toContain('<p class="draft-banner" role="status"><strong>Черновик.</strong>');
    expect(res.text).toContain('<meta name="robots" content="noindex, follow">');
  });

  it('carry no banner when published', async () => {
    const res = await request(app).get('/ru/news/first-story').expect(200);
    expect(res.text).not.toContain('draft-banner');
  });
});
