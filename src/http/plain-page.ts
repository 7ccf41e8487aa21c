import type { Lang } from '../i18n/languages.js';
import { paths } from '../paths.js';
import { escapeHtml as escape } from '../text/escape-html.js';

/**
 * A page that cannot fail: no template, no content index, nothing from the request. For when
 * the real error page cannot be made, or the request never reached the app.
 */
export function plainPage(lang: Lang, title: string, text: string): string {
  return `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p><p><a href="${escape(paths.home(lang))}">DKNews.kz</a></p></body></html>`;
}
