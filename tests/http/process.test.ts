import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
});
