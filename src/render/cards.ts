import type { Article } from '../content/types.js';
import { fitClass, hyphenate, type Headline } from './hyphenate.js';
import { typeset } from './typography.js';
import { dateView, type DateView, type PageContext } from './context.js';

export interface ImageView {
  src: string;
  alt: string;
  width?: number;
  height?: number;
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

export function imageView(ctx: PageContext, article: Article): ImageView | undefined {
  const image = article.image;
  if (!image) return undefined;
  return {
    src: `/media/${image.src}`,
    alt: image.alt,
    width: image.width,
    height: image.height,
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

/** A headline for a page: display text and the class that keeps its longest word within a phone's column. */
export function headline(ctx: PageContext, title: string): Headline {
  const text = displayText(ctx, title);
  return { text, fit: fitClass(text) };
}

/** An article as a list item: home, topic and author pages, related articles. */
export function cardView(ctx: PageContext, article: Article): CardView {
  const title = headline(ctx, article.title);
  return {
    href: article.path,
    title: title.text,
    fit: title.fit,
    lead: displayText(ctx, article.lead),
    date: dateView(ctx, article.date),
    topic: article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
    image: imageView(ctx, article),
  };
}
