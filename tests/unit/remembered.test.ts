import { describe, expect, it } from 'vitest';
import { remembered } from '../../src/i18n/remembered.js';
import { createI18n } from '../../src/i18n/setup.js';

const i18n = await createI18n();

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

  it('ask i18next once per key and values, and every time for values that are not text or numbers', () => {
    const counting = Object.create(i18n) as typeof i18n;
    let asked = 0;
    counting.getFixedT = ((lang: string) => {
      const t = i18n.getFixedT(lang);
      return (...args: Parameters<typeof t>) => (asked++, t(...args));
    }) as typeof i18n.getFixedT;
    const t = remembered(counting, 'ru');
    t('share.copy');
    t('share.copy');
    t('article.views', { count: 2, formatted: '2' });
    t('article.views', { count: 2, formatted: '2' });
    t('article.views', { count: 3, formatted: '3' });
    expect(asked).toBe(3);
    t('date.format', { when: new Date(0) } as never);
    t('date.format', { when: new Date(0) } as never);
    expect(asked).toBe(5);
  });
});
