import { TIME_ZONE, type Lang } from './languages.js';

// Russian and Kazakh do not group four-digit numbers (2156, but 21 560); English always groups.
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat('ru', { useGrouping: 'min2' }),
  kk: new Intl.NumberFormat('kk', { useGrouping: 'min2' }),
  en: new Intl.NumberFormat('en', { useGrouping: 'always' }),
};

const dayMonthYear = Object.fromEntries(
  (['ru', 'kk', 'en'] as const).map((lang) => [
    lang,
    new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }),
  ]),
) as Record<Lang, Intl.DateTimeFormat>;

const yearOnly = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE });

type DateParts = { day: string; month: string; year: string; time: string };

/**
 * Each language's twelve month names as its day-month-year format prints them (Russian's
 * genitive «января»), asked of Intl once: the month is the only part of a date whose words
 * depend on the language.
 */
const monthNames = Object.fromEntries(
  (['ru', 'kk', 'en'] as const).map((lang) => [
    lang,
    Array.from({ length: 12 }, (_, m) => dayMonthYear[lang].formatToParts(new Date(Date.UTC(2025, m, 15, 12))).find((p) => p.type === 'month')?.value ?? ''),
  ]),
) as Record<Lang, string[]>;

/**
 * The parts each language's date pattern in locales/ is filled with, in Asia/Almaty time: the
 * day, month and year as Intl's day-month-year format has them, the time as 24-hour HH:MM.
 * Worked out from the zone's offset (remembered per day, see offsetMinutes) with the month's
 * name from monthNames: a list page shows twenty dates, a sitemap thousands, and Intl takes
 * 10 to 20 µs a date (tests/unit/config-i18n.test.ts compares with Intl across the years).
 */
export function dateParts(date: Date, lang: Lang): DateParts {
  const local = new Date(date.getTime() + offsetMinutes(date) * 60_000);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return {
    day: String(local.getUTCDate()),
    month: monthNames[lang][local.getUTCMonth()]!,
    year: String(local.getUTCFullYear()),
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  };
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

let knownYear: { year: number; from: number; to: number } | undefined;

/**
 * The current year in Asia/Almaty, for the footer's © line. Asked on every request, so the
 * year is kept with the span it holds for (UTC+5 since 2024) and Intl is asked only outside it.
 */
export function yearIn(date: Date): number {
  const t = date.getTime();
  if (knownYear && t >= knownYear.from && t < knownYear.to) return knownYear.year;
  const year = Number(yearOnly.format(date));
  if (year >= 2025) knownYear = { year, from: Date.parse(`${year}-01-01T00:00:00+05:00`), to: Date.parse(`${year + 1}-01-01T00:00:00+05:00`) };
  return year;
}

/** ISO 8601 with the Asia/Almaty offset, e.g. 2026-01-27T10:00:00+05:00, for datetime attributes. */
export function isoLocal(date: Date): string {
  const offset = offsetMinutes(date);
  const shifted = new Date(date.getTime() + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${shifted.toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const offsetFormat = new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

const DAY_MS = 24 * 3600 * 1000;
/** The offset of each UTC day that has one offset throughout: a sitemap formats 10,000 dates, Intl takes 20 µs a date. */
const dayOffsets = new Map<number, number>();

function offsetMinutes(date: Date): number {
  const day = Math.floor(date.getTime() / DAY_MS);
  const known = dayOffsets.get(day);
  if (known !== undefined) return known;
  const offset = offsetAt(date);
  // A day on which the offset changes is never remembered: each of its moments is asked of Intl.
  if (offsetAt(new Date(day * DAY_MS)) === offset && offsetAt(new Date((day + 1) * DAY_MS - 1)) === offset) {
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(day, offset);
  }
  return offset;
}

function offsetAt(date: Date): number {
  const name = offsetFormat.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}
