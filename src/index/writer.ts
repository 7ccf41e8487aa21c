import type { MediaFacts } from '../parse/media-facts.js';
import type Database from 'better-sqlite3';
import { ContentError } from '../problems/errors.js';
import type { GoodParse } from '../parse/last-good.js';
import type { ArticleBody, Person, Site, StaticPage, Topic } from '../parse/types.js';
import type { DocTerms } from './doc-terms.js';
import { reviveArticle } from './rows.js';
import { packBody, unpackBody, type PackedBody } from './pack.js';

/** An article file's good parse, its body and its search terms: one row of the index. */
export interface IndexedFile {
  rel: string;
  good: GoodParse;
  body: ArticleBody;
  terms: DocTerms;
  /** The body packed already (by a parsing thread); packed on writing when absent. */
  packed?: PackedBody;
}

/** site.yml, authors.yml, topics.yml and the list of media files: small, kept whole in `meta`. */
export interface SiteData {
  site: Site;
  authors: Person[];
  topics: Topic[];
  /** Path under media/ → size in bytes. */
  media: [string, number][];
  /** What each media file is (size, content hash, colour…), by path under media/, when the server or check looked. */
  images?: [string, MediaFacts][];
  /** Static pages (about, contacts…), in the footer's order. */
  pages: StaticPage[];
}

/** What changed since the index was last written: applied in one transaction. */
export interface Diff {
  data?: SiteData;
  put: IndexedFile[];
  /** Relative paths of files that no longer make an article. */
  remove: string[];
}

/**
 * The one writer of the index. apply() writes a diff in one transaction and raises the
 * content serial, which every process reads as its content version: a reader sees the index
 * before the diff or after it, never half of it.
 */
export class IndexWriter {
  readonly #db: Database.Database;
  readonly #includeDrafts: boolean;
  readonly #s;

  constructor(db: Database.Database, includeDrafts: boolean) {
    this.#db = db;
    this.#includeDrafts = includeDrafts;
    this.#s = {
      idOf: db.prepare<[string], { id: number; lang: string; slug: string }>('SELECT id, lang, slug FROM files WHERE rel = ?'),
      deleteFile: db.prepare<[number]>('DELETE FROM files WHERE id = ?'),
      deleteTopics: db.prepare<[number]>('DELETE FROM topics WHERE id = ?'),
      deleteAliases: db.prepare<[number]>('DELETE FROM aliases WHERE id = ?'),
      deleteSearch: Object.fromEntries(['ru', 'kk', 'en'].map((l) => [l, db.prepare<[number]>(`DELETE FROM search_${l} WHERE rowid = ?`)])),
      insertSearch: Object.fromEntries(
        ['ru', 'kk', 'en'].map((l) => [l, db.prepare<[number, string, string, string, string]>(`INSERT INTO search_${l} (rowid, title, lead, tags, body) VALUES (?, ?, ?, ?, ?)`)]),
      ),
      insertFile: db.prepare<[string, string | null, string, string, string, number, number, string, number, string, string, Uint8Array, Uint8Array], { id: number }>(
        'INSERT INTO files (rel, stamp, lang, slug, url, date, changed, author, draft, article, refs, html, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      insertTopic: db.prepare<[string, string, number, string, number, number]>('INSERT INTO topics (topic, lang, visible, date, slug, changed, id) VALUES (?, ?, 0, ?, ?, ?, ?)'),
      insertAlias: db.prepare<[string, number]>('INSERT OR IGNORE INTO aliases (alias, id) VALUES (?, ?)'),
      claimants: db.prepare<[string, string], { id: number; draft: number; visible: number; file: string }>(
        "SELECT id, draft, visible, article ->> '$.file' AS file FROM files WHERE slug = ? AND lang = ? ORDER BY rel",
      ),
      owners: db.prepare<[string], { file: string }>(
        "SELECT f.article ->> '$.file' AS file FROM aliases a JOIN files f ON f.id = a.id WHERE a.alias = ? AND f.visible = 1 ORDER BY f.rel",
      ),
      setVisible: db.prepare<[number, number]>('UPDATE files SET visible = ? WHERE id = ?'),
      setTopicsVisible: db.prepare<[number, number]>('UPDATE topics SET visible = ? WHERE id = ?'),
      serial: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'serial'"),
      setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      good: db.prepare<[string], { stamp: string | null; article: string; refs: string }>('SELECT stamp, article, refs FROM files WHERE rel = ?'),
      stamps: db.prepare<[string, string, number], { rel: string; stamp: string | null }>('SELECT rel, stamp FROM files WHERE rel > ? AND rel < ? ORDER BY rel LIMIT ?'),
      has: db.prepare<[string], { stamp: string | null }>('SELECT stamp FROM files WHERE rel = ?'),
      size: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM files'),
      body: db.prepare<[string], PackedBody>('SELECT html, text FROM files WHERE rel = ?'),
      exists: db.prepare<[string, string], { id: number }>('SELECT id FROM files WHERE slug = ? AND lang = ? LIMIT 1'),
      alias: db.prepare<[string], { id: number }>('SELECT id FROM aliases WHERE alias = ? LIMIT 1'),
      slugs: db.prepare<[string], { slug: string }>('SELECT slug FROM files WHERE lang = ?').pluck(),
      refs: db.prepare<[string, number], { rel: string; article: string; refs: string }>('SELECT rel, article, refs FROM files WHERE rel > ? ORDER BY rel LIMIT ?'),
    };
  }

  /**
   * Writes a diff in one transaction and returns the new content serial, with the problems
   * between files it found: of two files with one language and slug, the first by path is
   * shown and the other reported.
   */
  apply(diff: Diff): { serial: number; problems: ContentError[] } {
    return this.#db.transaction(() => {
      const claimed = new Map<string, [string, string]>();
      const drop = (rel: string) => {
        const row = this.#s.idOf.get(rel);
        if (!row) return;
        claimed.set(`${row.lang}/${row.slug}`, [row.slug, row.lang]);
        this.#s.deleteSearch[row.lang]!.run(row.id);
        this.#s.deleteTopics.run(row.id);
        this.#s.deleteAliases.run(row.id);
        this.#s.deleteFile.run(row.id);
      };
      for (const rel of diff.remove) drop(rel);
      for (const file of diff.put) {
        drop(file.rel);
        const { article, siteLinks, media, mediaLines, stamp } = file.good;
        const date = article.date.getTime();
        const changed = (article.updated ?? article.date).getTime();
        const packed = file.packed ?? packBody(file.body);
        const { id } = this.#s.insertFile.get(
          file.rel, stamp ?? null, article.lang, article.slug, article.path, date, changed, article.author, article.draft ? 1 : 0,
          JSON.stringify(article), JSON.stringify({ siteLinks, media, mediaLines }), packed.html, packed.text,
        )!;
        for (const topic of new Set(article.topics)) this.#s.insertTopic.run(topic, article.lang, date, article.slug, changed, id);
        for (const alias of article.aliases) this.#s.insertAlias.run(alias, id);
        this.#s.insertSearch[article.lang]!.run(id, file.terms.title, file.terms.lead, file.terms.tags, file.terms.body);
        claimed.set(`${article.lang}/${article.slug}`, [article.slug, article.lang]);
      }
      const problems: ContentError[] = [];
      for (const [slug, lang] of claimed.values()) problems.push(...this.#settle(slug, lang));
      // Of two articles claiming one old path, the first by file path has it; the other is told.
      for (const alias of new Set(diff.put.flatMap((f) => f.good.article.aliases))) {
        const [owner, ...others] = this.#s.owners.all(alias);
        for (const other of others) problems.push(new ContentError({ file: other.file, line: 1, field: 'aliases', code: 'alias_taken', params: { value: alias, other: owner!.file } }));
      }
      if (diff.data) this.#s.setMeta.run('data', JSON.stringify(diff.data));
      const serial = Number(this.#s.serial.get()?.value ?? 0) + 1;
      this.#s.setMeta.run('serial', String(serial));
      return { serial, problems };
    })();
  }

  /** The file's parse in the index (its last good one), for parseWithLastGood. */
  lastGood(rel: string): GoodParse | undefined {
    const row = this.#s.good.get(rel);
    if (!row) return undefined;
    const { siteLinks, media, mediaLines } = JSON.parse(row.refs) as Pick<GoodParse, 'siteLinks' | 'media' | 'mediaLines'>;
    return { stamp: row.stamp ?? undefined, article: reviveArticle(row.article), siteLinks, media, mediaLines };
  }

  /** The index's file, for another connection to read it; undefined for an index in memory. */
  get file(): string | undefined {
    return this.#db.memory ? undefined : this.#db.name;
  }

  /** How many article files the index holds. */
  size(): number {
    return this.#s.size.get()!.n;
  }

  has(rel: string): boolean {
    return this.#s.has.get(rel) !== undefined;
  }

  /** The stamp of the text a file's indexed parse was made from. */
  stamp(rel: string): string | undefined {
    return this.#s.has.get(rel)?.stamp ?? undefined;
  }

  body(rel: string): ArticleBody | undefined {
    const row = this.#s.body.get(rel);
    return row && unpackBody(row);
  }

  /** Whether any file (draft or scheduled too) makes an article of this language and slug. */
  exists(lang: string, slug: string): boolean {
    return this.#s.exists.get(slug, lang) !== undefined;
  }

  /** Whether a site path is an article's (in any state) or one of its aliases. */
  claims(path: string): boolean {
    const m = /^\/([a-z]{2})\/news\/(.+)$/.exec(path);
    return (m !== null && this.exists(m[1]!, m[2]!)) || this.#s.alias.get(path) !== undefined;
  }

  slugs(lang: string): string[] {
    return this.#s.slugs.all(lang) as unknown as string[];
  }

  /** The stamps of the indexed files under a folder (`news`, `news/2026/11`), read a page at a time between turns of the event loop. */
  async stamps(turn: () => Promise<unknown>, folder: string): Promise<Map<string, string | undefined>> {
    const stamps = new Map<string, string | undefined>();
    // The paths under `folder/` sort between `folder/` and `folder0` ('0' follows '/').
    for (let after = `${folder}/`; ; ) {
      const rows = this.#s.stamps.all(after, `${folder}0`, PAGE);
      for (const row of rows) stamps.set(row.rel, row.stamp ?? undefined);
      if (rows.length < PAGE) return stamps;
      after = rows.at(-1)!.rel;
      await turn();
    }
  }

  /** Every indexed parse, a page at a time: to find those that no longer fit authors, topics or media. */
  async *parses(turn: () => Promise<unknown>): AsyncGenerator<[string, GoodParse]> {
    for (let after = ''; ; ) {
      const rows = this.#s.refs.all(after, PARSES_PAGE);
      for (const row of rows) {
        const { siteLinks, media, mediaLines } = JSON.parse(row.refs) as Pick<GoodParse, 'siteLinks' | 'media' | 'mediaLines'>;
        yield [row.rel, { article: reviveArticle(row.article), siteLinks, media, mediaLines }];
      }
      if (rows.length < PARSES_PAGE) return;
      after = rows.at(-1)!.rel;
      await turn();
    }
  }

  /** Which file of a language and slug is shown: the first by path; a draft only where drafts are. */
  #settle(slug: string, lang: string): ContentError[] {
    const problems: ContentError[] = [];
    const files = this.#s.claimants.all(slug, lang);
    files.forEach((row, i) => {
      const visible = i === 0 && (!row.draft || this.#includeDrafts) ? 1 : 0;
      if (i > 0) problems.push(new ContentError({ file: row.file, line: 1, code: 'duplicate_slug', params: { slug, lang, other: files[0]!.file } }));
      if (row.visible === visible) return;
      this.#s.setVisible.run(visible, row.id);
      this.#s.setTopicsVisible.run(visible, row.id);
    });
    return problems;
  }
}

/** Rows read per turn of the event loop: stamps come from a covering index, parses from the big rows. */
const PAGE = 2000;
const PARSES_PAGE = 250;
