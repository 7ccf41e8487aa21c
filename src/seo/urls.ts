import { DEFAULT_LANG, LANGS, type Lang } from '../i18n/languages.js';

/** An absolute URL on the site: SITE_URL and a path. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path}`;
}

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates for a page that exists at the given paths: one per language in the
 * site's order, then x-default at the Russian version (or the first one there is).
 */
export function alternates(siteUrl: string, paths: Partial<Record<Lang, string>>): Alternate[] {
  const links = LANGS.filter((lang) => paths[lang]).map((lang) => ({ hreflang: lang, href: absoluteUrl(siteUrl, paths[lang]!) }));
  const fallback = paths[DEFAULT_LANG] ?? LANGS.map((lang) => paths[lang]).find(Boolean);
  return fallback ? [...links, { hreflang: 'x-default', href: absoluteUrl(siteUrl, fallback) }] : links;
}
