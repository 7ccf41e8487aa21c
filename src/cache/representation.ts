import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Headers an answer carries of its own, by lower-case name. */
export type AnswerHeaders = Readonly<Record<string, string>>;

/** Bodies smaller than this gain nothing from compression. */
const MIN_COMPRESS = 1024;
// Brotli 6 is as small as gzip plus a tenth, at about 0.5 ms for a 33 KB page; 11 takes 30 ms.
const BROTLI_QUALITY = 6;
/**
 * gzip 6, zlib's default: on 2,087 exported pages, feeds and sitemaps (69 MB) 0.23 % bigger
 * than level 9 and 24 % faster (0.34 against 0.45 ms a file; docs/performance.md, the static
 * export). Brotli 5 would save 10 % of brotli's time for 0.5 % more bytes: kept at 6.
 */
const GZIP_LEVEL = 6;
/**
 * Bodies at least this big are compressed on libuv's threads (Representation.of), not on the
 * event loop: a sitemap of 10,000 URLs (3 MB) takes about 100 ms to compress, a feed of 50
 * full texts (300–550 KB) 10–20 ms, a pause for every reader. Pages (under 200 KB, a few ms)
 * stay on the main thread: each of libuv's threads keeps the memory its compressions used, and
 * a crawl of pages would cost 100 MB of it.
 */
const COMPRESS_OFF_THREAD = 256 * 1024;
let offThreadFrom = COMPRESS_OFF_THREAD;

/**
 * Compresses bodies of at least `bytes` on libuv's threads from now on, for this process: the
 * static export, which renders one page after another and has nobody waiting, gives every
 * page's gzip and brotli to the other core (`0`). The bytes are the same either way. Returns
 * the setting it replaces.
 */
export function compressOffThreadFrom(bytes: number): number {
  const was = offThreadFrom;
  offThreadFrom = bytes;
  return was;
}
const gzipAsync = promisify(gzip);
const brotliAsync = promisify<Buffer, BrotliOptions, Buffer>(brotliCompress);

/**
 * Brotli's window just big enough for the body (a window is 2^lgwin less 16 bytes; 10 to 24):
 * the encoder then reaches as far back as the default 4 MB window would, in tables sized for
 * the page, not for 4 MB. With glibc's mmap threshold at 64 KB (`npm start`, `npm run
 * export`), the default window's tables were mapped and unmapped for every page, and brotli
 * took twice as long: 1.02 against 0.55 ms for pages, lists, feeds and sitemaps of 49 KB on
 * average, and 0.1 % fewer bytes (docs/performance.md, the static export).
 */
function brotliWindow(size: number): number {
  return Math.max(constants.BROTLI_MIN_WINDOW_BITS, Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.ceil(Math.log2(size + 16))));
}

/**
 * gzip's window, likewise just big enough (deflate reaches back 2^windowBits less 262 bytes;
 * 9 to 15): the same bytes as the default 32 KB window, 8 % faster on the same files.
 */
function gzipOptions(size: number): ZlibOptions {
  return { level: GZIP_LEVEL, windowBits: Math.max(9, Math.min(15, Math.ceil(Math.log2(size + 262)))) };
}

function brotliOptions(size: number): BrotliOptions {
  return { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: size, [constants.BROTLI_PARAM_LGWIN]: brotliWindow(size) } };
}

/**
 * One answer's bytes, made once: the body, its gzip and brotli forms, a strong ETag per
 * encoding, and when its content last changed. Nothing is compressed per request.
 */
export class Representation {
  readonly identity: Buffer;
  readonly gzip?: Buffer;
  readonly br?: Buffer;
  readonly hash: string;
  readonly size: number;
  /** lastModified as an HTTP date, formatted once. */
  readonly lastModifiedHttp?: string;

  /** The same as the constructor, with a big body compressed off the event loop. */
  static async of(body: string | Buffer, type: string, lastModified?: Date, headers?: AnswerHeaders): Promise<Representation> {
    const identity = typeof body === 'string' ? Buffer.from(body) : body;
    if (identity.length < offThreadFrom || identity.length < MIN_COMPRESS) return new Representation(identity, type, lastModified, undefined, headers);
    const [gzipped, br] = await Promise.all([gzipAsync(identity, gzipOptions(identity.length)), brotliAsync(identity, brotliOptions(identity.length))]);
    return new Representation(identity, type, lastModified, { gzip: gzipped, br }, headers);
  }

  constructor(
    body: string | Buffer,
    readonly type: string,
    readonly lastModified?: Date,
    compressed?: { gzip: Buffer; br: Buffer },
    /** Headers of this answer that replace the site-wide ones (a page with embeds: its Content-Security-Policy). */
    readonly headers?: AnswerHeaders,
  ) {
    this.lastModifiedHttp = lastModified?.toUTCString();
    this.identity = typeof body === 'string' ? Buffer.from(body) : body;
    this.hash = createHash('sha256').update(this.identity).digest('base64url').slice(0, 27);
    if (this.identity.length >= MIN_COMPRESS) {
      // zlib's output is a slice of a 16 KB chunk (or of a bigger one): copied to its own
      // exact-size memory, so that the cache holds what it counts.
      this.gzip = Buffer.from(compressed?.gzip ?? gzipSync(this.identity, gzipOptions(this.identity.length)));
      this.br = Buffer.from(compressed?.br ?? brotliCompressSync(this.identity, brotliOptions(this.identity.length)));
    }
    this.size = this.identity.length + (this.gzip?.length ?? 0) + (this.br?.length ?? 0);
  }

  get compressible(): boolean {
    return this.gzip !== undefined;
  }

  body(encoding: Encoding): Buffer {
    return (encoding === 'identity' ? undefined : this[encoding]) ?? this.identity;
  }

  /** Strong ETag of one encoding: different bytes, different tag. */
  etag(encoding: Encoding): string {
    return encoding === 'identity' ? `"${this.hash}"` : `"${this.hash}-${encoding}"`;
  }
}
