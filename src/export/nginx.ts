import { DEFAULT_LANG, LANGS } from '../i18n/languages.js';
import { PAGES_DIR, type ExportKind } from './plan.js';

/** The first line of every block written: an export folder is recognised by it (see write.ts). */
export const NGINX_MARKER = '# DKNews.kz static export: nginx server block';

export interface NginxOptions {
  /** Absolute path of the export folder. */
  root: string;
  /** The site's host name, from SITE_URL. */
  serverName: string;
  /** Headers every answer of the server carries (CSP, HSTS, …), as the server sent them. */
  securityHeaders: [string, string][];
  /** Cache-Control per kind of file. */
  cacheControl: Record<ExportKind, string>;
  /** File extension → MIME type without parameters, as the server answered each exported file. */
  types: Map<string, string>;
  /** The MIME types the server sent with charset=utf-8. */
  charsetTypes: Set<string>;
  /** The feeds' type: their files end in .xml like the sitemaps. */
  feedType: string;
  /** Old article paths (front matter aliases) → where they now live. */
  redirects: ReadonlyMap<string, string>;
  /** When the export was made, for the header comment. */
  exportedAt: Date;
}

/** Characters an alias may have to be written into the block as it is; others are left out. */
const SAFE_PATH = /^\/[A-Za-z0-9._~!&'()*+,=:@%/-]*$/;
const LANG_GROUP = `(${LANGS.join('|')})`;

/**
 * A server block for nginx that serves the export folder as the server serves the site: the
 * same redirects (/, /ru, trailing slashes, aliases), the 404 page of each language, the same
 * Cache-Control per kind and security headers, the same Content-Types, ?page=N of the lists,
 * and the precompressed .gz (gzip_static) and .br (brotli_static, with the ngx_brotli module)
 * files. Anything else — /api/, search, a file's own name like /ru/index.html — is not found,
 * as on the server.
 */
export function nginxServerBlock(o: NginxOptions): string {
  const others = LANGS.filter((l) => l !== DEFAULT_LANG).join('|');
  // Headers are set once for the whole server: a location with an add_header of its own would
  // drop all of them. Each location sets only $dk_cache, which is empty (not sent) on redirects.
  const serve = (kind: ExportKind, ...lines: string[]) => [...lines, `set $dk_cache ${literal(o.cacheControl[kind])};`];
  const location = (match: string, lines: string[]) => [`location ${match} {`, ...lines.map((l) => `    ${l}`), '}', ''];
  const aliases = [...o.redirects].filter(([from]) => SAFE_PATH.test(from)).sort(([a], [b]) => a.localeCompare(b));
  const skipped = o.redirects.size - aliases.length;

  const body = [
    'listen 80;',
    `server_name ${o.serverName};`,
    `root ${literal(o.root)};`,
    '',
    '# The Location of a redirect is a path, as the server sends it; no version in Server.',
    'absolute_redirect off;',
    'server_tokens off;',
    '',
    '# Every compressible file has its .gz (and .br) next to it, made as the server makes its own.',
    'gzip off;',
    'gzip_static on;',
    'gzip_vary on;',
    '# With the ngx_brotli module loaded (Debian: apt-get install libnginx-mod-http-brotli-static):',
    '# brotli_static on;',
    '',
    '# Content-Types as the server sends them.',
    'types {',
    ...[...o.types].sort(([a], [b]) => a.localeCompare(b)).map(([ext, type]) => `    ${type} ${ext};`),
    '}',
    'charset utf-8;',
    // nginx always counts text/html among them, and warns when it is named.
    `charset_types ${[...o.charsetTypes].filter((t) => t !== 'text/html').sort().join(' ')};`,
    '',
    '# Every answer carries the headers the server sends on every answer, and its kind\'s Cache-Control.',
    'set $dk_cache "";',
    'add_header Cache-Control $dk_cache always;',
    '# Only the root varies by language; elsewhere $dk_vary is empty, and an empty header is not sent.',
    'set $dk_vary "";',
    'add_header Vary $dk_vary always;',
    ...o.securityHeaders.map(([name, value]) => `add_header ${name} ${literal(value)} always;`),
    '',
    '# The 404 page in the language of the address; Russian for anything else.',
    `set $dk_lang ${DEFAULT_LANG};`,
    `if ($uri ~ "^/(${others})(/|$)") {`,
    '    set $dk_lang $1;',
    '}',
    'error_page 404 /$dk_lang/404.html;',
    '',
    `# ?page=N of a list: page 1 is the list's own file, pages 2 and later are under /${PAGES_DIR}/.`,
    '# A page parameter that is not a page number is not found, as on the server.',
    'set $dk_page_file "";',
    'if ($args ~ "(^|&)page(=|&|$)") {',
    `    set $dk_page_file /${PAGES_DIR}/not-a-page;`,
    '}',
    'if ($arg_page ~ "^[1-9][0-9]{0,5}$") {',
    `    set $dk_page_file /${PAGES_DIR}$uri/$arg_page.html;`,
    '}',
    'if ($arg_page = 1) {',
    '    set $dk_page_file "";',
    '}',
    '',
    `# / → the reader's language by the first language of Accept-Language (the server weighs them all), ${DEFAULT_LANG} otherwise.`,
    ...location('= /', [
      'set $dk_vary Accept-Language;',
      `set $dk_root_lang ${DEFAULT_LANG};`,
      ...LANGS.filter((l) => l !== DEFAULT_LANG).flatMap((l) => [`if ($http_accept_language ~* "^\\s*${l}\\b") {`, `    set $dk_root_lang ${l};`, '}']),
      'return 302 /$dk_root_lang/$is_args$args;',
    ]),
    '# Canonical addresses, all permanent and keeping the query: /ru → /ru/, no trailing slash.',
    ...(aliases.length || skipped ? [`# Old article paths (front matter aliases)${skipped ? `; ${skipped} with characters unsafe here left out` : ''}.`] : []),
    ...aliases.flatMap(([from, to]) => location(`= ${quote(from)}`, [`return 301 ${quote(`${to}$is_args$args`)};`])),
    ...location(`^~ /${PAGES_DIR}/`, serve('page', 'internal;')),
    '# A precompressed copy is never an address of its own.',
    ...location('~ "\\.(gz|br)$"', ['return 404;']),
    ...location(`~ "^/${LANG_GROUP}$"`, ['return 301 /$1/$is_args$args;']),
    // $uri is decoded: a %0D%0A in the address must not reach the Location header as a line break.
    ...location(`~ "^/${LANG_GROUP}/([^\\x00-\\x20\\x7f]+?)/+$"`, ['return 301 /$1/$2$is_args$args;']),
    '# The 404 pages: only ever an answer, never an address.',
    ...location(`~ "^/${LANG_GROUP}/404(\\.html)?$"`, serve('notFound', 'internal;')),
    ...location('= /404.html', serve('notFound', 'internal;')),
    '# Pages: home and list pages (with ?page=N), articles, the topic and author indexes, static pages.',
    ...location(`~ "^/${LANG_GROUP}/$"`, serve('page', 'if ($dk_page_file) {', '    rewrite ^ $dk_page_file? last;', '}', 'try_files ${uri}index.html =404;')),
    ...location(`~ "^/${LANG_GROUP}/((topics|authors)/[^/.]+|news)$"`, serve('page', 'if ($dk_page_file) {', '    rewrite ^ $dk_page_file? last;', '}', 'try_files $uri.html =404;')),
    ...location(`~ "^/${LANG_GROUP}/(news/[^/.]+|[a-z0-9]+(-[a-z0-9]+)*)$"`, serve('page', 'try_files $uri.html =404;')),
    '# Feeds, sitemaps, robots.txt.',
    ...location(`~ "^/${LANG_GROUP}/((topics|authors)/[^/.]+/)?rss\\.xml$"`, serve('feed', 'types {', `    ${o.feedType} xml;`, '}', 'try_files $uri =404;')),
    ...location('~ "^/(sitemap|sitemap-news|sitemaps/[^/]+)\\.xml$"', serve('sitemap', 'try_files $uri =404;')),
    ...location('= /robots.txt', serve('robots', 'try_files $uri =404;')),
    '# Assets: fingerprinted names for a year, plain names briefly; content images.',
    ...location('~ "^/assets/.+\\.[0-9a-f]{10}\\.[^/.]+$"', serve('asset', 'try_files $uri =404;')),
    ...location('~ "^/assets/"', serve('plainAsset', 'try_files $uri =404;')),
    ...location('~ "^/media/"', serve('media', 'try_files $uri =404;')),
    '# Anything else is not an address of the site.',
    ...location('/', ['return 404;']),
  ];

  return [
    NGINX_MARKER,
    `# Written by \`npm run export\` at ${o.exportedAt.toISOString()}; written anew by every export.`,
    '# Include it in the http {} block (e.g. from /etc/nginx/sites-enabled/). For HTTPS, add your',
    '# `listen 443 ssl` and certificate lines; if the folder moves, change `root`.',
    'server {',
    ...body.map((line) => (line ? `    ${line}` : '')),
    '}',
    '',
  ].join('\n');
}

/** A value nginx must not read variables in: one with a $ cannot be written, and is refused. */
function literal(value: string): string {
  if (value.includes('$')) throw new Error(`Cannot write ${JSON.stringify(value)} into the nginx block: nginx would read its $ as a variable`);
  return quote(value);
}

/** A string as one nginx token: double-quoted, with quotes and backslashes escaped. */
function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
