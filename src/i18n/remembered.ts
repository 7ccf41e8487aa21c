import type { i18n, TFunction } from 'i18next';
import type { Lang } from './languages.js';

/** Answers kept per language at most; past that the memo starts again (the same few hundred keys and values come back). */
const KEEP = 20_000;
const byInstance = new WeakMap<i18n, Map<string, TFunction>>();

/**
 * A language's translate function that remembers its answers. i18next takes 15 to 45 µs a call
 * (parsing the key, interpolating), a page makes 50 to 60 calls, and the strings are loaded once
 * at start: the same key with the same values always gives the same answer. Calls whose values
 * are not all text or numbers are passed on unremembered.
 * @example remembered(i18n, 'ru')('share.copy') // 'Скопировать ссылку', from i18next the first time only
 */
export function remembered(i18n: i18n, lang: Lang): TFunction {
  let forInstance = byInstance.get(i18n);
  if (!forInstance) byInstance.set(i18n, (forInstance = new Map()));
  let t = forInstance.get(lang);
  if (!t) forInstance.set(lang, (t = memoize(i18n.getFixedT(lang))));
  return t;
}

function memoize(fixed: TFunction): TFunction {
  const t = fixed as unknown as (key: unknown, options?: unknown) => unknown;
  const answers = new Map<string, unknown>();
  const remember = (key: unknown, options?: unknown): unknown => {
    const id = memoKey(key, options);
    if (id === undefined) return t(key, options);
    if (answers.has(id)) return answers.get(id);
    const answer = t(key, options);
    if (answers.size >= KEEP) answers.clear();
    answers.set(id, answer);
    return answer;
  };
  return remember as unknown as TFunction;
}

/** What identifies a call, or undefined for one that is not remembered (values other than text and numbers). */
function memoKey(key: unknown, options: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  if (options === undefined) return key;
  if (typeof options !== 'object' || options === null) return undefined;
  let id = key;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    id += `\u0000${name}\u0001${typeof value === 'number' ? 'n' : 's'}${value}`;
  }
  return id;
}
