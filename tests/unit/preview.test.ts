import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPreviewToken, previewPath, previewSecret, previewToken } from '../../src/preview.js';

const secret = Buffer.from('a-secret-of-sixteen-or-more');
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('a draft’s preview token', () => {
  it('is 22 URL-safe characters, the same for the same language and slug', () => {
    expect(previewToken(secret, 'ru', 'x')).toMatch(/^[\w-]{22}$/);
    expect(previewToken(secret, 'ru', 'x')).toBe(previewToken(Buffer.from('a-secret-of-sixteen-or-more'), 'ru', 'x'));
  });

  it('changes with the slug, the language and the secret', () => {
    const tokens = new Set([previewToken(secret, 'ru', 'x'), previewToken(secret, 'ru', 'y'), previewToken(secret, 'kk', 'x'), previewToken(Buffer.from('another-secret-entirely'), 'ru', 'x')]);
    expect(tokens.size).toBe(4);
  });

  it('is checked whole: a token of another length or one character off is refused', () => {
    const token = previewToken(secret, 'ru', 'x');
    expect(isPreviewToken(secret, 'ru', 'x', token)).toBe(true);
    expect([token.slice(1), `${token}a`, `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`, ''].map((t) => isPreviewToken(secret, 'ru', 'x', t))).toEqual([false, false, false, false]);
  });

  it('makes the path /lang/preview/slug/token', () => expect(previewPath(secret, 'en', 'x')).toBe(`/en/preview/x/${previewToken(secret, 'en', 'x')}`));
});

describe('the preview secret', () => {
  it('is PREVIEW_SECRET when set, and nothing is written', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'dknews-preview-')), 'data');
    made.push(path.dirname(dir));
    expect((await previewSecret(dir, 'from-the-environment')).toString()).toBe('from-the-environment');
    await expect(stat(dir)).rejects.toThrow();
  });

  it('is made once in DATA_DIR with mode 0600, and the same when two processes ask at once', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'dknews-preview-')), 'data');
    made.push(path.dirname(dir));
    const [a, b] = await Promise.all([previewSecret(dir), previewSecret(dir)]);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBe(32);
    expect((await stat(path.join(dir, 'preview-secret'))).mode & 0o777).toBe(0o600);
    expect((await previewSecret(dir)).equals(Buffer.from((await readFile(path.join(dir, 'preview-secret'), 'utf8')).trim(), 'base64url'))).toBe(true);
  });
});
