import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('CONTENT_WATCH', () => {
  it('is on by default', () => expect(loadConfig({}).contentWatch).toBe(true));

  it.each([
    ['0', false],
    ['off', false],
    ['false', false],
    ['1', true],
    ['on', true],
  ])('CONTENT_WATCH=%s → %s', (value, expected) => expect(loadConfig({ CONTENT_WATCH: value }).contentWatch).toBe(expected));

  it('names a value it does not understand', () => {
    expect(() => loadConfig({ CONTENT_WATCH: 'sometimes' })).toThrow(/CONTENT_WATCH="sometimes": /);
  });
});

describe('CONTENT_RESCAN', () => {
  it('compares the stamps every 10 s by default', () => expect(loadConfig({}).contentRescanMs).toBe(10_000));

  it('takes seconds, fractions too; 0 turns the backstop off', () => {
    expect(loadConfig({ CONTENT_RESCAN: '2.5' }).contentRescanMs).toBe(2500);
    expect(loadConfig({ CONTENT_RESCAN: '0' }).contentRescanMs).toBe(0);
  });

  it('names a value it does not understand', () => {
    expect(() => loadConfig({ CONTENT_RESCAN: 'often' })).toThrow(/CONTENT_RESCAN="often": /);
  });
});
