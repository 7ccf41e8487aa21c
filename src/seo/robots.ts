import { LANGS } from '../i18n/languages.js';

/** Tracking parameters that never change a page; Yandex folds URLs that differ only by them. */
const TRACKING = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'yclid', 'gclid', 'fbclid', 'ysclid', '_openstat', 'from'];

/** robots.txt: everything but the API and search results, the sitemaps, and Yandex's Clean-param. */
export function robotsTxt(siteUrl: string): string {
  const disallow = ['/api/', ...LANGS.map((l) => `/${l}/search`)];
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
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/sitemap-news.xml`,
    '',
  ].join('\n');
}
