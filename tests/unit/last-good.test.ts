import { describe, expect, it } from 'vitest';
import { buildIndex, type BuiltIndex } from '../../src/sync/build-index.js';
import { loadContent } from '../../src/sync/load.js';
import type { ContentSources, SourceFile } from '../../src/parse/types.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

const valid = await loadContent(VALID);

const good = (title: string) => `---\ntitle: ${title}\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [economy]\n---\nТекст.\n`;
const BROKEN = '---\ntitle: Сломано\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [ekonomika]\n---\nТекст.\n';

function file(relativePath: string, text: string): SourceFile {
  return { file: `content/${relativePath}`, relativePath, text };
}

function build(articles: SourceFile[], previous?: BuiltIndex, sources: Partial<ContentSources> = {}): Promise<BuiltIndex> {
  return buildIndex({ ...valid, ...sources, articles: [...valid.articles, ...articles] }, { now: FIXTURE_NOW, includeDrafts: false, lastGood: previous?.lastGood });
}

describe('an article file that turns invalid during a reload', async () => {
  const first = await build([file('news/live.ru.md', good('Первая версия'))]);
  const broken = await build([file('news/live.ru.md', BROKEN)], first);

  it('keeps its last good version online', async () => {
    expect(broken.article('ru', 'live')?.title).toBe('Первая версия');
    expect(broken.servedFromLastGood).toEqual(['content/news/live.ru.md']);
  });

  it('reports the problems of the text on disk, with line and field', async () => {
    expect(broken.problems.map((p) => p.format('en'))).toEqual([
      'content/news/live.ru.md:5:10 topics.0: Unknown topic "ekonomika". Did you mean "economy"? Known: economy, politics. New topics go into topics.yml.',
    ]);
  });

  it('keeps it over several reloads while the file stays broken', async () => {
    const again = await build([file('news/live.ru.md', BROKEN)], broken);
    expect(again.article('ru', 'live')?.title).toBe('Первая версия');
  });

  it('serves the new version once the file is fixed', async () => {
    const fixed = await build([file('news/live.ru.md', good('Исправлено'))], broken);
    expect(fixed.article('ru', 'live')?.title).toBe('Исправлено');
    expect(fixed.servedFromLastGood).toEqual([]);
    expect(fixed.problems).toEqual([]);
  });

  it('is removed when the file is deleted', async () => {
    const deleted = await build([], broken);
    expect((deleted.article('ru', 'live') !== undefined)).toBe(false);
    expect(deleted.lastGood.has('news/live.ru.md')).toBe(false);
  });

  it('is not served from an older file name after a rename: the renamed file is a new file', async () => {
    const renamed = await build([file('news/moved.ru.md', BROKEN)], first);
    expect((renamed.article('ru', 'live') !== undefined)).toBe(false);
    expect((renamed.article('ru', 'moved') !== undefined)).toBe(false);
  });

  it('is left out when its last good version no longer fits authors.yml', async () => {
    const noAnna = { ...valid.authors!, text: 'bob:\n  name: { ru: Боб, kk: Боб, en: Bob }\n  role: { ru: Р, kk: Р, en: R }\n' };
    const without = await build([file('news/live.ru.md', BROKEN)], first, { authors: noAnna });
    expect((without.article('ru', 'live') !== undefined)).toBe(false);
  });
});

describe('a file broken from the start', () => {
  it('is left out: there is no good version to keep', async () => {
    const index = await build([file('news/never.ru.md', BROKEN)]);
    expect((index.article('ru', 'never') !== undefined)).toBe(false);
    expect(index.servedFromLastGood).toEqual([]);
  });
});
