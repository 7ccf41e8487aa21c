import { LANGS } from '../i18n/languages.js';
import { paths } from '../paths.js';
import { absoluteUrl } from './urls.js';

/** Tracking parameters that never change a page; Yandex folds URLs that differ only by them. */
const TRACKING = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'yclid', 'gclid', 'fbclid', 'ysclid', '_openstat', 'from'];

/** robots.txt: everything but the API and search results, the sitemaps, and Yandex's Clean-param. */
export function robotsTxt(siteUrl: string): string {
  const disallow = ['/api/', ...LANGS.map((l) => paths.search(l))];
  return [
    'User-agent: *',
    ...disallow.map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    'User-agent: Yandex',
    ...disallow.map((path) => `Disallow: ${path}`),
    'Allow: /',
    `Clean-param: ${TRACKING.join('&')}`,
    '',
    `Sitemap: ${absoluteUrl(siteUrl, paths.sitemap)}`,
    `Sitemap: ${absoluteUrl(siteUrl, paths.newsSitemap)}`,
    '',
  ].join('\n');
}
