import type { Article } from '../parse/types.js';

/**
 * An article as stored (JSON), with its dates as Dates again. Its only dates are `date` and
 * `updated`, at the top: set after parsing, as a reviver function called for every key would
 * make reading a list of 500 several times slower.
 */
export function reviveArticle(json: string): Article {
  const article = JSON.parse(json) as Article & { date: string | Date; updated?: string | Date };
  article.date = new Date(article.date);
  if (article.updated !== undefined) article.updated = new Date(article.updated);
  return article;
}
