import type { EditorLang } from '../content/messages.js';

/** What `npm run export` says, in Russian and English, like the editors' commands (cli/messages.ts). */
type Params = Record<string, string | number>;

const EXPORT_MESSAGES = {
  usage: {
    ru: () => 'Использование: npm run export [-- --out папка] [--api-origin https://api.example.kz] [--lang ru|en]',
    en: () => 'Usage: npm run export [-- --out folder] [--api-origin https://api.example.kz] [--lang ru|en]',
  },
  bad_option: {
    ru: (p: Params) => `Неверный параметр: ${p.detail}`,
    en: (p: Params) => `Bad option: ${p.detail}`,
  },
  bad_message_lang: {
    ru: (p: Params) => `--lang «${p.value}»: сообщения бывают на ru или en.`,
    en: (p: Params) => `--lang "${p.value}": messages are in ru or en.`,
  },
  bad_api_origin: {
    ru: (p: Params) => `--api-origin «${p.value}»: нужен адрес сервера без пути, например https://api.dknews.kz.`,
    en: (p: Params) => `--api-origin "${p.value}": give the server's origin without a path, e.g. https://api.dknews.kz.`,
  },
  bad_config: {
    ru: (p: Params) => `Неверная настройка в окружении:\n${p.detail}`,
    en: (p: Params) => `${p.detail}`,
  },
  no_folder: {
    ru: (p: Params) => `Нет папки с материалами «${p.dir}». Укажите её через CONTENT_DIR.`,
    en: (p: Params) => `There is no content folder "${p.dir}". Name it with CONTENT_DIR.`,
  },
  out_not_folder: {
    ru: (p: Params) => `--out «${p.dir}» — это файл, а не папка. Выберите другую папку.`,
    en: (p: Params) => `--out "${p.dir}" is a file, not a folder. Choose another folder.`,
  },
  out_not_export: {
    ru: (p: Params) => `В папке «${p.dir}» уже есть файлы, и это не прежний экспорт: она не тронута. Выберите пустую или новую папку.`,
    en: (p: Params) => `The folder "${p.dir}" has files and is not an earlier export: it was left as it is. Choose an empty or new folder.`,
  },
  broken_site_files: {
    ru: (p: Params) => `site.yml, authors.yml или topics.yml с ошибками; ничего не выгружено:\n${p.detail}`,
    en: (p: Params) => `site.yml, authors.yml or topics.yml is broken; nothing was exported:\n${p.detail}`,
  },
  failed: {
    ru: (p: Params) => `Выгрузка не удалась, папка не изменена: ${p.detail}`,
    en: (p: Params) => `The export failed; the folder was not changed: ${p.detail}`,
  },
  site_url_default: {
    ru: (p: Params) => `Внимание: SITE_URL не задан, абсолютные адреса (canonical, hreflang, карты сайта) указывают на ${p.url}.`,
    en: (p: Params) => `Note: SITE_URL is not set; absolute URLs (canonical, hreflang, sitemaps) point at ${p.url}.`,
  },
  done: {
    ru: (p: Params) => `Выгружено адресов: ${p.urls}, в ${p.dir} за ${p.seconds} с: файлов ${p.files}, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
    en: (p: Params) => `Exported ${p.urls} URLs to ${p.dir} in ${p.seconds} s: ${p.files} files, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
  },
  api_origin: {
    ru: (p: Params) => `Счётчик просмотров и поиск: ${p.origin}`,
    en: (p: Params) => `View counter and search: ${p.origin}`,
  },
  no_api_origin: {
    ru: () => 'Счётчик просмотров и поиск: убраны со страниц (нет --api-origin); показано число просмотров на момент выгрузки.',
    en: () => 'View counter and search: left out of the pages (no --api-origin); the view counts are as of the export.',
  },
  nginx: {
    ru: (p: Params) => `Блок server для nginx: ${p.file}`,
    en: (p: Params) => `nginx server block: ${p.file}`,
  },
  problems: {
    ru: (p: Params) => `В материалах есть проблемы (${p.count}): файлы с ошибками не выгружены. Список — npm run check.`,
    en: (p: Params) => `The content has problems (${p.count}): files with errors were left out. npm run check lists them.`,
  },
} satisfies Record<string, Record<EditorLang, (p: Params) => string>>;

export type ExportMessage = keyof typeof EXPORT_MESSAGES;

export function exportMessage(code: ExportMessage, lang: EditorLang, params: Params = {}): string {
  return EXPORT_MESSAGES[code][lang](params);
}
