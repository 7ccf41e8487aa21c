import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/parse/markdown.js';
import { parseArticle } from '../../src/parse/parse-article.js';
import { FIXTURES, VALID } from '../helpers.js';

const context = { authors: ['anna'], topics: ['economy', 'politics'], media: new Set(['photo.png']) };

function parseFixture(dir: string, relativePath: string) {
  const bytes = readFileSync(path.join(dir, relativePath));
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  return parseArticle({ file: `content/${relativePath}`, relativePath, text }, context);
}

describe('parseArticle on a valid file', () => {
  const { article, body, problems } = parseFixture(VALID, 'news/2026/01/first-story.ru.md');

  it('has no problems', () => expect(problems).toEqual([]));

  it('takes slug and language from the file name, not the folders', () => {
    expect(article).toMatchObject({ slug: 'first-story', lang: 'ru', path: '/ru/news/first-story' });
  });

  it('reads a date without an offset as Asia/Almaty time', () => {
    expect(article!.date.toISOString()).toBe('2026-01-20T04:00:00.000Z');
  });

  it('uses the first paragraph as the lead when there is none', () => {
    expect(article!.lead).toBe('Первый абзац — с тире.');
  });

  it('renders the body with subheadings from h2, typeset', () => {
    expect(body!.html).toBe('<p>Первый абзац\u00a0— с\u00a0тире.</p>\n<h2>Подзаголовок</h2>\n<p>Второй абзац.</p>\n');
  });

  it('keeps image, views and counts words', () => {
    expect(article).toMatchObject({
      // The size is the file's, joined at each build (parse/join-media.ts): a parse has none.
      image: { src: 'photo.png', alt: 'Точка', credit: 'Автор снимка', line: 6, typed: undefined },
      views: 5,
      wordCount: 7,
    });
  });
});

describe('parseArticle reports each broken rule with file, line, field and an exact message', () => {
  const cases: [string, string[]][] = [
    ['Bad_Name.ru.md', ['content/news/Bad_Name.ru.md:1: Имя файла «Bad_Name.ru.md» не подходит: нужно slug.ru.md, slug.kk.md или slug.en.md, где slug — строчная латиница, цифры и дефисы.']],
    ['not-utf8.ru.md', ['content/news/not-utf8.ru.md:1: Файл не в кодировке UTF-8. Сохраните его в UTF-8.']],
    ['empty.ru.md', ['content/news/empty.ru.md:1: Файл пуст. Добавьте front matter и текст статьи или удалите файл.']],
    ['no-front-matter.ru.md', ['content/news/no-front-matter.ru.md:1: Нет front matter: файл должен начинаться со строки «---», затем поля, затем снова «---».']],
    ['unclosed.ru.md', ['content/news/unclosed.ru.md:1: Front matter не закрыт: после полей нужна строка «---».']],
    [
      'yaml-syntax.ru.md',
      [
        'content/news/yaml-syntax.ru.md:5:1: Ошибка синтаксиса YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Каждое поле пишется как «имя: значение»; значение с двоеточием, кавычками или знаками [ ] { } # в начале берут в двойные кавычки.',
      ],
    ],
    ['missing-title.ru.md', ['content/news/missing-title.ru.md:2:1 title: Обязательное поле не заполнено.']],
    ['bad-date.ru.md', ['content/news/bad-date.ru.md:3:1 date: Дата «2026-02-30» не распознана. Пишите в формате ISO 8601: 2026-01-27T10:00 (время Астаны) или 2026-01-27T10:00+05:00.']],
    ['updated-before-date.ru.md', ['content/news/updated-before-date.ru.md:4:1 updated: Дата обновления 2026-01-19T09:00 раньше даты публикации 2026-01-20T09:00.']],
    ['unknown-author.ru.md', ['content/news/unknown-author.ru.md:4:1 author: Неизвестный автор «ana». Может быть, «anna»? Есть: anna. Новых авторов добавляют в authors.yml.']],
    ['unknown-topic.ru.md', ['content/news/unknown-topic.ru.md:5:19 topics.1: Неизвестная тема «ekonomika». Может быть, «economy»? Есть: economy, politics. Новые темы добавляют в topics.yml.']],
    ['unknown-field.ru.md', ['content/news/unknown-field.ru.md:4:1 autor: Неизвестное поле «autor». Может быть, «author»? Поля: title, lead, date, updated, author, topics, image, views, featured, draft, aliases, breaking, live, live_until, corrections, sponsored.']],
    [
      'image-without-alt.ru.md',
      [
        'content/news/image-without-alt.ru.md:6:1 image.alt: Нет alt — описания картинки. Его читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась, по нему картинку находят поисковики. Напишите одной фразой, что на снимке, например «alt: Переговоры в Нанкине».',
      ],
    ],
    ['image-missing.ru.md', ['content/news/image-missing.ru.md:6:10 image.src: Изображения «2026/01/nope.jpg» нет в папке media. Положите файл в content/media/2026/01/nope.jpg или исправьте путь.']],
    ['negative-views.ru.md', ['content/news/negative-views.ru.md:6:1 views: Нужно целое неотрицательное число, а указано «-3».']],
    ['empty-topics.ru.md', ['content/news/empty-topics.ru.md:5:1 topics: Нужен хотя бы один элемент.']],
    ['empty-body.ru.md', ['content/news/empty-body.ru.md:7 body: Текст статьи пуст: после front matter нужен хотя бы один абзац.']],
    ['unsafe-link.ru.md', ['content/news/unsafe-link.ru.md:9 body: Ссылка «javascript:alert(1)» недопустима: разрешены адреса http(s)://, mailto:, tel: и пути сайта, начинающиеся с «/».']],
    [
      'many-problems.ru.md',
      [
        'content/news/many-problems.ru.md:2:1 title: Нужен непустой текст.',
        'content/news/many-problems.ru.md:6:1 views: Нужно целое неотрицательное число, а указано «много».',
        'content/news/many-problems.ru.md:3:1 date: Дата «вчера» не распознана. Пишите в формате ISO 8601: 2026-01-27T10:00 (время Астаны) или 2026-01-27T10:00+05:00.',
        'content/news/many-problems.ru.md:4:1 author: Неизвестный автор «nobody». Есть: anna. Новых авторов добавляют в authors.yml.',
      ],
    ],
  ];

  it.each(cases)('%s', (name, expected) => {
    const { article, problems } = parseFixture(path.join(FIXTURES, 'invalid'), `news/${name}`);
    expect(article).toBeUndefined();
    expect(problems.map((p) => p.format())).toEqual(expected);
  });

  it('speaks English when asked', () => {
    const { problems } = parseFixture(path.join(FIXTURES, 'invalid'), 'news/unknown-topic.ru.md');
    expect(problems[0]!.format('en')).toBe(
      'content/news/unknown-topic.ru.md:5:19 topics.1: Unknown topic "ekonomika". Did you mean "economy"? Known: economy, politics. New topics go into topics.yml.',
    );
  });

  it('keeps the text of an unsafe link and drops the link itself', () => {
    const body = renderBody('[клик](javascript:alert(1)) и [сайт](https://dknews.kz)', 'ru');
    expect(body.badLinks).toEqual([{ href: 'javascript:alert(1)', line: 1 }]);
    expect(body.html).toBe('<p>клик и <a href="https://dknews.kz">сайт</a></p>\n');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const source = '---\ntitle: x\ndate: 2026-01-01\nauthor: anna\ntopics: economy\n---\n<script>alert(1)</script> текст\n';
    const { body } = parseArticle({ file: 'x.ru.md', relativePath: 'news/x.ru.md', text: source }, context);
    expect(body!.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; текст</p>\n');
  });
});
