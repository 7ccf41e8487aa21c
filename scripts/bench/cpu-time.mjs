/**
 * CPU time from /proc: of a process with its threads and children (nginx's workers), and of
 * each CPU, so that a load's figures can say how much of the server's core other work took.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux that Node runs on. */
const TICK_MS = 10;

/** utime + stime of one process (all its threads), in ms; undefined once it is gone. */
function processMs(pid) {
  try {
    // The command name in parentheses may hold spaces: the fields start after its last ')'.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** The pids of a process's children (nginx's workers), from each of its threads' children file. */
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU ms used so far by a process and its live children (a master and its workers). */
export function treeMs(pid) {
  return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + (processMs(p) ?? 0), 0);
}

/** Busy and total ms of each CPU so far, from /proc/stat: [{ busy, total, steal }] by CPU number. */
export function cpuTimes() {
  try {
    const rows = readFileSync('/proc/stat', 'utf8').split('\n').filter((line) => /^cpu\d+ /.test(line));
    return rows.map((line) => {
      const [user, nice, system, idle, iowait, irq, softirq, steal] = line.split(/\s+/).slice(1, 9).map(Number);
      const busy = user + nice + system + irq + softirq + steal;
      return { busy: busy * TICK_MS, total: (busy + idle + iowait) * TICK_MS, steal: steal * TICK_MS };
    });
  } catch {
    return [];
  }
}

/**
 * What a measured stretch cost: `pid`'s CPU ms, and of CPU `cpu` (where it is pinned) the share
 * taken by everything else (other engineers' work, the kernel, the hypervisor's steal).
 * Call once before the stretch; the function returned, after it.
 */
export function cpuMeter(pid, cpu) {
  const before = { own: treeMs(pid), cpus: cpuTimes() };
  return () => {
    const own = treeMs(pid) - before.own;
    const after = cpuTimes();
    const a = before.cpus[cpu];
    const b = after[cpu];
    if (!a || !b || b.total === a.total) return { ownMs: own };
    const elapsed = b.total - a.total;
    return { ownMs: own, othersShare: Math.max(0, (b.busy - a.busy - own) / elapsed), stealShare: (b.steal - a.steal) / elapsed };
  };
}
