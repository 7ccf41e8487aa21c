/**
 * Plain HTTP GETs to 127.0.0.1 with node:http, not fetch: the benchmark needs the bytes as
 * sent (a gzip body stays gzip) and the headers as sent, in order.
 */
import http from 'node:http';

/**
 * GET http://127.0.0.1:port/path. Resolves { status, rawHeaders, headers, body } with the body
 * as a Buffer, undecoded.
 */
export function get(port, path, { headers = {}, agent = false, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, rawHeaders: res.rawHeaders, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** A keep-alive agent for many requests in a row (the crawl). */
export function keepAliveAgent(maxSockets) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/**
 * Polls GET path until it answers 200; resolves with the milliseconds since `since`
 * (a performance.now() value). Rejects if `child` exits first or after `timeoutMs`.
 */
export async function waitForOk(port, path, { since, timeoutMs, child, intervalMs = 25 }) {
  const deadline = since + timeoutMs;
  let exited = false;
  child?.exited.then(() => (exited = true));
  while (performance.now() < deadline) {
    if (exited) throw new Error(`the server exited before answering ${path}:\n${child.tail()}`);
    try {
      const res = await get(port, path, { timeoutMs: Math.max(100, deadline - performance.now()) });
      if (res.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`no 200 from ${path} within ${Math.round(timeoutMs / 1000)} s`);
}

/** Every <loc> of a sitemap or sitemap index, as a path (the origin is SITE_URL's, not ours). */
export function sitemapPaths(xml) {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const url = new URL(m[1].replace(/&amp;/g, '&'));
    return url.pathname + url.search;
  });
}
