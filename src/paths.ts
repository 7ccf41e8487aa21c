import { LANGS, type Lang } from './i18n/languages.js';

/** `page=N` on a list's path: page 1 is the list's own path, without the parameter. */
function onPage(path: string, page: number): string {
  return page <= 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}

/** A path under /media/, each segment of the file's name percent-encoded. */
function mediaPath(name: string): string {
  return `/media/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Every path of the site, built in one place: the routes, the view models, SEO, the export and
 * the tests ask here, so a section moved is one edit. Paths are site-relative; absoluteUrl
 * (seo/urls.ts) puts SITE_URL in front. Lists take a page number: page 1 has no parameter.
 * @example paths.topic('ru', 'economy', 2) // '/ru/topics/economy?page=2'
 * @example paths.search('en', 'Astana forum') // '/en/search?q=Astana%20forum'
 */
export const paths = {
  home: (lang: Lang, page = 1) => onPage(`/${lang}/`, page),
  /** «Все новости»: every story of the language. */
  news: (lang: Lang, page = 1) => onPage(`/${lang}/news`, page),
  article: (lang: Lang, slug: string) => `/${lang}/news/${slug}`,
  /** A draft's secret preview (see preview.ts): never linked, never listed. */
  preview: (lang: Lang, slug: string, token: string) => `/${lang}/preview/${slug}/${token}`,
  topics: (lang: Lang) => `/${lang}/topics`,
  topic: (lang: Lang, id: string, page = 1) => onPage(`/${lang}/topics/${id}`, page),
  authors: (lang: Lang) => `/${lang}/authors`,
  author: (lang: Lang, id: string, page = 1) => onPage(`/${lang}/authors/${id}`, page),
  /** A static page (about, contacts…) from content/pages/{slug}.{lang}.md. */
  page: (lang: Lang, slug: string) => `/${lang}/${slug}`,
  /** The search page; without a query, the empty form. */
  search: (lang: Lang, query = '', page = 1) => onPage(query ? `/${lang}/search?q=${encodeURIComponent(query)}` : `/${lang}/search`, page),
  feed: (lang: Lang) => `/${lang}/rss.xml`,
  topicFeed: (lang: Lang, id: string) => `/${lang}/topics/${id}/rss.xml`,
  authorFeed: (lang: Lang, id: string) => `/${lang}/authors/${id}/rss.xml`,
  /** What a static host serves as the language's 404 page (see export/plan.ts); no page of the site is there. */
  notFound: (lang: Lang) => `/${lang}/404`,
  /** An original under content/media/, e.g. media('2026/01/photo.jpg'). */
  media: mediaPath,
  /** A picture's derivative, named by its original's content hash (so immutable) and its variant, e.g. `w640.avif`. */
  derivative: (hash: string, variant: string) => `/media/_/${hash}/${variant}`,
  robots: '/robots.txt',
  sitemap: '/sitemap.xml',
  /** One child sitemap of /sitemap.xml, e.g. ru-articles-1. */
  sitemapChild: (name: string) => `/sitemaps/${name}.xml`,
  newsSitemap: '/sitemap-news.xml',
  /** The view counter's endpoint for one article (routes/api.ts). */
  views: (lang: Lang, slug: string) => `/api/views/${lang}/${slug}`,
  /** Page n of a list whose first page is at `path`. */
  onPage,
} as const;

/**
 * The same page in every language, by a path of the language: for pages that exist in all of them.
 * @example everyLanguage(paths.topics) // { ru: '/ru/topics', kk: '/kk/topics', en: '/en/topics' }
 */
export function everyLanguage(path: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(LANGS.map((lang) => [lang, path(lang)]));
}

/** The languages in which a page exists, each with its path there (hreflang alternates, language switch). */
export function inLanguages(exists: (lang: Lang) => boolean, path: (lang: Lang) => string): Partial<Record<Lang, string>> {
  return Object.fromEntries(LANGS.filter(exists).map((lang) => [lang, path(lang)]));
}
