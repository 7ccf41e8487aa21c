import { ContentError } from '../problems/errors.js';
import type { Article } from './types.js';

/**
 * Kazakh and English articles whose slug has no Russian file. They are still served, but the
 * site links translations by slug, so such an article is usually a misnamed translation.
 * A Russian file that is itself broken still counts as the original: its own problem is reported.
 * @example checkTranslations([enArticle], new Set()) // [ContentError translation_without_original]
 */
export function checkTranslations(articles: Iterable<Pick<Article, 'file' | 'lang' | 'slug'>>, russianSlugs: { has(slug: string): boolean }): ContentError[] {
  const problems: ContentError[] = [];
  for (const article of articles) {
    if (article.lang !== 'ru' && !russianSlugs.has(article.slug)) {
      problems.push(new ContentError({ file: article.file, line: 1, code: 'translation_without_original', params: { slug: article.slug } }));
    }
  }
  return problems;
}
