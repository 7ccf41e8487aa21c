import type { ContentIndex, IndexQueries } from '../index/content-index.js';
import { reviveArticle } from '../index/rows.js';
import { unpackBody } from '../index/pack.js';
import { distance } from '../parse/nearest.js';
import type { Article } from '../parse/types.js';
import type { Lang } from '../i18n/languages.js';
import { indexTerm, queryTerm, WORD } from '../index/terms.js';

/** Longest query we read; the rest is cut, never an error. */
export const MAX_QUERY = 200;

export interface SearchHit {
  article: Article;
  score: number;
}

export interface SearchResult {
  /** The best MAX_HITS matches, best first. */
  hits: SearchHit[];
  /** How many articles match in all. */
  total: number;
  /** The query's terms as prefixes of index terms, for highlighting. */
  prefixes: string[];
  /** When nothing matches: the query with its unknown words replaced by the nearest known ones, if that finds something. */
  suggestion?: string;
}

/** Weight of a match by column (title, lead, topic and author names, body), for bm25. */
const WEIGHTS = '3.0, 2.0, 1.5, 1.0';
/**
 * How much a new article gains over an old one of equal relevance: up to this much of bm25's
 * score, halving over a year. News readers look for the recent story first.
 */
const RECENCY = 0.5;
const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Words of a query that count; the rest are ignored. */
const MAX_WORDS = 8;
/** Shorter query words are matched whole, not as prefixes. */
const MIN_PREFIX = 3;
/** Results kept of a query: 50 pages of 10. Past that, a reader refines the query. */
export const MAX_HITS = 500;
/** Queries remembered per content version; the oldest is forgotten first. */
const REMEMBERED_QUERIES = 500;
/** A suggestion replaces a word by one at most this many edits away (on stems). */
const MAX_EDITS = 2;

/** Results of recent queries per content version: a popular query is matched and ranked once. */
const answered = new WeakMap<ContentIndex, Map<string, SearchResult>>();

/** A query as we read it: one line, at most MAX_QUERY characters. */
export function normalizeQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  return [...text.normalize('NFC').replace(/[\u0000-\u001f\u007f\ufffd]/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, MAX_QUERY).join('').trim();
}

/**
 * Every published article of the language matching all words of the query, best first: bm25
 * over title, lead, topic and author names and body, with a bonus for recent articles. Matching
 * is on stems (SQLite FTS5 over pre-stemmed terms), so inflected forms find each other. The
 * answer is remembered for the content version.
 * @example search(index, 'ru', 'сотрудничество').total // 3
 */
export function search(index: ContentIndex, lang: Lang, query: string): SearchResult {
  let recent = answered.get(index);
  if (!recent) answered.set(index, (recent = new Map()));
  const key = `${lang}\n${query}`;
  let result = recent.get(key);
  if (result) recent.delete(key);
  else {
    result = match(index, lang, query);
    if (recent.size >= REMEMBERED_QUERIES) recent.delete(recent.keys().next().value!);
  }
  // Map order is the recency order: a repeated query moves to the end.
  recent.set(key, result);
  return result;
}

/**
 * A query matching more articles than this ranks only its newest this many (by the order they
 * were indexed in, which for news/YYYY/MM/ folders is the order of their dates): bm25 over a
 * word found in most of 100,000 articles costs about 100 ms, over this window about 10. The
 * recency bonus ranks the newest first among such matches anyway; `total` still counts them all.
 */
export const RANK_WINDOW = 5000;

// The ranking joins `search CROSS JOIN files INDEXED BY files_shown`: the full-text match is the
// outer loop (left to choose, SQLite may scan files and probe the match per row: 6 s instead of
// 35 ms at 4,000 articles), and what is checked of each match comes from the small index
// (id, visible, date), not from the rows of files, which hold whole bodies.
function match(index: ContentIndex, lang: Lang, query: string): SearchResult {
  const words = [...new Set(query.match(WORD) ?? [])].slice(0, MAX_WORDS);
  const prefixes = [...new Set(words.map((w) => queryTerm(w, lang)))];
  if (!prefixes.length) return { hits: [], total: 0, prefixes: [] };
  const q = index.queries;
  const expression = ftsQuery(prefixes);
  const asOf = index.asOf.getTime();
  const total = count(q, lang, expression, asOf);
  if (total === 0) return { hits: [], total, prefixes, suggestion: suggest(q, lang, words, asOf) };
  // The oldest rowid of the window: the RANK_WINDOW-th newest match (0 when there are fewer).
  const from =
    total <= RANK_WINDOW
      ? 0
      : (q
          .prepare<[string, number], { rowid: number }>(`SELECT rowid FROM search_${lang} WHERE search_${lang} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`)
          .get(expression, RANK_WINDOW - 1)?.rowid ?? 0);
  const ranked = q
    .prepare<[number, string, number, number, number], { id: number; score: number }>(
      `SELECT f.id, -bm25(search_${lang}, ${WEIGHTS}) + ${RECENCY} / (1 + (? - f.date) / ${YEAR_MS}.0) AS score
       FROM search_${lang} CROSS JOIN files f INDEXED BY files_shown ON f.id = search_${lang}.rowid
       WHERE search_${lang} MATCH ? AND search_${lang}.rowid >= ? AND f.visible = 1 AND f.date <= ? ORDER BY score DESC, f.date DESC LIMIT ?`,
    )
    .all(asOf, expression, from, asOf, MAX_HITS);
  // The articles of the hits alone: reading them in the ranking would read every match's.
  const articles = new Map(
    q
      .prepare<[string], { id: number; article: string }>('SELECT id, article FROM files WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ranked.map((r) => r.id)))
      .map((r) => [r.id, r.article]),
  );
  return { hits: ranked.map((r) => ({ article: reviveArticle(articles.get(r.id)!), score: r.score })), total, prefixes };
}

/**
 * How many published articles match: every match in the full-text table less those of files
 * not shown (drafts, the losers of a duplicate slug, articles not yet published), which are
 * few. Counting the table's matches alone is 8 ms for a word in most of 100,000 articles;
 * checking each match against files would be 30.
 */
function count(q: IndexQueries, lang: Lang, expression: string, asOf: number): number {
  const all = q.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM search_${lang} WHERE search_${lang} MATCH ?`).get(expression)!.n;
  if (all === 0) return 0;
  const hidden = q
    .prepare<[string, string, number, string], { n: number }>(
      `SELECT count(*) AS n FROM files WHERE ((lang = ? AND visible = 0) OR (lang = ? AND visible = 1 AND date > ?))
       AND id IN (SELECT rowid FROM search_${lang} WHERE search_${lang} MATCH ?)`,
    )
    .get(lang, lang, asOf, expression)!.n;
  return all - hidden;
}

/**
 * Every term must match; one of three letters or more as the start of an index term (a word of
 * one or two letters as a prefix would match half the language). Terms are letters, digits,
 * apostrophes and hyphens, quoted: nothing a reader types is FTS5 syntax.
 */
function ftsQuery(prefixes: readonly string[]): string {
  return prefixes.map((p) => `"${p.replaceAll('"', '""')}"${p.length < MIN_PREFIX ? '' : '*'}`).join(' ');
}

/**
 * «Did you mean»: each query word the index does not know is replaced by the nearest term it
 * does (at most two edits, same first letter, most frequent first), written as a word of the
 * articles. Offered only when the new query finds something.
 */
function suggest(q: IndexQueries, lang: Lang, words: readonly string[], asOf: number): string | undefined {
  let changed = false;
  const replaced = words.map((word) => {
    const term = indexTerm(word, lang);
    if (term.length < 4 || known(q, lang, term)) return word.toLowerCase();
    const near = nearestTerm(q, lang, term);
    const spelled = near && spelling(q, lang, near);
    if (!spelled) return word.toLowerCase();
    changed = true;
    return spelled;
  });
  if (!changed) return undefined;
  const suggestion = replaced.join(' ');
  return count(q, lang, ftsQuery(replaced.map((w) => queryTerm(w, lang))), asOf) > 0 ? suggestion : undefined;
}

/** Whether some index term starts with this one (as a query would match it). */
function known(q: IndexQueries, lang: Lang, term: string): boolean {
  const prefix = term.length > 5 ? term.slice(0, -1) : term;
  return q.prepare<[string, string], { term: string }>(`SELECT term FROM terms_${lang} WHERE term >= ? AND term < ? LIMIT 1`).get(prefix, `${prefix}\u{10FFFF}`) !== undefined;
}

function nearestTerm(q: IndexQueries, lang: Lang, term: string): string | undefined {
  const first = term[0]!;
  const next = String.fromCodePoint(first.codePointAt(0)! + 1);
  let best: { term: string; edits: number; docs: number } | undefined;
  for (const row of q.prepare<[string, string], { term: string; doc: number }>(`SELECT term, doc FROM terms_${lang} WHERE term >= ? AND term < ?`).iterate(first, next)) {
    if (Math.abs(row.term.length - term.length) > MAX_EDITS) continue;
    const edits = distance(term, row.term);
    if (edits > MAX_EDITS) continue;
    if (!best || edits < best.edits || (edits === best.edits && row.doc > best.docs)) best = { term: row.term, edits, docs: row.doc };
  }
  return best?.term;
}

/** A word of an article that has this term, in lower case: how a stem is shown to a reader. */
function spelling(q: IndexQueries, lang: Lang, term: string): string | undefined {
  const row = q
    .prepare<[string], { article: string; html: Uint8Array; text: Uint8Array }>(`SELECT f.article, f.html, f.text FROM search_${lang} CROSS JOIN files f ON f.id = search_${lang}.rowid WHERE search_${lang} MATCH ? LIMIT 1`)
    .get(`"${term}"`);
  if (!row) return undefined;
  const article = reviveArticle(row.article);
  for (const text of [article.title, article.lead, unpackBody(row).text]) {
    for (const [word] of text.matchAll(WORD)) if (indexTerm(word, lang) === term) return word.toLowerCase();
  }
  return undefined;
}
