import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/** No address of ours is anywhere near this long; longer ones are refused with 414. */
export const MAX_URL_LENGTH = 16 * 1024;
const READ = new Set(['GET', 'HEAD']);

/**
 * Refuses what no page can answer, before any routing: a URL over 16 KB (414), and any method
 * but GET and HEAD outside the API (405 with Allow; OPTIONS gets the Allow list itself).
 */
export function refuseUnreadable(): RequestHandler {
  return (req, res, next) => {
    if (req.originalUrl.length > MAX_URL_LENGTH) return next(new HttpError(414));
    if (READ.has(req.method) || req.path.startsWith('/api/')) return next();
    if (req.method === 'OPTIONS') {
      res.set('Allow', 'GET, HEAD, OPTIONS').status(204).end();
      return;
    }
    next(new HttpError(405, `Method ${req.method} not allowed`, { Allow: 'GET, HEAD' }));
  };
}
