import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// public/js/site.js is a plain browser script; its top-level functions become the context's globals.
const script = readFileSync(new URL('../../public/js/site.js', import.meta.url), 'utf8');
const page = { document: { addEventListener() {}, querySelector: () => null }, window: {} } as Record<string, unknown>;
runInNewContext(script, page);
const pluralOf = page.pluralOf as (lang: string, n: number) => string;
const grouped = page.grouped as (lang: string, n: number) => string;

const FIGURES = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1234, 2156, 21560, 100000, 1234567];

describe('the view count script writes figures as Intl does, without loading Intl', () => {
  for (const lang of ['ru', 'kk', 'en']) {
    it(`plural categories and grouping in ${lang}`, () => {
      const number = new Intl.NumberFormat(lang, { useGrouping: lang === 'en' ? 'always' : 'min2' });
      const plural = new Intl.PluralRules(lang);
      expect(FIGURES.map((n) => [pluralOf(lang, n), grouped(lang, n)])).toEqual(FIGURES.map((n) => [plural.select(n), number.format(n)]));
    });
  }
});
