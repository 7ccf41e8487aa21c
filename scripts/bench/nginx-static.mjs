/**
 * nginx serving answers recorded from our server as static files with gzip_static: the
 * identity body as a file, its gzip body beside it as FILE.gz, our headers added by
 * add_header, the ETag of the encoding chosen, the file's time set to our Last-Modified. The
 * reference a cached page is compared with: what a static server does with the same bytes.
 *
 * Debian's nginx, installed for the deployment tests by scripts/ensure-packages.sh.
 */
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NGINX = '/usr/sbin/nginx';

/** Headers nginx writes itself for a static file, or that add_header must not repeat. */
const OWN = new Set(['content-type', 'content-length', 'content-encoding', 'last-modified', 'etag', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'accept-ranges', 'server']);

/**
 * Writes nginx's prefix folder for `recorded` ({ path: { gzip, identity } }, answers as
 * bare-server.mjs reads them) and returns the command line that starts it on `port`.
 */
export function nginxSite(prefix, recorded, port) {
  const root = path.join(prefix, 'root');
  mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  mkdirSync(root, { recursive: true });
  const maps = [];
  const locations = [];
  Object.entries(recorded).forEach(([urlPath, { gzip, identity }], i) => {
    const file = `/page-${i}`;
    const header = (answer, name) => {
      const at = answer.headers.findIndex((h, k) => k % 2 === 0 && h.toLowerCase() === name);
      return at === -1 ? undefined : answer.headers[at + 1];
    };
    writeFileSync(path.join(root, file), Buffer.from(identity.body, 'base64'));
    const compressed = header(gzip, 'content-encoding') === 'gzip';
    if (compressed) writeFileSync(path.join(root, `${file}.gz`), Buffer.from(gzip.body, 'base64'));
    const lastModified = header(identity, 'last-modified');
    if (lastModified) {
      const time = new Date(lastModified);
      utimesSync(path.join(root, file), time, time);
      if (compressed) utimesSync(path.join(root, `${file}.gz`), time, time);
    }
    maps.push(`map $http_accept_encoding $etag_${i} { ~*gzip ${quote(header(compressed ? gzip : identity, 'etag') ?? '')}; default ${quote(header(identity, 'etag') ?? '')}; }`);
    const added = [];
    for (let k = 0; k < identity.headers.length; k += 2) {
      const name = identity.headers[k];
      if (!OWN.has(name.toLowerCase()) && !/^x-request-id$/i.test(name)) added.push(`    add_header ${name} ${quote(identity.headers[k + 1])};`);
    }
    locations.push(
      [
        `  location = ${urlPath} {`,
        `    default_type ${quote(header(identity, 'content-type') ?? 'application/octet-stream')};`,
        `    add_header ETag $etag_${i};`,
        ...added,
        `    try_files ${file} =404;`,
        '  }',
      ].join('\n'),
    );
  });
  const config = [
    // As root, nginx's workers would become nobody, who cannot read a private temporary folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/logs/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    '  server_tokens off;',
    '  sendfile on;',
    '  tcp_nopush on;',
    '  keepalive_timeout 5s;',
    '  keepalive_requests 1000000;',
    '  gzip_static on;',
    '  etag off;',
    '  types {}',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${prefix}/${name};`),
    ...maps.map((m) => `  ${m}`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    root ${root};`,
    ...locations,
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(path.join(prefix, 'nginx.conf'), config);
  return [NGINX, '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs/error.log')];
}

export function hasNginx() {
  return existsSync(NGINX);
}

/** A value for nginx's configuration, in double quotes (where $ would start a variable). */
function quote(value) {
  if (String(value).includes('$')) throw new Error(`a header value nginx would read as a variable: ${value}`);
  return `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
