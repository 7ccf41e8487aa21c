#!/usr/bin/env node
/**
 * The import's benchmark (npm run bench:import): a WordPress export of generated news (about
 * 500 MB for 100,000 posts, scripts/generate/wxr.mjs) imported without media into an empty
 * content folder, timed, with the import's peak resident memory (VmHWM) read from /proc while
 * it runs. Each run starts from an empty folder; the median is reported and every run printed.
 * Then, if asked, `npm run check` on the result and the server's first indexing of it, each
 * with its time and peak memory. Everything is made under $TMPDIR and deleted at the end
 * (--keep keeps the export for a later run).
 *
 *   npm run bench:import [-- --count 100000] [--runs 3] [--check] [--index] [--keep] [--pin 0]
 *
 * Targets (issue 26): 100,000 posts in ≤ 5 minutes, peak RSS ≤ 300 MB. Take the exclusive lock
 * while measuring: flock -x /tmp/dknews-load.lock npm run bench:import
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeWxr } from './generate/wxr.mjs';
import { cpuBusy, machineLine } from './bench/machine.mjs';
import { freePort, run, start, stop, stopAll } from './bench/processes.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    check: { type: 'boolean', default: false },
    index: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    pin: { type: 'string' },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
const work = path.join(os.tmpdir(), `dknews-bench-import-${count}`);
const source = path.join(work, 'export.xml');
const pin = values.pin === undefined ? [] : ['taskset', '-c', values.pin];

/** Runs a command to its end, reading its VmHWM from /proc every 100 ms; resolves with seconds, peak MB and output. */
async function measured(command, args, options = {}) {
  const started = performance.now();
  const child = start(pin[0] ?? command, [...pin.slice(1), ...(pin.length ? [command] : []), ...args], options);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  let peakKB = 0;
  const pids = () => [child.pid, ...children(child.pid)];
  const timer = setInterval(() => {
    for (const pid of pids()) peakKB = Math.max(peakKB, hwm(pid));
  }, 100);
  const { code } = await child.exited;
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakMB: peakKB / 1024, code, output };
}

function hwm(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** taskset execs node in the same process; other wrappers would leave it as a child. */
function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function emptyContent(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, 'content/site.yml'), path.join(dir, 'site.yml'));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  console.log(`DKNews.kz import benchmark — ${machineLine()}`);
  const busy = await cpuBusy();
  console.log(`· other processes keep the CPUs ${(busy * 100).toFixed(0)} % busy before the run; load average ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
  mkdirSync(work, { recursive: true });
  if (!existsSync(source)) {
    const started = performance.now();
    const bytes = await writeWxr({ count, out: source });
    console.log(`· synthesised ${count} posts: ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(0)} s (${source})`);
  } else console.log(`· the export from an earlier run: ${(statSync(source).size / 1e6).toFixed(0)} MB`);
  const built = await run(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT });
  if (built.code !== 0) throw new Error(`the build failed:\n${built.output}`);

  const content = path.join(work, 'content');
  const results = [];
  for (let i = 0; i < runs; i++) {
    emptyContent(content);
    const r = await measured(process.execPath, [path.join(ROOT, 'dist/src/cli/import-bin.js'), source, '--content', content, '--offline', '--report', path.join(work, 'import-report.md')], { cwd: ROOT });
    if (r.code !== 0) throw new Error(`the import failed:\n${r.output.slice(-2000)}`);
    results.push(r);
    console.log(`· run ${i + 1}: ${r.seconds.toFixed(1)} s, ${Math.round(count / r.seconds)} posts/s, peak RSS ${r.peakMB.toFixed(0)} MB`);
  }
  const seconds = median(results.map((r) => r.seconds));
  const peak = median(results.map((r) => r.peakMB));
  console.log(`\nimport of ${count} posts (${(statSync(source).size / 1e6).toFixed(0)} MB), median of ${runs}: ${seconds.toFixed(1)} s (target ≤ 300 s: ${seconds <= 300 ? 'met' : 'NOT met'}), peak RSS ${peak.toFixed(0)} MB (target ≤ 300 MB: ${peak <= 300 ? 'met' : 'NOT met'})`);

  if (values.check) {
    const r = await measured(process.execPath, [path.join(ROOT, 'dist/src/cli/check-bin.js'), '--dir', content], { cwd: ROOT });
    console.log(`npm run check on the ${count} imported articles: exit ${r.code} in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMB.toFixed(0)} MB; last lines:\n${r.output.trim().split('\n').slice(-3).map((l) => `    ${l}`).join('\n')}`);
  }
  if (values.index) await indexing(content);
  console.log(`· CPUs busy with other work after the run: ${((await cpuBusy()) * 100).toFixed(0)} %; load average ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`);
}

/** The server's first start on the imported folder: until /healthz says the whole archive is indexed. */
async function indexing(content) {
  const dataDir = path.join(work, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', CONTENT_DIR: content, DATA_DIR: dataDir, LOG_LEVEL: 'warn', CONTENT_WATCH: '0', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '65536' };
  const started = performance.now();
  const server = start(process.execPath, [path.join(ROOT, 'dist/src/server.js')], { cwd: ROOT, env, label: 'server' });
  let peakKB = 0;
  let health;
  for (;;) {
    peakKB = Math.max(peakKB, hwm(server.pid));
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/healthz`);
      health = await answer.json();
      if (answer.ok && health.content?.indexing === false) break;
    } catch {
      // Not listening yet.
    }
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${server.tail()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(`server's first start on the imported folder: whole archive indexed in ${((performance.now() - started) / 1000).toFixed(0)} s, peak RSS ${(peakKB / 1024).toFixed(0)} MB; /healthz: ${JSON.stringify(health)}`);
  await stop(server);
}

try {
  await main();
} catch (error) {
  console.error(`bench:import: ${error.message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else rmSync(path.join(work, 'content'), { recursive: true, force: true });
}
