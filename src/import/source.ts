import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** A source opened for reading: its text as a stream, with what progress needs. */
export interface OpenedSource {
  /** The path or URL as the editor gave it. */
  name: string;
  /** Decoded text, chunk by chunk, from the first byte. */
  text: AsyncIterable<string>;
  /** The first characters (at least a few KB, unless the source is shorter): enough to tell its kind. */
  head: string;
  /** The encoding the bytes were read in (utf-8, windows-1251, …). */
  encoding: string;
  /** Bytes in all, when known (a file, or a Content-Length). */
  size?: number;
  /** Bytes read so far: progress. */
  readonly bytesRead: number;
}

export class SourceError extends Error {
  constructor(
    readonly code: 'source_missing' | 'source_unreadable' | 'source_http' | 'source_encoding',
    readonly params: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
  }
}

/** How the import reaches another host; tests pass one that answers from loopback only. */
export type Fetch = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

const HEAD_CHARS = 4096;

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Opens a file or an http(s) URL and decodes it: the encoding is taken from a byte order mark,
 * then the XML declaration (`encoding="windows-1251"`), then the HTTP charset, else UTF-8.
 * @example const source = await openSource('export.xml', { fetch }); for await (const t of source.text) …
 */
export async function openSource(name: string, deps: { fetch: Fetch; cwd: string }): Promise<OpenedSource> {
  let bytes: AsyncIterable<Uint8Array>;
  let size: number | undefined;
  let httpCharset: string | undefined;
  if (isUrl(name)) {
    let response: Response;
    try {
      response = await deps.fetch(name, { headers: { accept: 'application/xml, text/xml, application/rss+xml, application/atom+xml, */*' } });
    } catch (error) {
      throw new SourceError('source_unreadable', { source: name, detail: String((error as Error).cause ?? (error as Error).message) }, { cause: error });
    }
    if (!response.ok || !response.body) throw new SourceError('source_http', { source: name, status: response.status });
    const length = Number(response.headers.get('content-length'));
    size = Number.isFinite(length) && length > 0 ? length : undefined;
    httpCharset = /charset=["']?([\w-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
    bytes = response.body as unknown as AsyncIterable<Uint8Array>;
  } else {
    const file = path.resolve(deps.cwd, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new SourceError('source_unreadable', { source: name, detail: 'not a file' });
      size = info.size;
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'source_missing' : 'source_unreadable', { source: name, detail: (error as Error).message }, { cause: error });
    }
    bytes = createReadStream(file, { highWaterMark: 256 * 1024 });
  }
  return decode(name, bytes, size, httpCharset);
}

async function decode(name: string, bytes: AsyncIterable<Uint8Array>, size: number | undefined, httpCharset: string | undefined): Promise<OpenedSource> {
  const iterator = bytes[Symbol.asyncIterator]();
  let bytesRead = 0;
  // The first bytes decide the encoding: read until there are enough of them (or the end).
  const first: Uint8Array[] = [];
  let firstLength = 0;
  while (firstLength < HEAD_CHARS) {
    const next = await iterator.next();
    if (next.done) break;
    first.push(next.value);
    firstLength += next.value.length;
  }
  const start = Buffer.concat(first);
  bytesRead = start.length;
  const encoding = encodingOf(start, httpCharset);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { ignoreBOM: false });
  } catch (error) {
    throw new SourceError('source_encoding', { source: name, encoding }, { cause: error });
  }
  const head = decoder.decode(start, { stream: true });
  async function* text(): AsyncGenerator<string> {
    if (head) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      bytesRead += next.value.length;
      const chunk = decoder.decode(next.value, { stream: true });
      if (chunk) yield chunk;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return {
    name,
    text: text(),
    head,
    encoding,
    size,
    get bytesRead() {
      return bytesRead;
    },
  };
}

/**
 * The encoding of a document from its first bytes.
 * @example encodingOf(Buffer.from('<?xml version="1.0" encoding="windows-1251"?>')) // 'windows-1251'
 */
export function encodingOf(start: Uint8Array, httpCharset?: string): string {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  const ascii = Buffer.from(start.subarray(0, 512)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(ascii)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(ascii)?.[1];
  return (declared ?? httpCharset ?? 'utf-8').toLowerCase();
}
