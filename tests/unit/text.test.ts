import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/parse/dates.js';
import { renderBody } from '../../src/parse/markdown.js';
import { splitFrontMatter, parseYaml } from '../../src/parse/frontmatter.js';
import { nearest } from '../../src/parse/nearest.js';
import { articleFileName } from '../../src/parse/slug.js';
import { slugify } from '../../src/text/slug.js';
import { describe as metaDescription } from '../../src/seo/description.js';
import { typeset } from '../../src/text/typography.js';
import { headline, jsonLd } from '../../src/seo/json-ld.js';

describe('parseIsoDate', () => {
  it.each([
    ['2026-01-27T10:00', '2026-01-27T05:00:00.000Z'],
    ['2026-01-27', '2026-01-26T19:00:00.000Z'],
    ['2026-01-27T10:00:30+03:00', '2026-01-27T07:00:30.000Z'],
    ['2026-01-27T10:00Z', '2026-01-27T10:00:00.000Z'],
    ['2026-01-27 10:00+0500', '2026-01-27T05:00:00.000Z'],
  ])('reads %s', (input, expected) => expect(parseIsoDate(input)?.toISOString()).toBe(expected));

  it.each(['2026-02-30', '2026-13-01', '27.01.2026', '2026-01-27T25:00', 'вчера', ''])('rejects %j', (input) => {
    expect(parseIsoDate(input)).toBeUndefined();
  });
});

describe('slugs', () => {
  it('transliterates the seed title the way the agency does', () => {
    expect(slugify('Казахстан усиливает сотрудничество с одной из самых богатых провинций Китая')).toBe(
      'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya',
    );
  });

  it('transliterates х, ц, й, ю, я and Kazakh letters', () => {
    expect(slugify('Хлеб, цирк: йод и юла — я! Қазақстан, Өскемен')).toBe('hleb-cirk-yod-i-yula-ya-kazakstan-oskemen');
  });

  it('takes slug and language from a file name in any folder', () => {
    expect(articleFileName('news/2026/01/some-title.kk.md')).toEqual({ slug: 'some-title', lang: 'kk' });
    expect(articleFileName('news/Some_Title.ru.md')).toBeUndefined();
    expect(articleFileName('news/some-title.de.md')).toBeUndefined();
    expect(articleFileName('news/some-title.md')).toBeUndefined();
  });
});

describe('front matter', () => {
  it('splits fields from body and counts lines', () => {
    expect(splitFrontMatter('---\ntitle: x\n---\nТекст\n')).toEqual({ frontMatter: 'title: x', frontMatterLine: 2, body: 'Текст\n', bodyLine: 4 });
  });

  it('ignores a byte order mark and CRLF line ends', () => {
    expect(splitFrontMatter('\uFEFF---\r\ntitle: x\r\n---\r\nТекст')).toMatchObject({ frontMatter: 'title: x', body: 'Текст' });
  });

  it('locates nested fields in the file', () => {
    const yaml = parseYaml('title: x\nimage:\n  src: a.png\n  alt: b\n', 2);
    expect(yaml.locate(['image', 'alt'])).toEqual({ line: 5, column: 3 });
    expect(yaml.locate(['image', 'credit'])).toEqual({ line: 3, column: 1 });
  });
});

describe('typeset', () => {
  it('turns a spaced hyphen into an em dash held to the word before', () => {
    expect(typeset('Нанкин - центр', 'ru')).toBe('Нанкин\u00a0— центр');
  });

  it('keeps numbers with their units and short words with the next word', () => {
    expect(typeset('достиг 2,03 трлн долларов в стране', 'ru')).toBe('достиг 2,03\u00a0трлн долларов в\u00a0стране');
  });

  it('uses a spaced en dash in English and no short-word rule', () => {
    expect(typeset('Nanjing - the centre of a province', 'en')).toBe('Nanjing\u00a0– the centre of a province');
  });

  it('never changes a hyphen inside a word', () => {
    expect(typeset('торгово-экономическое', 'ru')).toBe('торгово-экономическое');
  });
});

describe('passages in another language', () => {
  it('marks Kazakh words in a Russian article with lang="kk"', () => {
    expect(renderBody('платформы - «Қазақстанның Халық Кеңесі», а также', 'ru').html).toBe(
      '<p>платформы\u00a0— «<span lang="kk">Қазақстанның Халық Кеңесі</span>», а\u00a0также</p>\n',
    );
  });

  it('marks Cyrillic words in an English article as Kazakh or Russian', () => {
    expect(renderBody('the Akorda («Ақорда») in Москва', 'en').html).toBe('<p>the Akorda («<span lang="kk">Ақорда</span>») in <span lang="ru">Москва</span></p>\n');
  });

  it('leaves Kazakh articles as they are', () => {
    expect(renderBody('Қазақстан мен Ресей', 'kk').html).toBe('<p>Қазақстан мен Ресей</p>\n');
  });
});

describe('helpers', () => {
  it('suggests the nearest known id', () => {
    expect(nearest('ekonomika', ['economy', 'politics'])).toBe('economy');
    expect(nearest('zzzzzz', ['economy', 'politics'])).toBeUndefined();
  });

  it('cuts a NewsArticle headline on a word at 110 characters', () => {
    const long = `${'слово '.repeat(30)}конец`;
    expect(headline(long)).toBe(`${'слово '.repeat(18).trim()}…`);
    expect(headline(long).length).toBeLessThanOrEqual(110);
    expect(headline('Короткий')).toBe('Короткий');
  });

  it('writes JSON-LD that cannot close its script element', () => {
    const text = jsonLd({ headline: '</script><!-- & \u2028' });
    expect(text).toBe('{"headline":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(JSON.parse(text)).toEqual({ headline: '</script><!-- & \u2028' });
  });

  it('cuts a meta description on a word', () => {
    expect(metaDescription('Один два три четыре', 12)).toBe('Один два…');
    expect(metaDescription('Коротко.', 160)).toBe('Коротко.');
  });
});
