import { describe, expect, it } from 'vitest';
import { plural, pluralCategory } from '../../src/i18n/plural.js';

describe('the plural rule', () => {
  it.each([
    ['ru', 1, 'one'],
    ['ru', 21, 'one'],
    ['ru', 2, 'few'],
    ['ru', 24, 'few'],
    ['ru', 5, 'many'],
    ['ru', 11, 'many'],
    ['ru', 1.5, 'other'],
    ['kk', 1, 'one'],
    ['kk', 5, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
  ] as const)('%s %d is %s', (lang, count, category) => expect(pluralCategory(lang, count)).toBe(category));

  it('picks the form of the category, else other', () => {
    const forms = { one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' };
    expect([1, 3, 5, 21, 1.5].map((n) => plural('ru', n, forms))).toEqual(['статья', 'статьи', 'статей', 'статья', 'статьи']);
    expect(plural('en', 1, { other: 'articles' })).toBe('articles');
  });
});
