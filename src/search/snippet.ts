import type { Lang } from '../i18n/languages.js';
import { indexTerm, WORD } from '../index/terms.js';

/** Text in runs, the words that match the query marked: a template prints each, marked ones in <mark>. */
export type Marked = { text: string; mark: boolean }[];

/** Appends a run, joining it to the last one when both are marked alike. */
function push(out: Marked, text: string, mark: boolean): void {
  if (!text) return;
  const last = out.at(-1);
  if (last && last.mark === mark) last.text += text;
  else out.push({ text, mark });
}

/** Does a word of the text match one of the query's prefixes? */
function matcher(prefixes: readonly string[], lang: Lang): (word: string) => boolean {
  return (word) => {
    const term = indexTerm(word, lang);
    return prefixes.some((p) => term.startsWith(p));
  };
}

/**
 * Text with the words that match the query marked.
 * @example highlight('Казахстан и Китай', ['казахста'], 'ru') // [{ text: 'Казахстан', mark: true }, { text: ' и Китай', mark: false }]
 */
export function highlight(text: string, prefixes: readonly string[], lang: Lang): Marked {
  const matches = matcher(prefixes, lang);
  const out: Marked = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    push(out, text.slice(at, m.index), false);
    push(out, m[0], matches(m[0]));
    at = m.index + m[0].length;
  }
  push(out, text.slice(at), false);
  return out;
}

/**
 * A passage of about `words` words around the first match in the text, highlighted; the
 * beginning of the text when nothing matches there (the match was in the title or topics).
 */
export function snippet(text: string, prefixes: readonly string[], lang: Lang, words = 32): Marked {
  const matches = matcher(prefixes, lang);
  const all = [...text.matchAll(WORD)];
  const first = Math.max(0, all.findIndex((m) => matches(m[0])));
  const start = Math.max(0, first - Math.floor(words / 3));
  const end = Math.min(all.length, start + words);
  if (!all.length) return [];
  const from = all[start]!.index;
  const to = end < all.length ? all[end - 1]!.index + all[end - 1]![0].length : text.length;
  const passage = text.slice(from, to).replace(/\s+/g, ' ');
  const out: Marked = [];
  push(out, start > 0 ? '… ' : '', false);
  for (const run of highlight(passage, prefixes, lang)) push(out, run.text, run.mark);
  push(out, end < all.length ? ' …' : '', false);
  return out;
}
