import { describe, expect, it } from 'vitest';
import { homePage } from '../../src/render/home-page.js';
import { topicsPage } from '../../src/render/pages.js';
import { tinyContext, type TinyArticle } from './tiny-site.js';

/** Story n of a day in January 2026, at 10:00 Almaty time, in the given topic. */
const story = (n: number, day: number, topics = ['economy'], more?: string): TinyArticle => ({
  slug: `s${n}`, title: `Новость ${n}`, date: `2026-01-${String(day).padStart(2, '0')}T10:${String(n).padStart(2, '0')}`, topics, more,
});

describe('homePage', () => {
  it('says there is no news yet on an empty site, with no lead and no blocks', async () => {
    const { page } = homePage(await tinyContext([]));
    expect(page).toEqual({ heading: 'Последние новости', lead: undefined, top: [], feed: undefined, mostRead: undefined, topics: [], aside: false, topClasses: 'front__top', empty: 'Новостей пока нет.' });
  });

  it('leads with the newest story, and shows nothing that would only repeat it', async () => {
    const { page } = homePage(await tinyContext([story(1, 20)]));
    expect([page.lead?.href, page.top, page.feed, page.empty]).toEqual(['/ru/news/s1', [], undefined, undefined]);
  });

  it('leads with the newest featured story, the others under it newest first', async () => {
    const ctx = await tinyContext([story(1, 20, ['economy'], 'featured: true'), story(2, 21), story(3, 22), story(4, 23), story(5, 24)]);
    const { page } = homePage(ctx);
    expect(page.lead?.href).toBe('/ru/news/s1');
    expect(page.top.map((c) => c.href)).toEqual(['/ru/news/s5', '/ru/news/s4', '/ru/news/s3']);
  });

  it('groups the feed by day in Almaty, newest first, each story with its time', async () => {
    const { page } = homePage(await tinyContext([story(1, 20), story(2, 20), story(3, 21)]));
    expect(page.feed).toEqual({
      allHref: '/ru/news',
      days: [
        { day: '21 января 2026', items: [{ href: '/ru/news/s3', title: 'Новость 3', time: '10:03', iso: '2026-01-21T10:03:00+05:00' }] },
        {
          day: '20 января 2026',
          items: [
            { href: '/ru/news/s2', title: 'Новость 2', time: '10:02', iso: '2026-01-20T10:02:00+05:00' },
            { href: '/ru/news/s1', title: 'Новость 1', time: '10:01', iso: '2026-01-20T10:01:00+05:00' },
          ],
        },
      ],
    });
  });

  it('gives each topic a block of its stories not shown above, and leaves an empty block out', async () => {
    const stories = [story(1, 10, ['politics']), story(2, 11), story(3, 12), story(4, 13), story(5, 14)];
    const { page } = homePage(await tinyContext(stories));
    // s5 leads, s4–s2 stand under it: only s1 is left, in politics.
    expect(page.topics.map((t) => [t.id, t.href, t.cards.map((c) => c.href)])).toEqual([['politics', '/ru/topics/politics', ['/ru/news/s1']]]);
  });

  it('gives no block to a topic set `menu: false`, while the topic index still lists it', async () => {
    const moreTopics = 'almaty:\n  name: { ru: Алматы, kk: Алматы, en: Almaty }\n  description: { ru: Город., kk: Қала., en: City. }\n  menu: false\n';
    const stories = [story(1, 10, ['almaty']), story(2, 11, ['politics']), story(3, 12), story(4, 13), story(5, 14), story(6, 15)];
    const ctx = await tinyContext(stories, { moreTopics });
    expect(homePage(ctx).page.topics.map((t) => t.id)).toEqual(['politics']);
    expect(topicsPage(ctx).page.topics.map((t) => t.href)).toContain('/ru/topics/almaty');
  });

  it('lists the most read of this language, in the counter\'s order', async () => {
    const stories = [story(1, 10), story(2, 11), story(3, 12), story(4, 13), story(5, 14), story(6, 15)];
    const mostRead = [{ slug: 's1', views: 9 }, { slug: 'gone', views: 8 }, { slug: 's6', views: 7 }];
    const { page } = homePage(await tinyContext(stories, { mostRead }));
    expect(page.mostRead).toEqual([{ title: 'Новость 1', href: '/ru/news/s1' }, { title: 'Новость 6', href: '/ru/news/s6' }]);
  });

  it('leaves «most read» out while it would only repeat the stories above it', async () => {
    const { page } = homePage(await tinyContext([story(1, 10), story(2, 11)], { mostRead: [{ slug: 's2', views: 3 }, { slug: 's1', views: 1 }] }));
    expect(page.mostRead).toBeUndefined();
  });

  it('points rel=next at page 2 only when the stories fill more than a page', async () => {
    const stories = [story(1, 10), story(2, 11), story(3, 12)];
    expect(homePage(await tinyContext(stories, { pageSize: 2 })).layout.next).toBe('/ru/?page=2');
    expect(homePage(await tinyContext(stories, { pageSize: 3 })).layout.next).toBeUndefined();
  });

  it('exists in every language, and was last modified with the newest story', async () => {
    const { layout, lastModified } = homePage(await tinyContext([story(1, 10), story(2, 11)]));
    expect(layout.header.languages.map((l) => l.href)).toEqual(['/ru/', '/kk/', '/en/']);
    expect(lastModified?.toISOString()).toBe('2026-01-11T05:02:00.000Z');
  });
});
