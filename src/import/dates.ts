import { isoLocal } from '../i18n/format.js';

const SQL_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A WordPress GMT date (`2015-01-27 14:56:57`) as a moment; undefined for the zero date
 * WordPress writes for drafts (`0000-00-00 00:00:00`) and anything unreadable.
 */
export function fromGmt(text: string): Date | undefined {
  const m = SQL_DATE.exec(text.trim());
  if (!m || m[1] === '0000') return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A wall-clock date in a time zone (`2015-01-27 19:56:57` in Asia/Almaty) as a moment: the
 * zone's offset at that moment, found by Intl, as the zone's rules were then.
 * @example fromLocal('2015-01-27 20:56:57', 'Asia/Almaty')?.toISOString() // '2015-01-27T14:56:57.000Z'
 */
export function fromLocal(text: string, timeZone: string): Date | undefined {
  const asUtc = fromGmt(text);
  if (!asUtc) return undefined;
  // Twice: the offset at the guess, then at the corrected moment (a day when the clocks changed).
  let moment = asUtc.getTime() - offsetMs(asUtc, timeZone);
  moment = asUtc.getTime() - offsetMs(new Date(moment), timeZone);
  return new Date(moment);
}

/** Whether Intl knows a zone: `--timezone` is checked before anything is read. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function offsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A date as an article's front matter writes it: Asia/Almaty wall clock with its offset at that
 * moment (+06:00 before March 2024, +05:00 since), seconds only when there are any.
 * @example frontMatterDate(new Date('2015-01-27T14:56:00Z')) // '2015-01-27T20:56+06:00'
 */
export function frontMatterDate(date: Date): string {
  const iso = isoLocal(date);
  return iso.slice(17, 19) === '00' ? `${iso.slice(0, 16)}${iso.slice(19)}` : iso;
}

/** `2015/01`: the article's folder under news/ and its pictures' under media/, by Almaty date. */
export function monthFolder(date: Date): string {
  return isoLocal(date).slice(0, 7).replace('-', '/');
}

/** A feed's date (RFC 822 in RSS, ISO 8601 in Atom) as a moment, or undefined. */
export function fromFeedDate(text: string): Date | undefined {
  if (!text.trim()) return undefined;
  const date = new Date(text.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}
