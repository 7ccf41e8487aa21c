import path from 'node:path';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import type { ContentStore } from '../content/store.js';

/** Serves /media/: only files the content index lists, so no path outside media/ is ever opened. */
export function media(config: Config, store: ContentStore): RequestHandler {
  const root = path.join(config.contentDir, 'media');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let name: string;
    try {
      name = decodeURIComponent(req.path.slice(1));
    } catch {
      return next();
    }
    if (!store.index.media.has(name)) return next();
    res.setHeader('Cache-Control', config.cache.media);
    // Images are small: whole files only, so a Range header can never be unsatisfiable.
    res.sendFile(name, { root, dotfiles: 'deny', cacheControl: false, acceptRanges: false }, (error) => {
      if (error && !res.headersSent) {
        // The file went away between the index and the read: answer as if it never existed.
        for (const header of ['Cache-Control', 'ETag', 'Last-Modified', 'Content-Length', 'Content-Type']) res.removeHeader(header);
        next();
      }
    });
  };
}
