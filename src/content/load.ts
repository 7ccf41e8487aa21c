import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSources, SourceFile } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LoadOptions {
  /** The folder that paths in messages are relative to; the working directory unless given. */
  from?: string;
}

/**
 * Reads the content folder: site.yml, authors.yml, topics.yml, every news/**\/*.md, and the
 * list of media files. The only module that reads content from disk; everything after it is pure.
 */
export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<ContentSources> {
  const root = displayPath(contentDir, options.from);
  const read = async (relativePath: string): Promise<SourceFile | undefined> => {
    try {
      const bytes = await readFile(path.join(contentDir, relativePath));
      return { file: `${root}/${relativePath}`, relativePath, text: decode(bytes) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`Cannot read content file "${path.join(contentDir, relativePath)}"`, { cause: error });
    }
  };
  const [site, authors, topics, newsFiles, mediaFiles] = await Promise.all([
    read('site.yml'),
    read('authors.yml'),
    read('topics.yml'),
    listFiles(contentDir, 'news'),
    listFiles(contentDir, 'media', true),
  ]);
  const articles = await Promise.all(newsFiles.filter((f) => f.name.endsWith('.md')).map((f) => read(f.name)));
  return {
    site,
    authors,
    topics,
    articles: articles.filter((a): a is SourceFile => a !== undefined),
    media: new Map(mediaFiles.map((f) => [f.name.slice('media/'.length), f.size])),
    root,
  };
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
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`Cannot list the content folder "${path.join(dir, sub)}"`, { cause: error });
  }
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.split('/').some((part) => part.startsWith('.')));
  return Promise.all(names.map(async (name) => ({ name, size: withSizes ? (await stat(path.join(dir, name))).size : 0 })));
}

function decode(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The folder as an editor would write it: relative to where the command runs, if inside it. */
function displayPath(dir: string, from = process.cwd()): string {
  const relative = path.relative(from, path.resolve(from, dir));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : dir;
}
