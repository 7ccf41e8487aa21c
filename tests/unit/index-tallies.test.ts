import { describe, expect, it } from 'vitest';
import { buildIndex, type BuiltIndex } from '../../src/sync/build-index.js';
import { loadContent } from '../../src/sync/load.js';
import type { ContentSources } from '../../src/parse/types.js';
import { ContentIndex, type ListOf } from '../../src/index/content-index.js';
import { docTerms } from '../../src/index/doc-terms.js';
import { IndexWriter } from '../../src/index/writer.js';
import { LANGS } from '../../src/i18n/languages.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

// Counts and latest changes come from tallies and walks down an index, not from a scan: they
// must agree with the lists themselves whatever the writer did (drafts, duplicates, scheduled
// articles, files removed and edited), at any moment.

const valid = await loadContent(VALID);
const article = (relativePath: string, fields: string) => ({ file: `content/${relativePath}`, relativePath, text: `---\n${fields}\n---\nТекст.\n` });
const story = (name: string, { date, updated, author = 'anna', topics = '[economy]', extra = '' }: { date: string; updated?: string; author?: string; topics?: string; extra?: string }) =>
  article(`news/${name}`, [`title: ${name}`, `date: ${date}`, updated ? `updated: ${updated}` : '', `author: ${author}`, `topics: ${topics}`, extra].filter(Boolean).join('\n'));

const sources: ContentSources = {
  ...valid,
  authors: { ...valid.authors!, text: `${valid.authors!.text}\nboris:\n  name: { ru: Борис Ким, kk: Борис Ким, en: Boris Kim }\n  role: { ru: Редактор, kk: Редактор, en: Editor }\n` },
  articles: [
    story('a.ru.md', { date: '2026-01-10', topics: '[economy, politics]' }),
    story('b.ru.md', { date: '2026-01-12', updated: '2026-01-30T10:00', author: 'boris' }),
    story('c.ru.md', { date: '2026-01-20', topics: '[politics]' }),
    // The same moment as c: lists and sitemap parts order them by slug.
    story('h.ru.md', { date: '2026-01-20', author: 'boris', topics: '[politics]' }),
    // Scheduled: counted in the tallies, not yet in the lists.
    story('d.ru.md', { date: '2026-03-01', topics: '[politics]', author: 'boris' }),
    story('e.ru.md', { date: '2026-01-15', extra: 'draft: true' }),
    // The same slug twice: only the first by path is shown.
    story('x/f.ru.md', { date: '2026-01-05' }),
    story('y/f.ru.md', { date: '2026-01-28', author: 'boris' }),
    story('a.en.md', { date: '2026-01-11' }),
    story('g.kk.md', { date: '2026-02-20', author: 'boris' }),
  ],
};

const lists = (index: ContentIndex): [string, ListOf][] =>
  LANGS.flatMap((lang) => [[lang, {}] as [string, ListOf], ...[...index.topics.keys()].map((topic) => [lang, { topic }] as [string, ListOf]), ...[...index.authors.keys()].map((author) => [lang, { author }] as [string, ListOf])]);

/** Each sitemap part's latest change, as the index answers it and as the part's own URLs say, for parts of 1 to 3. */
function parts(index: ContentIndex) {
  return LANGS.flatMap((lang) =>
    [1, 2, 3].flatMap((limit) =>
      Array.from({ length: Math.ceil(index.count(lang) / limit) + 1 }, (_, part) => {
        const urls = index.articleUrls(lang, part * limit, limit);
        return {
          part: `${lang} ${part + 1} of ${limit}`,
          answered: index.partChanged(lang, part * limit, limit)?.getTime(),
          recounted: urls.length ? Math.max(...urls.map((u) => u.changed.getTime())) : undefined,
        };
      }),
    ),
  );
}

/** Each list's count and latest change, as the index answers them and as its own articles say. */
function both(index: ContentIndex) {
  return lists(index).map(([lang, of]) => {
    const articles = index.list(lang as 'ru', of, 0, 1000);
    const newest = Math.max(...articles.map((a) => (a.updated ?? a.date).getTime()));
    return {
      list: `${lang} ${JSON.stringify(of)}`,
      answered: { count: index.count(lang as 'ru', of), changed: index.lastChange(lang as 'ru', of)?.getTime() },
      recounted: { count: articles.length, changed: articles.length ? newest : undefined },
    };
  });
}

const at = (built: ContentIndex, now: Date) => new ContentIndex(built.queries, { site: built.site, authors: [...built.authors.values()], topics: [...built.topics.values()], media: [], pages: [] }, 2, now);

describe('counts and latest changes of every list and sitemap part', () => {
  let built: BuiltIndex;

  it('agree with the lists after a first index, before and after a scheduled article appears', async () => {
    built = await buildIndex(sources, { now: FIXTURE_NOW, includeDrafts: false });
    for (const row of both(built)) expect(row.answered, row.list).toEqual(row.recounted);
    for (const row of parts(built)) expect(row.answered, row.part).toEqual(row.recounted);
    expect(built.count('ru')).toBe(5);
    expect(built.count('ru', { author: 'boris' })).toBe(2);
    expect(built.lastChange('ru')).toEqual(new Date('2026-01-30T05:00:00Z'));
    const later = at(built, new Date('2026-03-02T00:00:00Z'));
    for (const row of both(later)) expect(row.answered, row.list).toEqual(row.recounted);
    for (const row of parts(later)) expect(row.answered, row.part).toEqual(row.recounted);
    expect(later.count('ru', { topic: 'politics' })).toBe(4);
    expect(later.lastChange()).toEqual(new Date('2026-02-28T19:00:00Z'));
  });

  it('agree with the lists after files are removed and edited', async () => {
    const edited = await buildIndex(
      { ...sources, articles: [story('c.ru.md', { date: '2026-01-31', topics: '[economy]', author: 'boris' }), story('g.kk.md', { date: '2026-01-21', extra: 'draft: true' })] },
      { now: FIXTURE_NOW, includeDrafts: false },
    );
    const writer = new IndexWriter(built.queries.db, false);
    const put = ['news/c.ru.md', 'news/g.kk.md'].map((rel) => {
      const good = edited.lastGood.get(rel)!;
      const body = { html: '<p>Текст.</p>', text: 'Текст.' };
      return { rel, good, body, terms: docTerms(good.article, body, { authors: {}, topics: {} }) };
    });
    // The shown f goes: the other file of that slug takes its place.
    writer.apply({ put, remove: ['news/x/f.ru.md', 'news/a.en.md'] });
    const now = at(built, FIXTURE_NOW);
    for (const row of both(now)) expect(row.answered, row.list).toEqual(row.recounted);
    for (const row of parts(now)) expect(row.answered, row.part).toEqual(row.recounted);
    expect(now.count('ru', { author: 'boris' })).toBe(4);
    expect(now.count('en')).toBe(0);
    expect(now.lastChange('en')).toBeUndefined();
    expect(now.count('kk')).toBe(0);
  });
});
