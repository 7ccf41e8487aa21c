import { describe, expect, it } from 'vitest';
import { layoutView, type PageMeta } from '../../src/render/layout.js';
import { tinyContext } from './tiny-site.js';

const ctx = await tinyContext([], { pages: [{ slug: 'contacts', title: 'Контакты', order: 2 }, { slug: 'about', title: 'О нас', order: 1 }] });
const meta = (more: Partial<PageMeta> = {}): PageMeta => ({ path: '/ru/topics/economy', title: 'Экономика', description: 'О деньгах.', alternates: { ru: '/ru/topics/economy', en: '/en/topics/economy' }, ...more });

describe('layoutView: the head', () => {
  it('titles a page «title — short site name»', () => expect(layoutView(ctx, meta()).title).toBe('Экономика — Аг'));

  it('titles the home page with the site\'s own line', () => {
    expect(layoutView(ctx, meta({ path: '/ru/', title: undefined })).title).toBe('Аг — новости Казахстана и мира');
  });

  it('canonicalises an indexed page to its absolute URL, query included', () => {
    expect(layoutView(ctx, meta({ path: '/ru/topics/economy?page=2' })).canonical).toBe('https://agency.example/ru/topics/economy?page=2');
  });

  it('lets robots index an ordinary page, with large image previews', () => {
    expect(layoutView(ctx, meta()).robots).toBe('index, follow, max-image-preview:large');
  });

  it('gives a noindex page no canonical and no alternates', () => {
    const view = layoutView(ctx, meta({ noindex: true }));
    expect([view.robots, view.canonical, view.alternates]).toEqual(['noindex, follow', undefined, []]);
  });

  it('lists the page\'s language versions as absolute alternates, x-default at the Russian one', () => {
    expect(layoutView(ctx, meta()).alternates).toEqual([
      { hreflang: 'ru', href: 'https://agency.example/ru/topics/economy' },
      { hreflang: 'en', href: 'https://agency.example/en/topics/economy' },
      { hreflang: 'x-default', href: 'https://agency.example/ru/topics/economy' },
    ]);
  });

  it('offers the language\'s feed first, then the page\'s own', () => {
    expect(layoutView(ctx, meta({ feeds: [{ title: 'Экономика', href: '/ru/topics/economy/rss.xml' }] })).feeds).toEqual([
      { title: 'Аг: новости', href: '/ru/rss.xml' },
      { title: 'Экономика', href: '/ru/topics/economy/rss.xml' },
    ]);
  });

  it('prints each structured data object as one JSON-LD block', () => {
    expect(layoutView(ctx, meta({ structuredData: [{ '@type': 'Thing' }, { '@type': 'Other' }] })).jsonLd).toHaveLength(2);
  });

  it('takes every asset from the fingerprinted public files', () => {
    expect(layoutView(ctx, meta()).assets).toEqual({
      css: '/assets/css/site.css', js: '/assets/js/site.js', favicon: '/assets/favicon.svg', logo: '/assets/logo.svg',
      logoDark: '/assets/logo-dark.svg', appleTouchIcon: '/assets/apple-touch-icon.png', manifest: '/assets/manifest.webmanifest',
    });
  });
});

describe('layoutView: the header', () => {
  it('lists every topic in topics.yml order, the current one marked', () => {
    expect(layoutView(ctx, meta({ path: '/ru/topics/economy?page=3' })).header.nav).toEqual([
      { name: 'Экономика', href: '/ru/topics/economy', current: true },
      { name: 'Политика', href: '/ru/topics/politics', current: false },
    ]);
  });

  it('leaves a topic set `menu: false` out of the menu', async () => {
    const withTag = await tinyContext([], { moreTopics: 'almaty:\n  name: { ru: Алматы, kk: Алматы, en: Almaty }\n  description: { ru: Город., kk: Қала., en: City. }\n  menu: false\n' });
    expect(layoutView(withTag, meta()).header.nav.map((item) => item.href)).toEqual(['/ru/topics/economy', '/ru/topics/politics']);
    expect(withTag.index.topics.get('almaty')?.menu).toBe(false);
  });

  it('marks the topics link current on the list of topics only', () => {
    expect(layoutView(ctx, meta({ path: '/ru/topics' })).header.topicsCurrent).toBe(true);
    expect(layoutView(ctx, meta()).header.topicsCurrent).toBe(false);
  });

  it('links each language to this page where it exists, else to that language\'s home', () => {
    expect(layoutView(ctx, meta()).header.languages).toEqual([
      { lang: 'ru', name: 'Русский', short: 'Рус', href: '/ru/topics/economy', current: true },
      { lang: 'kk', name: 'Қазақша', short: 'Қаз', href: '/kk/', current: false },
      { lang: 'en', name: 'English', short: 'Eng', href: '/en/topics/economy', current: false },
    ]);
  });

  it('searches on this server, showing the query of a search page', () => {
    expect(layoutView(ctx, meta({ searchQuery: 'нефть' })).header.search).toEqual({ action: '/ru/search', query: 'нефть' });
  });

  it('searches on the API origin of a static export', async () => {
    const exported = { ...ctx, apiOrigin: 'https://api.agency.example' };
    expect(layoutView(exported, meta()).header.search).toEqual({ action: 'https://api.agency.example/ru/search', query: '' });
  });

  it('has no search box where nothing answers search', () => {
    expect(layoutView({ ...ctx, apiOrigin: null }, meta()).header.search).toBeUndefined();
  });
});

describe('layoutView: the footer', () => {
  const { footer } = layoutView(ctx, meta());

  it('names the editor-in-chief from authors.yml, with a link', () => {
    expect(footer.editor).toEqual({ name: 'Анна', role: 'Редактор', href: '/ru/authors/anna' });
  });

  it('lists the language\'s static pages in their order', () => {
    expect(footer.pages).toEqual([{ title: 'О нас', href: '/ru/about' }, { title: 'Контакты', href: '/ru/contacts' }]);
  });

  it('links only the social networks site.yml gives', () => {
    expect(footer.social).toEqual([{ id: 'telegram', name: 'Telegram', href: 'https://t.me/agency' }]);
  });

  it('dials the phone\'s digits and plus only', () => {
    expect([footer.phone, footer.phoneHref]).toEqual(['+7 (727) 000-00-00', 'tel:+77270000000']);
  });

  it('runs the copyright from the founding year to this year in Almaty', () => {
    expect(footer.copyright).toBe('Аг © 2006–2026');
  });
});

describe('layoutView in development', () => {
  it('has no development banner in production', () => expect(layoutView(ctx, meta()).dev).toBeUndefined());

  it('lists the page\'s own file\'s problems, in Russian, with file, line and column', async () => {
    const broken = await tinyContext([{ slug: 'bad', title: 'Плохая', date: 'вчера' }], { dev: true });
    const dev = layoutView(broken, meta({ problemsOf: 'content/news/bad.ru.md' })).dev!;
    expect(dev.problems.map((p) => [p.where, p.field])).toEqual([['content/news/bad.ru.md:3:1', 'date']]);
    expect(dev.title).toMatch(/^Проблема в материалах: 1\./);
    expect(layoutView(broken, meta({ problemsOf: 'content/news/other.ru.md' })).dev!.problems).toEqual([]);
  });
});
