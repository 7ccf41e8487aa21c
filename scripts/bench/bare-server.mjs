/**
 * The bare baseline: node:http sending answers recorded from the real server, byte for byte
 * with their headers, and nothing else — no routing, no middleware, one Map lookup. What the
 * real server does beyond this is what the comparison measures.
 *
 *   node scripts/bench/bare-server.mjs <recorded.json> <port>
 *
 * recorded.json: { "<path>": { "gzip": Answer, "identity": Answer } }, Answer being
 * { status, headers: [name, value, …] (flat, as rawHeaders), body: base64 }.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([path, variants]) => [
    path,
    Object.fromEntries(Object.entries(variants).map(([encoding, a]) => [encoding, { ...a, body: Buffer.from(a.body, 'base64') }])),
  ]),
);

http
  .createServer((req, res) => {
    const variants = answers.get(req.url);
    if (!variants) {
      res.writeHead(404, { 'Content-Length': 0 }).end();
      return;
    }
    // The same choice the real server makes for these clients: gzip when accepted, else identity.
    const answer = variants.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? variants.gzip : variants.identity;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  })
  .listen(Number(port), '127.0.0.1');

// Exit normally on a signal, so that node --cpu-prof can write its profile.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
