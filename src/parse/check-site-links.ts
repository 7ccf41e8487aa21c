import { isLang, type Lang } from '../i18n/languages.js';
import { ContentError } from '../problems/errors.js';
import { nearest } from './nearest.js';
import type { SiteLink } from './parse-article.js';
import { paths } from '../paths.js';

const ARTICLE_PATH = /^\/([a-z]{2})\/news\/(.+)$/;

/** What links may lead to: article paths and aliases of articles in any state (draft, scheduled). */
export interface LinkTargets {
  has(path: string): boolean;
  /** Every slug of a language, for the nearest one to suggest. */
  slugs(lang: Lang): readonly string[];
}

/**
 * Links in article bodies to /ru/news/…, /kk/news/… or /en/news/… that lead nowhere. An article
 * counts as existing in any state (draft, scheduled), and so does an old path in its aliases,
 * which redirects. The linking article is still served: only the link is wrong.
 * Files with problems of their own are checked too, so that an editor sees every problem in one run.
 * @example checkSiteLinks([{ file, siteLinks: [{ href: '/ru/news/nope', line: 9 }] }], targets)
 */
export function checkSiteLinks(linking: Iterable<{ file: string; siteLinks: readonly SiteLink[] }>, targets: LinkTargets): ContentError[] {
  const problems: ContentError[] = [];
  for (const { file, siteLinks } of linking) {
    for (const link of siteLinks) {
      const path = normalize(link.href);
      const m = ARTICLE_PATH.exec(path);
      if (!m || !isLang(m[1]) || targets.has(path)) continue;
      const lang = m[1];
      const close = nearest(m[2]!, targets.slugs(lang));
      const suggestion = close === undefined ? '' : paths.article(lang, close);
      problems.push(new ContentError({ file, line: link.line, field: 'body', code: 'site_link_missing', params: { href: link.href, suggestion } }));
    }
  }
  return problems;
}

/** The path a link leads to: without query, fragment or a trailing slash (the site redirects that away). */
function normalize(href: string): string {
  const path = href.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1');
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
