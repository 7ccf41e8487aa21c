import type { Lang } from '../i18n/languages.js';
import { escapeHtml } from '../text/escape-html.js';
import { indexTerm, WORD } from './terms.js';


/** Does a word of the text match one of the query's prefixes? */
function matcher(prefixes: readonly string[], lang: Lang): (word: string) => boolean {
  return (word) => {
    const term = indexTerm(word, lang);
    return prefixes.some((p) => term.startsWith(p));
  };
}

/**
 * Text as escaped HTML with the words that match the query in <mark>.
 * @example highlight('Казахстан и Китай', ['казахста'], 'ru') // '<mark>Казахстан</mark> и Китай'
 */
export function highlight(text: string, prefixes: readonly string[], lang: Lang): string {
  const matches = matcher(prefixes, lang);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    out += escapeHtml(text.slice(at, m.index));
    out += matches(m[0]) ? `<mark>${escapeHtml(m[0])}</mark>` : escapeHtml(m[0]);
    at = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * A passage of about `words` words around the first match in the text, highlighted; the
 * beginning of the text when nothing matches there (the match was in the title or topics).
 */
export function snippet(text: string, prefixes: readonly string[], lang: Lang, words = 32): string {
  const matches = matcher(prefixes, lang);
  const all = [...text.matchAll(WORD)];
  const first = Math.max(0, all.findIndex((m) => matches(m[0])));
  const start = Math.max(0, first - Math.floor(words / 3));
  const end = Math.min(all.length, start + words);
  if (!all.length) return '';
  const from = all[start]!.index;
  const to = end < all.length ? all[end - 1]!.index + all[end - 1]![0].length : text.length;
  const passage = text.slice(from, to).replace(/\s+/g, ' ');
  return `${start > 0 ? '… ' : ''}${highlight(passage, prefixes, lang)}${end < all.length ? ' …' : ''}`;
}
