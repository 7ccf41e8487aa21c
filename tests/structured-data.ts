import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { CheerioAPI } from 'cheerio';

/*
 * Two validators of a page's JSON-LD, both offline: the schema.org vocabulary as published
 * (every type a class, every property one that schema.org gives to the type or a type it
 * extends, values of the kind the property takes), and Google's documented rules for the rich
 * results we aim at (required and recommended properties), encoded below with their sources.
 */

type Node = Record<string, unknown>;

interface Vocabulary {
  /** Class → the classes it extends directly. */
  parents: Map<string, string[]>;
  /** Property → the classes it is defined on, and the types of value it takes. */
  properties: Map<string, { domains: string[]; ranges: string[] }>;
}

const FILE = path.resolve(import.meta.dirname, 'fixtures/schemas/schemaorg-current-https.jsonld.br');
let vocabulary: Vocabulary | undefined;

const ids = (value: unknown): string[] => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => String((v as { '@id': string })['@id']).replace(/^schema:/, '')));

function load(): Vocabulary {
  if (vocabulary) return vocabulary;
  const graph = (JSON.parse(brotliDecompressSync(readFileSync(FILE)).toString('utf8')) as { '@graph': Node[] })['@graph'];
  const parents = new Map<string, string[]>();
  const properties = new Map<string, { domains: string[]; ranges: string[] }>();
  for (const node of graph) {
    const id = String(node['@id']).replace(/^schema:/, '');
    const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
    if (types.includes('rdfs:Class')) parents.set(id, ids(node['rdfs:subClassOf']));
    if (types.includes('rdf:Property')) properties.set(id, { domains: ids(node['schema:domainIncludes']), ranges: ids(node['schema:rangeIncludes']) });
  }
  return (vocabulary = { parents, properties });
}

/** A class and every class it extends. */
function ancestors(type: string, v: Vocabulary): Set<string> {
  const seen = new Set<string>();
  const walk = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of v.parents.get(t) ?? []) walk(p);
  };
  walk(type);
  return seen;
}

const typesOf = (node: Node): string[] => (node['@type'] === undefined ? [] : Array.isArray(node['@type']) ? node['@type'].map(String) : [String(node['@type'])]);

/** ISO 8601, a year or a month alone included (a foundingDate of 2006). */
const ISO_DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
/** Classes whose value is a quantity: schema.org's own examples give a plain number (an image's width). */
const QUANTITIES = new Set(['QuantitativeValue', 'Distance', 'Duration', 'Mass', 'Energy']);

/**
 * Whether a plain value (not a node) fits one of a property's ranges. As schema.org's data
 * model says, a text may stand where a thing is expected (a name, an address of it); dates must
 * be ISO 8601, numbers numbers, booleans booleans.
 */
function fitsPlain(value: unknown, ranges: string[]): boolean {
  return ranges.some((range) => {
    if (range === 'Text' || range === 'URL' || range === 'CssSelectorType' || range === 'XPathType') return typeof value === 'string';
    if (range === 'Date' || range === 'DateTime') return typeof value === 'string' && ISO_DATE_TIME.test(value);
    if (range === 'Number' || range === 'Integer' || range === 'Float') return typeof value === 'number';
    if (range === 'Boolean') return typeof value === 'boolean';
    if (QUANTITIES.has(range)) return typeof value === 'number' || typeof value === 'string';
    return typeof value === 'string';
  });
}

/**
 * What the published schema.org vocabulary says is wrong with a JSON-LD node and every node in
 * it: unknown types, properties not defined for the node's types, values of the wrong kind.
 * @example schemaOrgProblems({ '@type': 'NewsArticle', headlin: 'x' }) // ['NewsArticle: headlin is not a schema.org property']
 */
export function schemaOrgProblems(node: Node, where = ''): string[] {
  const v = load();
  const types = typesOf(node);
  const here = where || types.join('+');
  const problems: string[] = [];
  for (const type of types) if (!v.parents.has(type)) problems.push(`${here}: ${type} is not a schema.org type`);
  const kinds = new Set(types.flatMap((t) => [...ancestors(t, v)]));
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith('@')) continue;
    const property = v.properties.get(name);
    if (!property) {
      problems.push(`${here}: ${name} is not a schema.org property`);
      continue;
    }
    if (types.length && !property.domains.some((d) => kinds.has(d))) problems.push(`${here}: ${name} is not a property of ${types.join('+')}`);
    for (const [i, item] of (Array.isArray(value) ? value : [value]).entries()) {
      const at = `${here}.${name}${Array.isArray(value) ? `[${i}]` : ''}`;
      if (item !== null && typeof item === 'object') {
        const child = item as Node;
        const childTypes = typesOf(child);
        const fits = childTypes.length === 0 || childTypes.some((t) => property.ranges.some((r) => ancestors(t, v).has(r)));
        if (!fits) problems.push(`${at}: ${childTypes.join('+')} is not what ${name} takes (${property.ranges.join(', ')})`);
        problems.push(...schemaOrgProblems(child, at));
      } else if (!fitsPlain(item, property.ranges)) {
        problems.push(`${at}: ${JSON.stringify(item)} is not what ${name} takes (${property.ranges.join(', ')})`);
      }
    }
  }
  return problems;
}

/** Whether a node is of a type or of one that extends it, by the vocabulary. */
export function isA(node: Node, type: string): boolean {
  const v = load();
  return typesOf(node).some((t) => ancestors(t, v).has(type));
}

const present = (node: Node, name: string) => node[name] !== undefined && node[name] !== '' && !(Array.isArray(node[name]) && node[name].length === 0);

/**
 * Google's documented rules for the article rich result and for live coverage, as required
 * (an error in the Rich Results Test) and recommended properties:
 * - Article, NewsArticle, BlogPosting (developers.google.com/search/docs/appearance/structured-data/article):
 *   no required property; recommended author (each with name, and url), dateModified, datePublished,
 *   headline, image. Dates in ISO 8601 with a time zone.
 * - LiveBlogPosting (Google's live coverage documentation): required coverageStartTime,
 *   coverageEndTime, headline, liveBlogUpdate; each update a BlogPosting with required headline and
 *   articleBody, and datePublished; its url the page's with an anchor, not a query.
 */
export function googleProblems(node: Node): string[] {
  const problems: string[] = [];
  const type = typesOf(node).join('+');
  const dateTime = (name: string, owner: Node, where: string) => {
    const value = owner[name];
    if (value !== undefined && !(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(value))) problems.push(`${where}: ${name} is not an ISO 8601 date-time with a time zone`);
  };
  if (isA(node, 'Article')) {
    for (const name of ['author', 'dateModified', 'datePublished', 'headline', 'image']) if (!present(node, name)) problems.push(`${type}: recommended ${name} is missing`);
    for (const author of [node.author ?? []].flat() as Node[]) {
      if (!present(author, 'name')) problems.push(`${type}: an author has no name`);
      if (!present(author, 'url')) problems.push(`${type}: recommended author.url is missing`);
    }
    for (const name of ['dateModified', 'datePublished']) dateTime(name, node, type);
    if (typeof node.headline === 'string' && node.headline.length > 110) problems.push(`${type}: headline over 110 characters`);
  }
  if (isA(node, 'LiveBlogPosting')) {
    for (const name of ['coverageStartTime', 'coverageEndTime', 'headline', 'liveBlogUpdate']) if (!present(node, name)) problems.push(`${type}: required ${name} is missing`);
    for (const name of ['coverageStartTime', 'coverageEndTime']) dateTime(name, node, type);
    const page = typeof node.url === 'string' ? node.url : '';
    for (const [i, update] of ([node.liveBlogUpdate ?? []].flat() as Node[]).entries()) {
      const where = `${type}.liveBlogUpdate[${i}]`;
      if (!isA(update, 'BlogPosting')) problems.push(`${where}: not a BlogPosting`);
      for (const name of ['headline', 'articleBody', 'datePublished']) if (!present(update, name)) problems.push(`${where}: required ${name} is missing`);
      dateTime('datePublished', update, where);
      const url = typeof update.url === 'string' ? update.url : '';
      if (!url.startsWith(`${page}#`) || url.includes('?')) problems.push(`${where}: url is not the page's address with an anchor`);
    }
  }
  return problems;
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLdOf($: CheerioAPI): Node[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Node);
}
