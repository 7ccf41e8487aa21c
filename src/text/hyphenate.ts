// CommonJS modules: their functions are properties of the default export.
import english from 'hyphen/en/index.js';
import russian from 'hyphen/ru/index.js';

export const SOFT_HYPHEN = '\u00ad';

/** Words shorter than this are never split: a break inside them reads worse than a short line. */
const MIN_WORD = 8;

/**
 * Soft hyphens where the language's hyphenation patterns (TeX's, through the `hyphen` package)
 * allow a break. Browsers on Linux ignore `hyphens: auto` for Russian, so without these a long
 * word in a narrow column is cut anywhere or overflows. Kazakh has no pattern set: its text is
 * left whole, and `fitClass` sizes its headlines instead. Russian patterns also cover the
 * Kazakh letters a Russian text may quote; English words in Russian text are left whole.
 * @example hyphenate('совершенствованию', 'ru') // 'со\u00adвер\u00adшен\u00adство\u00adва\u00adнию'
 */
export function hyphenate(text: string, lang: string): string {
  const hyphenateSync = lang === 'ru' ? russian.hyphenateSync : lang === 'en' ? english.hyphenateSync : undefined;
  if (!hyphenateSync) return text;
  // A headline or lead is shown on many pages (its own, lists, related articles), each asking again.
  const key = `${lang}${text}`;
  let hyphenated = known.get(key);
  if (hyphenated === undefined) {
    hyphenated = hyphenateSync(text, { minWordLength: MIN_WORD });
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, hyphenated);
  }
  return hyphenated;
}

/** Texts hyphenated before, by language and text; emptied when full. */
const known = new Map<string, string>();
const KNOWN_MAX = 20_000;

/** The longest run of letters no line may break inside: words glued by no-break spaces count as one. */
export function longestUnbreakable(text: string): number {
  return Math.max(0, ...text.split(/[ \t\n\u00ad\-‐–—/]+/u).map((run) => [...run].length));
}

/** Headline sizes step down for runs at least this long (see .fit-N in site.css). */
const FIT_STEPS = [13, 15, 17, 19, 22, 25, 28];

/**
 * The class that keeps a headline's longest unbreakable run within a phone's column: none for
 * ordinary headlines, `fit-N` (N the step reached) for those with a long word or a long glued
 * group, which would otherwise overflow or be cut without a hyphen.
 */
export function fitClass(text: string): string {
  const longest = longestUnbreakable(text);
  const step = FIT_STEPS.filter((n) => longest >= n).pop();
  return step === undefined ? '' : `fit-${step}`;
}
