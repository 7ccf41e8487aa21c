import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImportCommand, type ImportIo } from '../src/cli/import.js';
import { CONTENT, FIXTURES } from './helpers.js';

export const IMPORT_FIXTURES = path.join(FIXTURES, 'import');
export const THEME_UNIT_TEST = path.join(IMPORT_FIXTURES, 'themeunittestdata.wordpress.xml');

/** An empty content folder with the site's YAML file, inside a folder of its own (the report goes beside it). */
export async function emptyContent(): Promise<{ root: string; content: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'dknews-import-'));
  const content = path.join(root, 'content');
  await mkdir(content);
  await cp(path.join(CONTENT, 'site.yml'), path.join(content, 'site.yml'));
  return { root, content };
}

/**
 * `npm run import` run in this process, its output captured; nothing is fetched from another
 * host unless `io.fetch` is given (tests reach loopback only).
 */
export async function runImport(argv: string[], cwd: string, io: Partial<ImportIo> = {}) {
  let stdout = '';
  let stderr = '';
  const refuse = async (url: string) => {
    throw new Error(`a test tried to reach ${url}`);
  };
  const code = await runImportCommand(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: {},
    fetch: refuse,
    ...io,
  });
  const report = await readFile(path.join(cwd, 'import-report.md'), 'utf8').catch(() => '');
  return { code, stdout, stderr, report };
}
