import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ContentStore as Store } from '../../src/sync/store.js';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import type { ContentStore } from '../../src/sync/store.js';
import { ContentIndex, type ListOf } from '../../src/index/content-index.js';
import { LANGS } from '../../src/i18n/languages.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';
import { storeOf } from './index-of.js';

// Counts and latest changes come from tallies and walks down an index, not from a scan: they
// must agree with the lists themselves whatever the writer did (drafts, duplicates, scheduled
// articles, files removed and edited), at any moment.

const story = (name: string, { date, updated, author = 'anna', topics = '[economy]', extra = '' }: { date: string; updated?: string; author?: string; topics?: string; extra?: string }): [string, string] => [
  `news/${name}`,
  `---\n${[`title: ${name}`, `date: ${date}`, updated ? `updated: ${updated}` : '', `author: ${author}`, `topics: ${topics}`, extra].filter(Boolean).join('\n')}\n---\nТекст.\n`,
];

// The valid fixture's site files with another author, and these articles instead of its own.
const source = await MemorySource.copyOf(diskSource(VALID), 'content');
for (const rel of (await source.list('news')).articles) source.remove(rel);
source.write('authors.yml', `${source.text('authors.yml')}\nboris:\n  name: { ru: Борис Ким, kk: Борис Ким, en: Boris Kim }\n  role: { ru: Редактор, kk: Редактор, en: Editor }\n`);
for (const [rel, text] of [
  story('a.ru.md', { date: '2026-01-10', topics: '[economy, politics]' }),
  story('b.ru.md', { date: '2026-01-12', updated: '2026-01-30T10:00', author: 'boris' }),
  story('c.ru.md', { date: '2026-01-20', topics: '[politics]' }),
  // The same moment as c: lists and sitemap parts order them by slug.
  story('h.ru.md', { date: '2026-01-20', author: 'boris', topics: '[politics]' }),
  // Scheduled: counted in the tallies, not yet in the lists.
  story('d.ru.md', { date: '2026-03-01', topics: '[politics]', author: 'boris' }),
  story('e.ru.md', { date: '2026-01-15', extra: 'draft: true' }),
  // The same slug twice: only the older is shown.
  story('x/f.ru.md', { date: '2026-01-05' }),
  story('y/f.ru.md', { date: '2026-01-28', author: 'boris' }),
  story('a.en.md', { date: '2026-01-11' }),
  story('g.kk.md', { date: '2026-02-20', author: 'boris' }),
]) source.write(rel, text);

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
  let store: ContentStore;

  it('agree with the lists after a first index, before and after a scheduled article appears', async () => {
    store = storeOf(source);
    const built = await store.load();
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
    source.write(...story('c.ru.md', { date: '2026-01-31', topics: '[economy]', author: 'boris' })).write(...story('g.kk.md', { date: '2026-01-21', extra: 'draft: true' }));
    // The shown f goes: the other file of that slug takes its place.
    source.remove('news/x/f.ru.md').remove('news/a.en.md');
    await store.reload();
    const now = at(store.index, FIXTURE_NOW);
    for (const row of both(now)) expect(row.answered, row.list).toEqual(row.recounted);
    for (const row of parts(now)) expect(row.answered, row.part).toEqual(row.recounted);
    expect(now.count('ru', { author: 'boris' })).toBe(4);
    expect(now.count('en')).toBe(0);
    expect(now.lastChange('en')).toBeUndefined();
    expect(now.count('kk')).toBe(0);
  });
});

describe('a fresh index loaded in bulk (a tool that serves nobody: indexes, tallies and claims made at its end)', () => {
  it('answers as an index written row by row: the same counts, the same shown file of a slug, the same problems', async () => {
    // The files as above, with the other f back (the tests above removed it).
    const mine = (await MemorySource.copyOf(source, 'content')).write(...story('x/f.ru.md', { date: '2026-01-05' }));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-bulk-'));
    const bulk = new Store({ source: mine, dataDir, includeDrafts: false, logger: pino({ level: 'silent' }), now: () => FIXTURE_NOW, readWhileBuilding: false });
    try {
      const built = await bulk.load();
      const rowByRow = await storeOf(mine).load();
      for (const row of both(built)) expect(row.answered, row.list).toEqual(row.recounted);
      expect(both(built)).toEqual(both(rowByRow));
      expect(built.list('ru', {}, 0, 100).map((a) => a.file)).toEqual(rowByRow.list('ru', {}, 0, 100).map((a) => a.file));
      expect(built.problems.map((p) => p.format('en'))).toEqual(rowByRow.problems.map((p) => p.format('en')));
      expect(built.problems.map((p) => [p.code, p.file])).toContainEqual(['duplicate_slug', 'content/news/y/f.ru.md']);
    } finally {
      bulk.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a list read a page at a time', () => {
  it('gives every page as the whole list has it, whatever order the pages are read in and however long they are', async () => {
    const built = await storeOf(source).load();
    const later = new Date('2026-03-02T00:00:00Z');
    for (const [lang, of] of lists(built)) {
      const whole = at(built, later).list(lang as 'ru', of, 0, 1000).map((a) => a.path);
      for (const size of [1, 2, 3]) {
        const pages = Array.from({ length: Math.ceil(whole.length / size) + 1 }, (_, i) => i);
        // Forwards (each page walks on from the one before), backwards and jumping about, each in a version of its own.
        for (const order of [pages, [...pages].reverse(), pages.filter((n) => n % 2).concat(pages.filter((n) => n % 2 === 0))]) {
          const index = at(built, later);
          for (const n of order) expect(index.list(lang as 'ru', of, n * size, size).map((a) => a.path), `${lang} ${JSON.stringify(of)} page ${n} of ${size}`).toEqual(whole.slice(n * size, n * size + size));
        }
      }
    }
  });
});
