import type { Article } from '../content/types.js';
import { fitClass, hyphenate } from '../text/hyphenate.js';
import { typeset } from '../text/typography.js';
import { pictureView, type PictureOptions, type PictureView, type Slot } from './picture.js';
import { dateView, type DateView, type PageContext } from './context.js';

export interface ImageView {
  /** The responsive picture; absent when the file cannot be read as an image. */
  picture?: PictureView;
  caption?: string;
  credit?: string;
}

export interface CardView {
  href: string;
  title: string;
  /** The title's fit class (see hyphenate.ts): set on big headlines only. */
  fit: string;
  lead: string;
  date: DateView;
  topic?: { name: string; href: string };
  image?: ImageView;
}

/**
 * An article's picture in a slot of the layout. `alt` is the editor's, except on cards, where
 * the title beside the picture already says what the link is (the picture is decoration there).
 */
export function imageView(ctx: PageContext, article: Article, options: Omit<PictureOptions, 'alt'> & { alt?: string }): ImageView | undefined {
  const image = article.image;
  if (!image) return undefined;
  return {
    picture: pictureView(image.facts ?? ctx.index.images.get(image.src), { ...options, alt: options.alt ?? image.alt }),
    caption: image.caption && typeset(image.caption, ctx.lang),
    credit: image.credit && ctx.t('article.photo', { credit: image.credit }),
  };
}

export function topicLink(ctx: PageContext, id: string): { name: string; href: string } | undefined {
  const topic = ctx.index.topics.get(id);
  return topic && { name: topic.name[ctx.lang], href: `/${ctx.lang}/topics/${id}` };
}

/** Text as a reader sees it on a page: typeset, with soft hyphens where the language allows a break. */
export function displayText(ctx: PageContext, text: string): string {
  return hyphenate(typeset(text, ctx.lang), ctx.lang);
}

/** A headline as pages print it: typeset text with soft hyphens, and its fit class. */
export interface Headline {
  text: string;
  fit: string;
}

/** A headline for a page: display text and the class that keeps its longest word within a phone's column. */
export function headline(ctx: PageContext, title: string): Headline {
  const text = displayText(ctx, title);
  return { text, fit: fitClass(text) };
}

/** An article as a list item: home, topic and author pages, related articles. */
export function cardView(ctx: PageContext, article: Article, picture: { slot?: Slot; main?: boolean } = {}): CardView {
  const title = headline(ctx, article.title);
  return {
    href: article.path,
    title: title.text,
    fit: title.fit,
    lead: displayText(ctx, article.lead),
    date: dateView(ctx, article.date),
    topic: article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
    image: imageView(ctx, article, { slot: picture.slot ?? 'card', main: picture.main, alt: '' }),
  };
}
