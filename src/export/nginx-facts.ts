import path from 'node:path';
import { ON_THE_WIRE, PER_ANSWER } from '../http/answer-headers.js';
import type { LoopbackAnswer } from '../http/loopback.js';
import type { NginxFacts } from './manifest.js';
import type { NginxOptions } from './nginx.js';
import type { ExportEntry, ExportKind } from './plan.js';

/** Headers of one answer, not of the site: the nginx block does not repeat them. */
const NOT_SITE_WIDE = new Set([
  ...PER_ANSWER,
  ...ON_THE_WIRE,
  // Per kind of file: images may be shown by other origins (feed readers), pages may not.
  'cross-origin-resource-policy',
]);

/**
 * What the nginx block learns from the server's answers: Content-Types per extension, the
 * security headers every answer carries, Cross-Origin-Resource-Policy per kind. Each is
 * checked to be one value, since the block sends one. An incremental export asks for few
 * URLs: what it did not see comes from the manifest of the export it updates.
 */
export class NginxCollector {
  readonly #types = new Map<string, string>();
  readonly #charsetTypes = new Set<string>();
  #feedType = '';
  #security: [string, string][] | undefined;
  readonly #corp: Partial<Record<ExportKind, string>> = {};

  note(entry: ExportEntry, answer: LoopbackAnswer, type: string): void {
    const headers = siteHeaders(answer);
    this.#security ??= headers;
    const corpOf = String(answer.headers['cross-origin-resource-policy'] ?? '');
    if ((this.#corp[entry.kind] ??= corpOf) !== corpOf) throw new Error(`${entry.url}: Cross-Origin-Resource-Policy "${corpOf}" differs from the other files of its kind (${entry.kind})`);
    if (JSON.stringify(headers) !== JSON.stringify(this.#security)) throw new Error(`${entry.url}: the server sent other security headers than for the first URL; the nginx block could not send both`);
    const [base = '', ...params] = type.split(';').map((part) => part.trim());
    if (params.some((p) => p.toLowerCase() === 'charset=utf-8')) this.#charsetTypes.add(base);
    if (entry.kind === 'feed') this.#feedType = base;
    else noteType(this.#types, entry, base);
  }

  /** What another collector saw (an export thread's), held to the same one-value rules. */
  absorb(other: NginxFacts): void {
    if (other.securityHeaders.length) {
      this.#security ??= other.securityHeaders;
      if (JSON.stringify(other.securityHeaders) !== JSON.stringify(this.#security)) throw new Error('the export threads saw other security headers from one another; the nginx block could not send both');
    }
    for (const [kind, corp] of Object.entries(other.corp) as [ExportKind, string][]) {
      if ((this.#corp[kind] ??= corp) !== corp) throw new Error(`Cross-Origin-Resource-Policy "${corp}" differs from the other files of its kind (${kind})`);
    }
    for (const type of other.charsetTypes) this.#charsetTypes.add(type);
    if (other.feedType) this.#feedType = other.feedType;
    for (const [ext, type] of other.types) {
      const known = this.#types.get(ext);
      if (known && known !== type) throw new Error(`.${ext} files are sent as both ${known} and ${type}; a static server sends one type per extension`);
      this.#types.set(ext, type);
    }
  }

  /** What was seen, completed by an earlier export's facts for what this run did not ask for. */
  facts(earlier?: NginxFacts): NginxFacts {
    return {
      types: [...new Map([...(earlier?.types ?? []), ...this.#types])].sort(([a], [b]) => a.localeCompare(b)),
      charsetTypes: [...new Set([...(earlier?.charsetTypes ?? []), ...this.#charsetTypes])].sort(),
      feedType: this.#feedType || (earlier?.feedType ?? ''),
      securityHeaders: this.#security ?? earlier?.securityHeaders ?? [],
      // By kind, sorted: the manifest compares the facts as JSON, whatever order the answers came in.
      corp: Object.fromEntries(Object.entries({ ...earlier?.corp, ...this.#corp }).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

/** The block's options made of the facts. */
export function nginxOptions(facts: NginxFacts): Pick<NginxOptions, 'types' | 'charsetTypes' | 'feedType' | 'securityHeaders' | 'corp'> {
  return { types: new Map(facts.types), charsetTypes: new Set(facts.charsetTypes), feedType: facts.feedType, securityHeaders: facts.securityHeaders, corp: facts.corp };
}

/** The headers every answer carries (security headers), with their names as the server wrote them. */
function siteHeaders(answer: LoopbackAnswer): [string, string][] {
  return Object.entries(answer.headers)
    .filter(([name]) => !NOT_SITE_WIDE.has(name))
    .map(([name, value]): [string, string] => [answer.names.get(name) ?? name, Array.isArray(value) ? value.join(', ') : String(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** One extension, one type: nginx picks the type by extension (the feeds have a location of their own). */
function noteType(types: Map<string, string>, entry: ExportEntry, type: string): void {
  const ext = path.extname(entry.file).slice(1).toLowerCase();
  if (!ext) throw new Error(`${entry.url}: its file ${entry.file} has no extension, so a static server cannot know its type`);
  const known = types.get(ext);
  if (known && known !== type) throw new Error(`${entry.url}: .${ext} files are sent as both ${known} and ${type}; a static server sends one type per extension`);
  types.set(ext, type);
}
