import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies smaller than this gain nothing from compression. */
const MIN_COMPRESS = 1024;

/**
 * One answer's bytes, made once: the body, its compressed forms (on first need), a strong
 * ETag per encoding, and when its content last changed.
 */
export class Representation {
  readonly identity: Buffer;
  readonly hash: string;
  #gzip?: Buffer;
  #br?: Buffer;

  constructor(
    body: string | Buffer,
    readonly type: string,
    readonly lastModified?: Date,
  ) {
    this.identity = typeof body === 'string' ? Buffer.from(body) : body;
    this.hash = createHash('sha256').update(this.identity).digest('base64url').slice(0, 27);
  }

  get compressible(): boolean {
    return this.identity.length >= MIN_COMPRESS;
  }

  /** The body in an encoding, compressed once and kept. */
  body(encoding: Encoding): Buffer {
    if (encoding === 'gzip') return (this.#gzip ??= gzipSync(this.identity, { level: 9 }));
    if (encoding === 'br') {
      return (this.#br ??= brotliCompressSync(this.identity, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.length },
      }));
    }
    return this.identity;
  }

  /** Strong ETag of one encoding: different bytes, different tag. */
  etag(encoding: Encoding): string {
    return encoding === 'identity' ? `"${this.hash}"` : `"${this.hash}-${encoding}"`;
  }

  /** Bytes held, counting the compressed forms made so far. */
  get size(): number {
    return this.identity.length + (this.#gzip?.length ?? 0) + (this.#br?.length ?? 0);
  }
}
