import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
export const VALID = path.join(FIXTURES, 'valid');
export const CONTENT = path.resolve(import.meta.dirname, '../content');

/** A clock after every fixture article but the future one. */
export const FIXTURE_NOW = new Date('2026-02-01T12:00:00Z');

/** The site built on a content folder, with a fixed clock and captured log lines. */
export async function testSite(contentDir: string, options: { now?: Date; env?: Record<string, string>; pageSize?: number } = {}) {
  // The one line per request goes to accessLogs, so that `logs` reads as the site's own story.
  const logs: Record<string, unknown>[] = [];
  const accessLogs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, {
    write: (line: string) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      (entry.msg === 'request' || entry.msg === 'request failed' ? accessLogs : logs).push(entry);
    },
  });
  // Every site gets a data folder of its own, so no test counts views into the project's data/.
  const dataDir = options.env?.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'dknews-data-')));
  const config = loadConfig({ CONTENT_DIR: contentDir, SITE_URL: 'https://dknews.example', NODE_ENV: 'test', ...options.env, DATA_DIR: dataDir });
  if (options.pageSize) config.pageSize = options.pageSize;
  const now = options.now;
  const site = await boot(config, logger, { now: now && (() => now) });
  return { ...site, logs, accessLogs, config, logger };
}

/** A copy of a content folder in a temporary directory, to change without touching the original. */
export async function copyContent(from: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dknews-content-'));
  await cp(from, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The derivatives' folder of a media file: the first 20 hex digits of its SHA-256 (see src/media/ladder.ts). */
export function mediaHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 20);
}
