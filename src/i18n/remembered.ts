import type { i18n, TFunction } from 'i18next';
import type { Lang } from './languages.js';

/** Answers kept per language at most; past that the memo starts again (the same few hundred keys and values come back). */
const KEEP = 20_000;
const byInstance = new WeakMap<i18n, Map<string, TFunction>>();

/**
 * A language's translate function that remembers its answers, and fills plain templates
 * itself. i18next takes 15 to 45 µs a call (parsing the key, interpolating), a page makes 50 to
 * 60 calls, and the strings are loaded once at start: the same key with the same values always
 * gives the same answer. A string whose values differ on every page (a title, a view count)
 * would only churn that memo: when its template is plain `{{name}}` placeholders, filled with
 * text and numbers (plurals chosen as i18next chooses them), it is filled here. Anything else
 * (other values, nesting, formats, a count of 0) is asked of i18next.
 * @example remembered(i18n, 'ru')('share.copy') // 'Скопировать ссылку', from i18next the first time only
 */
export function remembered(i18n: i18n, lang: Lang): TFunction {
  let forInstance = byInstance.get(i18n);
  if (!forInstance) byInstance.set(i18n, (forInstance = new Map()));
  let t = forInstance.get(lang);
  if (!t) forInstance.set(lang, (t = memoize(i18n, lang)));
  return t;
}

/** A plain template: its text cut at the placeholders (text at even places, names at odd ones), and the names. */
interface Template {
  parts: readonly string[];
  names: ReadonlySet<string>;
}

function memoize(i18n: i18n, lang: Lang): TFunction {
  const t = i18n.getFixedT(lang) as unknown as (key: unknown, options?: unknown) => unknown;
  const answers = new Map<string, unknown>();
  const templates = new Map<string, Template | null>();
  const plurals = new Intl.PluralRules(lang);
  const templateOf = (key: string): Template | null => {
    let template = templates.get(key);
    if (template === undefined) templates.set(key, (template = plainTemplate(i18n.getResource(lang, 'common', key))));
    return template;
  };
  const remember = (key: unknown, options?: unknown): unknown => {
    if (typeof key === 'string' && typeof options === 'object' && options !== null) {
      const filled = fill(key, options as Record<string, unknown>, plurals, templateOf);
      if (filled !== undefined) return filled;
    }
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

/**
 * The string i18next would give, when it can be worked out without it: the key's template (or,
 * with a count, its plural form's) is plain, and every value is text or a number that the
 * template names (any other option, such as context or lng, is i18next's to read). Undefined otherwise.
 */
function fill(key: string, options: Record<string, unknown>, plurals: Intl.PluralRules, templateOf: (key: string) => Template | null): string | undefined {
  const count = options.count;
  let template: Template | null;
  if (count === undefined) template = templateOf(key);
  // i18next looks for a _zero form first; those few values are remembered instead.
  else if (typeof count === 'number' && count !== 0 && Number.isFinite(count)) template = templateOf(`${key}_${plurals.select(count)}`) ?? templateOf(key);
  else return undefined;
  if (!template) return undefined;
  for (const name in options) {
    const value = options[name];
    if ((name !== 'count' && !template.names.has(name)) || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  }
  const { parts } = template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = options[parts[i]!];
    if (value === undefined) return undefined;
    out += String(value) + parts[i + 1]!;
  }
  return out;
}

/** The template of a plain string, or null for anything i18next must read itself (nesting, formats, unescaped values, a missing key). */
function plainTemplate(text: unknown): Template | null {
  if (typeof text !== 'string' || text.includes('$t(')) return null;
  const parts = text.split(/\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/);
  for (let i = 0; i < parts.length; i += 2) if (parts[i]!.includes('{{') || parts[i]!.includes('}}')) return null;
  return { parts, names: new Set(parts.filter((_, i) => i % 2 === 1)) };
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
