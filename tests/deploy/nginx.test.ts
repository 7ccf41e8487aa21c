import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID } from '../helpers.js';
import { until } from '../http/until.js';

// Debian's nginx, in front of the real server process, with the shipped deploy/nginx.conf.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHIPPED = readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8');
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
/** A page's lifetime for this test (PAGE_MAX_AGE): long enough that a few requests never outlive it. */
const PAGE_MAX_AGE = 10;
const ARTICLE = '/ru/news/second-story';
/** An article no test asks for before the one that edits it. */
const EDITED = { url: '/ru/news/first-story', file: 'news/2026/01/first-story.ru.md' };
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

/**
 * The only lines of deploy/nginx.conf that name this machine's addresses and paths: the test
 * replaces these and nothing else, so what it runs is what we ship.
 */
const MACHINE_LINES = {
  listen: 'listen 80;',
  app: 'server 127.0.0.1:3000;',
  cache: 'proxy_cache_path /var/cache/nginx/dknews ',
  log: 'access_log /var/log/nginx/dknews.access.log ',
} as const;

function localConfig(values: Record<keyof typeof MACHINE_LINES, string>): string {
  let text = SHIPPED;
  for (const [name, line] of Object.entries(MACHINE_LINES)) {
    const count = text.split(line).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf should have "${line}" once; it has it ${count} times`);
    text = text.replace(line, values[name as keyof typeof MACHINE_LINES]);
  }
  return text;
}

/** nginx cannot listen on port 0 and say which it got: ask the system for a free one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The server compiled into a folder of its own (views, locales, public and node_modules linked
 * in), so that another test file compiling dist/ at the same moment cannot hand it half a file.
 */
async function build(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dknews-nginx-build-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out', path.join(root, 'dist')], { cwd: ROOT });
  for (const name of ['package.json', 'node_modules', 'views', 'locales', 'public']) await symlink(path.join(ROOT, name), path.join(root, name));
  return root;
}

interface App {
  child: ChildProcess;
  port: number;
}

/** The real server process on a free port, watching its content folder. */
function startApp(root: string, contentDir: string, dataDir: string): Promise<App> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CONTENT_DIR: contentDir,
      DATA_DIR: dataDir,
      CONTENT_WATCH: '1',
      PAGE_MAX_AGE: String(PAGE_MAX_AGE),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; port?: number };
      if (entry.msg === 'DKNews.kz is serving') resolve({ child, port: entry.port! });
    });
  });
}

/** Debian's nginx in the foreground, with a prefix of its own; resolves once it accepts connections. */
async function startNginx(dir: string, port: number, appPort: number): Promise<ChildProcess> {
  await writeFile(
    path.join(dir, 'dknews.conf'),
    localConfig({
      listen: `listen 127.0.0.1:${port};`,
      app: `server 127.0.0.1:${appPort};`,
      cache: `proxy_cache_path ${dir}/cache `,
      log: `access_log ${dir}/access.log `,
    }),
  );
  // The http block as Debian's /etc/nginx/nginx.conf has it (gzip on included), then our file.
  const main = [
    'daemon off;',
    'worker_processes 1;',
    // Workers run as nobody when the master is root; they must write the cache in our folder.
    process.getuid?.() === 0 ? 'user root root;' : '',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log info;`,
    'events { worker_connections 256; }',
    'http {',
    '  sendfile on; tcp_nopush on; types_hash_max_size 2048;',
    '  include /etc/nginx/mime.types; default_type application/octet-stream;',
    '  gzip on;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind}-temp;`),
    `  include ${dir}/dknews.conf;`,
    '}',
  ].join('\n');
  await writeFile(path.join(dir, 'nginx.conf'), main);
  const child = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  let exited = false;
  child.once('exit', () => (exited = true));
  await until('nginx to accept connections', async () => {
    if (exited) throw new Error(`nginx exited: ${await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '')}`);
    return new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
  });
  return child;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, still encoded. */
  raw: Buffer;
  /** The body decoded from its Content-Encoding. */
  text: string;
  cache: string | undefined;
}

function send(port: number, url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: url, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, raw, text: decoded.toString('utf8'), cache: res.headers['x-cache-status'] as string | undefined });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]?.replace(/\u00ad/g, '');
const locale = (lang: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', lang, 'common.json'), 'utf8')) as { error: Record<string, { title: string; text: string }> };

let buildRoot: string | undefined;
let dir: string | undefined;
let contentDir: string | undefined;
let app: App | undefined;
let nginx: ChildProcess | undefined;
let port = 0;
const via = (url: string, options?: Parameters<typeof send>[2]) => send(port, url, options);

beforeAll(async () => {
  buildRoot = await build();
  dir = await mkdtemp(path.join(tmpdir(), 'dknews-nginx-'));
  contentDir = path.join(dir, 'content');
  await cp(VALID, contentDir, { recursive: true });
  app = await startApp(buildRoot, contentDir, await mkdtemp(path.join(dir, 'data-')));
  port = await freePort();
  nginx = await startNginx(dir, port, app.port);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(nginx), stop(app?.child)]);
  for (const folder of [dir, buildRoot]) if (folder) await rm(folder, { recursive: true, force: true });
});

describe('nginx with deploy/nginx.conf in front of the app', () => {
  let first: Answer;

  it('keeps a page after the first request and answers the repeats itself', async () => {
    first = await via(ARTICLE);
    expect(first.status).toBe(200);
    expect(first.cache).toBe('MISS');
    expect(first.headers['cache-control']).toBe(`public, max-age=${PAGE_MAX_AGE}, stale-while-revalidate=600`);
    // Every answer the app makes has an id of its own...
    const direct = [await send(app!.port, ARTICLE), await send(app!.port, ARTICLE)];
    expect(direct[0]!.headers['x-request-id']).not.toBe(direct[1]!.headers['x-request-id']);
    // ...so the same id twice is the same answer, replayed by nginx without asking the app.
    const repeat = await via(ARTICLE);
    expect(repeat.cache).toBe('HIT');
    expect(repeat.headers['x-request-id']).toBe(first.headers['x-request-id']);
    expect(repeat.raw.equals(first.raw)).toBe(true);
    expect(titleOf(first.text)).toBe('Вторая новость');
  });

  it('keeps one copy per encoding the app would choose, whatever the wording of Accept-Encoding', async () => {
    const gzip = await via(ARTICLE, { headers: { 'Accept-Encoding': 'gzip' } });
    expect([gzip.cache, gzip.headers['content-encoding']]).toEqual(['MISS', 'gzip']);
    const br = await via(ARTICLE, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect([br.cache, br.headers['content-encoding']]).toEqual(['MISS', 'br']);
    expect(br.headers.vary).toBe('Accept-Encoding');
    for (const [wording, encoding] of [
      ['br', 'br'],
      ['br;q=1.0, gzip;q=0.8', 'br'],
      ['deflate, gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0', undefined],
      ['identity', undefined],
    ] as const) {
      const answer = await via(ARTICLE, { headers: { 'Accept-Encoding': wording } });
      expect([wording, answer.cache, answer.headers['content-encoding']]).toEqual([wording, 'HIT', encoding]);
      // Each encoding decodes to the very page the plain request got.
      expect(answer.text).toBe(first.text);
    }
    expect(gzip.text).toBe(first.text);
    expect(br.text).toBe(first.text);
    expect(br.raw.length).toBeLessThan(gzip.raw.length);
    // The strong ETags stay per encoding.
    expect(gzip.headers.etag).toBe(first.headers.etag!.replace(/"$/, '-gzip"'));
  });

  it('answers a conditional GET with 304 from the cache', async () => {
    const gzip = await via(ARTICLE, { headers: { 'Accept-Encoding': 'gzip' } });
    const again = await via(ARTICLE, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': gzip.headers.etag! } });
    expect([again.status, again.cache, again.raw.length]).toEqual([304, 'HIT', 0]);
    // The plain page's ETag does not match the gzip copy: the whole page comes back.
    const other = await via(ARTICLE, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag! } });
    expect(other.status).toBe(200);
  });

  it('sends every POST to the app', async () => {
    const post = () => via('/api/views/ru/first-story', { method: 'POST', headers: { 'User-Agent': BROWSER } });
    const one = await post();
    const two = await post();
    expect(one.cache).toBeUndefined();
    expect(one.headers['cache-control']).toBe('no-store');
    // The second is the app's own answer: the same reader is not counted twice.
    expect(JSON.parse(one.text)).toEqual({ views: 6, counted: true });
    expect(JSON.parse(two.text)).toEqual({ views: 6, counted: false });
  });

  it('shows an edited article once the cached copy is past its max-age, refreshing it in the background', async () => {
    const primed = await via(EDITED.url);
    const primedAt = Date.now();
    expect([primed.cache, titleOf(primed.text)]).toEqual(['MISS', 'Первая новость']);

    const file = path.join(contentDir!, EDITED.file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Первая новость', 'title: Исправленная новость'));
    await until('the app to reload the article', async () => titleOf((await send(app!.port, EDITED.url)).text) === 'Исправленная новость');
    // The app has the new page; nginx keeps the old one while it is fresh.
    const fresh = await via(EDITED.url);
    expect([fresh.cache, titleOf(fresh.text)]).toEqual(['HIT', 'Первая новость']);

    const seen: { cache: string | undefined; title: string | undefined; at: number }[] = [];
    await until(
      'the edited article through nginx',
      async () => {
        const answer = await via(EDITED.url);
        seen.push({ cache: answer.cache, title: titleOf(answer.text), at: Date.now() });
        return seen.at(-1)!.title === 'Исправленная новость';
      },
      (PAGE_MAX_AGE + 20) * 1000,
    );
    // Old and HIT while fresh; then the first request past max-age gets the old page at once
    // (STALE, stale-while-revalidate) and starts the refresh; readers meanwhile get UPDATING;
    // then the new page, from the cache.
    const firstStale = seen.findIndex((s) => s.cache !== 'HIT');
    expect(firstStale).toBeGreaterThan(-1);
    expect(seen.slice(0, firstStale).every((s) => s.title === 'Первая новость')).toBe(true);
    expect(seen[firstStale]).toMatchObject({ cache: 'STALE', title: 'Первая новость' });
    expect(seen.slice(firstStale + 1, -1).every((s) => s.cache === 'UPDATING' && s.title === 'Первая новость')).toBe(true);
    expect(seen.at(-1)!.cache).toBe('HIT');
    // nginx counts whole seconds: the page went stale no earlier than a second short of max-age.
    expect(seen[firstStale]!.at - primedAt).toBeGreaterThanOrEqual((PAGE_MAX_AGE - 1) * 1000);
  });

  it('forgets a page whose cache files are removed, as the README tells operators to purge', async () => {
    const url = '/en/news/first-story';
    await via(url);
    await via(url, { headers: { 'Accept-Encoding': 'br' } });
    expect((await via(url)).cache).toBe('HIT');
    // The README's command, with this test's cache folder and origin.
    execFileSync('sh', ['-c', `grep -rlF "KEY: http://127.0.0.1$URL " "$CACHE" | xargs -r rm`], { env: { ...process.env, URL: url, CACHE: path.join(dir!, 'cache') } });
    expect((await via(url)).cache).toBe('MISS');
    expect((await via(url, { headers: { 'Accept-Encoding': 'br' } })).cache).toBe('MISS');
    // Other pages stay: the edited one was refreshed a moment ago.
    expect((await via(EDITED.url)).cache).toBe('HIT');
  });

  it('answers nginx’s own refusals in the reader’s language, with the app’s words', async () => {
    const tooLarge = await via('/en/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(20_000) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.text).toContain('<html lang="en">');
    expect(tooLarge.text).toContain(`<h1>${locale('en').error['413']!.title}</h1><p>${locale('en').error['413']!.text}</p>`);
    expect(tooLarge.headers['cache-control']).toBe('no-store');

    const tooLong = await via(`/kk/${'a'.repeat(9000)}`);
    expect(tooLong.status).toBe(414);
    expect(tooLong.text).toContain(`<h1>${locale('ru').error['414']!.title}</h1>`);
  });

  it('keeps the texts of those pages equal to the app’s (locales/*/common.json)', () => {
    const entries = [...SHIPPED.matchAll(/^ {4}(ru|kk|en):(\d{3}) "([^"]+)";$/gm)];
    expect(entries.length).toBeGreaterThan(20);
    for (const [line, lang, status, text] of entries) {
      const strings = locale(lang!).error[Number(status) >= 500 ? '500' : status!]!;
      expect([strings.title, strings.text], line).toContain(text);
    }
    for (const fallback of [locale('ru').error['500']!.title, locale('ru').error['500']!.text]) expect(SHIPPED).toContain(`default "${fallback}";`);
  });

  it('serves the cached page while the app is down, and a page in the reader’s language for the rest', async () => {
    await stop(app!.child);
    // Cached at the start, past its max-age by now: the app cannot refresh it, readers still get it.
    const stale = await via(ARTICLE);
    expect([stale.status, stale.cache]).toEqual([200, 'STALE']);
    expect(stale.raw.equals(first.raw)).toBe(true);
    expect((await via(ARTICLE)).status).toBe(200);

    const never = await via('/kk/');
    expect(never.status).toBe(502);
    const kk = locale('kk').error['500']!;
    expect(never.text).toContain('<html lang="kk">');
    expect(never.text).toContain(`<h1>${kk.title}</h1><p>${kk.text}</p>`);
    expect(never.headers['cache-control']).toBe('no-store');
  });
});
