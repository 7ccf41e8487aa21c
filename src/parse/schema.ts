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

export const TopicsFile = z.record(id, z.strictObject({ name: Localized, description: Localized }));
export type TopicsFile = z.infer<typeof TopicsFile>;
