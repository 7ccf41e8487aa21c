import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A plain static file server, as any static host is: a URL's path is a file, an address
 * without an extension is that name plus .html, one ending in / is its index.html, and the
 * one rule of this layout a host must be told: ?page=N (N > 1) is _pages/<list>/N.html. Not
 * found is the 404.html of the address's language, else the root one. Types by extension;
 * `headers` on every answer. Folder and headers are asked for per request: a test may export after listening.
 */
export function staticServer(root: () => string, headers: () => OutgoingHttpHeaders = () => ({})): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://static');
    const name = decodeURIComponent(url.pathname);
    const page = url.searchParams.get('page');
    const file = page && page !== '1' ? `_pages${name.replace(/\/$/, '')}/${page}.html` : name.endsWith('/') ? `${name}index.html` : path.extname(name) ? name : `${name}.html`;
    const send = async (status: number, relative: string) => {
      const body = await readFile(path.join(root(), relative));
      res.writeHead(status, { ...headers(), 'Content-Type': TYPES[path.extname(relative)] ?? 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    };
    try {
      await send(200, file);
    } catch {
      const lang = name.split('/')[1];
      await send(404, existsSync(path.join(root(), `${lang}/404.html`)) ? `${lang}/404.html` : '404.html');
    }
  });
}
