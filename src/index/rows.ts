import type { Article } from '../content/types.js';

/** An article as stored (JSON), with its dates as Dates again. */
export function reviveArticle(json: string): Article {
  return JSON.parse(json, (key, value) => ((key === 'date' || key === 'updated') && typeof value === 'string' ? new Date(value) : value)) as Article;
}
