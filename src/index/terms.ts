import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import type { Lang } from '../i18n/languages.js';
import { kazakhStem } from './kazakh-stem.js';

// The index's vocabulary: the search tables are written in these terms (doc-terms.ts), and
// search/ asks in the same ones, so both read them here.

const STEM: Record<Lang, (word: string) => string> = { ru: russianStem, kk: kazakhStem, en: englishStem };

/** Words as search sees them: lower case, ё as е, apostrophes and hyphens kept inside words. */
export const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'");
}

/**
 * The index term of a word: its Snowball stem (Russian, English) or light Kazakh stem.
 * @example indexTerm('Сотрудничества', 'ru') // 'сотрудничеств'
 */
export function indexTerm(word: string, lang: Lang): string {
  // Words repeat endlessly across articles; stemming each spelling once halves an index build.
  const memo = MEMO[lang];
  let term = memo.get(word);
  if (term === undefined) {
    const normal = normalizeWord(word);
    term = normal.length < 3 ? normal : STEM[lang](normal);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, term);
  }
  return term;
}

const MEMO_LIMIT = 200_000;
const MEMO: Record<Lang, Map<string, string>> = { ru: new Map(), kk: new Map(), en: new Map() };

/**
 * The query form of a word, matched as a prefix of index terms. Snowball stems some forms one
 * letter shorter than others («Казахстан» → казахста, «Казахстану» → казахстан), so a long
 * stem loses its last letter to meet both.
 */
export function queryTerm(word: string, lang: Lang): string {
  const stem = indexTerm(word, lang);
  return stem.length > 5 ? stem.slice(0, -1) : stem;
}
