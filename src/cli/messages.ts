import { plural } from '../i18n/plural.js';
import type { EditorLang, Message, Params } from '../problems/messages.js';

/**
 * What the commands (npm run check, new, export) say besides content problems, in the editor's
 * language like the problems themselves (src/problems/messages.ts). Counted words take the
 * language's plural rule (i18n/plural.ts), the same one the pages use.
 */
const COMMANDS = {
  problems_found: {
    ru: (p) => `Найдено проблем: ${p.count}`,
    en: (p) => `Problems found: ${p.count}`,
  },
  warnings_found: {
    ru: (p) => `Предупреждений: ${p.count} (сайт работает, но их стоит исправить)`,
    en: (p) => `Warnings: ${p.count} (the site works, but they are worth fixing)`,
  },
  previews: {
    ru: (p) => `Ссылки для предпросмотра черновиков и ещё не опубликованных статей (${p.count}; секретные — не публикуйте их):`,
    kk: (p) => `Жобалар мен әлі жарияланбаған мақалаларды алдын ала қарау сілтемелері (${p.count}; құпия — оларды жарияламаңыз):`,
    en: (p) => `Preview links of drafts and articles not yet published (${p.count}; secret: do not publish them):`,
  },
  no_problems: {
    ru: (p) => `Проблем нет: проверено ${p.count} ${plural('ru', Number(p.count), { one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' })}`,
    en: (p) => `No problems: ${p.count} ${plural('en', Number(p.count), { one: 'article', other: 'articles' })} checked`,
  },
  check_usage: {
    ru: () => 'Использование: npm run check [-- --lang ru|kk|en] [-- --dir папка]',
    en: () => 'Usage: npm run check [-- --lang ru|kk|en] [-- --dir folder]',
  },
  new_usage: {
    ru: () => 'Использование: npm run new -- --title "Заголовок" [--lang ru|kk|en] [--topic id[,id]] [--author id] [--slug slug] [--dir папка]',
    en: () => 'Usage: npm run new -- --title "Title" [--lang ru|kk|en] [--topic id[,id]] [--author id] [--slug slug] [--dir folder]',
  },
  bad_option: {
    ru: (p) => `Неверный параметр: ${p.detail}`,
    en: (p) => `Bad option: ${p.detail}`,
  },
  bad_message_lang: {
    ru: (p) => `--lang «${p.value}»: сообщения бывают на ru, kk или en.`,
    en: (p) => `--lang "${p.value}": messages are in ru, kk or en.`,
  },
  bad_article_lang: {
    ru: (p) => `--lang «${p.value}»: язык статьи — ru, kk или en.`,
    en: (p) => `--lang "${p.value}": the article language is ru, kk or en.`,
  },
  no_folder: {
    ru: (p) => `Нет папки с материалами «${p.dir}». Укажите её через --dir или CONTENT_DIR.`,
    en: (p) => `There is no content folder "${p.dir}". Name it with --dir or CONTENT_DIR.`,
  },
  unreadable: {
    ru: (p) => `Не удалось прочитать материалы: ${p.detail}`,
    en: (p) => `The content could not be read: ${p.detail}`,
  },
  title_missing: {
    ru: () => 'Нужен заголовок: --title "Заголовок статьи".',
    en: () => 'A title is needed: --title "The article title".',
  },
  slug_empty: {
    ru: (p) => `Из заголовка «${p.title}» не получается адрес: в нём нет букв или цифр. Задайте его через --slug.`,
    en: (p) => `The title "${p.title}" gives no address: it has no letters or digits. Give one with --slug.`,
  },
  slug_bad: {
    ru: (p) => `--slug «${p.slug}»: нужны строчная латиница, цифры и дефисы.`,
    en: (p) => `--slug "${p.slug}": use lowercase Latin letters, digits and hyphens.`,
  },
  slug_taken: {
    ru: (p) => `Статья «${p.slug}» на языке ${p.lang} уже есть: ${p.file}. Выберите другой --slug.`,
    en: (p) => `The article "${p.slug}" in ${p.lang} already exists: ${p.file}. Choose another --slug.`,
  },
  file_exists: {
    ru: (p) => `Файл ${p.file} уже есть; он не перезаписан.`,
    en: (p) => `The file ${p.file} already exists; it was not overwritten.`,
  },
  none_defined: {
    ru: (p) => `В ${p.file} нет ни одной записи: добавьте хотя бы одну.`,
    en: (p) => `${p.file} has no entries: add at least one.`,
  },
  translation_hint: {
    ru: (p) => `Нет русской статьи «${p.slug}». Если это перевод, переименуйте файл по slug русской статьи или создайте его с --slug.`,
    en: (p) => `There is no Russian article "${p.slug}". If this is a translation, rename the file after the Russian article's slug or create it with --slug.`,
  },
  // npm run export
  export_usage: {
    ru: () => 'Использование: npm run export [-- --out папка] [--api-origin https://api.example.kz] [--lang ru|en]',
    en: () => 'Usage: npm run export [-- --out folder] [--api-origin https://api.example.kz] [--lang ru|en]',
  },
  bad_api_origin: {
    ru: (p) => `--api-origin «${p.value}»: нужен адрес сервера без пути, например https://api.dknews.kz.`,
    en: (p) => `--api-origin "${p.value}": give the server's origin without a path, e.g. https://api.dknews.kz.`,
  },
  bad_config: {
    ru: (p) => `Неверная настройка в окружении:\n${p.detail}`,
    en: (p) => `${p.detail}`,
  },
  export_no_folder: {
    ru: (p) => `Нет папки с материалами «${p.dir}». Укажите её через CONTENT_DIR.`,
    en: (p) => `There is no content folder "${p.dir}". Name it with CONTENT_DIR.`,
  },
  out_not_folder: {
    ru: (p) => `--out «${p.dir}» — это файл, а не папка. Выберите другую папку.`,
    en: (p) => `--out "${p.dir}" is a file, not a folder. Choose another folder.`,
  },
  out_not_export: {
    ru: (p) => `В папке «${p.dir}» уже есть файлы, и это не прежний экспорт: она не тронута. Выберите пустую или новую папку.`,
    en: (p) => `The folder "${p.dir}" has files and is not an earlier export: it was left as it is. Choose an empty or new folder.`,
  },
  broken_site_files: {
    ru: (p) => `site.yml, authors.yml или topics.yml с ошибками; ничего не выгружено:\n${p.detail}`,
    en: (p) => `site.yml, authors.yml or topics.yml is broken; nothing was exported:\n${p.detail}`,
  },
  failed: {
    ru: (p) => `Выгрузка не удалась, папка не изменена: ${p.detail}`,
    en: (p) => `The export failed; the folder was not changed: ${p.detail}`,
  },
  site_url_default: {
    ru: (p) => `Внимание: SITE_URL не задан, абсолютные адреса (canonical, hreflang, карты сайта) указывают на ${p.url}.`,
    en: (p) => `Note: SITE_URL is not set; absolute URLs (canonical, hreflang, sitemaps) point at ${p.url}.`,
  },
  done: {
    ru: (p) => `Выгружено адресов: ${p.urls}, в ${p.dir} за ${p.seconds} с: файлов ${p.files}, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
    en: (p) => `Exported ${p.urls} URLs to ${p.dir} in ${p.seconds} s: ${p.files} files, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
  },
  api_origin: {
    ru: (p) => `Счётчик просмотров и поиск: ${p.origin}`,
    en: (p) => `View counter and search: ${p.origin}`,
  },
  no_api_origin: {
    ru: () => 'Счётчик просмотров и поиск: убраны со страниц (нет --api-origin); показано число просмотров на момент выгрузки.',
    en: () => 'View counter and search: left out of the pages (no --api-origin); the view counts are as of the export.',
  },
  nginx: {
    ru: (p) => `Блок server для nginx: ${p.file}`,
    en: (p) => `nginx server block: ${p.file}`,
  },
  export_problems: {
    ru: (p) => `В материалах есть проблемы (${p.count}): файлы с ошибками не выгружены. Список — npm run check.`,
    en: (p) => `The content has problems (${p.count}): files with errors were left out. npm run check lists them.`,
  },
} satisfies Record<string, Message>;


export type CommandCode = keyof typeof COMMANDS;

/** A command's message in the editor's language. */
export function message(code: CommandCode, lang: EditorLang, params: Params = {}): string {
  const entry: Message = COMMANDS[code];
  return (entry[lang] ?? entry.ru)(params);
}
