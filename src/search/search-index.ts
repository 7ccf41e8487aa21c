import MiniSearch from 'minisearch';
import { bodyOf, type ContentIndex } from '../content/build-index.js';
import type { Article } from '../content/types.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { indexTerm, queryTerm, WORD } from './terms.js';

/** Longest query we read; the rest is cut, never an error. */
export const MAX_QUERY = 200;

interface Doc {
  id: string;
  title: string;
  lead: string;
  text: string;
  topics: string;
  author: string;
}

export interface SearchHit {
  article: Article;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The query's terms as prefixes of index terms, for highlighting. */
  prefixes: string[];
}

const built = new WeakMap<ContentIndex, Promise<Record<Lang, MiniSearch<Doc>>>>();
/** Results of recent queries per content version: a popular query is matched and ranked once. */
const answered = new WeakMap<ContentIndex, Map<string, Promise<SearchResult>>>();
/** Queries remembered per content version; the oldest is forgotten first. */
const REMEMBERED_QUERIES = 500;
/** Documents added between yields to the event loop: a build never holds up requests for long. */
const CHUNK = 100;

function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

async function buildLang(index: ContentIndex, lang: Lang): Promise<MiniSearch<Doc>> {
  const search = new MiniSearch<Doc>({
    fields: ['title', 'lead', 'text', 'topics', 'author'],
    tokenize,
    processTerm: (term) => indexTerm(term, lang),
    searchOptions: { processTerm: (term) => queryTerm(term, lang) },
  });
  await search.addAllAsync(
    index.langs[lang].articles.map((a) => ({
      id: a.slug,
      title: a.title,
      lead: a.lead,
      text: bodyOf(index, a).text,
      topics: a.topics.map((t) => index.topics.get(t)?.name[lang] ?? '').join(' '),
      author: index.authors.get(a.author)?.name[lang] ?? '',
    })),
    { chunkSize: CHUNK },
  );
  return search;
}

/**
 * The search indexes of a content index, built once per content version, in small chunks so
 * that pages keep being served meanwhile; a search made during the build waits for it.
 */
function indexesOf(index: ContentIndex): Promise<Record<Lang, MiniSearch<Doc>>> {
  let indexes = built.get(index);
  if (!indexes) {
    indexes = (async () => {
      const out = {} as Record<Lang, MiniSearch<Doc>>;
      for (const lang of LANGS) out[lang] = await buildLang(index, lang);
      return out;
    })();
    built.set(index, indexes);
    // A failed build is not kept: the next search builds again.
    indexes.catch(() => built.delete(index));
  }
  return indexes;
}

/** Starts building the search indexes ahead of the first query (after a load or reload). */
export function warmSearch(index: ContentIndex): Promise<unknown> {
  return indexesOf(index);
}

/** A query as we read it: one line, at most MAX_QUERY characters. */
export function normalizeQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  return [...text.normalize('NFC').replace(/[\u0000-\u001f\u007f\ufffd]/g, ' ').replace(/\s+/g, ' ').trim()].slice(0, MAX_QUERY).join('').trim();
}

/**
 * Every article of the language matching all words of the query, best first; among equal
 * scores, newest first. Matching is on stems, so inflected forms find each other. The answer
 * is remembered for the content version: a word everyone searches for at once (a big story)
 * is ranked once, not once per reader.
 */
export function search(index: ContentIndex, lang: Lang, query: string): Promise<SearchResult> {
  let recent = answered.get(index);
  if (!recent) answered.set(index, (recent = new Map()));
  const key = `${lang}\n${query}`;
  let result = recent.get(key);
  if (result) {
    // Map order is the recency order: a repeated query moves to the end.
    recent.delete(key);
  } else {
    result = match(index, lang, query);
    // A failed search is not remembered: the next reader tries again.
    result.catch(() => recent.delete(key));
    if (recent.size >= REMEMBERED_QUERIES) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, result);
  return result;
}

async function match(index: ContentIndex, lang: Lang, query: string): Promise<SearchResult> {
  const words = tokenize(query);
  if (!words.length) return { hits: [], prefixes: [] };
  const results = (await indexesOf(index))[lang].search(words.join(' '), {
    combineWith: 'AND',
    prefix: true,
    boost: { title: 3, lead: 2, topics: 1.5, author: 1.5 },
  });
  const bySlug = index.langs[lang].bySlug;
  const hits = results
    .map((r) => ({ article: bySlug.get(String(r.id))!, score: r.score }))
    .filter((h) => h.article)
    .sort((a, b) => b.score - a.score || b.article.date.getTime() - a.article.date.getTime());
  return { hits, prefixes: [...new Set(words.map((w) => queryTerm(w, lang)))] };
}
