import type { Lang } from '../i18n/languages.js';
import type { Localized } from './schema.js';

/** A file as the loader read it. `text` is undefined when the bytes are not valid UTF-8. */
export interface SourceFile {
  /** Path as the editor knows it, for messages: content/news/2026/01/x.ru.md */
  file: string;
  /** Path inside the content folder, with forward slashes: news/2026/01/x.ru.md */
  relativePath: string;
  text: string | undefined;
}

export interface ContentSources {
  site?: SourceFile;
  authors?: SourceFile;
  topics?: SourceFile;
  articles: SourceFile[];
  /** Files under media/: path relative to it, with forward slashes → size in bytes. */
  media: ReadonlyMap<string, number>;
  /** How the content folder is written in messages, e.g. "content". */
  root: string;
}

export interface ArticleImage {
  /** Path under /media/, e.g. 2026/01/photo.jpg */
  src: string;
  alt: string;
  credit?: string;
  width?: number;
  height?: number;
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
  draft: boolean;
  aliases: string[];
  /** Rendered body, produced by our own Markdown pipeline. */
  html: string;
  /** Plain body text, for search, feeds and word counts. */
  text: string;
  wordCount: number;
  /** Site path, e.g. /ru/news/some-slug */
  path: string;
}

export interface Site {
  founded: number;
  name: Localized;
  shortName: Localized;
  description: Localized;
  registration: Localized;
  ageMark?: string;
  contacts: { email?: string; phone?: string; address?: Localized };
}

export interface Person {
  id: string;
  name: Localized;
  role: Localized;
}

export interface Topic {
  id: string;
  name: Localized;
  description: Localized;
}
