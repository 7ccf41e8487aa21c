import { describe, expect, it } from 'vitest';
import { importText } from './import-helpers.js';
import { wxr } from './wxr-fixture.js';

const news = (files: Record<string, string>) => Object.keys(files).filter((f) => f.startsWith('news/')).sort();

describe('bad input', () => {
  it('says a file that is not XML is not one, and writes nothing', async () => {
    const run = await importText('title,date\nВыборы,2020-01-01\n', [], 'export.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('«export.csv» — не XML. Импорт читает выгрузку WordPress (Инструменты → Экспорт), ленту RSS или Atom и карту сайта sitemap.xml.\n');
    expect(news(run.files)).toEqual([]);
  });

  it('says an HTML page or another XML document is not an export', async () => {
    expect((await importText('<!DOCTYPE html><html><body>Сайт</body></html>', [], 'page.html')).stderr).toContain('— HTML-страница, а не выгрузка.');
    expect((await importText('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', [], 'x.xml')).stderr).toContain('его корневой элемент <svg>');
  });

  it('imports everything before the cut of a truncated export, and reports the cut', async () => {
    const whole = wxr([{ id: 1, title: 'Первая', slug: 'a' }, { id: 2, title: 'Вторая', slug: 'b' }]);
    const cut = whole.slice(0, whole.indexOf('<wp:post_name><![CDATA[b'));
    const run = await importText(cut);
    expect(run.code).toBe(0);
    expect(news(run.files)).toEqual(['news/2015/01/a.ru.md']);
    expect(run.report).toMatch(/Файл обрывается на строке \d+, посреди «Вторая»: всё до обрыва перенесено/);
  });

  it('drops control characters and reports them with their line, never stopping', async () => {
    const run = await importText(wxr([{ id: 1, title: 'Вы\u0001боры', slug: 'a', content: 'Текст\u0008 статьи.' }]));
    expect(run.code).toBe(0);
    expect(run.files['news/2015/01/a.ru.md']).toContain('title: Выборы\n');
    expect(run.files['news/2015/01/a.ru.md']).toContain('\nТекст статьи.\n');
    expect(run.report).toMatch(/Управляющие символы, недопустимые в XML: 2 — удалены \(строки \d+, \d+\)/);
  });

  it('reads content with "]]>" split across CDATA sections as WordPress writes it, and a stray one as text', async () => {
    const run = await importText(wxr([{ id: 1, title: 'А', slug: 'a', content: 'x[1]]]]><![CDATA[> y' }, { id: 2, title: 'Б', slug: 'b', extra: '<wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>a ]]> b</wp:meta_value></wp:postmeta>' }]));
    expect(run.files['news/2015/01/a.ru.md']).toContain('\nx\\[1\\]\\]> y\n');
    expect(news(run.files)).toEqual(['news/2015/01/a.ru.md', 'news/2015/01/b.ru.md']);
    expect(run.report).toContain('прочитано как есть');
  });

  it('takes right-to-left and zero-width marks out of titles and slugs', async () => {
    const run = await importText(wxr([{ id: 1, title: '\u202EВыборы\u200B 2026\u200F', slug: '\u200Bvybory\u202E-2026' }]));
    expect(news(run.files)).toEqual(['news/2015/01/vybory-2026.ru.md']);
    expect(run.files['news/2015/01/vybory-2026.ru.md']).toContain('title: Выборы 2026\n');
    expect(run.report).toContain('из заголовка убраны невидимые символы');
  });
});
