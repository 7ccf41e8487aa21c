import { parseArticle, type ArticleContext, type ParsedArticle, type SiteLink } from './parse-article.js';
import type { Article, SourceFile } from './types.js';

/**
 * The last parse of a file that made an article. A build keeps one per file and hands them to
 * the next build, which reuses it instead of parsing the file again while the file's stamp is
 * unchanged, and falls back to it when the file's new text breaks a rule.
 */
export interface GoodParse {
  /** The stamp of the text it was made from; undefined when the source had none. */
  stamp?: string;
  article: Article;
  siteLinks: SiteLink[];
  /** Media files the body shows: they must still exist for the parse to be reused. */
  media: string[];
  /** The line of each of `media` in the file (absent in parses cached before it was kept). */
  mediaLines?: number[];
}

export interface ParsedWithLastGood extends ParsedArticle {
  /** The good parse the article comes from: this one, or the file's last good one. */
  good?: GoodParse;
  /** True when the current text has problems and the article comes from the last good parse. */
  fromLastGood?: boolean;
  /** True when the file was not parsed: its previous parse is still good. */
  reused?: boolean;
}

/**
 * Parses an article file, or reuses its previous parse when the file has not changed since.
 * When its current text breaks a rule and an earlier text of the same file was good, the
 * article is made from that earlier parse, so that an editor's half-saved change never takes a
 * published article offline. The earlier parse must still fit today's authors, topics and
 * media: one that no longer does is not served either. The problems returned are always those
 * of the current text: they are what the editor must fix.
 * @example parseWithLastGood(broken, context, lastGoodOfBroken).fromLastGood // true
 */
export function parseWithLastGood(
  source: SourceFile,
  context: ArticleContext,
  lastGood?: Pick<ReadonlyMap<string, GoodParse>, 'get'>,
  readText?: (relativePath: string) => string | undefined,
): ParsedWithLastGood {
  const previous = lastGood?.get(source.relativePath);
  const usable = previous !== undefined && fits(previous, context);
  if (usable && source.stamp !== undefined && source.stamp === previous.stamp) {
    return { article: previous.article, siteLinks: previous.siteLinks, media: previous.media, mediaLines: previous.mediaLines, problems: [], good: previous, reused: true };
  }
  // Left unread because it was parsed before, but that parse no longer fits: read it after all.
  const text = source.unread ? readText?.(source.relativePath) : source.text;
  // Gone since it was listed (an editor deleting it mid-reload): as if it had not been listed.
  if (source.unread && text === undefined) return { problems: [] };
  const parsed = parseArticle({ ...source, text, unread: false }, context);
  if (parsed.article) {
    return { ...parsed, good: { stamp: source.stamp, article: parsed.article, siteLinks: parsed.siteLinks ?? [], media: parsed.media ?? [], mediaLines: parsed.mediaLines } };
  }
  if (!usable) return parsed;
  // The links of the current text: those are the ones the editor is told about.
  return { article: previous.article, siteLinks: parsed.siteLinks ?? [], media: previous.media, mediaLines: previous.mediaLines, problems: parsed.problems, good: previous, fromLastGood: true };
}

/** Whether an earlier parse still holds: its author, topics and images all still exist. */
export function fits({ article, media }: GoodParse, context: ArticleContext): boolean {
  return (
    context.authors.includes(article.author) &&
    article.topics.every((topic) => context.topics.includes(topic)) &&
    (!article.image || context.media.has(article.image.src)) &&
    media.every((file) => context.media.has(file))
  );
}
