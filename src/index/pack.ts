import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ArticleBody } from '../parse/types.js';

/**
 * A body as stored: html and text deflated together in `html`, the text after the html, whose
 * length leads (`123:<html><text>`); `text` is empty. The text repeats the html's words, so one
 * stream is about 40 % smaller than two and takes a third less time to make. A row written
 * before holds each deflated in its own column, and is read as it is.
 */
export interface PackedBody {
  html: Uint8Array;
  text: Uint8Array;
}

/** Parsing threads pack bodies, so the thread that writes the index does not. */
export function packBody(body: ArticleBody): PackedBody {
  return { html: deflateRawSync(`${body.html.length}:${body.html}${body.text}`), text: EMPTY };
}

export function unpackBody(row: { html: Uint8Array; text: Uint8Array }): ArticleBody {
  if (row.text.length) return { html: unpack(row.html), text: unpack(row.text) };
  const both = unpack(row.html);
  const colon = both.indexOf(':');
  const end = colon + 1 + Number(both.slice(0, colon));
  return { html: both.slice(colon + 1, end), text: both.slice(end) };
}

function unpack(bytes: Uint8Array): string {
  return inflateRawSync(bytes).toString('utf8');
}

const EMPTY = new Uint8Array(0);
