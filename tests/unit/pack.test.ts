import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packBody, unpackBody } from '../../src/index/pack.js';

describe('a stored body', () => {
  it('comes back as it went in: html and text in one stream, whatever characters they hold', () => {
    const body = { html: '<p>Текст: 12 «кавычки» — 5:30</p>\n', text: 'Текст: 12 «кавычки» — 5:30 😀' };
    const packed = packBody(body);
    expect(packed.text.length).toBe(0);
    expect(unpackBody(packed)).toEqual(body);
    expect(unpackBody(packBody({ html: '', text: '' }))).toEqual({ html: '', text: '' });
  });

  it('is read from a row written before, each part deflated in its own column', () => {
    const row = { html: deflateRawSync('<p>Старый</p>'), text: deflateRawSync('Старый') };
    expect(unpackBody(row)).toEqual({ html: '<p>Старый</p>', text: 'Старый' });
  });
});
