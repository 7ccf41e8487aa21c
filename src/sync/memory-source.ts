import type { SourceFile } from '../parse/types.js';
import { isArticleName, isNearMiss, type ContentSource, type DataFiles } from './source.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A content folder held in memory: a ContentSource for the tests of the reconcile loop and the
 * store, and for tools given text rather than a folder. Every write gives the file a new stamp,
 * as a save on disk does; media files are names and sizes only.
 * @example const source = new MemorySource({ 'site.yml': '…', 'news/x.ru.md': '---\n…' }); source.write('news/x.ru.md', '…')
 */
export class MemorySource implements ContentSource {
  readonly root: string;
  readonly #files = new Map<string, { text: string | undefined; stamp: string }>();
  readonly #media = new Map<string, number>();
  #writes = 0;

  constructor(files: Record<string, string | Uint8Array> = {}, options: { root?: string; media?: Iterable<[string, number]> } = {}) {
    this.root = options.root ?? 'content';
    for (const [relativePath, text] of Object.entries(files)) this.write(relativePath, text);
    for (const [name, bytes] of options.media ?? []) this.#media.set(name, bytes);
  }

  /** A copy of another source (a fixture folder on disk, say), to change in memory; its messages name the folder `root` (the source's own unless given). */
  static async copyOf(source: ContentSource, root = source.root): Promise<MemorySource> {
    const copy = new MemorySource({}, { root, media: await source.media() });
    const { site, authors, topics } = await source.dataFiles();
    for (const file of [site, authors, topics, ...(await source.pages())]) if (file) copy.#put(file.relativePath, file.text);
    const { articles, nearMisses } = await source.list('news');
    for (const relativePath of articles) copy.#put(relativePath, source.read(relativePath)?.text);
    for (const relativePath of nearMisses) copy.#put(relativePath, '');
    return copy;
  }

  /** Another source with the same files, to change apart from this one. */
  clone(): MemorySource {
    const copy = new MemorySource({}, { root: this.root, media: this.#media });
    for (const [relativePath, file] of this.#files) copy.#files.set(relativePath, { ...file });
    copy.#writes = this.#writes;
    return copy;
  }

  /** Writes a file (made or changed): a new stamp. Bytes that are not UTF-8 read as no text, as on disk. */
  write(relativePath: string, text: string | Uint8Array): this {
    return this.#put(relativePath, typeof text === 'string' ? text : decode(text));
  }

  remove(relativePath: string): this {
    this.#files.delete(relativePath);
    return this;
  }

  /** Puts a file under media/ (its path relative to media/) with its size, or takes it away (undefined). */
  setMedia(name: string, bytes: number | undefined): this {
    if (bytes === undefined) this.#media.delete(name);
    else this.#media.set(name, bytes);
    return this;
  }

  /** A file's text as last written, for a test to change a line of it. */
  text(relativePath: string): string | undefined {
    return this.#files.get(relativePath)?.text;
  }

  async dataFiles(): Promise<DataFiles> {
    const [site, authors, topics] = ['site.yml', 'authors.yml', 'topics.yml'].map((name) => this.#source(name));
    return { site, authors, topics };
  }

  async pages(): Promise<SourceFile[]> {
    return this.#under('pages').filter(isArticleName).flatMap((relativePath) => this.#source(relativePath) ?? []);
  }

  async media(): Promise<Map<string, number>> {
    return new Map(this.#media);
  }

  async list(folder: string): Promise<{ articles: string[]; nearMisses: string[] }> {
    const names = this.#under(folder);
    return { articles: names.filter(isArticleName), nearMisses: names.filter((name) => isNearMiss(name.split('/').pop()!)) };
  }

  stamp(relativePath: string): string | undefined {
    return this.#files.get(relativePath)?.stamp;
  }

  read(relativePath: string): SourceFile | undefined {
    return this.#source(relativePath);
  }

  isFile(relativePath: string): boolean {
    return this.#files.has(relativePath);
  }

  #put(relativePath: string, text: string | undefined): this {
    this.#files.set(relativePath, { text, stamp: `memory:${++this.#writes}` });
    return this;
  }

  #source(relativePath: string): SourceFile | undefined {
    const found = this.#files.get(relativePath);
    return found && { file: `${this.root}/${relativePath}`, relativePath, text: found.text, stamp: found.stamp };
  }

  /** The files under a folder, sorted; dotfiles and dot-folders left out, as the disk's listing leaves them. */
  #under(folder: string): string[] {
    return [...this.#files.keys()].filter((name) => name.startsWith(`${folder}/`) && !name.split('/').some((part) => part.startsWith('.'))).sort();
  }
}

function decode(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
