import { parseArticle, type ArticleContext, type ParsedArticle } from './parse-article.js';
import type { SourceFile } from './types.js';

export interface ParsedWithLastGood extends ParsedArticle {
  /** The text the article was made from: the file's current one, or its last good one. */
  text?: string;
  /** True when the current text has problems and the article comes from the last good text. */
  fromLastGood?: boolean;
}

/**
 * Parses an article file; when its current text breaks a rule and an earlier text of the same
 * file was good, the article is made from that earlier text, so that an editor's half-saved
 * change never takes a published article offline. The earlier text is parsed again against
 * today's authors, topics and media: one that no longer fits them is not served either.
 * The problems returned are always those of the current text: they are what the editor must fix.
 * @example parseWithLastGood(broken, context, new Map([[broken.relativePath, goodText]])).fromLastGood // true
 */
export function parseWithLastGood(source: SourceFile, context: ArticleContext, lastGood?: ReadonlyMap<string, string>): ParsedWithLastGood {
  const parsed = parseArticle(source, context);
  if (parsed.article) return { ...parsed, text: source.text };
  const previousText = lastGood?.get(source.relativePath);
  if (previousText === undefined || previousText === source.text) return parsed;
  const previous = parseArticle({ ...source, text: previousText }, context);
  if (!previous.article) return parsed;
  return { ...previous, problems: parsed.problems, text: previousText, fromLastGood: true };
}
