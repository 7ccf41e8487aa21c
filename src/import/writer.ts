import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/languages.js';
import { keep } from './keep.js';
import { Manifest, sha } from './manifest.js';

/**
 * Writes the import's files into the content folder so that a run can be repeated and
 * interrupted at will:
 * - a file is written beside its place under a dot name and renamed over it, so nothing (the
 *   server's watcher, a kill -9) ever sees half of one; dot files left by a kill are removed at
 *   the next start;
 * - a file the manifest knows is rewritten only when it still has the bytes the import wrote
 *   (else an editor changed it: kept) and the source now says something else;
 * - a new item takes its slug, or slug-2, slug-3… when another file has the name; a file that
 *   already has exactly the bytes the import would write is taken as the import's (a run killed
 *   between the rename and the manifest line).
 */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'deleted';

const TEMP = '.import-tmp';
const RESERVED_PAGE_SLUGS = new Set(['news', 'topics', 'authors', 'search', 'rss-xml', 'media', 'assets', 'api']);

export class ContentWriter {
  readonly manifest: Manifest;
  /** `slug.lang.md` → its path, for every article file (news/ in any folder) and page. */
  readonly #articles = new Map<string, string>();
  readonly #pages = new Map<string, string>();
  readonly #dryRun: boolean;
  /** Folders made (or found) this run: one mkdir per folder, not per file. */
  readonly #folders = new Set<string>();

  constructor(
    readonly contentDir: string,
    options: { dryRun: boolean },
  ) {
    this.#dryRun = options.dryRun;
    this.manifest = new Manifest(contentDir, options);
    for (const rel of listFiles(contentDir, 'news', !options.dryRun)) this.#articles.set(path.posix.basename(rel), rel);
    for (const rel of listFiles(contentDir, 'pages', !options.dryRun)) this.#pages.set(path.posix.basename(rel), rel);
    if (!options.dryRun) listFiles(contentDir, 'media', true);
  }

  /** Writes an article under news/YYYY/MM/ (`folder`), or leaves it; returns what happened and its path. */
  article(key: string, o: { slug: string; lang: Lang; folder: string; text: string }): { outcome: Outcome; file: string } {
    return this.#item(key, o, this.#articles, (name) => `${o.folder}/${name}`, new Set());
  }

  /** Writes a static page under pages/. */
  page(key: string, o: { slug: string; lang: Lang; text: string }): { outcome: Outcome; file: string } {
    return this.#item(key, o, this.#pages, (name) => `pages/${name}`, RESERVED_PAGE_SLUGS);
  }

  #item(key: string, o: { slug: string; lang: Lang; text: string }, names: Map<string, string>, place: (name: string) => string, reserved: Set<string>): { outcome: Outcome; file: string } {
    const known = this.manifest.get(key);
    if (known) {
      // An editor may have moved the file to another folder: the name alone is the article.
      const file = existsSync(this.#full(known.file)) ? known.file : names.get(path.posix.basename(known.file));
      if (!file) return { outcome: 'deleted', file: known.file };
      const current = readFileSync(this.#full(file));
      if (sha(current) !== known.sha) return { outcome: 'kept', file };
      if (current.toString('utf8') === o.text) {
        if (file !== known.file) this.manifest.put({ key, file, sha: known.sha });
        return { outcome: 'unchanged', file };
      }
      this.#write(file, o.text);
      this.manifest.put({ key, file, sha: sha(o.text) });
      return { outcome: 'updated', file };
    }
    for (let n = 1; ; n++) {
      const slug = n === 1 ? o.slug : `${o.slug}-${n}`;
      if (reserved.has(slug)) continue;
      const name = `${slug}.${o.lang}.md`;
      const existing = names.get(name);
      if (existing) {
        if (this.#sameText(existing, o.text)) {
          this.manifest.put({ key, file: existing, sha: sha(o.text) });
          return { outcome: 'unchanged', file: existing };
        }
        continue;
      }
      const file = keep(place(name));
      names.set(keep(name), file);
      this.#write(file, o.text);
      this.manifest.put({ key, file, sha: sha(o.text) });
      return { outcome: 'created', file };
    }
  }

  /**
   * Writes a media file under media/ (`target`: `2013/03/photo.jpg`), or finds it written: the
   * same bytes under that name or a numbered one. Returns its path inside media/.
   */
  media(key: string, target: string, bytes: Buffer): { outcome: Outcome; file: string } {
    const hash = sha(bytes);
    const ext = path.posix.extname(target);
    const stem = target.slice(0, target.length - ext.length);
    for (let n = 1; ; n++) {
      const file = `media/${n === 1 ? stem : `${stem}-${n}`}${ext}`;
      const full = this.#full(file);
      if (existsSync(full)) {
        if (sha(readFileSync(full)) !== hash) continue;
        this.manifest.put({ key, file, sha: hash });
        return { outcome: 'unchanged', file: file.slice('media/'.length) };
      }
      this.#write(file, bytes);
      this.manifest.put({ key, file, sha: hash });
      return { outcome: 'created', file: file.slice('media/'.length) };
    }
  }

  /** A media file written by an earlier run and still there: its path inside media/. */
  knownMedia(key: string): string | undefined {
    const known = this.manifest.get(key);
    return known && existsSync(this.#full(known.file)) ? known.file.slice('media/'.length) : undefined;
  }

  /** Replaces a whole file (authors.yml, topics.yml) the same safe way. */
  replace(file: string, text: string): void {
    this.#write(file, text);
  }

  read(file: string): string | undefined {
    try {
      return readFileSync(this.#full(file), 'utf8');
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.manifest.close();
  }

  #sameText(file: string, text: string): boolean {
    try {
      return readFileSync(this.#full(file), 'utf8') === text;
    } catch {
      return false;
    }
  }

  #write(file: string, data: string | Buffer): void {
    if (this.#dryRun) return;
    const full = this.#full(file);
    const temp = path.join(path.dirname(full), `.${path.basename(full)}${TEMP}`);
    const folder = path.dirname(full);
    if (!this.#folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
    }
    writeFileSync(temp, data);
    renameSync(temp, full);
  }

  #full(file: string): string {
    return path.join(this.contentDir, ...file.split('/'));
  }
}

/**
 * Files under a folder of the content, relative to the content folder; a run's leftover temporary
 * files are removed on the way (`clean`).
 */
function listFiles(contentDir: string, folder: string, clean: boolean): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(contentDir, folder), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (entry.name.endsWith(TEMP)) {
      if (clean) rmSync(full, { force: true });
      continue;
    }
    if (entry.name.startsWith('.')) continue;
    out.push(path.relative(contentDir, full).split(path.sep).join('/'));
  }
  return out;
}
