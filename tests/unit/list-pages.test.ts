import { describe, expect, it } from 'vitest';
import { authorsPage } from '../../src/render/author-pages.js';
import { cardView } from '../../src/render/cards.js';
import { authorPage, homeListPage, initials, newsPage, topicPage, topicsPage } from '../../src/render/pages.js';
import { searchPage } from '../../src/render/search-page.js';
import { staticPage } from '../../src/render/static-page.js';
import { tinyContext, type TinyArticle } from './tiny-site.js';

const story = (n: number, topics = ['economy'], more: Partial<TinyArticle> = {}): TinyArticle => ({
  slug: `s${n}`, title: `Новость ${n}`, lead: `Лид ${n}.`, date: `2026-01-${String(10 + n).padStart(2, '0')}T10:00`, topics, ...more,
});
const ctx = await tinyContext([story(1), story(2, ['economy', 'politics']), story(3), story(1, ['economy'], { lang: 'en', title: 'Story 1' })], { pageSize: 2 });
const hrefs = (cards: { href: string }[]) => cards.map((c) => c.href);

describe('newsPage', () => {
  it('lists every story of the language, newest first, a page at a time', () => {
    expect(hrefs(newsPage(ctx, 1)!.page.cards)).toEqual(['/ru/news/s3', '/ru/news/s2']);
    expect(hrefs(newsPage(ctx, 2)!.page.cards)).toEqual(['/ru/news/s1']);
  });

  it('is no page past the last', () => expect(newsPage(ctx, 3)).toBeUndefined());

  it('titles a later page with its number, and links its neighbours', () => {
    const { layout } = newsPage(ctx, 2)!;
    expect([layout.title, layout.prev, layout.next, layout.canonical]).toEqual(['Все новости — Страница 2 — Аг', '/ru/news', undefined, 'https://agency.example/ru/news?page=2']);
  });
});

describe('homeListPage', () => {
  it('continues the front page\'s feed as a list, under the front page\'s heading', () => {
    const view = homeListPage(ctx, 2)!;
    expect([view.page.heading, hrefs(view.page.cards), view.layout.canonical]).toEqual(['Последние новости', ['/ru/news/s1'], 'https://agency.example/ru/?page=2']);
  });
});

describe('topicPage', () => {
  it('lists the topic\'s stories under its name and description', () => {
    const { page } = topicPage(ctx, 'politics', 1)!;
    expect([page.heading, page.intro, hrefs(page.cards)]).toEqual(['Политика', 'О власти.', ['/ru/news/s2']]);
  });

  it('offers the topic\'s own feed', () => {
    expect(topicPage(ctx, 'politics', 1)!.layout.feeds.at(-1)).toEqual({ title: 'Аг: Политика', href: '/ru/topics/politics/rss.xml' });
  });

  it('names as alternates only the languages where the topic has stories', () => {
    expect(topicPage(ctx, 'economy', 1)!.layout.alternates.map((a) => a.hreflang)).toEqual(['ru', 'en', 'x-default']);
  });

  it('keeps an empty topic out of the index, and says it is empty', async () => {
    const empty = topicPage(await tinyContext([story(1)]), 'politics', 1)!;
    expect([empty.layout.robots, empty.page.cards, empty.page.empty]).toEqual(['noindex, follow', [], 'Материалов пока нет.']);
  });

  it('is no page for an unknown topic', () => expect(topicPage(ctx, 'sport', 1)).toBeUndefined());
});

describe('topicsPage', () => {
  it('counts each topic\'s stories with the plural rule', () => {
    expect(topicsPage(ctx).page.topics.map((t) => [t.name, t.href, t.countText])).toEqual([
      ['Экономика', '/ru/topics/economy', '3 материала'],
      ['Политика', '/ru/topics/politics', '1 материал'],
    ]);
  });
});

describe('authorPage and authorsPage', () => {
  it('shows the author\'s role, initials, feed and stories', () => {
    const { page } = authorPage(ctx, 'anna', 1)!;
    expect([page.heading, page.role, page.initials, page.feedHref, page.photo, hrefs(page.cards)]).toEqual(['Анна', 'Редактор', 'А', '/ru/authors/anna/rss.xml', undefined, ['/ru/news/s3', '/ru/news/s2']]);
  });

  it('describes an author without a bio by name and role', () => {
    expect(authorPage(ctx, 'anna', 1)!.layout.description).toBe('Анна, Редактор: все материалы автора на DKNews.kz.');
  });

  it('describes the author as a schema.org Person working for the agency', () => {
    const person = JSON.parse(authorPage(ctx, 'anna', 1)!.layout.jsonLd[0]!) as Record<string, unknown>;
    expect(person).toMatchObject({ '@type': 'Person', name: 'Анна', jobTitle: 'Редактор', url: 'https://agency.example/ru/authors/anna', worksFor: { name: 'Агентство' } });
  });

  it('is no page for an unknown author', () => expect(authorPage(ctx, 'nobody', 1)).toBeUndefined());

  it('lists every author with how many stories they wrote in the language', () => {
    expect(authorsPage(ctx).page.authors).toEqual([{ name: 'Анна', href: '/ru/authors/anna', role: 'Редактор', bio: undefined, photo: undefined, initials: 'А', countText: '3 материала' }]);
  });
});

describe('initials', () => {
  it('takes the first letter of the first two words', () => expect(initials('Анна Мария Иванова')).toBe('АМ'));
  it('keeps a letter outside the basic plane whole', () => expect(initials('𝔄nna Ivanova')).toBe('𝔄I'));
});

describe('staticPage', () => {
  it('typesets the title (no break after a one-letter word) and offers the languages the page exists in', async () => {
    const site = await tinyContext([], { pages: [{ slug: 'about', title: 'О нас' }, { slug: 'about', lang: 'en', title: 'About us' }, { slug: 'ads', title: 'Реклама' }] });
    const about = staticPage(site, site.index.pages.ru.get('about')!);
    expect([about.page.title, about.layout.header.languages.map((l) => l.href)]).toEqual(['О\u00a0нас', ['/ru/about', '/kk/', '/en/about']]);
    const ads = staticPage(site, site.index.pages.ru.get('ads')!);
    expect(ads.layout.header.languages.map((l) => l.href)).toEqual(['/ru/ads', '/kk/', '/en/']);
  });
});

describe('searchPage', () => {
  it('explains how to search when there is no query, and is never indexed', async () => {
    const view = (await searchPage(ctx, '', 1))!;
    expect([view.page.heading, view.page.results, view.layout.robots]).toEqual(['Поиск', [], 'noindex, follow']);
    expect(view.page.summary).toMatch(/^Введите слово или фразу/);
  });

  it('finds the stories with the word, marks it in the title, and counts them', async () => {
    const view = (await searchPage(ctx, 'новость', 1))!;
    expect(view.page.summary).toBe('3 материала');
    expect(view.page.results.map((r) => [r.href, r.title])).toEqual(
      expect.arrayContaining([['/ru/news/s1', [{ text: 'Новость', mark: true }, { text: ' 1', mark: false }]]]),
    );
  });

  it('offers the topics when nothing is found', async () => {
    const view = (await searchPage(ctx, 'жираф', 1))!;
    expect(view.page.summary).toBe('По запросу «жираф» ничего не найдено. Попробуйте другие слова или загляните в темы:');
    expect(view.page.topics.map((t) => t.href)).toEqual(['/ru/topics/economy', '/ru/topics/politics']);
  });

  it('keeps the query in the language links and the header\'s search box', async () => {
    const { layout } = (await searchPage(ctx, 'нефть газ', 1))!;
    expect(layout.header.search?.query).toBe('нефть газ');
    expect(layout.header.languages.map((l) => l.href)).toEqual(['/ru/search?q=%D0%BD%D0%B5%D1%84%D1%82%D1%8C%20%D0%B3%D0%B0%D0%B7', '/kk/search?q=%D0%BD%D0%B5%D1%84%D1%82%D1%8C%20%D0%B3%D0%B0%D0%B7', '/en/search?q=%D0%BD%D0%B5%D1%84%D1%82%D1%8C%20%D0%B3%D0%B0%D0%B7']);
  });
});

describe('cardView', () => {
  it('shows the headline, date, first topic and a placeholder of a story in a list, as an h2', () => {
    const card = cardView(ctx, ctx.index.article('ru', 's2')!);
    expect(card).toEqual({
      classes: 'card', level: 'h2', titleClasses: 'card__title', href: '/ru/news/s2', title: 'Новость 2', lead: undefined,
      date: { text: '12 января 2026, 10:00', iso: '2026-01-12T10:00:00+05:00' }, topic: { name: 'Экономика', href: '/ru/topics/economy' },
      labels: [], image: undefined, placeholder: false,
    });
  });

  it('shows the headline, lead, date and first topic of a story', () => {
    const card = cardView(ctx, ctx.index.article('ru', 's2')!, { withLead: true });
    expect(card).toMatchObject({ href: '/ru/news/s2', title: 'Новость 2', lead: 'Лид 2.', topic: { name: 'Экономика', href: '/ru/topics/economy' }, image: undefined });
    expect(card.date).toEqual({ text: '12 января 2026, 10:00', iso: '2026-01-12T10:00:00+05:00' });
  });

  it('takes the look of where it stands: a topic block\'s line under the block\'s heading', () => {
    const card = cardView(ctx, ctx.index.article('ru', 's2')!, { level: 'h3', variant: 'block-line', topic: false, image: false });
    expect(card).toMatchObject({ classes: 'card card--block-line', level: 'h3', topic: undefined, image: undefined });
  });

  it('is the front page\'s large lead: an h2 with its lead', () => {
    const card = cardView(ctx, ctx.index.article('ru', 's2')!, { large: true, level: 'h3' });
    expect(card).toMatchObject({ classes: 'card card--lead', level: 'h2', lead: 'Лид 2.' });
  });
});
