import type { TFunction } from 'i18next';
import type { ContentIndex } from '../index/content-index.js';
import type { Article } from '../parse/types.js';
import { dateParts, formatNumber, isoLocal } from '../i18n/format.js';
import type { Lang } from '../i18n/languages.js';
import { pluralCategory } from '../i18n/plural.js';

/** Everything a view model needs to know about the request it is built for. */
export interface PageContext {
  index: ContentIndex;
  lang: Lang;
  t: TFunction;
  /** The same strings in another language, for the language switcher's own names. */
  tIn: (lang: Lang) => TFunction;
  siteUrl: string;
  now: Date;
  pageSize: number;
  /** The fingerprinted URL of a file in public/. */
  asset: (name: string) => string;
  /** An article's view count: carried over from the old site plus counted since. */
  views: (article: Article) => number;
  /** Slugs most viewed over the last week (any language), most first: the counter's mostRead. */
  mostRead: (limit: number) => { slug: string; views: number }[];
  /** Where the counter posts and search goes: '' this server, an origin, or null for nowhere (config.apiOrigin). */
  apiOrigin: string | null;
  /** Embeds as click-to-load facades (the server); false: plain links with their posters (a static export). */
  embedFacades: boolean;
  /** npm run dev: pages show the content problems and reload themselves when content changes. */
  dev?: boolean;
}

export interface DateView {
  text: string;
  /** For the datetime attribute: ISO 8601 with the Asia/Almaty offset. */
  iso: string;
}

/** Stand-ins for a date's parts: the language's pattern is asked of i18next once, then filled in. */
const SLOTS = { day: '\u0000day', month: '\u0000month', year: '\u0000year', time: '\u0000time' } as const;
const patterns = new WeakMap<TFunction, string>();

/**
 * A date as pages print it («27 января 2026, 10:00») and for its datetime attribute. Every
 * article's date is a different one: the pattern of locales/ is filled here, not by i18next
 * (15 to 45 µs a call), twenty times a list page.
 */
export function dateView(ctx: PageContext, date: Date): DateView {
  let pattern = patterns.get(ctx.t);
  if (pattern === undefined) patterns.set(ctx.t, (pattern = ctx.t('date.format', SLOTS)));
  const parts = dateParts(date, ctx.lang);
  const text = pattern.replace(SLOTS.day, parts.day).replace(SLOTS.month, parts.month).replace(SLOTS.year, parts.year).replace(SLOTS.time, parts.time);
  return { text, iso: isoLocal(date) };
}

/** A counted phrase with the language's plural rule: 1 просмотр, 2 просмотра, 5 просмотров. */
export function countText(ctx: PageContext, key: string, count: number): string {
  return ctx.t(key, { count, formatted: formatNumber(count, ctx.lang) });
}

/** A counted phrase in every plural form of the language, with # for the number: for the page's scripts. */
export function pluralForms(ctx: PageContext, key: string): Record<string, string> {
  const forms: Record<string, string> = {};
  for (const n of [0, 1, 2, 5, 21, 1.5]) {
    const category = pluralCategory(ctx.lang, n);
    forms[category] ??= ctx.t(key, { count: n, formatted: '#' });
  }
  return forms;
}
