import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { message } from '../../src/cli/messages.js';
import { previewToken } from '../../src/preview.js';
import { FIXTURES, VALID } from '../helpers.js';
import { makePhoto } from '../photo.js';

const PROJECT = path.resolve(FIXTURES, '../..');
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder holding content/: a copy of the valid fixture, plus files copied or written into it. */
async function tree(extra: Record<string, string> = {}, copies: Record<string, string> = {}): Promise<string> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'dknews-check-'));
  made.push(cwd);
  await cp(VALID, path.join(cwd, 'content'), { recursive: true });
  for (const [to, from] of Object.entries(copies)) await cp(path.join(FIXTURES, from), path.join(cwd, 'content', to), { recursive: true });
  for (const [to, text] of Object.entries(extra)) await writeFile(path.join(cwd, 'content', to), text);
  return cwd;
}

/** Drafts' preview links are signed with this, so that no test writes a secret into the project's data/. */
const SECRET = { PREVIEW_SECRET: 'a-secret-of-the-check-tests', SITE_URL: 'https://dknews.example' };
/** What check prints of the valid fixture's draft and scheduled article (content/ as `root`): each one's secret preview link. */
const previews = (root = 'content', more: string[] = []) => {
  const link = (slug: string) => `https://dknews.example/ru/preview/${slug}/${previewToken(Buffer.from(SECRET.PREVIEW_SECRET), 'ru', slug)}`;
  const files = ['draft-story', 'future-story', ...more].sort();
  return [
    `Ссылки для предпросмотра черновиков и ещё не опубликованных статей (${files.length}; секретные — не публикуйте их):`,
    ...files.map((slug) => `${root}/news/${slug}.ru.md  ${link(slug)}`),
  ];
};
const PREVIEWS = previews().join('\n');

async function check(argv: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: { ...SECRET, ...env } };
  const code = await runCheck(argv, io);
  return { code, stdout, stderr };
}

const invalid = (name: string) => ({ [`news/${name}`]: `invalid/news/${name}` });

describe('npm run check on valid content', () => {
  it('exits 0 and counts the articles it checked, drafts and scheduled ones included', async () => {
    expect(await check(['--dir', 'tests/fixtures/valid'], PROJECT)).toEqual({ code: 0, stdout: `${previews('tests/fixtures/valid').join('\n')}\nПроблем нет: проверено 5 статей\n`, stderr: '' });
  });

  it('speaks English with --lang en', async () => {
    const { stdout } = await check(['--dir', 'tests/fixtures/valid', '--lang', 'en'], PROJECT);
    expect(stdout.split('\n')[0]).toBe('Preview links of drafts and articles not yet published (2; secret: do not publish them):');
    expect(stdout.endsWith('\nNo problems: 5 articles checked\n')).toBe(true);
  });

  it('checks CONTENT_DIR, and content/ where the command runs when neither is given', async () => {
    expect((await check([], PROJECT, { CONTENT_DIR: 'tests/fixtures/valid' })).code).toBe(0);
    expect((await check([], await tree())).stdout).toBe(`${PREVIEWS}\nПроблем нет: проверено 5 статей\n`);
  });
});

describe('npm run check on broken content', () => {
  const broken = tree(
    {
      'news/broken-draft.ru.md': '---\ntitle: Черновик\ndate: 2026-01-10\nauthor: anya\ntopics: [economy]\ndraft: true\n---\nТекст.\n',
      'news/broken-future.ru.md': '---\ntitle: Будущее\ndate: 2031-01-01\nauthor: anna\ntopics: [politcs]\n---\nТекст.\n',
    },
    {
      ...invalid('unknown-topic.ru.md'),
      ...invalid('yaml-syntax.ru.md'),
      ...invalid('not-utf8.ru.md'),
      ...invalid('empty.ru.md'),
      ...invalid('updated-before-date.ru.md'),
      ...invalid('image-missing.ru.md'),
      ...invalid('image-without-alt.ru.md'),
      'news/cross': 'cross/news',
    },
  );

  it('prints one line per problem, sorted by file and line, then the count, and exits 1', async () => {
    const { code, stdout, stderr } = await check([], await broken);
    expect(stdout.split('\n')).toEqual([
      'content/news/broken-draft.ru.md:4:1  author  Неизвестный автор «anya». Может быть, «anna»? Есть: anna. Новых авторов добавляют в authors.yml.',
      'content/news/broken-future.ru.md:5:10  topics.0  Неизвестная тема «politcs». Может быть, «politics»? Есть: economy, politics. Новые темы добавляют в topics.yml.',
      'content/news/cross/links.ru.md:8  body  Ссылка «/ru/news/frist-story» ведёт на статью, которой нет. Может быть, «/ru/news/first-story»? Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.',
      'content/news/cross/links.ru.md:10  body  Ссылка «/kk/news/first-story/» ведёт на статью, которой нет. Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.',
      'content/news/cross/orphan-story.en.md:1  -  Перевод без русского оригинала: нет файла orphan-story.ru.md. Статья показывается, но переводы связываются по имени файла — добавьте оригинал или переименуйте файл по slug русской статьи.',
      'content/news/empty.ru.md:1  -  Файл пуст. Добавьте front matter и текст статьи или удалите файл.',
      'content/news/image-missing.ru.md:6:10  image.src  Изображения «2026/01/nope.jpg» нет в папке media. Положите файл в content/media/2026/01/nope.jpg или исправьте путь.',
      'content/news/image-without-alt.ru.md:6:1  image.alt  Нет alt — описания картинки. Его читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась, по нему картинку находят поисковики. Напишите одной фразой, что на снимке, например «alt: Переговоры в Нанкине».',
      'content/news/not-utf8.ru.md:1  -  Файл не в кодировке UTF-8. Сохраните его в UTF-8.',
      'content/news/unknown-topic.ru.md:5:19  topics.1  Неизвестная тема «ekonomika». Может быть, «economy»? Есть: economy, politics. Новые темы добавляют в topics.yml.',
      'content/news/updated-before-date.ru.md:4:1  updated  Дата обновления 2026-01-19T09:00 раньше даты публикации 2026-01-20T09:00.',
      'content/news/yaml-syntax.ru.md:5:1  -  Ошибка синтаксиса YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Каждое поле пишется как «имя: значение»; значение с двоеточием, кавычками или знаками [ ] { } # в начале берут в двойные кавычки.',
      ...previews(),
      'Найдено проблем: 12',
      '',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('prints the same problems in English with --lang en', async () => {
    const { code, stdout } = await check(['--lang', 'en'], await broken);
    const lines = stdout.split('\n');
    expect(lines[2]).toBe(
      'content/news/cross/links.ru.md:8  body  The link "/ru/news/frist-story" points to an article that does not exist. Did you mean "/ru/news/first-story"? Check the path: /lang/news/slug, the slug being the article\'s file name.',
    );
    expect(lines.at(-2)).toBe('Problems found: 12');
    expect(code).toBe(1);
  });

  it('reports a clash of aliases that only a scheduled article would bring', async () => {
    const cwd = await tree({ 'news/later.ru.md': '---\ntitle: Позже\ndate: 2031-01-01\nauthor: anna\ntopics: [economy]\naliases: [/ru/old/123]\n---\nТекст.\n' });
    expect((await check([], cwd)).stdout).toBe(
      // Files claim aliases in path order, as on the server once both are public.
      `content/news/second-story.ru.md:1  aliases  Старый адрес «/ru/old/123» уже указан в content/news/later.ru.md.\n${previews('content', ['later']).join('\n')}\nНайдено проблем: 1\n`,
    );
  });
});

describe('npm run check on pictures', () => {
  const story = (image: string, body = 'Текст.') =>
    `---\ntitle: Снимок\ndate: 2026-01-30T10:00\nauthor: anna\ntopics: [economy]\nimage:\n${image}\n---\n${body}\n`;

  it('warns about an 18 MB original, one narrower than 1200 px and a wrong typed size, and still passes', async () => {
    const cwd = await tree({
      'news/heavy.ru.md': story('  src: heavy.png\n  alt: Снимок'),
      'news/narrow.ru.md': story('  src: narrow.jpg\n  alt: Снимок\n  width: 800\n  height: 600'),
    });
    // A 3000×2000 photo stored without compression: 18 MB, as a camera or a careless export makes it.
    await makePhoto(path.join(cwd, 'content/media/heavy.png'), { width: 3000, height: 2000, compression: 0 });
    await makePhoto(path.join(cwd, 'content/media/narrow.jpg'), { width: 800, height: 500, format: 'jpeg' });
    const result = await check([], cwd);
    expect(result.stdout.split('\n')).toEqual([
      'content/news/heavy.ru.md:7  image.src  Предупреждение: Оригинал «heavy.png» весит 18,0 МБ — больше 10 МБ. Читатели получат уменьшенные копии, но такой файл долго хранить и обрабатывать: сохраните фото в JPEG с качеством 85–90 %.',
      'content/news/narrow.ru.md:7  image.src  Предупреждение: Изображение «narrow.jpg» шириной 800 пикселей, а для крупных превью в Google Discover и соцсетях нужно не меньше 1200. Найдите фото крупнее.',
      'content/news/narrow.ru.md:7  image  Предупреждение: Указан размер 800×600, а файл «narrow.jpg» — 800×500. Размер читается из файла сам: удалите width и height.',
      'Предупреждений: 3 (сайт работает, но их стоит исправить)',
      ...previews(),
      'Проблем нет: проверено 7 статей',
      '',
    ]);
    expect(result.code).toBe(0);
  });

  it('fails on a file that is not an image, and on a missing one, naming line and field', async () => {
    const cwd = await tree({
      'media/fake.jpg': 'this is text, not a JPEG',
      'news/fake.ru.md': story('  src: fake.jpg\n  alt: Снимок'),
      'news/gone.ru.md': story('  src: photo.png\n  alt: Снимок', 'Текст.\n\n![Схема](/media/gone.png)'),
    });
    const result = await check(['--lang', 'en'], cwd);
    expect(result.stdout).toMatch(/^content\/news\/fake\.ru\.md:7 {2}image\.src {2}The file "fake\.jpg" cannot be read as an image \(.+\)\. Save it again as JPEG, PNG, WebP or AVIF\.$/m);
    expect(result.stdout).toContain('content/news/gone.ru.md:12  body  The image "gone.png" is not in the media folder. Put the file at content/media/gone.png or fix the path.\n');
    expect(result.stdout).toContain('Problems found: 2\n');
    expect(result.code).toBe(1);
  });
});

describe('npm run check with a broken site-wide file', () => {
  it('prints every problem of site.yml and exits 1', async () => {
    const cwd = await tree({ 'site.yml': 'founded: 1800\nname: { ru: Имя, kk: Аты, en: Name }\nshortName: x\n' });
    expect(await check([], cwd)).toEqual({
      code: 1,
      stdout: [
        'content/site.yml:1:1  founded  Нужно целое неотрицательное число, а указано «1800».',
        'content/site.yml:1:1  description  Обязательное поле не заполнено.',
        'content/site.yml:1:1  registration  Обязательное поле не заполнено.',
        'content/site.yml:3:1  shortName  Поле shortName — это тексты на трёх языках: ru, kk и en на отдельных строках, а не строка «x».',
        'Найдено проблем: 4',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

describe('npm run check with a warning only', () => {
  it('prints a role missing in a language as a warning and exits 0', async () => {
    const cwd = await tree({ 'authors.yml': 'anna:\n  name: { ru: Анна, kk: Анна, en: Anna }\n  role: { ru: Корреспондент, en: Correspondent }\n' });
    expect(await check([], cwd)).toEqual({
      code: 0,
      stdout: [
        'content/authors.yml:3:3  anna.role.kk  Предупреждение: У автора anna нет должности на казахском (role.kk): там будет показана «Корреспондент». Добавьте в role строку «kk: …».',
        'Предупреждений: 1 (сайт работает, но их стоит исправить)',
        ...previews(),
        'Проблем нет: проверено 5 статей',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});

describe('npm run check and drafts’ previews', () => {
  it('without PREVIEW_SECRET signs the links with the secret kept in DATA_DIR, made once with mode 0600', async () => {
    const cwd = await tree();
    const env = { PREVIEW_SECRET: '', SITE_URL: 'https://dknews.example', DATA_DIR: 'var' };
    const first = (await check([], cwd, env)).stdout;
    const secret = path.join(cwd, 'var', 'preview-secret');
    expect((await stat(secret)).mode & 0o777).toBe(0o600);
    const token = previewToken(Buffer.from((await readFile(secret, 'utf8')).trim(), 'base64url'), 'ru', 'draft-story');
    expect(first).toContain(`content/news/draft-story.ru.md  https://dknews.example/ru/preview/draft-story/${token}\n`);
    expect((await check([], cwd, env)).stdout).toBe(first);
  });
});

describe('npm run check misused', () => {
  it('exits 2 when the folder does not exist', async () => {
    expect(await check(['--dir', 'nowhere'], PROJECT)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Нет папки с материалами «nowhere». Укажите её через --dir или CONTENT_DIR.\nИспользование: npm run check [-- --lang ru|kk|en] [-- --dir папка]\n',
    });
  });

  it('exits 2 on a language it has no messages in', async () => {
    const { code, stderr } = await check(['--lang', 'de'], PROJECT);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--lang «de»: сообщения бывают на ru, kk или en.');
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await check(['--verbose'], PROJECT);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Неверный параметр: Unknown option '--verbose'/);
  });
});

describe('the count line', () => {
  it.each([
    [1, 'Проблем нет: проверено 1 статья'],
    [2, 'Проблем нет: проверено 2 статьи'],
    [5, 'Проблем нет: проверено 5 статей'],
    [21, 'Проблем нет: проверено 21 статья'],
    [0, 'Проблем нет: проверено 0 статей'],
  ])('Russian, %i', (count, expected) => expect(message('no_problems', 'ru', { count })).toBe(expected));

  it('English', () => {
    expect(message('no_problems', 'en', { count: 1 })).toBe('No problems: 1 article checked');
    expect(message('problems_found', 'en', { count: 3 })).toBe('Problems found: 3');
  });
});
