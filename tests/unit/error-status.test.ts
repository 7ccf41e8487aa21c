import { describe, expect, it } from 'vitest';
import { clientStatus, errorPageOf, HttpError } from '../../src/http/http-error.js';

describe('the error page of a status', () => {
  it('is its own where it has one', () => {
    for (const status of [400, 404, 405, 413, 414, 431, 500]) expect(errorPageOf(status)).toBe(status);
  });

  // Regression: the rendered page showed an unknown 4xx as 400, its plain fallback as 500.
  it('is the general client error page for any other 4xx, and the server error page for the rest', () => {
    expect(errorPageOf(409)).toBe(400);
    expect(errorPageOf(418)).toBe(400);
    expect(errorPageOf(503)).toBe(500);
    expect(errorPageOf(502)).toBe(500);
  });
});

describe('the client status of an error', () => {
  it('is its 4xx status or statusCode', () => {
    expect(clientStatus(new HttpError(405))).toBe(405);
    expect(clientStatus(Object.assign(new Error('too large'), { statusCode: 413 }))).toBe(413);
  });

  it('is none for anything that is not a client error', () => {
    expect(clientStatus(new Error('boom'))).toBeUndefined();
    expect(clientStatus(Object.assign(new Error('upstream'), { status: 502 }))).toBeUndefined();
    expect(clientStatus(Object.assign(new Error('odd'), { status: '404' }))).toBeUndefined();
    expect(clientStatus(undefined)).toBeUndefined();
    expect(clientStatus(null)).toBeUndefined();
  });
});
