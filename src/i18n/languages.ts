/** The site's languages, Russian first: it is the default and the x-default of every page. */
export const LANGS = ['ru', 'kk', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';

/** Every date on the site is shown in this zone (UTC+5 since 2024). */
export const TIME_ZONE = 'Asia/Almaty';
/** The offset a date without one is read in. */
export const DEFAULT_OFFSET = '+05:00';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Open Graph locales: language_TERRITORY. */
export const OG_LOCALE: Record<Lang, string> = { ru: 'ru_RU', kk: 'kk_KZ', en: 'en_US' };
