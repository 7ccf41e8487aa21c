import type { ContentIndex } from '../index/content-index.js';
import type { Article } from '../parse/types.js';
import { isoLocal } from '../i18n/format.js';
import type { Lang } from '../i18n/languages.js';
import { headline } from './json-ld.js';
import type { Publisher } from './publisher.js';
import { paths } from '../paths.js';
import { absoluteUrl } from './urls.js';

function organization(index: ContentIndex, lang: Lang, publisher: Publisher, withContext = false): object {
  const site = index.site;
  return {
    ...(withContext ? { '@context': 'https://schema.org' } : {}),
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.siteUrl}/#organization`,
    name: site.name[lang],
    alternateName: site.shortName[lang],
    url: absoluteUrl(publisher.siteUrl, paths.home(lang)),
    foundingDate: String(site.founded),
    logo: { '@type': 'ImageObject', url: publisher.logoUrl, width: publisher.logoSize, height: publisher.logoSize },
    ...(site.contacts.email ? { email: site.contacts.email } : {}),
  };
}

/** NewsMediaOrganization and WebSite, for home pages. */
export function homeStructuredData(index: ContentIndex, lang: Lang, publisher: Publisher): object[] {
  return [
    organization(index, lang, publisher, true),
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${absoluteUrl(publisher.siteUrl, paths.home(lang))}#website`,
      name: index.site.shortName[lang],
      url: absoluteUrl(publisher.siteUrl, paths.home(lang)),
      inLanguage: lang,
      publisher: { '@id': `${publisher.siteUrl}/#organization` },
    },
  ];
}

/** Live coverage as structured data adds it to the article (schema.org LiveBlogPosting). */
export interface LiveBlog {
  coverageStartTime: Date;
  coverageEndTime: Date;
  /** Newest first, each a BlogPosting. */
  updates: { headline: string; datePublished: string; articleBody: string; url: string }[];
}

/**
 * An article as Google News reads it: NewsArticle; LiveBlogPosting for live coverage (with its
 * updates); and an advertisement typed Article and AdvertiserContentArticle, never NewsArticle,
 * with its advertiser as sponsor. Corrections are CorrectionComments, and dateModified is the
 * latest of `updated`, a correction and a live update (parse-article folds them into `updated`).
 */
export function newsArticle(index: ContentIndex, article: Article, publisher: Publisher, imageUrls: readonly string[], live?: LiveBlog): object {
  const author = index.authors.get(article.author)!;
  const url = `${publisher.siteUrl}${article.path}`;
  const section = index.topics.get(article.topics[0]!)?.name[article.lang];
  const kind = live ? 'LiveBlogPosting' : article.sponsored ? 'Article' : 'NewsArticle';
  return {
    '@context': 'https://schema.org',
    '@type': article.sponsored ? [kind, 'AdvertiserContentArticle'] : kind,
    headline: headline(article.title),
    description: article.lead,
    image: imageUrls,
    datePublished: isoLocal(article.date),
    dateModified: isoLocal(article.updated ?? article.date),
    author: [{ '@type': 'Person', name: author.name[article.lang], jobTitle: author.role[article.lang], url: absoluteUrl(publisher.siteUrl, paths.author(article.lang, author.id)) }],
    publisher: organization(index, article.lang, publisher),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    inLanguage: article.lang,
    ...(section ? { articleSection: section } : {}),
    keywords: article.topics.flatMap((id) => index.topics.get(id)?.name[article.lang] ?? []),
    wordCount: article.wordCount,
    ...(article.sponsored ? { sponsor: { '@type': 'Organization', name: article.sponsored.advertiser } } : {}),
    ...(article.corrections ? { correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: isoLocal(c.date) })) } : {}),
    ...(live
      ? {
          coverageStartTime: isoLocal(live.coverageStartTime),
          coverageEndTime: isoLocal(live.coverageEndTime),
          ...(live.updates.length ? { liveBlogUpdate: live.updates.map((u) => ({ '@type': 'BlogPosting', ...u })) } : {}),
        }
      : {}),
  };
}
