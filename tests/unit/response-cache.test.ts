import { describe, expect, it } from 'vitest';
import { Representation } from '../../src/cache/representation.js';
import { ResponseCache } from '../../src/cache/response-cache.js';

/** An answer of exactly `bytes` bytes: short enough never to be compressed. */
const answer = (bytes: number, fill = 'x') => new Representation(fill.repeat(bytes), 'text/plain');

describe('ResponseCache', () => {
  it('gives back what was set for the same version', () => {
    const cache = new ResponseCache(1000);
    const page = answer(10);
    cache.set('/ru/', 1, page);
    expect(cache.get('/ru/', 1)).toBe(page);
  });

  it('says whether it has an answer without counting it as read, so that eviction passes it as unread', () => {
    const cache = new ResponseCache(30);
    cache.set('/a', 1, answer(10));
    cache.set('/b', 1, answer(10));
    expect([cache.has('/a', 1), cache.has('/a', 2), cache.has('/c', 1)]).toEqual([true, false, false]);
    cache.set('/c', 1, answer(15));
    expect([cache.has('/a', 1), cache.has('/b', 1), cache.has('/c', 1)]).toEqual([false, true, true]);
  });

  it('knows nothing of a key it was never given', () => expect(new ResponseCache(1000).get('/ru/', 1)).toBeUndefined());

  it('counts the bytes and entries it holds', () => {
    const cache = new ResponseCache(1000);
    cache.set('/a', 1, answer(10));
    cache.set('/b', 1, answer(20));
    expect([cache.count, cache.bytes]).toEqual([2, 30]);
  });

  it('replaces an entry set again under its key, counting it once', () => {
    const cache = new ResponseCache(1000);
    cache.set('/a', 1, answer(10));
    const newer = answer(25);
    cache.set('/a', 1, newer);
    expect([cache.get('/a', 1), cache.count, cache.bytes]).toEqual([newer, 1, 25]);
  });

  it('empties itself when asked for another version', () => {
    const cache = new ResponseCache(1000);
    cache.set('/a', 1, answer(10));
    expect(cache.get('/a', 2)).toBeUndefined();
    expect([cache.count, cache.bytes]).toEqual([0, 0]);
    // The old version's entry does not come back with the old version either.
    expect(cache.get('/a', 1)).toBeUndefined();
  });

  it('empties itself when given an entry of another version', () => {
    const cache = new ResponseCache(1000);
    cache.set('/a', 1, answer(10));
    cache.set('/b', 2, answer(20));
    expect([cache.get('/a', 2), cache.count, cache.bytes]).toEqual([undefined, 1, 20]);
  });

  it('drops the oldest entries not read since they were kept, once over its byte bound', () => {
    const cache = new ResponseCache(30);
    cache.set('/a', 1, answer(10));
    cache.set('/b', 1, answer(10));
    cache.set('/c', 1, answer(10));
    cache.get('/a', 1); // /a is now used more recently than /b
    cache.set('/d', 1, answer(10));
    expect(['/a', '/b', '/c', '/d'].map((key) => cache.get(key, 1) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.bytes).toBe(30);
  });

  it('gives an entry read since it was kept one second chance, not two', () => {
    const cache = new ResponseCache(30);
    cache.set('/a', 1, answer(10));
    cache.set('/b', 1, answer(10));
    cache.set('/c', 1, answer(10));
    cache.get('/a', 1);
    cache.get('/b', 1);
    cache.get('/c', 1);
    // Every entry was read: the walk unflags and moves all three (never the new one), then drops the first it meets again.
    cache.set('/d', 1, answer(10));
    expect(['/a', '/b', '/c', '/d'].map((key) => cache.get(key, 1) !== undefined)).toEqual([false, true, true, true]);
    // That check read /b, /c and /d; in the order d, b, c the walk moves each once, then drops /d.
    cache.set('/e', 1, answer(10));
    expect(['/b', '/c', '/d', '/e'].map((key) => cache.get(key, 1) !== undefined)).toEqual([true, true, false, true]);
    expect(cache.bytes).toBe(30);
  });

  it('keeps nothing bigger than its whole bound', () => {
    const cache = new ResponseCache(30);
    cache.set('/big', 1, answer(31));
    expect([cache.get('/big', 1), cache.count, cache.bytes]).toEqual([undefined, 0, 0]);
  });

  it('forgets a deleted key, and ignores deleting one it does not have', () => {
    const cache = new ResponseCache(100);
    cache.set('/a', 1, answer(10));
    cache.delete('/a');
    cache.delete('/never');
    expect([cache.get('/a', 1), cache.bytes]).toEqual([undefined, 0]);
  });
});
