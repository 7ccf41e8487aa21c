import type { Request } from 'express';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/languages.js';

/** The language of any URL, for error pages: its prefix if it has a known one, else Russian. */
export function langOf(req: Request): Lang {
  const first = req.path.split('/')[1];
  return isLang(first) ? first : DEFAULT_LANG;
}
