import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALID } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

/** The real server, as `npm start` runs it, on a free port. Resolves when it says it is serving. */
function start(dataDir: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: VALID, DATA_DIR: dataDir, CONTENT_WATCH: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before serving`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg: string; port?: number };
      if (entry.msg === 'DKNews.kz is serving') resolve({ child, origin: `http://127.0.0.1:${entry.port}` });
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const count = async (origin: string, agent: string) =>
  (await (await fetch(`${origin}/api/views/ru/first-story`, { method: 'POST', headers: { 'User-Agent': agent } })).json()) as { views: number; counted: boolean };

beforeAll(() => {
  // The process tests run the compiled server, exactly what `npm start` runs.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
}, 120_000);

describe('the server process', () => {
  it('keeps a counted view through kill -9', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-crash-'));
    const first = await start(dataDir);
    expect(await count(first.origin, BROWSER)).toEqual({ views: 6, counted: true });
    const gone = exited(first.child);
    first.child.kill('SIGKILL');
    expect((await gone).signal).toBe('SIGKILL');

    const second = await start(dataDir);
    // A bot's post counts nothing and reads the figure back.
    expect(await count(second.origin, 'Googlebot/2.1')).toEqual({ views: 6, counted: false });
    const stopped = exited(second.child);
    second.child.kill('SIGTERM');
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('answers a request in flight, then stops with 0 on SIGINT', async () => {
    const { child, origin } = await start(mkdtempSync(path.join(tmpdir(), 'dknews-stop-')));
    // A request whose body is still on its way is in flight: the server must wait for it.
    const socket = connect(Number(new URL(origin).port), '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    socket.write(`POST /api/views/ru/first-story HTTP/1.1\r\nHost: x\r\nUser-Agent: ${BROWSER}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = exited(child);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.write('{}');
    expect(await answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(await stopped).toEqual({ code: 0, signal: null });
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const child = spawn(process.execPath, ['dist/src/server.js'], { cwd: ROOT, env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect((await exited(child)).code).toBe(2);
    expect(stderr).toMatch(/^Invalid configuration in the environment:\n {2}PORT="eighty": /);
  });
});
