import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../import-run.js';
import { importText, readTree } from './import-helpers.js';
import { wxr } from './wxr-fixture.js';

const posts = [
  { id: 1, title: 'Первая', slug: 'pervaya' },
  { id: 2, title: 'Вторая', slug: 'vtoraya' },
];
const again = (root: string, argv: string[] = []) => runImport(['export.xml', '--content', 'content', '--offline', ...argv], root);

describe('running the import again', () => {
  it('changes no byte of the content folder', async () => {
    const first = await importText(wxr(posts));
    const second = await again(first.root);
    expect(await readTree(first.content)).toEqual(first.files);
    expect(second.report).toContain('| статьи | 0 | 0 | 2 | 0 | 0 |');
  });

  it('never overwrites a file an editor changed, and says it kept it', async () => {
    const first = await importText(wxr(posts));
    const edited = path.join(first.content, 'news/2015/01/pervaya.ru.md');
    await appendFile(edited, '\nДописано редактором.\n');
    const text = await readFile(edited, 'utf8');
    await writeFile(path.join(first.root, 'export.xml'), wxr(posts.map((p) => ({ ...p, content: 'Новый текст.' }))));
    const second = await again(first.root);
    expect(await readFile(edited, 'utf8')).toBe(text);
    expect(second.report).toContain('| статьи | 0 | 1 | 0 | 1 | 0 |');
    expect(await readFile(path.join(first.content, 'news/2015/01/vtoraya.ru.md'), 'utf8')).toContain('\nНовый текст.\n');
  });

  it('adds the items new in the source, and does not bring back a file an editor deleted', async () => {
    const first = await importText(wxr(posts));
    await rm(path.join(first.content, 'news/2015/01/vtoraya.ru.md'));
    await writeFile(path.join(first.root, 'export.xml'), wxr([...posts, { id: 3, title: 'Третья', slug: 'tretya' }]));
    const second = await again(first.root);
    const files = await readTree(first.content);
    expect(Object.keys(files).filter((f) => f.startsWith('news/')).sort()).toEqual(['news/2015/01/pervaya.ru.md', 'news/2015/01/tretya.ru.md']);
    expect(second.report).toContain('| статьи | 1 | 0 | 1 | 0 | 1 |');
  });

  it('gives a second item with the same slug its own file, and keeps that pairing on every run', async () => {
    const same = [{ id: 1, title: 'Итоги', slug: 'itogi' }, { id: 2, title: 'Итоги', slug: 'itogi', content: 'Другой текст.' }];
    const first = await importText(wxr(same));
    expect(Object.keys(first.files).filter((f) => f.startsWith('news/')).sort()).toEqual(['news/2015/01/itogi-2.ru.md', 'news/2015/01/itogi.ru.md']);
    await again(first.root);
    expect(await readTree(first.content)).toEqual(first.files);
  });

  it('writes nothing with --dry-run and prints what it would write', async () => {
    const { root, content } = await importText('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>');
    await writeFile(path.join(root, 'export.xml'), wxr(posts));
    const before = await readTree(content);
    const dry = await again(root, ['--dry-run']);
    expect(await readTree(content)).toEqual(before);
    expect(dry.stdout).toContain('будет записан content/news/2015/01/pervaya.ru.md');
    expect(dry.stdout).toContain('Пробный запуск');
  });

  it('stops after --limit items and goes on from there in the next run; --since leaves older items out', async () => {
    const three = [...posts, { id: 3, title: 'Третья', slug: 'tretya', gmt: '2016-05-01 10:00:00' }];
    const first = await importText(wxr(three), ['--limit', '1']);
    expect(Object.keys(first.files).filter((f) => f.startsWith('news/'))).toHaveLength(1);
    expect(first.report).toContain('Остановлено на 1 материалах (--limit)');
    await again(first.root);
    expect(Object.keys(await readTree(first.content)).filter((f) => f.startsWith('news/'))).toHaveLength(3);
    const since = await importText(wxr(three), ['--since', '2016-01-01']);
    expect(Object.keys(since.files).filter((f) => f.startsWith('news/'))).toEqual(['news/2016/05/tretya.ru.md']);
  });
});

describe('a run cut short', () => {
  it('takes a complete file the manifest does not name yet as its own (killed between the rename and the manifest line): no duplicate', async () => {
    const first = await importText(wxr(posts));
    await rm(path.join(first.content, '.import'), { recursive: true });
    await again(first.root);
    const files = await readTree(first.content);
    expect(Object.keys(files).filter((f) => f.startsWith('news/')).sort()).toEqual(['news/2015/01/pervaya.ru.md', 'news/2015/01/vtoraya.ru.md']);
    expect(files['.import/manifest.jsonl']).toBe(first.files['.import/manifest.jsonl']);
  });

  it('removes a temporary file a kill left behind, and skips a manifest line cut in half', async () => {
    const first = await importText(wxr(posts));
    await writeFile(path.join(first.content, 'news/2015/01/.tretya.ru.md.import-tmp'), '---\ntitle: Полови');
    await appendFile(path.join(first.content, '.import/manifest.jsonl'), '{"key":"wxr:post:3","fi');
    await writeFile(path.join(first.root, 'export.xml'), wxr([...posts, { id: 3, title: 'Третья', slug: 'tretya' }]));
    await again(first.root);
    const files = await readTree(first.content);
    expect(Object.keys(files).filter((f) => f.startsWith('news/')).sort()).toEqual(['news/2015/01/pervaya.ru.md', 'news/2015/01/tretya.ru.md', 'news/2015/01/vtoraya.ru.md']);
    // The cut line is ended and skipped; the line after it is whole.
    const lines = files['.import/manifest.jsonl']!.split('\n').filter(Boolean);
    expect(lines).toContain('{"key":"wxr:post:3","fi');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ key: 'wxr:post:3', file: 'news/2015/01/tretya.ru.md', sha: expect.any(String) });
  });
});
