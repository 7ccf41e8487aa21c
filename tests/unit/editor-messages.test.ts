import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/sync/build-index.js';
import { parseArticle } from '../../src/parse/parse-article.js';
import { loadContent } from '../../src/sync/load.js';
import { copyContent, FIXTURE_NOW, VALID } from '../helpers.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Each mistake an editor makes every day, with the whole message they get: what is wrong and what to do.
const context = { authors: ['anna'], topics: ['economy', 'politics'], media: new Set(['photo.png']) };
const file = (front: string, body = 'Текст.') => `---\n${front}\ndate: 2026-01-20T09:00\nauthor: anna\ntopics: [economy]\n---\n${body}\n`;
const problems = (text: string, lang: 'ru' | 'en' = 'ru') =>
  parseArticle({ file: 'content/news/x.ru.md', relativePath: 'news/x.ru.md', text }, context).problems.map((p) => p.format(lang));

describe('YAML mistakes are explained, with the line written right', () => {
  it('a colon in a headline: put the title in double quotes', () => {
    expect(problems(file('title: Токаев: реформы продолжатся'))).toEqual([
      'content/news/x.ru.md:2:8 title: В значении есть двоеточие с пробелом, и YAML принимает его за начало нового поля. Возьмите всё значение в двойные кавычки: title: "Токаев: реформы продолжатся"',
    ]);
  });

  it('the same in English', () => {
    expect(problems(file('title: Токаев: реформы продолжатся'), 'en')).toEqual([
      'content/news/x.ru.md:2:8 title: The value has a colon followed by a space, which YAML takes for the start of another field. Put the whole value in double quotes: title: "Токаев: реформы продолжатся"',
    ]);
  });

  it('quotes inside a quoted value: «ёлочки» inside, double quotes around', () => {
    expect(problems(file('title: "Он сказал "да" вчера"'))).toEqual([
      'content/news/x.ru.md:2:20 title: Кавычки внутри значения закрывают его раньше времени. Внутри пишите кавычки-ёлочки «…», а всё значение возьмите в двойные кавычки: title: "Он сказал «да» вчера"',
    ]);
  });

  it('a value starting with [ : quotes', () => {
    expect(problems(file('title: [ЦИК] объявил итоги'))).toEqual([
      'content/news/x.ru.md:2:14 title: Значение начинается со знака «[», который в YAML значит другое. Возьмите всё значение в двойные кавычки: title: "[ЦИК] объявил итоги"',
    ]);
  });

  it('a tab as indentation: use spaces', () => {
    expect(problems(file('title: Заголовок\nimage:\n\tsrc: photo.png'))).toEqual([
      'content/news/x.ru.md:4:1: Отступ сделан табуляцией, а YAML понимает только пробелы. Замените табуляцию двумя пробелами.',
    ]);
  });

  it('a field given twice', () => {
    expect(problems(file('title: Один\ntitle: Два'))).toEqual(['content/news/x.ru.md:3:1 title: Поле «title» указано дважды. Оставьте одно.']);
  });
});

describe('a value of the wrong type names the field and what it should be', () => {
  it('a number as the title: quote it', () => {
    expect(problems(file('title: 2026'))).toEqual(['content/news/x.ru.md:2:1 title: Поле title — это текст, а не число 2026. Если это и есть текст, возьмите его в кавычки: title: "2026"']);
  });

  it('several authors', () => {
    const text = '---\ntitle: Заголовок\ndate: 2026-01-20T09:00\nauthor: [anna, bob]\ntopics: [economy]\n---\nТекст.\n';
    expect(problems(text)).toEqual(['content/news/x.ru.md:4:1 author: Поле author — это один id автора из authors.yml, а не список [anna, bob].']);
  });

  it('an image given as one line', () => {
    expect(problems(file('title: Заголовок\nimage: 2026/01/x.png'))).toEqual([
      'content/news/x.ru.md:3:1 image: Поле image — это вложенные поля, а не одна строка. Пишите каждое на своей строке с отступом в два пробела: «image:», затем «  src: 2026/01/x.png», затем «  alt: что на снимке».',
    ]);
  });
});

describe('pictures', () => {
  it('a picture in the text without alt: says what alt is for', () => {
    expect(problems(file('title: Заголовок', 'Текст.\n\n![](/media/photo.png)'))).toEqual([
      'content/news/x.ru.md:9 body: У картинки в тексте нет описания (alt): напишите в квадратных скобках, что на ней, — ![Переговоры в Нанкине](/media/2026/01/photo.jpg). Описание читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась.',
    ]);
  });

  it('a picture from another site is an error: pictures go into content/media/', () => {
    expect(problems(file('title: Заголовок', 'Текст.\n\n![Снимок](https://example.com/a.jpg)'))).toEqual([
      'content/news/x.ru.md:9 body: Картинка «https://example.com/a.jpg» с другого сайта: браузеры читателей её не покажут (политика безопасности сайта загружает картинки только с него самого). Положите файл в content/media/, например content/media/2026/01/photo.jpg, и укажите /media/2026/01/photo.jpg.',
    ]);
  });

  it('the front matter image from another site too', () => {
    expect(problems(file('title: Заголовок\nimage:\n  src: https://example.com/a.jpg\n  alt: Снимок'))).toEqual([
      'content/news/x.ru.md:4:3 image.src: Картинка «https://example.com/a.jpg» с другого сайта: браузеры читателей её не покажут (политика безопасности сайта загружает картинки только с него самого). Положите файл в content/media/, например content/media/2026/01/photo.jpg, и укажите /media/2026/01/photo.jpg.',
    ]);
  });
});

describe('every problem of a file in one run', () => {
  it('a YAML error does not hide the problems of the body', () => {
    expect(problems(file('title: А: б', '[x](javascript:alert(1))'))).toEqual([
      'content/news/x.ru.md:2:8 title: В значении есть двоеточие с пробелом, и YAML принимает его за начало нового поля. Возьмите всё значение в двойные кавычки: title: "А: б"',
      'content/news/x.ru.md:7 body: Ссылка «javascript:alert(1)» недопустима: разрешены адреса http(s)://, mailto:, tel: и пути сайта, начинающиеся с «/».',
    ]);
  });

  it('an unsafe link and links to missing articles, together (regression: they came in rounds)', async () => {
    const content = await copyContent(VALID);
    try {
      await writeFile(path.join(content.dir, 'news/rounds.ru.md'), file('title: Раунды', '[плохо](javascript:alert(1))\n\n[нет такой](/ru/news/first-stori)'));
      const index = await buildIndex(await loadContent(content.dir, { from: path.dirname(content.dir) }), { now: FIXTURE_NOW, includeDrafts: false });
      const root = path.basename(content.dir);
      expect(index.problems.filter((p) => p.file.endsWith('rounds.ru.md')).map((p) => p.format())).toEqual([
        `${root}/news/rounds.ru.md:7 body: Ссылка «javascript:alert(1)» недопустима: разрешены адреса http(s)://, mailto:, tel: и пути сайта, начинающиеся с «/».`,
        `${root}/news/rounds.ru.md:9 body: Ссылка «/ru/news/first-stori» ведёт на статью, которой нет. Может быть, «/ru/news/first-story»? Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.`,
      ]);
    } finally {
      await content.remove();
    }
  });
});

describe('files named almost like an article', () => {
  it('get a note with the name they should have', async () => {
    const content = await copyContent(VALID);
    try {
      await mkdir(path.join(content.dir, 'news/2026/02'), { recursive: true });
      await writeFile(path.join(content.dir, 'news/2026/02/tokaev.markdown'), file('title: Заголовок'));
      await writeFile(path.join(content.dir, 'news/kazakh.kk.MD'), file('title: Тақырып'));
      await writeFile(path.join(content.dir, 'news/backup.ru.md~'), file('title: Копия'));
      const index = await buildIndex(await loadContent(content.dir, { from: path.dirname(content.dir) }), { now: FIXTURE_NOW, includeDrafts: false });
      const root = path.basename(content.dir);
      expect(index.problems.filter((p) => p.code === 'near_miss_name').map((p) => p.format())).toEqual([
        `${root}/news/2026/02/tokaev.markdown:1: Файл «tokaev.markdown» не публикуется: статьи — это файлы с окончанием .ru.md, .kk.md или .en.md. Переименуйте его в «tokaev.ru.md».`,
        `${root}/news/kazakh.kk.MD:1: Файл «kazakh.kk.MD» не публикуется: статьи — это файлы с окончанием .ru.md, .kk.md или .en.md. Переименуйте его в «kazakh.kk.md».`,
      ]);
    } finally {
      await content.remove();
    }
  });
});
