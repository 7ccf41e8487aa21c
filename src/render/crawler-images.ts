import type { Article } from '../parse/types.js';
import { isImage } from '../parse/media-facts.js';
import { cropSize, derivativeUrl } from '../media/ladder.js';
import type { SocialImage } from '../seo/open-graph.js';
import { absoluteUrl } from '../seo/urls.js';
import type { PageContext } from './context.js';

/**
 * An article's picture as crawlers want it: og:image as a 1200×630 JPEG, and NewsArticle's
 * images in 16:9, 4:3 and 1:1 (Google's three ratios, 1200 px wide when the original allows).
 * Undefined when the article has no readable picture.
 */
export function crawlerImagesOf(ctx: PageContext, article: Article): { og: SocialImage; ratios: string[] } | undefined {
  const image = article.image;
  const facts = image && (image.facts ?? ctx.index.images.get(image.src));
  if (!image || !isImage(facts)) return undefined;
  const url = (name: string) => absoluteUrl(ctx.siteUrl, derivativeUrl(facts.hash, name));
  const og = cropSize(facts, 'og');
  return {
    og: { url: url('og.jpg'), width: og.width, height: og.height, alt: image.alt },
    ratios: (['16x9', '4x3', '1x1'] as const).map((crop) => url(`${crop}.jpg`)),
  };
}
