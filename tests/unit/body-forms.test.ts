import { describe, expect, it } from 'vitest';
import { formsOf } from '../../src/parse/body-forms.js';
import { linkInEmbedCode, recognizeEmbed } from '../../src/parse/embeds.js';
import { renderBody } from '../../src/parse/markdown.js';
import { parseArticle } from '../../src/parse/parse-article.js';

const FRONT = '---\ntitle: Т\ndate: 2026-01-20T09:00\nauthor: anna\ntopics: [economy]\n---\n\n';
const context = { authors: ['anna'], topics: ['economy'], media: new Set(['a.jpg', 'b.jpg', 'v.mp4', 'v.jpg', 'bare.mp4']) };
const problemsOf = (body: string) => parseArticle({ file: 'content/news/x.ru.md', relativePath: 'news/x.ru.md', text: FRONT + body }, context).problems.map((p) => p.format('ru'));

describe('embeds: a provider link on a line of its own', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://vk.com/video-22822305_456241864', 'vk', '-22822305_456241864'],
    ['https://vkvideo.ru/video-22822305_456241864', 'vk', '-22822305_456241864'],
    ['https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/', 'rutube', 'c6cc4d620b1d4338901770a44b3e82f4'],
    ['https://t.me/dknews_kz/123', 'telegram', 'dknews_kz/123'],
    ['https://x.com/dknews/status/1790000000000000000', 'x', '1790000000000000000'],
    ['https://twitter.com/dknews/status/1790000000000000000', 'x', '1790000000000000000'],
    ['https://www.instagram.com/p/C8abc_12-x/', 'instagram', 'p/C8abc_12-x'],
    ['https://www.instagram.com/reel/C8abc_12-x/', 'instagram', 'reel/C8abc_12-x'],
  ])('%s is a %s embed', (href, provider, id) => {
    expect(formsOf(renderBody(`${href}\n`, 'ru').html)).toEqual([{ kind: 'embed', provider, id, href }]);
  });

  it('takes the editor\'s picture and title from the lines after the link', () => {
    const body = renderBody('https://youtu.be/dQw4w9WgXcQ\n![Токаев на форуме](media/a.jpg)\nВыступление на форуме\n', 'ru');
    expect(formsOf(body.html)).toEqual([{ kind: 'embed', provider: 'youtube', id: 'dQw4w9WgXcQ', href: 'https://youtu.be/dQw4w9WgXcQ', title: 'Выступление на\u00a0форуме', poster: { src: 'a.jpg', alt: 'Токаев на форуме' } }]);
    expect(body.images).toEqual([{ src: '/media/a.jpg', line: 2 }]);
  });

  it('leaves a bare link of any other site an ordinary link', () => {
    expect(renderBody('https://example.com/video\n', 'ru').html).toBe('<p><a href="https://example.com/video">https://example.com/video</a></p>\n');
  });

  it('leaves a link with its own text a link, even to a video', () => {
    expect(formsOf(renderBody('[Смотрите](https://youtu.be/dQw4w9WgXcQ)\n', 'ru').html)).toEqual([]);
  });

  it('warns about a provider link that is not a video or post, which stays a link', () => {
    expect(problemsOf('Текст.\n\nhttps://t.me/dknews\n')).toEqual([
      'content/news/x.ru.md:10 body: Ссылка «https://t.me/dknews» ведёт на Telegram, но не на видео или пост, поэтому останется обычной ссылкой. Чтобы встроить видео или пост, вставьте его адрес: https://t.me/channel/123.',
    ]);
    expect(parseArticle({ file: 'content/news/x.ru.md', relativePath: 'news/x.ru.md', text: `${FRONT}Текст.\n\nhttps://t.me/dknews\n` }, context).article).toBeDefined();
  });

  it('recognises no look-alike address', () => {
    for (const href of ['https://youtube.com/channel/UC123', 'https://t.me/dknews', 'https://x.com/dknews', 'https://notyoutube.com/watch?v=dQw4w9WgXcQ', 'https://vk.com/club1']) expect(recognizeEmbed(href)).toBeUndefined();
  });
});

describe('raw HTML in a body', () => {
  it('is never shown, as markup or as text, nor in the lead or the text', () => {
    const body = renderBody('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\nТекст с <b>жирным</b> словом. <script>alert(1)</script>\n', 'ru');
    expect(body.html).toBe('<p>Текст с\u00a0жирным словом. alert(1)</p>\n');
    expect(body.firstParagraph).toBe('Текст с жирным словом. alert(1)');
  });

  it('is reported with the link to paste instead of a known provider\'s embed code', () => {
    expect(problemsOf('Текст.\n\n<iframe width="560" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=x" allowfullscreen></iframe>\n')).toEqual([
      'content/news/x.ru.md:10 body: HTML-код (<iframe>) на сайте не показывается. Чтобы встроить это видео или пост, вставьте вместо кода его ссылку отдельной строкой: https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ]);
  });

  it('is reported with advice for any other tag, and the article is left out', () => {
    const parsed = parseArticle({ file: 'content/news/x.ru.md', relativePath: 'news/x.ru.md', text: `${FRONT}Текст с <b>жирным</b>.\n` }, context);
    expect(parsed.article).toBeUndefined();
    expect(parsed.problems.map((p) => p.format('en'))).toEqual([
      'content/news/x.ru.md:8 body: HTML code (<b>) is not shown on the site: write the text in Markdown (**bold**, [a link](https://…)). To embed a video or post, paste its link on a line of its own, e.g. https://www.youtube.com/watch?v=… or https://t.me/channel/123.',
    ]);
  });

  it.each([
    ['<blockquote class="telegram-post" data-telegram-post="dknews_kz/123" data-width="100%"></blockquote><script async src="https://telegram.org/js/telegram-widget.js?22"></script>', 'https://t.me/dknews_kz/123'],
    ['<blockquote class="twitter-tweet"><p>Text</p>&mdash; DKNews (@dknews) <a href="https://twitter.com/dknews/status/1790000000000000000?ref_src=twsrc%5Etfw">May 1, 2024</a></blockquote>', 'https://twitter.com/dknews/status/1790000000000000000'],
    ['<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C8abc_12-x/?utm_source=ig_embed"></blockquote>', 'https://www.instagram.com/p/C8abc_12-x/'],
    ['<iframe src="https://vk.com/video_ext.php?oid=-22822305&amp;id=456241864&amp;hash=e1" allowfullscreen></iframe>', 'https://vkvideo.ru/video-22822305_456241864'],
    ['<iframe src="https://rutube.ru/play/embed/c6cc4d620b1d4338901770a44b3e82f4" allow="autoplay"></iframe>', 'https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/'],
  ])('names the link of a pasted embed code: %s', (code, link) => {
    expect(linkInEmbedCode(code)).toBe(link);
  });
});

describe('our own video', () => {
  it('is a form with its caption and credit, the picture under it its poster', () => {
    const body = renderBody('![Подпись к видео](media/v.mp4 "DKNews")\n![Заставка](media/a.jpg)\n', 'ru');
    expect(formsOf(body.html)).toEqual([{ kind: 'video', src: 'v.mp4', caption: 'Подпись к видео', credit: 'DKNews', poster: 'a.jpg' }]);
  });

  it('reports a video that is not in media, one inside a sentence, and one without a poster (a warning)', () => {
    expect(problemsOf('![Нет файла](media/none.mp4)\n\nТекст и ![видео](media/v.mp4) в нём.\n\n![Без заставки](media/bare.mp4)\n')).toEqual([
      'content/news/x.ru.md:10 body: Видео «/media/v.mp4» стоит внутри абзаца: видео показывается, только если стоит на отдельной строке. Отделите строку ![Подпись](/media/v.mp4) пустыми строками от текста.',
      'content/news/x.ru.md:8 body: Видео «none.mp4» нет в папке media. Положите файл в content/media/none.mp4 или исправьте путь.',
      'content/news/x.ru.md:12 body: У видео «bare.mp4» нет заставки: читатели увидят нейтральную. Положите рядом картинку с тем же именем (bare.jpg) или добавьте строку с картинкой сразу под видео.',
    ]);
  });
});

describe('a captioned photo', () => {
  it('is a form with its alt, the lines under it its caption and the quotes its credit', () => {
    expect(formsOf(renderBody('![Байтерек](media/a.jpg "Gov")\nБайтерек на закате.\n', 'ru').html)).toEqual([{ kind: 'photo', src: 'a.jpg', alt: 'Байтерек', caption: 'Байтерек на\u00a0закате.', credit: 'Gov' }]);
    expect(formsOf(renderBody('![Байтерек](media/a.jpg "Gov")\n', 'ru').html)).toEqual([{ kind: 'photo', src: 'a.jpg', alt: 'Байтерек', credit: 'Gov' }]);
  });

  it('leaves a photo alone on its line, or inside a sentence, a picture of the text', () => {
    for (const body of ['![Байтерек](media/a.jpg)\n', 'Текст и ![Байтерек](media/a.jpg) в нём.\n']) expect(formsOf(renderBody(body, 'ru').html)).toEqual([]);
  });

  it('is checked as a body image: a photo that does not exist, one without alt', () => {
    expect(problemsOf('Текст.\n\n![](media/a.jpg)\nПодпись.\n\n![Нет](media/none.jpg)\nПодпись.\n')).toEqual([
      'content/news/x.ru.md:10 body: У картинки в тексте нет описания (alt): напишите в квадратных скобках, что на ней, — ![Переговоры в Нанкине](/media/2026/01/photo.jpg). Описание читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась.',
      'content/news/x.ru.md:13 body: Изображения «none.jpg» нет в папке media. Положите файл в content/media/none.jpg или исправьте путь.',
    ]);
  });
});

describe('a photo report', () => {
  const gallery = '::: gallery Фоторепортаж\n![Первое фото](media/a.jpg "Gov")\nПодпись первая.\n\n![Второе](media/b.jpg)\n:::\n';

  it('is a form with each photo\'s alt, caption and credit', () => {
    expect(formsOf(renderBody(gallery, 'ru').html)).toEqual([
      { kind: 'gallery', title: 'Фоторепортаж', items: [{ src: 'a.jpg', alt: 'Первое фото', credit: 'Gov', caption: 'Подпись первая.' }, { src: 'b.jpg', alt: 'Второе' }] },
    ]);
  });

  it('reports a photo that does not exist, one without alt, text before the photos and an empty report', () => {
    expect(problemsOf('Текст.\n\n::: gallery\nВступление.\n\n![](media/a.jpg)\n\n![Нет](media/none.jpg)\n:::\n\n::: gallery\n:::\n')).toEqual([
      'content/news/x.ru.md:13 body: У картинки в тексте нет описания (alt): напишите в квадратных скобках, что на ней, — ![Переговоры в Нанкине](/media/2026/01/photo.jpg). Описание читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась.',
      'content/news/x.ru.md:15 body: Изображения «none.jpg» нет в папке media. Положите файл в content/media/none.jpg или исправьте путь.',
      'content/news/x.ru.md:11 body: В фоторепортаже (::: gallery) бывают только фотографии, каждая на своей строке, и подписи под ними. Перенесите этот текст за строку «:::» или сделайте его подписью под фотографией.',
      'content/news/x.ru.md:18 body: В фоторепортаже нет ни одной фотографии. Между строками «::: gallery» и «:::» пишите фотографии, каждую на своей строке: ![Что на снимке](media/2026/01/photo.jpg "Автор снимка"), а под ней — подпись.',
    ]);
  });
});

describe('an attributed quote', () => {
  it('is a figure with the blockquote and the attribution as its caption', () => {
    expect(renderBody('> Мы продолжим реформы.\n> — Касым-Жомарт Токаев, Президент РК\n', 'ru').html).toBe(
      '<figure class="quote">\n<blockquote>\n<p>Мы\u00a0продолжим реформы.</p>\n</blockquote>\n<figcaption>Касым-Жомарт Токаев, Президент РК</figcaption>\n</figure>\n',
    );
  });

  it('takes an attribution written as a paragraph of its own', () => {
    expect(renderBody('> Мы продолжим реформы.\n>\n> — Токаев\n', 'ru').html).toContain('</blockquote>\n<figcaption>Токаев</figcaption>\n</figure>');
  });

  it('leaves a blockquote without one as it was', () => {
    expect(renderBody('> Просто цитата.\n', 'ru').html).toBe('<blockquote>\n<p>Просто цитата.</p>\n</blockquote>\n');
  });
});

describe('a table', () => {
  it('sits in a scrolling region; a line «Таблица: …» before it is its caption; alignment is a class', () => {
    const html = renderBody('Таблица: Товарооборот\n| Год | Млрд |\n| --- | ---: |\n| 2025 | 1,5 |\n', 'ru').html;
    expect(formsOf(html)).toEqual([{ kind: 'table', captionId: 'body-table-1' }]);
    expect(html).toContain('<table>\n<caption id="body-table-1">Товарооборот</caption>\n<thead>');
    expect(html).toContain('<td class="align-right">1,5</td>');
    expect(html).toMatch(/<\/table>\n<\/div>\n$/);
  });

  it('without a caption gets a region named at rendering', () => {
    expect(formsOf(renderBody('| a | b |\n|---|---|\n| 1 | 2 |\n', 'ru').html)).toEqual([{ kind: 'table' }]);
  });
});

describe('an embed in an advertisement', () => {
  it('marks its links to the provider as sponsored', () => {
    expect(formsOf(renderBody('https://youtu.be/dQw4w9WgXcQ\n', 'ru', { sponsored: true }).html)).toEqual([{ kind: 'embed', provider: 'youtube', id: 'dQw4w9WgXcQ', href: 'https://youtu.be/dQw4w9WgXcQ', sponsored: true }]);
  });
});
