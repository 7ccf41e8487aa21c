import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../text/slug.js';
import { monthFolder } from './dates.js';
import type { Fetch } from './source.js';
import { decodeSlug } from './slugs.js';

/**
 * Where a picture or video of the old site comes from: a copy of its uploads folder
 * (`--uploads DIR`, the files under wp-content/uploads), else the old site itself, unless the
 * import runs offline. Only files that are what their name says (read from their first bytes)
 * are taken: an error page saved as photo.jpg would break the article.
 */
export interface MediaSource {
  uploads?: string;
  fetch?: Fetch;
  /** Largest file taken, in bytes. */
  maxBytes: number;
}

export type Fetched = { bytes: Buffer; from: 'uploads' | 'download' } | { lost: string };

const KINDS: { ext: string[]; test: (b: Buffer) => boolean; video?: boolean }[] = [
  { ext: ['jpg', 'jpeg'], test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: ['png'], test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { ext: ['gif'], test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { ext: ['webp'], test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { ext: ['avif'], test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /avi[fs]/.test(b.subarray(8, 12).toString('latin1')) },
  { ext: ['mp4', 'm4v', 'mov'], test: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp', video: true },
  { ext: ['webm'], test: (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3, video: true },
];

/** The extension a file's bytes call for, or undefined when it is no picture or video we serve. */
export function mediaExtension(bytes: Buffer, video: boolean): string | undefined {
  const kind = KINDS.find((k) => k.test(bytes));
  if (!kind || Boolean(kind.video) !== video) return undefined;
  return kind.ext[0];
}

/**
 * The file of one address, from the uploads copy or downloaded. A resized copy WordPress made
 * (`photo-300x200.jpg`) is first looked for as its original (`photo.jpg`).
 */
export async function fetchMedia(url: string, source: MediaSource, video: boolean): Promise<Fetched> {
  const candidates = [...new Set([url.replace(/-\d+x\d+(\.\w+)(\?.*)?$/, '$1'), url])];
  let reason = 'not found';
  for (const candidate of candidates) {
    const local = source.uploads ? uploadsPath(candidate, source.uploads) : undefined;
    if (local) {
      try {
        const bytes = await readFile(local);
        if (mediaExtension(bytes, video)) return { bytes, from: 'uploads' };
        reason = 'not an image';
      } catch {
        // Not in the copy: perhaps on the old site.
      }
    }
  }
  if (!source.fetch) return { lost: source.uploads ? `not in ${source.uploads}` : 'offline' };
  if (!/^https?:\/\//i.test(url)) return { lost: 'no address' };
  for (const candidate of candidates) {
    try {
      const response = await source.fetch(candidate, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) {
        reason = `HTTP ${response.status}`;
        continue;
      }
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > source.maxBytes) return { lost: `over ${Math.round(source.maxBytes / 1e6)} MB` };
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!mediaExtension(bytes, video)) {
        reason = video ? 'not a video' : 'not an image';
        continue;
      }
      return { bytes, from: 'download' };
    } catch (error) {
      reason = String((error as Error).cause ?? (error as Error).message);
    }
  }
  return { lost: reason };
}

/**
 * The file in a copy of wp-content/uploads that an address names:
 * `https://old.kz/wp-content/uploads/2013/03/a.jpg` → DIR/2013/03/a.jpg (WordPress.com's
 * `files.wordpress.com/2013/03/a.jpg` too). Never outside DIR.
 */
export function uploadsPath(url: string, uploads: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x.invalid').pathname);
  } catch {
    return undefined;
  }
  const rest = /\/wp-content\/uploads\/(.+)$/.exec(pathname)?.[1] ?? /^\/(\d{4}\/\d{2}\/[^/]+)$/.exec(pathname)?.[1] ?? /\/files\/(\d{4}\/\d{2}\/.+)$/.exec(pathname)?.[1];
  if (!rest || rest.split('/').some((part) => part === '..' || part === '')) return undefined;
  return path.join(uploads, ...rest.split('/'));
}

/**
 * Where an address's file goes under media/: its month from the uploads path (`/2013/03/`), else
 * the article's; its name transliterated like a slug, the extension its bytes call for.
 * @example mediaTarget('https://old.kz/wp-content/uploads/2013/03/Фото%201.JPG', new Date(), 'jpg') // '2013/03/foto-1.jpg'
 */
export function mediaTarget(url: string, date: Date, ext: string): string {
  let pathname = url;
  try {
    pathname = new URL(url, 'http://x.invalid').pathname;
  } catch {
    // Keep it as it is.
  }
  const month = /\/(\d{4})\/(\d{2})\/[^/]+$/.exec(pathname);
  const folder = month && Number(month[2]) >= 1 && Number(month[2]) <= 12 ? `${month[1]}/${month[2]}` : monthFolder(date);
  const name = decodeSlug(pathname.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  return `${folder}/${slugify(name).slice(0, 80) || 'file'}.${ext}`;
}
