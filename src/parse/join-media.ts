import { ContentError } from '../problems/errors.js';
import type { ProblemCode } from '../problems/messages.js';
import type { Article } from './types.js';
import { isImage, type MediaFacts } from './media-facts.js';

/** Originals heavier than this get a warning: readers never download them, but they are slow to keep and process. */
export const HEAVY_BYTES = 10_000_000;
/** Google Discover and large social previews want images at least this wide. */
export const WIDE_ENOUGH = 1200;

/**
 * The article with its picture's facts as read from the file, joined as the article is written
 * to the index. A photo replaced under the same name changes the survey's facts; sync/reconcile.ts
 * then writes the articles showing it again, so the pages have it at the next content version.
 */
export function withImageFacts(article: Article, images: ReadonlyMap<string, MediaFacts> | undefined): Article {
  const image = article.image;
  const facts = image && images?.get(image.src);
  if (!image) return article;
  if (!isImage(facts)) return image.facts || image.width ? { ...article, image: { ...image, facts: undefined, width: undefined, height: undefined } } : article;
  if (image.facts === facts) return article;
  // The same parse joined with the same facts is the same article: a reload keeps unchanged articles as they were.
  const earlier = joined.get(article);
  if (earlier?.image?.facts === facts) return earlier;
  const result = { ...article, image: { ...image, width: facts.width, height: facts.height, facts } };
  joined.set(article, result);
  return result;
}

const joined = new WeakMap<Article, Article>();

/**
 * What is wrong with an article's pictures: a file sharp cannot read is an error; an original
 * over 10 MB, narrower than 1200 px, or of another size than the one typed is a warning.
 * Body images are checked for readability and weight (their width is the editor's choice).
 */
export function imageProblems(article: Article, body: { media: readonly string[]; mediaLines?: readonly number[] }, images: ReadonlyMap<string, MediaFacts> | undefined): ContentError[] {
  if (!images) return [];
  const problems: ContentError[] = [];
  const at = (line: number, field: string, code: ProblemCode, params: Record<string, string | number>) =>
    problems.push(new ContentError({ file: article.file, line, field, code, params }));
  const image = article.image;
  if (image) {
    const facts = images.get(image.src);
    const line = image.line ?? 1;
    common(facts, image.src, (code, params) => at(line, 'image.src', code, params));
    if (isImage(facts)) {
      if (facts.width < WIDE_ENOUGH) at(line, 'image.src', 'image_too_narrow', { src: image.src, width: facts.width });
      const typed = image.typed;
      if (typed && (typed.width !== facts.width || typed.height !== facts.height)) {
        at(line, 'image', 'image_size_wrong', { src: image.src, typed: `${typed.width ?? '?'}×${typed.height ?? '?'}`, actual: `${facts.width}×${facts.height}` });
      }
    }
  }
  body.media.forEach((src, i) => common(images.get(src), src, (code, params) => at(body.mediaLines?.[i] ?? 1, 'body', code, params)));
  return problems;
}

function common(facts: MediaFacts | undefined, src: string, report: (code: 'image_unreadable' | 'image_too_heavy', params: Record<string, string | number>) => void): void {
  if (!facts) return;
  if (!isImage(facts)) report('image_unreadable', { src, detail: facts.unreadable });
  else if (facts.bytes > HEAVY_BYTES) report('image_too_heavy', { src, mb: (facts.bytes / 1e6).toFixed(1) });
}
