import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends a request exactly as written — no URL normalisation, no header checks — and reads the
 * whole answer. For hostile requests that well-behaved clients refuse to send.
 */
export function rawRequest(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const lines = text.slice(0, split).split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const headers = Object.fromEntries(
        lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status, headers, body: Buffer.from(text.slice(split + 4), 'latin1').toString('utf8') });
    });
    // write, not end: a half-closed socket lets Node drop an answer that is still being read from disk.
    socket.write(`${head.replace(/\n/g, '\r\n')}\r\n\r\n${body}`);
  });
}

/** A GET with the usual headers, Connection: close. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return rawRequest(port, [`GET ${path} HTTP/1.1`, ...lines].join('\n'));
}
