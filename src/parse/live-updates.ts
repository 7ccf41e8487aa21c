import type Token from 'markdown-it/lib/token.mjs';
import { dateParts, isoLocal } from '../i18n/format.js';
import type { Lang } from '../i18n/languages.js';
import { escapeHtml } from '../text/escape-html.js';
import { parseIsoDate } from './dates.js';

/** One update of live coverage: a `## 14:35 Title` section of the body. */
export interface LiveUpdate {
  /** The section's id, its anchor: update-20260127-1435 (Almaty time). */
  id: string;
  at: Date;
  /** The heading's text after its time; empty when the heading is the time alone. */
  title: string;
  /** 1-based line in the body. */
  line: number;
}

/** What a body's live updates are, and what is wrong with their headings. */
export interface LiveUpdates {
  /** In the body's order: newest first. */
  updates: LiveUpdate[];
  /** Headings that start with something like a time that is not one (25:70, 2026-02-30 10:00). */
  badTimes: { value: string; line: number }[];
  /** Updates written above a later one, with a date of their own (time-only ones roll over midnight instead). */
  outOfOrder: { at: Date; later: Date; line: number }[];
}

/** What a heading may start with that looks like a moment: a time, or a date and a time. */
const MOMENT_LIKE = /^(\d{1,4}[-.:]\d{1,2}(?:[-.]\d{1,4})?(?:[T\s]\d{1,2}[:.]\d{1,2})?)(?=\s|$)/u;
const TIME = /^(\d{1,2})[:.](\d{2})$/;
/** 2026-01-28 09:10, 2026-01-28T09:10, 28.01.2026 09:10. */
const DATE_TIME = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4}))[T\s](\d{1,2})[:.](\d{2})$/u;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Turns the `##` headings of a live article's body that start with a time into updates: each
 * becomes a section with its own anchor, its heading's time a <time> with the full moment.
 * Updates are written newest first. A time without a date is on the day of the update below it
 * (the oldest, at the bottom, on the day of `start`); when it is earlier than that update, it is
 * on the next day: going up the page past midnight moves to the next day. A heading that does
 * not start with a time stays an ordinary subheading (of the update above it, or of the intro).
 * Changes `tokens` in place; their lines are the body's.
 */
export function liveUpdates(tokens: Token[], TokenClass: typeof Token, lang: Lang, start: Date | undefined): LiveUpdates {
  const found: { index: number; line: number; date?: { y: number; m: number; d: number }; hours: number; minutes: number; rest: string; text: Token }[] = [];
  const badTimes: LiveUpdates['badTimes'] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || token.markup !== '##') return;
    const inline = tokens[index + 1];
    const text = inline?.children?.[0];
    if (!inline || text?.type !== 'text') return;
    const like = MOMENT_LIKE.exec(text.content);
    if (!like) return;
    const line = (token.map?.[0] ?? 0) + 1;
    const moment = readMoment(like[1]!.replace(/\s+/gu, ' '));
    if (!moment) return void badTimes.push({ value: like[1]!, line });
    found.push({ index, line, ...moment, rest: text.content.slice(like[0].length).replace(/^\s+/u, ''), text });
  });

  // Moments from the bottom up: each time-only update is on its predecessor's day, or the next.
  const moments: Date[] = [];
  const outOfOrder: LiveUpdates['outOfOrder'] = [];
  let previous = start;
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    let at: Date | undefined;
    if (f.date) {
      at = atAlmaty(f.date, f.hours, f.minutes);
      if (previous && at < previous && i < found.length - 1) outOfOrder.push({ at, later: previous, line: f.line });
    } else {
      const day = previous ? almatyDay(previous) : undefined;
      at = day && atAlmaty(day, f.hours, f.minutes);
      if (at && previous && at < previous) at = new Date(at.getTime() + DAY_MS);
    }
    // Without a start (a date the check already refuses) the day is unknown: any day stands in, as nothing is published.
    at ??= atAlmaty(almatyDay(new Date(0)), f.hours, f.minutes);
    moments[i] = at;
    previous = at;
  }

  const updates: LiveUpdate[] = [];
  const ids = new Set<string>();
  // From the last heading up, so that inserting tokens leaves the earlier indexes as they were.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    const at = moments[i]!;
    const id = uniqueId(ids, `update-${isoLocal(at).slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}`);
    const shown = start && isoLocal(start).slice(0, 10) === isoLocal(at).slice(0, 10) ? timeOf(at, lang) : dayAndTime(at, lang);
    f.text.content = f.rest;
    const time = Object.assign(new TokenClass('html_inline', '', 0), { content: `<time datetime="${isoLocal(at)}">${escapeHtml(shown)}</time>${f.rest ? ' ' : ''}` });
    tokens[f.index + 1]!.children!.unshift(time);
    const end = i === found.length - 1 ? tokens.length : found[i + 1]!.index;
    tokens.splice(end, 0, Object.assign(new TokenClass('html_block', '', 0), { content: '</section>\n' }));
    tokens.splice(f.index, 0, Object.assign(new TokenClass('html_block', '', 0), { content: `<section class="live-update" id="${id}">\n` }));
    updates.unshift({ id, at, title: f.rest, line: f.line });
  }
  return { updates, badTimes, outOfOrder };
}

/** A heading's moment as written: a time alone, or a date and a time; undefined when it is not one. */
function readMoment(value: string): { date?: { y: number; m: number; d: number }; hours: number; minutes: number } | undefined {
  const time = TIME.exec(value);
  if (time) {
    const [hours, minutes] = [Number(time[1]), Number(time[2])];
    return hours <= 23 && minutes <= 59 ? { hours, minutes } : undefined;
  }
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, m[5]!, m[4]!];
  const iso = `${y}-${mo}-${d}T${m[7]!.padStart(2, '0')}:${m[8]}`;
  if (!parseIsoDate(iso)) return undefined;
  return { date: { y: Number(y), m: Number(mo), d: Number(d) }, hours: Number(m[7]), minutes: Number(m[8]) };
}

/** The calendar day of a moment in Almaty. */
function almatyDay(at: Date): { y: number; m: number; d: number } {
  const [y, m, d] = isoLocal(at).slice(0, 10).split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

function atAlmaty(day: { y: number; m: number; d: number }, hours: number, minutes: number): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  return parseIsoDate(`${day.y}-${pad(day.m)}-${pad(day.d)}T${pad(hours)}:${pad(minutes)}`)!;
}

function timeOf(at: Date, lang: Lang): string {
  return dateParts(at, lang).time;
}

/** «28 января, 00:30»: an update on another day than the coverage's first says its day. */
function dayAndTime(at: Date, lang: Lang): string {
  const parts = dateParts(at, lang);
  return `${parts.day} ${parts.month}, ${parts.time}`;
}

function uniqueId(taken: Set<string>, id: string): string {
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}-${n}`;
  taken.add(unique);
  return unique;
}
