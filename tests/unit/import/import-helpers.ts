import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyContent, runImport } from '../../import-run.js';

/** An empty content folder with the source written beside it, imported; the written files read back. */
export async function importText(source: string | Buffer, argv: string[] = [], name = 'export.xml') {
  const { root, content } = await emptyContent();
  await writeFile(path.join(root, name), source);
  const run = await runImport([name, '--content', 'content', '--offline', ...argv], root);
  return { ...run, root, content, files: await readTree(content) };
}

/** Every file of a folder (dot folders too), by path, with its text. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}
