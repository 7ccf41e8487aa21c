import sharp, { type Sharp } from 'sharp';
import { cropSize, heightAt, type Variant } from './ladder.js';
import type { ImageFacts } from '../parse/media-facts.js';

/** The largest master a ladder is made from: the crops and the top rung need no more. */
export const MASTER_WIDTH = 2400;

/** Decoded pixels of an original, oriented and scaled to at most MASTER_WIDTH: decoded once, resized many times. */
export interface Master {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

// libvips keeps decoded images in a cache of its own; ours is the master, so it would only hold memory.
sharp.cache(false);

/**
 * Decodes an original: EXIF orientation applied, colours converted to sRGB, no metadata kept.
 * Runs on libuv's threads; the event loop only waits for it.
 */
export async function decodeMaster(file: string, width: number): Promise<Master> {
  const { data, info } = await sharp(file, { limitInputPixels: 2 ** 28 })
    .autoOrient()
    .resize({ width: Math.min(width, MASTER_WIDTH), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as Master['channels'] };
}

/** The average colour of a master, as #rrggbb. */
export async function averageColor(master: Master): Promise<string> {
  const { data } = await fromMaster(master).removeAlpha().resize(1, 1, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  return `#${[...data.subarray(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function fromMaster(master: Master): Sharp {
  return sharp(master.data, { raw: { width: master.width, height: master.height, channels: master.channels } });
}

/**
 * Encodes one derivative from a master. Settings chosen for a news photo on a phone: AVIF at
 * quality 45 with 4:2:0 chroma and effort 2 (seconds, not tens of seconds, for a whole ladder;
 * a 1280 px card of a noisy 18 MB photo in under 40 KB), WebP and mozjpeg at the qualities image
 * CDNs default to. No metadata is written. libvips writes the file itself: the encoded bytes never
 * cross into JavaScript, so making a ladder leaves the event loop's heap (and its collector) alone.
 * Returns the file's size in bytes.
 */
export async function makeVariant(master: Master, image: Pick<ImageFacts, 'width' | 'height' | 'alpha'>, variant: Variant, file: string): Promise<number> {
  return (await encoder(master, image, variant).toFile(file)).size;
}

function encoder(master: Master, image: Pick<ImageFacts, 'width' | 'height' | 'alpha'>, variant: Variant): Sharp {
  let pipeline = fromMaster(master);
  if (variant.kind === 'crop') {
    const { width, height } = cropSize(image, variant.crop);
    pipeline = pipeline.resize(width, height, { fit: 'cover', position: 'attention' }).flatten({ background: '#ffffff' });
    return pipeline.jpeg({ quality: 82, mozjpeg: true });
  }
  pipeline = pipeline.resize(variant.width, heightAt(image, variant.width), { fit: 'fill' });
  switch (variant.format) {
    case 'avif':
      return pipeline.avif({ quality: 45, effort: 2, chromaSubsampling: '4:2:0' });
    case 'webp':
      return pipeline.webp({ quality: 75, effort: 4 });
    case 'png':
      return pipeline.png({ compressionLevel: 9, palette: false });
    case 'jpg':
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true });
  }
}

/** Header facts of an original, without decoding its pixels. Throws when sharp cannot read it. */
export async function readHeader(file: string): Promise<{ width: number; height: number; format: string; alpha: boolean }> {
  const meta = await sharp(file).metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new Error('no dimensions');
  return { width, height, format: meta.format, alpha: meta.hasAlpha };
}
