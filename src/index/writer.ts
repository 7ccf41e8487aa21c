import type { MediaFacts } from '../parse/media-facts.js';
import type Database from 'better-sqlite3';
import { ContentError } from '../problems/errors.js';
import type { GoodParse } from '../parse/last-good.js';
import type { ArticleBody, Person, Site, StaticPage, Topic } from '../parse/types.js';
import type { DocTerms } from './doc-terms.js';
import { reviveArticle } from './rows.js';
import { packBody, unpackBody, type PackedBody } from './pack.js';
import { DERIVED, RECOUNT } from './schema.js';

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

export interface WriterOptions {
  /**
   * When each file claimed its address in the index this one replaces (a rebuild beside the
   * serving index, or `npm run check` beside the server's): its claims are kept, so that a
   * rebuild never hands an address to another file. A file the older index lacks claims it now.
   */
  priorClaim?: (rel: string) => number | undefined;
  /**
   * Rows for npm run check's scratch index, which reads neither bodies nor search: the bodies
   * are not stored and the search tables not written. Never for an index that serves.
   */
  lean?: boolean;
}

/** What a lean row stores for its body. */
const NO_BODY: PackedBody = { html: new Uint8Array(0), text: new Uint8Array(0) };

/**
 * The one writer of the index. apply() writes a diff in one transaction and raises the
 * content serial, which every process reads as its content version: a reader sees the index
 * before the diff or after it, never half of it.
 *
 * Of several files claiming one language and slug (or one alias), the first to claim it holds
 * it: a file added later is refused, wherever it sits, and told to rename itself. A first index
 * with no history (no older index to take claims from) has every file claim at once, and the
 * older `date` holds, then the path.
 */
export class IndexWriter {
  readonly #db: Database.Database;
  readonly #includeDrafts: boolean;
  readonly #priorClaim: WriterOptions['priorClaim'];
  readonly #lean: boolean;
  /** Loading a fresh index in bulk (see database.ts, openForWriting): until endBulk(), no secondary index, tally or settling. */
  #bulk: boolean;
  readonly #s;

  constructor(db: Database.Database, includeDrafts: boolean, options: WriterOptions = {}) {
    this.#db = db;
    this.#includeDrafts = includeDrafts;
    this.#priorClaim = options.priorClaim;
    this.#lean = options.lean === true;
    this.#bulk = db.prepare("SELECT 1 FROM meta WHERE key = 'bulk'").get() !== undefined;
    this.#s = {
      idOf: db.prepare<[string], { id: number; lang: string; slug: string; draft: number; claimed: number }>('SELECT id, lang, slug, draft, claimed FROM files WHERE rel = ?'),
      deleteFile: db.prepare<[number]>('DELETE FROM files WHERE id = ?'),
      deleteTopics: db.prepare<[number]>('DELETE FROM topics WHERE id = ?'),
      deleteAliases: db.prepare<[number]>('DELETE FROM aliases WHERE id = ?'),
      aliasesOf: db.prepare<[number], { alias: string }>('SELECT alias FROM aliases WHERE id = ?'),
      deleteSearch: Object.fromEntries(['ru', 'kk', 'en'].map((l) => [l, db.prepare<[number]>(`DELETE FROM search_${l} WHERE rowid = ?`)])),
      insertSearch: Object.fromEntries(
        ['ru', 'kk', 'en'].map((l) => [l, db.prepare<[number, string, string, string, string]>(`INSERT INTO search_${l} (rowid, title, lead, tags, body) VALUES (?, ?, ?, ?, ?)`)]),
      ),
      insertFile: db.prepare<[string, string | null, string, string, string, number, number, string, number, number, number, string, string, Uint8Array, Uint8Array], { id: number }>(
        'INSERT INTO files (rel, stamp, lang, slug, url, date, changed, author, draft, claimed, visible, article, refs, html, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
      ),
      insertTopic: db.prepare<[string, string, number, number, string, number, number]>('INSERT INTO topics (topic, lang, visible, date, slug, changed, id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertAlias: db.prepare<[string, number]>('INSERT OR IGNORE INTO aliases (alias, id) VALUES (?, ?)'),
      // Drafts a production index hides come last; then the first claim, the older date, the path.
      claimants: db.prepare<[string, string, number], { id: number; draft: number; visible: number; file: string }>(
        "SELECT id, draft, visible, article ->> '$.file' AS file FROM files WHERE slug = ? AND lang = ? ORDER BY draft > ?, claimed, date, rel",
      ),
      // The same order decides an alias (and ContentIndex.redirect follows it).
      owners: db.prepare<[string], { file: string }>(
        "SELECT f.article ->> '$.file' AS file FROM aliases a CROSS JOIN files f ON f.id = a.id WHERE a.alias = ? AND f.visible = 1 ORDER BY f.claimed, f.date, f.rel",
      ),
      claimed: db.prepare<[string], { claimed: number }>('SELECT claimed FROM files WHERE rel = ?'),
      // Addresses claimed by more than one file: what a bulk load settles at its end.
      contested: db.prepare<[], { slug: string; lang: string }>('SELECT slug, lang FROM files GROUP BY slug, lang HAVING count(*) > 1'),
      contestedAliases: db.prepare<[], { alias: string }>('SELECT alias FROM aliases GROUP BY alias HAVING count(*) > 1').pluck(),
      complete: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'complete'"),
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
   * Writes a diff in one transaction and returns the new content serial, with the addresses
   * it settled anew: of several files claiming one language and slug, or one old path, the
   * first claim holds it and the others are told (see the class). Each address claimed or let
   * go by a file of the diff is settled, with its problems now (none when one file is left):
   * they replace what was said of that address before.
   */
  apply(diff: Diff): { serial: number; claims: Map<string, ContentError[]> } {
    return this.#db.transaction(() => {
      const claimed = new Map<string, [string, string]>();
      const aliases = new Set<string>();
      const drop = (rel: string) => {
        const row = this.#s.idOf.get(rel);
        if (!row) return undefined;
        claimed.set(`${row.lang}/${row.slug}`, [row.slug, row.lang]);
        for (const alias of this.#s.aliasesOf.all(row.id)) aliases.add(alias.alias);
        this.#s.deleteSearch[row.lang]!.run(row.id);
        this.#s.deleteTopics.run(row.id);
        this.#s.deleteAliases.run(row.id);
        this.#s.deleteFile.run(row.id);
        return row;
      };
      for (const rel of diff.remove) drop(rel);
      // A file written for the first time claims its addresses now; one written again keeps its claim.
      const now = Date.now();
      const firstIndex = !this.#priorClaim && !this.complete;
      for (const file of diff.put) {
        const before = drop(file.rel);
        const { article, siteLinks, media, mediaLines, stamp } = file.good;
        const date = article.date.getTime();
        const changed = (article.updated ?? article.date).getTime();
        const packed = this.#lean ? NO_BODY : (file.packed ?? packBody(file.body));
        // A draft made public claims anew: the article that went live first keeps the address.
        const claim = before && (!before.draft || this.#includeDrafts || article.draft) ? before.claimed : (this.#priorClaim?.(file.rel) ?? (firstIndex ? 0 : now));
        // Written as shown if it is its address's only file, the common case by far: #settle then
        // changes nothing. Setting `visible` afterwards rewrote the row in each of the eight
        // indexes that hold it, the largest part of writing an article.
        const visible = article.draft && !this.#includeDrafts ? 0 : 1;
        const { id } = this.#s.insertFile.get(
          file.rel, stamp ?? null, article.lang, article.slug, article.path, date, changed, article.author, article.draft ? 1 : 0, claim, visible,
          JSON.stringify(article), JSON.stringify({ siteLinks, media, mediaLines }), packed.html, packed.text,
        )!;
        for (const topic of new Set(article.topics)) this.#s.insertTopic.run(topic, article.lang, visible, date, article.slug, changed, id);
        for (const alias of article.aliases) {
          this.#s.insertAlias.run(alias, id);
          aliases.add(alias);
        }
        if (!this.#lean) this.#s.insertSearch[article.lang]!.run(id, file.terms.title, file.terms.lead, file.terms.tags, file.terms.body);
        claimed.set(`${article.lang}/${article.slug}`, [article.slug, article.lang]);
      }
      // A bulk load settles every address once, at its end (endBulk).
      const claims = this.#bulk ? new Map<string, ContentError[]>() : this.#settleAll(claimed.values(), aliases);
      if (diff.data) this.#s.setMeta.run('data', JSON.stringify(diff.data));
      const serial = Number(this.#s.serial.get()?.value ?? 0) + 1;
      this.#s.setMeta.run('serial', String(serial));
      return { serial, claims };
    })();
  }

  /** Whether a bulk load is in progress (see endBulk). */
  get bulk(): boolean {
    return this.#bulk;
  }

  /**
   * Ends a bulk load, in one transaction: makes the indexes and the tally triggers, settles
   * every address claimed by more than one file by the same rule as apply() (the first claim
   * holds it), and counts the tallies. Returns the addresses settled, with their problems.
   */
  endBulk(): Map<string, ContentError[]> {
    if (!this.#bulk) return new Map();
    const claims = this.#db.transaction(() => {
      this.#db.exec(DERIVED);
      const contested = this.#s.contested.all().map(({ slug, lang }): [string, string] => [slug, lang]);
      const claims = this.#settleAll(contested, this.#s.contestedAliases.all() as unknown as string[]);
      this.#db.exec(RECOUNT);
      this.#db.prepare("DELETE FROM meta WHERE key = 'bulk'").run();
      return claims;
    })();
    this.#bulk = false;
    return claims;
  }

  /**
   * Marks the index complete (every file of content/ indexed once): a new serial, in one
   * transaction. From then on a file written for the first time is a newcomer: it claims its
   * addresses at that moment, after every file already in.
   */
  markComplete(): number {
    return this.#db.transaction(() => {
      this.#s.setMeta.run('complete', new Date().toISOString());
      const serial = Number(this.#s.serial.get()?.value ?? 0) + 1;
      this.#s.setMeta.run('serial', String(serial));
      return serial;
    })();
  }

  /** Whether every file of content/ has been indexed once (see markComplete). */
  get complete(): boolean {
    return this.#s.complete.get() !== undefined;
  }

  /** When a file claimed its addresses, if the index holds it: a rebuild beside this index keeps it (see WriterOptions). */
  claimedOf(rel: string): number | undefined {
    return this.#s.claimed.get(rel)?.claimed;
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

  /** Settles addresses: each slug (with its language) and each old path, with the problems of the files claiming it. */
  #settleAll(slugs: Iterable<[string, string]>, aliases: Iterable<string>): Map<string, ContentError[]> {
    const claims = new Map<string, ContentError[]>();
    for (const [slug, lang] of slugs) claims.set(`${lang}/news/${slug}`, this.#settle(slug, lang));
    // Of two articles claiming one old path, the first claim has it; the other is told.
    for (const alias of aliases) {
      const [owner, ...others] = this.#s.owners.all(alias);
      claims.set(`alias ${alias}`, others.map((other) => new ContentError({ file: other.file, line: 1, field: 'aliases', code: 'alias_taken', params: { value: alias, other: owner!.file } })));
    }
    return claims;
  }

  /** Which file of a language and slug is shown: the first claim (see the class); a draft only where drafts are. The others are told to rename. */
  #settle(slug: string, lang: string): ContentError[] {
    const problems: ContentError[] = [];
    const files = this.#s.claimants.all(slug, lang, this.#includeDrafts ? 1 : 0);
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
