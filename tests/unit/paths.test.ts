import { describe, expect, it } from 'vitest';
import { everyLanguage, inLanguages, paths } from '../../src/paths.js';

describe('site paths', () => {
  it('put every page under its language', () => {
    expect(paths.home('ru')).toBe('/ru/');
    expect(paths.news('kk')).toBe('/kk/news');
    expect(paths.article('en', 'some-story')).toBe('/en/news/some-story');
    expect(paths.topics('ru')).toBe('/ru/topics');
    expect(paths.topic('ru', 'economy')).toBe('/ru/topics/economy');
    expect(paths.authors('kk')).toBe('/kk/authors');
    expect(paths.author('en', 'arman')).toBe('/en/authors/arman');
    expect(paths.page('ru', 'about')).toBe('/ru/about');
  });

  it('give page 1 of a list no page parameter, and later pages one', () => {
    expect(paths.home('ru', 1)).toBe('/ru/');
    expect(paths.home('ru', 2)).toBe('/ru/?page=2');
    expect(paths.topic('en', 'economy', 3)).toBe('/en/topics/economy?page=3');
    expect(paths.author('kk', 'arman', 2)).toBe('/kk/authors/arman?page=2');
  });

  it('put the search query first, encoded, and the page after it', () => {
    expect(paths.search('ru')).toBe('/ru/search');
    expect(paths.search('en', 'Astana & forum')).toBe('/en/search?q=Astana%20%26%20forum');
    expect(paths.search('ru', 'Китай', 2)).toBe('/ru/search?q=%D0%9A%D0%B8%D1%82%D0%B0%D0%B9&page=2');
    expect(paths.search('ru', '', 2)).toBe('/ru/search?page=2');
  });

  it('name the feeds, sitemaps, robots.txt and the view counter', () => {
    expect(paths.feed('ru')).toBe('/ru/rss.xml');
    expect(paths.topicFeed('kk', 'economy')).toBe('/kk/topics/economy/rss.xml');
    expect(paths.authorFeed('en', 'arman')).toBe('/en/authors/arman/rss.xml');
    expect([paths.robots, paths.sitemap, paths.newsSitemap]).toEqual(['/robots.txt', '/sitemap.xml', '/sitemap-news.xml']);
    expect(paths.sitemapChild('ru-articles-1')).toBe('/sitemaps/ru-articles-1.xml');
    expect(paths.views('kk', 'some-story')).toBe('/api/views/kk/some-story');
  });

  it('encode each segment of a media file name, not the slashes', () => {
    expect(paths.media('2026/01/photo.jpg')).toBe('/media/2026/01/photo.jpg');
    expect(paths.media('2026/01/фото 1.jpg')).toBe('/media/2026/01/%D1%84%D0%BE%D1%82%D0%BE%201.jpg');
  });

  it('give a page in every language, or in those where it exists', () => {
    expect(everyLanguage(paths.topics)).toEqual({ ru: '/ru/topics', kk: '/kk/topics', en: '/en/topics' });
    expect(inLanguages((lang) => lang !== 'kk', (lang) => paths.page(lang, 'about'))).toEqual({ ru: '/ru/about', en: '/en/about' });
  });
});
