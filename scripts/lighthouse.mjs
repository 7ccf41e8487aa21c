#!/usr/bin/env node
/**
 * Lighthouse's mobile performance of the article and the home page (npm run lighthouse):
 * batches of runs of each page, interleaved, against the built server on content/, while a
 * process of ours keeps one CPU busy (the issue's condition: a machine that is not idle).
 * Prints every run (score, total blocking time, largest contentful paint, the longest task
 * and what Lighthouse attributes it to), each batch's median score and the lowest.
 *
 *   npm run lighthouse [-- --batches 5] [--runs 5] [--no-busy] [--skip-build] [--content DIR] [--article /ru/news/slug] [--page /ru/news/slug]
 *   (--content serves another content folder; --article names the article, else the feed's newest;
 *   --page adds a page to measure, e.g. an article with every body form; a page is measured once)
 *
 * Lighthouse is run with npx at a pinned version (LIGHTHOUSE below) and Debian's chromium
 * (CHROME_PATH, else /usr/bin/chromium): it is a measuring tool, not a dependency of the site
 * or its tests, and npx keeps its hundred packages out of every `npm ci`. Both pages are found
 * from the site (scripts/bench/pages.mjs). Exits 1 when it cannot run; a score under the
 * target is printed, not failed: the score moves with the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpuBusy, machineLine } from './bench/machine.mjs';
import { get, waitForOk } from './bench/http.mjs';
import { findPages } from './bench/pages.mjs';
import { freePort, run, start, stopAll } from './bench/processes.mjs';
import { percent } from './bench/table.mjs';

/** 12.2.3: the newest Lighthouse that runs on Node 20 and installs from a lock (13 wants Node 22). */
const LIGHTHOUSE = 'lighthouse@12.2.3';
const TARGET = 98;
const ROOT = path.resolve(import.meta.dirname, '..');
const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const { values } = parseArgs({
  options: {
    batches: { type: 'string', default: '5' },
    runs: { type: 'string', default: '5' },
    'no-busy': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    content: { type: 'string' },
    article: { type: 'string' },
    page: { type: 'string', multiple: true, default: [] },
  },
});
const batches = Number(values.batches);
const runs = Number(values.runs);

const temp = mkdtempSync(path.join(os.tmpdir(), 'dknews-lighthouse-'));
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
try {
  console.log(`DKNews.kz Lighthouse — ${machineLine()}, ${LIGHTHOUSE}, mobile defaults`);
  if (!values['skip-build']) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  const server = start(process.execPath, [path.join(ROOT, 'dist/src/server.js')], {
    cwd: ROOT,
    label: 'server',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CONTENT_DIR: path.resolve(values.content ?? path.join(ROOT, 'content')), DATA_DIR: path.join(temp, 'data'), LOG_LEVEL: 'warn', CONTENT_WATCH: '0', NODE_ENV: 'production' },
  });
  await waitForOk(port, '/healthz', { since: performance.now(), timeoutMs: 60_000, child: server });
  const pages = await findPages(port);
  const named = [
    ['article', values.article ?? pages.article],
    ['home', pages.home],
    ...values.page.map((p) => [p.split('/').filter(Boolean).at(-1), p]),
  ];
  // A page named twice (the feed's newest article given again with --page) is measured once.
  const targets = named.filter(([, p], i) => named.findIndex(([, q]) => q === p) === i);
  // Each page once before measuring: rendered and cached, as a reader after the warm-up finds it.
  for (const [, p] of targets) await get(port, p);
  const busyBefore = await cpuBusy();
  if (!values['no-busy']) {
    // One CPU kept busy for the whole measurement, by a process of our own.
    start(process.execPath, ['-e', 'for (;;) {}'], { label: 'busy loop' });
    console.log('· a busy loop keeps one CPU busy meanwhile');
  }
  console.log(`· CPUs busy with other work before the runs: ${percent(busyBefore)}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  const scores = Object.fromEntries(targets.map(([name]) => [name, []]));
  for (let b = 1; b <= batches; b++) {
    const batch = Object.fromEntries(targets.map(([name]) => [name, []]));
    for (let r = 1; r <= runs; r++) {
      for (const [name, p] of targets) {
        const result = await lighthouse(`http://127.0.0.1:${port}${p}`);
        batch[name].push(result.score);
        scores[name].push(result.score);
        console.log(`  batch ${b} run ${r}  ${name.padEnd(7)} ${line(result)}`);
      }
    }
    console.log(`  batch ${b} medians: ${targets.map(([name]) => `${name} ${median(batch[name])}`).join(', ')}`);
  }
  console.log(`\nLighthouse mobile performance, ${batches} batches of ${runs} runs (target: ≥ ${TARGET})`);
  for (const [name, p] of targets) {
    const medians = [];
    for (let b = 0; b < batches; b++) medians.push(median(scores[name].slice(b * runs, (b + 1) * runs)));
    console.log(`  ${name.padEnd(7)} ${p}\n          batch medians ${medians.join(', ')}; every run ${scores[name].join(' ')}; lowest ${Math.min(...scores[name])}; ${medians.every((m) => m >= TARGET) ? 'met' : 'NOT met'}`);
  }
  console.log(`  load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
} catch (error) {
  console.error(`lighthouse: cannot run: ${error.stack}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}

/** One Lighthouse run of the performance category; its score and what set it. */
async function lighthouse(url) {
  const out = path.join(temp, 'report.json');
  const once = () => run('npx', ['--yes', LIGHTHOUSE, url, '--only-categories=performance,accessibility', '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${CHROME_FLAGS}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  });
  let { code, output } = await once();
  // Lighthouse's own trace sometimes misses the navigation ("NO_NAVSTART … Please run
  // Lighthouse again"): that run is run again, once, and the retry is said.
  if (code !== 0 && /Runtime error encountered/.test(output)) {
    console.log(`  (Lighthouse failed to record ${shortUrl(url)}: ${output.match(/\(([A-Z_]+)\)/)?.[1] ?? 'runtime error'}; run again)`);
    ({ code, output } = await once());
  }
  if (code !== 0) throw new Error(`lighthouse failed (exit ${code}):\n${output}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const audits = report.audits;
  const longest = audits['long-tasks']?.details?.items?.[0];
  return {
    score: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    tbt: audits['total-blocking-time'].numericValue,
    lcp: audits['largest-contentful-paint'].numericValue,
    fcp: audits['first-contentful-paint'].numericValue,
    longest: longest && { ms: longest.duration, url: longest.url },
  };
}

function line(r) {
  const task = r.longest ? `longest task ${Math.round(r.longest.ms)} ms (${shortUrl(r.longest.url)})` : 'no long task';
  return `${String(r.score).padStart(3)}  accessibility ${r.accessibility}  TBT ${Math.round(r.tbt)} ms  FCP ${(r.fcp / 1000).toFixed(2)} s  LCP ${(r.lcp / 1000).toFixed(2)} s  ${task}`;
}

function shortUrl(url) {
  try {
    return new URL(url).pathname.split('/').at(-1) || '/';
  } catch {
    return url;
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
