// npm run soak: a bounded load on loopback against the real server — pages, feeds, sitemaps,
// search and hostile requests — that counts every answer it did not expect and watches the
// server's resident memory. SOAK_SECONDS (default 60) and SOAK_CONCURRENCY (default 16).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const SLUG = 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const WORDS = ['Казахстан', 'сотрудничества', 'Цзянсу', 'провинции', 'Қазақстан', 'cooperation', 'нет-такого-слова', '<script>', '"\'><'];

/** Each request with the statuses it may get; anything else is counted as unexpected. */
const MIX = [
  ...['ru', 'kk', 'en'].flatMap((l) => [
    { path: `/${l}/`, ok: [200] },
    { path: `/${l}/news/${SLUG}`, ok: [200] },
    { path: `/${l}/topics`, ok: [200] },
    { path: `/${l}/topics/economy`, ok: [200] },
    { path: `/${l}/authors/arman-korzhumbaev`, ok: [200] },
    { path: `/${l}/rss.xml`, ok: [200] },
    { path: `/${l}/topics/politics/rss.xml`, ok: [200] },
  ]),
  { path: '/sitemap.xml', ok: [200] },
  { path: '/sitemaps/ru-articles-1.xml', ok: [200] },
  { path: '/sitemap-news.xml', ok: [200] },
  { path: '/robots.txt', ok: [200] },
  { path: '/healthz', ok: [200] },
  { search: true, ok: [200] },
  { path: `/ru/news/${SLUG}`, headers: { 'If-None-Match': 'etag-of-the-moment' }, conditional: true, ok: [304] },
  { path: `/api/views/ru/${SLUG}`, method: 'POST', headers: { 'User-Agent': BROWSER }, ok: [200] },
  { path: `/api/views/ru/${SLUG}`, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x', ok: [415] },
  { path: `/api/views/ru/${SLUG}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{', ok: [400] },
  { path: `/api/views/ru/${SLUG}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'x'.repeat(5000), ok: [413] },
  { path: '/api/views/ru/nope', method: 'POST', ok: [404] },
  { path: '/ru/news/..%2f..%2fpackage.json', ok: [404] },
  { path: '/media/..%2f..%2fcontent%2fsite.yml', ok: [404] },
  { path: '/assets/%2e%2e/%2e%2e/package.json', ok: [404] },
  { path: '/ru/news/%E0%A4%A', ok: [400] },
  { path: '/ru/?page=1e99', ok: [404] },
  { path: '/de/', ok: [404] },
  { path: '/ru/', method: 'DELETE', ok: [405] },
  { path: `/ru/search?q=${'a'.repeat(20_000)}`, ok: [414] },
];

function start() {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'dknews-soak-')), LOG_LEVEL: 'warn', CONTENT_WATCH: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before serving`)));
    // LOG_LEVEL=warn hides the "serving" line; ask for it on info once, then read the port from /healthz polling.
    createInterface({ input: child.stdout }).on('line', () => {});
    const deadline = Date.now() + 20_000;
    const poll = async () => {
      const port = findPort(child.pid);
      if (port && (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) return resolve({ child, origin: `http://127.0.0.1:${port}` });
      if (Date.now() > deadline) return reject(new Error('the server did not answer within 20 s'));
      setTimeout(poll, 100);
    };
    poll();
  });
}

/** The port a process listens on, from /proc: no log parsing, any log level. */
function findPort(pid) {
  try {
    const inodes = new Set(
      execFileSync('ls', ['-l', `/proc/${pid}/fd`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split('\n')
        .map((l) => /socket:\[(\d+)\]/.exec(l)?.[1])
        .filter(Boolean),
    );
    for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && inodes.has(cols[9])) return parseInt(cols[1].split(':')[1], 16);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// node:http, not fetch: fetch adds Cache-Control: no-cache to conditional requests, which
// (rightly) turns every 304 into a 200.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function main() {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const { child, origin } = await start();
  const stopAt = Date.now() + SECONDS * 1000;
  const stats = { requests: 0, unexpected: 0, failures: new Map() };
  const memory = [{ t: 0, mb: rssMb(child.pid) }];
  const started = Date.now();
  const etag = (await fetch(`${origin}/ru/news/${SLUG}`, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('etag');
  const sampler = setInterval(() => memory.push({ t: Math.round((Date.now() - started) / 1000), mb: rssMb(child.pid) }), 5000);

  let n = 0;
  async function worker() {
    while (Date.now() < stopAt) {
      const item = MIX[n++ % MIX.length];
      const url = item.search ? `${origin}/ru/search?q=${encodeURIComponent(WORDS[n % WORDS.length])}` : origin + item.path;
      const headers = { 'Accept-Encoding': 'gzip', ...(item.headers ?? {}) };
      if (item.conditional) headers['If-None-Match'] = etag;
      let status = 0;
      try {
        status = await send(url, { method: item.method, headers, body: item.body });
      } catch (error) {
        status = `error ${error.code ?? error.message}`;
      }
      stats.requests++;
      if (!item.ok.includes(status)) {
        stats.unexpected++;
        const key = `${item.method ?? 'GET'} ${item.path ?? 'search'} → ${status}`;
        stats.failures.set(key, (stats.failures.get(key) ?? 0) + 1);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    clearInterval(sampler);
    memory.push({ t: Math.round((Date.now() - started) / 1000), mb: rssMb(child.pid) });
    child.kill('SIGTERM');
    agent.destroy();
  }

  const seconds = (Date.now() - started) / 1000;
  console.log(`\nsoak: ${SECONDS} s, ${CONCURRENCY} connections, ${MIX.length} kinds of request (pages, feeds, sitemaps, search, API, hostile)`);
  console.log(`requests:            ${stats.requests} (${Math.round(stats.requests / seconds)}/s)`);
  console.log(`unexpected answers:  ${stats.unexpected}`);
  for (const [key, count] of stats.failures) console.log(`  ${count} × ${key}`);
  console.log(`resident memory, MB: start ${memory[0].mb.toFixed(1)}, end ${memory.at(-1).mb.toFixed(1)}, peak ${Math.max(...memory.map((m) => m.mb)).toFixed(1)}`);
  console.log(`  every 5 s: ${memory.map((m) => m.mb.toFixed(0)).join(' ')}`);
  process.exitCode = stats.unexpected === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(`soak could not run: ${error.message}`);
  process.exitCode = 1;
});
