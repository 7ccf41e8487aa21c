/**
 * Which derivatives an original has: pure rules, no disk and no sharp. The media library makes
 * them; the picture view model and the crawlers' tags name them.
 */
import { paths } from '../paths.js';

/** Widths of the responsive ladder; an original narrower than a rung gets its own width as the top rung instead. */
export const LADDER = [320, 480, 640, 960, 1280, 1600, 1920] as const;

/** The sizes crawlers ask for: og:image, and NewsArticle's three ratios (Google wants each ≥ 1200 px wide). */
export const CROPS = {
  og: { width: 1200, height: 630 },
  '16x9': { ratio: 16 / 9 },
  '4x3': { ratio: 4 / 3 },
  '1x1': { ratio: 1 },
} as const;
export type CropName = keyof typeof CROPS;
const CROP_WIDTH = 1200;

/** The facts of an original that decide its derivatives (see ImageFacts). */
export interface LadderInput {
  width: number;
  height: number;
  alpha: boolean;
}

export type Format = 'avif' | 'webp' | 'jpg' | 'png';
export const MIME: Record<Format, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' };

/** A derivative's name inside its original's folder: `960.avif`, `1280.jpg`, `og.jpg`, `16x9.jpg`. */
export type Variant = { kind: 'width'; width: number; format: Format } | { kind: 'crop'; crop: CropName; width: number; height: number };

/**
 * The ladder's widths for an original: every rung up to its width, and its own width on top
 * when it falls between rungs, so no derivative is ever wider than the original.
 * @example widthsFor(1000) // [320, 480, 640, 960, 1000]
 */
export function widthsFor(width: number): number[] {
  const rungs: number[] = LADDER.filter((w) => w <= width);
  if (width < LADDER[LADDER.length - 1]! && rungs[rungs.length - 1] !== width) rungs.push(width);
  return rungs;
}

/** JPEG for opaque originals, PNG for those with transparency: the format every browser reads. */
export function fallbackFormat(image: Pick<LadderInput, 'alpha'>): Format {
  return image.alpha ? 'png' : 'jpg';
}

/** The height of a width derivative: the original's ratio, rounded. */
export function heightAt(image: Pick<LadderInput, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((image.height * width) / image.width));
}

/** A crop's size: og:image is always 1200×630 (enlarged if it must be); the ratios are 1200 px wide when the original allows. */
export function cropSize(image: Pick<LadderInput, 'width' | 'height'>, crop: CropName): { width: number; height: number } {
  const spec = CROPS[crop];
  if ('width' in spec) return { width: spec.width, height: spec.height };
  const widest = Math.min(image.width, Math.floor(image.height * spec.ratio));
  const width = Math.min(CROP_WIDTH, widest);
  return { width, height: Math.round(width / spec.ratio) };
}

/** The file name of a variant. */
export function variantName(variant: Variant): string {
  return variant.kind === 'width' ? `${variant.width}.${variant.format}` : `${variant.crop}.jpg`;
}

/**
 * Reads a derivative's name back, only if this original has it: anything else is not ours.
 * @example parseVariant('960.avif', { width: 3000, height: 2000, alpha: false }) // { kind: 'width', width: 960, format: 'avif' }
 */
export function parseVariant(name: string, image: LadderInput): Variant | undefined {
  const width = /^([1-9]\d{0,4})\.(avif|webp|jpg|png)$/.exec(name);
  if (width) {
    const w = Number(width[1]);
    const format = width[2] as Format;
    if (!widthsFor(image.width).includes(w)) return undefined;
    if ((format === 'jpg' || format === 'png') && format !== fallbackFormat(image)) return undefined;
    return { kind: 'width', width: w, format };
  }
  const crop = /^(og|16x9|4x3|1x1)\.jpg$/.exec(name);
  if (crop) {
    const name = crop[1] as CropName;
    return { kind: 'crop', crop: name, ...cropSize(image, name) };
  }
  return undefined;
}

/** Every derivative of an original, the ladder in each format and the crops. */
export function allVariants(image: LadderInput): Variant[] {
  const formats: Format[] = ['avif', 'webp', fallbackFormat(image)];
  const widths = widthsFor(image.width);
  return [
    ...(Object.keys(CROPS) as CropName[]).map((crop): Variant => ({ kind: 'crop', crop, ...cropSize(image, crop) })),
    // Small first: the sizes phones ask for are ready soonest.
    ...widths.flatMap((width) => formats.map((format): Variant => ({ kind: 'width', width, format }))),
  ];
}

/** The derivative a feed reader gets: the fallback format, at most 1280 px wide. */
export function feedVariant(image: LadderInput): Variant {
  const widths = widthsFor(image.width).filter((w) => w <= 1280);
  return { kind: 'width', width: widths[widths.length - 1] ?? image.width, format: fallbackFormat(image) };
}

/** The URL of a derivative: its original's content hash makes it immutable. */
export function derivativeUrl(hash: string, variant: Variant | string): string {
  return paths.derivative(hash, typeof variant === 'string' ? variant : variantName(variant));
}
