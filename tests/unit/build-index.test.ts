import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/content/build-index.js';
import { ContentLoadError } from '../../src/content/errors.js';
import { loadContent } from '../../src/content/load.js';
import type { ContentSources } from '../../src/content/types.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

const sources = await loadContent(VALID);
const index = buildIndex(sources, { now: FIXTURE_NOW, includeDrafts: false });

describe('buildIndex over the valid fixture', () => {
  it('lists published articles per language, newest first', () => {
    expect(index.langs.ru.articles.map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(index.langs.en.articles.map((a) => a.slug)).toEqual(['first-story']);
    expect(index.langs.kk.articles).toEqual([]);
  });

  it('indexes by topic and author', () => {
    expect(index.langs.ru.byTopic.get('economy')!.map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(index.langs.ru.byTopic.get('politics')!.map((a) => a.slug)).toEqual(['second-story']);
    expect(index.langs.ru.byAuthor.get('anna')).toHaveLength(2);
  });

  it('groups translations by slug', () => {
    expect(Object.keys(index.translations.get('first-story')!)).toEqual(['en', 'ru']);
  });

  it('keeps the future article out and names the moment it appears', () => {
    expect(index.langs.ru.bySlug.has('future-story')).toBe(false);
    expect(index.nextPublication?.toISOString()).toBe('2029-12-31T19:00:00.000Z');
  });

  it('serves a future article once its moment has come', () => {
    const later = buildIndex(sources, { now: new Date('2029-12-31T19:00:00Z'), includeDrafts: false });
    expect(later.langs.ru.articles[0]!.slug).toBe('future-story');
    expect(later.nextPublication).toBeUndefined();
  });

  it('leaves drafts out in production and keeps them in development', () => {
    expect(index.langs.ru.bySlug.has('draft-story')).toBe(false);
    const dev = buildIndex(sources, { now: FIXTURE_NOW, includeDrafts: true });
    expect(dev.langs.ru.bySlug.get('draft-story')?.draft).toBe(true);
  });

  it('maps aliases to the article path', () => {
    expect(index.redirects.get('/ru/old/123')).toBe('/ru/news/second-story');
  });

  it('keeps topics in the order of topics.yml', () => {
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

  it('names both files of a duplicate slug and keeps the first', () => {
    const withDuplicate: ContentSources = {
      ...sources,
      articles: [article('news/b/same.ru.md', 'Вторая'), article('news/a/same.ru.md', 'Первая')],
    };
    const built = buildIndex(withDuplicate, { now: FIXTURE_NOW, includeDrafts: false });
    expect(built.problems.map((p) => p.format())).toEqual([
      'content/news/b/same.ru.md:1: Статья «same» на языке ru уже есть в content/news/a/same.ru.md. Переименуйте один из файлов.',
    ]);
    expect(built.langs.ru.bySlug.get('same')!.title).toBe('Первая');
  });

  it('leaves a broken article out and serves the rest', () => {
    const broken = { file: 'content/news/bad.ru.md', relativePath: 'news/bad.ru.md', text: '---\ntitle: x\n---\n' };
    const built = buildIndex({ ...sources, articles: [...sources.articles, broken] }, { now: FIXTURE_NOW, includeDrafts: false });
    expect(built.langs.ru.articles.map((a) => a.slug)).toEqual(['second-story', 'first-story']);
    expect(built.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual([
      'content/news/bad.ru.md:2 date',
      'content/news/bad.ru.md:2 author',
      'content/news/bad.ru.md:2 topics',
      'content/news/bad.ru.md:4 body',
    ]);
  });

  it('names a missing authors.yml where the editor must put it', () => {
    const failure = (() => {
      try {
        buildIndex({ ...sources, authors: undefined }, { now: FIXTURE_NOW, includeDrafts: false });
      } catch (error) {
        return error as ContentLoadError;
      }
    })();
    expect(failure!.problems.map((p) => p.format())).toEqual([`${sources.root}/authors.yml:1: Нет файла authors.yml: без него сайт не может работать.`]);
  });

  it('refuses to build without a usable site.yml, naming the file and field', () => {
    const noName = { ...sources.site!, text: sources.site!.text!.replace(/^name:.*\n/m, '') };
    expect(() => buildIndex({ ...sources, site: noName }, { now: FIXTURE_NOW, includeDrafts: false })).toThrow(ContentLoadError);
    try {
      buildIndex({ ...sources, site: noName }, { now: FIXTURE_NOW, includeDrafts: false });
    } catch (error) {
      expect((error as ContentLoadError).problems.map((p) => p.format('en'))).toEqual([
        `${sources.site!.file}:1:1 name: This required field is missing.`,
      ]);
    }
  });
});
