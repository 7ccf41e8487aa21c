import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { usage } from '../../src/cli/args.js';
import { NEW_SPEC, runNew } from '../../src/cli/new-article.js';
import { diskSource } from '../../src/sync/load.js';
import { slugFromTitle, uniqueSlug } from '../../src/text/slug.js';
import { VALID } from '../helpers.js';
import { indexOf } from './index-of.js';

// 15:04 in Astana (UTC+5).
const NOW = new Date('2026-11-23T10:04:00Z');
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder holding content/, a copy of the valid fixture. */
async function tree(): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'dknews-new-'));
  made.push(cwd);
  await cp(VALID, path.join(cwd, 'content'), { recursive: true });
  return cwd;
}

async function run(argv: string[], cwd: string, now = NOW) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {}, now: () => now };
  const code = await runNew(argv, io);
  return { code, stdout, stderr };
}

describe('npm run new', () => {
  it('creates news/YYYY/MM/<slug>.ru.md with the front matter filled in, as a draft, and prints its path', async () => {
    const cwd = await tree();
    const title = 'Казахстан усиливает сотрудничество с одной из самых богатых провинций Китая';
    const result = await run(['--title', title], cwd);
    const created = 'content/news/2026/11/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh.ru.md';
    expect(result).toEqual({ code: 0, stdout: `${created}\n`, stderr: '' });
    expect(await readFile(path.join(cwd, created), 'utf8')).toBe(
      [
        '---',
        `title: ${title}`,
        '# lead: Одно-два предложения для списков и поисковиков; без него берётся первый абзац.',
        'date: 2026-11-23T15:04',
        'author: anna',
        'topics: [economy]',
        '# Черновик не виден на сайте. Удалите строку draft, когда статья готова.',
        'draft: true',
        '---',
        '',
        'Текст статьи.',
        '',
      ].join('\n'),
    );
  });

  it('makes a file the server accepts, kept out of the public site until draft is removed', async () => {
    const cwd = await tree();
    await run(['--title', 'Итоги: что дальше?', '--topic', 'politics,economy'], cwd);
    const index = await indexOf(diskSource(path.join(cwd, 'content')), { now: new Date('2026-12-01T00:00:00Z'), includeDrafts: true });
    expect(index.problems).toEqual([]);
    expect(index.article('ru', 'itogi-chto-dalshe')).toMatchObject({ title: 'Итоги: что дальше?', topics: ['politics', 'economy'], draft: true });
  });

  it('files it under the month in Astana time, not UTC', async () => {
    const cwd = await tree();
    const { stdout } = await run(['--title', 'Полночь'], cwd, new Date('2026-11-30T20:30:00Z'));
    expect(stdout).toBe('content/news/2026/12/polnoch.ru.md\n');
    expect(await readFile(path.join(cwd, stdout.trim()), 'utf8')).toContain('\ndate: 2026-12-01T01:30\n');
  });

  it('makes the slug unique in its language across every folder of news/', async () => {
    const cwd = await tree();
    expect((await run(['--title', 'First story'], cwd)).stdout).toBe('content/news/2026/11/first-story-2.ru.md\n');
    expect((await run(['--title', 'First story'], cwd)).stdout).toBe('content/news/2026/11/first-story-3.ru.md\n');
    expect(await run(['--title', 'First story', '--lang', 'kk'], cwd)).toEqual({ code: 0, stdout: 'content/news/2026/11/first-story.kk.md\n', stderr: '' });
  });

  it('takes author and topic, and hints when a translation has no Russian original', async () => {
    const cwd = await tree();
    const result = await run(['--title', 'Brand new', '--lang', 'en', '--author', 'anna', '--topic', 'politics'], cwd);
    expect(result).toEqual({
      code: 0,
      stdout: 'content/news/2026/11/brand-new.en.md\n',
      stderr: 'Нет русской статьи «brand-new». Если это перевод, переименуйте файл по slug русской статьи или создайте его с --slug.\n',
    });
    expect(await readFile(path.join(cwd, 'content/news/2026/11/brand-new.en.md'), 'utf8')).toContain('\ntopics: [politics]\n');
  });

  it('--lang kk --slug EXISTING makes a translation beside the original, with its date, author, topics and picture (regression: the first author and topic, today\'s folder)', async () => {
    const cwd = await tree();
    const original = path.join(cwd, 'content/news/second-story.ru.md');
    await writeFile(original, (await readFile(original, 'utf8')).replace('author: anna', 'author: boris').replace('topics: [politics, economy]', 'topics: [economy, politics]\nimage:\n  src: media/photo.jpg\n  alt: Фото'));
    await writeFile(path.join(cwd, 'content/authors.yml'), `${await readFile(path.join(cwd, 'content/authors.yml'), 'utf8')}\nboris:\n  name: { ru: Борис, kk: Борис, en: Boris }\n  role: { ru: Редактор, kk: Редактор, en: Editor }\n`);
    expect(await run(['--title', 'Екінші жаңалық', '--lang', 'kk', '--slug', 'second-story'], cwd)).toEqual({
      code: 0,
      stdout: 'content/news/second-story.kk.md\n',
      stderr: 'Перевод статьи content/news/second-story.ru.md: дата, автор, темы и фото взяты из неё (переведите подпись и alt фото).\n',
    });
    const made = await readFile(path.join(cwd, 'content/news/second-story.kk.md'), 'utf8');
    expect(made).toContain('\ndate: 2026-01-25T12:30\nauthor: boris\ntopics: [economy, politics]\nimage:\n  src: media/photo.jpg\n  alt: Фото\n');
    expect(made).toContain('\ntitle: Екінші жаңалық\n');
  });
});

describe('npm run new and warnings', () => {
  it('a missing English job title in authors.yml is said, and the file is still made (regression: exit 1, nothing created, no word why)', async () => {
    const cwd = await tree();
    await writeFile(path.join(cwd, 'content/authors.yml'), 'anna:\n  name: { ru: Анна, kk: Анна, en: Anna }\n  role: { ru: Корреспондент, kk: Тілші }\n');
    expect(await run(['--title', 'Выборы'], cwd)).toEqual({
      code: 0,
      stdout: 'content/news/2026/11/vybory.ru.md\n',
      stderr: 'content/authors.yml:3:3  anna.role.en  Предупреждение: У автора anna нет должности на английском (role.en): там будет показана «Корреспондент». Добавьте в role строку «en: …».\n',
    });
  });

  it('an error in authors.yml stops it, and it says that nothing was created', async () => {
    const cwd = await tree();
    await writeFile(path.join(cwd, 'content/authors.yml'), 'anna:\n  role: { ru: Корреспондент, kk: Тілші, en: Correspondent }\n');
    const result = await run(['--title', 'Выборы'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('Ничего не создано: сначала исправьте ошибки выше.');
  });
});

describe('npm run new refuses', () => {
  it('an unknown topic, suggesting the nearest', async () => {
    expect(await run(['--title', 'Х', '--topic', 'ekonomika'], await tree())).toEqual({
      code: 1,
      stdout: '',
      stderr: '--topic: Неизвестная тема «ekonomika». Может быть, «economy»? Есть: economy, politics. Новые темы добавляют в topics.yml.\n',
    });
  });

  it('an unknown author, suggesting the nearest', async () => {
    expect(await run(['--title', 'Х', '--author', 'ana'], await tree())).toEqual({
      code: 1,
      stdout: '',
      stderr: '--author: Неизвестный автор «ana». Может быть, «anna»? Есть: anna. Новых авторов добавляют в authors.yml.\n',
    });
  });

  it('a --slug already used in that language', async () => {
    const { code, stderr } = await run(['--title', 'Х', '--slug', 'first-story'], await tree());
    expect(code).toBe(1);
    expect(stderr).toBe('Статья «first-story» на языке ru уже есть: content/news/2026/01/first-story.ru.md. Выберите другой --slug.\n');
  });

  it('to overwrite anything at the path it would write', async () => {
    const cwd = await tree();
    await mkdir(path.join(cwd, 'content/news/2026/11/vybory.ru.md'), { recursive: true });
    expect(await run(['--title', 'Выборы'], cwd)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Файл content/news/2026/11/vybory.ru.md уже есть; он не перезаписан.\n',
    });
  });

  it('a title with no letters or digits', async () => {
    const { code, stderr } = await run(['--title', '!!!'], await tree());
    expect(code).toBe(1);
    expect(stderr).toBe('Из заголовка «!!!» не получается адрес: в нём нет букв или цифр. Задайте его через --slug.\n');
  });

  it('to run without a title (exit 2, with usage)', async () => {
    const { code, stderr } = await run([], await tree());
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('Нужен заголовок: --title "Заголовок статьи".');
  });
});

describe('npm run new\'s command line', () => {
  it('prints its usage on --help in the article\'s language (ru, kk, en) and exits 0; names an unknown option with the usage, exit 2', async () => {
    const cwd = await tree();
    expect(await run(['--help'], cwd)).toEqual({ code: 0, stdout: `${usage(NEW_SPEC, 'ru')}\n`, stderr: '' });
    expect((await run(['--help'], cwd)).stdout).toMatch(/^Использование: npm run new -- \[параметры\]\n\nСоздаёт файл статьи[^]*\n  --lang ru\|kk\|en +язык статьи \(по умолчанию ru\)\n/);
    expect(await run(['-h', '--lang', 'kk'], cwd)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Қолданылуы: npm run new -- \[параметрлер\]\n/) });
    expect(await run(['--lang', 'en', '--help'], cwd)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run new -- \[options\]\n[^]*--title "Title"/) });
    expect(await run(['--titel', 'Х'], cwd)).toEqual({ code: 2, stdout: '', stderr: `Неизвестный параметр «--titel».\n\n${usage(NEW_SPEC, 'ru')}\n` });
    expect(await run(['--title', 'Х', '--lang', 'de'], cwd)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--lang «de»: язык статьи — ru, kk или en\.\n/) });
  });
});

describe('slugs for new articles', () => {
  it('cuts a long title after the last whole word within 60 characters', () => {
    const slug = slugFromTitle('Казахстан усиливает сотрудничество с одной из самых богатых провинций Китая');
    expect(slug).toBe('kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh');
    expect(slug.length).toBe(60);
  });

  it('cuts a single overlong word where it must', () => {
    expect(slugFromTitle('a'.repeat(70))).toBe('a'.repeat(60));
  });

  it('appends -2, -3 … until the slug is free', () => {
    expect(uniqueSlug('vybory', new Set())).toBe('vybory');
    expect(uniqueSlug('vybory', new Set(['vybory', 'vybory-2']))).toBe('vybory-3');
  });
});
