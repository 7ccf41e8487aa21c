import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/sync/build-index.js';
import { loadContent } from '../../src/sync/load.js';
import { warmPaths } from '../../src/http/warm.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

describe('warm-up at start', () => {
  it('renders every home page, the newest articles, the feeds and the sitemaps', async () => {
    const index = await buildIndex(await loadContent(VALID), { now: FIXTURE_NOW, includeDrafts: false });
    expect(warmPaths(index)).toEqual([
      '/ru/', '/ru/rss.xml', '/ru/news/second-story', '/ru/news/first-story',
      '/kk/', '/kk/rss.xml',
      '/en/', '/en/rss.xml', '/en/news/first-story',
      '/sitemap.xml', '/sitemap-news.xml',
    ]);
  });
});
