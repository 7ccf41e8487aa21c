import { ensurePackages } from '../system-packages.js';

/** The deployment tests start Debian's redis-server, and nginx with its brotli module. */
export default function setup(): void {
  ensurePackages('redis-server', 'nginx', '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so=libnginx-mod-http-brotli-static');
}
