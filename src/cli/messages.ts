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
  check_summary: {
    ru: () => 'Проверяет все материалы так же, как сервер, и печатает каждую проблему с файлом, строкой и советом. Код выхода 0 — ошибок нет (предупреждения не мешают), 1 — есть ошибки.',
    kk: () => 'Барлық материалды сервер сияқты тексереді және әр мәселені файлымен, жолымен және кеңесімен басып шығарады. Шығу коды 0 — қате жоқ (ескертулер кедергі емес), 1 — қате бар.',
    en: () => 'Checks all the content as the server does and prints each problem with its file, line and advice. Exit code 0: no errors (warnings do not count), 1: errors.',
  },
  opt_check_dir: {
    ru: () => 'папка с материалами (по умолчанию CONTENT_DIR или content)',
    kk: () => 'материалдар қалтасы (әдепкісі CONTENT_DIR немесе content)',
    en: () => 'the content folder (CONTENT_DIR or content by default)',
  },
  folder: {
    ru: () => 'папка',
    kk: () => 'қалта',
    en: () => 'folder',
  },
  new_summary: {
    ru: () => 'Создаёт файл статьи content/news/ГГГГ/ММ/<slug>.<язык>.md с заполненными полями, как черновик, и печатает его путь. Ничего не перезаписывает.',
    kk: () => 'content/news/ЖЖЖЖ/АА/<slug>.<тіл>.md мақала файлын өрістері толтырылған жоба ретінде жасайды және оның жолын басып шығарады. Ештеңені қайта жазбайды.',
    en: () => 'Creates the article file content/news/YYYY/MM/<slug>.<lang>.md with its fields filled in, as a draft, and prints its path. Overwrites nothing.',
  },
  new_title_value: { ru: () => '"Заголовок"', kk: () => '"Тақырып"', en: () => '"Title"' },
  opt_new_title: { ru: () => 'заголовок статьи (обязателен)', kk: () => 'мақала тақырыбы (міндетті)', en: () => 'the article title (required)' },
  opt_new_lang: { ru: () => 'язык статьи (по умолчанию ru)', kk: () => 'мақала тілі (әдепкісі ru)', en: () => 'the article language (ru by default)' },
  opt_new_topic: { ru: () => 'темы из topics.yml (по умолчанию первая)', kk: () => 'topics.yml тақырыптары (әдепкісі біріншісі)', en: () => 'topics from topics.yml (the first by default)' },
  opt_new_author: { ru: () => 'автор из authors.yml (по умолчанию первый)', kk: () => 'authors.yml авторы (әдепкісі біріншісі)', en: () => 'the author from authors.yml (the first by default)' },
  opt_new_slug: { ru: () => 'адрес статьи (по умолчанию из заголовка)', kk: () => 'мақала мекенжайы (әдепкісі тақырыптан)', en: () => 'the article address (from the title by default)' },
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
  nothing_created: {
    ru: () => 'Ничего не создано: сначала исправьте ошибки выше.',
    kk: () => 'Ештеңе жасалған жоқ: алдымен жоғарыдағы қателерді түзетіңіз.',
    en: () => 'Nothing was created: fix the errors above first.',
  },
  file_exists: {
    ru: (p) => `Файл ${p.file} уже есть; он не перезаписан.`,
    en: (p) => `The file ${p.file} already exists; it was not overwritten.`,
  },
  none_defined: {
    ru: (p) => `В ${p.file} нет ни одной записи: добавьте хотя бы одну.`,
    en: (p) => `${p.file} has no entries: add at least one.`,
  },
  translation_of: {
    ru: (p) => `Перевод статьи ${p.file}: дата, автор, темы и фото взяты из неё (переведите подпись и alt фото).`,
    kk: (p) => `${p.file} мақаласының аудармасы: күні, авторы, тақырыптары мен суреті содан алынды (сурет жазуы мен alt мәтінін аударыңыз).`,
    en: (p) => `A translation of ${p.file}: its date, author, topics and picture are taken from it (translate the picture's caption and alt).`,
  },
  translation_hint: {
    ru: (p) => `Нет русской статьи «${p.slug}». Если это перевод, переименуйте файл по slug русской статьи или создайте его с --slug.`,
    en: (p) => `There is no Russian article "${p.slug}". If this is a translation, rename the file after the Russian article's slug or create it with --slug.`,
  },
  // npm run export
  generate_summary: {
    ru: () => 'Пишет папку с правдоподобными сгенерированными статьями (ru, kk, en) для нагрузочных замеров: авторы, темы и фото — из content/. Папку, которую писала не эта команда, не трогает.',
    kk: () => 'Жүктеме өлшемдері үшін ойдан құрастырылған мақалалар (ru, kk, en) қалтасын жазады: авторлар, тақырыптар мен суреттер content/ ішінен алынады. Бұл команда жазбаған қалтаға тимейді.',
    en: () => 'Writes a folder of realistic generated articles (ru, kk, en) for load measurements: authors, topics and pictures from content/. Never touches a folder this command did not write.',
  },
  opt_generate_count: { ru: () => 'сколько русских статей (по умолчанию 10000)', kk: () => 'қанша орысша мақала (әдепкісі 10000)', en: () => 'how many Russian articles (10000 by default)' },
  opt_generate_out: { ru: () => 'куда писать (по умолчанию /tmp/dknews-ЧИСЛО)', kk: () => 'қайда жазу керек (әдепкісі /tmp/dknews-САН)', en: () => 'where to write (/tmp/dknews-COUNT by default)' },
  opt_generate_seed: { ru: () => 'зерно случайных чисел: то же зерно — те же статьи (по умолчанию 1)', kk: () => 'кездейсоқ сандар дәні: бірдей дән — бірдей мақалалар (әдепкісі 1)', en: () => 'the random seed: the same seed writes the same articles (1 by default)' },
  opt_generate_reuse: { ru: () => 'оставить папку, если её уже написал такой же запуск', kk: () => 'қалтаны дәл осындай іске қосу жазып қойса, қалдыру', en: () => 'keep the folder when the same run already wrote it' },
  generate_bad_number: {
    ru: (p) => `--${p.option} «${p.value}»: нужно целое число${p.option === 'count' ? ' больше 0' : ''}.`,
    kk: (p) => `--${p.option} «${p.value}»: бүтін сан керек${p.option === 'count' ? ', 0-ден үлкен' : ''}.`,
    en: (p) => `--${p.option} "${p.value}": a whole number${p.option === 'count' ? ' above 0' : ''} is needed.`,
  },
  generate_failed: {
    ru: (p) => `Не удалось написать статьи: ${p.detail}`,
    kk: (p) => `Мақалаларды жазу мүмкін болмады: ${p.detail}`,
    en: (p) => `Could not write the articles: ${p.detail}`,
  },
  generate_done: {
    ru: (p) => `${p.reused ? 'Оставлена папка' : 'Записано в'} ${p.out}: статей — ${p.count}, файлов — ${p.total} (${p.ru} ru, ${p.kk} kk, ${p.en} en), ${p.mb} МБ Markdown, авторов: ${p.authors}${p.reused ? ' (её написал такой же запуск)' : `, за ${p.seconds} с`}.`,
    kk: (p) => `${p.reused ? 'Қалта қалдырылды' : 'Жазылды'}: ${p.out}: ${p.count} мақала, ${p.total} файл (${p.ru} ru, ${p.kk} kk, ${p.en} en), ${p.mb} МБ Markdown, авторлар: ${p.authors}${p.reused ? ' (оны дәл осындай іске қосу жазған)' : `, ${p.seconds} с ішінде`}.`,
    en: (p) => `${p.reused ? 'Kept' : 'Wrote'} ${p.out}: articles: ${p.count}, files: ${p.total} (${p.ru} ru, ${p.kk} kk, ${p.en} en), ${p.mb} MB of Markdown, authors: ${p.authors}${p.reused ? ' (the same run wrote it before)' : `, in ${p.seconds} s`}.`,
  },
  export_summary: {
    ru: () => 'Выгружает весь сайт статическими файлами (страницы, картинки, карты сайта, ленты) и блок server для nginx.',
    kk: () => 'Бүкіл сайтты статикалық файлдар ретінде (беттер, суреттер, сайт карталары, арналар) және nginx үшін server блогын шығарады.',
    en: () => 'Writes the whole site as static files (pages, pictures, sitemaps, feeds) and an nginx server block.',
  },
  opt_export_out: {
    ru: () => 'куда выгрузить (по умолчанию dist/site)',
    kk: () => 'қайда шығару керек (әдепкісі dist/site)',
    en: () => 'where to write it (dist/site by default)',
  },
  opt_api_origin: {
    ru: () => 'сервер счётчика просмотров и поиска; без него они убраны со страниц',
    kk: () => 'қаралым санағышы мен іздеу сервері; онсыз олар беттерден алынып тасталады',
    en: () => 'the server of the view counter and search; without it they are left out of the pages',
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
  failed_in_place: {
    ru: (p) => `Выгрузка не удалась на полпути: часть файлов уже новые, остальные прежние, каждый файл цел. Следующая выгрузка запишет папку целиком: ${p.detail}`,
    kk: (p) => `Экспорт жартылай орындалды: файлдардың бір бөлігі жаңа, қалғаны бұрынғы, әр файл бүтін. Келесі экспорт қалтаны толық жазады: ${p.detail}`,
    en: (p) => `The export failed half-way: some files are new, the others as before, each one whole. The next export writes the folder whole: ${p.detail}`,
  },
  site_url_default: {
    ru: (p) => `Внимание: SITE_URL не задан, абсолютные адреса (canonical, hreflang, карты сайта) указывают на ${p.url}.`,
    en: (p) => `Note: SITE_URL is not set; absolute URLs (canonical, hreflang, sitemaps) point at ${p.url}.`,
  },
  done: {
    ru: (p) => `Выгружено адресов: ${p.urls}, в ${p.dir} за ${p.seconds} с: файлов ${p.files}, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
    en: (p) => `Exported ${p.urls} URLs to ${p.dir} in ${p.seconds} s: ${p.files} files, ${p.size} (gzip ${p.gzip}, brotli ${p.br}).`,
  },
  export_written: {
    ru: (p) => `Записано файлов: ${p.written}, оставлено как было: ${p.kept}, удалено: ${p.removed}${p.inPlace ? ' (прежний экспорт обновлён на месте)' : ''}.`,
    kk: (p) => `Жазылған файлдар: ${p.written}, өзгеріссіз қалдырылды: ${p.kept}, жойылды: ${p.removed}${p.inPlace ? ' (бұрынғы экспорт орнында жаңартылды)' : ''}.`,
    en: (p) => `Files written: ${p.written}, left as they were: ${p.kept}, deleted: ${p.removed}${p.inPlace ? ' (the earlier export was updated in place)' : ''}.`,
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
  reindex_summary: {
    ru: () => 'Просит работающий сервер с этим DATA_DIR построить новый индекс материалов рядом с действующим и переключиться на него, когда он готов; читатели до тех пор видят прежний. Код выхода 0 — переключился, 1 — не сделано.',
    kk: () => 'Осы DATA_DIR-мен жұмыс істеп тұрған серверден материалдардың жаңа индексін қолданыстағысының жанына құрып, дайын болғанда соған ауысуды сұрайды; оқырмандар оған дейін бұрынғысын көреді. Шығу коды 0 — ауысты, 1 — орындалмады.',
    en: () => 'Asks the server running with this DATA_DIR to build a fresh content index beside the serving one and switch to it when complete; readers see the old one until then. Exit code 0: switched, 1: not done.',
  },
  opt_reindex_offline: {
    ru: () => 'без сервера: построить индекс самому, чтобы следующий запуск сразу его обслуживал',
    kk: () => 'серверсіз: индексті өзі құрады, келесі іске қосу оны бірден қолдансын',
    en: () => 'with no server: build the index here, for the next start to serve at once',
  },
  no_server: {
    ru: (p) => `Сервер с DATA_DIR=${p.dir} не запущен. Запустите его (npm start) и повторите — он построит новый индекс, не прерывая работы сайта. Или постройте индекс без сервера: npm run reindex -- --offline`,
    en: (p) => `No server runs with DATA_DIR=${p.dir}. Start it (npm start) and try again: it builds the new index while the site keeps serving. Or build the index without a server: npm run reindex -- --offline`,
  },
  server_running: {
    ru: (p) => `Сервер с DATA_DIR=${p.dir} работает (pid ${p.pid}): индекс перестроит он сам, не прерывая работы сайта. Запустите npm run reindex без --offline.`,
    en: (p) => `A server runs with DATA_DIR=${p.dir} (pid ${p.pid}): it rebuilds the index itself while the site keeps serving. Run npm run reindex without --offline.`,
  },
  reindex_asked: {
    ru: (p) => `Сервер (pid ${p.pid}) строит новый индекс рядом с действующим; до переключения сайт работает на прежнем.`,
    en: (p) => `The server (pid ${p.pid}) is building a new index beside the serving one; the site serves the old one until the switch.`,
  },
  reindex_offline: {
    ru: (p) => `Индекс строится без сервера в ${p.dir}.`,
    en: (p) => `Building the index without a server in ${p.dir}.`,
  },
  reindex_progress: {
    ru: (p) => `Проиндексировано ${p.files} из ${p.total} ${plural('ru', Number(p.count), { one: 'файла', few: 'файлов', many: 'файлов', other: 'файла' })} · ${p.rate} в секунду · ${p.left}`,
    en: (p) => `Indexed ${p.files} of ${p.total} files · ${p.rate} a second · ${p.left}`,
  },
  left_minutes: {
    ru: (p) => `осталось около ${p.minutes} мин ${p.seconds} с`,
    en: (p) => `about ${p.minutes} min ${p.seconds} s left`,
  },
  left_seconds: {
    ru: (p) => `осталось около ${p.seconds} с`,
    en: (p) => `about ${p.seconds} s left`,
  },
  left_unknown: {
    ru: () => 'сколько осталось, пока неизвестно',
    en: () => 'time left not known yet',
  },
  reindex_starting: {
    ru: () => 'Составляется список файлов…',
    en: () => 'Listing the files…',
  },
  reindex_done: {
    ru: (p) => `Готово: сервер переключился на новый индекс (${p.files} ${plural('ru', Number(p.count), { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' })} за ${p.seconds} с).`,
    en: (p) => `Done: the server switched to the new index (${p.files} ${plural('en', Number(p.count), { one: 'file', other: 'files' })} in ${p.seconds} s).`,
  },
  reindex_offline_done: {
    ru: (p) => `Готово: индекс построен (${p.files} ${plural('ru', Number(p.count), { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' })} за ${p.seconds} с); сервер с этим DATA_DIR будет работать на нём сразу после запуска.`,
    en: (p) => `Done: the index is built (${p.files} ${plural('en', Number(p.count), { one: 'file', other: 'files' })} in ${p.seconds} s); a server started with this DATA_DIR serves it at once.`,
  },
  reindex_failed: {
    ru: (p) => `Новый индекс не построен: ${p.detail}\nСайт работает на прежнем индексе; журнал сервера скажет больше.`,
    en: (p) => `The new index was not built: ${p.detail}\nThe site serves the old index; the server's log says more.`,
  },
  reindex_no_answer: {
    ru: (p) => `Сервер (pid ${p.pid}) не ответил за ${p.seconds} с. Это сервер DKNews.kz с DATA_DIR=${p.dir}? Его журнал скажет больше.`,
    en: (p) => `The server (pid ${p.pid}) did not answer within ${p.seconds} s. Is it a DKNews.kz server with DATA_DIR=${p.dir}? Its log says more.`,
  },
  reindex_server_gone: {
    ru: (p) => `Сервер (pid ${p.pid}) остановился, не закончив новый индекс. При следующем запуске он продолжит работать на прежнем; повторите npm run reindex.`,
    en: (p) => `The server (pid ${p.pid}) stopped before the new index was complete. Its next start serves the old one; run npm run reindex again.`,
  },
} satisfies Record<string, Message>;


export type CommandCode = keyof typeof COMMANDS;

/** A message without parameters in each language: the usage texts of the argument parser (args.ts). */
export function perLang(code: CommandCode): Record<EditorLang, string> {
  return { ru: message(code, 'ru'), kk: message(code, 'kk'), en: message(code, 'en') };
}

/** A command's message in the editor's language. */
export function message(code: CommandCode, lang: EditorLang, params: Params = {}): string {
  const entry: Message = COMMANDS[code];
  return (entry[lang] ?? entry.ru)(params);
}
