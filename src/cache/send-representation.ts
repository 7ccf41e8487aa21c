import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { Encoding, Representation } from './representation.js';

/** Browsers send a handful of distinct Accept-Encoding values; more than this is someone playing. */
const NEGOTIATED_MAX = 256;
const negotiated = new Map<string, Encoding>();

/** Brotli if the client accepts it (smallest), else gzip, else identity. Remembered per header value. */
export function negotiate(acceptEncoding: string | undefined): Encoding {
  const key = acceptEncoding ?? '';
  let encoding = negotiated.get(key);
  if (encoding === undefined) {
    const accepted = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings(['br', 'gzip', 'identity']);
    encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : 'identity';
    if (negotiated.size < NEGOTIATED_MAX) negotiated.set(key, encoding);
  }
  return encoding;
}

/** Whether the request asks "only if changed": the only requests that can get a 304. */
export function isConditional(req: IncomingMessage): boolean {
  return req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
}

/**
 * Sends a representation with everything a cache needs: Content-Encoding by Accept-Encoding,
 * Vary, a strong ETag and Last-Modified, and 304 for a matching conditional GET or HEAD.
 * Plain Node objects in and out: the Express route and the fast path both send through here,
 * so that they cannot differ.
 */
export function sendRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, cacheControl: string): void {
  const encoding = rep.compressible ? negotiate(req.headers['accept-encoding']) : 'identity';
  const etag = rep.etag(encoding);
  const lastModified = rep.lastModifiedHttp;
  for (const [name, value] of Object.entries(rep.headers ?? {})) res.setHeader(name, value);
  res.setHeader('Content-Type', rep.type);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  if (isConditional(req) && fresh(req.headers, { etag, 'last-modified': lastModified })) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = rep.body(encoding);
  res.statusCode = 200;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The whole head of a 200 answer as one flat [name, value, …] list, for res.writeHead: the
 * headers sendRepresentation sets, after `before` (what the middleware in front of the route
 * set, less what the answer's own headers replace). Built once per representation and encoding by the fast path; sendRepresentation stays
 * the reference it is tested against.
 */
export function headOf(rep: Representation, encoding: Encoding, cacheControl: string, before: OutgoingHttpHeaders): string[] {
  const head: string[] = [];
  for (const [name, value] of Object.entries(before)) {
    if (value === undefined || rep.headers?.[name] !== undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) head.push(name, String(one));
  }
  for (const [name, value] of Object.entries(rep.headers ?? {})) head.push(name, value);
  head.push('Content-Type', rep.type, 'Cache-Control', cacheControl, 'Vary', 'Accept-Encoding', 'ETag', rep.etag(encoding));
  if (rep.lastModifiedHttp) head.push('Last-Modified', rep.lastModifiedHttp);
  if (encoding !== 'identity') head.push('Content-Encoding', encoding);
  head.push('Content-Length', String(rep.body(encoding).length));
  return head;
}
