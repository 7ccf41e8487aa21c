import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { remembered } from '../../src/i18n/remembered.js';
import { createI18n } from '../../src/i18n/setup.js';

const i18n = await createI18n();

/** Every key of a language's strings (plural forms under their base key), with the values its forms name. */
function keysOf(lang: string): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const walk = (node: unknown, prefix: string) => {
    for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
      if (typeof value !== 'string') {
        walk(value, `${prefix}${name}.`);
        continue;
      }
      const key = `${prefix}${name.replace(/_(zero|one|two|few|many|other)$/, '')}`;
      const names = keys.get(key) ?? new Set<string>();
      for (const [, placeholder] of value.matchAll(/\{\{\s*([\w$]+)/g)) names.add(placeholder!);
      keys.set(key, names);
    }
  };
  walk(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'locales', lang, 'common.json'), 'utf8')), '');
  return keys;
}

/** Asks i18next how many times it is asked. */
function counting(): { instance: typeof i18n; asked: () => number } {
  const instance = Object.create(i18n) as typeof i18n;
  let asked = 0;
  instance.getFixedT = ((lang: string) => {
    const t = i18n.getFixedT(lang);
    return (...args: Parameters<typeof t>) => (asked++, t(...args));
  }) as typeof i18n.getFixedT;
  return { instance, asked: () => asked };
}

describe('remembered translations', () => {
  it('answer as i18next does, for plain keys, plurals and interpolated values', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const t = remembered(i18n, lang);
      const direct = i18n.getFixedT(lang);
      for (const [key, options] of [['share.copy'], ['article.views', { count: 21, formatted: '21' }], ['article.views', { count: 5, formatted: '5' }], ['date.format', { day: '3', month: 'x', year: '2026', time: '10:00' }], ['no.such.key']] as const) {
        expect(t(key, options as never), `${lang} ${key}`).toBe(direct(key, options as never));
        expect(t(key, options as never), `${lang} ${key}, again`).toBe(direct(key, options as never));
      }
    }
  });

  it('answer as i18next does for every string of every language, with text, counts of every plural form, an unknown option and a missing value', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const t = remembered(i18n, lang);
      const direct = i18n.getFixedT(lang);
      for (const [key, names] of keysOf(lang)) {
        const values = Object.fromEntries([...names].map((name) => [name, `«${name}» <b>&amp;</b> {{x}} $t(share.copy)`]));
        const calls: Record<string, unknown>[] = [values, { ...values, context: 'male' }, { ...values, lng: 'en' }];
        const [first] = [...names].filter((name) => name !== 'count');
        if (first) calls.push({ ...values, [first]: undefined });
        for (const count of [0, 1, 2, 3, 5, 11, 21, 22, 101, 1.5, -1]) calls.push({ ...values, count, formatted: String(count) });
        for (const options of calls) expect(t(key, options as never), `${lang} ${key} ${JSON.stringify(options)}`).toBe(direct(key, options as never));
      }
    }
  });

  it('ask i18next once per key and values, and every time for values that are not text or numbers', () => {
    const { instance, asked } = counting();
    const t = remembered(instance, 'ru');
    t('share.copy');
    t('share.copy');
    // A count of 0 may have a _zero form: asked of i18next, then remembered.
    t('article.views', { count: 0, formatted: '0' });
    t('article.views', { count: 0, formatted: '0' });
    expect(asked()).toBe(2);
    t('date.format', { when: new Date(0) } as never);
    t('date.format', { when: new Date(0) } as never);
    expect(asked()).toBe(4);
  });

  it('fill plain templates themselves, so that values different on every page (titles, view counts) neither ask i18next nor crowd the memo', () => {
    const { instance, asked } = counting();
    const t = remembered(instance, 'ru');
    expect(Array.from({ length: 3 }, (_, i) => t('title.page', { title: `Новость ${i}`, site: 'DKNews.kz' }))).toEqual(['Новость 0 — DKNews.kz', 'Новость 1 — DKNews.kz', 'Новость 2 — DKNews.kz']);
    expect([1, 2, 5, 21].map((count) => t('article.views', { count, formatted: String(count) }))).toEqual([1, 2, 5, 21].map((count) => i18n.getFixedT('ru')('article.views', { count, formatted: String(count) })));
    expect(asked()).toBe(0);
  });
});
