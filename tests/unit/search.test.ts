import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/sync/build-index.js';
import { loadContent } from '../../src/sync/load.js';
import { kazakhStem } from '../../src/index/kazakh-stem.js';
import { normalizeQuery, search } from '../../src/search/search-index.js';
import { highlight, snippet } from '../../src/search/snippet.js';
import { CONTENT, FIXTURE_NOW, VALID } from '../helpers.js';

const seed = await buildIndex(await loadContent(CONTENT), { now: new Date('2026-11-23T00:00:00Z'), includeDrafts: false });
const fixture = await buildIndex(await loadContent(VALID), { now: FIXTURE_NOW, includeDrafts: false });
const slugs = async (lang: 'ru' | 'kk' | 'en', query: string, index = seed) => (await search(index, lang, query)).hits.map((h) => h.article.slug);
const SEED = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';

describe('Russian search finds every inflected form', () => {
  it.each(['сотрудничество', 'сотрудничества', 'сотрудничеству', 'Казахстану', 'Казахстан', 'казахстанский', 'провинции', 'Цзянсу', 'курултая', 'товарооборот', 'ёмких', 'емких'])(
    '«%s» finds the seed article',
    async (query) => expect(await slugs('ru', query)).toEqual([SEED]),
  );

  it('needs every word of the query', async () => {
    expect(await slugs('ru', 'Нанкин переговоры')).toEqual([SEED]);
    expect(await slugs('ru', 'Нанкин футбол')).toEqual([]);
  });

  it('searches the author and the topics too', async () => {
    expect(await slugs('ru', 'Коржумбаев')).toEqual([SEED]);
    expect(await slugs('ru', 'международные отношения')).toEqual([SEED]);
  });
});

describe('Kazakh and English search', () => {
  it.each(['Қазақстан', 'Қазақстанның', 'ынтымақтастық', 'ынтымақтастықты', 'провинциясы'])('Kazakh «%s» finds the seed article', async (query) => {
    expect(await slugs('kk', query)).toEqual([SEED]);
  });

  it.each(['cooperation', 'cooperate', 'provinces', 'Jiangsu', 'Kazakhstan'])('English “%s” finds the seed article', async (query) => {
    expect(await slugs('en', query)).toEqual([SEED]);
  });

  it('strips Kazakh endings but keeps a stem of three letters', () => {
    expect(kazakhStem('қазақстанның')).toBe('қазақстан');
    expect(kazakhStem('өңірлерімен')).toBe('өңір');
    expect(kazakhStem('ана')).toBe('ана');
  });
});

describe('ranking', () => {
  it('puts a title match above a body match, and the newer first among equals', async () => {
    // «Вторая» is the second story's title; «Второй абзац» is in the first story's body.
    expect(await slugs('ru', 'вторая', fixture)).toEqual(['second-story', 'first-story']);
    // «новость» is in both titles, so the newer comes first.
    expect(await slugs('ru', 'новость', fixture)).toEqual(['second-story', 'first-story']);
    expect(await slugs('ru', 'абзац', fixture)).toEqual(['first-story']);
  });
});

describe('queries', () => {
  it('are one line of at most 200 characters', () => {
    expect(normalizeQuery(`  Казахстан\n\tКитай  `)).toBe('Казахстан Китай');
    expect([...normalizeQuery('я'.repeat(10_000))]).toHaveLength(200);
    expect(normalizeQuery(['первый', 'второй'])).toBe('первый');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery('\ufffd\u0000<script>')).toBe('<script>');
  });

  it('with only punctuation or markup find nothing and never fail', async () => {
    expect(await slugs('ru', '"\'<>&;--')).toEqual([]);
    expect(await slugs('ru', '<script>alert(1)</script>')).toEqual([]);
  });
});

describe('an index kept up to date version by version', () => {
  it('finds each article once and in its latest words, through many edits and a fresh rebuild', async () => {
    const valid = await loadContent(VALID);
    const story = (word: string) => ({
      file: 'content/news/live.ru.md',
      relativePath: 'news/live.ru.md',
      text: `---\ntitle: Новость про ${word}\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [economy]\n---\nТекст.\n`,
    });
    const words = ['яблоки', 'груши', 'сливы', 'вишни', 'персики', 'абрикосы', 'дыни', 'арбузы', 'лимоны', 'апельсины', 'мандарины', 'бананы', 'киви', 'финики', 'инжир'];
    let previous: Awaited<ReturnType<typeof buildIndex>> | undefined;
    for (const [i, word] of words.entries()) {
      const index = await buildIndex({ ...valid, articles: [...valid.articles, story(word)] }, { now: FIXTURE_NOW, includeDrafts: false, lastGood: previous?.lastGood });
      expect(await slugs('ru', word, index)).toEqual(['live']);
      if (i > 0) expect(await slugs('ru', words[i - 1]!, index)).toEqual([]);
      expect((await slugs('ru', 'новость', index)).sort()).toEqual(['first-story', 'live', 'second-story']);
      previous = index;
    }
  });
});

describe('snippets', () => {
  it('mark the matching words and leave everything else as it is, for the template to escape', () => {
    expect(highlight('Казахстан и <Китай> & Казахстану', ['казахста'], 'ru')).toEqual([
      { text: 'Казахстан', mark: true },
      { text: ' и <Китай> & ', mark: false },
      { text: 'Казахстану', mark: true },
    ]);
  });

  it('show a passage around the first match', () => {
    const text = `${'слово '.repeat(50)}Цзянсу ${'конец '.repeat(50)}`;
    expect(snippet(text, ['цзянс'], 'ru', 12)).toEqual([
      { text: `… ${'слово '.repeat(4)}`, mark: false },
      { text: 'Цзянсу', mark: true },
      { text: ` ${'конец '.repeat(7).trim()} …`, mark: false },
    ]);
  });
});

describe('queries that would cost too much', () => {
  it('match one- and two-letter words whole, not as prefixes', async () => {
    // «в» is no prefix of «взаимодействие»: a lone short word finds only itself.
    expect(await slugs('ru', 'Цзянсу в')).toEqual([SEED]);
    expect((await search(seed, 'ru', 'ц')).hits).toEqual([]);
  });

  it('count at most eight words: the ninth and later change nothing', async () => {
    const eight = 'Казахстан Китай провинции Цзянсу сотрудничество курултая товарооборот Нанкин';
    expect(await slugs('ru', eight)).toEqual([SEED]);
    expect(await slugs('ru', `${eight} футбол`)).toEqual([SEED]);
  });
});

describe('«did you mean» when nothing is found', () => {
  it('suggests the nearest words the index knows, within two edits', () => {
    expect(search(seed, 'ru', 'сотрудничетво')).toMatchObject({ total: 0, suggestion: 'сотрудничество' });
    expect(search(seed, 'ru', 'Казахтан Нанкин')).toMatchObject({ total: 0, suggestion: 'казахстан нанкин' });
  });

  it('suggests nothing when no known word is near, or when the nearest query finds nothing either', () => {
    expect(search(seed, 'ru', 'абракадабра').suggestion).toBeUndefined();
    expect(search(seed, 'ru', 'Нанкин футбол').suggestion).toBeUndefined();
  });
});
