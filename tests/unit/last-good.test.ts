import { describe, expect, it } from 'vitest';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import { VALID } from '../helpers.js';
import { storeOf } from './index-of.js';

// The valid fixture in memory, a store over it, and the edits an editor makes, each followed by
// the reload the watcher would ask for.
const valid = await MemorySource.copyOf(diskSource(VALID), 'content');

const good = (title: string) => `---\ntitle: ${title}\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [economy]\n---\nТекст.\n`;
const BROKEN = '---\ntitle: Сломано\ndate: 2026-01-22T09:00\nauthor: anna\ntopics: [ekonomika]\n---\nТекст.\n';

/** A site whose news/live.ru.md was first indexed with this text. */
async function site(first: string) {
  const source = valid.clone().write('news/live.ru.md', first);
  const store = storeOf(source);
  await store.load();
  /** Writes (or, for undefined, removes) files and reloads. */
  const edit = async (files: Record<string, string | undefined>) => {
    for (const [rel, text] of Object.entries(files)) {
      if (text === undefined) source.remove(rel);
      else source.write(rel, text);
    }
    await store.reload();
    return store.index;
  };
  return { store, edit };
}

describe('an article file that turns invalid during a reload', () => {
  it('keeps its last good version online', async () => {
    const { store, edit } = await site(good('Первая версия'));
    const broken = await edit({ 'news/live.ru.md': BROKEN });
    expect(broken.article('ru', 'live')?.title).toBe('Первая версия');
    expect(store.lastReconcile!.servedFromLastGood).toEqual(['content/news/live.ru.md']);
  });

  it('reports the problems of the text on disk, with line and field', async () => {
    const { edit } = await site(good('Первая версия'));
    const broken = await edit({ 'news/live.ru.md': BROKEN });
    expect(broken.problems.map((p) => p.format('en'))).toEqual([
      'content/news/live.ru.md:5:10 topics.0: Unknown topic "ekonomika". Did you mean "economy"? Known: economy, politics. New topics go into topics.yml.',
    ]);
  });

  it('keeps it over several reloads while the file stays broken', async () => {
    const { edit } = await site(good('Первая версия'));
    await edit({ 'news/live.ru.md': BROKEN });
    const again = await edit({ 'news/live.ru.md': BROKEN });
    expect(again.article('ru', 'live')?.title).toBe('Первая версия');
  });

  it('serves the new version once the file is fixed', async () => {
    const { store, edit } = await site(good('Первая версия'));
    await edit({ 'news/live.ru.md': BROKEN });
    const fixed = await edit({ 'news/live.ru.md': good('Исправлено') });
    expect(fixed.article('ru', 'live')?.title).toBe('Исправлено');
    expect(store.lastReconcile!.servedFromLastGood).toEqual([]);
    expect(fixed.problems).toEqual([]);
  });

  it('is removed when the file is deleted, and has no good version left to fall back on', async () => {
    const { edit } = await site(good('Первая версия'));
    await edit({ 'news/live.ru.md': BROKEN });
    const deleted = await edit({ 'news/live.ru.md': undefined });
    expect(deleted.article('ru', 'live')).toBeUndefined();
    const back = await edit({ 'news/live.ru.md': BROKEN });
    expect(back.article('ru', 'live')).toBeUndefined();
  });

  it('is not served from an older file name after a rename: the renamed file is a new file', async () => {
    const { edit } = await site(good('Первая версия'));
    const renamed = await edit({ 'news/live.ru.md': undefined, 'news/moved.ru.md': BROKEN });
    expect(renamed.article('ru', 'live')).toBeUndefined();
    expect(renamed.article('ru', 'moved')).toBeUndefined();
  });

  it('is left out when its last good version no longer fits authors.yml', async () => {
    const { edit } = await site(good('Первая версия'));
    const without = await edit({ 'news/live.ru.md': BROKEN, 'authors.yml': 'bob:\n  name: { ru: Боб, kk: Боб, en: Bob }\n  role: { ru: Р, kk: Р, en: R }\n' });
    expect(without.article('ru', 'live')).toBeUndefined();
  });
});

describe('a file broken from the start', () => {
  it('is left out: there is no good version to keep', async () => {
    const { store } = await site(BROKEN);
    expect(store.index.article('ru', 'live')).toBeUndefined();
    expect(store.lastReconcile!.servedFromLastGood).toEqual([]);
  });
});
