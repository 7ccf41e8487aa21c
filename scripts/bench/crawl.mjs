/**
 * A crawler's visit, as a warm-up before memory is read: home pages, feeds, sitemaps, then
 * every URL the sitemaps list — bounded in count and time, since at 10,000 articles the full
 * list (about 17,000 article URLs) would take longer than the whole benchmark may.
 */
import { gunzipSync } from 'node:zlib';
import { get, keepAliveAgent, sitemapPaths } from './http.mjs';

const LANGS = ['ru', 'kk', 'en'];
const HEADERS = { 'Accept-Encoding': 'gzip', 'User-Agent': 'dknews-bench-crawler' };

/**
 * Fetches up to `maxUrls` URLs or for up to `maxMs`, whichever comes first, `concurrency` at
 * a time. Resolves { fetched, listed, ms, failed, stoppedBy }.
 */
export async function crawl(port, { maxUrls, maxMs, concurrency = 4 }) {
  const agent = keepAliveAgent(concurrency);
  const started = performance.now();
  const fetchPath = (path) => get(port, path, { headers: HEADERS, agent });
  try {
    const urls = await listUrls(fetchPath);
    const todo = urls.slice(0, maxUrls);
    let next = 0;
    let fetched = 0;
    let failed = 0;
    let timedOut = false;
    const worker = async () => {
      while (next < todo.length) {
        if (performance.now() - started > maxMs) {
          timedOut = true;
          return;
        }
        const path = todo[next++];
        try {
          const res = await fetchPath(path);
          if (res.status !== 200) failed++;
        } catch {
          failed++;
        }
        fetched++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const stoppedBy = timedOut ? 'time' : todo.length < urls.length ? 'count' : 'end of list';
    return { fetched, listed: urls.length, ms: performance.now() - started, failed, stoppedBy };
  } finally {
    agent.destroy();
  }
}

/**
 * Every URL a crawler learns from the site: fixed entry points, the sitemap index and its
 * children, then the children's URLs — article lists interleaved, so that a bounded crawl
 * still visits every language. Topic feeds come from the topic pages the sitemaps list.
 */
async function listUrls(fetchPath) {
  const entry = ['/robots.txt', '/sitemap.xml', '/sitemap-news.xml', ...LANGS.flatMap((l) => [`/${l}/`, `/${l}/rss.xml`, `/${l}/topics`])];
  const children = sitemapPaths(await text(fetchPath, '/sitemap.xml'));
  const lists = [];
  for (const child of children) {
    const paths = sitemapPaths(await text(fetchPath, child));
    const topicFeeds = paths.filter((p) => /^\/[a-z]{2}\/topics\/[^/]+$/.test(p)).map((p) => `${p}/rss.xml`);
    lists.push([...paths, ...topicFeeds]);
  }
  return [...new Set([...entry, ...children, ...interleave(lists)])];
}

/** A body as text; the crawler asks for gzip like a real one, so it may have to unpack it. */
async function text(fetchPath, path) {
  const res = await fetchPath(path);
  return (res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body).toString();
}

/** [a1, a2], [b1] → a1, b1, a2. */
function interleave(lists) {
  const out = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}
