import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('WEB_CONCURRENCY', () => {
  it('is one process by default', () => expect(loadConfig({}).webConcurrency).toBe(1));
  it('takes a number of processes', () => expect(loadConfig({ WEB_CONCURRENCY: '4' }).webConcurrency).toBe(4));

  it.each(['0', '-1', '1.5', 'auto'])('refuses %s, naming it', (value) => {
    expect(() => loadConfig({ WEB_CONCURRENCY: value })).toThrow(new RegExp(`^Invalid configuration in the environment:\\n {2}WEB_CONCURRENCY="${value}": `));
  });
});

describe('REDIS_URL', () => {
  it('is unset by default: the counts stay in SQLite', () => expect(loadConfig({}).redisUrl).toBeUndefined());

  it.each(['redis://127.0.0.1:6379', 'rediss://:secret@cache.internal:6380/2'])('takes %s', (url) => expect(loadConfig({ REDIS_URL: url }).redisUrl).toBe(url));

  it('refuses another kind of URL, without repeating its password', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@cache:6379' })).toThrow(
      'Invalid configuration in the environment:\n  REDIS_URL="http://***@cache:6379": must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
    );
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => expect(loadConfig({}).trustProxy).toBe(false));

  it.each([
    ['1', 1],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8, fd00::/8, 192.0.2.10', ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.10']],
  ])('TRUST_PROXY=%s', (value, expected) => expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected));

  it.each(['true', 'nginx', '10.0.0.0/33', '10.0.0.0/8/8', '1,2'])('refuses %s, saying what it takes', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
      `Invalid configuration in the environment:\n  TRUST_PROXY="${value}": must be the number of proxies in front (e.g. 1), or their addresses separated by commas: loopback, linklocal, uniquelocal, an IP or a subnet such as 10.0.0.0/8`,
    );
  });
});
