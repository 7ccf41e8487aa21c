import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../src/import/html-to-markdown.js';

const md = (html: string, context = {}) => htmlToMarkdown(html, context).markdown;

describe('HTML to Markdown', () => {
  it('writes paragraphs, bold, italic, links and headings, the title being the only h1', () => {
    expect(md('<h1>Раздел</h1><p>Текст <strong>жирный</strong> и <em>курсив</em>, <a href="https://gov.kz/">ссылка</a>.</p><h3>Ниже</h3>')).toBe(
      '## Раздел\n\nТекст **жирный** и *курсив*, [ссылка](https://gov.kz/).\n\n### Ниже',
    );
  });

  it('writes nested lists one line per item, ordered lists from their start', () => {
    expect(md('<ul>\n<li>Один\n<ul>\n<li>Вложенный</li>\n</ul>\n</li>\n<li>Два</li>\n</ul><ol start="3"><li>три</li><li>четыре</li></ol>')).toBe(
      '- Один\n  - Вложенный\n- Два\n\n3. три\n4. четыре',
    );
  });

  it('numbers an ordered list from its start, a nested one from 2 set apart from the item\'s text', () => {
    expect(md('<ol start="8">\n <li>Восемь\n<ol start="2">\n <li>два</li>\n <li>три</li>\n</ol>\n</li>\n <li>Девять</li>\n</ol>')).toBe('8. Восемь\n\n   2. два\n   3. три\n9. Девять');
  });

  it('writes a table as a GFM table, a line break in a cell as a space', () => {
    expect(md('<table><thead><tr><th>Год</th><th>Рост</th></tr></thead><tbody><tr><td>2025</td><td>4,8<br>%</td></tr></tbody></table>')).toBe('| Год | Рост |\n| --- | --- |\n| 2025 | 4,8 % |');
  });

  it('writes a blockquote with its cite as an attributed quote', () => {
    expect(md('<blockquote><p>Реформы продолжатся.</p><cite>Касым-Жомарт Токаев, Президент РК</cite></blockquote>')).toBe('> Реформы продолжатся.\n>\n> — Касым-Жомарт Токаев, Президент РК');
  });

  it('writes a provider link alone on its line as the embed line, from a bare link, an iframe or an embed block', () => {
    expect(md('<p>https://youtu.be/dQw4w9WgXcQ</p>')).toBe('https://youtu.be/dQw4w9WgXcQ');
    expect(md('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(md('<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/kazakhstan/status/123456789\n</div></figure>')).toBe('https://twitter.com/kazakhstan/status/123456789');
    expect(md('<script async src="https://telegram.org/js/telegram-widget.js" data-telegram-post="dknews_kz/1234"></script>')).toBe('https://t.me/dknews_kz/1234');
  });

  it('keeps a link of any other site alone on its line as a plain link, underscores unescaped', () => {
    expect(md('<p>https://example.org/a_b?c=d_e</p>')).toBe('<https://example.org/a_b?c=d_e>');
  });

  it('leaves a picture as a placeholder with its alt, taking the full-size file a thumbnail links to', () => {
    const result = htmlToMarkdown('<p><a href="https://old.kz/wp-content/uploads/2013/03/a.jpg"><img src="https://old.kz/wp-content/uploads/2013/03/a-300x200.jpg" alt="Астана"></a></p>', {});
    const n = Number(/^!\[Астана\]\(import-media:(\d+)\)$/.exec(result.markdown)?.[1]);
    expect(result.media[n]).toEqual({ src: 'https://old.kz/wp-content/uploads/2013/03/a.jpg', alt: 'Астана' });
  });

  it('takes a figure\'s caption, and a picture\'s alt and credit from its attachment when the HTML has none', () => {
    const pictures = new Map([['https://old.kz/b.jpg', { url: 'https://old.kz/b.jpg', alt: 'Байтерек', credit: 'Иван Петров' }]]);
    const result = htmlToMarkdown('<figure class="wp-block-image"><img src="https://old.kz/b.jpg"><figcaption>Вид на Байтерек</figcaption></figure>', { pictures });
    expect(result.markdown).toMatch(/^!\[Байтерек\]\(import-media:\d+\)$/);
    expect(result.media.at(-1)).toEqual({ src: 'https://old.kz/b.jpg', alt: 'Байтерек', caption: 'Вид на Байтерек', credit: 'Иван Петров' });
  });

  it('writes a gallery as a ::: gallery block of its pictures', () => {
    const result = htmlToMarkdown('<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="/a.jpg" alt="А"></figure><figure class="wp-block-image"><img src="/b.jpg" alt="Б"></figure></figure>', {});
    expect(result.markdown).toMatch(/^::: gallery\n!\[А\]\(import-media:\d+\)\n!\[Б\]\(import-media:\d+\)\n:::$/);
  });

  it('takes out scripts, forms and other sites\' iframes, and says so', () => {
    const result = htmlToMarkdown('<p>До</p><iframe src="https://maps.example/embed"></iframe><form><input></form><p>После</p>', {});
    expect(result.markdown.replace(/\uE000\d+\uE001/g, '').replace(/\n+/g, '\n')).toBe('До\nПосле');
    expect(result.notes).toEqual([
      { code: 'html_dropped', detail: '<iframe src="https://maps.example/embed">' },
      { code: 'html_dropped', detail: '<form>' },
    ]);
  });

  it('makes links to the old site site paths, which its aliases answer', () => {
    expect(md('<p><a href="https://old.kz/2015/01/vybory/">выборы</a> и <a href="javascript:alert(1)">это</a></p>', { site: 'https://old.kz' })).toBe('[выборы](/2015/01/vybory/) и это');
  });
});
