// A photo-like image made on the spot, for tests and the pictures benchmark, so that no binary
// fixture is kept: gradients across the frame under per-pixel noise, which compresses as badly
// as a real photo's grain.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** @param {string} file @param {import('./make-photo.d.mts').PhotoOptions} options */
export async function makePhoto(file, options) {
  const { width, height } = options;
  const channels = options.alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 60;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const n = noise();
      raw[i] = clamp(40 + (180 * x) / width + n);
      raw[i + 1] = clamp(90 + 100 * Math.sin(y / 150) + n);
      raw[i + 2] = clamp(200 - (150 * y) / height + n);
      if (channels === 4) raw[i + 3] = y < height / 4 ? 0 : 255;
    }
  }
  await mkdir(path.dirname(file), { recursive: true });
  let image = sharp(raw, { raw: { width, height, channels } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  await (options.format === 'jpeg' ? image.jpeg({ quality: 92 }) : image.png({ compressionLevel: options.compression ?? 6 })).toFile(file);
}

/** @param {number} value */
function clamp(value) {
  return Math.max(0, Math.min(255, Math.round(value)));
}
