import { describe, expect, it } from 'vitest';
import { listeningOn, loadConfig } from '../../src/config.js';
import { dateParts, formatNumber, yearIn } from '../../src/i18n/format.js';
import { LANGS } from '../../src/i18n/languages.js';
import { createI18n } from '../../src/i18n/setup.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '0.0.0.0', siteUrl: 'http://localhost:3000', env: 'production', logLevel: 'info' });
  });

  it('bounds the response cache by RESPONSE_CACHE_MB, 64 MB unless set', () => {
    expect(loadConfig({}).responseCacheBytes).toBe(64 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MB: '256' }).responseCacheBytes).toBe(256 * 1024 * 1024);
    expect(() => loadConfig({ RESPONSE_CACHE_MB: '0' })).toThrow(/RESPONSE_CACHE_MB="0"/);
  });

  it('drops a trailing slash from SITE_URL', () => {
    expect(loadConfig({ SITE_URL: 'https://dknews.kz/' }).siteUrl).toBe('https://dknews.kz');
  });

  it('PORT alone gave absolute URLs on localhost:3000: without SITE_URL they follow PORT', () => {
    expect(loadConfig({ PORT: '3701' })).toMatchObject({ siteUrl: 'http://localhost:3701', siteUrlIsLocal: true });
    expect(loadConfig({ PORT: '80' }).siteUrl).toBe('http://localhost');
    expect(loadConfig({ PORT: '3701', SITE_URL: 'https://dknews.kz' })).toMatchObject({ siteUrl: 'https://dknews.kz', siteUrlIsLocal: false });
  });

  it.each([
    ['0.0.0.0', 'http://localhost:3701'],
    ['::', 'http://localhost:3701'],
    ['127.0.0.1', 'http://127.0.0.1:3701'],
    ['::1', 'http://[::1]:3701'],
    ['10.0.0.5', 'http://10.0.0.5:3701'],
    ['news-1.internal', 'http://news-1.internal:3701'],
  ])('without SITE_URL, HOST=%s serves absolute URLs on %s: the address that reaches it', (host, url) => {
    expect(loadConfig({ PORT: '3701', HOST: host }).siteUrl).toBe(url);
  });

  it('refuses a HOST no URL can hold unless SITE_URL is set', () => {
    expect(() => loadConfig({ HOST: 'news/1' })).toThrow(/^Invalid configuration in the environment:\n {2}HOST="news\/1": .*set SITE_URL/);
    expect(loadConfig({ HOST: 'news/1', SITE_URL: 'https://dknews.kz' }).host).toBe('news/1');
  });

  it('PORT=0 (the system picks a free port): without SITE_URL, the absolute URLs name the port the server was given; a SITE_URL stays', () => {
    expect(listeningOn(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), 41234)).toMatchObject({ port: 41234, siteUrl: 'http://127.0.0.1:41234' });
    expect(listeningOn(loadConfig({ PORT: '0' }), 41234).siteUrl).toBe('http://localhost:41234');
    expect(listeningOn(loadConfig({ PORT: '0', SITE_URL: 'https://dknews.kz' }), 41234).siteUrl).toBe('https://dknews.kz');
  });

  it('takes a page\'s lifetime from PAGE_MAX_AGE, in whole seconds', () => {
    expect(loadConfig({}).cache.page).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(loadConfig({ PAGE_MAX_AGE: '5' }).cache.page).toBe('public, max-age=5, stale-while-revalidate=600');
    expect(() => loadConfig({ PAGE_MAX_AGE: '1.5' })).toThrow(/PAGE_MAX_AGE="1\.5": /);
  });

  it('names every bad variable with its value', () => {
    expect(() => loadConfig({ PORT: 'eighty', SITE_URL: 'ftp://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT="eighty": .*\n {2}SITE_URL="ftp:\/\/x": must be an absolute http\(s\) URL, e.g. https:\/\/dknews.kz\n {2}LOG_LEVEL="loud": /,
    );
  });
});

const i18n = await createI18n();

describe('i18n', () => {
  it('has the same UI strings in every language, none empty', () => {
    const keys = (lang: string) => {
      const flat: string[] = [];
      const walk = (node: unknown, prefix: string) => {
        for (const [key, value] of Object.entries(node as object)) {
          if (typeof value === 'object') walk(value, `${prefix}${key}.`);
          else {
            expect(value, `${lang}: ${prefix}${key}`).not.toBe('');
            flat.push(`${prefix}${key}`.replace(/_(one|few|many|other)$/, ''));
          }
        }
      };
      walk(i18n.getResourceBundle(lang, 'common'), '');
      return [...new Set(flat)].sort();
    };
    for (const lang of LANGS) expect(keys(lang), lang).toEqual(keys('ru'));
  });

  it.each([
    [1, '1 просмотр'],
    [2, '2 просмотра'],
    [5, '5 просмотров'],
    [21, '21 просмотр'],
    [2156, '2156 просмотров'],
    [21560, '21\u00a0560 просмотров'],
  ])('Russian plural for %i', (count, expected) => {
    expect(i18n.getFixedT('ru')('article.views', { count, formatted: formatNumber(count, 'ru') })).toBe(expected);
  });

  it('writes English and Kazakh counts their own way', () => {
    expect(i18n.getFixedT('en')('article.views', { count: 1, formatted: '1' })).toBe('1 view');
    expect(i18n.getFixedT('en')('article.views', { count: 2156, formatted: formatNumber(2156, 'en') })).toBe('2,156 views');
    expect(i18n.getFixedT('kk')('article.views', { count: 2156, formatted: formatNumber(2156, 'kk') })).toBe('2156 қаралым');
  });

  it('writes dates in Asia/Almaty, each language in its own form', () => {
    const date = new Date('2026-01-27T05:00:00Z');
    expect(i18n.getFixedT('ru')('date.format', dateParts(date, 'ru'))).toBe('27 января 2026, 10:00');
    expect(i18n.getFixedT('kk')('date.format', dateParts(date, 'kk'))).toBe('2026 жылғы 27 қаңтар, 10:00');
    expect(i18n.getFixedT('en')('date.format', dateParts(date, 'en'))).toBe('27 January 2026, 10:00');
  });

  it('works out the same day, month, year and time as Intl in Asia/Almaty, across the offsets the zone has had', () => {
    const formats = Object.fromEntries((['ru', 'kk', 'en'] as const).map((lang) => [lang, new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Almaty' })]));
    const hours = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Almaty' });
    const intl = (lang: 'ru' | 'kk' | 'en', date: Date) => {
      const parts = Object.fromEntries(formats[lang]!.formatToParts(date).map((p) => [p.type, p.value]));
      const time = hours.format(date);
      return { day: parts.day, month: parts.month, year: parts.year, time };
    };
    // Every 29 hours 13 minutes from 1992 to 2031: each month, day and hour, the summer times
    // of the 1990s and 2000s, and 2024-03-01, when Almaty went from UTC+6 to UTC+5.
    let checked = 0;
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2031, 0, 1); t += (29 * 60 + 13) * 60_000) {
      const date = new Date(t);
      for (const lang of ['ru', 'kk', 'en'] as const) expect(dateParts(date, lang), `${date.toISOString()} ${lang}`).toEqual(intl(lang, date));
      checked++;
    }
    expect(checked).toBeGreaterThan(11_000);
  });

  it('counts the year in Almaty, where the new year comes five hours early', () => {
    expect(yearIn(new Date('2026-12-31T19:30:00Z'))).toBe(2027);
    expect(yearIn(new Date('2026-12-31T18:30:00Z'))).toBe(2026);
  });
});
