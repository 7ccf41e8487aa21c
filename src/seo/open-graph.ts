import { isoLocal } from '../i18n/format.js';
import { LANGS, OG_LOCALE, type Lang } from '../i18n/languages.js';

export interface SocialImage {
  /** Absolute URL. */
  url: string;
  width?: number;
  height?: number;
  alt: string;
}

export interface SocialInput {
  lang: Lang;
  siteName: string;
  type: 'website' | 'article';
  title: string;
  description: string;
  url: string;
  image: SocialImage;
  /** The languages this page also exists in. */
  alternateLangs: Lang[];
  article?: { published: Date; modified?: Date; section?: string; tags: string[] };
}

/** A <meta> tag: Open Graph uses property=, Twitter uses name=. */
export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

/** Open Graph and Twitter card tags for one page. */
export function socialTags(input: SocialInput): MetaTag[] {
  const og = (property: string, content: string | number | undefined): MetaTag[] =>
    content === undefined ? [] : [{ property, content: String(content) }];
  const tw = (name: string, content: string): MetaTag => ({ name, content });
  const { article, image } = input;
  return [
    ...og('og:type', input.type),
    ...og('og:site_name', input.siteName),
    ...og('og:title', input.title),
    ...og('og:description', input.description),
    ...og('og:url', input.url),
    ...og('og:locale', OG_LOCALE[input.lang]),
    ...LANGS.filter((l) => l !== input.lang && input.alternateLangs.includes(l)).flatMap((l) => og('og:locale:alternate', OG_LOCALE[l])),
    ...og('og:image', image.url),
    ...og('og:image:width', image.width),
    ...og('og:image:height', image.height),
    ...og('og:image:alt', image.alt),
    ...(article
      ? [
          ...og('article:published_time', isoLocal(article.published)),
          ...og('article:modified_time', isoLocal(article.modified ?? article.published)),
          ...og('article:section', article.section),
          ...article.tags.flatMap((tag) => og('article:tag', tag)),
        ]
      : []),
    tw('twitter:card', 'summary_large_image'),
    tw('twitter:title', input.title),
    tw('twitter:description', input.description),
    tw('twitter:image', image.url),
    tw('twitter:image:alt', image.alt),
  ];
}
