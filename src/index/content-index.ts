import type Database from 'better-sqlite3';
import type { ContentError } from '../problems/errors.js';
import type { Article, ArticleBody, Person, Site, StaticPage, Topic } from '../parse/types.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { paths } from '../paths.js';
import { reviveArticle } from './rows.js';
import { unpackBody, type PackedBody } from './pack.js';
import type { SiteData } from './writer.js';
import type { MediaFacts } from '../parse/media-facts.js';

/** Which list: a language's whole list, or one topic's or author's. */
export interface ListOf {
  topic?: string;
  author?: string;
}

/** A sitemap's article entry: its path, when it last changed, its versions in every language. */
export interface ArticleUrl {
  url: string;
  changed: Date;
  versions: Partial<Record<Lang, string>>;
}

type Row = { article: string };

/** The prepared queries of one database connection, shared by every content version read through it. */
export class IndexQueries {
  readonly db: Database.Database;
  readonly #cache = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.db = db;
  }

  /**
   * The content serial the writer last committed, the site's data with it, and whether every
   * file of content/ is in (a first index is served while it grows); undefined before the first commit.
   */
  head(): { serial: number; data: SiteData; complete: boolean } | undefined {
    const serial = this.serial();
    const data = this.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'data'").get();
    const complete = this.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'complete'").get() !== undefined;
    return serial !== undefined && data ? { serial, data: JSON.parse(data.value) as SiteData, complete } : undefined;
  }

  /** The content serial alone: what a reader polls. */
  serial(): number | undefined {
    const row = this.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'serial'").get();
    return row && Number(row.value);
  }

  prepare<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let statement = this.#cache.get(sql);
    if (!statement) this.#cache.set(sql, (statement = this.db.prepare(sql)));
    return statement as Database.Statement<P, R>;
  }
}

/** Each list's rows, by its keys: the `?`s of the queries below are these keys, then the moment. */
type ListKind = keyof typeof LISTS;
/** Lists this short from the top are kept for the version: related articles ask for them on every article page. */
const TOP = 10;

const LISTS = {
  lang: { rows: 'files', keys: "lang = ? AND visible = 1", byChange: 'files_by_change' },
  topic: { rows: 'topics', keys: "topic = ? AND lang = ? AND visible = 1", byChange: 'topics_by_change' },
  author: { rows: 'files', keys: "author = ? AND lang = ? AND visible = 1", byChange: 'files_by_author_change' },
};

/**
 * A language's published articles from one of them on (its date, then slug), in list order: a
 * seek in files_by_lang. The first start is the version's moment, so nothing later is listed.
 */
const FROM_START = 'FROM files WHERE lang = ? AND visible = 1 AND date <= ? AND NOT (date = ? AND slug < ?) ORDER BY date DESC, slug';
type Start = { date: number; slug: string };

/**
 * One content version: the index as of one commit and one moment (an article dated later is
 * not yet published). Every list, page, feed, sitemap and search reads through it; counts and
 * dates it computes are kept for the version, so a deep page costs an indexed query at most.
 * `version` is the serial every cache keys on.
 */
export class ContentIndex {
  readonly site: Site;
  readonly authors: Map<string, Person>;
  /** In the order of topics.yml. */
  readonly topics: Map<string, Topic>;
  /** Files under media/ (relative path → bytes): the only ones /media/ serves. */
  readonly media: ReadonlyMap<string, number>;
  /** What each media file is (size, content hash, colour…), when the server or check looked: the feed, body pictures and crawler crops read it. */
  readonly images: ReadonlyMap<string, MediaFacts>;
  /** Static pages (about, contacts…) of each language by slug, in the footer's order. */
  readonly pages: Record<Lang, Map<string, StaticPage>>;
  readonly #q: IndexQueries;
  #pagePaths: Map<string, string> | undefined;
  readonly #asOf: number;
  readonly #memo = new Map<string, unknown>();

  constructor(
    queries: IndexQueries,
    data: SiteData,
    /** The content version: a serial that changes with every commit and every publication moment. */
    readonly version: number,
    /** The moment articles are published as of. */
    readonly asOf: Date,
    /** Problems the last reload found (a file with a problem of its own is left out or served from its last good version). */
    readonly problems: readonly ContentError[] = [],
  ) {
    this.#q = queries;
    this.#asOf = asOf.getTime();
    this.site = data.site;
    this.authors = new Map(data.authors.map((a) => [a.id, a]));
    this.topics = new Map(data.topics.map((t) => [t.id, t]));
    this.media = new Map(data.media);
    this.images = new Map(data.images ?? []);
    this.pages = Object.fromEntries(LANGS.map((lang) => [lang, new Map((data.pages ?? []).filter((p) => p.lang === lang).map((p) => [p.slug, p]))])) as Record<Lang, Map<string, StaticPage>>;
  }

  /** How many articles a list has: its tally of shown articles, less those not yet published. */
  count(lang: Lang, of: ListOf = {}): number {
    return this.#remember(`count:${lang}:${of.topic ?? ''}:${of.author ?? ''}`, () => {
      const [kind, keys] = this.#which(lang, of);
      const list = of.topic !== undefined ? `topic:${of.topic}` : of.author !== undefined ? `author:${of.author}` : '';
      const shown = this.#q.prepare<[string, string], { n: number }>('SELECT n FROM tallies WHERE list = ? AND lang = ?').get(list, lang)?.n ?? 0;
      const { rows, keys: where } = LISTS[kind];
      const scheduled = this.#q.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${rows} WHERE ${where} AND date > ?`).get(...keys, this.#asOf)!.n;
      return shown - scheduled;
    });
  }

  /**
   * Articles `offset` to `offset + limit` of a list, newest first. Read from the nearest place
   * of the list known in this version (see #startOf), so that walking a list page by page (a
   * crawler, the static export) costs a page each, not every page above it. The top of a list,
   * which every article page asks for its related articles, is kept for the version.
   */
  list(lang: Lang, of: ListOf, offset: number, limit: number): Article[] {
    if (offset === 0 && limit <= TOP) return [...this.#remember(`top:${lang}:${of.topic ?? ''}:${of.author ?? ''}:${limit}`, () => this.#list(lang, of, 0, limit))];
    return this.#list(lang, of, offset, limit);
  }

  #list(lang: Lang, of: ListOf, offset: number, limit: number): Article[] {
    const [kind, keys] = this.#which(lang, of);
    const { rows, keys: where } = LISTS[kind];
    const { from, start } = this.#nearest(kind, keys, offset);
    if (!start) return [];
    const sql = `SELECT article FROM files WHERE id IN (SELECT id FROM ${rows} WHERE ${where} AND date <= ? AND NOT (date = ? AND slug < ?) ORDER BY date DESC, slug LIMIT ? OFFSET ?) ORDER BY date DESC, slug`;
    const articles = this.#q.prepare<unknown[], Row>(sql).all(...keys, start.date, start.date, start.slug, limit, offset - from).map((r) => reviveArticle(r.article));
    // The last of them is where the next page's walk begins.
    const last = articles.at(-1);
    if (last) this.#starts(kind, keys).set(offset + articles.length - 1, { date: last.date.getTime(), slug: last.slug });
    return articles;
  }

  /** The latest publication or update in a list (every language's, without `lang`): Last-Modified and lastmod. */
  lastChange(lang?: Lang, of: ListOf = {}): Date | undefined {
    const ms = this.#remember(`changed:${lang ?? ''}:${of.topic ?? ''}:${of.author ?? ''}`, () => {
      if (!lang) return Math.max(...LANGS.map((l) => this.lastChange(l)?.getTime() ?? -Infinity));
      const [kind, keys] = this.#which(lang, of);
      const { rows, keys: where, byChange } = LISTS[kind];
      // Down from the newest change, past the few articles not yet published.
      const sql = `SELECT changed FROM ${rows} INDEXED BY ${byChange} WHERE ${where} AND date <= ? ORDER BY changed DESC LIMIT 1`;
      return this.#q.prepare<unknown[], { changed: number }>(sql).get(...keys, this.#asOf)?.changed ?? -Infinity;
    });
    return ms === -Infinity ? undefined : new Date(ms);
  }

  /** A published article by language and slug. */
  article(lang: Lang, slug: string): Article | undefined {
    const row = this.#q.prepare<[string, string, number], Row>('SELECT article FROM files WHERE slug = ? AND lang = ? AND visible = 1 AND date <= ?').get(slug, lang, this.#asOf);
    return row && reviveArticle(row.article);
  }

  /**
   * A draft, or an article not yet published, by language and slug: what its secret preview
   * URL shows. Production keeps drafts in the index unshown (visible = 0); no list reads them.
   */
  unpublished(lang: Lang, slug: string): Article | undefined {
    const row = this.#q
      .prepare<[string, string, number], Row>('SELECT article FROM files INDEXED BY files_by_slug WHERE slug = ? AND lang = ? AND (draft = 1 OR date > ?) ORDER BY rel LIMIT 1')
      .get(slug, lang, this.#asOf);
    return row && reviveArticle(row.article);
  }

  /** Every draft, and every article not yet published at `now`, by file: the previews `npm run check` lists. */
  unpublishedFiles(now: Date): Article[] {
    const rows = this.#q
      .prepare<[number], Row & { rel: string }>("SELECT rel, article FROM files INDEXED BY files_drafts WHERE draft = 1 UNION SELECT rel, article FROM files WHERE visible = 1 AND date > ? ORDER BY rel")
      .all(now.getTime());
    return rows.map((r) => reviveArticle(r.article));
  }

  /** Every published language version of an article, by slug. */
  translations(slug: string): Partial<Record<Lang, Article>> {
    const rows = this.#q.prepare<[string, number], Row>('SELECT article FROM files INDEXED BY files_by_slug WHERE slug = ? AND visible = 1 AND date <= ?').all(slug, this.#asOf);
    return Object.fromEntries(rows.map((r) => reviveArticle(r.article)).map((a) => [a.lang, a]));
  }

  /** Where an old path (an alias) leads now: a published article that claims it (the first claim, see IndexWriter), else a static page. */
  redirect(path: string): string | undefined {
    return this.#articleRedirect(path) ?? this.#pageAliases().get(path);
  }

  #articleRedirect(path: string): string | undefined {
    return this.#q
      // CROSS JOIN: the alias leads. Left to choose, SQLite scans every published file for it (40 ms at 100,000).
      .prepare<[string, number], { url: string }>('SELECT f.url FROM aliases a CROSS JOIN files f ON f.id = a.id WHERE a.alias = ? AND f.visible = 1 AND f.date <= ? ORDER BY f.claimed, f.date, f.rel LIMIT 1')
      .get(path, this.#asOf)?.url;
  }

  /** Every alias and where it leads: for the static export's nginx block. */
  redirects(): Map<string, string> {
    const rows = this.#q
      .prepare<[number], { alias: string; url: string }>('SELECT a.alias, f.url FROM aliases a CROSS JOIN files f ON f.id = a.id WHERE f.visible = 1 AND f.date <= ? ORDER BY a.alias, f.claimed, f.date, f.rel')
      .all(this.#asOf);
    const map = new Map<string, string>();
    for (const { alias, url } of rows) if (!map.has(alias)) map.set(alias, url);
    for (const [alias, url] of this.#pageAliases()) if (!map.has(alias)) map.set(alias, url);
    return map;
  }

  /** Static pages' old paths → the page, made once per content version (pages are few and in memory). */
  #pageAliases(): Map<string, string> {
    this.#pagePaths ??= new Map(LANGS.flatMap((lang) => [...this.pages[lang].values()].flatMap((page) => (page.aliases ?? []).map((alias) => [alias, page.path] as const))));
    return this.#pagePaths;
  }

  /** An article's body as our Markdown pipeline rendered it. */
  body(article: Article): ArticleBody {
    const rel = article.bodyId.slice(0, article.bodyId.lastIndexOf('@'));
    const row = this.#q.prepare<[string], PackedBody>('SELECT html, text FROM files WHERE rel = ?').get(rel);
    if (!row) throw new Error(`The body of ${article.file} is not in the content index`);
    return unpackBody(row);
  }

  /** The next older and next newer published article of the same language. */
  neighbours(article: Article): { older?: Article; newer?: Article } {
    const date = article.date.getTime();
    const one = (sql: string, ...params: unknown[]) => {
      const row = this.#q.prepare<unknown[], Row>(`SELECT article FROM files WHERE lang = ? AND visible = 1 AND ${sql} LIMIT 1`).get(article.lang, ...params);
      return row && reviveArticle(row.article);
    };
    const older = one('date = ? AND slug > ? ORDER BY slug', date, article.slug) ?? one('date < ? ORDER BY date DESC, slug', date);
    const newer =
      date > this.#asOf
        ? undefined
        : (one('date = ? AND slug < ? ORDER BY slug DESC', date, article.slug) ?? one('date > ? AND date <= ? ORDER BY date, slug DESC', date, this.#asOf));
    return { older, newer };
  }

  /** Published articles of every language since a moment, newest first: the news sitemap. */
  since(from: Date, limit: number): Article[] {
    return this.#q
      .prepare<[number, number, number], Row>('SELECT article FROM files WHERE visible = 1 AND date >= ? AND date <= ? ORDER BY date DESC, slug LIMIT ?')
      .all(from.getTime(), this.#asOf, limit)
      .map((r) => reviveArticle(r.article));
  }

  /** The earliest publication at or after a moment, among published articles. */
  firstSince(from: Date): Date | undefined {
    const ms = this.#q.prepare<[number, number], { ms: number | null }>('SELECT min(date) AS ms FROM files WHERE visible = 1 AND date >= ? AND date <= ?').get(from.getTime(), this.#asOf)!.ms;
    return ms === null ? undefined : new Date(ms);
  }

  /** When the next article not yet published becomes public. */
  nextPublication(): Date | undefined {
    const ms = this.#q.prepare<[number], { ms: number | null }>('SELECT min(date) AS ms FROM files WHERE visible = 1 AND date > ?').get(this.#asOf)!.ms;
    return ms === null ? undefined : new Date(ms);
  }

  /**
   * The newest breaking article of a language still leading the home page: published less than
   * site.yml's breakingHours ago.
   */
  breakingLead(lang: Lang): Article | undefined {
    const row = this.#q
      .prepare<[string, number, number], Row>("SELECT article FROM files INDEXED BY files_breaking WHERE article ->> '$.breaking' = 1 AND lang = ? AND visible = 1 AND date > ? AND date <= ? ORDER BY date DESC, slug LIMIT 1")
      .get(lang, this.#asOf - this.#breakingMs, this.#asOf);
    return row && reviveArticle(row.article);
  }

  /**
   * The next moment the site changes by the clock alone: an article published, a breaking
   * article's lead over, live coverage ended. The store makes a new content version then.
   */
  nextMoment(): Date | undefined {
    const breakingEnd = this.#q
      .prepare<[number, number], { ms: number | null }>("SELECT min(date) AS ms FROM files INDEXED BY files_breaking WHERE article ->> '$.breaking' = 1 AND visible = 1 AND date > ? AND date <= ?")
      .get(this.#asOf - this.#breakingMs, this.#asOf)!.ms;
    // Named: left to itself, SQLite walks files_by_date (visible = 1), reading every article's
    // JSON — 88 ms at 10,000 articles, on every content version.
    const liveEnd = this.#q
      .prepare<[string], { until: string | null }>("SELECT min(article ->> '$.live.until') AS until FROM files INDEXED BY files_live_until WHERE article ->> '$.live.until' IS NOT NULL AND article ->> '$.live.until' > ? AND visible = 1")
      .get(new Date(this.#asOf).toISOString())!.until;
    const moments = [this.nextPublication()?.getTime(), breakingEnd === null ? undefined : breakingEnd + this.#breakingMs, liveEnd === null ? undefined : Date.parse(liveEnd)];
    const next = Math.min(...moments.filter((m): m is number => m !== undefined));
    return Number.isFinite(next) ? new Date(next) : undefined;
  }

  /** How long a breaking article leads its home page (site.yml's breakingHours). */
  get #breakingMs(): number {
    return (this.site.breakingHours ?? 2) * 3600 * 1000;
  }

  /**
   * A part of a language's articles for a sitemap: paths, changes and translations, without the
   * articles. It reads from where the part begins (see #startOf), not from the top of the list.
   */
  articleUrls(lang: Lang, offset: number, limit: number): ArticleUrl[] {
    const start = this.#startOf('lang', [lang], offset);
    if (!start) return [];
    const rows = this.#q
      .prepare<unknown[], { slug: string; changed: number }>(`SELECT slug, changed ${FROM_START} LIMIT ?`)
      .all(lang, start.date, start.date, start.slug, limit);
    const versions = new Map<string, Partial<Record<Lang, string>>>();
    const others = this.#q
      .prepare<[string, number], { slug: string; lang: Lang; url: string }>(
        // The slugs lead, through the covering index files_by_slug: left to choose, SQLite reads every published row for each.
        'SELECT f.slug, f.lang, f.url FROM json_each(?) j CROSS JOIN files f INDEXED BY files_by_slug ON f.slug = j.value WHERE f.visible = 1 AND f.date <= ?',
      )
      .all(JSON.stringify(rows.map((r) => r.slug)), this.#asOf);
    for (const { slug, lang: l, url } of others) versions.set(slug, { ...versions.get(slug), [l]: url });
    return rows.map((r) => ({ url: versions.get(r.slug)?.[lang] ?? paths.article(lang, r.slug), changed: new Date(r.changed), versions: versions.get(r.slug) ?? {} }));
  }

  /** The latest change among a part of a language's articles (as articleUrls lists them): a sitemap index's lastmod. */
  partChanged(lang: Lang, offset: number, limit: number): Date | undefined {
    const start = this.#startOf('lang', [lang], offset);
    if (!start) return undefined;
    const ms = this.#q
      .prepare<unknown[], { ms: number | null }>(`SELECT max(changed) AS ms FROM (SELECT changed ${FROM_START} LIMIT ?)`)
      .get(lang, start.date, start.date, start.slug, limit)!.ms;
    return ms === null ? undefined : new Date(ms);
  }

  /**
   * Where the article at `offset` of a list stands (its date and slug), undefined past the end.
   * Found by walking on from the nearest place found before in this version, so the parts of
   * the sitemaps cost a walk over their own length, not over the list above them.
   */
  #startOf(kind: ListKind, keys: string[], offset: number): Start | undefined {
    const starts = this.#starts(kind, keys);
    if (starts.has(offset)) return starts.get(offset);
    const { from, start: known } = this.#nearest(kind, keys, offset);
    if (!known) return undefined;
    const { rows, keys: where } = LISTS[kind];
    const start = this.#q
      .prepare<unknown[], Start>(`SELECT date, slug FROM ${rows} WHERE ${where} AND date <= ? AND NOT (date = ? AND slug < ?) ORDER BY date DESC, slug LIMIT 1 OFFSET ?`)
      .get(...keys, known.date, known.date, known.slug, offset - from);
    starts.set(offset, start);
    return start;
  }

  /** The known place of a list nearest above `offset` (the top of the list at worst), and its offset. */
  #nearest(kind: ListKind, keys: string[], offset: number): { from: number; start: Start | undefined } {
    const starts = this.#starts(kind, keys);
    let from = 0;
    for (const [known, start] of starts) if (known <= offset && known > from && start) from = known;
    return { from, start: starts.get(from) };
  }

  /** The places of a list found so far in this version, by offset: the top is the version's moment. */
  #starts(kind: ListKind, keys: string[]): Map<number, Start | undefined> {
    return this.#remember(`starts:${kind}:${keys.join(':')}`, () => new Map<number, Start | undefined>([[0, { date: this.#asOf, slug: '' }]]));
  }

  /** The underlying queries, for the search (see search/search-index.ts). */
  get queries(): IndexQueries {
    return this.#q;
  }

  #which(lang: Lang, of: ListOf): [ListKind, string[]] {
    if (of.topic !== undefined) return ['topic', [of.topic, lang]];
    if (of.author !== undefined) return ['author', [of.author, lang]];
    return ['lang', [lang]];
  }

  #remember<T>(key: string, make: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = make();
    this.#memo.set(key, value);
    return value;
  }
}
