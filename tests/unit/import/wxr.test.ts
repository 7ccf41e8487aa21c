import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/cli/check.js';
import { emptyContent, runImport } from '../../import-run.js';
import { makePhoto } from '../../photo.js';
import { importText, readTree } from './import-helpers.js';
import { wxr } from './wxr-fixture.js';

const article = (files: Record<string, string>) => Object.entries(files).filter(([f]) => f.startsWith('news/'));

describe('a WordPress export (WXR)', () => {
  it('writes a post as an article: title, date in Almaty time, author, topics, lead, body, aliases', async () => {
    const { files, code } = await importText(wxr([{ id: 7, title: 'Выборы &amp; итоги', slug: 'vybory', excerpt: '<p>Явка 54 %.</p>', content: '<p>Первый абзац.</p>' }]));
    expect(code).toBe(0);
    expect(files['news/2015/01/vybory.ru.md']).toBe(
      [
        '---',
        'title: Выборы & итоги',
        'lead: Явка 54 %.',
        'date: 2015-01-27T20:56:57+06:00',
        'author: anna',
        'topics: [novosti]',
        'aliases:',
        '  - /vybory/',
        '  - /vybory',
        '  - /?p=7',
        '---',
        '',
        'Первый абзац.',
        '',
      ].join('\n'),
    );
    expect(files['authors.yml']).toBe('# Imported from WordPress, login anna\nanna:\n  name:\n    ru: Анна Петрова\n    kk: Анна Петрова\n    en: Анна Петрова\n  role:\n    ru: Автор\n    kk: Автор\n    en: Author\n');
    expect(files['topics.yml']).toContain('# Imported from WordPress: category novosti\nnovosti:\n  name:\n    ru: Новости\n');
  });

  it('reads WXR 1.0, 1.1 and 1.2 in both namespace spellings alike', async () => {
    for (const [version, https] of [['1.0', false], ['1.1', false], ['1.2', true], ['1.2', false]] as const) {
      const { files } = await importText(wxr([{ id: 1, title: 'Тест', slug: 'test' }], { version, https }));
      expect(Object.keys(files).filter((f) => f.startsWith('news/')), `${version} ${https}`).toEqual(['news/2015/01/test.ru.md']);
    }
  });

  it('percent-decodes a Cyrillic slug and transliterates it by the project\'s rules', async () => {
    const slug = encodeURIComponent('выборы-в-маслихаты').toLowerCase();
    const { files } = await importText(wxr([{ id: 1, title: 'Т', slug, link: `https://old.kz/2015/01/${slug}/` }]));
    const [name, text] = article(files)[0]!;
    expect(name).toBe('news/2015/01/vybory-v-maslihaty.ru.md');
    // The old address answers in the case browsers send and in WordPress's own.
    expect(text).toContain(`  - /2015/01/${slug.toUpperCase().replace(/-/g, '-')}/`.replace(/%([0-9A-F]{2})/g, '%$1'));
    expect(text).toContain(`  - /2015/01/${slug}/`);
  });

  it('falls back to the local date with --timezone when the GMT date is zero', async () => {
    const post = { id: 1, title: 'Черновик', slug: 'c', status: 'draft', gmt: '0000-00-00 00:00:00', date: '2020-03-01 10:00:00' };
    expect(article((await importText(wxr([post]))).files)[0]![1]).toContain('date: 2020-03-01T10:00+06:00');
    expect(article((await importText(wxr([post]), ['--timezone', 'Europe/Moscow'])).files)[0]![1]).toContain('date: 2020-03-01T13:00+06:00');
  });

  it('imports draft, pending and private posts as drafts, a future one at its date, and leaves trash out', async () => {
    const { files, report } = await importText(
      wxr([
        { id: 1, title: 'Черновик', slug: 'a', status: 'draft' },
        { id: 2, title: 'На проверке', slug: 'b', status: 'pending' },
        { id: 3, title: 'Личная', slug: 'c', status: 'private' },
        { id: 4, title: 'Будущая', slug: 'd', status: 'future', gmt: '2099-01-01 05:00:00' },
        { id: 5, title: 'Удалённая', slug: 'e', status: 'trash' },
      ]),
    );
    const drafts = article(files).filter(([, t]) => t.includes('\ndraft: true\n')).map(([f]) => f);
    expect(drafts).toEqual(['news/2015/01/a.ru.md', 'news/2015/01/b.ru.md', 'news/2015/01/c.ru.md']);
    expect(files['news/2099/01/d.ru.md']).toContain('date: 2099-01-01T10:00+05:00');
    expect(Object.keys(files).some((f) => f.includes('/e.ru.md'))).toBe(false);
    expect(report).toContain('«Удалённая»: в корзине');
  });

  it('writes a page as a static page with its old addresses, and reports a draft page left out', async () => {
    const { files, report } = await importText(wxr([{ id: 2, title: 'О нас', slug: 'o-nas', type: 'page' }, { id: 3, title: 'Скоро', slug: 'skoro', type: 'page', status: 'draft' }]));
    expect(files['pages/o-nas.ru.md']).toBe('---\ntitle: О нас\naliases:\n  - /o-nas/\n  - /o-nas\n  - /?page_id=2\n---\n\nТекст.\n');
    expect(report).toContain('«Скоро»: черновик страницы');
  });

  it('makes categories and tags topics, categories first; counts comments without importing them', async () => {
    const { files, report } = await importText(wxr([{ id: 1, title: 'Т', slug: 't', comments: 3, categories: [['post_tag', 'astana', 'Астана'], ['category', 'politika', 'Политика']] }]));
    expect(article(files)[0]![1]).toContain('topics: [politika, astana]');
    expect(report).toContain('- Комментарии: 3 — не переносятся');
  });

  it('leaves tags out of the topics with --no-tags, and says so', async () => {
    const { files, report } = await importText(wxr([{ id: 1, title: 'Т', slug: 't', categories: [['post_tag', 'astana', 'Астана'], ['category', 'politika', 'Политика']] }]), ['--no-tags']);
    expect(article(files)[0]![1]).toContain('topics: [politika]');
    expect(report).toContain('Метки (--no-tags) и рубрики без единой записи: 1');
  });

  it('turns [caption], [gallery] and [embed] into the figure, the gallery block and the embed line, and reports another shortcode by file and line', async () => {
    const content = 'Первый.\n\n[caption id="x" width="300"]<img src="https://old.kz/a.jpg" alt="Площадь"> Площадь Республики[/caption]\n\n[embed]https://www.youtube.com/watch?v=abcdefghijk[/embed]\n\n[contact-form-7 id="5"]\n\nПоследний.';
    const { files, report } = await importText(wxr([{ id: 1, title: 'Т', slug: 't', content }]));
    const text = article(files)[0]![1];
    expect(text).toContain('\nПервый.\n\nhttps://www.youtube.com/watch?v=abcdefghijk\n\nПоследний.\n');
    expect(text).not.toContain('[contact-form-7');
    expect(text).not.toContain('[caption');
    expect(report).toContain('- `news/2015/01/t.ru.md:13` — картинка не перенесена: https://old.kz/a.jpg (offline)');
    expect(report).toContain('- `news/2015/01/t.ru.md:15` — шорткод [contact-form-7] убран');
  });

  it('reports a dynamic block by file and line and keeps block content as Markdown', async () => {
    const content = '<!-- wp:paragraph -->\n<p>До.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:latest-posts /-->\n\n<!-- wp:paragraph -->\n<p>После.</p>\n<!-- /wp:paragraph -->';
    const { files, report } = await importText(wxr([{ id: 1, title: 'Т', slug: 't', content }]));
    expect(article(files)[0]![1]).toMatch(/\n\nДо\.\n\nПосле\.\n$/);
    expect(report).toContain('- `news/2015/01/t.ru.md:13` — блок wp:latest-posts убран');
  });

  it('brings inline pictures and a gallery from --uploads into media/, each with its alt and caption, and npm run check accepts them', async () => {
    const attachment = (id: number, file: string, alt: string) =>
      `<item><title>${file}</title><excerpt:encoded><![CDATA[Подпись ${id}]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:post_parent>1</wp:post_parent><wp:attachment_url>https://old.kz/wp-content/uploads/2014/05/${file}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${alt}]]></wp:meta_value></wp:postmeta></item>`;
    const content = 'Текст.\n\n<a href="https://old.kz/wp-content/uploads/2014/05/a.jpg"><img src="https://old.kz/wp-content/uploads/2014/05/a-300x200.jpg" alt=""></a>\n\n[gallery ids="91,92"]';
    const source = wxr([{ id: 1, title: 'Т', slug: 't', content }]).replace('</channel>', `${attachment(91, 'a.jpg', 'Байтерек')}\n${attachment(92, 'b.jpg', 'Хан Шатыр')}\n</channel>`);
    const { root, content: dir } = await emptyContent();
    await writeFile(path.join(root, 'export.xml'), source);
    await mkdir(path.join(root, 'uploads/2014/05'), { recursive: true });
    for (const file of ['a.jpg', 'b.jpg']) await makePhoto(path.join(root, 'uploads/2014/05', file), { width: 40, height: 30, format: 'jpeg' });
    const run = await runImport(['export.xml', '--content', 'content', '--uploads', 'uploads'], root);
    const files = await readTree(dir);
    expect(files['news/2015/01/t.ru.md']).toMatch(
      /\n\nТекст\.\n\n!\[Байтерек\]\(\/media\/2014\/05\/a\.jpg "Подпись 91"\)\n\n::: gallery\n!\[Байтерек\]\(\/media\/2014\/05\/a\.jpg "Подпись 91"\)\n!\[Хан Шатыр\]\(\/media\/2014\/05\/b\.jpg "Подпись 92"\)\n:::\n$/,
    );
    expect(run.report).toContain('скопировано из --uploads 2');
    let out = '';
    const code = await runCheck(['--dir', dir], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, cwd: root, env: {} });
    expect(out.split('\n').filter((l) => !l.includes('уже 1200 пикселей') && !l.includes('шириной 40 пикселей') && !l.startsWith('Предупреждений'))).toEqual(['Проблем нет: проверено 1 статья', '']);
    expect(code).toBe(0);
  });

  it('takes the featured image\'s alt, caption and credit from its attachment and the file from --uploads', async () => {
    const attachment = `<item><title>IMG_0001.jpg</title><excerpt:encoded><![CDATA[Байтерек на закате]]></excerpt:encoded><wp:post_id>90</wp:post_id><wp:post_type>attachment</wp:post_type><wp:post_parent>1</wp:post_parent><wp:attachment_url>https://old.kz/wp-content/uploads/2014/05/IMG_0001.jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Байтерек]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_media_credit</wp:meta_key><wp:meta_value><![CDATA[Иван Петров]]></wp:meta_value></wp:postmeta></item>`;
    const source = wxr([{ id: 1, title: 'Т', slug: 't', meta: { _thumbnail_id: '90' } }]).replace('</channel>', `${attachment}\n</channel>`);
    const { root, content } = await emptyContent();
    await writeFile(path.join(root, 'export.xml'), source);
    await mkdir(path.join(root, 'uploads/2014/05'), { recursive: true });
    await makePhoto(path.join(root, 'uploads/2014/05/IMG_0001.jpg'), { width: 40, height: 30, format: 'jpeg' });
    const run = await runImport(['export.xml', '--content', 'content', '--uploads', 'uploads'], root);
    const files = await readTree(content);
    expect(files['news/2015/01/t.ru.md']).toContain('image:\n  src: 2014/05/img-0001.jpg\n  alt: Байтерек\n  caption: Байтерек на закате\n  credit: Иван Петров\n');
    expect(Object.keys(files)).toContain('media/2014/05/img-0001.jpg');
    expect(run.report).toContain('скопировано из --uploads 1');
  });
});
