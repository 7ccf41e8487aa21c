import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

export interface Assets {
  /** The fingerprinted URL of a file in public/, e.g. /assets/css/site.3f2a9c1b.css */
  url(name: string): string;
  /** Serves /assets/: fingerprinted names for a year, plain names briefly; nothing else. */
  middleware: RequestHandler;
  /** Every URL the middleware answers, fingerprinted and plain: what a static export copies. */
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
  return {
    urls: [...files.keys()].map((file) => `/assets${file}`),
    url(name) {
      const url = byName.get(name);
      if (!url) throw new Error(`Asset "${name}" not found in "${publicDir}"`);
      return url;
    },
    middleware(req, res, next) {
      const found = files.get(req.path);
      if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      res.setHeader('Cache-Control', found.cacheControl);
      res.sendFile(found.file, { cacheControl: false, dotfiles: 'deny', acceptRanges: false }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    },
  };
}
