import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export.js';
import { exportSite } from '../../src/export/export-site.js';
import { API, exportedSite, fetchRaw, filesIn, now, silent, SITE, urlOf, type Answer } from '../exported-site.js';
import { VALID } from '../helpers.js';

// The nginx block's own tests, which need Debian's nginx, are in tests/deploy/export-nginx.test.ts.
const site = exportedSite();


/** Site URLs a file links to: root-relative attributes and strings, and absolute URLs of the site. */
function linksIn(text: string): string[] {
  const found = [
    // An attribute (href="/…") or a JSON value ("src": "/…"), e.g. the web manifest's icons.
    ...[...text.matchAll(/(?:=|:\s*)"(\/(?!\/)[^"\s<>]*)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(new RegExp(`${SITE.replace(/\./g, '\\.')}(/[^"'<>\\s]*)`, 'g'))].map((m) => m[1]!),
  ];
  return found.map((url) => url.replace(/&amp;/g, '&').replace(/#.*/, ''));
}

/** Crawls the export through the plain static server from the home pages and the crawler files. */
async function crawl(): Promise<{ seen: Map<string, Answer>; broken: string[] }> {
  const seen = new Map<string, Answer>();
  const broken: string[] = [];
  const queue = ['/ru/', '/kk/', '/en/', '/robots.txt', '/sitemap.xml', '/sitemap-news.xml'];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const answer = await fetchRaw(site.plainPort, url);
    seen.set(url, answer);
    if (answer.status !== 200) {
      // A link the server redirects (the site's root, in its JSON-LD) is the nginx block's to redirect (tested there).
      const redirect = await fetchRaw(site.livePort, url);
      if (redirect.status === 301 || redirect.status === 302) queue.push(String(redirect.headers.location));
      else broken.push(url);
      continue;
    }
    if (!/\.(png|jpe?g|js|css)$/.test(url.split('?')[0]!)) for (const link of linksIn(answer.body.toString('utf8'))) if (!seen.has(link)) queue.push(link);
  }
  return { seen, broken };
}

describe('npm run export', () => {
  it('writes every URL of the site: each language, every list page, feeds, sitemaps, assets, media, 404s', () => {
    for (const lang of ['ru', 'kk', 'en']) {
      for (const file of ['index.html', 'topics.html', 'topics/politics.html', 'authors/anna.html', 'rss.xml', 'topics/politics/rss.xml', '404.html']) expect(site.files).toContain(`${lang}/${file}`);
    }
    expect(site.files).toEqual(expect.arrayContaining([
      'ru/news/first-story.html', 'ru/news/second-story.html', 'en/news/first-story.html',
      '_pages/ru/2.html', '_pages/ru/topics/economy/2.html', '_pages/ru/authors/anna/2.html',
      'robots.txt', 'sitemap.xml', 'sitemap-news.xml', 'sitemaps/ru-articles-1.xml', 'sitemaps/en-home.xml',
      'media/photo.png', '404.html', 'nginx.conf',
    ]));
    expect(site.files.some((f) => /^assets\/css\/site\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
    expect(site.files).toContain('assets/css/site.css');
    // Drafts and articles dated in the future are not public, so they are not exported.
    expect(site.files.filter((f) => /draft-story|future-story/.test(f))).toEqual([]);
  });

  it('reaches every exported page by its links and sitemaps, and no link leads nowhere', async () => {
    const { seen, broken } = await crawl();
    expect(broken).toEqual([]);
    const pages = site.files.filter((f) => f.endsWith('.html') && !f.endsWith('404.html')).map(urlOf);
    expect(pages.filter((url) => !seen.has(url!))).toEqual([]);
  });

  it('serves every exported file, from a plain static server, as the bytes the live server sends for its URL', async () => {
    const urls = site.files.map(urlOf).filter((url): url is string => url !== undefined);
    expect(urls.length).toBeGreaterThan(60);
    for (const url of [...urls, '/ru/nothing-here', '/kk/nothing-here', '/en/nothing-here', '/nothing-here']) {
      const [fromExport, fromServer] = await Promise.all([fetchRaw(site.plainPort, url), fetchRaw(site.livePort, url)]);
      expect({ url, status: fromExport.status }).toEqual({ url, status: fromServer.status });
      expect(fromExport.body.equals(fromServer.body), url).toBe(true);
    }
  });

  it('writes .gz and .br copies that are the bytes the server sends compressed', async () => {
    const copies = site.files.filter((f) => /\.(gz|br)$/.test(f));
    expect(copies).toEqual(expect.arrayContaining(['ru/index.html.gz', 'ru/index.html.br', 'sitemap.xml.br']));
    for (const copy of copies) {
      const original = copy.slice(0, -3);
      const bytes = await readFile(path.join(site.outDir, copy));
      const identity = await readFile(path.join(site.outDir, original));
      expect((copy.endsWith('.gz') ? gunzipSync(bytes) : brotliDecompressSync(bytes)).equals(identity), copy).toBe(true);
      // Pages, feeds and sitemaps are compressed once by the server (cache/representation.ts): the same bytes.
      if (/\.(html|xml|txt)$/.test(original) && !original.endsWith('404.html')) {
        const encoding = copy.endsWith('.gz') ? 'gzip' : 'br';
        const answer = await fetchRaw(site.livePort, urlOf(original)!, { 'Accept-Encoding': encoding });
        expect(answer.headers['content-encoding'], copy).toBe(encoding);
        expect(answer.body.equals(bytes), copy).toBe(true);
      }
    }
  });

  it('points the view counter and the search form at the API origin, which the pages\' CSP allows', async () => {
    const article = await readFile(path.join(site.outDir, 'ru/news/first-story.html'), 'utf8');
    expect(article).toContain(`data-views-api="${API}/api/views/ru/first-story"`);
    expect(article).toContain(`action="${API}/ru/search"`);
    const csp = String((await fetchRaw(site.livePort, '/ru/news/first-story')).headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ${API}`);
    expect(csp).toContain(`form-action 'self' ${API}`);
    const nginx = await readFile(path.join(site.outDir, 'nginx.conf'), 'utf8');
    expect(nginx).toContain(`connect-src 'self' ${API}`);
  });

  it('lets the exported pages read the counter\'s answer across origins', async () => {
    const response = await fetch(`http://127.0.0.1:${site.livePort}/api/views/ru/first-story`, {
      method: 'POST',
      // A crawler's post counts nothing, so the live pages stay as they were exported.
      headers: { Origin: SITE, 'User-Agent': 'Googlebot/2.1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('leaves the counter hook and the search form out without an API origin, keeping the figure', async () => {
    const bare = path.join(site.work, 'bare');
    await exportSite({ config: site.config, logger: silent, outDir: bare, apiOrigin: null, now });
    const html = (await filesIn(bare)).filter((f) => f.endsWith('.html'));
    for (const file of html) {
      const text = await readFile(path.join(bare, file), 'utf8');
      expect(text, file).not.toContain('data-views-api');
      expect(text, file).not.toContain('search-form');
    }
    const article = await readFile(path.join(bare, 'ru/news/first-story.html'), 'utf8');
    expect(article).toMatch(/<span class="article__views">5 просмотров<\/span>/);
    expect(await readFile(path.join(bare, 'nginx.conf'), 'utf8')).toContain("connect-src 'self';");
  });

  it('replaces an earlier export whole, and refuses a folder that is not one', async () => {
    const dir = path.join(site.work, 'again');
    await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: null, now });
    await writeFile(path.join(dir, 'stale.html'), 'left from before');
    await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: null, now });
    expect(existsSync(path.join(dir, 'stale.html'))).toBe(false);
    expect(existsSync(path.join(dir, 'ru/index.html'))).toBe(true);

    const foreign = path.join(site.work, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    await expect(exportSite({ config: site.config, logger: silent, outDir: foreign, apiOrigin: null, now })).rejects.toMatchObject({ code: 'out_not_export' });
    expect(await readdir(foreign)).toEqual(['notes.txt']);
  });
});

/** Every file of a folder with its bytes' length and its mtime: what a run that "touched nothing" keeps. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await filesIn(dir)) {
    const info = await stat(path.join(dir, file));
    out.set(file, `${info.size} ${info.mtimeMs}`);
  }
  return out;
}

describe('npm run export, again over an earlier export', () => {
  it('writes nothing when nothing changed: every file keeps its bytes and its date', async () => {
    const dir = path.join(site.work, 'twice');
    const first = await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    expect(first.inPlace).toBe(false);
    const before = await snapshot(dir);
    const second = await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    expect(second).toMatchObject({ inPlace: true, written: 0, removed: 0, urls: first.urls, files: first.files, bytes: first.bytes });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('keeps a new key whose page came out the same (a release that changed no page): the page is left, the manifest learns the key', async () => {
    const dir = path.join(site.work, 'rekeyed');
    await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    const manifest = path.join(dir, '.export-manifest.tsv');
    const text = await readFile(manifest, 'utf8');
    await writeFile(manifest, text.replace(/^(\/ru\/news\/first-story\t[^\t]+\t)[^\t]+/m, '$1an-older-key'));
    const before = await snapshot(dir);
    const summary = await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    expect(summary.written).toBe(0);
    // The same lines; an update in place lists the URLs in the order it wrote them.
    const lines = (t: string) => t.split('\n').sort();
    expect(lines(await readFile(manifest, 'utf8'))).toEqual(lines(text));
    const after = await snapshot(dir);
    for (const [file, state] of before) if (file !== '.export-manifest.tsv') expect(after.get(file), file).toBe(state);
  });

  it('writes in place only what changed, and deletes what is gone from the site', async () => {
    const content = path.join(site.work, 'content-edited');
    await cp(VALID, content, { recursive: true });
    const config = { ...site.config, contentDir: content, dataDir: path.join(site.work, 'data-edited') };
    const dir = path.join(site.work, 'edited');
    await exportSite({ config, logger: silent, outDir: dir, apiOrigin: API, now });
    const before = await snapshot(dir);
    const article = await readFile(path.join(dir, 'ru/news/first-story.html'));
    await appendFile(path.join(content, 'news/2026/01/first-story.ru.md'), '\nЕщё один абзац.\n');
    await rm(path.join(content, 'news/2026/01/first-story.en.md'));
    await writeFile(path.join(dir, 'stale.html'), 'left from before');

    const summary = await exportSite({ config, logger: silent, outDir: dir, apiOrigin: API, now });
    const after = await snapshot(dir);
    expect(summary.inPlace).toBe(true);
    expect((await readFile(path.join(dir, 'ru/news/first-story.html'))).equals(article)).toBe(false);
    expect(after.has('en/news/first-story.html')).toBe(false);
    expect(after.has('stale.html')).toBe(false);
    // What the edit did not change is left as it was: the assets, robots.txt, the other article.
    for (const file of ['robots.txt', 'ru/news/second-story.html', ...[...before.keys()].filter((f) => f.startsWith('assets/'))]) expect(after.get(file), file).toBe(before.get(file));
    expect(summary.written).toBeGreaterThan(0);
    expect(summary.written).toBeLessThan(summary.files);
    expect(await readdir(dir)).not.toContain('.export-manifest.unfinished.tsv');
  });

  it('writes the folder whole again, swapped in, after an export in place was killed half-way', async () => {
    const dir = path.join(site.work, 'killed');
    await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    // What a run killed while changing files leaves: the manifest put aside, a file half-made.
    await rename(path.join(dir, '.export-manifest.tsv'), path.join(dir, '.export-manifest.unfinished.tsv'));
    await writeFile(path.join(dir, 'ru/index.html.export-tmp'), '<!doctype html><p>half');
    const summary = await exportSite({ config: site.config, logger: silent, outDir: dir, apiOrigin: API, now });
    expect(summary.inPlace).toBe(false);
    expect(summary.written).toBe(summary.files);
    const files = await readdir(dir, { recursive: true });
    expect(files).toContain('.export-manifest.tsv');
    expect(files.filter((f) => /unfinished|export-tmp/.test(f))).toEqual([]);
  });
});

describe('npm run export, the command', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: site.work, env: { CONTENT_DIR: VALID, DATA_DIR: path.join(site.work, 'data'), ...env } };
    return { code: await runExport(argv, io), stdout, stderr };
  };

  it('prints what it wrote, and where the nginx block is', async () => {
    const { code, stdout, stderr } = await run(['--out', 'cli', '--api-origin', API, '--lang', 'en'], { SITE_URL: SITE });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Exported \d+ URLs to cli in \d+\.\d s: \d+ files, \d+ KB \(gzip \d+ KB, brotli \d+ KB\)\.\n/);
    expect(stdout).toMatch(/\nFiles written: (\d+), left as they were: 0, deleted: 0\.\n/);
    expect(stdout).toContain(`View counter and search: ${API}\n`);
    expect(stdout).toContain('nginx server block: cli/nginx.conf\n');
    expect(existsSync(path.join(site.work, 'cli/ru/index.html'))).toBe(true);
  });

  it('says, in the chosen language, what is wrong with a bad option, and exits 2', async () => {
    const origin = await run(['--api-origin', 'https://api.dknews.example/path', '--out', 'x', '--lang', 'en']);
    expect(origin.code).toBe(2);
    expect(origin.stderr).toContain('--api-origin "https://api.dknews.example/path": give the server\'s origin without a path');
    const unknown = await run(['--outdir', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Неизвестный параметр «--outdir»\.\n\nИспользование: npm run export -- \[параметры\]\n/);
    const help = await run(['--help', '--lang', 'kk']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Қолданылуы: npm run export -- \[параметрлер\]\n[^]*  --out қалта /) });
    const refused = await run(['--out', 'x', '--lang', 'en'], { SITE_URL: 'dknews.kz' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SITE_URL="dknews.kz"');
  });

  it('leaves a folder that is not an earlier export as it is, and says so', async () => {
    await mkdir(path.join(site.work, 'mine'), { recursive: true });
    await writeFile(path.join(site.work, 'mine/keep.txt'), 'keep');
    const { code, stderr } = await run(['--out', 'mine'], { SITE_URL: SITE });
    expect(code).toBe(2);
    expect(stderr).toContain('В папке «mine» уже есть файлы, и это не прежний экспорт: она не тронута.');
    expect(await readFile(path.join(site.work, 'mine/keep.txt'), 'utf8')).toBe('keep');
  });
});
