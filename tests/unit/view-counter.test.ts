import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dayOf, REPEAT_WINDOW_MS, SqliteViewCounter, visitorOf } from '../../src/counter/view-counter.js';

const open: SqliteViewCounter[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** The busy timeout of the tests' counters: the same behaviour as the real 2 s, without the wait. */
const BUSY_TIMEOUT_MS = 50;

function counter(dir = mkdtempSync(path.join(tmpdir(), 'dknews-views-'))) {
  const logs: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const c = new SqliteViewCounter(dir, logger, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  open.push(c);
  return { c, dir, logs };
}

const T = Date.UTC(2026, 0, 27, 5);

describe('the view counter', () => {
  it('creates its database file on first start', () => {
    const { c, dir } = counter(path.join(mkdtempSync(path.join(tmpdir(), 'dknews-views-')), 'not', 'yet'));
    expect(c.healthy).toBe(true);
    expect(c.file).toBe(path.join(dir, 'views.sqlite'));
    expect(c.counted('story')).toBe(0);
  });

  it('counts a reader once per article within 30 minutes, and again after', () => {
    const { c } = counter();
    expect(c.record('story', '10.0.0.1', T)).toEqual({ counted: true, total: 1 });
    expect(c.record('story', '10.0.0.1', T + REPEAT_WINDOW_MS - 1)).toEqual({ counted: false, total: 1 });
    expect(c.record('other', '10.0.0.1', T + 1)).toEqual({ counted: true, total: 1 });
    expect(c.record('story', '10.0.0.2', T + 2)).toEqual({ counted: true, total: 2 });
    expect(c.record('story', '10.0.0.1', T + REPEAT_WINDOW_MS)).toEqual({ counted: true, total: 3 });
    expect(c.counted('story')).toBe(3);
  });

  it('keeps its counts across a restart', () => {
    const first = counter();
    first.c.record('story', 'a', T);
    first.c.record('story', 'b', T);
    first.c.close();
    const second = counter(first.dir);
    expect(second.c.counted('story')).toBe(2);
    // The salt persists too: the same reader within 30 minutes is still known after a restart.
    expect(second.c.record('story', 'a', T + 1000)).toEqual({ counted: false, total: 2 });
  });

  it('stores no address, only a salted hash', () => {
    const { c } = counter();
    c.record('story', '203.0.113.7', T);
    c.close();
    const bytes = Buffer.concat([c.file, `${c.file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes('203.0.113.7')).toBe(false);
  });
});

describe('several processes on one database', () => {
  it('share counts and readers', () => {
    const one = counter();
    const two = counter(one.dir);
    expect(one.c.record('story', 'a', T)).toEqual({ counted: true, total: 1 });
    expect(two.c.record('story', 'a', T + 1)).toEqual({ counted: false, total: 1 });
    expect(two.c.record('story', 'b', T + 2)).toEqual({ counted: true, total: 2 });
    expect(one.c.counted('story')).toBe(2);
  });

  it('a write lock held past the busy timeout costs one view, not the counter', () => {
    const { c, dir, logs } = counter();
    c.record('story', 'a', T);
    const other = new Database(path.join(dir, 'views.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(c.record('story', 'b', T + 1)).toEqual({ counted: false, total: 1 });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(logs.find((l) => l.level === 40)?.msg).toBe('View counter busy while counting a view; this view is not counted');
    expect(c.healthy).toBe(true);
    expect(c.record('story', 'b', T + 2)).toEqual({ counted: true, total: 2 });
  });
});

describe('a database another process holds while this one opens it', () => {
  it('is opened again at the next view, not a minute later', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dknews-views-'));
    const other = new Database(path.join(dir, 'views.sqlite'));
    other.exec('BEGIN EXCLUSIVE; CREATE TABLE held (x); ');
    let opened: ReturnType<typeof counter>;
    try {
      opened = counter(dir);
      expect(opened.c.healthy).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(opened.logs.find((l) => l.level === 40)?.msg).toBe('View counter busy while opening; trying again at the next view');
    expect(opened.c.record('story', 'a', Date.now() + 300)).toEqual({ counted: true, total: 1 });
  });
});

describe('when the database cannot be used', () => {
  it('a data folder that cannot be created: nothing counted, zero shown, the problem logged', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'dknews-views-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const { c, logs } = counter(path.join(file, 'data'));
    expect(c.healthy).toBe(false);
    expect(c.record('story', 'a', T)).toEqual({ counted: false, total: 0 });
    expect(c.counted('story')).toBe(0);
    expect(logs.find((l) => l.level === 50)?.msg).toMatch(/^View counter unavailable: pages show the last known counts/);
  });

  it('a corrupt database file: left untouched, nothing counted, the problem logged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dknews-views-'));
    writeFileSync(path.join(dir, 'views.sqlite'), 'this is not a database'.repeat(300));
    const { c, logs } = counter(dir);
    expect(c.healthy).toBe(false);
    expect(c.record('story', 'a', T)).toEqual({ counted: false, total: 0 });
    expect(logs.some((l) => l.level === 50)).toBe(true);
    expect(readFileSync(path.join(dir, 'views.sqlite'), 'utf8')).toBe('this is not a database'.repeat(300));
  });
});

describe('readers and «most read»', () => {
  it('tells apart readers behind one address by their browser, and counts each once', () => {
    const { c } = counter();
    expect(c.record('story', visitorOf('10.0.0.1', 'Firefox'), T).counted).toBe(true);
    expect(c.record('story', visitorOf('10.0.0.1', 'Safari'), T + 1).counted).toBe(true);
    expect(c.record('story', visitorOf('10.0.0.1', 'Firefox'), T + 2).counted).toBe(false);
  });

  it('draws a new salt each day and forgets the old one', () => {
    const { c } = counter();
    c.record('story', 'a', T);
    c.record('story', 'a', T + 24 * 3600 * 1000);
    const db = new Database(c.file, { readonly: true });
    const salts = db.prepare("SELECT key FROM meta WHERE key LIKE 'salt%'").all();
    db.close();
    expect(salts).toEqual([{ key: `salt:${dayOf(T + 24 * 3600 * 1000)}` }]);
  });

  it('ranks the most viewed of the last seven days, older days left out', () => {
    const { c } = counter();
    const day = 24 * 3600 * 1000;
    c.record('old', 'a', T - 8 * day);
    c.record('old', 'b', T - 8 * day);
    c.record('old', 'c', T - 8 * day);
    c.record('popular', 'a', T - 2 * day);
    c.record('popular', 'b', T);
    c.record('quiet', 'a', T);
    expect(c.mostRead(5, T)).toEqual([{ slug: 'popular', views: 2 }, { slug: 'quiet', views: 1 }]);
    expect(c.mostRead(1, T)).toEqual([{ slug: 'popular', views: 2 }]);
  });
});
