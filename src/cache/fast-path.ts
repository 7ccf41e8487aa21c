import { validateHeaderName, validateHeaderValue, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { CachedAnswer } from '../http/front-door.js';
import { requestId } from '../http/request-log.js';
import type { Encoding, Representation } from './representation.js';
import type { ResponseCache } from './response-cache.js';
import { headOf, isConditional, negotiate, sendRepresentation } from './send-representation.js';

/** What the fast path needs to answer a URL from a cache, as the route answered it the first time. */
export interface FastRoute {
  key: string;
  /** The cache the answer is kept in. */
  store: ResponseCache;
  cacheControl: string;
  /** The headers the middleware in front of the route set (helmet's and ours), as they were. */
  headers: OutgoingHttpHeaders;
  /** When the answer stops being current by the clock alone (the news sitemap's window). */
  until?: Date;
}

interface Heads {
  /** The route they were put together for (a representation may be answered at more than one URL). */
  route: Known;
  /** For writeHead: the flat list, starting with X-Request-Id, whose value (index 1) is written per request. */
  lists: Partial<Record<Encoding, string[]>>;
  /** For the front door: the same head after X-Request-Id, as bytes, with the body. */
  answers: Partial<Record<Encoding, CachedAnswer>>;
}

interface Known extends Omit<FastRoute, 'until'> {
  until?: number;
}

/** Page URLs the fast path knows before it first forgets those the cache has dropped (see #prune). */
const PRUNE_FROM = 4096;
/** Search URLs the fast path knows at most; the least recently answered are forgotten. */
const KNOWN_QUERY_URLS = 1000;

/**
 * The fast path: once Express has answered a URL from the cache, the same URL (byte for byte)
 * is answered from the cache before Express runs at all, with the headers Express's middleware
 * set the first time. It knows only URLs a route called canonical (see routes/respond.ts), so
 * junk query strings never grow it, and it steps aside (returns false, or undefined) whenever
 * the cache has no entry for the current `version`. Two doors use it: Node's request handler
 * (`answer`) and, before Node's HTTP code, the front door (`cached`).
 */
export class FastPath {
  #pages = new Map<string, Known>();
  #pruneAt = PRUNE_FROM;
  /**
   * The heads of the 200 answers of a representation, by the representation: they live as long
   * as the cache keeps it. Kept on the route, they held every representation ever answered
   * (body, gzip and brotli) after the cache had dropped it: a crawl of the whole archive, or a
   * static export, grew the process by the archive's size (1.4 GB at 10,000 articles).
   */
  readonly #headsOf = new WeakMap<Representation, Heads>();
  /** Fast routes of queries (search): any number of URLs, so only the most recent are known. */
  #queries = new Map<string, Known>();

  constructor(
    private readonly version: () => string,
    private readonly now: () => Date,
  ) {}

  /** Remembers how `url` was answered: a page (kept), or a query (one of the most recent). */
  learn(url: string, { until, ...route }: FastRoute, kind: 'page' | 'query'): void {
    const routes = kind === 'page' ? this.#pages : this.#queries;
    routes.delete(url);
    routes.set(url, { ...route, until: until?.getTime() });
    if (this.#queries.size > KNOWN_QUERY_URLS) this.#queries.delete(this.#queries.keys().next().value!);
    if (this.#pages.size > this.#pruneAt) this.#prune();
  }

  /**
   * Forgets the pages whose answer the cache no longer has: the fast path could not answer
   * them, and Express teaches it again when it renders one anew. Without this, a crawl of the
   * whole archive (or a static export) left a route per URL, about a kilobyte each. Run when
   * the routes have doubled since the last time, so it costs O(1) per URL learnt.
   */
  #prune(): void {
    const version = this.version();
    for (const [url, route] of this.#pages) if (!route.store.has(route.key, version)) this.#pages.delete(url);
    this.#pruneAt = Math.max(PRUNE_FROM, 2 * this.#pages.size);
  }

  /** Answers a request from the cache if it can, before Express; false means "let Express answer". */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const found = this.#find(req.url ?? '');
    if (!found) return false;
    const { route, rep } = found;
    if (isConditional(req)) {
      // Rare enough to take the general way: the same headers, then sendRepresentation's 304 logic.
      res.setHeader('X-Request-Id', requestId(req));
      for (const [name, value] of Object.entries(route.headers)) if (value !== undefined) res.setHeader(name, value);
      sendRepresentation(req, res, rep, route.cacheControl);
      return true;
    }
    // The common case costs one lookup and one write: the head was put together the first time,
    // and writeHead reads it before it returns, so the request id is written into it in place.
    const encoding = rep.compressible ? negotiate(req.headers['accept-encoding']) : 'identity';
    const heads = this.#heads(route, rep);
    const head = (heads.lists[encoding] ??= ['X-Request-Id', '', ...headOf(rep, encoding, route.cacheControl, route.headers)]);
    head[1] = requestId(req);
    res.writeHead(200, head);
    res.end(req.method === 'HEAD' ? undefined : rep.body(encoding));
    return true;
  }

  /**
   * The 200 answer to an unconditional GET or HEAD of `url`, if the cache has it: what the front
   * door writes itself. The same head as `answer` writes (less the request id and Node's own lines).
   */
  cached(url: string, acceptEncoding: string | undefined): CachedAnswer | undefined {
    const found = this.#find(url);
    if (!found) return undefined;
    const { route, rep } = found;
    const encoding = rep.compressible ? negotiate(acceptEncoding) : 'identity';
    const heads = this.#heads(route, rep);
    return (heads.answers[encoding] ??= { lines: linesOf(headOf(rep, encoding, route.cacheControl, route.headers)), body: rep.body(encoding) });
  }

  #find(url: string): { route: Known; rep: Representation } | undefined {
    const route = this.#pages.get(url) ?? this.#queries.get(url);
    if (!route || (route.until !== undefined && this.now().getTime() >= route.until)) return undefined;
    const rep = route.store.get(route.key, this.version());
    return rep && { route, rep };
  }

  #heads(route: Known, rep: Representation): Heads {
    let heads = this.#headsOf.get(rep);
    if (heads?.route !== route) this.#headsOf.set(rep, (heads = { route, lists: {}, answers: {} }));
    return heads;
  }
}

/** A flat [name, value, …] head as header lines, each checked as writeHead would check it. */
function linesOf(head: string[]): Buffer {
  let lines = '';
  for (let i = 0; i < head.length; i += 2) {
    validateHeaderName(head[i]!);
    validateHeaderValue(head[i]!, head[i + 1]!);
    lines += `${head[i]}: ${head[i + 1]}\r\n`;
  }
  return Buffer.from(lines, 'latin1');
}
