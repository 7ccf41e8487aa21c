import { describe, expect, it } from 'vitest';
import { allVariants, cropSize, parseVariant, widthsFor } from '../../src/media/ladder.js';
import { placeholderClass, pictureView } from '../../src/render/picture.js';
import type { ImageFacts } from '../../src/parse/media-facts.js';

const photo: ImageFacts = { hash: 'a'.repeat(20), width: 3000, height: 2000, format: 'png', alpha: false, color: '#3a6ea5', bytes: 18_030_953 };

describe('the ladder of widths', () => {
  it('stops at the original: never a derivative wider than it', () => {
    expect(widthsFor(3000)).toEqual([320, 480, 640, 960, 1280, 1600, 1920]);
    expect(widthsFor(1000)).toEqual([320, 480, 640, 960, 1000]);
    expect(widthsFor(960)).toEqual([320, 480, 640, 960]);
    expect(widthsFor(200)).toEqual([200]);
  });

  it('answers only the names an original has: no width off the ladder, no JPEG for a transparent original', () => {
    expect(parseVariant('960.avif', photo)).toEqual({ kind: 'width', width: 960, format: 'avif' });
    expect(parseVariant('961.avif', photo)).toBeUndefined();
    expect(parseVariant('960.png', photo)).toBeUndefined();
    expect(parseVariant('960.jpg', { ...photo, alpha: true })).toBeUndefined();
    expect(parseVariant('1920.webp', { ...photo, width: 1000, height: 700 })).toBeUndefined();
    expect(parseVariant('og.jpg', photo)).toEqual({ kind: 'crop', crop: 'og', width: 1200, height: 630 });
  });

  it("crops the crawlers' ratios 1200 px wide when the original allows, narrower when it does not", () => {
    expect(cropSize(photo, '16x9')).toEqual({ width: 1200, height: 675 });
    expect(cropSize(photo, '4x3')).toEqual({ width: 1200, height: 900 });
    expect(cropSize(photo, '1x1')).toEqual({ width: 1200, height: 1200 });
    expect(cropSize({ width: 800, height: 600 }, '1x1')).toEqual({ width: 600, height: 600 });
    expect(allVariants(photo)).toHaveLength(4 + 7 * 3);
  });
});

describe('the picture view', () => {
  it('offers AVIF, then WebP, then JPEG, each over the whole ladder, with the size of the file', () => {
    const view = pictureView(photo, { alt: 'Переговоры', slot: 'article', main: true })!;
    expect(view.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    expect(view.sources[0]!.srcset).toBe(
      [320, 480, 640, 960, 1280, 1600, 1920].map((w) => `/media/_/${photo.hash}/${w}.avif ${w}w`).join(', '),
    );
    expect(view.srcset).toContain(`/media/_/${photo.hash}/1920.jpg 1920w`);
    expect(view.src).toBe(`/media/_/${photo.hash}/960.jpg`);
    expect(view).toMatchObject({ width: 3000, height: 2000, alt: 'Переговоры', loading: 'eager', fetchpriority: 'high', sizes: '(min-width: 44rem) 42rem, calc(100vw - 2rem)' });
  });

  it('loads a picture that is not the main one lazily, without priority', () => {
    expect(pictureView(photo, { alt: '', slot: 'card' })).toMatchObject({ loading: 'lazy', fetchpriority: undefined });
  });

  it('falls back to PNG for a transparent original, and is absent for an unreadable file', () => {
    expect(pictureView({ ...photo, alpha: true }, { alt: '', slot: 'card' })!.src).toBe(`/media/_/${photo.hash}/960.png`);
    expect(pictureView({ unreadable: 'unsupported image format', bytes: 10 }, { alt: '', slot: 'card' })).toBeUndefined();
  });

  it('paints the average colour as one of 64 placeholder classes', () => {
    expect(placeholderClass({ color: '#3a6ea5' })).toBe('ph ph-112');
    expect(placeholderClass({ color: '#ffffff' })).toBe('ph ph-333');
  });
});
