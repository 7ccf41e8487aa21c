import { describe, expect, it } from 'vitest';
import type { MediaFacts } from '../../src/parse/media-facts.js';
import { bodyForFeeds, bodyWithPictures } from '../../src/render/body-pictures.js';
import { breadcrumbs } from '../../src/render/breadcrumbs.js';
import { countText, dateView } from '../../src/render/context.js';
import { crawlerImagesOf } from '../../src/render/crawler-images.js';
import { shareLinks } from '../../src/render/share.js';
import { parseHtml } from '../html.js';
import { tinyContext } from './tiny-site.js';

const wide: MediaFacts = { hash: 'b'.repeat(20), width: 2400, height: 1600, format: 'jpeg', alpha: false, color: '#808080', bytes: 900_000 };
const images = new Map<string, MediaFacts>([['wide.jpg', wide], ['broken.jpg', { unreadable: 'not an image', bytes: 10 }]]);
const ctx = await tinyContext(
  [
    { slug: 'photo', title: 'С фото', date: '2026-01-20T09:00', more: 'image: { src: wide.jpg, alt: Панорама }' },
    { slug: 'broken', title: 'Битое фото', date: '2026-01-21T09:00', more: 'image: { src: broken.jpg, alt: Битое }' },
    { slug: 'plain', title: 'Без фото', date: '2026-01-22T09:00' },
  ],
  { images },
);

describe('shareLinks', () => {
  const links = Object.fromEntries(shareLinks('https://agency.example/ru/news/x?a=1', 'Нефть & газ').map((l) => [l.id, l.href]));

  it('offers the networks in a fixed order, then e-mail and copying', () => {
    expect(shareLinks('u', 't').map((l) => l.id)).toEqual(['telegram', 'whatsapp', 'vk', 'facebook', 'x', 'email', 'copy']);
  });
  it('encodes the address and the title as URL components', () => {
    expect(links.telegram).toBe('https://t.me/share/url?url=https%3A%2F%2Fagency.example%2Fru%2Fnews%2Fx%3Fa%3D1&text=%D0%9D%D0%B5%D1%84%D1%82%D1%8C%20%26%20%D0%B3%D0%B0%D0%B7');
  });
  it('puts title and address into WhatsApp\'s one text', () => expect(decodeURIComponent(links.whatsapp!.split('text=')[1]!)).toBe('Нефть & газ https://agency.example/ru/news/x?a=1'));
  it('copies the address itself', () => expect(links.copy).toBe('https://agency.example/ru/news/x?a=1'));
});

describe('breadcrumbs', () => {
  it('start at the language\'s home, every item absolute', () => {
    expect(breadcrumbs(ctx, [{ name: 'Темы', href: '/ru/topics' }])).toMatchObject({
      itemListElement: [
        { position: 1, name: 'Аг', item: 'https://agency.example/ru/' },
        { position: 2, name: 'Темы', item: 'https://agency.example/ru/topics' },
      ],
    });
  });
});

describe('dateView and countText', () => {
  it('writes a date in Almaty time, in words and for datetime=', () => {
    expect(dateView(ctx, new Date('2026-01-19T19:30:00Z'))).toEqual({ text: '20 января 2026, 00:30', iso: '2026-01-20T00:30:00+05:00' });
  });
  it('counts with the language\'s plural rule', () => {
    expect([1, 2, 5, 21].map((n) => countText(ctx, 'list.count', n))).toEqual(['1 материал', '2 материала', '5 материалов', '21 материал']);
  });
});

describe('bodyWithPictures', () => {
  it('turns a body image with a readable file into a lazy responsive picture, keeping its alt', () => {
    const $ = parseHtml(bodyWithPictures('<p><img src="/media/wide.jpg" alt="Вид &amp; город"></p>', images));
    const img = $('picture img');
    expect([$('picture source').length, img.attr('alt'), img.attr('loading'), img.attr('width'), img.attr('height')]).toEqual([2, 'Вид & город', 'lazy', '2400', '1600']);
  });
  it('leaves an image whose file is unreadable as it was', () => {
    const html = '<p><img src="/media/broken.jpg" alt="Битый"></p>';
    expect(bodyWithPictures(html, images)).toBe(html);
  });
});

describe('bodyForFeeds', () => {
  it('gives feed readers one JPEG of at most 1280 px, with its size', () => {
    const $ = parseHtml(bodyForFeeds('<img src="/media/wide.jpg" alt="Вид">', images));
    const img = $('img');
    expect([img.attr('src'), img.attr('width'), img.attr('height'), img.attr('alt')]).toEqual([`/media/_/${'b'.repeat(20)}/1280.jpg`, '1280', '853', 'Вид']);
  });
});

describe('crawlerImagesOf', () => {
  it('gives crawlers the 1200×630 crop and Google\'s three ratios', async () => {
    expect(crawlerImagesOf(ctx, ctx.index.article('ru', 'photo')!)).toEqual({
      og: { url: `https://agency.example/media/_/${'b'.repeat(20)}/og.jpg`, width: 1200, height: 630, alt: 'Панорама' },
      ratios: ['16x9', '4x3', '1x1'].map((r) => `https://agency.example/media/_/${'b'.repeat(20)}/${r}.jpg`),
    });
  });
  it('has nothing for an article without a picture, or with an unreadable one', () => {
    expect([crawlerImagesOf(ctx, ctx.index.article('ru', 'plain')!), crawlerImagesOf(ctx, ctx.index.article('ru', 'broken')!)]).toEqual([undefined, undefined]);
  });
});
