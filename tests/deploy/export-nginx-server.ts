import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { until } from '../http/until.js';
import { freePort } from '../redis-server.js';

const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * Debian's nginx serving a static export with the server block the export wrote, on a loopback
 * port (with brotli on, its module loaded). Resolves once it accepts connections; stop() ends it.
 */
export async function serveExport(outDir: string, prefix: string): Promise<{ port: number; stop: () => Promise<void> }> {
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  const port = await freePort();
  const block = (await readFile(path.join(outDir, 'nginx.conf'), 'utf8')).replace('listen 80;', `listen 127.0.0.1:${port};`).replace('# brotli_static on;', 'brotli_static on;');
  await writeFile(path.join(prefix, 'site.conf'), block);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${prefix}/${name};`).join('\n  ');
  await writeFile(path.join(prefix, 'nginx.conf'), [
    `load_module ${BROTLI_MODULE};`,
    // As root, nginx's workers would become nobody, who cannot read a private temporary folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/logs/error.log warn;`,
    'events { worker_connections 64; }',
    `http {\n  access_log off;\n  ${temp}\n  include ${prefix}/site.conf;\n}`,
    '',
  ].join('\n'));
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs/error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Ready when it accepts a connection; a failed start says why.
  const accepts = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
  await until('nginx to accept connections', async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
    return accepts();
  });
  return {
    port,
    stop: async () => {
      if (nginx.exitCode !== null) return;
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    },
  };
}
