import { stat } from 'node:fs/promises';

/** Whether a path is an existing folder: a mistyped --dir is told apart from an empty one. */
export async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
