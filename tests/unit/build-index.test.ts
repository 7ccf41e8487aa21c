import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/sync/build-index.js';
import { ContentLoadError } from '../../src/problems/errors.js';
import { loadContent } from '../../src/sync/load.js';
import type { ContentSources } from '../../src/parse/types.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

const sources = await loadContent(VALID);
const index = await buildIndex(sources, { now: FIXTURE_NOW, includeDrafts: false });

describe('buildIndex over the valid fixture', () => {
  it('lists published articles per language, newest first', async () => {
    expect(index.list('ru', {}, 0, 1000).map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(index.list('en', {}, 0, 1000).map((a) => a.slug)).toEqual(['first-story']);
    expect(index.list('kk', {}, 0, 1000)).toEqual([]);
  });

  it('indexes by topic and author', async () => {
    expect(index.list('ru', { topic: 'economy' }, 0, 1000).map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(index.list('ru', { topic: 'politics' }, 0, 1000).map((a) => a.slug)).toEqual(['second-story']);
    expect(index.list('ru', { author: 'anna' }, 0, 1000)).toHaveLength(2);
  });

  it('groups translations by slug', async () => {
    expect(Object.keys(index.translations('first-story'))).toEqual(['en', 'ru']);
  });

  it('keeps the future article out and names the moment it appears', async () => {
    expect((index.article('ru', 'future-story') !== undefined)).toBe(false);
    expect(index.nextPublication()?.toISOString()).toBe('2029-12-31T19:00:00.000Z');
  });

  it('serves a future article once its moment has come', async () => {
    const later = await buildIndex(sources, { now: new Date('2029-12-31T19:00:00Z'), includeDrafts: false });
    expect(later.list('ru', {}, 0, 1000)[0]!.slug).toBe('future-story');
    expect(later.nextPublication()).toBeUndefined();
  });

  it('leaves drafts out in production and keeps them in development', async () => {
    expect((index.article('ru', 'draft-story') !== undefined)).toBe(false);
    const dev = await buildIndex(sources, { now: FIXTURE_NOW, includeDrafts: true });
    expect(dev.article('ru', 'draft-story')?.draft).toBe(true);
  });

  it('maps aliases to the article path', async () => {
    expect(index.redirect('/ru/old/123')).toBe('/ru/news/second-story');
  });

  it('keeps topics in the order of topics.yml', async () => {
    expect([...index.topics.keys()]).toEqual(['economy', 'politics']);
  });

  it('finds no problems', () => expect(index.problems).toEqual([]));
});

describe('buildIndex with broken content', () => {
  const article = (relativePath: string, title: string) => ({
    file: `content/${relativePath}`,
    relativePath,
    text: `---\ntitle: ${title}\ndate: 2026-01-20\nauthor: anna\ntopics: [economy]\n---\nТекст.\n`,
  });

  it('names both files of a duplicate slug and keeps the first', async () => {
    const withDuplicate: ContentSources = {
      ...sources,
      articles: [article('news/b/same.ru.md', 'Вторая'), article('news/a/same.ru.md', 'Первая')],
    };
    const built = await buildIndex(withDuplicate, { now: FIXTURE_NOW, includeDrafts: false });
    expect(built.problems.map((p) => p.format())).toEqual([
      'content/news/b/same.ru.md:1: Статья «same» на языке ru уже есть в content/news/a/same.ru.md. Переименуйте один из файлов.',
    ]);
    expect(built.article('ru', 'same')!.title).toBe('Первая');
  });

  it('leaves a broken article out and serves the rest', async () => {
    const broken = { file: 'content/news/bad.ru.md', relativePath: 'news/bad.ru.md', text: '---\ntitle: x\n---\n' };
    const built = await buildIndex({ ...sources, articles: [...sources.articles, broken] }, { now: FIXTURE_NOW, includeDrafts: false });
    expect(built.list('ru', {}, 0, 1000).map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(built.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual([
      'content/news/bad.ru.md:2 date',
      'content/news/bad.ru.md:2 author',
      'content/news/bad.ru.md:2 topics',
      'content/news/bad.ru.md:4 body',
    ]);
  });

  it('names a missing authors.yml where the editor must put it', async () => {
    const failure = await buildIndex({ ...sources, authors: undefined }, { now: FIXTURE_NOW, includeDrafts: false }).then(
      () => undefined,
      (error: unknown) => error as ContentLoadError,
    );
    expect(failure!.problems.map((p) => p.format())).toEqual([`${sources.root}/authors.yml:1: Нет файла authors.yml: без него сайт не может работать.`]);
  });

  it('refuses to build without a usable site.yml, naming the file and field', async () => {
    const noName = { ...sources.site!, text: sources.site!.text!.replace(/^name:.*\n/m, '') };
    await expect(buildIndex({ ...sources, site: noName }, { now: FIXTURE_NOW, includeDrafts: false })).rejects.toThrow(ContentLoadError);
    try {
      await buildIndex({ ...sources, site: noName }, { now: FIXTURE_NOW, includeDrafts: false });
    } catch (error) {
      expect((error as ContentLoadError).problems.map((p) => p.format('en'))).toEqual([
        `${sources.site!.file}:1:1 name: This required field is missing.`,
      ]);
    }
  });
});

describe('the index’s queries over the valid fixture', () => {
  it('counts and pages a list with offset and limit, newest first', () => {
    expect(index.count('ru')).toBe(2);
    expect(index.list('ru', {}, 1, 1).map((a) => a.slug)).toEqual(['first-story']);
    expect(index.list('ru', {}, 2, 10)).toEqual([]);
    expect(index.count('ru', { topic: 'politics' })).toBe(1);
    expect(index.count('ru', { author: 'anna' })).toBe(2);
  });

  it('names the next older and newer article of the language', () => {
    const second = index.article('ru', 'second-story')!;
    const first = index.article('ru', 'first-story')!;
    expect(index.neighbours(second)).toMatchObject({ older: { slug: 'first-story' }, newer: undefined });
    expect(index.neighbours(first)).toMatchObject({ older: undefined, newer: { slug: 'second-story' } });
  });

  it('lists a sitemap part with every language version of each article', () => {
    expect(index.articleUrls('ru', 0, 10)).toEqual([
      { url: '/ru/news/second-story', changed: expect.any(Date), versions: { ru: '/ru/news/second-story' } },
      { url: '/ru/news/first-story', changed: expect.any(Date), versions: { ru: '/ru/news/first-story', en: '/en/news/first-story' } },
    ]);
  });

  it('keeps the body of each article, as the Markdown pipeline rendered it', () => {
    expect(index.body(index.article('ru', 'first-story')!).html).toMatch(/^<p>/);
  });
});
