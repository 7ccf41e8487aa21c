import type { IncomingMessage, ServerResponse } from 'node:http';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import type { Encoding, Representation } from './representation.js';

/** Brotli if the client accepts it (smallest), else gzip, else identity. */
export function negotiate(acceptEncoding: string | undefined): Encoding {
  const accepted = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings(['br', 'gzip', 'identity']);
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
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
  const lastModified = rep.lastModified?.toUTCString();
  res.setHeader('Content-Type', rep.type);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (lastModified) res.setHeader('Last-Modified', lastModified);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  if (fresh(req.headers, { etag, 'last-modified': lastModified })) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = rep.body(encoding);
  res.statusCode = 200;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
