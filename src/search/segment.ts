import type { Lang } from '../i18n/languages.js';
import { indexTerm, WORD } from './terms.js';

/** A document as the index takes it: an id and its fields, each with the weight of a match in it. */
export interface SearchDoc {
  id: string;
  fields: { text: string; weight: number }[];
}

/**
 * A batch of documents, indexed and packed into typed arrays: for every term (a stem) the
 * documents that have it, with the weight of the best field it is in. About 5 bytes per
 * (term, document) pair: a few tens of megabytes for 10,000 articles, where an index of Maps
 * takes hundreds. Immutable once built; the search index adds segments and retires documents.
 */
export class Segment {
  /** Made by Segment.build. */
  constructor(
    /** Document number → id. */
    readonly ids: readonly string[],
    /** Every term, sorted: exact and prefix lookups are binary searches. */
    private readonly terms: readonly string[],
    /** Postings of terms[i] are docs/weights[offsets[i] .. offsets[i + 1]). */
    private readonly offsets: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly weights: Float32Array,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** How many documents have this exact term. */
  documentFrequency(term: string): number {
    const i = lowerBound(this.terms, term);
    return this.terms[i] === term ? this.offsets[i + 1]! - this.offsets[i]! : 0;
  }

  /** Every term starting with `prefix`, with the range of its postings. */
  *termsStartingWith(prefix: string): Generator<{ term: string; from: number; to: number }> {
    for (let i = lowerBound(this.terms, prefix); i < this.terms.length && this.terms[i]!.startsWith(prefix); i++) {
      yield { term: this.terms[i]!, from: this.offsets[i]!, to: this.offsets[i + 1]! };
    }
  }

  /** The term itself, if the segment has it, with the range of its postings. */
  *exactly(term: string): Generator<{ term: string; from: number; to: number }> {
    const i = lowerBound(this.terms, term);
    if (this.terms[i] === term) yield { term, from: this.offsets[i]!, to: this.offsets[i + 1]! };
  }

  doc(posting: number): number {
    return this.docs[posting]!;
  }

  weight(posting: number): number {
    return this.weights[posting]!;
  }

  /** Builds a segment, yielding to the event loop every `perTurn` documents. */
  static async build(docs: Iterable<SearchDoc>, lang: Lang, yieldTurn: () => Promise<void>, perTurn = 200): Promise<Segment> {
    const builder = new SegmentBuilder(lang);
    let n = 0;
    for (const doc of docs) {
      builder.add(doc);
      if (++n % perTurn === 0) await yieldTurn();
    }
    return builder.finish();
  }
}

/** Collects (term, document, weight) triples in growing typed arrays, then packs them by term. */
class SegmentBuilder {
  readonly #ids: string[] = [];
  readonly #termIds = new Map<string, number>();
  #triples = new Uint32Array(1 << 16);
  #weights = new Float32Array(1 << 15);
  #count = 0;
  /** The best weight of each term in the document being added. */
  readonly #inDoc = new Map<number, number>();

  constructor(private readonly lang: Lang) {}

  add(doc: SearchDoc): void {
    const docNumber = this.#ids.push(doc.id) - 1;
    this.#inDoc.clear();
    for (const field of doc.fields) {
      for (const [word] of field.text.matchAll(WORD)) {
        const term = indexTerm(word, this.lang);
        let termId = this.#termIds.get(term);
        if (termId === undefined) this.#termIds.set(term, (termId = this.#termIds.size));
        if ((this.#inDoc.get(termId) ?? 0) < field.weight) this.#inDoc.set(termId, field.weight);
      }
    }
    for (const [termId, weight] of this.#inDoc) this.#push(termId, docNumber, weight);
  }

  finish(): Segment {
    const byId = [...this.#termIds.keys()];
    const order = byId.map((_, id) => id).sort((a, b) => (byId[a]! < byId[b]! ? -1 : 1));
    const rank = new Uint32Array(byId.length);
    order.forEach((id, position) => (rank[id] = position));
    // Counting sort by term; documents were added in order, so each term's list stays sorted.
    const offsets = new Uint32Array(byId.length + 1);
    for (let i = 0; i < this.#count; i++) offsets[rank[this.#triples[2 * i]!]! + 1]!++;
    for (let i = 0; i < byId.length; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, -1);
    const docs = new Uint32Array(this.#count);
    const weights = new Float32Array(this.#count);
    for (let i = 0; i < this.#count; i++) {
      const at = fill[rank[this.#triples[2 * i]!]!]!++;
      docs[at] = this.#triples[2 * i + 1]!;
      weights[at] = this.#weights[i]!;
    }
    return new Segment(this.#ids, order.map((id) => byId[id]!), offsets, docs, weights);
  }

  #push(termId: number, docNumber: number, weight: number): void {
    if (2 * this.#count + 2 > this.#triples.length) {
      const triples = new Uint32Array(this.#triples.length * 2);
      triples.set(this.#triples);
      this.#triples = triples;
      const weights = new Float32Array(this.#weights.length * 2);
      weights.set(this.#weights);
      this.#weights = weights;
    }
    this.#triples[2 * this.#count] = termId;
    this.#triples[2 * this.#count + 1] = docNumber;
    this.#weights[this.#count] = weight;
    this.#count++;
  }
}

/** The first position in a sorted list whose item is not less than `item`. */
function lowerBound(sorted: readonly string[], item: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < item) low = middle + 1;
    else high = middle;
  }
  return low;
}
