import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MALLOC_ENV } from '../../src/memory.js';
import { copyContent, VALID } from '../helpers.js';
import { parseHtml } from '../html.js';
import { until } from './until.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

/** The real server, as `npm start` runs it, on a free port. Resolves when it says it is serving; `lines` keeps what it logs. */
function start(dataDir: string, more: Record<string, string> = {}): Promise<{ child: ChildProcess; origin: string; lines: { msg: string; level?: number }[] }> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: ROOT,
    env: serverEnv(dataDir, more),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: { msg: string; level?: number }[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; port?: number };
      lines.push(entry);
      if (entry.msg === 'DKNews.kz is serving') resolve({ child, origin: `http://127.0.0.1:${entry.port}`, lines });
    });
  });
}

function serverEnv(dataDir: string, more: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: VALID, DATA_DIR: dataDir, CONTENT_WATCH: '0', LOG_LEVEL: 'info', ...more };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const count = async (origin: string, agent: string) =>
  (await (await fetch(`${origin}/api/views/ru/first-story`, { method: 'POST', headers: { 'User-Agent': agent } })).json()) as { views: number; counted: boolean };

beforeAll(() => {
  // The process tests run the compiled server, exactly what `npm start` runs.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT });
}, 120_000);

describe('npm start', () => {
  it('stops the server on SIGTERM to npm itself, freeing the port', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-npm-start-'));
    const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: serverEnv(dataDir), stdio: ['ignore', 'pipe', 'inherit'] });
    const serving = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
      npm.once('exit', (code) => reject(new Error(`npm start exited with ${code} before serving`)));
      createInterface({ input: npm.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return;
        const entry = JSON.parse(line) as { msg: string; port?: number; pid: number };
        if (entry.msg === 'DKNews.kz is serving') resolve({ port: entry.port!, pid: entry.pid });
      });
    });
    npm.kill('SIGTERM');
    await exited(npm);
    await until('the server process to end', () => !isRunning(serving.pid));
    await expect(fetch(`http://127.0.0.1:${serving.port}/healthz`)).rejects.toThrow();
  });
});

/** A port nothing listens on now, on loopback. */
function freePort(): Promise<number> {
  const probe = createNetServer();
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

/** The canonical URL a page names. */
async function canonicalOf(url: string): Promise<string | undefined> {
  return parseHtml(await (await fetch(url)).text())('link[rel="canonical"]').attr('href');
}

/** Whether a process is alive (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the server process', () => {
  it('keeps a counted view through kill -9', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-crash-'));
    const first = await start(dataDir);
    expect(await count(first.origin, BROWSER)).toEqual({ views: 6, counted: true });
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    expect((await gone).signal).toBe('SIGKILL');

    const second = await start(dataDir);
    // A bot's post counts nothing and reads the figure back.
    expect(await count(second.origin, 'Googlebot/2.1')).toEqual({ views: 6, counted: false });
    const stopped = exited(second.child);
    second.child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('answers a request in flight, then stops with 0 on SIGINT', async () => {
    const { child, origin, lines } = await start(mkdtempSync(path.join(tmpdir(), 'dknews-stop-')));
    // A request whose body is still on its way is in flight: the server must wait for it. It
    // asks to continue, so the server's «100 Continue» tells when it holds the request.
    const socket = connect(Number(new URL(origin).port), '127.0.0.1');
    let text = '';
    const answer = new Promise<string>((resolve) => {
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    socket.write(`POST /api/views/ru/first-story HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
    await until('the server to hold the request', () => text.startsWith('HTTP/1.1 100 Continue\r\n\r\n'));
    const stopped = exited(child);
    child.kill('SIGINT');
    await until('the server to start stopping', () => lines.some((l) => l.msg === 'Stopping: no new connections, finishing requests in flight'));
    socket.write('{}');
    expect(await answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('PORT alone: absolute URLs on http://localhost:PORT (not :3000), and the log says once that SITE_URL is not set', async () => {
    const port = await freePort();
    const { child, lines } = await start(mkdtempSync(path.join(tmpdir(), 'dknews-port-')), { PORT: String(port), HOST: 'localhost' });
    const origin = `http://localhost:${port}`;
    expect(await canonicalOf(`${origin}/ru/`)).toBe(`http://localhost:${port}/ru/`);
    expect(await (await fetch(`${origin}/robots.txt`)).text()).toContain(`Sitemap: http://localhost:${port}/sitemap.xml`);
    expect(lines.filter((l) => l.msg.startsWith('SITE_URL is not set'))).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining(`uses http://localhost:${port}, this machine's own address. Set SITE_URL`) }),
    ]);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
  });

  it('PORT=0: absolute URLs name the port the system chose; with SITE_URL, they name SITE_URL and the log says nothing of it', async () => {
    // start() gives PORT=0 and HOST=127.0.0.1; its origin is the port the server logged as bound.
    const ephemeral = await start(mkdtempSync(path.join(tmpdir(), 'dknews-port-')));
    expect(await canonicalOf(`${ephemeral.origin}/ru/`)).toBe(`${ephemeral.origin}/ru/`);
    ephemeral.child.kill('SIGTERM');
    await exited(ephemeral.child);

    const named = await start(mkdtempSync(path.join(tmpdir(), 'dknews-port-')), { SITE_URL: 'https://dknews.example' });
    expect(await canonicalOf(`${named.origin}/ru/`)).toBe('https://dknews.example/ru/');
    expect(named.lines.filter((l) => l.msg.includes('SITE_URL'))).toEqual([]);
    named.child.kill('SIGTERM');
    await exited(named.child);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const child = spawn(process.execPath, ['dist/src/server.js'], { cwd: ROOT, env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect((await exited(child)).code).toBe(2);
    expect(stderr).toMatch(/^Invalid configuration in the environment:\n {2}PORT="eighty": /);
  });
});

interface LogLine {
  msg: string;
  worker?: number;
  pid?: number;
  port?: number;
  req?: { method: string; url: string };
  /** When it was logged, ms since the epoch (pino's). */
  time?: number;
}

/** Clusters a failed test left running: killing the primary ends its workers too. */
const clusters: ChildProcess[] = [];
afterEach(() => {
  for (const child of clusters.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** The server with WEB_CONCURRENCY=2 behind a trusted proxy (the test), every log line kept. */
async function startCluster(dataDir: string, more: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: ROOT,
    env: serverEnv(dataDir, { WEB_CONCURRENCY: '2', TRUST_PROXY: 'loopback', ...more }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  clusters.push(child);
  const lines: LogLine[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as LogLine));
  const said = (msg: string) => lines.filter((l) => l.msg === msg);
  await until('two workers serving', () => said('DKNews.kz is serving').length === 2, 20_000);
  const origin = `http://127.0.0.1:${said('DKNews.kz is serving')[0]!.port}`;
  /** The workers whose log shows they answered a view count. */
  const countedBy = () => new Set(lines.filter((l) => l.msg === 'request' && l.req?.method === 'POST').map((l) => l.worker));
  /** Warnings and errors the processes logged: what a failed assertion should show. */
  const troubles = () => JSON.stringify(lines.filter((l) => ((l as { level?: number }).level ?? 0) >= 40));
  return { child, origin, lines, said, countedBy, troubles };
}

/** A request on a connection of its own: the primary hands each new connection to the next worker. */
function onNewConnection(origin: string, method: string, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method, agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

/** One reader's view, told apart from other readers by the trusted proxy's X-Forwarded-For. */
const countAs = async (origin: string, reader: string) =>
  JSON.parse(await onNewConnection(origin, 'POST', '/api/views/ru/first-story', { 'User-Agent': BROWSER, 'X-Forwarded-For': reader })) as { views: number; counted: boolean };

describe('several processes (WEB_CONCURRENCY=2)', () => {
  it('two workers share the port, one content index (one parse for both) and the counts (200 readers at once, none lost); SIGHUP reloads the index both read; SIGTERM stops both, exit 0', async () => {
    const VALID_COPY = await copyContent(VALID);
    const { child, origin, lines, said, countedBy, troubles } = await startCluster(mkdtempSync(path.join(tmpdir(), 'dknews-cluster-')), { CONTENT_DIR: VALID_COPY.dir });
    // Without SITE_URL, one line says where the absolute URLs point: the indexing worker's.
    expect(lines.filter((l) => l.msg.startsWith('SITE_URL is not set')).map((l) => l.worker)).toEqual([1]);
    // One worker parsed the content; the other serves it from the index without parsing a file.
    // Serving begins with the first batch: the log line of the whole first index may come after.
    await until('the content indexed', () => said('Content index complete').length > 0);
    const indexed = said('Content index complete') as (LogLine & { parsed?: number })[];
    expect(indexed.map((l) => l.worker)).toEqual([1]);
    expect(indexed[0]!.parsed).toBeGreaterThan(3);
    const readers = Array.from({ length: 200 }, (_, i) => `198.51.${Math.floor(i / 250)}.${i % 250}`);
    const answers = await Promise.all(readers.map((reader) => countAs(origin, reader)));
    expect(answers.every((a) => a.counted), troubles()).toBe(true);
    // Every view got its own figure: no two writers read the same count.
    expect(new Set(answers.map((a) => a.views)).size).toBe(200);
    expect(await count(origin, 'Googlebot/2.1')).toEqual({ views: 205, counted: false });
    await until('both workers counting', () => countedBy().size === 2);

    // Each worker warmed its own cache: /ru/ on new connections, to both workers, is answered by
    // the fast path (not logged), without rendering it again.
    await until('both workers warmed', () => said('Warmed the home pages, newest articles, feeds and sitemaps').length === 2);
    const homeRenders = () => said('request').filter((l) => l.req?.url === '/ru/');
    const homeRendered = () => homeRenders().map((l) => l.worker);
    expect(homeRendered().sort()).toEqual([1, 2]);
    // «Most read» makes the front page again at each five minutes of the clock (routes/pages.ts):
    // a worker whose render met such a moment (its log line comes a little after the request
    // began: a second of leeway) renders it once more, rightly; any other renders it no more.
    const slot = (ms: number) => Math.floor(ms / (5 * 60 * 1000));
    expect(homeRenders().every((l) => typeof l.time === 'number'), JSON.stringify(homeRenders())).toBe(true);
    const renderedAt = new Map(homeRenders().map((l) => [l.worker, l.time!]));
    for (let i = 0; i < 6; i++) await onNewConnection(origin, 'GET', '/ru/', { 'Accept-Encoding': 'br' });
    const now = Date.now();
    for (const worker of [1, 2]) {
      const renders = homeRendered().filter((w) => w === worker).length;
      if (slot(renderedAt.get(worker)! - 1000) === slot(now)) expect(renders, JSON.stringify(homeRenders())).toBe(1);
      else expect(renders).toBeLessThanOrEqual(2);
    }

    // An edit made now reaches both workers: the indexing one writes it, the other reads it.
    const story = path.join(VALID_COPY.dir, 'news/second-story.ru.md');
    writeFileSync(story, readFileSync(story, 'utf8').replace(/^title: .*$/m, 'title: Заголовок после SIGHUP'));
    child.kill('SIGHUP');
    await until('the index reloaded', () => said('Content reloaded').length === 1);
    expect(said('Content reloaded').map((l) => l.worker)).toEqual([1]);
    for (let i = 0; i < 4; i++) {
      await until('the edit on every worker', async () => (await onNewConnection(origin, 'GET', '/ru/news/second-story', {})).includes('Заголовок после SIGHUP'));
    }

    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
    expect(said('Stopped').map((l) => l.worker ?? 'primary').sort()).toEqual([1, 2, 'primary']);
    await VALID_COPY.remove();
  });

  it('replaces a worker that dies', async () => {
    const { child, origin, said, countedBy } = await startCluster(mkdtempSync(path.join(tmpdir(), 'dknews-cluster-')));
    const victim = said('Worker started')[0]!;
    process.kill(victim.pid!, 'SIGKILL');
    await until('a third worker serving', () => said('DKNews.kz is serving').length === 3, 20_000);
    expect(said('Worker died; starting another')).toEqual([expect.objectContaining({ worker: victim.worker, pid: victim.pid, signal: 'SIGKILL' })]);
    const third = said('Worker started')[2]!;
    expect(third.pid).not.toBe(victim.pid);
    // glibc reads its malloc settings only at a process's start: the primary gives them to every worker it forks.
    const environ = readFileSync(`/proc/${third.pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(MALLOC_ENV)) expect(environ).toContain(`${name}=${process.env[name] ?? value}`);
    let reader = 0;
    await until('the new worker counting', async () => {
      await countAs(origin, `203.0.113.${reader++}`);
      return countedBy().has(third.worker);
    });

    const stopped = exited(child);
    child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('exits 1 when the workers cannot start (a broken site.yml), instead of restarting them forever', async () => {
    const broken = await copyContent(VALID);
    writeFileSync(path.join(broken.dir, 'site.yml'), 'founded: "давно"\n');
    const child = spawn(process.execPath, ['dist/src/server.js'], {
      cwd: ROOT,
      env: serverEnv(mkdtempSync(path.join(tmpdir(), 'dknews-cluster-')), { WEB_CONCURRENCY: '2', CONTENT_DIR: broken.dir }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    clusters.push(child);
    const lines: LogLine[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as LogLine));
    expect(await exited(child)).toEqual({ code: 1, signal: null });
    await broken.remove();
    expect(lines.map((l) => l.msg)).toContain('A worker could not start; stopping (its log says why)');
    expect(lines.some((l) => l.worker !== undefined && l.msg.includes('site.yml'))).toBe(true);
  });
});

describe('a first start at hundreds of articles', () => {
  it('parses the files on every core, reports a broken one with its line, and a restart parses none', async () => {
    const contentDir = mkdtempSync(path.join(tmpdir(), 'dknews-many-'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/generate-content.mjs'), '--count', '300', '--out', contentDir, '--seed', '7']);
    writeFileSync(path.join(contentDir, 'news/broken-one.ru.md'), '---\ntitle: Сломано\ndate: 2026-01-22T09:00\nauthor: nobody-at-all\ntopics: [politics]\n---\nТекст.\n');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-many-data-'));
    const run = async (first: boolean) => {
      const child = spawn(process.execPath, ['dist/src/server.js'], { cwd: ROOT, env: serverEnv(dataDir, { CONTENT_DIR: contentDir }), stdio: ['ignore', 'pipe', 'inherit'] });
      clusters.push(child);
      const lines: (LogLine & { files?: number; threads?: number; line?: number; field?: string })[] = [];
      createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as LogLine));
      // Serving the first batch; the whole index once the log says so (a first start), or
      // /healthz says nothing is being indexed (a restart, which finds nothing new to say).
      await until('serving', () => lines.some((l) => l.msg === 'DKNews.kz is serving'), 60_000);
      const origin = `http://127.0.0.1:${lines.find((l) => l.msg === 'DKNews.kz is serving')!.port}`;
      if (first) await until('indexed', () => lines.some((l) => l.msg === 'Content index complete'), 60_000);
      else await until('indexed', async () => (await (await fetch(`${origin}/healthz`)).json() as { content: { indexing: boolean } }).content.indexing === false, 60_000);
      return { child, lines, origin };
    };

    const first = await run(true);
    const parallel = first.lines.find((l) => l.msg === 'Parsed the new article files in parallel');
    const files = readdirSync(path.join(contentDir, 'news'), { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
    expect(files).toBeGreaterThan(400);
    // All but the broken file come back from the threads; one core means no threads at all.
    if (availableParallelism() > 1) expect(parallel).toMatchObject({ files, threads: Math.min(4, availableParallelism()) });
    else expect(parallel).toBeUndefined();
    const problem = first.lines.find((l) => String(l.msg).includes('broken-one.ru.md'));
    expect(problem).toMatchObject({ line: 4, field: 'author' });
    const home = await (await fetch(`${first.origin}/ru/`)).text();
    const href = /<a href="(\/ru\/news\/[^"]+)"/.exec(home)![1]!;
    expect(await (await fetch(`${first.origin}${href}`)).text()).toMatch(/<div class="article__body">\s*<p>/);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toEqual({ code: 0, signal: null });

    const second = await run(false);
    expect(second.lines.find((l) => l.msg === 'Parsed the new article files in parallel')).toBeUndefined();
    expect(await (await fetch(`${second.origin}${href}`)).text()).toMatch(/<div class="article__body">\s*<p>/);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });
  }, 90_000);
});
