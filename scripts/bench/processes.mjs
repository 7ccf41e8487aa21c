/**
 * Child processes the benchmark starts (servers, wrk), tracked so that every one of them is
 * stopped at the end — on success, on error, on Ctrl-C — and never anything else.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

const running = new Set();
/** Set on Ctrl-C: from then on nothing new is started while the rest is stopped. */
let stopping = false;

/**
 * Starts a process with its output kept (the last lines, for error messages). Output pipes are
 * always read: a server blocked on a full pipe would measure the pipe, not the server.
 */
export function start(command, args, { env, cwd, label = command } = {}) {
  if (stopping) throw new Error(`not starting ${label}: the benchmark is stopping`);
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = [];
  const keep = (chunk) => {
    tail.push(...String(chunk).split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.label = label;
  child.tail = () => tail.join('\n');
  // Resolves however the process ends, including never starting (command not found).
  child.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: -1, error }));
  });
  running.add(child);
  child.exited.then(() => running.delete(child));
  return child;
}

/** Runs a process to its end; resolves with its exit code and whole output. */
export async function run(command, args, options = {}) {
  const child = start(command, args, options);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const { code, error } = await child.exited;
  return { code, output: error ? `${output}${error.message}` : output };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stop(child, graceMs = 12_000) {
  if (!running.has(child)) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...running].map((child) => stop(child)));
}

// Last resort when the benchmark itself ends abruptly: no orphaned server keeps a port or a CPU.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    console.error(`\nbench: ${signal}, stopping the processes it started`);
    await stopAll();
    process.exit(130);
  });
}

/** A port free on 127.0.0.1 right now (the system picks it). */
export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** True after Ctrl-C: measurements should give up rather than report what the stop broke. */
export function isStopping() {
  return stopping;
}

/** Whether a process is still running. */
export function alive(child) {
  return running.has(child);
}
