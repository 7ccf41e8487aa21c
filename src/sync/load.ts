import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';
import type { ContentSources, SourceFile } from '../parse/types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadOptions {
  /** The folder that paths in messages are relative to; the working directory unless given. */
  from?: string;
  /**
   * The stamp under which an article file was last parsed, if it was: a file whose stamp is
   * unchanged is left unread (see SourceFile.unread), so a reload reads what changed only.
   */
  parsedStamp?: (relativePath: string) => string | undefined;
}

/** Article files read between two turns of the event loop: a reload never holds up requests for long. */
const FILES_PER_TURN = 256;
/** Listed entries named between two turns of the event loop. */
const LIST_PER_TURN = 8192;

type DataFiles = Pick<ContentSources, 'site' | 'authors' | 'topics' | 'root'>;

/**
 * Reads the content folder: site.yml, authors.yml, topics.yml, every news/**\/*.md, the static
 * pages/*.md, and the list of media files. The only module that reads content from disk; everything after it is pure.
 */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<ContentSources> {
  const root = displayPath(contentDir, options.from);
  const [data, allNewsFiles, mediaFiles, pageFiles] = await Promise.all([
    loadDataFiles(contentDir, options),
    listFiles(contentDir, 'news'),
    listFiles(contentDir, 'media', true),
    listFiles(contentDir, 'pages'),
  ]);
  const pages = await readPages(contentDir, root, pageFiles);
  const newsFiles = allNewsFiles.map((f) => f.name).filter(isArticleName);
  const articles: SourceFile[] = [];
  // Synchronous reads in small batches: ten times faster than thousands of parallel async reads
  // through libuv's four threads, and the event loop still turns between batches.
  for (let i = 0; i < newsFiles.length; i += FILES_PER_TURN) {
    if (i > 0) await nextTurn();
    for (const name of newsFiles.slice(i, i + FILES_PER_TURN)) {
      const source = readArticleSource(contentDir, root, name, options.parsedStamp?.(name));
      if (source) articles.push(source);
    }
  }
  return {
    ...data,
    articles,
    pages: pages.filter((page): page is SourceFile => page !== undefined),
    media: new Map(mediaFiles.map((f) => [f.name.slice('media/'.length), f.size])),
    nearMisses: allNewsFiles.map((f) => f.name).filter(isNearMiss).sort(),
    readText: (relativePath) => readArticleSource(contentDir, root, relativePath)?.text,
  };
}

/**
 * One article file with its stamp (see stampOf), its text
 * left unread when the stamp is the one it was last parsed under. Undefined when it is gone.
 */
export function readArticleSource(contentDir: string, root: string, relativePath: string, parsedStamp?: string): SourceFile | undefined {
  const file = `${root}/${relativePath}`;
  const full = path.join(contentDir, relativePath);
  let fd: number | undefined;
  try {
    if (parsedStamp !== undefined) {
      const stamp = stampOf(statSync(full, { bigint: true }));
      if (stamp === parsedStamp) return { file, relativePath, text: undefined, stamp, unread: true };
    }
    fd = openSync(full, 'r');
    // The stamp of the very bytes read: taken from the open file, not from its name.
    const stamp = stampOf(fstatSync(fd, { bigint: true }));
    return { file, relativePath, text: decode(readFileSync(fd)), stamp };
  } catch (error) {
    // A file listed a moment ago may be gone by now: an editor deleting or renaming it mid-reload.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read content file "${full}"`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Size, inode, and the modification and change times to the nanosecond. Tools can set a file's
 * mtime back (cp -p, tar, rsync -t), never its ctime: any write changes the stamp.
 */
function stampOf(stats: { size: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${stats.size}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** site.yml, authors.yml and topics.yml alone, for tools that need no articles. */
export async function loadDataFiles(contentDir: string, options: LoadOptions = {}): Promise<DataFiles> {
  const root = displayPath(contentDir, options.from);
  const [site, authors, topics] = await Promise.all(['site.yml', 'authors.yml', 'topics.yml'].map((name) => readSource(contentDir, root, name)));
  return { site, authors, topics, root };
}

/** The stamp of an article file now (see stampOf), or undefined when it is gone. */
export function articleStamp(contentDir: string, relativePath: string): string | undefined {
  try {
    return stampOf(statSync(path.join(contentDir, relativePath), { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw new Error(`Cannot read content file "${path.join(contentDir, relativePath)}"`, { cause: error });
  }
}

/** Files under media/: path relative to it → size in bytes. */
export async function loadMedia(contentDir: string): Promise<Map<string, number>> {
  return new Map((await listFiles(contentDir, 'media', true)).map((f) => [f.name.slice('media/'.length), f.size]));
}

/** The static pages, content/pages/*.md, read. */
export async function loadPageSources(contentDir: string, root = displayPath(contentDir)): Promise<SourceFile[]> {
  return (await readPages(contentDir, root, await listFiles(contentDir, 'pages'))).filter((page): page is SourceFile => page !== undefined);
}

/** The pages' files, each with its modification time: a page's sitemap lastmod when its front matter gives no `updated`. */
function readPages(contentDir: string, root: string, files: { name: string }[]): Promise<(SourceFile | undefined)[]> {
  return Promise.all(
    files
      .filter((f) => f.name.endsWith('.md'))
      .map(async (f) => {
        const source = await readSource(contentDir, root, f.name);
        const modifiedMs = source && (await stat(path.join(contentDir, f.name)).catch(() => undefined))?.mtimeMs;
        return source && (modifiedMs === undefined ? source : { ...source, modifiedMs });
      }),
  );
}

/** Relative paths of the article files under news/ (news/2026/01/x.ru.md), without reading them. */
export async function listArticleFiles(contentDir: string): Promise<string[]> {
  return (await listNewsFiles(contentDir)).articles;
}

/** The article files under news/, and the files named almost like one (see isNearMiss), sorted. */
export async function listNewsFiles(contentDir: string, folder = 'news'): Promise<{ articles: string[]; nearMisses: string[] }> {
  const names = (await listFiles(contentDir, folder)).map((f) => f.name);
  return { articles: names.filter(isArticleName), nearMisses: names.filter(isNearMiss).sort() };
}

function isArticleName(name: string): boolean {
  return name.endsWith('.md');
}

/** Whether a file's path names it almost like an article (see isNearMiss). */
export function isNearMissName(relativePath: string): boolean {
  return isNearMiss(relativePath.split('/').pop()!);
}

/** Names an editor meant as an article: another Markdown extension, a capital .MD, a .txt. Backups (x.md~, x.md.bak) are not. */
function isNearMiss(name: string): boolean {
  return !isArticleName(name) && /\.(?:md|markdown|mdown|mkdn?|mdwn|mdtxt|txt)$/i.test(name) && !name.endsWith('~');
}

async function readSource(contentDir: string, root: string, relativePath: string): Promise<SourceFile | undefined> {
  try {
    const bytes = await readFile(path.join(contentDir, relativePath));
    return { file: `${root}/${relativePath}`, relativePath, text: decode(bytes) };
  } catch (error) {
    // A file listed a moment ago may be gone by now: an editor deleting or renaming it mid-reload.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read content file "${path.join(contentDir, relativePath)}"`, { cause: error });
  }
}

/**
 * Files below `dir/sub`, relative to dir, with forward slashes; dotfiles and dot-folders skipped.
 * Sizes only when asked: feeds need them for images, nothing needs them for articles.
 */
async function listFiles(dir: string, sub: string, withSizes = false): Promise<{ name: string; size: number }[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, sub), { recursive: true, withFileTypes: true });
  } catch (error) {
    // Only a missing folder itself means "no files": a subfolder vanishing mid-walk (an editor
    // moving things) must fail this read rather than look like an empty folder.
    const { code, path: missing } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' && missing === path.join(dir, sub)) return [];
    throw new Error(`Cannot list the content folder "${path.join(dir, sub)}"`, { cause: error });
  }
  // Names by slicing, not path.relative: a folder of 166,000 files is listed at every start.
  const base = path.join(dir, sub);
  const names: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i % LIST_PER_TURN === LIST_PER_TURN - 1) await nextTurn();
    const e = entries[i]!;
    if (!e.isFile()) continue;
    const folder = e.parentPath.slice(base.length).split(path.sep).join('/');
    const name = `${sub}${folder}/${e.name}`;
    if (!name.split('/').some((part) => part.startsWith('.'))) names.push(name);
  }
  if (!withSizes) return names.map((name) => ({ name, size: 0 }));
  const sized = await Promise.all(names.map(async (name) => ({ name, size: await sizeOf(path.join(dir, name)) })));
  return sized.filter((f): f is { name: string; size: number } => f.size !== undefined);
}

/** A file's size, or undefined when it was deleted since it was listed. */
async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function decode(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The folder as an editor would write it: relative to where the command runs, if inside it. */
export function displayPath(dir: string, from = process.cwd()): string {
  const relative = path.relative(from, path.resolve(from, dir));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : dir;
}
