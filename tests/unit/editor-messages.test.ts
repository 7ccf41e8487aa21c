import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/parse-article.js';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import { VALID } from '../helpers.js';
import { indexOf } from './index-of.js';

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

  it('title: #Казахстан2050 read as an empty field: quotes, not «Обязательное поле не заполнено»', () => {
    expect(problems(file('title: #Казахстан2050 — цель страны'))).toEqual([
      'content/news/x.ru.md:2:1 title: Знак «#» в начале значения или после пробела начинает в YAML комментарий, и всё после него пропадает: поле прочитано пустым или обрезанным. Возьмите всё значение в двойные кавычки: title: "#Казахстан2050 — цель страны"',
    ]);
    expect(problems(file('title: #Казахстан2050'), 'en')).toEqual([
      'content/news/x.ru.md:2:1 title: A "#" at the start of a value or after a space starts a YAML comment, and everything after it is lost: the field was read empty or cut short. Put the whole value in double quotes: title: "#Казахстан2050"',
    ]);
  });

  it('a hashtag after a word cuts the value short: quotes; a comment after a space and # is left alone', () => {
    expect(problems(file('title: Цель #Казахстан2050'))).toEqual([
      'content/news/x.ru.md:2:8 title: Знак «#» в начале значения или после пробела начинает в YAML комментарий, и всё после него пропадает: поле прочитано пустым или обрезанным. Возьмите всё значение в двойные кавычки: title: "Цель #Казахстан2050"',
    ]);
    expect(problems(file('title: Цель # комментарий редактора'))).toEqual([]);
  });

  it('a value starting with & or ! (read as an anchor or a tag, its first word lost): quotes', () => {
    expect(problems(file('title: &Co объявила итоги'))).toEqual([
      'content/news/x.ru.md:2:8 title: Значение начинается со знака «&», который в YAML значит другое. Возьмите всё значение в двойные кавычки: title: "&Co объявила итоги"',
    ]);
    expect(problems(file('title: !Важно итоги'))[0]).toMatch(/Значение начинается со знака «!».*title: "!Важно итоги"$/);
    expect(problems(file('title: !important news'), 'en')).toEqual([
      'content/news/x.ru.md:2:8 title: The value starts with "!", which means something else in YAML. Put the whole value in double quotes: title: "!important news"',
    ]);
  });

  it('a value starting with @, `, *, %, | or > : quotes, in Kazakh too', () => {
    for (const char of ['@', '`', '*', '%', '|', '>']) {
      expect(problems(file(`title: ${char}dknews жазады`), 'kk' as 'ru')).toEqual([
        expect.stringMatching(new RegExp(`title: Мән «\\${char}» белгісінен басталады, ал YAML-да оның басқа мағынасы бар\\. Мәнді толығымен қос тырнақшаға алыңыз: title: "\\${char}dknews жазады"$`)),
      ]);
    }
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
    const content = await MemorySource.copyOf(diskSource(VALID), 'content');
    content.write('news/rounds.ru.md', file('title: Раунды', '[плохо](javascript:alert(1))\n\n[нет такой](/ru/news/first-stori)'));
    const index = await indexOf(content);
    expect(index.problems.filter((p) => p.file.endsWith('rounds.ru.md')).map((p) => p.format())).toEqual([
      'content/news/rounds.ru.md:7 body: Ссылка «javascript:alert(1)» недопустима: разрешены адреса http(s)://, mailto:, tel: и пути сайта, начинающиеся с «/».',
      'content/news/rounds.ru.md:9 body: Ссылка «/ru/news/first-stori» ведёт на статью, которой нет. Может быть, «/ru/news/first-story»? Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.',
    ]);
  });
});

describe('files named almost like an article', () => {
  it('get a note with the name they should have', async () => {
    const content = await MemorySource.copyOf(diskSource(VALID), 'content');
    content.write('news/2026/02/tokaev.markdown', file('title: Заголовок'));
    content.write('news/kazakh.kk.MD', file('title: Тақырып'));
    content.write('news/backup.ru.md~', file('title: Копия'));
    const index = await indexOf(content);
    expect(index.problems.filter((p) => p.code === 'near_miss_name').map((p) => p.format())).toEqual([
      'content/news/2026/02/tokaev.markdown:1: Файл «tokaev.markdown» не публикуется: статьи — это файлы с окончанием .ru.md, .kk.md или .en.md. Переименуйте его в «tokaev.ru.md».',
      'content/news/kazakh.kk.MD:1: Файл «kazakh.kk.MD» не публикуется: статьи — это файлы с окончанием .ru.md, .kk.md или .en.md. Переименуйте его в «kazakh.kk.md».',
    ]);
  });
});
