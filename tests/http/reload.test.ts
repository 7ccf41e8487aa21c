import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_NOW, testSite, VALID } from '../helpers.js';

// store.reload() is what the watcher and SIGHUP call; here it is called by hand, so every
// step is deterministic. watch.test.ts shows that changes on disk trigger it.
const content = await copyContent(VALID);
const { app, store, logs, close } = await testSite(content.dir, { now: FIXTURE_NOW });
afterAll(async () => {
  close();
  await content.remove();
});

const article = (title: string, topics = '[economy]', extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-01-28T10:00\nauthor: anna\ntopics: ${topics}\n${extra}---\nТекст.\n`;
const write = (relativePath: string, text: string) => writeFile(path.join(content.dir, relativePath), text);
// Titles are typeset (a no-break space after short words): compare them with plain spaces.
const titleOf = async (url: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec((await request(app).get(url)).text)?.[1]?.replace(/\u00a0/g, ' ').replace(/\u00ad/g, '');
const status = async (url: string) => (await request(app).get(url)).status;

describe('reloading content without a restart', () => {
  it('adds a new article', async () => {
    await write('news/live-story.ru.md', article('Живая новость'));
    await store.reload();
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость');
    const home = await request(app).get('/ru/').expect(200);
    expect(home.text).toContain('Живая новость');
  });

  it('applies an edit, to search too: a remembered query does not outlive its content version', async () => {
    const found = async (q: string) => (await request(app).get('/ru/search').query({ q })).text.includes('/ru/news/live-story');
    expect(await found('правка')).toBe(false);
    await write('news/live-story.ru.md', article('Живая новость, правка'));
    await store.reload();
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость, правка');
    expect(await found('правка')).toBe(true);
  });

  it('parses only the file that changed, and makes one new content version of it: every cache is emptied once', async () => {
    const before = store.index.version;
    await write('news/live-story.ru.md', article('Живая новость, правка'));
    await store.reload();
    expect(store.lastReconcile).toMatchObject({ parsed: 1, removed: 0 });
    expect(store.index.count('ru')).toBeGreaterThan(2);
    expect(store.index.version).toBe(before + 1);
  });

  it('reads no site-wide file when the watcher names article files only, and all of them otherwise', async () => {
    await write('news/live-story.ru.md', article('Живая новость, вторая правка'));
    await store.reload('change on disk', ['news/live-story.ru.md']);
    expect(store.lastReconcile!.examined.map((file) => path.basename(file))).toEqual(['live-story.ru.md']);
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость, вторая правка');
    await write('news/live-story.ru.md', article('Живая новость, правка'));
    await store.reload('change on disk', ['news/live-story.ru.md', 'topics.yml']);
    expect(store.lastReconcile!.examined.map((file) => path.basename(file))).toEqual(['site.yml', 'authors.yml', 'topics.yml', 'about.en.md', 'about.ru.md', 'live-story.ru.md']);
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость, правка');
  });

  it('re-reads an unchanged file when what it refers to goes away, and reports it with its line', async () => {
    const authors = path.join(content.dir, 'authors.yml');
    const original = await readFile(authors, 'utf8');
    await writeFile(authors, original.replace(/^anna:/m, 'anya:'));
    await store.reload();
    expect(await status('/ru/news/live-story')).toBe(404);
    expect(store.index.problems.map((p) => p.format('en'))).toContainEqual(expect.stringMatching(/live-story\.ru\.md:4:1 author: Unknown author "anna"/));
    await writeFile(authors, original);
    await store.reload();
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость, правка');
  });

  it('keeps the last good version online when a file turns invalid, and logs file, line and field', async () => {
    await write('news/live-story.ru.md', article('Сломанная правка', '[ekonomika]'));
    await store.reload();
    expect(await titleOf('/ru/news/live-story')).toBe('Живая новость, правка');
    const warning = logs.findLast((l) => String(l.file).endsWith('news/live-story.ru.md') && l.line !== undefined);
    expect(warning).toMatchObject({ level: 40, line: 5, field: 'topics.0' });
    expect(warning!.msg).toMatch(/live-story\.ru\.md:5:10  topics\.0  Неизвестная тема «ekonomika»/);
    expect(logs.at(-2)!.msg).toMatch(/live-story\.ru\.md: its last good version stays online/);
    expect((await request(app).get('/healthz')).body.content.problems).toBe(1);
  });

  it('serves the fixed version once the file is fixed', async () => {
    await write('news/live-story.ru.md', article('Исправленная новость'));
    await store.reload();
    expect(await titleOf('/ru/news/live-story')).toBe('Исправленная новость');
    expect((await request(app).get('/healthz')).body.content.problems).toBe(0);
  });

  it('follows a rename: the new address answers, the old one is gone', async () => {
    await mkdir(path.join(content.dir, 'news/2026/02'), { recursive: true });
    await rename(path.join(content.dir, 'news/live-story.ru.md'), path.join(content.dir, 'news/2026/02/moved-story.ru.md'));
    await store.reload();
    expect(await titleOf('/ru/news/moved-story')).toBe('Исправленная новость');
    expect(await status('/ru/news/live-story')).toBe(404);
  });

  it('removes a deleted article, from search too', async () => {
    const found = async () => (await request(app).get('/ru/search').query({ q: 'Исправленная' })).text.includes('/ru/news/moved-story');
    expect(await found()).toBe(true);
    await rm(path.join(content.dir, 'news/2026/02/moved-story.ru.md'));
    await store.reload();
    expect(await status('/ru/news/moved-story')).toBe(404);
    expect(await found()).toBe(false);
  });

  it('serves a new image and the article that shows it; deleting the image takes both down', async () => {
    await writeFile(path.join(content.dir, 'media/new.png'), 'png');
    await write('news/with-image.ru.md', article('С картинкой', '[economy]', 'image: { src: new.png, alt: Картинка }\n'));
    await store.reload();
    await request(app).get('/media/new.png').expect(200);
    expect(await status('/ru/news/with-image')).toBe(200);

    await rm(path.join(content.dir, 'media/new.png'));
    await store.reload();
    expect(await status('/media/new.png')).toBe(404);
    // Its last good version names the same missing image, so there is nothing good to keep.
    expect(await status('/ru/news/with-image')).toBe(404);
    await rm(path.join(content.dir, 'news/with-image.ru.md'));
    await store.reload();
  });

  it('applies an edit of authors.yml, to search too: the articles are found by the new name', async () => {
    const byAuthor = async (q: string) => (await request(app).get('/ru/search').query({ q })).text.includes('/ru/news/first-story');
    expect(await byAuthor('Петрова')).toBe(false);
    const authors = path.join(content.dir, 'authors.yml');
    await writeFile(authors, 'anna:\n  name: { ru: Анна Петрова, kk: Анна Петрова, en: Anna Petrova }\n  role: { ru: Редактор, kk: Редактор, en: Editor }\n');
    await store.reload();
    expect((await request(app).get('/ru/authors/anna').expect(200)).text).toContain('Анна Петрова');
    expect(await byAuthor('Петрова')).toBe(true);
  });

  it('keeps the previous index whole while topics.yml is broken, and logs why', async () => {
    const before = store.index;
    const topics = path.join(content.dir, 'topics.yml');
    const good = 'economy:\n  name: { ru: Экономика, kk: Экономика, en: Economy }\n  description: { ru: О деньгах., kk: Ақша туралы., en: About money. }\n';
    await writeFile(topics, 'economy: [unclosed\n');
    await write('news/while-broken.ru.md', article('Пока сломано'));
    await store.reload();
    expect(store.index).toBe(before);
    expect(await status('/ru/news/while-broken')).toBe(404);
    expect(await status('/ru/news/first-story')).toBe(200);
    expect(logs.at(-1)).toMatchObject({ level: 50, msg: 'Content not reloaded: a site-wide file is broken; the previous content stays online' });
    expect(logs.at(-2)).toMatchObject({ level: 40, line: 2 });
    expect(String(logs.at(-2)!.file)).toMatch(/topics\.yml$/);

    await writeFile(topics, good);
    await store.reload();
    expect(await titleOf('/ru/news/while-broken')).toBe('Пока сломано');
  });

  it('looks under a folder the watcher names, and nowhere else: files added, edited, deleted, named almost like an article', async () => {
    const folder = 'news/2026/05';
    const near = () => store.index.problems.filter((p) => p.code === 'near_miss_name').map((p) => path.basename(p.file));
    await mkdir(path.join(content.dir, folder), { recursive: true });
    await write(`${folder}/folder-one.ru.md`, article('Первая в папке'));
    await write(`${folder}/folder-two.ru.md`, article('Вторая в папке'));
    await write(`${folder}/folder-three.ru.txt`, article('Третья в папке'));
    await write('news/outside.ru.md', article('Вне папки'));
    await store.reload('change on disk', [folder]);
    expect(await titleOf('/ru/news/folder-one')).toBe('Первая в папке');
    expect(await titleOf('/ru/news/folder-two')).toBe('Вторая в папке');
    // Not under the folder named: it waits for its own event.
    expect(await status('/ru/news/outside')).toBe(404);
    expect(store.lastReconcile).toMatchObject({ parsed: 2, removed: 0, scanned: [path.join(content.dir, folder)] });
    expect(store.lastReconcile!.examined.map((file) => path.basename(file))).not.toContain('site.yml');
    expect(near()).toEqual(['folder-three.ru.txt']);

    await rm(path.join(content.dir, folder, 'folder-two.ru.md'));
    await rename(path.join(content.dir, folder, 'folder-three.ru.txt'), path.join(content.dir, folder, 'folder-three.ru.md'));
    await write(`${folder}/folder-one.ru.md`, article('Первая в папке, правка'));
    await store.reload('change on disk', [folder]);
    expect(store.lastReconcile).toMatchObject({ parsed: 2, removed: 1 });
    expect(await titleOf('/ru/news/folder-one')).toBe('Первая в папке, правка');
    expect(await status('/ru/news/folder-two')).toBe(404);
    expect(await titleOf('/ru/news/folder-three')).toBe('Третья в папке');
    expect(near()).toEqual([]);

    // The folder deleted: its path is all the watcher can name.
    await rm(path.join(content.dir, folder), { recursive: true });
    await store.reload('change on disk', [folder]);
    expect(store.lastReconcile).toMatchObject({ parsed: 0, removed: 2 });
    expect(await status('/ru/news/folder-one')).toBe(404);
    expect(await status('/ru/news/folder-three')).toBe(404);

    await rm(path.join(content.dir, 'news/outside.ru.md'));
    await store.reload();
  });

  it('runs one reload for calls made while one is waiting', async () => {
    const reloads = () => logs.filter((l) => l.msg === 'Content reloaded' || l.msg === 'Content looked at: nothing new').length;
    const before = reloads();
    await Promise.all([store.reload(), store.reload(), store.reload()]);
    expect(reloads()).toBe(before + 1);
  });
});
