import { describe, expect, it } from 'vitest';
import { expandWordPress, MARKER } from '../../../src/import/shortcodes.js';
import { autop } from '../../../src/import/autop.js';
import { embedUrl } from '../../../src/import/embeds.js';

const pictures = new Map([
  ['5', { url: 'https://old.kz/a.jpg', alt: 'А', caption: 'Подпись А' }],
  ['6', { url: 'https://old.kz/b.jpg', alt: 'Б' }],
]);
const context = { attachmentById: (id: string) => pictures.get(id), attachmentsOfPost: () => [...pictures.values()] };
const expand = (html: string) => expandWordPress(html, context);

describe('WordPress shortcodes and blocks', () => {
  it('makes [caption] a figure with its caption, in both of its forms', () => {
    expect(expand('[caption id="a" width="300"]<a href="x.jpg"><img src="x-300x200.jpg"></a> Вид на Астану[/caption]').html).toBe('<figure class="import-caption"><a href="x.jpg"><img src="x-300x200.jpg"></a><figcaption>Вид на Астану</figcaption></figure>');
    expect(expand('[caption caption="Старая форма"]<img src="y.jpg">[/caption]').html).toBe('<figure class="import-caption"><img src="y.jpg"><figcaption>Старая форма</figcaption></figure>');
  });

  it('makes [gallery] the pictures it names, or the post\'s own, and notes the ones it cannot find', () => {
    expect(expand('[gallery ids="6,5"]').html).toBe('<div class="import-gallery"><img src="https://old.kz/b.jpg" alt="Б"><img src="https://old.kz/a.jpg" alt="А" data-caption="Подпись А"></div>');
    expect(expand('[gallery]').html).toContain('<img src="https://old.kz/a.jpg"');
    const missing = expand('[gallery ids="5,99"]');
    expect(missing.found).toEqual([{ code: 'image_missing', detail: '[gallery ids="5,99"]' }]);
  });

  it('makes [embed], Jetpack\'s [youtube=…] and [video] the link and the video', () => {
    expect(expand('[embed]https://youtu.be/abcdefghijk[/embed]').html).toBe('<p>https://youtu.be/abcdefghijk</p>');
    expect(expand('[youtube=https://www.youtube.com/watch?v=abcdefghijk&amp;w=640]').html).toBe('<p>https://www.youtube.com/watch?v=abcdefghijk&amp;w=640</p>');
    expect(expand('[video width="640" mp4="https://old.kz/v.mp4"][/video]').html).toBe('<video src="https://old.kz/v.mp4"></video>');
  });

  it('takes other shortcodes out, keeping what they enclose, and leaves bracketed words and [[escaped]] ones as text', () => {
    const out = expand('[su_spoiler title="Ещё"]Скрытый текст[/su_spoiler] и [contact-form-7 id="1"], [sic] и [[gallery]]');
    expect(out.html.replace(MARKER, '')).toBe('Скрытый текст и , [sic] и [gallery]');
    expect(out.found.map((f) => f.detail)).toEqual(['[su_spoiler]', '[contact-form-7]']);
  });

  it('drops block comments around saved HTML, and notes a dynamic or unknown block', () => {
    const out = expand('<!-- wp:paragraph {"align":"center"} --><p>Текст</p><!-- /wp:paragraph --><!-- wp:more --><!--more--><!-- /wp:more --><!-- wp:latest-posts {"postsToShow":5} /--><!-- wp:acme/slider --><div>Слайд</div><!-- /wp:acme/slider -->');
    expect(out.html.replace(MARKER, '|')).toBe('<p>Текст</p>||<div>Слайд</div>');
    expect(out.found.map((f) => f.detail)).toEqual(['wp:latest-posts', 'wp:acme/slider']);
  });
});

describe('classic-editor paragraphs', () => {
  it('makes blank lines paragraphs and single line breaks <br>, leaving blocks and <pre> alone', () => {
    expect(autop('Первый.\n\nВторой\nстрока.\n\n<ul>\n<li>a</li>\n</ul>\n\n<pre>код\n\nещё</pre>')).toBe('<p>Первый.</p>\n<p>Второй<br>\nстрока.</p>\n<ul>\n<li>a</li>\n</ul>\n<pre>код\n\nещё</pre>');
  });
});

describe('embed links', () => {
  it('writes each provider\'s embed in its plain link form, and no other site\'s', () => {
    expect(embedUrl('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(embedUrl('https://vk.com/video_ext.php?oid=-22822305&id=456241864&hash=x')).toBe('https://vk.com/video-22822305_456241864');
    expect(embedUrl('https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef')).toBe('https://rutube.ru/video/0123456789abcdef0123456789abcdef/');
    expect(embedUrl('http://t.me/dknews_kz/1234')).toBe('https://t.me/dknews_kz/1234');
    expect(embedUrl('https://x.com/akorda/status/123')).toBe('https://x.com/akorda/status/123');
    expect(embedUrl('https://www.instagram.com/reel/Cabc123/')).toBe('https://www.instagram.com/reel/Cabc123/');
    expect(embedUrl('https://vimeo.com/123')).toBeUndefined();
  });
});
