import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, type Site } from '../../src/boot.js';
import { runExport } from '../../src/cli/export.js';
import { loadConfig, type Config } from '../../src/config.js';
import { exportSite } from '../../src/export/export-site.js';
import { createServer } from '../../src/http/create-server.js';
import { FIXTURE_NOW, VALID } from '../helpers.js';
import { staticServer } from './static-server.js';

const SITE = 'https://dknews.example';
const API = 'https://api.dknews.example';
const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const silent = pino({ level: 'silent' });
const now = () => FIXTURE_NOW;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that keeps the bytes as sent: no decompression, no redirects followed. */
function fetchRaw(port: number, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: url, headers: { 'Accept-Encoding': 'identity', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Site URLs a file links to: root-relative attributes and strings, and absolute URLs of the site. */
function linksIn(text: string): string[] {
  const found = [
    // An attribute (href="/…") or a JSON value ("src": "/…"), e.g. the web manifest's icons.
    ...[...text.matchAll(/(?:=|:\s*)"(\/(?!\/)[^"\s<>]*)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(new RegExp(`${SITE.replace(/\./g, '\\.')}(/[^"'<>\\s]*)`, 'g'))].map((m) => m[1]!),
  ];
  return found.map((url) => url.replace(/&amp;/g, '&').replace(/#.*/, ''));
}

/** Every file of an export as the URL it answers, or undefined for what is no URL (copies, the nginx block). */
function urlOf(file: string): string | undefined {
  // The 404 pages are answers, not addresses: compared where unknown addresses are asked for.
  if (/\.(gz|br)$/.test(file) || file === 'nginx.conf' || file.endsWith('404.html')) return undefined;
  const paged = /^_pages\/(.+?)\/(\d+)\.html$/.exec(file);
  if (paged) {
    const list = paged[1]!;
    return `/${list}${/^(ru|kk|en)$/.test(list) ? '/' : ''}?page=${paged[2]}`;
  }
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  if (file.endsWith('.html') && file !== '404.html') return `/${file.slice(0, -'.html'.length)}`;
  return `/${file.split('/').map(encodeURIComponent).join('/')}`;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/** Types compared as a browser reads them: case and spaces around parameters do not matter. */
const normalType = (type: unknown) => String(type ?? '').toLowerCase().replace(/\s*;\s*/g, ';');
/** The headers the server sends on every answer, which the nginx block must repeat. */
const SECURITY = ['content-security-policy', 'strict-transport-security', 'referrer-policy', 'permissions-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy'];

let work: string;
let config: Config;
let outDir: string;
let live: Site;
let liveServer: Server;
let livePort: number;
let plain: Server;
let plainPort: number;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dknews-export-'));
  config = loadConfig({ CONTENT_DIR: VALID, SITE_URL: SITE, NODE_ENV: 'production', DATA_DIR: path.join(work, 'data'), CONTENT_WATCH: '0' });
  // One article a page: every list of the fixture has a second page to export.
  config.pageSize = 1;
  outDir = path.join(work, 'site');
  await exportSite({ config, logger: silent, outDir, apiOrigin: API, now });
  files = await filesIn(outDir);
  live = await boot({ ...config, apiOrigin: API }, silent, { now });
  liveServer = createServer(live.app, { logger: silent, refusalPage: live.refusalPage });
  livePort = await listen(liveServer);
  plain = staticServer(() => outDir);
  plainPort = await listen(plain);
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => liveServer?.close(resolve));
  await new Promise((resolve) => plain?.close(resolve));
  live?.close();
  await rm(work, { recursive: true, force: true });
});

/** Crawls the export through the plain static server from the home pages and the crawler files. */
async function crawl(): Promise<{ seen: Map<string, Answer>; broken: string[] }> {
  const seen = new Map<string, Answer>();
  const broken: string[] = [];
  const queue = ['/ru/', '/kk/', '/en/', '/robots.txt', '/sitemap.xml', '/sitemap-news.xml'];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const answer = await fetchRaw(plainPort, url);
    seen.set(url, answer);
    if (answer.status !== 200) {
      // A link the server redirects (the site's root, in its JSON-LD) is the nginx block's to redirect (tested there).
      const redirect = await fetchRaw(livePort, url);
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
      for (const file of ['index.html', 'topics.html', 'topics/politics.html', 'authors/anna.html', 'rss.xml', 'topics/politics/rss.xml', '404.html']) expect(files).toContain(`${lang}/${file}`);
    }
    expect(files).toEqual(expect.arrayContaining([
      'ru/news/first-story.html', 'ru/news/second-story.html', 'en/news/first-story.html',
      '_pages/ru/2.html', '_pages/ru/topics/economy/2.html', '_pages/ru/authors/anna/2.html',
      'robots.txt', 'sitemap.xml', 'sitemap-news.xml', 'sitemaps/ru-articles-1.xml', 'sitemaps/en-home.xml',
      'media/photo.png', '404.html', 'nginx.conf',
    ]));
    expect(files.some((f) => /^assets\/css\/site\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
    expect(files).toContain('assets/css/site.css');
    // Drafts and articles dated in the future are not public, so they are not exported.
    expect(files.filter((f) => /draft-story|future-story/.test(f))).toEqual([]);
  });

  it('reaches every exported page by its links and sitemaps, and no link leads nowhere', async () => {
    const { seen, broken } = await crawl();
    expect(broken).toEqual([]);
    const pages = files.filter((f) => f.endsWith('.html') && !f.endsWith('404.html')).map(urlOf);
    expect(pages.filter((url) => !seen.has(url!))).toEqual([]);
  });

  it('serves every exported file, from a plain static server, as the bytes the live server sends for its URL', async () => {
    const urls = files.map(urlOf).filter((url): url is string => url !== undefined);
    expect(urls.length).toBeGreaterThan(60);
    for (const url of [...urls, '/ru/nothing-here', '/kk/nothing-here', '/en/nothing-here', '/nothing-here']) {
      const [fromExport, fromServer] = await Promise.all([fetchRaw(plainPort, url), fetchRaw(livePort, url)]);
      expect({ url, status: fromExport.status }).toEqual({ url, status: fromServer.status });
      expect(fromExport.body.equals(fromServer.body), url).toBe(true);
    }
  });

  it('writes .gz and .br copies that are the bytes the server sends compressed', async () => {
    const copies = files.filter((f) => /\.(gz|br)$/.test(f));
    expect(copies).toEqual(expect.arrayContaining(['ru/index.html.gz', 'ru/index.html.br', 'sitemap.xml.br']));
    for (const copy of copies) {
      const original = copy.slice(0, -3);
      const bytes = await readFile(path.join(outDir, copy));
      const identity = await readFile(path.join(outDir, original));
      expect((copy.endsWith('.gz') ? gunzipSync(bytes) : brotliDecompressSync(bytes)).equals(identity), copy).toBe(true);
      // Pages, feeds and sitemaps are compressed once by the server (cache/representation.ts): the same bytes.
      if (/\.(html|xml|txt)$/.test(original) && !original.endsWith('404.html')) {
        const encoding = copy.endsWith('.gz') ? 'gzip' : 'br';
        const answer = await fetchRaw(livePort, urlOf(original)!, { 'Accept-Encoding': encoding });
        expect(answer.headers['content-encoding'], copy).toBe(encoding);
        expect(answer.body.equals(bytes), copy).toBe(true);
      }
    }
  });

  it('points the view counter and the search form at the API origin, which the pages\' CSP allows', async () => {
    const article = await readFile(path.join(outDir, 'ru/news/first-story.html'), 'utf8');
    expect(article).toContain(`data-views-api="${API}/api/views/ru/first-story"`);
    expect(article).toContain(`action="${API}/ru/search"`);
    const csp = String((await fetchRaw(livePort, '/ru/news/first-story')).headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ${API}`);
    expect(csp).toContain(`form-action 'self' ${API}`);
    const nginx = await readFile(path.join(outDir, 'nginx.conf'), 'utf8');
    expect(nginx).toContain(`connect-src 'self' ${API}`);
  });

  it('lets the exported pages read the counter\'s answer across origins', async () => {
    const response = await fetch(`http://127.0.0.1:${livePort}/api/views/ru/first-story`, {
      method: 'POST',
      // A crawler's post counts nothing, so the live pages stay as they were exported.
      headers: { Origin: SITE, 'User-Agent': 'Googlebot/2.1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('leaves the counter hook and the search form out without an API origin, keeping the figure', async () => {
    const bare = path.join(work, 'bare');
    await exportSite({ config, logger: silent, outDir: bare, apiOrigin: null, now });
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
    const dir = path.join(work, 'again');
    await exportSite({ config, logger: silent, outDir: dir, apiOrigin: null, now });
    await writeFile(path.join(dir, 'stale.html'), 'left from before');
    await exportSite({ config, logger: silent, outDir: dir, apiOrigin: null, now });
    expect(existsSync(path.join(dir, 'stale.html'))).toBe(false);
    expect(existsSync(path.join(dir, 'ru/index.html'))).toBe(true);

    const foreign = path.join(work, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    await expect(exportSite({ config, logger: silent, outDir: foreign, apiOrigin: null, now })).rejects.toMatchObject({ code: 'out_not_export' });
    expect(await readdir(foreign)).toEqual(['notes.txt']);
  });
});

describe('npm run export, the command', () => {
  const run = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: work, env: { CONTENT_DIR: VALID, DATA_DIR: path.join(work, 'data'), ...env } };
    return { code: await runExport(argv, io), stdout, stderr };
  };

  it('prints what it wrote, and where the nginx block is', async () => {
    const { code, stdout, stderr } = await run(['--out', 'cli', '--api-origin', API, '--lang', 'en'], { SITE_URL: SITE });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Exported \d+ URLs to cli in \d+\.\d s: \d+ files, \d+ KB \(gzip \d+ KB, brotli \d+ KB\)\.\n/);
    expect(stdout).toContain(`View counter and search: ${API}\n`);
    expect(stdout).toContain('nginx server block: cli/nginx.conf\n');
    expect(existsSync(path.join(work, 'cli/ru/index.html'))).toBe(true);
  });

  it('says, in the chosen language, what is wrong with a bad option, and exits 2', async () => {
    const origin = await run(['--api-origin', 'https://api.dknews.example/path', '--out', 'x', '--lang', 'en']);
    expect(origin.code).toBe(2);
    expect(origin.stderr).toContain('--api-origin "https://api.dknews.example/path": give the server\'s origin without a path');
    const unknown = await run(['--outdir', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Неверный параметр: .*--outdir/);
    expect(unknown.stderr).toContain('Использование: npm run export');
    const config = await run(['--out', 'x', '--lang', 'en'], { SITE_URL: 'dknews.kz' });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('SITE_URL="dknews.kz"');
  });

  it('leaves a folder that is not an earlier export as it is, and says so', async () => {
    await mkdir(path.join(work, 'mine'), { recursive: true });
    await writeFile(path.join(work, 'mine/keep.txt'), 'keep');
    const { code, stderr } = await run(['--out', 'mine'], { SITE_URL: SITE });
    expect(code).toBe(2);
    expect(stderr).toContain('В папке «mine» уже есть файлы, и это не прежний экспорт: она не тронута.');
    expect(await readFile(path.join(work, 'mine/keep.txt'), 'utf8')).toBe('keep');
  });
});

describe('the exported nginx block', () => {
  let nginx: ChildProcess;
  let port: number;

  beforeAll(async () => {
    const prefix = path.join(work, 'nginx');
    await mkdir(path.join(prefix, 'logs'), { recursive: true });
    port = await freePort();
    // The block as written, but on a loopback port, and with brotli on now that the module is loaded.
    const block = (await readFile(path.join(outDir, 'nginx.conf'), 'utf8')).replace('listen 80;', `listen 127.0.0.1:${port};`).replace('# brotli_static on;', 'brotli_static on;');
    await writeFile(path.join(prefix, 'site.conf'), block);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${prefix}/${name};`).join('\n  ');
    await writeFile(path.join(prefix, 'nginx.conf'), [
      `load_module ${BROTLI_MODULE};`,
      // As root, nginx's workers would become nobody, who cannot read a private temporary folder.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 64; }',
      `http {\n  access_log off;\n  ${temp}\n  include ${prefix}/site.conf;\n}`,
      '',
    ].join('\n'));
    nginx = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs/error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Ready when it accepts a connection; at most 5 s.
    for (let tries = 0; ; tries++) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
        socket.on('error', () => resolve(false));
      });
      if (open) break;
      if (tries > 50 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 30_000);

  afterAll(async () => {
    if (!nginx || nginx.exitCode !== null) return;
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  });

  /** What nginx and the server answer alike: status, redirect target, type, caching and security headers, bytes. */
  async function compare(url: string, encoding = 'identity') {
    const [fromNginx, fromServer] = await Promise.all([fetchRaw(port, url, { 'Accept-Encoding': encoding }), fetchRaw(livePort, url, { 'Accept-Encoding': encoding })]);
    const view = (a: Answer) => ({
      url,
      status: a.status,
      location: a.headers.location,
      ...(a.status === 301 || a.status === 302 ? {} : { type: normalType(a.headers['content-type']), cacheControl: a.headers['cache-control'] }),
      ...(a.status === 302 ? { vary: /\bAccept-Language\b/.test(String(a.headers.vary)) } : {}),
      ...Object.fromEntries(SECURITY.map((name) => [name, a.headers[name]])),
    });
    expect(view(fromNginx)).toEqual(view(fromServer));
    if (fromServer.status === 301 || fromServer.status === 302) return { fromNginx, fromServer };
    const decoded = (a: Answer) => (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body);
    expect(decoded(fromNginx).equals(decoded(fromServer)), url).toBe(true);
    return { fromNginx, fromServer };
  }

  it('answers every exported URL as the server does', async () => {
    for (const url of files.map(urlOf).filter((u): u is string => u !== undefined)) await compare(url);
  });

  it('sends the precompressed bytes, gzip and brotli, that the server sends', async () => {
    for (const url of ['/ru/', '/ru/?page=2', '/ru/news/first-story', '/kk/topics/politics', '/en/rss.xml', '/sitemap.xml', '/ru/nothing-here']) {
      for (const encoding of ['gzip', 'br']) {
        const { fromNginx, fromServer } = await compare(url, encoding);
        expect({ url, encoding: fromNginx.headers['content-encoding'] }).toEqual({ url, encoding });
        // Pages, feeds and sitemaps: byte for byte; the server's 404 page is compressed on the fly, so only its content is the same.
        if (fromServer.status === 200) expect(fromNginx.body.equals(fromServer.body), `${url} ${encoding}`).toBe(true);
      }
    }
  });

  it('redirects and refuses as the server does, with the 404 page of the address\'s language', async () => {
    for (const url of [
      '/', '/?utm_source=x', '/ru', '/kk?x=1', '/ru/news/first-story/', '/en/topics/', '/ru/old/123', '/ru/old/123?from=mail',
      '/ru/nothing-here', '/kk/nothing-here', '/en/news/nothing', '/nothing-here', '/ru/404', '/en/404.html', '/404.html',
      '/ru/?page=99', '/ru/?page=0', '/ru/?page=abc', '/ru/topics/politics?page=2', '/ru/topics/politics?page=3', '/ru/authors/anna?page=2',
      '/ru/index.html', '/ru/news/first-story.html', '/_pages/ru/2.html', '/nginx.conf', '/ru/rss.xml.gz', '/assets/css/site.css.br',
      '/ru/news/first-story?page=2', '/ru/rss.xml?x=1',
    ]) await compare(url);
  });

  it('never lets an encoded line break out of an address into a header', async () => {
    for (const url of ['/ru/x%0DSet-Cookie:%20taken=1/', '/ru/x%0D%0ASet-Cookie:%20taken=1/', '/ru/x%0ASet-Cookie:%20taken=1/']) {
      const answer = await fetchRaw(port, url);
      expect(answer.headers['set-cookie'], url).toBeUndefined();
      expect(answer.status, url).toBe(404);
    }
  });
});
