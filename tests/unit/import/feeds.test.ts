import { describe, expect, it } from 'vitest';
import { importText } from './import-helpers.js';

/** Text in windows-1251, as old Russian sites still serve their feeds (Node has a decoder, no encoder). */
function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    if (c === 0xab) return 0xab;
    if (c === 0xbb) return 0xbb;
    throw new Error(`no ${ch} in windows-1251`);
  }));
}

const rss = (encoding: string, items: string) => `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Старая лента</title><link>https://old.kz/</link><language>ru</language>
${items}
</channel></rss>`;

describe('RSS and Atom', () => {
  it('reads a windows-1251 RSS feed: title, date, author, categories, full text, enclosure', async () => {
    const item = `<item><title>Выборы в маслихаты прошли спокойно</title><link>https://old.kz/news/vybory-v-maslihaty.html</link>
<guid>https://old.kz/news/123</guid><pubDate>Tue, 27 Jan 2015 14:56:00 +0000</pubDate><dc:creator>Анна Петрова</dc:creator>
<category>Политика</category><description>Коротко.</description><content:encoded><![CDATA[<p>Полный «текст» статьи.</p>]]></content:encoded>
<enclosure url="https://old.kz/img/1.jpg" type="image/jpeg" length="1"/></item>`;
    const run = await importText(cp1251(rss('windows-1251', item)), [], 'feed.xml');
    expect(run.code).toBe(0);
    expect(run.files['news/2015/01/vybory-v-maslihaty.ru.md']).toBe(
      [
        '---',
        'title: Выборы в маслихаты прошли спокойно',
        'lead: Коротко.',
        'date: 2015-01-27T20:56+06:00',
        'author: anna-petrova',
        'topics: [politika]',
        'aliases:',
        '  - /news/vybory-v-maslihaty.html',
        '---',
        '',
        'Полный «текст» статьи.',
        '',
      ].join('\n'),
    );
    expect(run.report).toContain('картинка не перенесена: https://old.kz/img/1.jpg (offline)');
  });

  it('takes the summary when a feed has no full text, and reports it', async () => {
    const run = await importText(rss('UTF-8', '<item><title>Анонс</title><link>https://old.kz/a</link><pubDate>Tue, 27 Jan 2015 14:56:00 +0000</pubDate><description>Только начало…</description></item>'), [], 'feed.xml');
    expect(run.files['news/2015/01/a.ru.md']).toContain('\nТолько начало…\n');
    expect(run.report).toContain('`news/2015/01/a.ru.md` — в источнике только анонс, не полный текст: допишите статью');
    expect(run.report).toContain('в источнике нет рубрики: поставлена тема «Архив»');
  });

  it('reads an Atom feed, its language from xml:lang', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="kk"><title>Арна</title><link href="https://old.kz/"/>
<entry><title type="html">Астана &amp;amp; Алматы</title><link rel="alternate" href="https://old.kz/2020/astana-almaty"/><id>tag:old.kz,2020:1</id>
<published>2020-05-01T10:00:00Z</published><author><name>Ерлан</name></author><category term="qogam" label="Қоғам"/>
<content type="html">&lt;p&gt;Мәтін.&lt;/p&gt;</content></entry></feed>`;
    const run = await importText(atom, [], 'feed.atom');
    expect(run.files['news/2020/05/astana-almaty.kk.md']).toContain('title: Астана & Алматы\n');
    expect(run.files['news/2020/05/astana-almaty.kk.md']).toContain('date: 2020-05-01T16:00+06:00\nauthor: erlan\ntopics: [qogam]\n');
    expect(run.files['news/2020/05/astana-almaty.kk.md']).toMatch(/\n\nМәтін\.\n$/);
    expect(run.stderr).toContain('Материалы будут записаны на языке «kk»');
  });
});
