import type { Article } from '../parse/types.js';

/** The latest publication or update among articles: Last-Modified and sitemap lastmod. */
export function lastChange(articles: readonly Article[]): Date | undefined {
  let latest: Date | undefined;
  for (const a of articles) {
    const changed = a.updated ?? a.date;
    if (!latest || changed > latest) latest = changed;
  }
  return latest;
}
