import { slugFromTitle } from '../text/slug.js';

// Marks that change how text runs or joins but show nothing: bidi embeddings, overrides and
// isolates, zero-width spaces and joiners, the word joiner, a BOM in the middle of a title.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

/**
 * A title or name without invisible marks (right-to-left overrides, zero-width spaces), its
 * runs of white space made one space, and whether anything was taken out.
 * @example cleanTitle('Выборы\u200B 2026\u202E') // { text: 'Выборы 2026', changed: true }
 */
export function cleanTitle(text: string): { text: string; changed: boolean } {
  const cleaned = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return { text: cleaned, changed: cleaned !== text.replace(/\s+/g, ' ').trim() };
}

/**
 * A percent-encoded slug as it reads: WordPress keeps Cyrillic slugs encoded
 * (`%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d1%8b`), some plugins encoded them twice.
 * @example decodeSlug('%25d0%25b2') // 'в'
 */
export function decodeSlug(slug: string): string {
  let text = slug;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text;
}

/**
 * Our slug for an item: the old slug percent-decoded, cleaned and transliterated by the
 * project's rules (src/text/slug.ts), else the title's; `fallback` when neither has a letter.
 * @example importSlug('%d0%b2%d1%8b%d0%b1%d0%be%d1%80%d1%8b-2026', 'Выборы') // 'vybory-2026'
 */
export function importSlug(oldSlug: string, title: string, fallback: string): string {
  const decoded = cleanTitle(decodeSlug(oldSlug)).text;
  const fromOld = slugFromTitle(decoded);
  const fromTitle = slugFromTitle(cleanTitle(title).text);
  // A slug in letters the project does not transliterate (Greek, Arabic) keeps only its digits: the title says more.
  const lostLetters = /\p{L}/u.test(decoded) && !/[a-z]/.test(fromOld);
  return (lostLetters && /[a-z]/.test(fromTitle) ? fromTitle : fromOld) || fromTitle || fallback;
}
