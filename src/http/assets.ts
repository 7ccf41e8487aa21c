import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

export interface Assets {
  /** The fingerprinted URL of a file in public/, e.g. /assets/css/site.3f2a9c1b.css */
  url(name: string): string;
  /** Serves /assets/: fingerprinted names for a year, plain names briefly; nothing else. */
  middleware: RequestHandler;
  /** /favicon.ico: the 32 px PNG icon in an ICO wrapper, for the browsers and tools that ask for that name. */
  favicon: RequestHandler;
  /** Every URL the middleware answers, fingerprinted and plain, and /favicon.ico: what a static export copies. */
  urls: readonly string[];
}

/**
 * Fingerprints every file in public/ once, at start. Only files found then are served, so no
 * request path ever reaches the disk unchecked.
 * @example createAssets('public', cache).url('css/site.css') // '/assets/css/site.3f2a9c1b.css'
 */
export function createAssets(publicDir: string, cache: { asset: string; plainAsset: string }): Assets {
  const byName = new Map<string, string>();
  const files = new Map<string, { file: string; cacheControl: string }>();
  for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const name = path.relative(publicDir, file).split(path.sep).join('/');
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 10);
    const ext = path.extname(name);
    const fingerprinted = `/${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
    byName.set(name, `/assets${fingerprinted}`);
    files.set(fingerprinted, { file, cacheControl: cache.asset });
    files.set(`/${name}`, { file, cacheControl: cache.plainAsset });
  }
  const favicon = icoOf(readFileSync(path.join(publicDir, 'favicon-32.png')));
  return {
    urls: [...[...files.keys()].map((file) => `/assets${file}`), '/favicon.ico'],
    favicon(req, res, next) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', cache.plainAsset);
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.type('image/x-icon').send(favicon);
    },
    url(name) {
      const url = byName.get(name);
      if (!url) throw new Error(`Asset "${name}" not found in "${publicDir}"`);
      return url;
    },
    middleware(req, res, next) {
      const found = files.get(req.path);
      if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      res.setHeader('Cache-Control', found.cacheControl);
      // Public files, logo and icons among them, may be shown by other origins (feed readers, link previews).
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      res.sendFile(found.file, { cacheControl: false, dotfiles: 'deny', acceptRanges: false }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    },
  };
}

/**
 * An ICO file holding one PNG image (allowed since Windows Vista, read by every browser): a
 * 6-byte header, one 16-byte directory entry, then the PNG's bytes as they are.
 */
export function icoOf(png: Buffer): Buffer {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0); // reserved
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(width >= 256 ? 0 : width, 6);
  head.writeUInt8(height >= 256 ? 0 : height, 7);
  head.writeUInt8(0, 8); // no palette
  head.writeUInt8(0, 9);
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // where the image starts
  return Buffer.concat([head, png]);
}
