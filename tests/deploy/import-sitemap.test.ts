import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBody } from '../../src/parse/markdown.js';
import { splitFrontMatter } from '../../src/parse/frontmatter.js';
import { parse as parseYaml } from 'yaml';
import { exportedSite, SITE } from '../exported-site.js';
import { emptyContent, runImport } from '../import-run.js';
import { VALID } from '../helpers.js';
import { readTree } from '../unit/import/import-helpers.js';
import { serveExport } from './export-nginx-server.js';

/**
 * A live site read through its sitemap: our own static export (the fixture site), served by
 * nginx, imported into an empty folder; the articles come back with the same titles, dates,
 * authors, topics, body text and pictures.
 */
const site = exportedSite();
let nginx: Awaited<ReturnType<typeof serveExport>>;
let imported: Record<string, string>;
let content: string;
let run: Awaited<ReturnType<typeof runImport>>;
const asked: string[] = [];

beforeAll(async () => {
  nginx = await serveExport(site.outDir, path.join(site.work, 'nginx'));
  const empty = await emptyContent();
  content = empty.content;
  // The export's addresses name the public site; this fetch takes them to nginx on loopback (as curl --resolve would), and nowhere else.
  const loopback = (url: string, init?: RequestInit) => {
    asked.push(url);
    if (!url.startsWith(SITE)) throw new Error(`the import tried to reach ${url}`);
    return fetch(`http://127.0.0.1:${nginx.port}${url.slice(SITE.length)}`, init);
  };
  run = await runImport([`${SITE}/sitemap.xml`, '--content', 'content', '--delay', '0', '--concurrency', '2'], empty.root, { fetch: loopback });
  imported = await readTree(content);
}, 120_000);
afterAll(() => nginx?.stop());

/** An article file's fields and its body's text as the site renders it. */
function read(text: string, lang: 'ru' | 'en') {
  const split = splitFrontMatter(text);
  return { front: parseYaml(split.frontMatter!) as Record<string, unknown>, text: renderBody(split.body, lang).text };
}

const ARTICLES = [
  ['news/2026/01/first-story.ru.md', 'ru'],
  ['news/2026/01/first-story.en.md', 'en'],
  ['news/second-story.ru.md', 'ru'],
] as const;

describe('importing our own static export through its sitemap', () => {
  it('reads the sitemap index, its children and robots.txt, and every published article', () => {
    expect(run.code).toBe(0);
    expect(asked).toContain(`${SITE}/robots.txt`);
    expect(run.report).toContain('| статьи | 3 | 0 | 0 | 0 | 0 |');
    expect(Object.keys(imported).filter((f) => f.startsWith('news/')).sort()).toEqual(['news/2026/01/first-story.en.md', 'news/2026/01/first-story.ru.md', 'news/2026/01/second-story.ru.md']);
  });

  it('gives each article the same title, date, author, topics and body text', async () => {
    const authors = parseYaml(imported['authors.yml']!) as Record<string, { name: Record<string, string> }>;
    const topics = parseYaml(imported['topics.yml']!) as Record<string, { name: Record<string, string> }>;
    const originalAuthors = parseYaml(await readFile(path.join(VALID, 'authors.yml'), 'utf8')) as Record<string, { name: Record<string, string> }>;
    const originalTopics = parseYaml(await readFile(path.join(VALID, 'topics.yml'), 'utf8')) as Record<string, { name: Record<string, string> }>;
    for (const [file, lang] of ARTICLES) {
      const original = read(await readFile(path.join(VALID, file), 'utf8'), lang);
      const copy = read(imported[`news/2026/01/${path.basename(file)}`]!, lang);
      expect({ file, title: copy.front.title }).toEqual({ file, title: original.front.title });
      expect({ file, date: new Date(String(copy.front.date)).getTime() }).toEqual({ file, date: new Date(`${String(original.front.date)}+05:00`).getTime() });
      // A person is one entry of authors.yml, named as the Russian page names them; a translation's byline finds the same person.
      expect({ file, author: authors[String(copy.front.author)]!.name.ru }).toEqual({ file, author: originalAuthors[String(original.front.author)]!.name.ru });
      const names = (front: Record<string, unknown>, all: typeof topics) => (front.topics as string[]).map((id) => all[id]!.name[lang]);
      expect({ file, topics: names(copy.front, topics) }).toEqual({ file, topics: names(original.front, originalTopics) });
      expect({ file, text: copy.text }).toEqual({ file, text: original.text });
    }
  });

  it('brings the picture with its alt and credit, at the size of the original', async () => {
    const copy = read(imported['news/2026/01/first-story.ru.md']!, 'ru').front.image as Record<string, string>;
    expect({ alt: copy.alt, credit: copy.credit }).toEqual({ alt: 'Точка', credit: 'Автор снимка' });
    const [original, brought] = await Promise.all([sharp(path.join(VALID, 'media/photo.png')).metadata(), sharp(path.join(content, 'media', copy.src!)).metadata()]);
    expect({ width: brought.width, height: brought.height }).toEqual({ width: original.width, height: original.height });
  });
});
