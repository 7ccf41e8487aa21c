import type { Lang } from '../i18n/languages.js';
import type { ImageFacts, MediaFacts } from './media-facts.js';
import type { Localized, SOCIAL_NETWORKS } from './schema.js';

export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

/** A file as the loader read it. `text` is undefined when the bytes are not valid UTF-8. */
export interface SourceFile {
  /** Path as the editor knows it, for messages: content/news/2026/01/x.ru.md */
  file: string;
  /** Path inside the content folder, with forward slashes: news/2026/01/x.ru.md */
  relativePath: string;
  text: string | undefined;
  /**
   * Size, inode, modification and change time as the loader saw them. The same stamp means the
   * same text: a file whose stamp a previous build already parsed is not parsed again.
   */
  stamp?: string;
  /** The loader left the text unread because a previous build parsed this very stamp. */
  unread?: boolean;
  /** When the file was last modified (ms), where the loader looked (static pages: their sitemap lastmod). */
  modifiedMs?: number;
}

export interface ContentSources {
  site?: SourceFile;
  authors?: SourceFile;
  topics?: SourceFile;
  articles: SourceFile[];
  /** Static pages under pages/ (about.ru.md); absent in trees made without a loader. */
  pages?: SourceFile[];
  /** Files under media/: path relative to it, with forward slashes → size in bytes. */
  media: ReadonlyMap<string, number>;
  /** How the content folder is written in messages, e.g. "content". */
  root: string;
  /** What each media file is, read from the file itself (src/media/); absent when nobody looked (tests of parsing alone). */
  images?: ReadonlyMap<string, MediaFacts>;
  /** Files under news/ that look meant as articles but are not named SLUG.LANG.md (x.markdown, x.MD, x.txt): noted, not published. */
  nearMisses?: string[];
  /** Reads an article file the loader left unread, for when its earlier parse cannot be reused. */
  readText?: (relativePath: string) => string | undefined;
}

export interface ArticleImage {
  /** Path under /media/, e.g. 2026/01/photo.jpg */
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** As the file itself says (after EXIF orientation), once its facts are known; never as typed. */
  width?: number;
  height?: number;
  /** The line of `image.src` in the file, for messages about the picture. */
  line?: number;
  /** Width and height as the editor typed them, checked against the file's. */
  typed?: { width?: number; height?: number };
  /** The facts of the file (content hash, format, colour…), joined at each build so a replaced photo shows at once. */
  facts?: ImageFacts;
}

export interface Article {
  slug: string;
  lang: Lang;
  file: string;
  title: string;
  /** The front matter's lead, else the body's first paragraph. */
  lead: string;
  date: Date;
  updated?: Date;
  author: string;
  /** Topic ids; the first is the main one. */
  topics: string[];
  image?: ArticleImage;
  views: number;
  /** Marked as the home page's lead story. */
  featured?: boolean;
  draft: boolean;
  aliases: string[];
  /** «Срочно»: marked on the article and its cards; the home page leads with it for a while (site.breakingHours). */
  breaking?: boolean;
  /** Live coverage: set when the front matter has `live`. */
  live?: LiveCoverage;
  /** Dated notices of what was corrected, as written (newest last or first: shown newest first). */
  corrections?: Correction[];
  /** Advertising: «Реклама», the advertiser under the article, rel="sponsored", not in Google News. */
  sponsored?: Sponsor;
  /**
   * Where the body is kept (see index/pack.ts): bodies are the bulk of the content, so the index
   * holds what lists and heads need and fetches a body when a page, feed or search needs it.
   */
  bodyId: string;
  wordCount: number;
  /** Site path, e.g. /ru/news/some-slug */
  path: string;
}

/** Live coverage of an article (`live`, `live_until`, and the updates of its body). */
export interface LiveCoverage {
  /** `live: true`; false once the editor has ended it (`live: false`). */
  on: boolean;
  /** When it ends by itself (`live_until`). */
  until?: Date;
  /** The newest update's moment; absent before the first update. */
  latest?: Date;
  /** How many updates the body has. */
  updates: number;
}

export interface Correction {
  date: Date;
  text: string;
}

export interface Sponsor {
  advertiser: string;
  /** The advertisement's identifier in the register of online advertising (Russia's ERIR), when one was issued. */
  erid?: string;
}

/** An article's body, produced by our own Markdown pipeline. */
export interface ArticleBody {
  html: string;
  /** Plain text, paragraphs separated by blank lines: for search, feeds and snippets. */
  text: string;
}

export interface Site {
  founded: number;
  name: Localized;
  shortName: Localized;
  description: Localized;
  registration: Localized;
  ageMark?: string;
  publicationName?: string;
  /** Hours a `breaking` article leads the home page after its date. */
  breakingHours: number;
  social: Partial<Record<SocialNetwork, string>>;
  contacts: { email?: string; phone?: string; address?: Localized };
}

export interface Person {
  id: string;
  name: Localized;
  role: Localized;
  /** Path under /media/. */
  photo?: string;
  bio?: Localized;
  editorInChief: boolean;
}

/** A static page: about, contacts, advertising, editorial policy. */
export interface StaticPage {
  slug: string;
  lang: Lang;
  file: string;
  title: string;
  description: string;
  order: number;
  html: string;
  /** Site path, e.g. /ru/about */
  path: string;
  /** When it last changed (ms): its `updated`, else its file's modification time; the sitemap's lastmod. */
  changed?: number;
  /** Old paths that answer 301 to the page. */
  aliases: string[];
}

export interface Topic {
  id: string;
  name: Localized;
  description: Localized;
  /** Shown in the header's menu and as a block of the home page (topics.yml `menu`, true unless set false). */
  menu: boolean;
}
