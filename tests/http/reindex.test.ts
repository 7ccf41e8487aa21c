import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReindex } from '../../src/cli/reindex.js';
import { copyContent, VALID } from '../helpers.js';
import { until } from './until.js';

// npm run reindex against the compiled server, as an operator runs it: the command finds the
// server of its DATA_DIR, the server builds a fresh index beside the serving one and switches,
// and the command says how it went.

const ROOT = path.resolve(import.meta.dirname, '../..');
const running: ChildProcess[] = [];
/**
 * The server and the command compiled into a folder of their own (the project's files linked
 * in), so that another test file compiling dist/ at the same moment cannot hand them half a file.
 */
let built = '';
beforeAll(() => {
  built = mkdtempSync(path.join(tmpdir(), 'dknews-reindex-build-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--out', path.join(built, 'dist')], { cwd: ROOT });
  for (const name of ['package.json', 'package-lock.json', 'node_modules', 'views', 'locales', 'public']) symlinkSync(path.join(ROOT, name), path.join(built, name));
}, 120_000);
afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface LogLine {
  msg: string;
  worker?: number;
  file?: string;
}

const pointed = (dataDir: string) => readFileSync(path.join(dataDir, 'content-index.current'), 'utf8').trim();

/** The command in this process, its output kept. */
async function reindex(env: Record<string, string>, argv: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await runReindex(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: ROOT, env: { ...env, LOG_LEVEL: 'silent' } });
  return { code, stdout, stderr };
}

describe('npm run reindex', () => {
  it('with no server of its DATA_DIR, says so and exits 1; with --offline it builds the index, which the next start serves at once', async () => {
    const content = await copyContent(VALID);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-reindex-'));
    const env = { CONTENT_DIR: content.dir, DATA_DIR: dataDir };
    const none = await reindex(env);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `Сервер с DATA_DIR=${dataDir} не запущен. Запустите его (npm start) и повторите — он построит новый индекс, не прерывая работы сайта. Или постройте индекс без сервера: npm run reindex -- --offline\n`,
    );
    // A pid file a server left behind when it died counts for nothing.
    writeFileSync(path.join(dataDir, 'server.pid'), `${spawn('true').pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await reindex(env)).code).toBe(1);

    const offline = await reindex(env, ['--offline', '--lang', 'en']);
    expect(offline.stderr).toBe('');
    expect(offline.stdout).toMatch(new RegExp(`^Building the index without a server in ${dataDir}\\.\\n(Listing the files…\\n)?Done: the index is built \\(\\d+ files in [\\d.]+ s\\); a server started with this DATA_DIR serves it at once\\.\\n$`));
    expect(offline.code).toBe(0);
    expect(existsSync(path.join(dataDir, pointed(dataDir)))).toBe(true);
    await content.remove();
  });

  it('refuses --offline while a server runs with the DATA_DIR: that server rebuilds it itself', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-reindex-'));
    writeFileSync(path.join(dataDir, 'server.pid'), `${process.pid}\n`);
    const refused = await reindex({ DATA_DIR: dataDir }, ['--offline']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Сервер с DATA_DIR=.* работает \(pid \d+\): индекс перестроит он сам/);
  });

  it('makes a running cluster build a fresh index beside the serving one: the site answers throughout, both workers switch, the command exits 0 at the switch', async () => {
    const content = await copyContent(VALID);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dknews-reindex-'));
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: content.dir, DATA_DIR: dataDir, CONTENT_WATCH: '0', LOG_LEVEL: 'info', WEB_CONCURRENCY: '2' };
    const server = spawn(process.execPath, ['dist/src/server.js'], { cwd: built, env, stdio: ['ignore', 'pipe', 'inherit'] });
    running.push(server);
    const lines: LogLine[] = [];
    createInterface({ input: server.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as LogLine));
    const said = (msg: string) => lines.filter((l) => l.msg === msg);
    await until('two workers serving', () => said('DKNews.kz is serving').length === 2, 20_000);
    await until('the first index complete', () => said('Content index complete').length === 1, 20_000);
    const origin = `http://127.0.0.1:${(said('DKNews.kz is serving')[0] as LogLine & { port: number }).port}`;
    const before = pointed(dataDir);

    // The site is asked for a page all along; every answer is a 200.
    const statuses: number[] = [];
    let asking = true;
    const asker = (async () => {
      while (asking) {
        statuses.push((await fetch(`${origin}/ru/news/second-story`)).status);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const command = spawn(process.execPath, ['dist/src/cli/reindex-bin.js'], { cwd: built, env: { ...env, WEB_CONCURRENCY: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    command.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => command.once('exit', resolve));
    asking = false;
    await asker;

    expect(code).toBe(0);
    expect(stdout).toMatch(/^Сервер \(pid \d+\) строит новый индекс рядом с действующим; до переключения сайт работает на прежнем\.\n(.*\n)*Готово: сервер переключился на новый индекс \(\d+ файл\S* за [\d.]+ с\)\.\n$/);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(pointed(dataDir)).not.toBe(before);
    expect(said('Switched to the new content index').map((l) => l.worker)).toEqual([1]);
    await until('the other worker following', () => said('Following the writer to the new content index').length === 1, 5000);
    expect(said('Following the writer to the new content index')[0]).toMatchObject({ worker: 2, file: path.join(dataDir, pointed(dataDir)) });

    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await content.remove();
  }, 60_000);
});
