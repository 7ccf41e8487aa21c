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
