import { describe, expect, it } from 'vitest';
import { articlePage } from '../../src/render/article-page.js';
import { tinyContext, type TinyArticle } from './tiny-site.js';

const story = (slug: string, date: string, more: Partial<TinyArticle> = {}): TinyArticle => ({ slug, title: `Новость ${slug}`, date, lead: `Лид ${slug}.`, ...more });
const articles = [
  story('oldest', '2026-01-10T10:00', { topics: ['politics'] }),
  story('middle', '2026-01-20T10:00', { topics: ['economy', 'politics'], more: 'views: 12345' }),
  story('newest', '2026-01-30T10:00', { topics: ['economy'] }),
  story('middle', '2026-01-20T10:00', { lang: 'en', title: 'Middle story' }),
];
const ctx = await tinyContext(articles);
const pageOf = (slug: string, c = ctx) => articlePage(c, c.index.article(c.lang, slug)!);
const { page, layout, lastModified } = pageOf('middle');

describe('articlePage', () => {
  it('labels the article with its first topic', () => expect(page.label).toEqual({ name: 'Экономика', href: '/ru/topics/economy' }));

  it('links every topic of the article, in its order', () => {
    expect(page.topics).toEqual([{ name: 'Экономика', href: '/ru/topics/economy' }, { name: 'Политика', href: '/ru/topics/politics' }]);
  });

  it('shows the lead as a standfirst when the body does not begin with it', () => expect(page.standfirst).toBe('Лид middle.'));

  it('leaves the standfirst out when the lead is only the body\'s first paragraph', async () => {
    const same = await tinyContext([story('same', '2026-01-20T10:00', { lead: 'Первый абзац.', body: 'Первый абзац.\n\nВторой.' })]);
    expect(pageOf('same', same).page.standfirst).toBeUndefined();
  });

  it('links the author\'s page with the name and role in the page\'s language', () => {
    expect(page.author).toEqual({ name: 'Анна', role: 'Редактор', href: '/ru/authors/anna' });
  });

  it('counts views with the language\'s plural rule and digit grouping', () => {
    expect([page.views, page.viewsText]).toEqual([12345, '12\u00a0345 просмотров']);
  });

  it('posts views to this server\'s API, or to the API origin of an export', async () => {
    expect(page.viewsApi).toBe('/api/views/ru/middle');
    expect(pageOf('middle', { ...ctx, apiOrigin: 'https://api.agency.example' }).page.viewsApi).toBe('https://api.agency.example/api/views/ru/middle');
  });

  it('has nowhere to post views without an API origin', () => expect(pageOf('middle', { ...ctx, apiOrigin: null }).page.viewsApi).toBeUndefined());

  it('gives the script every plural form of the count, # for the number', () => {
    expect(JSON.parse(page.viewsForms)).toEqual({ one: '# просмотр', few: '# просмотра', many: '# просмотров', other: '# просмотра' });
  });

  it('reads at least one minute', () => expect(page.readingTime).toBe('1 минута чтения'));

  it('links the next older and the next newer article', () => {
    expect([page.older, page.newer]).toEqual([
      { href: '/ru/news/oldest', title: 'Новость oldest' },
      { href: '/ru/news/newest', title: 'Новость newest' },
    ]);
  });

  it('has no older link on the oldest article', () => expect(pageOf('oldest').page.older).toBeUndefined());

  it('relates articles that share a topic, newest first, never the article itself', () => {
    expect(page.related.map((c) => c.href)).toEqual(['/ru/news/newest', '/ru/news/oldest']);
  });

  it('labels every share link in the page\'s language and shares the absolute URL', () => {
    expect(page.share.find((s) => s.id === 'copy')).toEqual({ id: 'copy', href: 'https://agency.example/ru/news/middle', label: 'Скопировать ссылку', copied: 'Ссылка скопирована' });
    // Links to other sites open without window.opener and Referer; mail is no other site.
    expect(page.share.filter((s) => s.rel === 'noopener noreferrer').map((s) => s.id)).toEqual(['telegram', 'whatsapp', 'vk', 'facebook', 'x']);
    expect(page.share.every((s) => s.label !== '' && !s.label.startsWith('share.'))).toBe(true);
  });

  it('offers the translations as alternates', () => {
    expect(layout.header.languages.map((l) => l.href)).toEqual(['/ru/news/middle', '/kk/', '/en/news/middle']);
  });

  it('is an Open Graph article with its section and tags', () => {
    const meta = Object.fromEntries(layout.meta.map((m) => [m.key, m.content]));
    expect([meta['og:type'], meta['article:section']]).toEqual(['article', 'Экономика']);
  });

  it('describes itself as a NewsArticle and a breadcrumb trail through its topic', () => {
    const blocks = layout.jsonLd.map((block) => JSON.parse(block) as { '@type': string; itemListElement?: { name: string }[] });
    expect(blocks.map((b) => b['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(blocks[1]!.itemListElement!.map((i) => i.name)).toEqual(['Аг', 'Экономика', 'Новость middle']);
  });

  it('was last modified when it was published, without an update', () => expect(lastModified?.toISOString()).toBe('2026-01-20T05:00:00.000Z'));

  it('prints its source with the site, the address and the date', () => {
    expect(page.source).toBe(`Источник: Агентство · https://agency.example/ru/news/middle · ${page.published.text}`);
  });

  it('is indexed unless it is a draft', async () => {
    expect(layout.robots).toMatch(/^index/);
    const dev = await tinyContext([story('draft', '2026-01-20T10:00', { more: 'draft: true' })], { includeDrafts: true });
    const draft = pageOf('draft', dev);
    expect([draft.page.banner?.title, draft.layout.robots]).toEqual(['Черновик.', 'noindex, follow']);
  });
});
