import type { RequestHandler } from 'express';
import type { ContentStore } from '../sync/store.js';
import Negotiator from 'negotiator';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../i18n/languages.js';
import { paths } from '../paths.js';

/** The reader's language among ours by Accept-Language (q-values honoured), Russian when none fits. */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const found = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...LANGS]);
  return isLang(found) ? found : DEFAULT_LANG;
}

/**
 * The site's canonical addresses: / → the reader's language (302, Vary: Accept-Language), /ru → /ru/, no trailing slash anywhere else, and
 * an article's old paths (aliases) to the article. All permanent; the query string is kept.
 */
export function redirects(store: ContentStore): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = req.path;
    const query = req.url.slice(req.url.indexOf('?') === -1 ? req.url.length : req.url.indexOf('?'));
    // Several leading slashes would make the Location protocol-relative (//evil.example).
    const to = (target: string) => res.redirect(301, `/${target.replace(/^\/+/, '')}${query}`);

    if (path === '/') {
      // WordPress's own address of a post or page (/?p=123), kept as an alias by the import.
      const old = /^\?(?:p|page_id)=\d+$/.test(query) && store.ready ? store.index.redirect(`/${query}`) : undefined;
      if (old) return res.redirect(301, old);
      // The reader's language from Accept-Language, Russian when unsure; temporary, and varying
      // by that header, so that caches keep one answer per language asked for.
      res.vary('Accept-Language');
      return res.redirect(302, `${paths.home(preferredLang(req.headers['accept-language']))}${query}`);
    }
    const segments = path.split('/');
    if (segments.length === 2 && isLang(segments[1])) return to(`${path}/`);
    // Only our own sections get a trailing slash taken off; anything else is simply not found.
    if (path.endsWith('/') && isLang(segments[1]) && !(segments.length === 3 && segments[2] === '')) {
      const trimmed = path.replace(/\/+$/, '');
      if (trimmed) return to(trimmed);
    }
    const alias = store.ready ? store.index.redirect(path) : undefined;
    if (alias) return to(alias);
    next();
  };
}
