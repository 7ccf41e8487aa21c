import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/languages.js';
import { FIXTURE_NOW, testSite, VALID } from '../helpers.js';
import { attributesOf, one, parseHtml, textOf } from '../html.js';

const { app, store, close } = await testSite(VALID, { now: FIXTURE_NOW });
afterAll(() => close());

const pages = (lang: string) => [`/${lang}/`, `/${lang}/topics`, `/${lang}/topics/economy`, `/${lang}/topics/politics`, `/${lang}/authors/anna`];

describe('every page in every language', () => {
  for (const lang of LANGS) {
    it.each(pages(lang))(`%s answers 200 with <html lang="${lang}"> and the footer`, async (path) => {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
      const $ = parseHtml(res.text);
      expect($('html').attr('lang')).toBe(lang);
      expect(textOf($('footer'))).toContain('© 2006–2026');
      expect($('h1')).toHaveLength(1);
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
    const $ = parseHtml((await request(app).get('/ru/news/first-story').expect(200)).text);
    const inMain = $('main *').toArray();
    const at = (selector: string) => {
      const element = one($, `main ${selector}`)[0];
      return inMain.findIndex((e) => e === element);
    };
    expect(textOf(one($, '.article__label-topic a'))).toBe('Экономика');
    expect(one($, '.article__label-topic a').attr('href')).toBe('/ru/topics/economy');
    expect(textOf(one($, 'h1.article__title'))).toBe('Первая новость');
    expect(attributesOf(one($, '.article__meta time'))).toEqual({ datetime: '2026-01-20T09:00:00+05:00' });
    expect(textOf(one($, '.article__meta time'))).toBe('20 января 2026, 09:00');
    expect(textOf(one($, '.article__views'))).toBe('5 просмотров');
    expect(textOf(one($, '.article__byline'))).toBe('Анна Иванова, Корреспондент');
    expect(attributesOf(one($, '.article__figure img'))).toMatchObject({ width: '1200', height: '800', alt: 'Точка', loading: 'eager', decoding: 'async', fetchpriority: 'high' });
    expect(textOf(one($, '.article__figure figcaption'))).toBe('Фото: Автор снимка');
    expect(textOf(one($, '.article__body h2'))).toBe('Подзаголовок');
    expect(textOf(one($, '.article__topics h2'))).toBe('Тема');
    expect($('.article__topics li a').toArray().map((a) => [$(a).attr('href'), $(a).text()])).toEqual([['/ru/topics/economy', 'Экономика']]);
    expect(textOf(one($, '.share h2'))).toBe('Поделиться');
    expect(textOf(one($, '.related h2'))).toBe('Читайте также');
    expect($('.related .card__title a').toArray().map((a) => $(a).attr('href'))).toEqual(['/ru/news/second-story']);
    const order = ['.article__label-topic', 'h1.article__title', '.article__meta', '.article__byline', '.article__figure', '.article__body', '.article__topics', '.share', '.related'];
    const positions = order.map(at);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('shows reading time, share links and the neighbouring articles', async () => {
    const $ = parseHtml((await request(app).get('/ru/news/first-story').expect(200)).text);
    expect(textOf(one($, '.article__reading'))).toBe('1 минута чтения');
    const shared = `url=${encodeURIComponent('https://dknews.example/ru/news/first-story')}&text=${encodeURIComponent('Первая новость')}`;
    expect(one($, '.share__link--telegram').attr('href')).toBe(`https://t.me/share/url?${shared}`);
    const copy = one($, '.share__link--copy');
    expect(attributesOf(copy)).toEqual({ class: 'share__link share__link--copy', href: 'https://dknews.example/ru/news/first-story', title: 'Скопировать ссылку', 'data-copy': '', 'data-copied': 'Ссылка скопирована' });
    expect(textOf(copy.find('.visually-hidden'))).toBe('Скопировать ссылку');
    expect($('.around__link--older')).toHaveLength(0);
    const newer = one($, '.around__link--newer');
    expect([newer.attr('href'), newer.attr('rel'), textOf(newer.find('.around__label')), textOf(newer.find('.around__title'))]).toEqual([
      '/ru/news/second-story', 'next', 'Следующая статья', 'Вторая новость',
    ]);
  });

  it('shows «Обновление» with the update date when there is one', async () => {
    const $ = parseHtml((await request(app).get('/ru/news/second-story').expect(200)).text);
    const updated = $('.article__meta time').filter((_, time) => $(time).attr('datetime') === '2026-01-26T08:00:00+05:00');
    expect(textOf(updated)).toBe('26 января 2026, 08:00');
    expect(textOf(updated.parent())).toBe('Обновление: 26 января 2026, 08:00');
  });

  it('links the translations that exist, and the language homes otherwise', async () => {
    const $ = parseHtml((await request(app).get('/ru/news/first-story').expect(200)).text);
    const switcher = (lang: string) => {
      const link = one($, `header a[hreflang="${lang}"]`);
      return { href: link.attr('href'), lang: link.attr('lang'), short: textOf(link.find('.lang-short')), shortHidden: link.find('.lang-short').attr('aria-hidden'), full: textOf(link.find('.lang-full')) };
    };
    expect(switcher('en')).toEqual({ href: '/en/news/first-story', lang: 'en', short: 'Eng', shortHidden: 'true', full: 'English' });
    expect(switcher('kk')).toEqual({ href: '/kk/', lang: 'kk', short: 'Қаз', shortHidden: 'true', full: 'Қазақша' });
    expect($('link[rel="alternate"][hreflang]').toArray().map((l) => [$(l).attr('hreflang'), $(l).attr('href')])).toEqual([
      ['ru', 'https://dknews.example/ru/news/first-story'],
      ['en', 'https://dknews.example/en/news/first-story'],
      ['x-default', 'https://dknews.example/ru/news/first-story'],
    ]);
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
  it('home leads, large, with the newest story that has a photo, then shows the rest', async () => {
    const $ = parseHtml((await request(app).get('/ru/').expect(200)).text);
    expect(one($, 'main .card--lead .card__title a').attr('href')).toBe('/ru/news/first-story');
    expect(one($, 'main .card--lead img').attr('fetchpriority')).toBe('high');
    expect($('main .card:not(.card--lead) .card__title a').toArray().map((a) => $(a).attr('href'))).toContain('/ru/news/second-story');
  });

  it('topic index counts articles per topic with the right plural', async () => {
    const $ = parseHtml((await request(app).get('/ru/topics').expect(200)).text);
    expect($('.topic-list__count').toArray().map((count) => [textOf($(count).prev('h2')), textOf($(count))])).toEqual([
      ['Экономика', '2 материала'],
      ['Политика', '1 материал'],
    ]);
  });

  it('author page shows name, role and articles', async () => {
    const $ = parseHtml((await request(app).get('/en/authors/anna').expect(200)).text);
    expect(textOf(one($, 'h1.page-title'))).toBe('Anna Ivanova');
    expect(textOf(one($, 'p.page-role'))).toBe('Correspondent');
    expect($('main .card__title a').toArray().map((a) => $(a).attr('href'))).toEqual(['/en/news/first-story']);
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
    const $ = parseHtml((await request(app).get(path).expect(404)).text);
    expect($('html').attr('lang')).toBe(lang);
    expect(textOf(one($, 'h1.page-title'))).toBe(heading);
    expect(one($, 'meta[name="robots"]').attr('content')).toBe('noindex, follow');
  });

  it('answers a malformed address with 400, not a stack trace', async () => {
    const res = await request(app).get('/ru/news/%E0%A4%A').expect(400);
    expect(textOf(one(parseHtml(res.text), 'h1'))).toBe('Неверный запрос');
    expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('files', () => {
  it('serves fingerprinted assets for a year, immutable', async () => {
    const css = one(parseHtml((await request(app).get('/ru/')).text), 'link[rel="stylesheet"]').attr('href')!;
    expect(css).toMatch(/^\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
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
    const $ = parseHtml(res.text);
    expect(one($, 'p.draft-banner').attr('role')).toBe('status');
    expect(textOf($('p.draft-banner strong'))).toBe('Черновик.');
    expect(one($, 'meta[name="robots"]').attr('content')).toBe('noindex, follow');
  });

  it('carry no banner when published', async () => {
    const $ = parseHtml((await request(app).get('/ru/news/first-story').expect(200)).text);
    expect($('.draft-banner')).toHaveLength(0);
    expect(one($, 'meta[name="robots"]').attr('content')).toBe('index, follow, max-image-preview:large');
  });
});
