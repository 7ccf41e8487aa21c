import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../src/cli/generate.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runGenerate(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: tmpdir(), env: {} });
  return { code, stdout, stderr };
}

describe('npm run generate', () => {
  it('prints its usage on --help in the asked language and exits 0', async () => {
    const kk = await run(['--help', '--lang', 'kk']);
    expect(kk.code).toBe(0);
    expect(kk.stdout.split('\n')[0]).toBe('Қолданылуы: npm run generate -- [параметрлер]');
    expect(kk.stdout).toContain('--count САН');
  });

  it('names a count that is not a whole number above 0, with the usage, exit 2 (regression: an English message and exit 1)', async () => {
    const result = await run(['--count', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('--count «0»: нужно целое число больше 0.');
    expect((await run(['--seed', 'x'])).stderr.split('\n')[0]).toBe('--seed «x»: нужно целое число.');
    expect((await run(['--cuont', '5'])).code).toBe(2);
  });

  it('writes the articles and says how many, in the editor\'s language', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'dknews-generate-'));
    made.push(out);
    await rm(out, { recursive: true });
    const result = await run(['--count', '5', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Записано в ${out}: статей — 5, файлов — \\d+ \\(5 ru, \\d+ kk, \\d+ en\\)`));
    const files = await readdir(path.join(out, 'news'), { recursive: true });
    expect(files.filter((f) => f.endsWith('.ru.md'))).toHaveLength(5);
  });
});
