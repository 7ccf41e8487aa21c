import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { MediaLibrary } from '../../src/media/library.js';
import { copyContent, FIXTURE_NOW, mediaHash, testSite, VALID } from '../helpers.js';
import { makePhoto } from '../photo.js';
import { jsonLdBlocks, metaTags, xml } from './crawl.js';
import { attributesOf, one, parseHtml } from '../html.js';

// A camera photo stored sideways (EXIF orientation 6: shown 1600 wide, 2400 tall), a PNG with
// transparency, and a file that is no image at all.
const content = await copyContent(VALID);
await makePhoto(path.join(content.dir, 'media/2026/camera.jpg'), { width: 2400, height: 1600, format: 'jpeg', orientation: 6 });
await makePhoto(path.join(content.dir, 'media/logo-like.png'), { width: 800, height: 600, alpha: true });
await writeFile(path.join(content.dir, 'media/broken.jpg'), 'not an image');
await writeFile(
  path.join(content.dir, 'news/camera-story.ru.md'),
  '---\ntitle: Снимок с камеры\ndate: 2026-01-30T10:00\nauthor: anna\ntopics: [economy]\nimage: { src: 2026/camera.jpg, alt: Снимок }\n---\nТекст.\n\n![Прозрачный знак](/media/logo-like.png)\n\n![Битый файл](/media/broken.jpg)\n',
);
const { app, store, images, config, logs, close } = await testSite(content.dir, { now: FIXTURE_NOW });
afterAll(async () => {
  close();
  await content.remove();
});

const ARTICLE = '/ru/news/camera-story';
const hashOf = (name: string) => mediaHash(path.join(content.dir, 'media', name));
const get = (url: string) => request(app).get(url).buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

describe('the article picture', () => {
  it('is a <picture> of AVIF, WebP and JPEG over the ladder, with the size of the file as it is shown', async () => {
    const html = (await request(app).get(ARTICLE).expect(200)).text;
    const hash = hashOf('2026/camera.jpg');
    const $ = parseHtml(html);
    const ladder = (format: string) => [320, 480, 640, 960, 1280, 1600].map((w) => `/media/_/${hash}/${w}.${format} ${w}w`).join(', ');
    const sizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';
    expect($('.article__figure picture source').toArray().map((s) => attributesOf($(s)))).toEqual([
      { type: 'image/avif', srcset: ladder('avif'), sizes },
      { type: 'image/webp', srcset: ladder('webp'), sizes },
    ]);
    const img = attributesOf(one($, '.article__figure picture img'));
    expect(img).toEqual({
      class: expect.stringMatching(/^ph ph-\d{3}$/), src: `/media/_/${hash}/960.jpg`, srcset: ladder('jpg'), sizes,
      width: '1600', height: '2400', alt: 'Снимок', loading: 'eager', decoding: 'async', fetchpriority: 'high',
    });
  });

  it('shows body images as lazy pictures, PNG for a transparent one; an unreadable file stays a plain image', async () => {
    const html = (await request(app).get(ARTICLE).expect(200)).text;
    const hash = hashOf('logo-like.png');
    const $ = parseHtml(html);
    const transparent = one($, '.article__body img[alt="Прозрачный знак"]');
    expect(attributesOf(transparent)).toMatchObject({ src: `/media/_/${hash}/800.png`, width: '800', height: '600', loading: 'lazy', decoding: 'async' });
    expect(transparent.attr('srcset')).toMatch(new RegExp(`/media/_/${hash}/800\\.png 800w$`));
    expect(transparent.parent().is('picture')).toBe(true);
    const broken = one($, '.article__body img[alt="Битый файл"]');
    expect(attributesOf(broken)).toEqual({ src: '/media/broken.jpg', alt: 'Битый файл', loading: 'lazy', decoding: 'async' });
    expect(broken.parent().is('picture')).toBe(false);
  });
});

describe('derivatives', () => {
  it('are oriented, stripped of metadata, never wider than the original, and cached for good', async () => {
    const hash = hashOf('2026/camera.jpg');
    const res = await get(`/media/_/${hash}/960.avif`).expect(200).expect('content-type', 'image/avif');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const meta = await sharp(res.body as Buffer).metadata();
    expect(meta).toMatchObject({ width: 960, height: 1440 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    await request(app).get(`/media/_/${hash}/1920.avif`).expect(404);
  });

  it('keep transparency in PNG, and crawlers get JPEG crops', async () => {
    const png = await get(`/media/_/${hashOf('logo-like.png')}/480.png`).expect(200).expect('content-type', 'image/png');
    expect(await sharp(png.body as Buffer).metadata()).toMatchObject({ width: 480, height: 360, hasAlpha: true });
    const og = await get(`/media/_/${hashOf('2026/camera.jpg')}/og.jpg`).expect(200).expect('content-type', 'image/jpeg');
    expect(await sharp(og.body as Buffer).metadata()).toMatchObject({ width: 1200, height: 630, format: 'jpeg' });
  });

  it('are made once: two readers asking at once wait for one encode', async () => {
    const hash = hashOf('2026/camera.jpg');
    const [a, b] = await Promise.all([get(`/media/_/${hash}/1600.webp`), get(`/media/_/${hash}/1600.webp`)]);
    expect(a.status).toBe(200);
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
    expect(images.encodes.get(`${hash}/1600.webp`)).toBe(1);
    await get(`/media/_/${hash}/1600.webp`).expect(200);
    expect(images.encodes.get(`${hash}/1600.webp`)).toBe(1);
  });

  it('answer only names the original has: another width, format, hash or path is not found', async () => {
    const hash = hashOf('2026/camera.jpg');
    for (const url of [`/media/_/${hash}/961.avif`, `/media/_/${hash}/960.png`, `/media/_/${'0'.repeat(20)}/960.avif`, `/media/_/${hash}/../camera.jpg`, '/media/_/x/960.avif']) {
      await request(app).get(url).expect(404);
    }
  });
});

describe('byte ranges', () => {
  it('answers a range with 206, one past the end with 416, on originals and derivatives', async () => {
    const hash = hashOf('2026/camera.jpg');
    for (const url of ['/media/2026/camera.jpg', `/media/_/${hash}/640.webp`]) {
      const whole = await get(url).expect(200).expect('accept-ranges', 'bytes');
      const part = await get(url).set('Range', 'bytes=10-19').expect(206);
      expect(part.headers['content-range']).toBe(`bytes 10-19/${(whole.body as Buffer).length}`);
      expect(Buffer.compare(part.body as Buffer, (whole.body as Buffer).subarray(10, 20))).toBe(0);
      const past = await request(app).get(url).set('Range', `bytes=${(whole.body as Buffer).length}-`).expect(416);
      expect(past.headers['content-range']).toBe(`bytes */${(whole.body as Buffer).length}`);
    }
  });
});

describe('for crawlers', () => {
  it('og:image is the 1200×630 JPEG crop; NewsArticle has the three ratios, each 1200 px wide', async () => {
    const html = (await request(app).get(ARTICLE).expect(200)).text;
    const base = `https://dknews.example/media/_/${hashOf('2026/camera.jpg')}`;
    expect(metaTags(html).filter(([name]) => name.startsWith('og:image'))).toEqual([
      ['og:image', `${base}/og.jpg`],
      ['og:image:width', '1200'],
      ['og:image:height', '630'],
      ['og:image:alt', 'Снимок'],
    ]);
    const news = jsonLdBlocks(html).find((b) => b['@type'] === 'NewsArticle') as { image: string[] };
    expect(news.image).toEqual([`${base}/16x9.jpg`, `${base}/4x3.jpg`, `${base}/1x1.jpg`]);
    const sizes = await Promise.all(news.image.map(async (url) => sharp((await get(url.slice('https://dknews.example'.length)).expect(200)).body as Buffer).metadata()));
    expect(sizes.map((m) => [m.width, m.height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
  });

  it('the RSS enclosure is the feed copy, with its real type and length', async () => {
    const item = [xml.parse((await request(app).get('/ru/rss.xml').expect(200)).text).rss.channel.item].flat().find((i: { link: string }) => i.link.endsWith(ARTICLE));
    const url = `/media/_/${hashOf('2026/camera.jpg')}/1280.jpg`;
    const copy = await get(url).expect(200);
    expect(item.enclosure).toEqual({ '@url': `https://dknews.example${url}`, '@length': String((copy.body as Buffer).length), '@type': 'image/jpeg' });
  });
});

describe('a derivative that cannot be made', () => {
  it('answers the error page, not «not found», and is made at the next request once the cause is gone', async () => {
    await makePhoto(path.join(content.dir, 'media/blocked.png'), { width: 400, height: 300 });
    const hash = hashOf('blocked.png');
    // A file where the original's folder of derivatives goes: nothing can be written there.
    const folder = path.join(config.dataDir, 'media', hash);
    await mkdir(path.dirname(folder), { recursive: true });
    await writeFile(folder, 'in the way');
    await store.reload();
    const failed = await request(app).get(`/media/_/${hash}/320.avif`).expect(500);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.text).toContain('<html lang="ru"');
    expect(logs.some((entry) => entry.msg === 'Unexpected error while answering a request' && entry.url === `/media/_/${hash}/320.avif`)).toBe(true);
    await rm(folder);
    await get(`/media/_/${hash}/320.avif`).expect(200).expect('content-type', 'image/avif');
  });
});

describe('a photo replaced under the same name', () => {
  it('reaches the page at the next content version, under a new hash; the old derivatives are gone, from disk too', async () => {
    const before = hashOf('2026/camera.jpg');
    await makePhoto(path.join(content.dir, 'media/2026/camera.jpg'), { width: 1300, height: 900, format: 'jpeg' });
    await store.reload();
    const after = hashOf('2026/camera.jpg');
    expect(after).not.toBe(before);
    const html = (await request(app).get(ARTICLE).expect(200)).text;
    expect(html).toContain(`/media/_/${after}/1300.avif 1300w`);
    expect(html).toContain('width="1300" height="900"');
    expect(html).not.toContain(before);
    await request(app).get(`/media/_/${before}/640.avif`).expect(404);
    await images.warm();
    expect(existsSync(path.join(config.dataDir, 'media', before))).toBe(false);
    expect(existsSync(path.join(config.dataDir, 'media', after, '1300.avif'))).toBe(true);
    expect(existsSync(path.join(config.dataDir, 'media', 'facts.json'))).toBe(true);
  });
});

describe('a restart', () => {
  it('keeps the derivatives on disk: a warm-up before the first survey neither sweeps them nor encodes them again', async () => {
    await images.warm();
    const folder = path.join(config.dataDir, 'media', hashOf('2026/camera.jpg'));
    expect(existsSync(path.join(folder, '640.avif'))).toBe(true);
    // What a restarted server's library does: the index is served (a content version, so a warm-up) before its reconcile surveys.
    const restarted = new MediaLibrary({ contentDir: content.dir, dataDir: config.dataDir });
    await restarted.warm();
    expect(existsSync(path.join(folder, '640.avif'))).toBe(true);
    await restarted.survey(store.index.media.keys());
    await restarted.warm();
    expect(existsSync(path.join(folder, '640.avif'))).toBe(true);
    expect([...restarted.encodes.keys()]).toEqual([]);
    restarted.close();
  });
});

describe('public files', () => {
  it('/favicon.ico is an ICO holding the 32 px icon', async () => {
    const res = await get('/favicon.ico').expect(200).expect('content-type', 'image/x-icon');
    const ico = res.body as Buffer;
    expect([...ico.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]);
    expect(ico.subarray(22, 30)).toEqual(await readFile(path.resolve(import.meta.dirname, '../../public/favicon-32.png')).then((b) => b.subarray(0, 8)));
  });

  it('images may be shown by other origins; pages may not', async () => {
    const html = (await request(app).get('/ru/').expect(200)).text;
    const logo = /src="(\/assets\/logo\.[0-9a-f]+\.svg)"/.exec(html)![1]!;
    await request(app).get(logo).expect(200).expect('cross-origin-resource-policy', 'cross-origin');
    await request(app).get('/media/photo.png').expect(200).expect('cross-origin-resource-policy', 'cross-origin');
    expect((await request(app).get('/ru/').expect(200)).headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

describe('the check of pictures', () => {
  it('reports an unreadable file as a problem of the article, with its line', () => {
    const problem = store.index.problems.find((p) => p.code === 'image_unreadable');
    expect(problem?.format(), problem?.format()).toMatch(/^.+news\/camera-story\.ru\.md:12 body: Файл «broken\.jpg» не читается как изображение \(.+\)\. Сохраните его заново как JPEG, PNG, WebP или AVIF\.$/);
  });
});
