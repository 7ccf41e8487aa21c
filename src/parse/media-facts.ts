// A type of the parsed content, as SourceFile is: articles carry these facts (ArticleImage.facts),
// the index keeps them, and media/ reads them from the files.

/** What the site knows about one original in content/media/, read from the file itself. */
export interface ImageFacts {
  /** The first 20 hex digits of the SHA-256 of the file: its derivatives' folder and URL. */
  hash: string;
  /** Pixels as shown, after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** As sharp names it: jpeg, png, webp, avif (heif), gif, tiff, svg. */
  format: string;
  alpha: boolean;
  /** The average colour, #rrggbb: the placeholder while the picture loads. */
  color: string;
  /** The original's size in bytes. */
  bytes: number;
  /** The size of the feed's derivative (see feedVariant), once made. */
  feedBytes?: number;
}

/** An original sharp cannot read: a broken file, or one that is not an image. */
export interface UnreadableImage {
  unreadable: string;
  bytes: number;
}

export type MediaFacts = ImageFacts | UnreadableImage;

export function isImage(facts: MediaFacts | undefined): facts is ImageFacts {
  return facts !== undefined && !('unreadable' in facts);
}
