import path from 'node:path';
import type { RequestHandler, Response } from 'express';
import type { Config } from '../config.js';
import type { ContentStore } from '../sync/store.js';
import type { MediaLibrary } from '../media/library.js';

/** /media/_/<hash>/<variant>: a derivative, named by its original's content hash (see media/ladder.ts). */
const DERIVATIVE = /^_\/([0-9a-f]{20})\/([0-9a-z]+\.(?:avif|webp|jpg|png))$/;

/**
 * Serves /media/: the originals the content index lists (so no path outside media/ is ever
 * opened) and their derivatives. Byte ranges are answered (206, 416 for one past the end);
 * every answer may be shown by other origins (feed readers show our images inside their pages).
 */
export function media(config: Config, store: ContentStore, images?: MediaLibrary): RequestHandler {
  const root = path.join(config.contentDir, 'media');
  return async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let name: string;
    try {
      name = decodeURIComponent(req.path.slice(1));
    } catch {
      return next();
    }
    const derivative = DERIVATIVE.exec(name);
    if (derivative && images) {
      let made;
      try {
        made = await images.derivative(derivative[1]!, derivative[2]!);
      } catch (error) {
        // The picture exists, making it failed (a full disk, memory): not a 404 that hides it, but
        // the error page, logged with its cause. Nothing remembers the failure; the next request tries again.
        return next(error);
      }
      if (!made) return next();
      res.type(made.type);
      return send(res, made.file, { root: undefined, cacheControl: config.cache.derivative }, next);
    }
    if (!store.index.media.has(name)) return next();
    send(res, name, { root, cacheControl: config.cache.media }, next);
  };
}

function send(res: Response, file: string, options: { root: string | undefined; cacheControl: string }, next: () => void): void {
  res.setHeader('Cache-Control', options.cacheControl);
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.sendFile(file, { root: options.root, dotfiles: 'deny', cacheControl: false, acceptRanges: true }, (error: (Error & { status?: number; headers?: Record<string, string> }) | undefined) => {
    if (error?.status === 416 && !res.headersSent) {
      // A range past the end: 416 with the file's length (send gives it as Content-Range: bytes */size).
      for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
      res.status(416).end();
    } else if (error && !res.headersSent) {
      // The file went away between the index and the read: answer as if it never existed.
      for (const header of ['Cache-Control', 'ETag', 'Last-Modified', 'Content-Length', 'Content-Type', 'Cross-Origin-Resource-Policy']) res.removeHeader(header);
      next();
    }
  });
}
