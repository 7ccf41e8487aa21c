/**
 * Headers set by each answer itself, not by the middleware in front of every route: the body's
 * length, encoding, type and validators, its lifetime, the request id. The fast path does not
 * replay them (routes/respond.ts); the export does not write them into the nginx block.
 */
export const PER_ANSWER: ReadonlySet<string> = new Set(['x-request-id', 'content-length', 'content-encoding', 'etag', 'last-modified', 'vary', 'content-type', 'cache-control']);

/** Headers Node writes on the wire (or send() for files) that no middleware set: only a client sees them. */
export const ON_THE_WIRE: ReadonlySet<string> = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'accept-ranges']);
