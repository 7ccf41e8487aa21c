import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchOptions {
  /** Quiet time after the last change before reacting: one save is often several events. */
  debounceMs?: number;
  /** Longest wait after the first change, so that a long copy still shows progress. */
  maxWaitMs?: number;
  onError: (error: unknown) => void;
}

export interface ContentWatcher {
  close(): void;
}

/**
 * Calls `onChange` once a burst of changes anywhere under `dir` has settled, with the paths
 * that changed (relative to `dir`, forward slashes), or undefined when the system did not say
 * which (then everything is looked at). Dotfiles and editors' backup files (`x.md~`) are
 * ignored, as the loader ignores them.
 * Recursive fs.watch needs Node 20.19+ on Linux; it is native on macOS and Windows.
 * @example const watcher = watchContent('content', () => store.reload(), { onError: console.error })
 */
export function watchContent(dir: string, onChange: (paths: string[] | undefined) => void, options: WatchOptions): ContentWatcher {
  const { debounceMs = 150, maxWaitMs = 800 } = options;
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let paths: Set<string> | undefined = new Set();

  const fire = () => {
    timer = undefined;
    const which = paths;
    paths = new Set();
    onChange(which && [...which]);
  };
  const changed = (filename: string | null) => {
    if (filename && ignored(filename)) return;
    if (filename === null) paths = undefined;
    else paths?.add(filename.split(path.sep).join('/'));
    const now = Date.now();
    if (timer === undefined) firstAt = now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)));
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, (_event, filename) => changed(filename));
  } catch (error) {
    options.onError(error);
    return { close() {} };
  }
  watcher.on('error', options.onError);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

function ignored(filename: string): boolean {
  return filename.split(/[\\/]/).some((part) => part.startsWith('.')) || filename.endsWith('~');
}
