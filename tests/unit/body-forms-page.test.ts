import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { MediaFacts } from '../../src/parse/media-facts.js';
import { articlePage } from '../../src/render/article-page.js';
import { feedBody } from '../../src/render/body-forms.js';
import { tinyContext } from './tiny-site.js';

const photo = (hash: string): MediaFacts => ({ hash, width: 1600, height: 1000, format: 'jpeg', alpha: false, color: '#335577', bytes: 100_000 });
const images = new Map<string, MediaFacts>([
  ['2026/01/poster.jpg', photo('a0000000000000000001')],
  ['2026/01/a.jpg', photo('a0000000000000000002')],
  ['2026/01/b.jpg', photo('a0000000000000000003')],
  ['2026/01/clip.mp4', { kind: 'video', format: 'mp4', width: 1280, height: 720, duration: 83.4, bytes: 500_000 }],
  ['2026/01/clip.jpg', photo('a0000000000000000004')],
]);
const BODY = `Первый абзац.

https://youtu.be/dQw4w9WgXcQ
![Токаев на форуме](media/2026/01/poster.jpg)
Выступление на форуме

https://t.me/dknews_kz/123

![Подпись к видео](media/2026/01/clip.mp4 "DKNews")

![Байтерек](media/2026/01/b.jpg "Gov")
Байтерек на закате.

::: gallery Фоторепортаж
![Первое фото](media/2026/01/a.jpg "Gov")
Подпись первая.

![Второе фото](media/2026/01/b.jpg)
:::

| Год | Млрд |
| --- | ---: |
| 2025 | 1,5 |`;

const article = [{ slug: 'forms', title: 'Формы', date: '2026-01-20T09:00', body: BODY }];

describe('the body forms on a page', async () => {
  const ctx = await tinyContext(article, { images });
  const view = articlePage(ctx, ctx.index.article('ru', 'forms')!);
  const $ = cheerio.load(view.page.html);

  it('prints a facade per embed: a link to the provider with its poster, name and a named button, nothing of the provider\'s loaded', () => {
    const youtube = $('.embed--youtube a.embed__open');
    expect(youtube.attr('href')).toBe('https://youtu.be/dQw4w9WgXcQ');
    expect(youtube.attr('aria-label')).toBe('Смотреть видео на YouTube: Выступление на\u00a0форуме');
    expect(youtube.attr('data-embed')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    expect(youtube.find('img').attr('src')).toBe('/media/_/a0000000000000000001/960.jpg');
    expect($('.embed--telegram a.embed__open').attr('aria-label')).toBe('Показать пост в Telegram');
    expect($('.embed--telegram img').attr('src')).toBe('/assets/embed-poster.svg');
    expect($('iframe, script').length).toBe(0);
  });

  it('lets the page frame exactly its embeds\' providers and load the embeds\' script', () => {
    expect(view.frameOrigins).toEqual(['https://www.youtube-nocookie.com', 'https://t.me']);
    expect(view.layout.assets.embedsJs).toBe('/assets/js/embeds.js');
  });

  it('prints our video with controls, no preload, its poster, size, caption and credit', () => {
    const video = $('figure.video video');
    expect(video.attr()).toMatchObject({ controls: '', preload: 'none', poster: '/media/_/a0000000000000000004/960.jpg', width: '1280', height: '720' });
    expect(video.find('source').attr()).toEqual({ src: '/media/2026/01/clip.mp4', type: 'video/mp4' });
    expect($('figure.video figcaption').text()).toBe('Подпись к видео Видео: DKNews');
  });

  it('puts a facade before our video: a link to the file with its responsive poster and a named play button', () => {
    const open = $('figure.video > a.video__open');
    expect(open.attr()).toMatchObject({ href: '/media/2026/01/clip.mp4', 'aria-label': 'Смотреть видео: Подпись к видео' });
    expect(open.attr()).toHaveProperty('data-video');
    expect(open.find('picture source[type="image/avif"]').attr('srcset')).toContain('/media/_/a0000000000000000004/');
    expect(open.find('img').attr('alt')).toBe('');
    expect(open.next().is('video')).toBe(true);
  });

  it('prints a captioned photo as the article\'s photo: a responsive picture with its caption and credit', () => {
    const figure = $('figure.article__figure').filter((_, f) => $(f).find('img[alt="Байтерек"]').length > 0);
    expect(figure.length).toBe(1);
    expect(figure.find('picture source').length).toBeGreaterThan(0);
    expect(figure.find('figcaption').text()).toBe('Байтерек на\u00a0закате. Фото: Gov');
  });

  it('prints a photo report as a list of pictures, each a link to its largest copy', () => {
    expect($('.gallery').attr('aria-label')).toBe('Фоторепортаж');
    expect($('.gallery__open').map((_, a) => $(a).attr('href')).get()).toEqual(['/media/_/a0000000000000000002/1600.jpg', '/media/_/a0000000000000000003/1600.jpg']);
    expect($('.gallery__item').first().find('figcaption').text()).toBe('Подпись первая. Фото: Gov');
    expect($('.gallery__item img').first().attr('alt')).toBe('Первое фото');
  });

  it('names a table\'s scrolling region in the reader\'s language', () => {
    expect($('.table-scroll').attr()).toEqual({ class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': 'Таблица' });
  });

  it('gives JSON-LD a VideoObject per video, and the photo report\'s images to the article', () => {
    const blocks = view.layout.jsonLd.map((block) => JSON.parse(block) as Record<string, unknown>);
    const videos = blocks.filter((b) => b['@type'] === 'VideoObject');
    expect(videos).toEqual([
      { '@context': 'https://schema.org', '@type': 'VideoObject', name: 'Выступление на\u00a0форуме', description: 'Выступление на\u00a0форуме', thumbnailUrl: ['https://agency.example/media/_/a0000000000000000001/960.jpg'], uploadDate: '2026-01-20T09:00:00+05:00', embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' },
      { '@context': 'https://schema.org', '@type': 'VideoObject', name: 'Подпись к видео', description: 'Подпись к видео', thumbnailUrl: ['https://agency.example/media/_/a0000000000000000004/960.jpg'], uploadDate: '2026-01-20T09:00:00+05:00', contentUrl: 'https://agency.example/media/2026/01/clip.mp4', duration: 'PT1M23S', width: 1280, height: 720 },
    ]);
    const image = blocks.find((b) => b['@type'] === 'NewsArticle')!.image as unknown[];
    expect(image.slice(-2)).toEqual([
      { '@type': 'ImageObject', contentUrl: 'https://agency.example/media/_/a0000000000000000002/1600.jpg', url: 'https://agency.example/media/_/a0000000000000000002/1600.jpg', width: 1600, height: 1000, caption: 'Подпись первая.', creditText: 'Gov' },
      { '@type': 'ImageObject', contentUrl: 'https://agency.example/media/_/a0000000000000000003/1600.jpg', url: 'https://agency.example/media/_/a0000000000000000003/1600.jpg', width: 1600, height: 1000, caption: 'Второе фото', creditText: 'Агентство' },
    ]);
  });
});

describe('the loading of a body\'s pictures', async () => {
  it('asks at once for the first picture of an article without a photo above it, the others as they near the screen', async () => {
    const ctx = await tinyContext(article, { images });
    const $ = cheerio.load(articlePage(ctx, ctx.index.article('ru', 'forms')!).page.html);
    const loading = $('img').map((_, img) => $(img).attr('loading')).get();
    expect(loading.length).toBeGreaterThan(3);
    expect(loading[0]).toBe('eager');
    expect(loading.slice(1).every((l) => l === 'lazy')).toBe(true);
    expect($('img').first().closest('.embed--youtube').length).toBe(1);
  });

  it('leaves every body picture lazy under the article\'s own photo, which loads first', async () => {
    const withPhoto = [{ ...article[0]!, more: 'image:\n  src: media/2026/01/a.jpg\n  alt: Переговоры' }];
    const ctx = await tinyContext(withPhoto, { images });
    const view = articlePage(ctx, ctx.index.article('ru', 'forms')!);
    expect(view.page.figure?.picture?.loading).toBe('eager');
    const $ = cheerio.load(view.page.html);
    expect($('img').map((_, img) => $(img).attr('loading')).get().every((l) => l === 'lazy')).toBe(true);
  });
});

describe('the body forms without facades', async () => {
  it('print an embed as a plain link with its poster in a static export, which frames nothing', async () => {
    const ctx = await tinyContext(article, { images, embedLinks: true });
    const view = articlePage(ctx, ctx.index.article('ru', 'forms')!);
    const $ = cheerio.load(view.page.html);
    expect(view.frameOrigins).toEqual([]);
    // The facades' script is loaded for our own video's facade alone: it frames nothing.
    expect(view.layout.assets.embedsJs).toBe('/assets/js/embeds.js');
    expect($('[data-embed]').length).toBe(0);
    expect($('[data-video]').length).toBe(1);
    expect($('.embed--link > a').first().attr('href')).toBe('https://youtu.be/dQw4w9WgXcQ');
    expect($('.embed--link figcaption a').first().text()).toBe('Смотреть видео на YouTube: Выступление на\u00a0форуме');
  });

  it('print an embed as a plain link with one JPEG poster in a feed', async () => {
    const ctx = await tinyContext(article, { images });
    const $ = cheerio.load(feedBody(ctx, ctx.index.body(ctx.index.article('ru', 'forms')!).html));
    expect($('.embed--link > a img').first().attr()).toMatchObject({ src: '/media/_/a0000000000000000001/1280.jpg', width: '1280', height: '800', alt: 'Токаев на форуме' });
    expect($('picture, [data-embed], [data-video]').length).toBe(0);
    expect($('figure.video video').attr()).toMatchObject({ controls: '', preload: 'none', poster: '/media/_/a0000000000000000004/960.jpg' });
    expect($('figure.article__figure img').attr()).toMatchObject({ src: '/media/_/a0000000000000000003/1280.jpg', alt: 'Байтерек' });
    expect($('figure.article__figure figcaption').text()).toBe('Байтерек на\u00a0закате. Фото: Gov');
  });
});

describe('the body forms on a static page', () => {
  it('are printed as on an article: a table\'s region is opened and closed, an embed is a facade', async () => {
    const { staticPage } = await import('../../src/render/static-page.js');
    const ctx = await tinyContext([], { pages: [{ slug: 'about', title: 'О нас', body: 'О нас.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n| a | b |\n|---|---|\n| 1 | 2 |' }] });
    const view = staticPage(ctx, ctx.index.pages.ru.get('about')!);
    const $ = cheerio.load(view.page.html);
    expect($('.table-scroll > table').length).toBe(1);
    expect($('.embed--youtube a[data-embed]').length).toBe(1);
    expect(view.frameOrigins).toEqual(['https://www.youtube-nocookie.com']);
    expect(view.page.html).not.toContain('<!--');
  });
});

describe('an embed in an advertisement', () => {
  it('links the provider with rel="sponsored", facade and plain link alike', async () => {
    const ad = [{ slug: 'ad', title: 'Реклама', date: '2026-01-20T09:00', body: 'Текст.\n\nhttps://youtu.be/dQw4w9WgXcQ', more: 'sponsored: { advertiser: ТОО «Пример» }' }];
    for (const embedLinks of [false, true]) {
      const ctx = await tinyContext(ad, { embedLinks });
      const $ = cheerio.load(articlePage(ctx, ctx.index.article('ru', 'ad')!).page.html);
      expect($('.embed a').map((_, a) => $(a).attr('rel')).get()).toEqual(embedLinks ? ['sponsored', 'sponsored'] : ['sponsored']);
    }
  });
});
