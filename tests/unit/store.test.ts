import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import { ContentStore } from '../../src/sync/store.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';

// The store over content in memory, its index in memory: every transition an editor or an
// operator causes (a save, a broken file, a duplicate, a rebuild), with no disk and no server.

const valid = await MemorySource.copyOf(diskSource(VALID), 'content');

const article = (title: string, { date = '2026-01-28T10:00', body = 'Текст.', extra = '' } = {}) =>
  `---\ntitle: ${title}\ndate: ${date}\nauthor: anna\ntopics: [economy]\n${extra}---\n${body}\n`;

/** A source whose listing of news/ waits until let go: a build held at its start, to look at the store meanwhile. */
class HeldSource extends MemorySource {
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  letGo(): void {
    this.#open?.();
    this.#gate = undefined;
  }

  override async list(folder: string) {
    if (folder === 'news') await this.#gate;
    return super.list(folder);
  }
}

async function site(files: Record<string, string> = {}) {
  const source = new HeldSource({}, { media: await valid.media() });
  for (const rel of [...Object.keys(await valid.dataFiles()).map((name) => `${name}.yml`), ...(await valid.list('news')).articles, ...(await valid.pages()).map((p) => p.relativePath)]) {
    source.write(rel, valid.text(rel)!);
  }
  for (const [rel, text] of Object.entries(files)) source.write(rel, text);
  const logs: { level: number; msg: string; file?: string; line?: number }[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const store = new ContentStore({ source, includeDrafts: false, logger, now: () => FIXTURE_NOW });
  await store.load();
  const edit = async (rel: string, text: string | undefined) => {
    if (text === undefined) source.remove(rel);
    else source.write(rel, text);
    await store.reload('change on disk', [rel]);
  };
  const title = (slug: string) => store.index.article('ru', slug)?.title;
  /** The problems logged, one line each (not the notes that a file's last good version stays online). */
  const warnings = () => logs.filter((l) => l.level === 40 && l.line !== undefined).map((l) => l.msg);
  return { source, store, logs, warnings, edit, title };
}

describe('one save, one content version', () => {
  it('an edit makes one new version', async () => {
    const { store, edit, title } = await site({ 'news/live.ru.md': article('Живая') });
    const before = store.index.version;
    await edit('news/live.ru.md', article('Живая, правка'));
    expect(title('live')).toBe('Живая, правка');
    expect(store.index.version).toBe(before + 1);
  });

  it('a save that fixes a problem makes exactly one version (regression: it made two, each emptying every cache)', async () => {
    const { store, edit, title } = await site({ 'news/live.ru.md': article('Живая') });
    await edit('news/live.ru.md', article('Сломана', { extra: 'topics: [ekonomika]\n' }).replace('topics: [economy]\n', ''));
    expect(store.index.problems).toHaveLength(1);
    const before = store.index.version;
    await edit('news/live.ru.md', article('Исправлена'));
    expect(title('live')).toBe('Исправлена');
    expect(store.index.problems).toEqual([]);
    expect(store.index.version).toBe(before + 1);
  });

  it('an article linking to a missing one makes exactly one version (regression: the link problem came in a second version)', async () => {
    const { store, edit } = await site();
    const before = store.index.version;
    await edit('news/links.ru.md', article('Ссылки', { body: '[нет такой](/ru/news/no-such-story)' }));
    expect(store.index.problems.map((p) => p.code)).toEqual(['site_link_missing']);
    expect(store.index.version).toBe(before + 1);
  });

  it('a look that finds nothing new makes no version and logs nothing (regression: each rescan logged every problem of a broken folder again)', async () => {
    const { store, source, logs, edit } = await site({ 'news/broken.ru.md': article('Сломана', { extra: 'author: nobody\n' }).replace('author: anna\n', '') });
    await edit('news/other.ru.md', article('Другая'));
    const before = { version: store.index.version, logs: logs.filter((l) => l.level >= 30).length };
    // What the stamp backstop asks after a save in the folder: the folder, compared whole.
    await store.reload('change on disk: news', ['news']);
    await store.reload('change on disk: news', ['news']);
    source.write('news/broken.ru.md', source.text('news/broken.ru.md')!);
    await store.reload('change on disk: news/broken.ru.md', ['news/broken.ru.md']);
    expect(store.index.version).toBe(before.version);
    expect(logs.filter((l) => l.level >= 30)).toHaveLength(before.logs);
  });
});

describe('a problem in the log', () => {
  it('is logged once when it appears, in the words npm run check prints, and again only when it comes back', async () => {
    const { store, warnings, edit } = await site();
    const broken = article('Сломана', { extra: 'topics: [ekonomika]\n' }).replace('topics: [economy]\n', '');
    await edit('news/live.ru.md', broken);
    const line = store.index.problems[0]!.format('ru', { columns: true });
    expect(line).toBe('content/news/live.ru.md:5:10  topics.0  Неизвестная тема «ekonomika». Может быть, «economy»? Есть: economy, politics. Новые темы добавляют в topics.yml.');
    expect(warnings()).toEqual([line]);
    await edit('news/live.ru.md', broken);
    await store.reload();
    expect(warnings()).toEqual([line]);
    await edit('news/live.ru.md', article('Исправлена'));
    await edit('news/live.ru.md', broken);
    expect(warnings()).toEqual([line, line]);
  });
});

describe('two files claiming one address', () => {
  const holder = 'news/2026/12/batch/x.ru.md';
  const newcomer = 'news/2026/11/x.ru.md';

  it('the first holder keeps it, whatever the folders: its text, its place in the lists, its URL (regression: a duplicate in an earlier folder took over the live article)', async () => {
    const { store, edit, title } = await site({ [holder]: article('Живая статья') });
    const listed = () => store.index.list('ru', {}, 0, 100).map((a) => `${a.slug} ${a.title}`);
    const before = listed();
    await edit(newcomer, article('Новичок с тем же адресом', { date: '2026-01-20T10:00' }));
    expect(title('x')).toBe('Живая статья');
    expect(listed()).toEqual(before);
    expect(store.index.problems.map((p) => p.format('en'))).toEqual([
      'content/news/2026/11/x.ru.md:1: The address of the article "x" in ru is already held by content/news/2026/12/batch/x.ru.md, which stays online. Rename this file: give it another slug.',
    ]);
    // Edited, the holder keeps it; gone, the other file takes it.
    await edit(holder, article('Живая статья, правка'));
    expect(title('x')).toBe('Живая статья, правка');
    await edit(holder, undefined);
    expect(title('x')).toBe('Новичок с тем же адресом');
    expect(store.index.problems).toEqual([]);
  });

  it('an old path claimed by a second file leads where it led', async () => {
    const { store, edit } = await site();
    expect(store.index.redirect('/ru/old/123')).toBe('/ru/news/second-story');
    await edit('news/2026/01/aaa.ru.md', article('Другая', { date: '2025-01-01T10:00', extra: 'aliases: [/ru/old/123]\n' }));
    expect(store.index.redirect('/ru/old/123')).toBe('/ru/news/second-story');
    expect(store.index.problems.map((p) => `${p.file} ${p.code}`)).toEqual(['content/news/2026/01/aaa.ru.md alias_taken']);
  });
});

describe('a rebuild beside the serving index', () => {
  it('leaves the complete index serving, taking in saves, until one switch to the new one', async () => {
    const { store, source, edit, title } = await site({ 'news/2026/12/batch/x.ru.md': article('Живая статья') });
    const before = store.index.version;
    source.hold();
    const rebuilt = store.rebuild();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.building).toMatchObject({ reason: 'npm run reindex' });
    expect(store.complete).toBe(true);
    expect(store.index.version).toBe(before);
    // A save meanwhile reaches the serving index at once; a duplicate saved meanwhile is refused there.
    await edit('news/live.ru.md', article('Сохранено во время перестройки'));
    await edit('news/2026/11/x.ru.md', article('Новичок', { date: '2026-01-20T10:00' }));
    expect(title('live')).toBe('Сохранено во время перестройки');
    expect(store.index.version).toBe(before + 2);
    source.letGo();
    await rebuilt;
    expect(store.building).toBeUndefined();
    expect(store.index.version).toBe(before + 3);
    // The new index has both: the save, and the holder kept (a first index with no history would have kept the older date).
    expect(title('live')).toBe('Сохранено во время перестройки');
    expect(title('x')).toBe('Живая статья');
    expect(store.index.problems.map((p) => p.file)).toEqual(['content/news/2026/11/x.ru.md']);
  });

  it('takes in a save made while it builds, before the switch', async () => {
    const { store, source, title } = await site();
    source.hold();
    const rebuilt = store.rebuild();
    await new Promise((resolve) => setImmediate(resolve));
    source.write('news/late.ru.md', article('Поздняя'));
    // Listed by the build already, or named to it: either way it is in the new index.
    source.letGo();
    await store.reload('change on disk', ['news/late.ru.md']);
    await rebuilt;
    expect(title('late')).toBe('Поздняя');
  });

  it('that fails leaves the serving index as it was, and says why', async () => {
    const { store, source, logs } = await site();
    const before = store.index.version;
    source.write('site.yml', 'founded: "давно"\n');
    await expect(store.rebuild()).rejects.toThrow(/site\.yml/);
    expect(store.building).toBeUndefined();
    expect(store.index.version).toBe(before);
    expect(store.index.article('ru', 'second-story')).toBeDefined();
    expect(logs.at(-1)!.msg).toMatch(/^The new content index could not be built; the one serving stays/);
  });
});

describe('a first start', () => {
  it('serves its index as it grows, complete only once every file is in', async () => {
    const source = valid.clone();
    const store = new ContentStore({ source, includeDrafts: false, logger: pino({ level: 'silent' }), now: () => FIXTURE_NOW });
    const started = store.start();
    expect(store.complete).toBe(false);
    await started;
    await store.settled();
    expect(store.complete).toBe(true);
    expect(store.lastReconcile!.parsed).toBeGreaterThan(3);
  });
});
