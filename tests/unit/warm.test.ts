import { describe, expect, it } from 'vitest';
import { diskSource } from '../../src/sync/load.js';
import { warmPaths } from '../../src/http/warm.js';
import { VALID } from '../helpers.js';
import { indexOf } from './index-of.js';

describe('warm-up at start', () => {
  it('renders every home page, the newest articles, the feeds and the sitemaps', async () => {
    const index = await indexOf(diskSource(VALID));
    expect(warmPaths(index)).toEqual([
      '/ru/', '/ru/rss.xml', '/ru/news/second-story', '/ru/news/first-story',
      '/kk/', '/kk/rss.xml',
      '/en/', '/en/rss.xml', '/en/news/first-story',
      '/sitemap.xml', '/sitemap-news.xml',
    ]);
  });
});
