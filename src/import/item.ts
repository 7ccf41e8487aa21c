import type { Lang } from '../i18n/languages.js';

/**
 * What every source is read into before anything is written: one article or page with its
 * references, in the source's own terms (logins, category names, image URLs). The writer turns
 * these into our ids, files and media paths.
 */
export interface SourceAuthor {
  /** What identifies the author across runs: the WordPress login, a feed's author name. */
  key: string;
  name: string;
  /** The login as the old system had it, kept in authors.yml as a comment. */
  login?: string;
}

export interface SourceTopic {
  /** `category:news`, `tag:astana`: the taxonomy and the old slug. */
  key: string;
  name: string;
  /** The old slug (nicename), percent-decoded: our id is made from it. */
  slug: string;
  description?: string;
  kind: 'category' | 'tag';
}

export interface SourceImage {
  url: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface ImportItem {
  kind: 'article' | 'page';
  /** What identifies the item across runs: `wxr:post:123`, a feed's guid, a page's URL. */
  key: string;
  /** Where it starts in the source (a line of the file), or its URL: the report names it. */
  where: string;
  title: string;
  /** The slug wanted: the old one, percent-decoded and transliterated (see slugs.ts). */
  slug: string;
  lang: Lang;
  date: Date;
  updated?: Date;
  author?: SourceAuthor;
  topics: SourceTopic[];
  lead?: string;
  /** The body as HTML (WordPress content, a feed's full text, a page's readable part). */
  html: string;
  /** Set when the source gave only a summary, not the full text. */
  summaryOnly?: boolean;
  image?: SourceImage;
  /** Attachments of the source by URL: alt, caption and credit of the pictures the body shows. */
  pictures?: ReadonlyMap<string, SourceImage>;
  draft: boolean;
  featured?: boolean;
  views?: number;
  /** A page's place among the pages (WordPress's menu order). */
  order?: number;
  /** Old paths on the old site (`/2015/01/slug/`, `/?p=123`): they answer 301 to the new page. */
  aliases: string[];
  /** Comments the source had: counted, not imported. */
  comments: number;
  /** What the source had that our format has no field for: reported with the file. */
  notes: ItemNote[];
}

/** Something about one item that the report lists with its file. */
export interface ItemNote {
  code: NoteCode;
  detail?: string;
  /** The line of the body in the written file, when the note is about a place in it. */
  line?: number;
}

export type NoteCode =
  | 'summary_only'
  | 'image_missing'
  | 'shortcode_unknown'
  | 'block_unknown'
  | 'html_dropped'
  | 'alt_from_title'
  | 'password_protected'
  | 'status_draft'
  | 'status_private'
  | 'status_pending'
  | 'future'
  | 'date_local'
  | 'title_cleaned'
  | 'field_unsupported'
  | 'empty_body'
  | 'topic_fallback'
  | 'author_fallback';
