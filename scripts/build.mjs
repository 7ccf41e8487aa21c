#!/usr/bin/env node
// Compiles src/ into dist/src/ with esbuild: each TypeScript file transpiled on its own (types
// are erased, not checked: `npm test` and `npm run typecheck` run tsc for that), in about a
// tenth of a second. With --if-stale it does nothing when dist/ is newer than every source,
// With --run FILE it then runs that compiled file in this same process, the arguments after it
// passed on: what `npm start`, `npm run check` and `npm run new` do, so that they pay for one
// Node start, and a signal sent to the process reaches the server itself.
//
//   node scripts/build.mjs [--if-stale] [--out DIR] [--run FILE [ARGS...]]     (DIR defaults to dist)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
// Everything after --run FILE belongs to FILE.
const runAt = process.argv.indexOf('--run');
const own = runAt === -1 ? process.argv.slice(2) : process.argv.slice(2, runAt);
const { values } = parseArgs({ args: own, options: { 'if-stale': { type: 'boolean' }, out: { type: 'string' } } });
const out = path.resolve(ROOT, values.out ?? 'dist');
const stampFile = path.join(out, '.build-stamp');

const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();
// Every source's name and modification time, and the build's own inputs: an edited, added,
// deleted or renamed file changes the stamp.
const inputs = [...files, path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'package-lock.json'), import.meta.filename];
const stamp = createHash('sha256')
  .update(inputs.map((file) => `${file}\t${statSync(file).mtimeMs}`).join('\n'))
  .digest('hex');

if (!values['if-stale'] || readStamp() !== stamp) await compile();
if (runAt !== -1) await run(process.argv[runAt + 1], process.argv.slice(runAt + 2));

function readStamp() {
  try {
    return readFileSync(stampFile, 'utf8');
  } catch {
    return undefined;
  }
}

/** Runs a compiled file as if Node had been started on it (cluster workers fork that file too). */
async function run(file, args) {
  if (!file) throw new Error('--run needs the file to run, e.g. --run dist/src/server.js');
  const full = path.resolve(ROOT, file);
  process.argv = [process.argv[0], full, ...args];
  await import(pathToFileURL(full).href);
}

async function compile() {
  const { build } = await import('esbuild');
  const started = performance.now();
  rmSync(path.join(out, 'src'), { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: path.join(out, 'src'),
    outbase: path.join(ROOT, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  writeFileSync(stampFile, stamp);
  if (!values['if-stale'] || process.stderr.isTTY) console.error(`Built ${files.length} files into ${path.relative(ROOT, out) || '.'}/src in ${Math.round(performance.now() - started)} ms`);
}
