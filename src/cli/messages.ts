import type { EditorLang } from '../content/messages.js';

/**
 * What the editors' commands say besides content problems (those are in content/messages.ts),
 * in Russian and English.
 */
type Params = Record<string, string | number>;

export const CLI_MESSAGES = {
  problems_found: {
    ru: (p: Params) => `Найдено проблем: ${p.count}`,
    en: (p: Params) => `Problems found: ${p.count}`,
  },
  warnings_found: {
    ru: (p: Params) => `Предупреждений: ${p.count} (сайт работает, но их стоит исправить)`,
    en: (p: Params) => `Warnings: ${p.count} (the site works, but they are worth fixing)`,
  },
  no_problems: {
    ru: (p: Params) => `Проблем нет: проверено ${p.count} ${plural('ru', Number(p.count), { one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' })}`,
    en: (p: Params) => `No problems: ${p.count} ${plural('en', Number(p.count), { one: 'article', other: 'articles' })} checked`,
  },
  check_usage: {
    ru: () => 'Использование: npm run check [-- --lang ru|en] [-- --dir папка]',
    en: () => 'Usage: npm run check [-- --lang ru|en] [-- --dir folder]',
  },
  new_usage: {
    ru: () => 'Использование: npm run new -- --title "Заголовок" [--lang ru|kk|en] [--topic id[,id]] [--author id] [--slug slug] [--dir папка]',
    en: () => 'Usage: npm run new -- --title "Title" [--lang ru|kk|en] [--topic id[,id]] [--author id] [--slug slug] [--dir folder]',
  },
  bad_option: {
    ru: (p: Params) => `Неверный параметр: ${p.detail}`,
    en: (p: Params) => `Bad option: ${p.detail}`,
  },
  bad_message_lang: {
    ru: (p: Params) => `--lang «${p.value}»: сообщения бывают на ru или en.`,
    en: (p: Params) => `--lang "${p.value}": messages are in ru or en.`,
  },
  bad_article_lang: {
    ru: (p: Params) => `--lang «${p.value}»: язык статьи — ru, kk или en.`,
    en: (p: Params) => `--lang "${p.value}": the article language is ru, kk or en.`,
  },
  no_folder: {
    ru: (p: Params) => `Нет папки с материалами «${p.dir}». Укажите её через --dir или CONTENT_DIR.`,
    en: (p: Params) => `There is no content folder "${p.dir}". Name it with --dir or CONTENT_DIR.`,
  },
  unreadable: {
    ru: (p: Params) => `Не удалось прочитать материалы: ${p.detail}`,
    en: (p: Params) => `The content could not be read: ${p.detail}`,
  },
  title_missing: {
    ru: () => 'Нужен заголовок: --title "Заголовок статьи".',
    en: () => 'A title is needed: --title "The article title".',
  },
  slug_empty: {
    ru: (p: Params) => `Из заголовка «${p.title}» не получается адрес: в нём нет букв или цифр. Задайте его через --slug.`,
    en: (p: Params) => `The title "${p.title}" gives no address: it has no letters or digits. Give one with --slug.`,
  },
  slug_bad: {
    ru: (p: Params) => `--slug «${p.slug}»: нужны строчная латиница, цифры и дефисы.`,
    en: (p: Params) => `--slug "${p.slug}": use lowercase Latin letters, digits and hyphens.`,
  },
  slug_taken: {
    ru: (p: Params) => `Статья «${p.slug}» на языке ${p.lang} уже есть: ${p.file}. Выберите другой --slug.`,
    en: (p: Params) => `The article "${p.slug}" in ${p.lang} already exists: ${p.file}. Choose another --slug.`,
  },
  file_exists: {
    ru: (p: Params) => `Файл ${p.file} уже есть; он не перезаписан.`,
    en: (p: Params) => `The file ${p.file} already exists; it was not overwritten.`,
  },
  none_defined: {
    ru: (p: Params) => `В ${p.file} нет ни одной записи: добавьте хотя бы одну.`,
    en: (p: Params) => `${p.file} has no entries: add at least one.`,
  },
  translation_hint: {
    ru: (p: Params) => `Нет русской статьи «${p.slug}». Если это перевод, переименуйте файл по slug русской статьи или создайте его с --slug.`,
    en: (p: Params) => `There is no Russian article "${p.slug}". If this is a translation, rename the file after the Russian article's slug or create it with --slug.`,
  },
} satisfies Record<string, Record<EditorLang, (p: Params) => string>>;

export type CliMessage = keyof typeof CLI_MESSAGES;

export function cliMessage(code: CliMessage, lang: EditorLang, params: Params = {}): string {
  return CLI_MESSAGES[code][lang](params);
}

function plural(lang: EditorLang, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
}
