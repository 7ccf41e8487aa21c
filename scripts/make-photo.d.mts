export interface PhotoOptions {
  width: number;
  height: number;
  format?: 'png' | 'jpeg';
  /** PNG only: a transparent band across the top. */
  alpha?: boolean;
  /** An EXIF orientation to write (6: the camera was turned, the pixels are stored sideways). */
  orientation?: number;
  /** PNG zlib level: 0 stores the pixels as they are (a 3000×2000 photo is then 18 MB, like a camera's). */
  compression?: number;
}

/** Writes a photo-like image (gradients under per-pixel noise) to `file`. */
export function makePhoto(file: string, options: PhotoOptions): Promise<void>;
