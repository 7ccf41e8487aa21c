import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import FsBackend from 'i18next-fs-backend';
import { PROJECT_ROOT } from '../config.js';
import { DEFAULT_LANG, LANGS } from './languages.js';

export type Translate = TFunction;

/**
 * An i18next instance with every language's UI strings loaded from locales/, ready before the
 * first request. No fallback language: a missing Kazakh string must show up in tests, not as Russian.
 */
export async function createI18n(localesDir = path.join(PROJECT_ROOT, 'locales')): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(FsBackend).init({
    lng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    preload: [...LANGS],
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    backend: { loadPath: path.join(localesDir, '{{lng}}/{{ns}}.json') },
  });
  return instance;
}
