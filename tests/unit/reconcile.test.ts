import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openInMemory } from '../../src/index/database.js';
import { IndexWriter, type Diff, type SiteData } from '../../src/index/writer.js';
import { ContentLoadError } from '../../src/problems/errors.js';
import { diskSource } from '../../src/sync/load.js';
import { MemorySource } from '../../src/sync/memory-source.js';
import { reconcile, type ReconcileReport } from '../../src/sync/reconcile.js';
import { VALID } from '../helpers.js';

// The reconcile loop over content in memory and an index in memory: what it parses, writes and
// reports for each kind of change, with no disk, no store and no server.

const valid = await MemorySource.copyOf(diskSource(VALID), 'content');
const article = (title: string, date = '2026-01-28T10:00') => `---\ntitle: ${title}\ndate: ${date}\nauthor: anna\ntopics: [economy]\n---\nТекст.\n`;

function index(source: MemorySource) {
  const writer = new IndexWriter(openInMemory(), false);
  let previous: SiteData | undefined;
  const diffs: Diff[] = [];
  const progress: [number, number][] = [];
  const run = async (paths?: string[]): Promise<ReconcileReport> => {
    const report = await reconcile({
      source,
      writer,
      previous,
      paths,
      logger: pino({ level: 'silent' }),
      commit: (diff) => {
        diffs.push(diff);
        if (diff.data) previous = diff.data;
        return writer.apply(diff).claims;
      },
      onData: () => {},
      progress: (done, total) => progress.push([done, total]),
    });
    return report;
  };
  return { writer, run, diffs, progress };
}

describe('reconcile over a source in memory', () => {
  it('parses every article file once, then only those whose stamp changed', async () => {
    const source = valid.clone();
    const { run, writer } = index(source);
    const first = await run();
    expect(first.parsed).toBe((await source.list('news')).articles.length);
    expect(first.committed).toBe(true);
    expect(writer.size()).toBeGreaterThan(3);
    const again = await run();
    expect(again).toMatchObject({ parsed: 0, removed: 0, committed: false });
    source.write('news/second-story.ru.md', source.text('news/second-story.ru.md')!.replace('Вторая новость', 'Вторая новость, правка'));
    expect(await run()).toMatchObject({ parsed: 1, removed: 0, committed: true });
  });

  it('looks at the paths it is given only, and at everything under a folder it is given', async () => {
    const source = valid.clone();
    const { run, writer } = index(source);
    await run();
    source.write('news/2026/05/a.ru.md', article('А')).write('news/2026/05/b.ru.md', article('Б')).write('news/elsewhere.ru.md', article('В'));
    const folder = await run(['news/2026/05']);
    expect(folder).toMatchObject({ parsed: 2, scanned: ['content/news/2026/05'] });
    expect(folder.examined).not.toContain('content/site.yml');
    expect(writer.has('news/elsewhere.ru.md')).toBe(false);
    expect(await run(['news/elsewhere.ru.md'])).toMatchObject({ parsed: 1, examined: ['content/news/elsewhere.ru.md'] });
  });

  it('removes the files gone, one named or a whole folder', async () => {
    const source = valid.clone().write('news/2026/05/a.ru.md', article('А')).write('news/2026/05/b.ru.md', article('Б'));
    const { run, writer } = index(source);
    await run();
    source.remove('news/2026/05/a.ru.md');
    expect(await run(['news/2026/05/a.ru.md'])).toMatchObject({ parsed: 0, removed: 1 });
    source.remove('news/2026/05/b.ru.md');
    expect(await run(['news/2026/05'])).toMatchObject({ removed: 1 });
    expect(writer.has('news/2026/05/b.ru.md')).toBe(false);
  });

  it('writes thousands of files in batches, telling how far it is after each', async () => {
    const source = valid.clone();
    for (let i = 0; i < 450; i++) source.write(`news/2026/03/story-${i}.ru.md`, article(`Новость ${i}`));
    const { run, diffs, progress } = index(source);
    const report = await run();
    expect(diffs.length).toBeGreaterThan(2);
    expect(Math.max(...diffs.map((d) => d.put.length))).toBeLessThanOrEqual(200);
    const total = report.parsed;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('refuses a broken site file, naming it, and writes nothing', async () => {
    const source = valid.clone().write('topics.yml', 'economy: [unclosed\n');
    const { run, diffs } = index(source);
    await expect(run()).rejects.toBeInstanceOf(ContentLoadError);
    expect(diffs).toEqual([]);
  });

  it('settles an address again whenever a file claiming it is written or goes, with the problems of that address now', async () => {
    const source = valid.clone().write('news/b/same.ru.md', article('Вторая')).write('news/a/same.ru.md', article('Первая', '2026-01-27T10:00'));
    const { run } = index(source);
    expect([...(await run()).claims.get('ru/news/same')!].map((p) => p.file)).toEqual(['content/news/b/same.ru.md']);
    source.remove('news/a/same.ru.md');
    const after = await run(['news/a/same.ru.md']);
    expect(after.claims.get('ru/news/same')).toEqual([]);
  });
});
