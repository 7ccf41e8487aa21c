#!/usr/bin/env node
/**
 * Where a V8 CPU profile (node --cpu-prof, or npm run bench -- --profile DIR) spent its time:
 * the functions with the most self time, and the same time summed by package or source file.
 *
 *   node scripts/bench/profile-top.mjs FILE.cpuprofile [--from MS] [--to MS] [--top 25]
 *
 * --from/--to keep only samples in that window, in ms since the profile started: e.g. --to 15000
 * for a start-up that took 15 s.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, to: { type: 'string', default: 'Infinity' }, top: { type: 'string', default: '25' } },
});
if (!positionals[0]) {
  console.error('usage: node scripts/bench/profile-top.mjs FILE.cpuprofile [--from MS] [--to MS] [--top 25]');
  process.exit(1);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const [from, to, top] = [Number(values.from), Number(values.to), Number(values.top)];

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map();
let t = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] / 1000;
  t += delta;
  if (t < from || t > to) return;
  selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
  total += delta;
});

const byFunction = new Map();
const byPlace = new Map();
for (const [id, time] of selfMs) {
  const { callFrame: f } = nodes.get(id);
  const name = `${f.functionName || '(anonymous)'}  ${place(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  byPlace.set(place(f.url, true), (byPlace.get(place(f.url, true)) ?? 0) + time);
}

/** A short name for where code lives: a package, a file of ours, node's own, or V8's. */
function place(url, coarse = false) {
  if (!url) return '(v8/native: gc, idle, program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return coarse ? pkg[1] : url.slice(url.indexOf(pkg[1]));
  if (url.startsWith('node:')) return coarse ? 'node: (core)' : url;
  const ours = /\/(dist\/src\/.*)$/.exec(url);
  return ours ? ours[1] : url;
}

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${time.toFixed(0).padStart(8)} ms ${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
};
console.log(`${positionals[0]}: ${(total / 1000).toFixed(2)} s of samples in the window ${from}–${to} ms`);
print('Self time by function', byFunction);
print('Self time by package or file', byPlace);
