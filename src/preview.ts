import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from './i18n/languages.js';
import { paths } from './paths.js';

/** The file in DATA_DIR that keeps the secret generated once, when PREVIEW_SECRET is not set. */
export const SECRET_FILE = 'preview-secret';

/**
 * The secret every draft's preview token is signed with: PREVIEW_SECRET when set, else one
 * generated once and kept in DATA_DIR/preview-secret (mode 0600), shared by every process and
 * by `npm run check` on the same DATA_DIR. Two processes starting at once write it once: the
 * second reads the first's.
 */
export async function previewSecret(dataDir: string, fromEnv?: string): Promise<Buffer> {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, SECRET_FILE);
  const read = async () => Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  // Written aside, then linked into place: a process reading it never sees half a secret.
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(aside, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    await link(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(aside, { force: true });
  }
  return read();
}

/**
 * A draft's preview token: an HMAC of its language and slug. It changes when the slug does
 * (an old link then finds nothing) and stays while the draft is edited, so the link an editor
 * sent the editor-in-chief keeps showing the latest text.
 * @example previewToken(secret, 'ru', 'x') // 'kX3…' (22 characters)
 */
export function previewToken(secret: Buffer, lang: Lang, slug: string): string {
  return createHmac('sha256', secret).update(`preview\n${lang}\n${slug}`).digest('base64url').slice(0, 22);
}

/** The secret preview path of a draft: /ru/preview/slug/token. */
export function previewPath(secret: Buffer, lang: Lang, slug: string): string {
  return paths.preview(lang, slug, previewToken(secret, lang, slug));
}

/** Whether a token is this draft's, compared in constant time. */
export function isPreviewToken(secret: Buffer, lang: Lang, slug: string, token: string): boolean {
  const expected = Buffer.from(previewToken(secret, lang, slug));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
