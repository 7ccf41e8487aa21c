import { describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../src/import/crawl.js';
import { extractPage } from '../../../src/import/page-extract.js';

const yoast = `<!doctype html><html lang="ru-RU"><head><title>Заголовок — Сайт</title>
<meta property="og:type" content="article"><meta property="og:title" content="Выборы в маслихаты">
<meta property="og:image" content="https://old.kz/wp-content/uploads/2024/03/vybory.jpg"><meta property="article:section" content="Политика">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"NewsArticle","headline":"Выборы","datePublished":"2024-03-10T09:00:00+06:00","dateModified":"2024-03-10T12:00:00+06:00","author":{"@type":"Person","name":"Анна Петрова"},"keywords":["Политика","Выборы"]}]}</script>
</head><body><header><nav>Меню</nav></header><article><h1>Выборы в маслихаты</h1>
<div class="entry-content"><figure class="wp-block-image"><img src="https://old.kz/wp-content/uploads/2024/03/vybory-300x200.jpg" srcset="https://old.kz/wp-content/uploads/2024/03/vybory-300x200.jpg 300w, https://old.kz/wp-content/uploads/2024/03/vybory.jpg 1600w" alt="Участок"><figcaption>Участок №5 <span class="credit">Фото: Иван</span></figcaption></figure>
<p>Явка составила 54 процента.</p><p>Второй абзац.</p></div></article><footer>Подвал</footer></body></html>`;

describe('an article page of a live site', () => {
  it('is read from its JSON-LD (in a Yoast @graph) and Open Graph, the body from the element marked as the article text', () => {
    const page = extractPage(yoast, 'https://old.kz/2024/03/vybory/');
    expect(page).toEqual({
      title: 'Выборы в маслихаты',
      date: '2024-03-10T09:00:00+06:00',
      modified: '2024-03-10T12:00:00+06:00',
      author: 'Анна Петрова',
      topics: ['Политика', 'Выборы'],
      description: undefined,
      image: { url: 'https://old.kz/wp-content/uploads/2024/03/vybory.jpg', alt: 'Участок', caption: 'Участок №5', credit: 'Иван' },
      html: '\n<p>Явка составила 54 процента.</p><p>Второй абзац.</p>',
      lang: 'ru-RU',
      isArticle: true,
    });
  });

  it('finds the body with Readability when the page marks none, and says when a page is no article', () => {
    const plain = `<html><head><meta property="og:type" content="article"><meta property="og:title" content="Новость"></head><body><div id="menu"><a href="/">Главная</a></div><div><p>${'Текст статьи, достаточно длинный для Readability. '.repeat(8)}</p><p>${'Ещё абзац текста. '.repeat(10)}</p></div></body></html>`;
    const page = extractPage(plain, 'https://old.kz/n/1');
    expect(page.html).toContain('Текст статьи, достаточно длинный');
    expect(page.html).not.toContain('Главная');
    expect(extractPage('<html><head><title>Главная</title></head><body><p>Список</p></body></html>', 'https://old.kz/').isArticle).toBe(false);
  });
});

describe('the polite fetcher', () => {
  it('obeys robots.txt for its user agent and waits its crawl-delay between requests', async () => {
    const started: { url: string; at: number }[] = [];
    const fake = async (url: string) => {
      started.push({ url, at: Date.now() });
      if (url.endsWith('/robots.txt')) return new Response('User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n');
      return new Response(`<p>${url}</p>`);
    };
    const fetcher = new PoliteFetcher(fake, 2, 0);
    const answers = await Promise.all(['https://old.kz/a', 'https://old.kz/private/b', 'https://old.kz/c'].map((u) => fetcher.get(u)));
    expect(answers).toEqual([{ text: '<p>https://old.kz/a</p>' }, { skipped: 'robots' }, { text: '<p>https://old.kz/c</p>' }]);
    const pages = started.filter((s) => !s.url.endsWith('robots.txt'));
    expect(pages.map((p) => p.url)).toEqual(['https://old.kz/a', 'https://old.kz/c']);
    expect(pages[1]!.at - pages[0]!.at).toBeGreaterThanOrEqual(195);
  });
});
