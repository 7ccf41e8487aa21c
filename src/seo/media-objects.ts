import { isoLocal } from '../i18n/format.js';

/** A video on a page, ours or a provider's, as VideoObject needs it (URLs as the page has them; made absolute for JSON-LD). */
export interface VideoInput {
  name: string;
  description: string;
  /** Absolute URL of its poster. */
  thumbnailUrl: string;
  /** Our own file's absolute URL, or the provider's player. */
  contentUrl?: string;
  embedUrl?: string;
  seconds?: number;
  width?: number;
  height?: number;
}

/**
 * VideoObject for every video of an article, as Google's video rich results read it: name,
 * description, thumbnailUrl and uploadDate required; contentUrl or embedUrl, duration
 * recommended. A provider's video is dated with the article: its upload date is the
 * provider's, which the page does not ask for.
 * @example videoObject({ name: 'Форум', description: 'Форум', thumbnailUrl: 'https://dknews.kz/p.jpg', embedUrl: 'https://www.youtube-nocookie.com/embed/x' }, date)['@type'] // 'VideoObject'
 */
export function videoObject(video: VideoInput, published: Date): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: video.name,
    description: video.description,
    thumbnailUrl: [video.thumbnailUrl],
    uploadDate: isoLocal(published),
    ...(video.contentUrl ? { contentUrl: video.contentUrl } : {}),
    ...(video.embedUrl ? { embedUrl: video.embedUrl } : {}),
    ...(video.seconds ? { duration: isoDuration(video.seconds) } : {}),
    ...(video.width && video.height ? { width: video.width, height: video.height } : {}),
  };
}

/** A photo of a photo report, as the article's `image` lists it. */
export interface ImageInput {
  contentUrl: string;
  caption?: string;
  credit?: string;
  width: number;
  height: number;
}

/** A photo of a photo report as an ImageObject (Google's image metadata: contentUrl, creditText). */
export function imageObject(image: ImageInput, creditFallback: string): object {
  return {
    '@type': 'ImageObject',
    contentUrl: image.contentUrl,
    url: image.contentUrl,
    width: image.width,
    height: image.height,
    ...(image.caption ? { caption: image.caption } : {}),
    creditText: image.credit ?? creditFallback,
  };
}

/** Seconds as ISO 8601: 83.4 → PT1M23S. */
export function isoDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
