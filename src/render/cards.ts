import type { Article } from '../content/types.js';
import { typeset } from './typography.js';
import { dateView, type DateView, type PageContext } from './context.js';

export interface ImageView {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  credit?: string;
}

export interface CardView {
  href: string;
  title: string;
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
    credit: image.credit && ctx.t('article.photo', { credit: image.credit }),
  };
}

export function topicLink(ctx: PageContext, id: string): { name: string; href: string } | undefined {
  const topic = ctx.index.topics.get(id);
  return topic && { name: topic.name[ctx.lang], href: `/${ctx.lang}/topics/${id}` };
}

/** An article as a list item: home, topic and author pages, related articles. */
export function cardView(ctx: PageContext, article: Article): CardView {
  return {
    href: article.path,
    title: typeset(article.title, ctx.lang),
    lead: typeset(article.lead, ctx.lang),
    date: dateView(ctx, article.date),
    topic: article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
    image: imageView(ctx, article),
  };
}
