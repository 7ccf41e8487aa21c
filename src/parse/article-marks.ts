import type { ProblemCode } from '../problems/messages.js';
import { parseIsoDate } from './dates.js';
import { nearest } from './nearest.js';
import type { Correction, Sponsor } from './types.js';

/** Reports a problem at a field of the front matter (its line found by its path). */
export type ReportAt = (path: (string | number)[], code: ProblemCode, params?: Record<string, string | number>) => void;

/** What a newsroom marks an article with, read from its front matter. */
export interface ArticleMarks {
  live?: { on: boolean; until?: Date };
  corrections?: Correction[];
  sponsored?: Sponsor;
}

/**
 * Reads `live`/`live_until`, `corrections` and `sponsored` from the raw front matter, reporting
 * what an editor must fix with advice of its own (the schema only knows their shape): a
 * correction without a date or text, an erid without an advertiser, coverage ending before it
 * begins. `fresh(field)` says whether the schema has reported the field already.
 */
export function readMarks(raw: Record<string, unknown>, date: Date | undefined, report: ReportAt, fresh: (field: string) => boolean): ArticleMarks {
  return { live: readLive(raw, date, report, fresh), corrections: readCorrections(raw, date, report, fresh), sponsored: readSponsored(raw, report, fresh) };
}

function readLive(raw: Record<string, unknown>, date: Date | undefined, report: ReportAt, fresh: (field: string) => boolean): ArticleMarks['live'] {
  const untilText = typeof raw.live_until === 'string' ? raw.live_until : undefined;
  const until = untilText === undefined ? undefined : parseIsoDate(untilText);
  if (untilText !== undefined && !until && fresh('live_until')) report(['live_until'], 'invalid_date', { value: untilText });
  if (until && date && until < date) report(['live_until'], 'live_until_before_date', { until: untilText!, date: String(raw.date) });
  if (raw.live_until !== undefined && raw.live === undefined) report(['live_until'], 'live_until_without_live');
  if (typeof raw.live !== 'boolean') return undefined;
  return { on: raw.live, ...(until ? { until } : {}) };
}

function readCorrections(raw: Record<string, unknown>, date: Date | undefined, report: ReportAt, fresh: (field: string) => boolean): Correction[] | undefined {
  if (!Array.isArray(raw.corrections) || !fresh('corrections')) return undefined;
  const corrections: Correction[] = [];
  raw.corrections.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return report(['corrections', i], 'correction_not_map');
    const { date: when, text, ...others } = entry as Record<string, unknown>;
    for (const field of Object.keys(others)) report(['corrections', i, field], 'unknown_field', { field, known: 'date, text', suggestion: nearest(field, ['date', 'text']) ?? '' });
    const whenText = typeof when === 'string' || typeof when === 'number' ? String(when) : undefined;
    const at = whenText === undefined ? undefined : parseIsoDate(whenText);
    if (when === undefined || when === null) report(['corrections', i], 'correction_date_missing');
    else if (!at) report(['corrections', i, 'date'], 'invalid_date', { value: whenText ?? JSON.stringify(when) });
    else if (date && at < date) report(['corrections', i, 'date'], 'correction_before_date', { correction: whenText!, date: String(raw.date) });
    const said = typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
    if (!said) report(['corrections', i], 'correction_text_missing');
    if (at && said) corrections.push({ date: at, text: said });
  });
  return corrections.length === raw.corrections.length ? corrections : undefined;
}

function readSponsored(raw: Record<string, unknown>, report: ReportAt, fresh: (field: string) => boolean): Sponsor | undefined {
  const value = raw.sponsored;
  if (value === undefined || value === null || !fresh('sponsored')) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return void report(['sponsored'], 'sponsored_not_map');
  const { advertiser, erid, ...others } = value as Record<string, unknown>;
  for (const field of Object.keys(others)) report(['sponsored', field], 'unknown_field', { field, known: 'advertiser, erid', suggestion: nearest(field, ['advertiser', 'erid']) ?? '' });
  const name = typeof advertiser === 'string' || typeof advertiser === 'number' ? String(advertiser).trim() : '';
  const id = typeof erid === 'string' || typeof erid === 'number' ? String(erid).trim() : '';
  if (!name) report(['sponsored'], id ? 'erid_without_advertiser' : 'advertiser_missing', id ? { erid: id } : {});
  if (!name) return undefined;
  return { advertiser: name, ...(id ? { erid: id } : {}) };
}
