/**
 * wrk, pinned to its own CPU, and its report read back into numbers.
 */
import { execFileSync } from 'node:child_process';
import { run } from './processes.mjs';

/**
 * Makes sure wrk is installed: Debian's package, with apt-get when we are root. Returns an
 * error message when it cannot be had, else undefined.
 */
export function ensureWrk() {
  if (has('wrk')) return undefined;
  if (process.getuid?.() !== 0) return 'wrk is not installed; install it (Debian: sudo apt-get install wrk) and run again';
  console.log('Installing wrk with apt-get …');
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' });
  } catch {
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' });
    } catch {
      return 'wrk is not installed and apt-get could not install it';
    }
  }
  return has('wrk') ? undefined : 'wrk is still missing after apt-get install wrk';
}

export function has(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads `url` with wrk -t1 -c50 for `seconds`, on CPU `cpu` (none: unpinned). Resolves
 * { rps, p50, p90, p99 (ms), requests, non2xx, socketErrors } or throws with wrk's output.
 */
export async function wrk(url, { seconds, cpu, headers = {}, connections = 50 }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const { code, output } = cpu === undefined ? await run('wrk', args) : await run('taskset', ['-c', String(cpu), 'wrk', ...args]);
  const result = parseWrk(output);
  if (code !== 0 || result.rps === undefined) throw new Error(`wrk ${url} failed (exit ${code}):\n${output}`);
  // Percentiles of no request at all read as 0 ms: report the run as failed instead.
  if (!result.requests) throw new Error(`no answer within ${seconds} s (${result.socketErrors} socket errors)`);
  return result;
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** The figures of wrk's --latency report. */
export function parseWrk(output) {
  const percentile = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return m ? Number(m[1]) * UNIT_MS[m[2]] : undefined;
  };
  const number = (re) => {
    const m = re.exec(output);
    return m ? Number(m[1]) : undefined;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}
