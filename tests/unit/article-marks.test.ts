import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/parse-article.js';

const context = { authors: ['anna'], topics: ['economy'], media: new Set<string>() };

/** An article file of a few lines: the front matter's extra lines, then the body. */
function parse(more: string, body = 'Текст.') {
  const text = `---\ntitle: Заголовок\ndate: 2026-01-27T10:00\nauthor: anna\ntopics: [economy]\n${more}\n---\n${body}\n`;
  return parseArticle({ file: 'content/news/x.ru.md', relativePath: 'news/x.ru.md', text }, context);
}

const messages = (result: ReturnType<typeof parse>, lang: 'ru' | 'kk' | 'en' = 'ru') => result.problems.map((p) => p.format(lang));

describe('breaking', () => {
  it('is a field the schema knows: breaking: true marks the article', () => {
    const { article, problems } = parse('breaking: true');
    expect(problems).toEqual([]);
    expect(article!.breaking).toBe(true);
  });

  it('leaves an article without it unmarked', () => expect(parse('').article!.breaking).toBeUndefined());

  it('is true or false: anything else is reported at its line', () => {
    expect(messages(parse('breaking: да'))).toEqual(['content/news/x.ru.md:6:1 breaking: Нужно true или false, а указано «да».']);
  });
});

describe('corrections', () => {
  it('are read with their dates in Almaty time, in the order written', () => {
    const { article, problems } = parse('corrections:\n  - date: 2026-01-27T15:40\n    text: Исправлена фамилия министра.\n  - date: 2026-01-28T09:00\n    text: Уточнена сумма.');
    expect(problems).toEqual([]);
    expect(article!.corrections).toEqual([
      { date: new Date('2026-01-27T10:40:00Z'), text: 'Исправлена фамилия министра.' },
      { date: new Date('2026-01-28T04:00:00Z'), text: 'Уточнена сумма.' },
    ]);
  });

  it('each need a date and a text: every missing one is named at its entry, in the editor’s language', () => {
    const result = parse('corrections:\n  - text: Без даты.\n  - date: 2026-01-28T09:00');
    expect(messages(result)).toEqual([
      'content/news/x.ru.md:7:5 corrections.0: У исправления нет даты: добавьте «date: 2026-01-27T15:40» — когда исправили (время Астаны).',
      'content/news/x.ru.md:8:5 corrections.1: У исправления нет текста: добавьте «text: …» — что было неверно и что исправлено, одной-двумя фразами.',
    ]);
    expect(messages(result, 'kk')[0]).toBe('content/news/x.ru.md:7:5 corrections.0: Түзетудің күні жоқ: «date: 2026-01-27T15:40» қосыңыз — қашан түзетілді (Астана уақыты).');
    expect(messages(result, 'en')[1]).toBe('content/news/x.ru.md:8:5 corrections.1: The correction has no text: add "text: …", what was wrong and what was corrected, in a sentence or two.');
    expect(result.article).toBeUndefined();
  });

  it('have a real date, not before publication', () => {
    expect(messages(parse('corrections:\n  - date: вчера\n    text: Поправка.\n  - date: 2026-01-26T10:00\n    text: Поправка.'))).toEqual([
      'content/news/x.ru.md:7:5 corrections.0.date: Дата «вчера» не распознана. Пишите в формате ISO 8601: 2026-01-27T10:00 (время Астаны) или 2026-01-27T10:00+05:00.',
      'content/news/x.ru.md:9:5 corrections.1.date: Исправление датировано 2026-01-26T10:00, раньше публикации (2026-01-27T10:00). Исправляют уже опубликованное: проверьте дату.',
    ]);
  });

  it('are a list of date and text pairs, not one line', () => {
    expect(messages(parse('corrections:\n  - Исправлена фамилия.'))).toEqual([
      'content/news/x.ru.md:7:5 corrections.0: Каждое исправление — это дата и текст, каждое на своей строке: «- date: 2026-01-27T15:40», под ним с отступом «  text: Что исправлено».',
    ]);
  });
});

describe('sponsored', () => {
  it('names the advertiser and, where given, the erid', () => {
    const { article, problems } = parse('sponsored:\n  advertiser: ТОО «Ромашка»\n  erid: 2VtzqwXYZ');
    expect(problems).toEqual([]);
    expect(article!.sponsored).toEqual({ advertiser: 'ТОО «Ромашка»', erid: '2VtzqwXYZ' });
  });

  it('an erid without an advertiser is an error with its own advice', () => {
    expect(messages(parse('sponsored:\n  erid: 2VtzqwXYZ'))).toEqual([
      'content/news/x.ru.md:6:1 sponsored: Указан erid 2VtzqwXYZ, но не указан рекламодатель. Маркировка рекламы — это и идентификатор, и рекламодатель: добавьте «advertiser: ТОО «Название»» рядом с erid.',
    ]);
  });

  it('sponsored: true says how to write the advertiser', () => {
    expect(messages(parse('sponsored: true'), 'en')).toEqual([
      'content/news/x.ru.md:6:1 sponsored: The field sponsored holds nested fields: "sponsored:", then, indented, "  advertiser: Advertiser LLP" and, when one was issued, "  erid: 2VtzqxXXXXX".',
    ]);
  });

  it('marks the body’s links to other sites rel="sponsored", and leaves the site’s own alone', () => {
    const { body } = parse('sponsored:\n  advertiser: ТОО «Ромашка»', '[Магазин](https://shop.example/) и [наша статья](/ru/news/y).');
    expect(body!.html).toContain('<a href="https://shop.example/" rel="sponsored">Магазин</a>');
    expect(body!.html).toContain('<a href="/ru/news/y">');
  });
});

describe('live coverage', () => {
  const updates = '## 14:35 Третье\n\nТекст третьего.\n\n## 12:10 Второе\n\nТекст второго.\n\n## 10:05 Первое\n\nТекст первого.';

  it('turns `## HH:MM Title` sections into updates with their anchor and <time>, newest first', () => {
    const { article, body, problems } = parse('live: true', `Вступление.\n\n${updates}`);
    expect(problems).toEqual([]);
    expect(article!.live).toEqual({ on: true, latest: new Date('2026-01-27T09:35:00Z'), updates: 3 });
    expect(body!.html).toBe(
      '<p>Вступление.</p>\n' +
        '<section class="live-update" id="update-20260127-1435">\n<h2><time datetime="2026-01-27T14:35:00+05:00">14:35</time> Третье</h2>\n<p>Текст третьего.</p>\n</section>\n' +
        '<section class="live-update" id="update-20260127-1210">\n<h2><time datetime="2026-01-27T12:10:00+05:00">12:10</time> Второе</h2>\n<p>Текст второго.</p>\n</section>\n' +
        '<section class="live-update" id="update-20260127-1005">\n<h2><time datetime="2026-01-27T10:05:00+05:00">10:05</time> Первое</h2>\n<p>Текст первого.</p>\n</section>\n',
    );
  });

  it('puts a time without a date on the next day when it goes back past midnight', () => {
    const { article, body } = parse('live: true', '## 00:40 После полуночи\n\nТекст.\n\n## 23:50 До полуночи\n\nТекст.\n\n## 22:00 Начало\n\nТекст.');
    expect(article!.live!.latest).toEqual(new Date('2026-01-27T19:40:00Z'));
    expect(body!.html).toContain('<section class="live-update" id="update-20260128-0040">\n<h2><time datetime="2026-01-28T00:40:00+05:00">28 января, 00:40</time> После полуночи</h2>');
    expect(body!.html).toContain('<time datetime="2026-01-27T23:50:00+05:00">23:50</time>');
  });

  it('reads a full date and time, and a day-month-year one', () => {
    const { article, problems } = parse('live: true', '## 2026-01-29 08:15 Утро третьего дня\n\nТекст.\n\n## 28.01.2026 18:00 Вечер\n\nТекст.\n\n## 11:00 Начало\n\nТекст.');
    expect(problems).toEqual([]);
    expect(article!.live!.latest).toEqual(new Date('2026-01-29T03:15:00Z'));
  });

  it('reports a time that is not a time, at its line', () => {
    expect(messages(parse('live: true', '## 25:70 Неверное время\n\nТекст.\n\n## 2026-02-30 10:00 Нет такого дня\n\nТекст.'))).toEqual([
      'content/news/x.ru.md:8 body: «25:70» в заголовке обновления — не время. Обновление трансляции начинается с времени: «## 14:35 Заголовок» или с даты и времени: «## 2026-01-28 09:10 Заголовок».',
      'content/news/x.ru.md:12 body: «2026-02-30 10:00» в заголовке обновления — не время. Обновление трансляции начинается с времени: «## 14:35 Заголовок» или с даты и времени: «## 2026-01-28 09:10 Заголовок».',
    ]);
  });

  it('reports a dated update written above a later one', () => {
    expect(messages(parse('live: true', '## 2026-01-27 11:00 Раньше\n\nТекст.\n\n## 2026-01-27 12:00 Позже\n\nТекст.'))).toEqual([
      'content/news/x.ru.md:8 body: Обновление 2026-01-27 11:00 выше более позднего 2026-01-27 12:00: новые обновления пишут сверху. Переставьте его ниже или исправьте время.',
    ]);
  });

  it('keeps a heading without a time an ordinary subheading', () => {
    const { body } = parse('live: true', '## Главное\n\nТекст.\n\n## 10:05 Первое\n\nТекст.');
    expect(body!.html.startsWith('<h2>Главное</h2>\n<p>Текст.</p>\n<section class="live-update"')).toBe(true);
  });

  it('leaves the headings of an article that is not live as they are', () => {
    expect(parse('', '## 14:35 Заголовок\n\nТекст.').body!.html).toBe('<h2>14:35\u00a0Заголовок</h2>\n<p>Текст.</p>\n');
  });

  it('ends at live_until, which must come after the date and needs live', () => {
    expect(parse('live: true\nlive_until: 2026-01-27T20:00', updates).article!.live!.until).toEqual(new Date('2026-01-27T15:00:00Z'));
    expect(messages(parse('live: true\nlive_until: 2026-01-26T20:00', updates))).toEqual([
      'content/news/x.ru.md:7:1 live_until: Трансляция заканчивается (2026-01-26T20:00) раньше, чем начинается статья (2026-01-27T10:00). Проверьте live_until.',
    ]);
    expect(messages(parse('live_until: 2026-01-27T20:00', updates), 'en')).toEqual([
      'content/news/x.ru.md:6:1 live_until: live_until is given without "live: true": only live coverage has an end. Add "live: true" or remove live_until.',
    ]);
  });

  it('live: false keeps the updates: the coverage has ended', () => {
    expect(parse('live: false', updates).article!.live).toEqual({ on: false, latest: new Date('2026-01-27T09:35:00Z'), updates: 3 });
  });
});
