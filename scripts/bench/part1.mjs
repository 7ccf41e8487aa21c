/**
 * Part 1 of the bench: a cached page of ours against the same bytes from nginx's gzip_static
 * and from a bare node:http server, on the seed content/. Each server on CPU 0 in turn, wrk on
 * CPU 1; rounds interleaved (every page on every server, then again), every run printed, the
 * medians compared. CPU per request is the server's own CPU time from /proc over the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cpuMeter, treeMs } from './cpu-time.mjs';
import { get } from './http.mjs';
import { hasNginx, nginxSite } from './nginx-static.mjs';
import { findPages } from './pages.mjs';
import { freePort, stop } from './processes.mjs';
import { ms, percent, rps, table } from './table.mjs';
import { wrk } from './wrk.mjs';

const GZIP = { 'Accept-Encoding': 'gzip' };
/** Headers Node's http server writes by itself on every answer: the bare server's Node adds its own. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The issue's targets for every page, and the floor under which the bench fails. */
export const PART1_TARGETS = { ofNginx: 0.85, ofBare: 0.9, p99OfNginx: 1.5, cpuOfBare: 1.2, failBelowBare: 0.8 };

/**
 * Runs part 1. `start(label)` starts our server on content/ (pinned to the server CPU) and
 * resolves { child, port }; `pinned(cpu, argv, options)` starts another one.
 */
export async function seedBenchmark(context, { startOurs, pinned, waitUntilServing }) {
  const { log, durations, pin } = context;
  log('part 1: starting our server on content/');
  const ours = await startOurs();
  await waitUntilServing(ours);
  const pages = await findPages(ours.port);
  const variants = [
    { label: 'article, gzip', path: pages.article, headers: GZIP },
    { label: 'article, plain', path: pages.article, headers: {} },
    { label: 'home, gzip', path: pages.home, headers: GZIP },
    { label: 'topic, gzip', path: pages.topic, headers: GZIP },
    { label: 'feed, gzip', path: pages.feed, headers: GZIP },
  ];
  const paths = [...new Set(variants.map((v) => v.path))];
  // Asked twice: the first answer (Express) teaches the fast path, the second comes from it.
  for (const p of paths) for (const headers of [GZIP, {}]) await get(ours.port, p, { headers });
  const settledMs = await settle(ours.child.pid);
  log(`part 1: our server is idle ${(settledMs / 1000).toFixed(1)} s after serving (start-up work, the warm-up, pictures)`);

  log('part 1: recording our answers for the bare server and nginx');
  const recorded = await record(ours.port, paths);
  const file = path.join(context.temp, 'recorded.json');
  writeFileSync(file, JSON.stringify(recorded));
  const barePort = await freePort();
  const bare = pinned(pin.server, [process.execPath, path.join(import.meta.dirname, 'bare-server.mjs'), file, String(barePort)], { label: 'bare' });
  const servers = [
    { name: 'ours', port: ours.port, pid: ours.child.pid },
    { name: 'bare', port: barePort, pid: bare.pid, child: bare },
  ];
  if (hasNginx()) {
    const nginxPort = await freePort();
    const prefix = path.join(context.temp, 'nginx');
    mkdirSync(prefix, { recursive: true });
    const nginx = pinned(pin.server, nginxSite(prefix, recorded, nginxPort), { label: 'nginx' });
    servers.splice(1, 0, { name: 'nginx', port: nginxPort, pid: nginx.pid, child: nginx });
  } else {
    log('part 1: no nginx (/usr/sbin/nginx; scripts/ensure-packages.sh nginx installs it): compared with the bare server only');
  }
  try {
    for (const s of servers) await waitForAnswer(s.port, variants[0].path, s.child);
    const notes = await compareAnswers(servers, variants);
    const runs = [];
    const rounds = context.rounds;
    for (let round = 1; round <= rounds; round++) {
      for (const [i, v] of variants.entries()) {
        // Each round starts with another server, so that none always follows the same one.
        const order = servers.map((_, k) => servers[(k + round + i) % servers.length]);
        for (const s of order) {
          const url = `http://127.0.0.1:${s.port}${v.path}`;
          await wrk(url, { seconds: durations.warm1, cpu: pin.load, headers: v.headers }).catch(() => {});
          const meter = cpuMeter(s.pid, pin.server);
          const result = await wrk(url, { seconds: durations.measure1, cpu: pin.load, headers: v.headers }).catch((error) => ({ error: error.message.split('\n')[0] }));
          const cpu = meter();
          const run = { round, variant: v.label, server: s.name, ...result, cpuUs: result.requests ? (cpu.ownMs * 1000) / result.requests : undefined, others: cpu.othersShare, steal: cpu.stealShare };
          runs.push(run);
          console.log(`  ${runLine(run)}`);
        }
      }
    }
    return { pages, variants, servers: servers.map((s) => s.name), runs, notes, rounds };
  } finally {
    for (const s of servers) if (s.child) await stop(s.child);
    await stop(ours.child);
  }
}

/** Waits until a process has used under 2 % of a CPU over a second (at most 60 s); ms waited. */
async function settle(pid) {
  const since = performance.now();
  for (let last = treeMs(pid); performance.now() - since < 60_000; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = treeMs(pid);
    if (now - last <= 20) break;
    last = now;
  }
  return performance.now() - since;
}

async function waitForAnswer(port, urlPath, child) {
  for (let i = 0; i < 200; i++) {
    if (child && child.exitCode !== null) throw new Error(`${child.label} exited: ${child.tail()}`);
    try {
      if ((await get(port, urlPath)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer from ${urlPath} on port ${port}`);
}

/** Each path's gzip and identity answers, as the bare server replays them and nginx serves them. */
async function record(port, paths) {
  const recorded = {};
  for (const p of paths) {
    recorded[p] = {};
    for (const [encoding, headers] of [['gzip', GZIP], ['identity', {}]]) {
      const res = await get(port, p, { headers });
      const kept = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        if (!HOP_HEADERS.has(res.rawHeaders[i].toLowerCase())) kept.push(res.rawHeaders[i], res.rawHeaders[i + 1]);
      }
      recorded[p][encoding] = { status: res.status, headers: kept, body: res.body.toString('base64') };
    }
  }
  return recorded;
}

/**
 * Checks that the others send what ours sends: the same bytes from each, the same header
 * names from the bare server; nginx's head is its own (Server, Accept-Ranges), so its size is
 * noted. Returns notes for the report.
 */
async function compareAnswers(servers, variants) {
  const notes = [];
  const [ours, ...others] = servers;
  for (const v of variants) {
    const a = await get(ours.port, v.path, { headers: v.headers });
    for (const s of others) {
      const b = await get(s.port, v.path, { headers: v.headers });
      const names = (res) => res.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
      if (a.status !== b.status || !a.body.equals(b.body)) notes.push(`${s.name} sends other bytes than ours for ${v.label}`);
      else if (s.name === 'bare' && names(a).join() !== names(b).join()) notes.push(`the bare server's header names differ from ours for ${v.label}`);
      else if (s.name === 'nginx' && v === variants[0]) {
        const missing = names(a).filter((n) => !names(b).includes(n) && !HOP_HEADERS.has(n) && n !== 'x-request-id');
        notes.push(`nginx's head for ${v.label}: ${headBytes(b)} bytes, ours ${headBytes(a)}${missing.length ? `; it lacks ${missing.join(', ')}` : ''}`);
      }
    }
  }
  return notes;
}

function headBytes(res) {
  let n = 0;
  for (let i = 0; i < res.rawHeaders.length; i += 2) n += res.rawHeaders[i].length + res.rawHeaders[i + 1].length + 4;
  return n;
}

function runLine(r) {
  const busy = r.others === undefined ? '' : `, others on CPU 0 ${percent(r.others)}${r.steal ? ` (steal ${percent(r.steal)})` : ''}`;
  if (r.error) return `round ${r.round}  ${r.variant.padEnd(15)} ${r.server.padEnd(5)}  failed: ${r.error}`;
  return `round ${r.round}  ${r.variant.padEnd(15)} ${r.server.padEnd(5)}  ${rps(r.rps).padStart(7)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  CPU ${us(r.cpuUs)}/request${busy}`;
}

function us(value) {
  return value === undefined ? 'n/a' : `${value.toFixed(1)} µs`;
}

function median(values) {
  const known = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  return known.length ? known[Math.floor((known.length - 1) / 2)] : undefined;
}

/**
 * Medians per page and server, and ours against the others: each ratio is the median of the
 * rounds' ratios (ours and the other measured a minute apart, not across the whole run).
 */
export function summarize(part1) {
  const rows = [];
  for (const v of part1.variants) {
    const of = (server) => part1.runs.filter((r) => r.variant === v.label && r.server === server && !r.error);
    const fig = (server) => {
      const runs = of(server);
      return { rps: median(runs.map((r) => r.rps)), p99: median(runs.map((r) => r.p99)), cpuUs: median(runs.map((r) => r.cpuUs)), others: median(runs.map((r) => r.others)) };
    };
    const ratio = (server, key) => {
      const per = [];
      for (let round = 1; round <= part1.rounds; round++) {
        const a = of('ours').find((r) => r.round === round);
        const b = of(server).find((r) => r.round === round);
        if (a && b && b[key]) per.push(a[key] / b[key]);
      }
      return median(per);
    };
    const has = (server) => part1.servers.includes(server);
    rows.push({
      label: v.label,
      path: v.path,
      ours: fig('ours'),
      nginx: has('nginx') ? fig('nginx') : undefined,
      bare: fig('bare'),
      rpsOfNginx: has('nginx') ? ratio('nginx', 'rps') : undefined,
      rpsOfBare: ratio('bare', 'rps'),
      p99OfNginx: has('nginx') ? ratio('nginx', 'p99') : undefined,
      cpuOfBare: ratio('bare', 'cpuUs'),
    });
  }
  return rows;
}

/** The medians' table and the ratios against the targets. */
export function part1Report(part1, options) {
  const d = options.durations;
  const rows = summarize(part1);
  const figures = [['page', 'server', 'req/s', 'p99', 'CPU/request', 'others on CPU 0']];
  for (const r of rows) {
    for (const server of ['ours', 'nginx', 'bare']) {
      const f = r[server];
      if (!f) continue;
      figures.push([server === 'ours' ? `${r.label}  ${shorten(r.path)}` : '', server, rps(f.rps), ms(f.p99), us(f.cpuUs), percent(f.others)]);
    }
  }
  const t = PART1_TARGETS;
  const met = (value, ok) => (value === undefined ? '?' : ok ? 'yes' : 'NO');
  const targets = [['page', 'req/s of nginx', `≥ ${percent(t.ofNginx)}`, 'req/s of bare', `≥ ${percent(t.ofBare)}`, 'p99 / nginx', `≤ ${t.p99OfNginx}×`, 'CPU / bare', `≤ ${t.cpuOfBare}×`]];
  for (const r of rows) {
    targets.push([
      r.label,
      percent(r.rpsOfNginx),
      met(r.rpsOfNginx, r.rpsOfNginx >= t.ofNginx),
      percent(r.rpsOfBare),
      met(r.rpsOfBare, r.rpsOfBare >= t.ofBare),
      times(r.p99OfNginx),
      met(r.p99OfNginx, r.p99OfNginx <= t.p99OfNginx),
      times(r.cpuOfBare),
      met(r.cpuOfBare, r.cpuOfBare <= t.cpuOfBare),
    ]);
  }
  const failing = failures(part1);
  return [
    `Part 1 — seed content/, medians of ${part1.rounds} interleaved rounds: wrk -t1 -c50 -d${d.measure1}s --latency after ${d.warm1} s of warm-up; each server on CPU 0 in turn, wrk on CPU 1`,
    table(figures, 'llrrrr'),
    '',
    'Ours against nginx gzip_static and bare node:http (each ratio the median of the rounds\' ratios)',
    table(targets, 'lrlrlrlrl'),
    ...part1.notes.map((n) => `note: ${n}`),
    ...(failing.length ? [`FAILED: under ${percent(t.failBelowBare)} of bare node:http's requests per second: ${failing.join(', ')}`] : []),
  ].join('\n');
}

/** The pages under the floor (80 % of the bare server in this run): the bench exits non-zero. */
export function failures(part1) {
  return summarize(part1)
    .filter((r) => r.rpsOfBare === undefined || r.rpsOfBare < PART1_TARGETS.failBelowBare)
    .map((r) => `${r.label} (${percent(r.rpsOfBare)})`);
}

function times(ratio) {
  return ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}×`;
}

function shorten(p) {
  return p.length > 44 ? `${p.slice(0, 41)}…` : p;
}
