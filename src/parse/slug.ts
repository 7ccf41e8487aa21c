import { isLang, type Lang } from '../i18n/languages.js';
import { isSlug } from '../text/slug.js';

/**
 * The slug and language of an article file: `2026/01/some-title.ru.md` → some-title, ru.
 * Folders are for editors' order only; the file name alone is the slug.
 */
export function articleFileName(relativePath: string): { slug: string; lang: Lang } | undefined {
  const name = relativePath.split('/').pop() ?? '';
  const m = /^(.+)\.([a-z]{2})\.md$/.exec(name);
  if (!m || !isSlug(m[1]!) || !isLang(m[2])) return undefined;
  return { slug: m[1]!, lang: m[2] };
}
