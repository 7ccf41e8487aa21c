import { absoluteUrl } from './urls.js';

/** What structured data and feeds say about the agency as publisher: its URL and its logo. */
export interface Publisher {
  siteUrl: string;
  /** Absolute URL of a raster logo, at least 112 px (Google's rule for a publisher's logo). */
  logoUrl: string;
  logoSize: number;
}

/** The raster logo in public/: square, 512 px. */
const LOGO = { file: 'icon-512.png', size: 512 };

/**
 * The publisher at this SITE_URL, its logo under the fingerprinted name `asset` gives it.
 * @example publisher('https://dknews.kz', assets.url).logoUrl // 'https://dknews.kz/assets/icon-512.3f2a9c1b0d.png'
 */
export function publisher(siteUrl: string, asset: (file: string) => string): Publisher {
  return { siteUrl, logoUrl: absoluteUrl(siteUrl, asset(LOGO.file)), logoSize: LOGO.size };
}
