import { isImage, type ImageFacts, type MediaFacts } from '../parse/media-facts.js';
import { derivativeUrl, fallbackFormat, MIME, widthsFor, type Format } from '../media/ladder.js';

/**
 * Where a picture sits, as `sizes` says it to the browser: the width of its slot at each
 * viewport width. They mirror public/css/site.css (.wrap 72rem with 1rem padding; .article
 * 42rem; .cards one column, two from 40rem, three from 64rem, 1.5rem gaps; .card--lead 3fr of
 * 3fr 2fr from 48rem). Change them with the CSS: a slot wider than said makes blurry pictures,
 * a narrower one wasted bytes.
 */
export const SLOTS = {
  article: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  card: '(min-width: 72rem) 22.4rem, (min-width: 64rem) calc((100vw - 5rem) / 3), (min-width: 40rem) calc((100vw - 3.5rem) / 2), calc(100vw - 2rem)',
  lead: '(min-width: 72rem) 41.1rem, (min-width: 48rem) calc((100vw - 3.5rem) * 0.6), calc(100vw - 2rem)',
} as const;
export type Slot = keyof typeof SLOTS;

export interface PictureView {
  /** AVIF, then WebP: the browser takes the first type it reads. */
  sources: { type: string; srcset: string }[];
  /** The fallback (JPEG, or PNG with transparency) for the <img> itself. */
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  alt: string;
  /** The page's main picture loads first; the others when they come near the screen. */
  loading: 'eager' | 'lazy';
  fetchpriority?: 'high';
  /** The class painting the picture's average colour while it loads (see site.css, .ph-*). */
  placeholder: string;
}

export interface PictureOptions {
  alt: string;
  slot: Slot;
  /** The page's main picture (above the fold): eager, high priority. */
  main?: boolean;
}

/**
 * A <picture> for an original, or undefined when its facts are unknown (an unreadable file).
 * @example pictureView(facts, { alt: 'Переговоры', slot: 'article', main: true }).sources[0].type // 'image/avif'
 */
export function pictureView(facts: MediaFacts | undefined, options: PictureOptions): PictureView | undefined {
  if (!isImage(facts)) return undefined;
  const widths = widthsFor(facts.width);
  const srcset = (format: Format) => widths.map((w) => `${derivativeUrl(facts.hash, `${w}.${format}`)} ${w}w`).join(', ');
  const fallback = fallbackFormat(facts);
  // The fallback <img> src: a middle size, for the rare browser without srcset.
  const middle = widths.filter((w) => w <= 960).pop() ?? widths[0]!;
  return {
    sources: (['avif', 'webp'] as const).map((format) => ({ type: MIME[format], srcset: srcset(format) })),
    src: derivativeUrl(facts.hash, `${middle}.${fallback}`),
    srcset: srcset(fallback),
    sizes: SLOTS[options.slot],
    width: facts.width,
    height: facts.height,
    alt: options.alt,
    loading: options.main ? 'eager' : 'lazy',
    fetchpriority: options.main ? 'high' : undefined,
    placeholder: placeholderClass(facts),
  };
}

/**
 * The placeholder class of a colour: each channel rounded to one of four levels (0, 55, aa,
 * ff), 64 classes in all. The CSP allows no style attribute, so the colour is a class.
 * @example placeholderClass({ color: '#3a6ea5' }) // 'ph ph-112'
 */
export function placeholderClass(facts: Pick<ImageFacts, 'color'>): string {
  const levels = [1, 3, 5].map((i) => Math.round(parseInt(facts.color.slice(i, i + 2), 16) / 85));
  return `ph ph-${levels.join('')}`;
}
