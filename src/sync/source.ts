import type { SourceFile } from '../parse/types.js';

/** site.yml, authors.yml and topics.yml as read; undefined for a file that is not there. */
export interface DataFiles {
  site?: SourceFile;
  authors?: SourceFile;
  topics?: SourceFile;
}

/**
 * What the sync engine reads of a content folder, and all it reads: the one seam between the
 * reconcile loop and where the files are. The disk (disk-source.ts) is the server's and the
 * tools'; memory (memory-source.ts) is the tests', so that the loop and the store are tested
 * without a disk. Paths are relative to the folder, with forward slashes
 * (`news/2026/01/x.ru.md`); `root` is how messages name the folder (`content`).
 */
export interface ContentSource {
  readonly root: string;
  /**
   * The folder on disk, when the files are on one: parsing threads and the stamp scan's thread
   * read it themselves, and the watcher watches it. Undefined for a source in memory, whose
   * files are parsed on the main thread.
   */
  readonly dir?: string;
  dataFiles(): Promise<DataFiles>;
  /** The static pages, pages/*.md, read. */
  pages(): Promise<SourceFile[]>;
  /** Files under media/: path relative to media/ → size in bytes. */
  media(): Promise<Map<string, number>>;
  /** The article files under a folder of news/ (`news`, `news/2026/11`) and the files named almost like one, each sorted. */
  list(folder: string): Promise<{ articles: string[]; nearMisses: string[] }>;
  /** An article file's stamp now (a different stamp means a different text); undefined when it is gone. */
  stamp(relativePath: string): string | undefined;
  /** An article file with the stamp of the very bytes read; undefined when it is gone. */
  read(relativePath: string): SourceFile | undefined;
  /** Whether a path the watcher named is a file (else a folder, or gone). */
  isFile(relativePath: string): boolean;
}

/** Article files end in .md; the name itself is checked by the parser, which explains a wrong one. */
export function isArticleName(name: string): boolean {
  return name.endsWith('.md');
}

/** Names an editor meant as an article: another Markdown extension, a capital .MD, a .txt. Backups (x.md~, x.md.bak) are not. */
export function isNearMiss(name: string): boolean {
  return !isArticleName(name) && /\.(?:md|markdown|mdown|mkdn?|mdwn|mdtxt|txt)$/i.test(name) && !name.endsWith('~');
}

/** Whether a file's path names it almost like an article (see isNearMiss). */
export function isNearMissName(relativePath: string): boolean {
  return isNearMiss(relativePath.split('/').pop()!);
}
