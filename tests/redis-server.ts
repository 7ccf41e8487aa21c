import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';

/** A redis-server (Debian's package, installed by `npm test` when missing) on a loopback port. */
export interface RedisServer {
  port: number;
  url: string;
  process: ChildProcess;
  /** Stops it (SIGKILL: as if the machine died) and resolves once it is gone. */
  kill(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts redis-server and resolves when it accepts connections. Without `dir` it keeps nothing
 * on disk; with one, every write goes to an append-only file there, so that a server started
 * again on the same folder has the data back.
 */
export async function startRedis(options: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const disk = options.dir ? ['--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--dir', mkdtempSync(`${tmpdir()}/dknews-redis-`), '--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...disk], { stdio: ['ignore', 'pipe', 'inherit'] });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before accepting connections:\n${output}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      if (line.includes('Ready to accept connections')) resolve();
    });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    process: child,
    kill: async () => {
      child.kill('SIGKILL');
      await gone;
    },
  };
}
