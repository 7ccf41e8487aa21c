import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_NOW, FIXTURES, testSite, VALID } from '../helpers.js';
import { makePhoto } from '../photo.js';
import { jsonLdBlocks } from './crawl.js';
import { parseHtml } from '../html.js';

// An article with a YouTube video, a Telegram post and our own video, beside the fixtures'
// articles without any: each page's Content-Security-Policy, the video's bytes, the feed.
const content = await copyContent(VALID);
await mkdir(path.join(content.dir, 'media/2026/02'), { recursive: true });
await copyFile(path.join(FIXTURES, 'video/clip.mp4'), path.join(content.dir, 'media/2026/02/clip.mp4'));
await makePhoto(path.join(content.dir, 'media/2026/02/clip.jpg'), { width: 1280, height: 720, format: 'jpeg' });
await writeFile(
  path.join(content.dir, 'news/embeds.ru.md'),
  '---\ntitle: Видео\ndate: 2026-01-30T10:00\nauthor: anna\ntopics: [economy]\n---\nТекст.\n\nhttps://youtu.be/aqz-KE-bpKQ\n\nhttps://t.me/dknews_kz/12345\n\n![Поезд](media/2026/02/clip.mp4 "DKNews")\n',
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
