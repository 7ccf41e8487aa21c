import type { Article } from '../parse/types.js';
import { fitClass, hyphenate } from '../text/hyphenate.js';
import { typeset } from '../text/typography.js';
import { pictureView, type PictureOptions, type PictureView, type Slot } from './picture.js';
import { dateView, type DateView, type PageContext } from './context.js';
import { paths } from '../paths.js';
import { articleLabels, liveState, type LabelView } from './labels.js';
import type { ContentIndex } from '../index/content-index.js';

export interface ImageView {
  /** The responsive picture; absent when the file cannot be read as an image. */
  picture?: PictureView;
  caption?: string;
  credit?: string;
}

export interface CardView {
  /** The card's classes: `card`, and its look (`card--lead`, `card--block-first`…). */
  classes: string;
  /** The title's element: h2 on its own and in lists, h3 under a section's own heading. */
  level: 'h2' | 'h3';
  /** The title's classes, with its fit class (see text/hyphenate.ts) on the large card only. */
  titleClasses: string;
  href: string;
  title: string;
  /** Absent where the card shows no lead. */
  lead?: string;
  date: DateView;
  /** Absent where the card shows no topic (in the topic's own block). */
  topic?: { name: string; href: string };
  /** «Реклама», «Срочно», «Онлайн»: the article's marks, on every card of it. */
  labels: LabelView[];
  /** Absent where the card shows no picture. */
  image?: ImageView;
  /** An empty box where the picture would be, when there is none: cards in a row keep one height. */
  placeholder: boolean;
}

/** How a card is shown where it stands. */
export interface CardLook {
  /** Picture slot (see picture.ts); `main` loads the page's first picture first. */
  slot?: Slot;
  main?: boolean;
  /** The large lead card of the front page: an h2 with its lead and its title's fit class. */
  large?: boolean;
  level?: 'h2' | 'h3';
  /** A modifier class, card--{variant}. */
  variant?: string;
  withLead?: boolean;
  /** Shown unless false. */
  topic?: boolean;
  image?: boolean;
  placeholder?: boolean;
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
  return topic && { name: topic.name[ctx.lang], href: paths.topic(ctx.lang, id) };
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

/** A title's classes: its own, and its fit class when it has one. */
export function titleClasses(own: string, fit: string): string {
  return fit ? `${own} ${fit}` : own;
}

/** Cards made for a content version, by language, article, look and live state; started again past this many. */
const CARDS_KEPT = 2_000;
const cardsOf = new WeakMap<ContentIndex, Map<string, CardView>>();

/**
 * An article as a list item: home, topic and author pages, related articles. Kept for the
 * content version: the four related articles of a topic are the same cards on every article
 * page of the topic (a fifth of an article page's view model), and a card is only read.
 */
export function cardView(ctx: PageContext, article: Article, look: CardLook = {}): CardView {
  let cards = cardsOf.get(ctx.index);
  if (!cards) cardsOf.set(ctx.index, (cards = new Map()));
  // The live state is the one part of a card the clock changes within a version.
  const key = `${ctx.lang}\n${article.slug}\n${liveState(article, ctx.now) ?? ''}\n${JSON.stringify(look)}`;
  let card = cards.get(key);
  if (!card) {
    if (cards.size >= CARDS_KEPT) cards.clear();
    cards.set(key, (card = makeCard(ctx, article, look)));
  }
  return card;
}

function makeCard(ctx: PageContext, article: Article, look: CardLook): CardView {
  const title = headline(ctx, article.title);
  return {
    classes: ['card', ...(look.large ? ['card--lead'] : []), ...(look.variant ? [`card--${look.variant}`] : [])].join(' '),
    level: look.large ? 'h2' : (look.level ?? 'h2'),
    titleClasses: titleClasses('card__title', look.large ? title.fit : ''),
    href: article.path,
    title: title.text,
    lead: look.large || look.withLead ? displayText(ctx, article.lead) : undefined,
    date: dateView(ctx, article.date),
    topic: look.topic !== false && article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
    labels: articleLabels(ctx, article),
    image: look.image === false ? undefined : imageView(ctx, article, { slot: look.slot ?? 'card', main: look.main, alt: '' }),
    placeholder: look.placeholder ?? false,
  };
}
