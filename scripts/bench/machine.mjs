/** What the machine is and how busy it is: figures measured next to other work say less. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** One line naming what the figures were measured on. */
export function machineLine() {
  const cpus = os.cpus();
  return `node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`;
}

/**
 * The share of all CPUs' time spent busy over the next `ms`, from /proc/stat (0–1), or
 * undefined where there is no /proc. More telling than the load average, which lags a minute.
 */
export async function cpuBusy(ms = 1000) {
  const sample = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = sample();
    await new Promise((r) => setTimeout(r, ms));
    const b = sample();
    return 1 - (b.idle - a.idle) / (b.total - a.total);
  } catch {
    return undefined;
  }
}
