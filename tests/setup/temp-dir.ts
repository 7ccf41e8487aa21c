import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Every test file gets a temporary folder of its own, /tmp/dknews-test-PID-XXXXXX, as TMPDIR:
 * whatever it or the code under test makes with os.tmpdir() (content copies, data folders,
 * exports, the child processes it starts) lands there, and the whole folder goes when the
 * file's tests end. A read-only bind mount a test left inside (tests/http/views.test.ts, as
 * root) is unmounted first. A run that was killed leaves its folder behind; the next run
 * removes the folders of processes that no longer exist, mounts and all.
 */
const PREFIX = 'dknews-test-';
const system = process.env.TMPDIR_OF_THE_RUN ?? tmpdir();
process.env.TMPDIR_OF_THE_RUN = system;

/** Mount points inside a folder, deepest first (from /proc/self/mounts; octal escapes for spaces). */
function mountsUnder(dir: string): string[] {
  let table: string;
  try {
    table = readFileSync('/proc/self/mounts', 'utf8');
  } catch {
    return [];
  }
  return table
    .split('\n')
    .map((line) => line.split(' ')[1]?.replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))))
    .filter((point): point is string => point !== undefined && point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
}

function remove(dir: string): void {
  for (const point of mountsUnder(dir)) execFileSync('umount', [point]);
  rmSync(dir, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

for (const name of readdirSync(system)) {
  const pid = Number(/^dknews-test-(\d+)-/.exec(name)?.[1]);
  if (pid && !alive(pid)) remove(path.join(system, name));
}

const mine = mkdtempSync(path.join(system, `${PREFIX}${process.pid}-`));
process.env.TMPDIR = mine;

afterAll(() => {
  process.env.TMPDIR = system;
  remove(mine);
});
