import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * How `npm run reindex` reaches the server of this machine, through files in DATA_DIR: the
 * server (the single process, or the cluster's primary) writes its pid; the command adds its
 * request and sends CONTROL_SIGNAL; the process that indexes takes the requests, builds a
 * fresh index beside the serving one, and says how far it is in a status file the command
 * reads until the switch.
 */

/** The signal that asks for a rebuild: SIGUSR1 is Node's debugger, SIGHUP a reload. */
export const CONTROL_SIGNAL = 'SIGUSR2';

const PID_FILE = 'server.pid';
const REQUESTS = 'reindex-requests';
const STATUS = 'reindex-status.json';

/** What a build says of itself in the status file (see sync/store.ts, BuildStatus). */
export interface ReindexStatus {
  state: 'building' | 'switched' | 'failed';
  reason: string;
  /** The requests (ids) this build answers. */
  requests: string[];
  files: number;
  total: number;
  startedAt: number;
  /** When this status was written (ms): a reader tells a live build from one that died. */
  at: number;
  error?: string;
}

/** Says, in DATA_DIR, that this process serves it; the returned function takes that back (at exit). */
export function writePid(dataDir: string): () => void {
  const file = path.join(dataDir, PID_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${process.pid}\n`);
  } catch {
    // A DATA_DIR that cannot be written: npm run reindex cannot reach this server, and says so.
    return () => {};
  }
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  };
}

/** The pid of the server of DATA_DIR, if it is running. */
export function serverPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && running(pid) ? pid : undefined;
}

/** Whether a process is running (one of another user counts: it exists). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Adds a request for a rebuild, to be taken by the server at the signal; returns its id. */
export function requestReindex(dataDir: string): string {
  const id = randomUUID();
  appendFileSync(path.join(dataDir, REQUESTS), `${id}\n`);
  return id;
}

/** The requests made since the last look, taken (several commands may have asked at once). */
export function takeRequests(dataDir: string): string[] {
  const file = path.join(dataDir, REQUESTS);
  const taken = `${file}.${process.pid}`;
  try {
    renameSync(file, taken);
  } catch {
    return [];
  }
  try {
    return readFileSync(taken, 'utf8').split('\n').filter(Boolean);
  } finally {
    rmSync(taken, { force: true });
  }
}

export function writeStatus(dataDir: string, status: Omit<ReindexStatus, 'at'>): void {
  const file = path.join(dataDir, STATUS);
  try {
    writeFileSync(`${file}.${process.pid}`, JSON.stringify({ ...status, at: Date.now() }));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // Only npm run reindex reads it; it says when it hears nothing.
  }
}

export function readStatus(dataDir: string): ReindexStatus | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, STATUS), 'utf8')) as ReindexStatus;
  } catch {
    return undefined;
  }
}
