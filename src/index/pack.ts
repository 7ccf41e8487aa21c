import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleBody } from '../parse/types.js';

/** A body as stored: html and text each deflated, a third of their size (Russian text compresses well). */
export interface PackedBody {
  html: Uint8Array;
  text: Uint8Array;
}

/** Parsing threads pack bodies, so the thread that writes the index does not. */
export function packBody(body: ArticleBody): PackedBody {
  return { html: deflateRawSync(body.html), text: deflateRawSync(body.text) };
}

export function unpackBody(row: { html: Uint8Array; text: Uint8Array }): ArticleBody {
  return { html: unpack(row.html), text: unpack(row.text) };
}

export function unpack(bytes: Uint8Array): string {
  return inflateRawSync(bytes).toString('utf8');
}
