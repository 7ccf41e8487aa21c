/**
 * The paths an item answered at on the old site, as they arrive in a request: its permalink
 * with and without the trailing slash, its percent-encoding in both cases (WordPress writes
 * `%d0%b2`, browsers send `%D0%B2`), and WordPress's own `/?p=123` (`/?page_id=` for pages).
 * Each becomes an alias: the site answers it 301 to the new page. Only paths: the host is the
 * old site's, and a link elsewhere is not ours to answer.
 * @example oldPaths(['https://old.kz/2015/01/vybory/'], { site: 'https://old.kz', id: '7', kind: 'post' })
 * // ['/2015/01/vybory/', '/2015/01/vybory', '/?p=7']
 */
export function oldPaths(urls: readonly string[], o: { site?: string; id?: string; kind?: 'post' | 'page' }): string[] {
  const out = new Set<string>();
  const siteHost = hostOf(o.site);
  for (const url of urls) {
    const parsed = parse(url, o.site);
    if (!parsed) continue;
    // A guid on another host (a CDN's file, a feed's tag: URI) is not an address of the old site.
    if (siteHost && parsed.host !== siteHost && url.includes('://')) continue;
    if (parsed.search) {
      // WordPress's own address form, when no id says it better (a guid copied with its post keeps the original's).
      if (!o.id && /^\?(p|page_id)=\d+$/.test(parsed.search) && parsed.pathname === '/') out.add(`/${parsed.search}`);
      continue;
    }
    // A doubled slash (a site address ending in / joined to a path) is one: `//x` would be another host.
    const path = parsed.pathname.replace(/\/{2,}/g, '/');
    if (path === '/' || !path.startsWith('/')) continue;
    for (const form of encodings(path)) {
      out.add(form);
      // With and without the closing slash, as links to it were written; a file's name (x.html) has one form.
      if (!/\.\w{1,5}$/.test(form)) out.add(form.endsWith('/') ? form.replace(/\/+$/, '') : `${form}/`);
    }
  }
  if (o.id && /^\d+$/.test(o.id) && o.kind) out.add(o.kind === 'page' ? `/?page_id=${o.id}` : `/?p=${o.id}`);
  return [...out].filter((p) => p.length > 1 && p.length <= 2000);
}

function hostOf(url?: string): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

function parse(url: string, base?: string): URL | undefined {
  if (!url.trim()) return undefined;
  try {
    return new URL(url.trim(), base ?? 'http://old.invalid');
  } catch {
    return undefined;
  }
}

/**
 * The path as the URL parser gives it (Cyrillic encoded in upper case) and as the export wrote
 * it (WordPress's lower case): both reach a server.
 */
function encodings(path: string): string[] {
  const upper = path.replace(/%[0-9a-f]{2}/gi, (s) => s.toUpperCase());
  const lower = path.replace(/%[0-9a-f]{2}/gi, (s) => s.toLowerCase());
  return [...new Set([upper, lower])];
}
