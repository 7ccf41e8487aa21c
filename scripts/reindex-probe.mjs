#!/usr/bin/env node
/**
 * The reindex probe (issue 24): does any reader see a rebuild of the content index? On a copy of
 * a generated archive it indexes everything, then, while sampling the site every few seconds
 * (a spread of old article URLs, every topic page, the sitemaps with their URL count):
 *
 *   1. restarts after changing a CLI message in dist/ — the index file must be reused;
 *   2. runs `npm run reindex` while serving — an edit is made during the rebuild, and must show
 *      at once and still after the switch;
 *   3. restarts after changing a parsing module in dist/ — the old index serves while the new
 *      one is built beside it;
 *   4. puts the module back and restarts (another rebuild, sampled the same way).
 *
 * Every answer sampled during a rebuild must be a 200 and the sitemaps' URL count must stay the
 * same. It prints a line per sample and a table at the end, and exits 1 if a case failed. The
 * modules changed in dist/ are put back whatever happens; the copy is deleted unless --keep.
 *
 *   node scripts/reindex-probe.mjs --source /tmp/gen10k [--work DIR] [--every 5] [--sample 300] [--keep] [--skip-put-back]
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { get, sitemapPaths } from './bench/http.mjs';
import { cpuBusy, machineLine } from './bench/machine.mjs';
import { freePort, run, start, stop } from './bench/processes.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    work: { type: 'string' },
    every: { type: 'string', default: '5' },
    sample: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    'skip-put-back': { type: 'boolean', default: false },
  },
});
if (!values.source) {
  console.error('Usage: node scripts/reindex-probe.mjs --source /tmp/gen10k [--work DIR] [--every 5] [--sample 300] [--keep]');
  process.exit(2);
}
const EVERY_MS = Number(values.every) * 1000;
const SAMPLE = Number(values.sample);
const work = path.resolve(values.work ?? path.join(os.tmpdir(), `dknews-reindex-probe-${process.pid}`));
const contentDir = path.join(work, 'content');
const dataDir = path.join(work, 'data');
const CLI_MODULE = path.join(ROOT, 'dist/src/cli/messages.js');
const PARSE_MODULE = path.join(ROOT, 'dist/src/parse/slug.js');
const originals = new Map();
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Appends a line to a compiled module (a change of its text, nothing else), remembering the original. */
function touch(file) {
  if (!originals.has(file)) originals.set(file, readFileSync(file, 'utf8'));
  writeFileSync(file, `${originals.get(file)}\n// reindex probe ${Date.now()}\n`);
}
function restore(file) {
  if (originals.has(file)) writeFileSync(file, originals.get(file));
  originals.delete(file);
}

let server;
let port;
async function startServer() {
  port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CONTENT_DIR: contentDir,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    CONTENT_WATCH: '1',
    MALLOC_ARENA_MAX: '2',
    MALLOC_MMAP_THRESHOLD_: '65536',
  };
  server = start(process.execPath, [path.join(ROOT, 'dist/src/server.js')], { env, cwd: ROOT, label: 'server' });
  // Ready to be sampled once it answers at all: a first start's 503s are not a rebuild's.
  for (;;) {
    if (!(await health())) {
      await sleep(50);
      continue;
    }
    return;
  }
}

async function health() {
  try {
    const res = await get(port, '/healthz', { timeoutMs: 5000 });
    return res.status === 200 ? JSON.parse(res.body.toString()).content : undefined;
  } catch {
    return undefined;
  }
}

const pointed = () => readFileSync(path.join(dataDir, 'content-index.current'), 'utf8').trim();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the index is complete and nothing is being built; resolves with the seconds it took. */
async function settled(since = performance.now()) {
  for (;;) {
    const content = await health();
    if (content && content.complete !== false && !content.building && !content.indexing) return (performance.now() - since) / 1000;
    await sleep(200);
  }
}

/** Every URL the sitemaps list (the index, then each child), with the children's paths. */
async function sitemap() {
  const index = await get(port, '/sitemap.xml');
  if (index.status !== 200) return { status: index.status, urls: [] };
  const urls = [];
  for (const child of sitemapPaths(index.body.toString())) {
    const res = await get(port, child);
    if (res.status !== 200) return { status: res.status, urls, failed: child };
    urls.push(...sitemapPaths(res.body.toString()));
  }
  return { status: 200, urls };
}

/** Asks for every path, 8 at a time; resolves with those that did not answer 200. */
async function fetchAll(paths) {
  const bad = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < paths.length) {
        const p = paths[next++];
        try {
          const res = await get(port, p, { timeoutMs: 30_000 });
          if (res.status !== 200) bad.push(`${p} ${res.status}`);
        } catch (error) {
          bad.push(`${p} ${error.message}`);
        }
      }
    }),
  );
  return bad;
}

/**
 * Samples every EVERY_MS until `done` resolves (and once more after it): the articles, the
 * topic pages and the sitemaps. Resolves with the samples.
 */
async function sampleUntil(done, pages, expectedCount) {
  const samples = [];
  let finished = false;
  done.then(() => (finished = true), () => (finished = true));
  // Meanwhile /healthz every 200 ms: its slowest answer is the longest a reader waited behind the rebuild.
  let slowest = 0;
  const polling = (async () => {
    while (!finished) {
      const t = performance.now();
      await health();
      slowest = Math.max(slowest, performance.now() - t);
      await sleep(200);
    }
  })();
  for (let last = false; ; ) {
    const started = performance.now();
    const [bad, map, content] = await Promise.all([fetchAll(pages), sitemap(), health()]);
    const sample = { at: new Date().toISOString().slice(11, 19), bad, sitemapStatus: map.status, count: map.urls.length, building: content?.building, seconds: (performance.now() - started) / 1000 };
    samples.push(sample);
    log(`  sample: ${pages.length} pages, ${bad.length} not 200${bad.length ? ` (${bad.slice(0, 3).join(', ')})` : ''}; sitemaps ${map.status}, ${map.urls.length} URLs${map.urls.length !== expectedCount ? ` (expected ${expectedCount})` : ''}${content?.building ? `; building ${content.building.files}/${content.building.total}` : ''}; ${sample.seconds.toFixed(1)} s`);
    if (last) {
      await polling;
      samples.slowestHealthMs = slowest;
      return samples;
    }
    if (finished) last = true;
    else await Promise.race([sleep(Math.max(0, EVERY_MS - (performance.now() - started))), done.catch(() => {})]);
  }
}

const results = [];
function record(name, fields) {
  results.push({ name, ...fields });
}

async function main() {
  log(machineLine());
  log(`CPUs busy with other work: ${Math.round((await cpuBusy()) * 100)} %`);
  log(`npm run build`);
  const built = await run('npm', ['run', 'build', '--silent'], { cwd: ROOT });
  if (built.code !== 0) throw new Error(built.output);
  log(`copying ${values.source} to ${contentDir}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  cpSync(values.source, contentDir, { recursive: true });

  // 0. A first start, indexed to the end.
  let since = performance.now();
  await startServer();
  const firstIndex = await settled(since);
  log(`first start: indexed in ${firstIndex.toFixed(1)} s (${pointed()})`);
  const map = await sitemap();
  const articles = map.urls.filter((u) => /^\/(ru|kk|en)\/news\/[^/]+$/.test(u));
  const step = Math.max(1, Math.floor(articles.length / SAMPLE));
  const sampled = articles.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const topics = [...new Set(map.urls.filter((u) => /^\/(ru|kk|en)\/topics\/[^/]+$/.test(u)))];
  const pages = [...sampled, ...topics, '/ru/', '/ru/rss.xml'];
  const expectedCount = map.urls.length;
  log(`sampling ${sampled.length} article URLs, ${topics.length} topic pages, the home page, a feed and the sitemaps (${expectedCount} URLs) every ${EVERY_MS / 1000} s`);
  record('first start', { seconds: firstIndex, note: `${expectedCount} sitemap URLs` });

  // 1. A CLI message changed: the same index file, nothing built.
  await stop(server);
  const before = pointed();
  touch(CLI_MODULE);
  since = performance.now();
  await startServer();
  const content = await health();
  const restart = await settled(since);
  const reused = pointed() === before && !content.building;
  log(`CLI message changed: ${reused ? 'index file reused' : `REBUILT (${before} → ${pointed()})`}, settled in ${restart.toFixed(1)} s`);
  record('restart, CLI message changed', { seconds: restart, ok: reused, note: reused ? `index file reused (${before})` : `rebuilt: ${pointed()}` });
  restore(CLI_MODULE);

  // 2. npm run reindex while serving, with an edit made during the rebuild.
  const editFile = findFile(sampled[0]);
  const marker = `Правка во время перестройки ${Date.now()}`;
  log(`npm run reindex while serving; ${path.relative(contentDir, editFile)} edited during the rebuild`);
  const fileBefore = pointed();
  since = performance.now();
  const command = run(process.execPath, [path.join(ROOT, 'dist/src/cli/reindex-bin.js')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: contentDir } });
  const editing = (async () => {
    await sleep(Math.min(10_000, EVERY_MS * 2));
    const text = readFileSync(editFile, 'utf8');
    writeFileSync(editFile, text.replace(/^title: (.*)$/m, `title: "${marker}"`));
    for (let i = 0; i < 100; i++) {
      if ((await get(port, sampled[0])).body.toString().includes(marker)) return (await health())?.building !== undefined;
      await sleep(100);
    }
    return false;
  })();
  const samples = await sampleUntil(command, pages, expectedCount);
  const { code, output } = await command;
  const duringRebuild = await editing;
  const afterSwitch = (await get(port, sampled[0])).body.toString().includes(marker);
  const seconds = (performance.now() - since) / 1000;
  log(`npm run reindex: exit ${code}, ${seconds.toFixed(1)} s; the edit shown during the rebuild: ${duringRebuild}, after the switch: ${afterSwitch}`);
  log(`  its last line: ${output.trim().split('\n').at(-1)}`);
  record('npm run reindex while serving', { seconds, samples, ok: code === 0 && pointed() !== fileBefore && afterSwitch, note: `exit ${code}; edit during the rebuild shown then: ${duringRebuild}, after the switch: ${afterSwitch}` });

  // 3. A parsing module changed: restart, the old index serves while the new one is built.
  await stop(server);
  const oldFile = pointed();
  touch(PARSE_MODULE);
  since = performance.now();
  await startServer();
  const parser = await rebuildSampled(since, pages, expectedCount);
  record('restart, parsing module changed', { ...parser, ok: parser.ok && pointed() !== oldFile });

  // 4. The module put back: the fingerprint of step 0 again, another rebuild (the same case as 3: skipped on request, for a large archive).
  await stop(server);
  restore(PARSE_MODULE);
  if (values['skip-put-back']) return;
  const probeFile = pointed();
  since = performance.now();
  await startServer();
  const back = await rebuildSampled(since, pages, expectedCount);
  record('restart, parsing module put back', { ...back, ok: back.ok && pointed() !== probeFile });
  await stop(server);
}

/** Samples from a restart's first answer until the index built beside the old one has replaced it. */
async function rebuildSampled(since, pages, expectedCount) {
  const first = await health();
  log(`restart answered after ${((performance.now() - since) / 1000).toFixed(1)} s; ${first?.building ? `building beside the old index (${first.building.reason})` : 'NOT building'}`);
  const done = settled(since);
  const samples = await sampleUntil(done, pages, expectedCount);
  const seconds = await done;
  return { seconds, samples, ok: first?.building !== undefined, note: first?.building ? first.building.reason : 'no rebuild' };
}

/** The file of an article URL in the copy. */
function findFile(url) {
  const [, lang, slug] = /^\/(ru|kk|en)\/news\/(.+)$/.exec(url);
  const name = `${slug}.${lang}.md`;
  const found = readdirSync(path.join(contentDir, 'news'), { withFileTypes: true, recursive: true }).find((entry) => entry.isFile() && entry.name === name);
  return found && path.join(found.parentPath, found.name);
}

function report() {
  console.log('\ncase                               seconds  samples  answers not 200  sitemap URL counts  slowest sample  slowest /healthz  result');
  let failed = false;
  for (const r of results) {
    const samples = r.samples ?? [];
    const bad = samples.reduce((n, s) => n + s.bad.length + (s.sitemapStatus === 200 ? 0 : 1), 0);
    const counts = [...new Set(samples.map((s) => s.count))];
    const ok = r.ok !== false && bad === 0 && counts.length <= 1;
    if (!ok) failed = true;
    const slowestSample = samples.length ? `${Math.max(...samples.map((s) => s.seconds)).toFixed(1)} s` : '-';
    const slowestHealth = samples.slowestHealthMs === undefined ? '-' : `${Math.round(samples.slowestHealthMs)} ms`;
    console.log(`${r.name.padEnd(35)}${r.seconds.toFixed(1).padStart(7)}  ${String(samples.length).padStart(7)}  ${String(bad).padStart(15)}  ${(counts.join(', ') || '-').padStart(18)}  ${slowestSample.padStart(14)}  ${slowestHealth.padStart(16)}  ${ok ? 'ok' : 'FAILED'}  ${r.note ?? ''}`);
  }
  return failed;
}

let failed = true;
try {
  await main();
  failed = report();
} catch (error) {
  console.error(error);
  report();
} finally {
  for (const file of [...originals.keys()]) restore(file);
  if (server) await stop(server);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`left ${work}`);
}
process.exit(failed ? 1 : 0);
