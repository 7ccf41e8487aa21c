import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_NOW, FIXTURES, testSite, VALID } from '../helpers.js';
import { makePhoto } from '../photo.js';
import { jsonLdBlocks } from './crawl.js';
import { parseHtml } from '../html.js';
import { googleProblems, schemaOrgProblems } from '../structured-data.js';

// An article with a YouTube video, a Telegram post and our own video, beside the fixtures'
// articles without any: each page's Content-Security-Policy, the video's bytes, the feed.
const content = await copyContent(VALID);
await mkdir(path.join(content.dir, 'media/2026/02'), { recursive: true });
await copyFile(path.join(FIXTURES, 'video/clip.mp4'), path.join(content.dir, 'media/2026/02/clip.mp4'));
await makePhoto(path.join(content.dir, 'media/2026/02/clip.jpg'), { width: 1280, height: 720, format: 'jpeg' });
await makePhoto(path.join(content.dir, 'media/2026/02/a.jpg'), { width: 1600, height: 1000, format: 'jpeg' });
await writeFile(
  path.join(content.dir, 'news/embeds.ru.md'),
  '---\ntitle: Видео\ndate: 2026-01-30T10:00\nauthor: anna\ntopics: [economy]\n---\nТекст.\n\nhttps://youtu.be/aqz-KE-bpKQ\n\nhttps://t.me/dknews_kz/12345\n\n![Поезд](media/2026/02/clip.mp4 "DKNews")\n\n::: gallery\n![Вокзал](media/2026/02/a.jpg "Gov")\nНовый вокзал.\n:::\n',
);
const { app, close } = await testSite(content.dir, { now: FIXTURE_NOW });
afterAll(async () => {
  close();
  await content.remove();
});

const frameSrc = (csp: string | undefined) => /(?:^|;)frame-src ([^;]*)/.exec(csp ?? '')?.[1];

describe('the Content-Security-Policy of each answer', () => {
  it('lets a page with embeds frame exactly their providers, from the route and then from the fast path', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await request(app).get('/ru/news/embeds').expect(200);
      expect(frameSrc(res.headers['content-security-policy'])).toBe('https://www.youtube-nocookie.com https://t.me');
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    }
  });

  it('frames nothing on a page without embeds, nor on any other answer', async () => {
    for (const url of ['/ru/news/first-story', '/ru/', '/ru/rss.xml', '/ru/no-such-page']) {
      expect(frameSrc((await request(app).get(url)).headers['content-security-policy'])).toBe("'none'");
    }
  });

  it('keeps the page\'s own policy on a 304', async () => {
    const first = await request(app).get('/ru/news/embeds').expect(200);
    const again = await request(app).get('/ru/news/embeds').set('If-None-Match', first.headers.etag!).expect(304);
    expect(frameSrc(again.headers['content-security-policy'])).toBe('https://www.youtube-nocookie.com https://t.me');
  });
});

describe('our own video', () => {
  it('is served in byte ranges, as players ask for it', async () => {
    const whole = await request(app).get('/media/2026/02/clip.mp4').expect(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await request(app).get('/media/2026/02/clip.mp4').set('Range', 'bytes=0-99').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.headers['content-length']}`);
    expect(part.headers['content-length']).toBe('100');
  });

  it('has its size from the file, and a VideoObject with its duration', async () => {
    const html = (await request(app).get('/ru/news/embeds').expect(200)).text;
    const video = parseHtml(html)('figure.video video');
    expect([video.attr('width'), video.attr('height')]).toEqual(['320', '180']);
    const objects = jsonLdBlocks(html).filter((b) => b['@type'] === 'VideoObject');
    expect(objects.map((o) => [o.name, o.duration ?? o.embedUrl])).toEqual([
      ['Видео на YouTube', 'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ'],
      ['Поезд', 'PT1S'],
    ]);
  });
});

describe('the feed', () => {
  it('carries a plain link with the poster for an embed, never a facade or a frame', async () => {
    const feed = (await request(app).get('/ru/rss.xml').expect(200)).text;
    expect(feed).toContain('<figure class="embed embed--link">\n  <a href="https://youtu.be/aqz-KE-bpKQ">');
    expect(feed).not.toContain('data-embed');
    expect(feed).not.toContain('<iframe');
  });
});

describe('the structured data of the videos and the photo report', async () => {
  const html = (await request(app).get('/ru/news/embeds')).text;
  const blocks = jsonLdBlocks(html);

  it('is valid for schema.org\'s published vocabulary (release 30.0) and Google\'s rules for VideoObject and image metadata (tests/structured-data.ts)', () => {
    expect(blocks.map((b) => b['@type']).sort()).toEqual(['BreadcrumbList', 'NewsArticle', 'VideoObject', 'VideoObject']);
    expect(blocks.flatMap((b) => [...schemaOrgProblems(b), ...googleProblems(b)])).toEqual([]);
    // The same rules find what a video or a photo without its properties lacks.
    expect(googleProblems({ '@type': 'VideoObject', name: 'x', duration: '83 s' })).toEqual([
      'VideoObject: required thumbnailUrl is missing', 'VideoObject: required uploadDate is missing', 'VideoObject: recommended description is missing',
      'VideoObject: recommended contentUrl or embedUrl is missing', 'VideoObject: duration is not ISO 8601',
    ]);
    expect(googleProblems({ '@type': 'NewsArticle', image: [{ '@type': 'ImageObject', url: 'https://x' }] })).toContain('NewsArticle.image[0]: none of creator, creditText, copyrightNotice or license');
  });

  it('gives every video the properties Google requires and recommends, and every photo its credit', () => {
    // developers.google.com/search/docs/appearance/structured-data/video: name, thumbnailUrl and
    // uploadDate required; description, contentUrl or embedUrl, duration recommended.
    for (const video of blocks.filter((b) => b['@type'] === 'VideoObject')) {
      expect(Object.keys(video)).toEqual(expect.arrayContaining(['name', 'description', 'thumbnailUrl', 'uploadDate']));
      expect(video.contentUrl ?? video.embedUrl).toMatch(/^https:\/\//);
      expect(String(video.uploadDate)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
    // .../image-license-metadata: contentUrl, and creator, creditText, copyrightNotice or license.
    const photos = (blocks.find((b) => b['@type'] === 'NewsArticle')!.image as (string | Record<string, unknown>)[]).filter((i) => typeof i === 'object');
    expect(photos).toEqual([expect.objectContaining({ '@type': 'ImageObject', contentUrl: expect.stringMatching(/^https:\/\/dknews\.example\/media\/_\/[0-9a-f]{20}\/1600\.jpg$/), caption: 'Новый вокзал.', creditText: 'Gov' })]);
  });
});
