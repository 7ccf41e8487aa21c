import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/sync/build-index.js';
import { loadContent } from '../../src/sync/load.js';
import { parseArticle } from '../../src/parse/parse-article.js';
import type { ContentSources, SourceFile } from '../../src/parse/types.js';
import { FIXTURE_NOW, FIXTURES, VALID } from '../helpers.js';

const valid = await loadContent(VALID, { from: FIXTURES });
const cross = await loadContent(path.join(FIXTURES, 'cross'), { from: FIXTURES });
const options = { now: FIXTURE_NOW, includeDrafts: false };

function withArticles(...articles: SourceFile[]): ContentSources {
  return { ...valid, articles: [...valid.articles, ...articles] };
}

function article(relativePath: string, body: string, extra = ''): SourceFile {
  return {
    file: `content/${relativePath}`,
    relativePath,
    text: `---\ntitle: Статья\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [economy]\n${extra}---\n${body}\n`,
  };
}

describe('a translation without a Russian original', async () => {
  const index = await buildIndex(withArticles(...cross.articles.filter((a) => a.relativePath.endsWith('orphan-story.en.md'))), options);

  it('is reported with an exact message', async () => {
    expect(index.problems.map((p) => p.format())).toEqual([
      'cross/news/orphan-story.en.md:1: Перевод без русского оригинала: нет файла orphan-story.ru.md. Статья показывается, но переводы связываются по имени файла — добавьте оригинал или переименуйте файл по slug русской статьи.',
    ]);
    expect(index.problems[0]!.describe('en')).toBe(
      'A translation without a Russian original: there is no orphan-story.ru.md. The article is served, but translations are linked by file name: add the original or rename the file after the Russian article\'s slug.',
    );
  });

  it('is still served', async () => {
    expect(index.article('en', 'orphan-story')?.title).toBe('An orphan translation');
  });

  it('is not reported when the Russian file exists but is broken: that file has its own problem', async () => {
    const built = await buildIndex(withArticles(article('news/pair.ru.md', ''), article('news/pair.en.md', 'Text.')), options);
    expect(built.problems.map((p) => `${p.file} ${p.code}`)).toEqual(['content/news/pair.ru.md empty_body']);
  });

  it('is checked for drafts too', async () => {
    const built = await buildIndex(withArticles(article('news/draft-only.kk.md', 'Мәтін.', 'draft: true\n')), options);
    expect(built.problems.map((p) => p.code)).toEqual(['translation_without_original']);
  });
});

describe('a link in a body to one of our articles that does not exist', async () => {
  const index = await buildIndex(withArticles(...cross.articles.filter((a) => a.relativePath.endsWith('links.ru.md'))), options);

  it('is reported on its own line, with the nearest article when there is one', async () => {
    expect(index.problems.map((p) => p.format())).toEqual([
      'cross/news/links.ru.md:8 body: Ссылка «/ru/news/frist-story» ведёт на статью, которой нет. Может быть, «/ru/news/first-story»? Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.',
      'cross/news/links.ru.md:10 body: Ссылка «/kk/news/first-story/» ведёт на статью, которой нет. Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.',
    ]);
    expect(index.problems[0]!.describe('en')).toBe(
      'The link "/ru/news/frist-story" points to an article that does not exist. Did you mean "/ru/news/first-story"? Check the path: /lang/news/slug, the slug being the article\'s file name.',
    );
  });

  it('leaves the linking article online', async () => {
    expect((index.article('ru', 'links') !== undefined)).toBe(true);
  });

  it('counts drafts, scheduled articles and old paths in aliases as existing', async () => {
    const body = '[a](/ru/news/draft-story) [b](/ru/news/future-story) [c](/ru/news/renamed)';
    const built = await buildIndex(withArticles(article('news/x.ru.md', body), article('news/y.ru.md', 'Текст.', 'aliases: [/ru/news/renamed]\n')), options);
    expect(built.problems).toEqual([]);
  });
});

describe('an image in a body', () => {
  const context = { authors: ['anna'], topics: ['economy'], media: new Set(['photo.png']) };

  it('is reported when its file is not in media', async () => {
    const invalid = await loadContent(path.join(FIXTURES, 'invalid'), { from: FIXTURES });
    const source = invalid.articles.find((a) => a.relativePath === 'news/body-image-missing.ru.md')!;
    const { article: parsed, problems } = parseArticle({ ...source, file: 'content/news/body-image-missing.ru.md' }, context);
    expect(parsed).toBeUndefined();
    expect(problems.map((p) => p.format())).toEqual([
      'content/news/body-image-missing.ru.md:9 body: Изображения «2026/01/nope.jpg» нет в папке media. Положите файл в content/media/2026/01/nope.jpg или исправьте путь.',
    ]);
  });

  it('passes when the file is there', async () => {
    const { problems } = parseArticle(article('news/pic.ru.md', 'Текст.\n\n![Точка](/media/photo.png)'), context);
    expect(problems).toEqual([]);
  });
});
