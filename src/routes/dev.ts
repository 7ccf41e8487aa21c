import { Router, type RequestHandler } from 'express';
import type { ContentStore } from '../sync/store.js';
import { contentVersion } from '../render/content-version.js';

/** How often an open event stream compares the store's content version with the last one sent. */
const POLL_MS = 100;

// Served from here, not from public/: the file does not exist in production.
const RELOAD_SCRIPT = `// npm run dev: reloads this page when the content it was made from changes.
const version = document.currentScript.dataset.version;
new EventSource('/__dev/events').addEventListener('version', (event) => {
  if (event.data !== version) location.reload();
});
`;

/**
 * The development server's live reload (never mounted in production): an event stream that
 * sends the content version whenever it changes, and the small script every page loads to
 * follow it. Same origin, an external script: the Content-Security-Policy stays as strict.
 */
export function devRouter(store: ContentStore): Router {
  const router = Router();
  router.get('/__dev/reload.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-store').send(RELOAD_SCRIPT);
  });
  router.get('/__dev/events', events(store));
  return router;
}

function events(store: ContentStore): RequestHandler {
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    // Reconnect quickly after the dev server restarts.
    res.write('retry: 500\n\n');
    let sent = '';
    const send = () => {
      const version = contentVersion(store.index);
      if (version === sent) return;
      sent = version;
      res.write(`event: version\ndata: ${version}\n\n`);
    };
    send();
    const timer = setInterval(send, POLL_MS);
    req.on('close', () => clearInterval(timer));
  };
}
