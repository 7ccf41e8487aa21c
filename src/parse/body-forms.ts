import type { ProviderId } from './embeds.js';

/**
 * The body's forms that need more than Markdown's HTML: what they print depends on the media's
 * facts (a photo replaced under the same name, a video's size) and on the reader's language
 * (a button's name), which the parse does not know. The parse leaves a mark in the body's HTML
 * where each stands; the page, the feed and the export each print it their own way
 * (src/render/body-forms.ts).
 */
export type BodyForm = EmbedForm | VideoForm | PhotoForm | GalleryForm | TableRegion;

/** A video or post link on a line of its own: a facade until the reader asks for the player. */
export interface EmbedForm {
  kind: 'embed';
  provider: ProviderId;
  /** The provider's id of the video or post (see embeds.ts). */
  id: string;
  /** The link as the editor wrote it: what readers follow without script, feeds and the export. */
  href: string;
  /** The editor's title or text, from the lines after the link. */
  title?: string;
  /** The editor's picture (a path under media/) from an image line after the link. */
  poster?: { src: string; alt: string };
  /** In an advertisement: its links to the provider are rel="sponsored". */
  sponsored?: true;
}

/** `![Подпись](media/…/file.mp4 "Автор")`: our own video. */
export interface VideoForm {
  kind: 'video';
  /** Path under media/. */
  src: string;
  caption: string;
  credit?: string;
  /** The editor's poster (an image line after the video), else a picture named like the video beside it. */
  poster?: string;
}

/**
 * `![Что на снимке](media/…/file.jpg "Автор")` with its caption on the lines right under it: a
 * photo with its caption and credit, as a photo report's photo and the article's photo are.
 */
export interface PhotoForm {
  kind: 'photo';
  /** Path under media/. */
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/** `::: gallery` … `:::`: a photo report. */
export interface GalleryForm {
  kind: 'gallery';
  title?: string;
  items: { src: string; alt: string; caption?: string; credit?: string }[];
}

/**
 * The opening of a table's scrolling region (a phone scrolls a wide table, not the page): named
 * by the table's caption, or without one in the reader's language («Таблица»).
 */
export interface TableRegion {
  kind: 'table';
  /** The id of the table's <caption>. */
  captionId?: string;
}

/** Files that `![…](media/…)` shows as our own video. */
export const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm'] as const;

/** Whether a media path names a video by its extension. */
export function isVideoPath(src: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase();
  return (VIDEO_EXTENSIONS as readonly string[]).includes(ext ?? '');
}

// A comment the editor cannot write: raw HTML never reaches the body (parse/markdown.ts drops
// it), and the JSON inside has no < or >, so it cannot hold "-->".
const MARK = /<!--dk:form (\{[^<>]*?\})-->/g;

/** The mark a form leaves in the body's HTML. */
export function formMark(form: BodyForm): string {
  return `<!--dk:form ${JSON.stringify(form).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}-->`;
}

/** The body's HTML with each form's mark replaced by what `print` makes of it. */
export function replaceForms(html: string, print: (form: BodyForm) => string): string {
  return html.replace(MARK, (_mark, json: string) => print(JSON.parse(json) as BodyForm));
}

/** The forms of a body, in their order. */
export function formsOf(html: string): BodyForm[] {
  return [...html.matchAll(MARK)].map((match) => JSON.parse(match[1]!) as BodyForm);
}

/**
 * The media file an address in the body refers to (`/media/2026/01/a.jpg` → 2026/01/a.jpg), or
 * undefined for an address elsewhere. markdown-it percent-encodes addresses; media names are plain.
 */
export function mediaPathOf(src: string): string | undefined {
  if (!src.startsWith('/media/')) return undefined;
  const name = src.slice('/media/'.length).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
