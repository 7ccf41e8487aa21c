import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BodyStore } from '../content/bodies.js';
import { bodyOf, type ContentIndex } from '../content/build-index.js';
import type { Article } from '../content/types.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { Segment, type SearchDoc } from './segment.js';
import { queryTerm, WORD } from './terms.js';

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
}

/** Weight of a match by field: a title match ranks above a lead match, above a body match. */
const WEIGHT = { title: 3, lead: 2, topics: 1.5, author: 1.5, text: 1 };
/** Past this many segments, or this share of retired documents, a language is indexed afresh. */
const MAX_SEGMENTS = 12;
const MAX_RETIRED_SHARE = 0.25;

/** One language's search index: segments of documents, and which documents are current. */
interface LangSearch {
  segments: Segment[];
  /** Retired document numbers per segment: their article changed or went away. */
  retired: Map<Segment, Set<number>>;
  /** Where each current document is, by document key (see docKey). */
  current: Map<string, { segment: Segment; doc: number }>;
}

/**
 * The search index of a line of content versions (one content store), kept up to date
 * version by version: a reload indexes the articles that changed and retires the ones they
 * replace, so its cost follows the change, not the size of the site.
 */
interface Lineage {
  langs: Record<Lang, LangSearch>;
  /** Updates run one after another. */
  queue: Promise<unknown>;
}

const lineages = new WeakMap<BodyStore, Lineage>();
/** When the lineage caught up with a content version. */
const synced = new WeakMap<ContentIndex, Promise<Lineage>>();
/** Results of recent queries per content version: a popular query is matched and ranked once. */
const answered = new WeakMap<ContentIndex, Map<string, Promise<SearchResult>>>();
/** Words of a query that count; the rest are ignored. */
const MAX_WORDS = 8;
/** Shorter query words are matched whole, not as prefixes. */
const MIN_PREFIX = 3;
/** Results kept of a query: 50 pages of 10. Past that, a reader refines the query. */
export const MAX_HITS = 500;
/** Queries remembered per content version; the oldest is forgotten first. */
const REMEMBERED_QUERIES = 500;

function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * What a document is indexed from, as one key: the article's body id (its file's stamp) and
 * the names of its topics and author, which live in other files and may be renamed.
 */
function docKey(index: ContentIndex, lang: Lang, article: Article): string {
  return [article.bodyId, topicNames(index, lang, article), authorName(index, lang, article)].join('\n');
}

function topicNames(index: ContentIndex, lang: Lang, article: Article): string {
  return article.topics.map((t) => index.topics.get(t)?.name[lang] ?? '').join(' ');
}

function authorName(index: ContentIndex, lang: Lang, article: Article): string {
  return index.authors.get(article.author)?.name[lang] ?? '';
}

/** The articles of a content version by document key, made once per version and language. */
const keyed = new WeakMap<ContentIndex, Partial<Record<Lang, Map<string, Article>>>>();
function articlesByKey(index: ContentIndex, lang: Lang): Map<string, Article> {
  let byLang = keyed.get(index);
  if (!byLang) keyed.set(index, (byLang = {}));
  return (byLang[lang] ??= new Map(index.langs[lang].articles.map((a) => [docKey(index, lang, a), a])));
}

function lineageOf(index: ContentIndex): Lineage {
  let lineage = lineages.get(index.bodies);
  if (!lineage) {
    const empty = (): LangSearch => ({ segments: [], retired: new Map(), current: new Map() });
    lineage = { langs: { ru: empty(), kk: empty(), en: empty() }, queue: Promise.resolve() };
    lineages.set(index.bodies, lineage);
  }
  return lineage;
}

/**
 * Brings the lineage's index up to this content version, once; a search made meanwhile waits
 * for it. Built in small steps, so pages keep being served.
 */
function syncedWith(index: ContentIndex): Promise<Lineage> {
  let ready = synced.get(index);
  if (!ready) {
    const lineage = lineageOf(index);
    ready = lineage.queue.then(async () => {
      for (const lang of LANGS) await syncLang(index, lang, lineage.langs[lang]);
      return lineage;
    });
    // The next update waits for this one, failed or not; a failed one is tried again by the next search.
    lineage.queue = ready.catch(() => synced.delete(index));
    synced.set(index, ready);
  }
  return ready;
}

async function syncLang(index: ContentIndex, lang: Lang, search: LangSearch): Promise<void> {
  const wanted = articlesByKey(index, lang);
  const gone = [...search.current].filter(([key]) => !wanted.has(key));
  const fresh = [...wanted].filter(([key]) => !search.current.has(key));
  const retired = gone.length + [...search.retired.values()].reduce((sum, docs) => sum + docs.size, 0);
  const rebuild = search.segments.length >= MAX_SEGMENTS || retired > MAX_RETIRED_SHARE * wanted.size;
  const adding = rebuild ? [...wanted] : fresh;
  // Built aside, then swapped in at once: a search meanwhile sees the index as it was.
  const segment = adding.length ? await Segment.build(documents(index, lang, adding), lang, () => nextTurn()) : undefined;
  if (rebuild) {
    search.segments = [];
    search.retired.clear();
    search.current.clear();
  } else {
    for (const [key, at] of gone) {
      search.current.delete(key);
      search.retired.get(at.segment)!.add(at.doc);
    }
  }
  if (!segment) return;
  search.segments.push(segment);
  search.retired.set(segment, new Set());
  segment.ids.forEach((key, doc) => search.current.set(key, { segment, doc }));
}

/** The documents of these articles, each body read as its document is indexed. */
function* documents(index: ContentIndex, lang: Lang, articles: [string, Article][]): Generator<SearchDoc> {
  for (const [key, article] of articles) {
    yield {
      id: key,
      fields: [
        { text: article.title, weight: WEIGHT.title },
        { text: article.lead, weight: WEIGHT.lead },
        { text: topicNames(index, lang, article), weight: WEIGHT.topics },
        { text: authorName(index, lang, article), weight: WEIGHT.author },
        { text: bodyOf(index, article).text, weight: WEIGHT.text },
      ],
    };
  }
}

/** Brings the search index up to a new content version ahead of the first query (after a load or reload). */
export function warmSearch(index: ContentIndex): Promise<unknown> {
  return syncedWith(index);
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
  // Every word must match; past a few, more words only narrow what is already narrow.
  const prefixes = [...new Set(tokenize(query).map((w) => queryTerm(w, lang)))].slice(0, MAX_WORDS);
  if (!prefixes.length) return { hits: [], total: 0, prefixes: [] };
  const search = (await syncedWith(index)).langs[lang];
  const articles = articlesByKey(index, lang);
  const total = search.current.size;
  // How rare a term is across the whole index: rare words weigh more than common ones.
  const idf = (term: string) => Math.log(1 + total / Math.max(1, search.segments.reduce((sum, s) => sum + s.documentFrequency(term), 0)));
  const hits: SearchHit[] = [];
  for (const segment of search.segments) {
    const scores = new Float32Array(segment.size);
    const matched = new Uint16Array(segment.size);
    for (const prefix of prefixes) {
      // The best of the terms a query word matches counts once per document.
      const best = new Float32Array(segment.size);
      // A word of one or two letters matches itself only: as a prefix it would match half the language.
      for (const { term, from, to } of prefix.length < MIN_PREFIX ? segment.exactly(prefix) : segment.termsStartingWith(prefix)) {
        const weight = idf(term);
        for (let p = from; p < to; p++) {
          const doc = segment.doc(p);
          best[doc] = Math.max(best[doc]!, segment.weight(p) * weight);
        }
      }
      best.forEach((score, doc) => {
        if (score === 0) return;
        scores[doc]! += score;
        matched[doc]!++;
      });
    }
    const retired = search.retired.get(segment)!;
    matched.forEach((count, doc) => {
      if (count !== prefixes.length || retired.has(doc)) return;
      const article = articles.get(segment.ids[doc]!);
      if (article) hits.push({ article, score: scores[doc]! });
    });
  }
  hits.sort((a, b) => b.score - a.score || b.article.date.getTime() - a.article.date.getTime());
  return { hits: hits.slice(0, MAX_HITS), total: hits.length, prefixes };
}
