import { get, type Agent, type IncomingMessage } from 'node:http';

export interface LoopbackAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  /** Header names as the server wrote them, by lower-case name. */
  names: Map<string, string>;
  body: Buffer;
}

/**
 * GET a path from our own server on a loopback port, as a reader's browser would: for the
 * warm-up (http/warm.ts) and the static export (export/export-site.ts).
 * @example await loopbackGet(port, '/ru/', { encoding: 'br', userAgent: 'dknews-warm-up' })
 */
export function loopbackGet(port: number, path: string, options: { encoding: string; userAgent: string; agent?: Agent }): Promise<LoopbackAnswer> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, agent: options.agent, headers: { 'Accept-Encoding': options.encoding, 'User-Agent': options.userAgent } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const names = new Map<string, string>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) names.set(res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i]!);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, names, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
  });
}
