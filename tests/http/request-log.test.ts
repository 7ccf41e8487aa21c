import { createServer, type ServerResponse } from 'node:http';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestLog } from '../../src/http/request-log.js';

/** A bare server that answers every request with `status`, through the request log. */
function serverAnswering(status: number) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const log = requestLog(logger);
  const server = createServer((req, res: ServerResponse) => {
    log(req, res);
    res.statusCode = status;
    res.end();
  });
  return { server, lines };
}

describe('the request log', () => {
  it('logs a 500 as a failed request, at error level', async () => {
    const { server, lines } = serverAnswering(500);
    await request(server).get('/ru/').expect(500);
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'request failed', res: { status: 500 }, err: expect.objectContaining({ message: 'failed with status code 500' }) })]);
  });

  it('logs the 503 of a first start still indexing as an ordinary request, with no made-up error', async () => {
    const { server, lines } = serverAnswering(503);
    await request(server).get('/healthz').expect(503);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request', res: { status: 503 } });
    expect(lines[0]).not.toHaveProperty('err');
  });
});
