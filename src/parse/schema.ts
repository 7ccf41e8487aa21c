import { z } from 'zod';
import { LANGS } from '../i18n/languages.js';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const wholeNumber = z.number().int().min(0);
const positive = z.number().int().positive();

function asText(value: unknown): unknown {
  return typeof value === 'number' ? String(value) : value;
}

/** A text given once per language: { ru, kk, en }. */
export const Localized = z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, text])) as Record<(typeof LANGS)[number], typeof text>);
export type Localized = z.infer<typeof Localized>;

/** Front matter of one article, as DESIGN.md lists it. Dates stay text here; parse-article reads them. */
export const ArticleFront = z.strictObject({
  title: text,
  lead: text.optional(),
  // A bare year or number is still a date an editor meant to write: parse-article explains the format.
  date: z.preprocess(asText, z.string()),
  updated: z.preprocess(asText, z.string()).optional(),
  author: id,
  // One topic may be written without brackets; it is still a list.
  topics: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(id).min(1)),
  image: z
    .strictObject({
      src: text,
      alt: text,
      /** What the photo shows, printed under it; the credit follows. */
      caption: text.optional(),
      credit: text.optional(),
      width: positive.optional(),
      height: positive.optional(),
    })
    .optional(),
  views: wholeNumber.default(0),
  /** The home page's lead story: the newest article marked so. */
  featured: z.boolean().default(false),
  draft: z.boolean().default(false),
  aliases: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text)).default([]),
  /** «Срочно» on the article and its cards; the home page leads with it for site.yml's breakingHours. */
  breaking: z.boolean().default(false),
  /** Live coverage: updates are `## 14:35 Title` sections, newest first; false once it has ended. */
  live: z.boolean().optional(),
  /** When live coverage ends by itself (parse-article reads the date). */
  live_until: z.preprocess(asText, z.string()).optional(),
  /** Dated notices of what was corrected, shown at the top of the article (parse-article reads the dates and checks each entry). */
  corrections: z.array(z.unknown()).min(1).optional(),
  /** Advertising, marked as the law requires: parse-article checks it, so that an erid without an advertiser gets its own advice. */
  sponsored: z.unknown().optional(),
});
export type ArticleFront = z.infer<typeof ArticleFront>;

/** Networks the footer can link to, in the order it shows them. */
export const SOCIAL_NETWORKS = ['telegram', 'instagram', 'facebook', 'x', 'youtube', 'vk', 'tiktok', 'whatsapp'] as const;

/** Front matter of a static page (content/pages/SLUG.LANG.md): about, contacts and the like. */
export const PageFront = z.strictObject({
  title: text,
  /** For the meta description; else the body's first paragraph. */
  description: text.optional(),
  /** The page's place in the footer's list: smaller first. */
  order: wholeNumber.default(100),
  /** When the page last changed in substance (its sitemap lastmod); else its file's modification time. */
  updated: z.preprocess(asText, z.string()).optional(),
  /** Old paths that redirect here, as an article's (an imported site's page addresses). */
  aliases: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text)).default([]),
});
export type PageFront = z.infer<typeof PageFront>;

export const SiteFile = z.strictObject({
  founded: z.number().int().min(1900).max(2100),
  name: Localized,
  shortName: Localized,
  description: Localized,
  registration: Localized,
  ageMark: text.optional(),
  /** The publication's name as registered with Google News: one name for every language. */
  publicationName: text.optional(),
  /** How long a `breaking: true` article leads the home page after its date, in hours. */
  breakingHours: z.number().positive().max(240).default(2),
  /** The agency's own accounts, by network: only those given are linked. */
  social: z.partialRecord(z.enum(SOCIAL_NETWORKS), z.url({ protocol: /^https$/ })).default({}),
  contacts: z
    .strictObject({
      email: z.email().optional(),
      phone: text.optional(),
      address: Localized.optional(),
    })
    .default({}),
});
export type SiteFile = z.infer<typeof SiteFile>;

/**
 * A text per language where some may be missing (falling back, with a warning: parse-data.ts),
 * or one text, the Russian one.
 */
const PartlyLocalized = z.union([text, z.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, text.optional()])) as Record<(typeof LANGS)[number], z.ZodOptional<typeof text>>)]);

export const AuthorsFile = z.record(
  id,
  z.strictObject({
    name: Localized,
    role: PartlyLocalized,
    /** A portrait under media/, square at best. */
    photo: text.optional(),
    bio: Localized.optional(),
    /** The one author the footer's masthead names as editor-in-chief. */
    editorInChief: z.boolean().default(false),
  }),
);
export type AuthorsFile = z.infer<typeof AuthorsFile>;

export const TopicsFile = z.record(
  id,
  z.strictObject({
    name: Localized,
    description: Localized,
    /** `menu: false` keeps a topic out of the header's menu and the home page's blocks; its page, feed and the topic index keep it. */
    menu: z.boolean().default(true),
  }),
);
export type TopicsFile = z.infer<typeof TopicsFile>;
