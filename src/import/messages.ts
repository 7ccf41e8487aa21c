import type { Lang } from '../i18n/languages.js';
import type { NoteCode } from './item.js';

/**
 * Everything `npm run import` says to an editor, in Russian, Kazakh and English: its usage, its
 * refusals, its progress, its summary and the report. Counts are written «label: N», which
 * needs no plural forms.
 */
type Params = Record<string, string | number>;
type Text = Record<Lang, (p: Params) => string>;

const t = (ru: Text['ru'], kk: Text['kk'], en: Text['en']): Text => ({ ru, kk, en });

export const IMPORT_MESSAGES = {
  summary: t(
    () => 'Переносит архив в папку материалов: выгрузку WordPress (WXR), ленту RSS или Atom (файл или адрес) или карту действующего сайта (sitemap.xml). Повторный запуск безопасен: он добавляет новое, не меняет того, что уже перенесено, и не трогает файлы, которые правил редактор.',
    () => 'Мұрағатты материалдар папкасына көшіреді: WordPress экспорты (WXR), RSS не Atom таспасы (файл не мекенжай) немесе жұмыс істеп тұрған сайттың картасы (sitemap.xml). Қайта іске қосу қауіпсіз: жаңасын қосады, көшірілгенді өзгертпейді, редактор түзеткен файлдарға тимейді.',
    () => 'Brings an archive into the content folder: a WordPress export (WXR), an RSS or Atom feed (a file or a URL), or a live site\'s sitemap (sitemap.xml). Running it again is safe: it adds what is new, leaves what it imported as it is, and never touches files an editor has changed.',
  ),
  source: t(() => 'ИСТОЧНИК', () => 'ДЕРЕККӨЗ', () => 'SOURCE'),
  folder: t(() => 'папка', () => 'папка', () => 'folder'),
  file: t(() => 'файл', () => 'файл', () => 'file'),
  opt_content: t(() => 'папка материалов (по умолчанию CONTENT_DIR или content)', () => 'материалдар папкасы (әдепкісі CONTENT_DIR немесе content)', () => 'the content folder (CONTENT_DIR or content by default)'),
  opt_uploads: t(() => 'копия wp-content/uploads старого сайта: картинки берутся оттуда, а не скачиваются', () => 'ескі сайттың wp-content/uploads көшірмесі: суреттер жүктелмей, сол жерден алынады', () => 'a copy of the old site\'s wp-content/uploads: pictures are taken from it instead of downloaded'),
  opt_offline: t(() => 'ничего не скачивать из сети (картинки без --uploads попадут в отчёт как потерянные)', () => 'желіден ештеңе жүктемеу (--uploads жоқ суреттер есепке жоғалған ретінде түседі)', () => 'download nothing (pictures not in --uploads are reported as lost)'),
  opt_dry_run: t(() => 'ничего не записывать, только показать, что было бы записано', () => 'ештеңе жазбау, не жазылатынын ғана көрсету', () => 'write nothing, only show what would be written'),
  opt_limit: t(() => 'перенести не больше N материалов', () => 'N материалдан артық көшірмеу', () => 'import at most N items'),
  opt_since: t(() => 'только материалы с этой даты (2020-01-31)', () => 'тек осы күннен бастап (2020-01-31)', () => 'only items from this date on (2020-01-31)'),
  opt_timezone: t(() => 'часовой пояс старого сайта, если в выгрузке нет времени по Гринвичу (по умолчанию Asia/Almaty)', () => 'экспортта Гринвич уақыты болмаса, ескі сайттың уақыт белдеуі (әдепкісі Asia/Almaty)', () => 'the old site\'s time zone, for dates the export has no GMT time for (Asia/Almaty by default)'),
  opt_article_lang: t(() => 'язык материалов: ru, kk или en (по умолчанию — язык источника, иначе ru)', () => 'материалдар тілі: ru, kk немесе en (әдепкісі — дереккөз тілі, болмаса ru)', () => 'the language of the items: ru, kk or en (the source\'s, else ru, by default)'),
  opt_concurrency: t(() => 'карта сайта: сколько страниц загружать одновременно (по умолчанию 2)', () => 'сайт картасы: бір уақытта неше бет жүктеу (әдепкісі 2)', () => 'sitemap: how many pages to fetch at once (2 by default)'),
  opt_delay: t(() => 'карта сайта: пауза между запросами в миллисекундах (по умолчанию 500; больше, если просит robots.txt)', () => 'сайт картасы: сұраулар арасындағы үзіліс, миллисекунд (әдепкісі 500; robots.txt сұраса, көбірек)', () => 'sitemap: the pause between requests in milliseconds (500 by default; longer if robots.txt asks)'),
  opt_report: t(() => 'куда записать отчёт (по умолчанию import-report.md рядом с папкой материалов)', () => 'есепті қайда жазу (әдепкісі материалдар папкасының жанындағы import-report.md)', () => 'where to write the report (import-report.md beside the content folder by default)'),

  no_content_dir: t((p) => `Нет папки материалов «${p.dir}». Укажите её через --content или CONTENT_DIR.`, (p) => `«${p.dir}» материалдар папкасы жоқ. Оны --content немесе CONTENT_DIR арқылы көрсетіңіз.`, (p) => `There is no content folder "${p.dir}". Name it with --content or CONTENT_DIR.`),
  no_site_yml: t((p) => `В папке «${p.dir}» нет site.yml: без него сайт не запустится. Импорт продолжится, но сначала скопируйте site.yml из папки content проекта.`, (p) => `«${p.dir}» папкасында site.yml жоқ: онсыз сайт іске қосылмайды. Импорт жалғасады, бірақ алдымен жобаның content папкасынан site.yml көшіріңіз.`, (p) => `The folder "${p.dir}" has no site.yml, without which the site will not start. The import goes on; copy site.yml from the project's content folder.`),
  bad_number: t((p) => `${p.option} «${p.value}»: нужно целое число больше нуля.`, (p) => `${p.option} «${p.value}»: нөлден үлкен бүтін сан керек.`, (p) => `${p.option} "${p.value}": a whole number above zero is needed.`),
  bad_delay: t((p) => `--delay «${p.value}»: нужно целое число миллисекунд, 0 или больше.`, (p) => `--delay «${p.value}»: 0 не одан көп миллисекунд керек.`, (p) => `--delay "${p.value}": a whole number of milliseconds, 0 or more, is needed.`),
  bad_since: t((p) => `--since «${p.value}»: дата пишется так: 2020-01-31.`, (p) => `--since «${p.value}»: күн былай жазылады: 2020-01-31.`, (p) => `--since "${p.value}": write the date as 2020-01-31.`),
  bad_timezone: t((p) => `--timezone «${p.value}»: такого часового пояса нет. Пример: Asia/Almaty, Europe/Moscow, UTC.`, (p) => `--timezone «${p.value}»: мұндай уақыт белдеуі жоқ. Мысалы: Asia/Almaty, Europe/Moscow, UTC.`, (p) => `--timezone "${p.value}": there is no such time zone. E.g. Asia/Almaty, Europe/Moscow, UTC.`),
  bad_article_lang: t((p) => `--article-lang «${p.value}»: язык материалов — ru, kk или en.`, (p) => `--article-lang «${p.value}»: материалдар тілі — ru, kk немесе en.`, (p) => `--article-lang "${p.value}": the items' language is ru, kk or en.`),
  source_missing: t((p) => `Файла «${p.source}» нет. Проверьте путь.`, (p) => `«${p.source}» файлы жоқ. Жолды тексеріңіз.`, (p) => `There is no file "${p.source}". Check the path.`),
  source_unreadable: t((p) => `Не удалось прочитать «${p.source}»: ${p.detail}`, (p) => `«${p.source}» оқылмады: ${p.detail}`, (p) => `"${p.source}" could not be read: ${p.detail}`),
  source_http: t((p) => `Адрес «${p.source}» ответил кодом ${p.status}: выгрузку получить не удалось.`, (p) => `«${p.source}» мекенжайы ${p.status} кодымен жауап берді: экспорт алынбады.`, (p) => `"${p.source}" answered ${p.status}: the source could not be had.`),
  source_encoding: t((p) => `Кодировка «${p.encoding}» в «${p.source}» неизвестна. Сохраните файл в UTF-8 или windows-1251.`, (p) => `«${p.source}» ішіндегі «${p.encoding}» кодтамасы белгісіз. Файлды UTF-8 не windows-1251 түрінде сақтаңыз.`, (p) => `The encoding "${p.encoding}" of "${p.source}" is unknown. Save the file as UTF-8 or windows-1251.`),
  not_xml: t((p) => `«${p.source}» — не XML. Импорт читает выгрузку WordPress (Инструменты → Экспорт), ленту RSS или Atom и карту сайта sitemap.xml.`, (p) => `«${p.source}» — XML емес. Импорт WordPress экспортын (Құралдар → Экспорт), RSS не Atom таспасын және sitemap.xml сайт картасын оқиды.`, (p) => `"${p.source}" is not XML. The import reads a WordPress export (Tools → Export), an RSS or Atom feed, and a sitemap.xml.`),
  html_page: t((p) => `«${p.source}» — HTML-страница, а не выгрузка. Чтобы перенести сайт, укажите его карту: например https://старый-сайт/sitemap.xml.`, (p) => `«${p.source}» — экспорт емес, HTML бет. Сайтты көшіру үшін оның картасын көрсетіңіз: мысалы, https://ескі-сайт/sitemap.xml.`, (p) => `"${p.source}" is an HTML page, not an export. To bring a site in, name its sitemap, e.g. https://old-site/sitemap.xml.`),
  unknown_xml: t((p) => `«${p.source}» — XML, но не выгрузка: его корневой элемент <${p.root}>, а импорт читает <rss> (WordPress и RSS), <feed> (Atom), <urlset> и <sitemapindex> (карта сайта).`, (p) => `«${p.source}» — XML, бірақ экспорт емес: түбірі <${p.root}>, ал импорт <rss> (WordPress пен RSS), <feed> (Atom), <urlset> және <sitemapindex> (сайт картасы) оқиды.`, (p) => `"${p.source}" is XML but not an export: its root is <${p.root}>, and the import reads <rss> (WordPress and RSS), <feed> (Atom), <urlset> and <sitemapindex> (sitemaps).`),
  failed: t((p) => `Импорт остановлен: ${p.detail}. Уже записанное осталось; повторный запуск продолжит с того же места.`, (p) => `Импорт тоқтады: ${p.detail}. Жазылғаны қалды; қайта іске қосқанда сол жерден жалғасады.`, (p) => `The import stopped: ${p.detail}. What was written stays; running it again goes on from there.`),

  kind_wxr: t((p) => `выгрузка WordPress (WXR ${p.version})`, (p) => `WordPress экспорты (WXR ${p.version})`, (p) => `a WordPress export (WXR ${p.version})`),
  kind_rss: t(() => 'лента RSS', () => 'RSS таспасы', () => 'an RSS feed'),
  kind_atom: t(() => 'лента Atom', () => 'Atom таспасы', () => 'an Atom feed'),
  kind_sitemap: t(() => 'карта сайта', () => 'сайт картасы', () => 'a sitemap'),
  starting: t((p) => `Импорт из «${p.source}» (${p.kind}) в ${p.dir}${p.dry ? ' — пробный запуск, ничего не записывается' : ''}`, (p) => `«${p.source}» (${p.kind}) ішінен ${p.dir} папкасына импорт${p.dry ? ' — сынақ, ештеңе жазылмайды' : ''}`, (p) => `Importing "${p.source}" (${p.kind}) into ${p.dir}${p.dry ? ' — a dry run, nothing is written' : ''}`),
  indexing: t(() => 'Читаю вложения, авторов и рубрики…', () => 'Тіркемелерді, авторларды және айдарларды оқып жатырмын…', () => 'Reading attachments, authors and categories…'),
  progress: t(
    (p) => `${p.percent} материалов: ${p.items} · ${p.rate}/с · осталось ${p.left}`,
    (p) => `${p.percent} материалдар: ${p.items} · ${p.rate}/с · ${p.left} қалды`,
    (p) => `${p.percent} items: ${p.items} · ${p.rate}/s · ${p.left} left`,
  ),
  progress_line: t((p) => `Материалов: ${p.items} (${p.percent}), ${p.rate}/с`, (p) => `Материалдар: ${p.items} (${p.percent}), ${p.rate}/с`, (p) => `Items: ${p.items} (${p.percent}), ${p.rate}/s`),
  would_write: t((p) => `будет записан ${p.file}`, (p) => `${p.file} жазылады`, (p) => `would write ${p.file}`),
  done: t((p) => `Готово за ${p.seconds} с. Отчёт: ${p.report}`, (p) => `${p.seconds} с ішінде дайын. Есеп: ${p.report}`, (p) => `Done in ${p.seconds} s. Report: ${p.report}`),
  done_dry: t((p) => `Пробный запуск за ${p.seconds} с: ничего не записано. Отчёт о том, что было бы сделано: ${p.report}`, (p) => `Сынақ ${p.seconds} с: ештеңе жазылмады. Не істелетіні туралы есеп: ${p.report}`, (p) => `Dry run in ${p.seconds} s: nothing was written. What would have been done: ${p.report}`),
  next_check: t(() => 'Проверьте результат: npm run check', () => 'Нәтижені тексеріңіз: npm run check', () => 'Check the result: npm run check'),

  report_title: t(() => 'Отчёт об импорте', () => 'Импорт есебі', () => 'Import report'),
  report_source: t((p) => `Источник: ${p.source} (${p.kind})`, (p) => `Дереккөз: ${p.source} (${p.kind})`, (p) => `Source: ${p.source} (${p.kind})`),
  report_folder: t((p) => `Папка материалов: ${p.dir}`, (p) => `Материалдар папкасы: ${p.dir}`, (p) => `Content folder: ${p.dir}`),
  report_time: t((p) => `Длительность: ${p.seconds} с`, (p) => `Ұзақтығы: ${p.seconds} с`, (p) => `Took: ${p.seconds} s`),
  report_dry: t(() => 'Пробный запуск: ничего не записано, ниже — что было бы сделано.', () => 'Сынақ: ештеңе жазылмады, төменде — не істелетіні.', () => 'A dry run: nothing was written; below is what would have been done.'),
  report_in_source: t(() => 'В источнике', () => 'Дереккөзде', () => 'In the source'),
  report_written: t(() => 'Что сделано', () => 'Не істелді', () => 'What was done'),
  report_notes: t(() => 'Потери и замечания', () => 'Жоғалғандар мен ескертпелер', () => 'Losses and notes'),
  report_no_notes: t(() => 'Ничего не потеряно.', () => 'Ештеңе жоғалған жоқ.', () => 'Nothing was lost.'),
  report_skipped: t(() => 'Не перенесено', () => 'Көшірілмеді', () => 'Not imported'),
  report_troubles: t(() => 'Ошибки в самом источнике', () => 'Дереккөздің өз қателері', () => 'Faults in the source itself'),
  col_kind: t(() => 'что', () => 'не', () => 'what'),
  col_created: t(() => 'создано', () => 'жасалды', () => 'created'),
  col_updated: t(() => 'обновлено', () => 'жаңартылды', () => 'updated'),
  col_unchanged: t(() => 'без изменений', () => 'өзгеріссіз', () => 'unchanged'),
  col_kept: t(() => 'не тронуто: правил редактор', () => 'тиіспеді: редактор түзеткен', () => 'kept: changed by an editor'),
  col_deleted: t(() => 'не восстановлено: удалено редактором', () => 'қалпына келтірілмеді: редактор жойған', () => 'not restored: deleted by an editor'),
  row_articles: t(() => 'статьи', () => 'мақалалар', () => 'articles'),
  row_drafts: t(() => 'из них черновики', () => 'оның ішінде жобалар', () => 'of them drafts'),
  row_pages: t(() => 'страницы', () => 'беттер', () => 'pages'),
  count_posts: t((p) => `Записи: ${p.n}`, (p) => `Жазбалар: ${p.n}`, (p) => `Posts: ${p.n}`),
  count_pages: t((p) => `Страницы: ${p.n}`, (p) => `Беттер: ${p.n}`, (p) => `Pages: ${p.n}`),
  count_drafts: t((p) => `Черновики и неопубликованные: ${p.n}`, (p) => `Жобалар мен жарияланбағандар: ${p.n}`, (p) => `Drafts and unpublished: ${p.n}`),
  count_authors: t((p) => `Авторы: ${p.n}`, (p) => `Авторлар: ${p.n}`, (p) => `Authors: ${p.n}`),
  count_categories: t((p) => `Рубрики: ${p.n}`, (p) => `Айдарлар: ${p.n}`, (p) => `Categories: ${p.n}`),
  count_tags: t((p) => `Метки: ${p.n}`, (p) => `Белгілер: ${p.n}`, (p) => `Tags: ${p.n}`),
  count_attachments: t((p) => `Вложения (файлы): ${p.n}`, (p) => `Тіркемелер (файлдар): ${p.n}`, (p) => `Attachments (files): ${p.n}`),
  count_comments: t((p) => `Комментарии: ${p.n} — не переносятся (на сайте нет комментариев)`, (p) => `Пікірлер: ${p.n} — көшірілмейді (сайтта пікір жоқ)`, (p) => `Comments: ${p.n} — not imported (the site has no comments)`),
  count_items: t((p) => `Материалы: ${p.n}`, (p) => `Материалдар: ${p.n}`, (p) => `Items: ${p.n}`),
  authors_added: t((p) => `Авторы: добавлено в authors.yml ${p.added}, уже были ${p.known}`, (p) => `Авторлар: authors.yml-ге қосылды ${p.added}, бұрыннан бар ${p.known}`, (p) => `Authors: ${p.added} added to authors.yml, ${p.known} already there`),
  topics_added: t(
    (p) => `Темы (из рубрик и меток): добавлено в topics.yml ${p.added}, уже были ${p.known}${p.used ? `; рубрик и меток с записями ${p.used} (одноимённые стали одной темой)` : ''}`,
    (p) => `Тақырыптар (айдарлар мен белгілерден): topics.yml-ге қосылды ${p.added}, бұрыннан бар ${p.known}${p.used ? `; жазбасы бар айдарлар мен белгілер ${p.used} (аттастары бір тақырып болды)` : ''}`,
    (p) => `Topics (from categories and tags): ${p.added} added to topics.yml, ${p.known} already there${p.used ? `; ${p.used} categories and tags with posts (those named alike made one topic)` : ''}`,
  ),
  media_counts: t((p) => `Картинки и видео: скопировано из --uploads ${p.copied}, скачано ${p.downloaded}, уже были ${p.reused}, потеряно ${p.lost}`, (p) => `Суреттер мен бейнелер: --uploads ішінен көшірілді ${p.copied}, жүктелді ${p.downloaded}, бұрыннан бар ${p.reused}, жоғалды ${p.lost}`, (p) => `Pictures and videos: ${p.copied} copied from --uploads, ${p.downloaded} downloaded, ${p.reused} already there, ${p.lost} lost`),
  topics_unused: t((p) => `Рубрики и метки без единой записи: ${p.n} — темы для них не созданы (${p.names})`, (p) => `Бірде-бір жазбасы жоқ айдарлар мен белгілер: ${p.n} — олар үшін тақырып жасалмады (${p.names})`, (p) => `Categories and tags with no post: ${p.n} — no topic was made for them (${p.names})`),
  topics_unused_no_tags: t((p) => `Метки (--no-tags) и рубрики без единой записи: ${p.n} — темы для них не созданы (${p.names})`, (p) => `Белгілер (--no-tags) және бірде-бір жазбасы жоқ айдарлар: ${p.n} — олар үшін тақырып жасалмады (${p.names})`, (p) => `Tags (--no-tags) and categories with no post: ${p.n} — no topic was made for them (${p.names})`),
  opt_no_tags: t(() => 'метки WordPress не делать темами (каждая тема — пункт меню и блок на главной)', () => 'WordPress белгілерін тақырып жасамау (әр тақырып — мәзір тармағы және басты беттегі блок)', () => 'do not make WordPress tags topics (each topic is a menu item and a block on the home page)'),
  lang_not_ru: t((p) => `Материалы будут записаны на языке «${p.lang}» (так указано в источнике). Сайт ждёт для каждой статьи русский оригинал, и npm run check назовёт каждую без него. Если тексты русские, запустите с --article-lang ru.`, (p) => `Материалдар «${p.lang}» тілінде жазылады (дереккөзде солай көрсетілген). Сайт әр мақаланың орысша түпнұсқасын күтеді, npm run check онсыз әрқайсысын атайды. Мәтіндер орысша болса, --article-lang ru арқылы іске қосыңыз.`, (p) => `The items will be written in "${p.lang}" (as the source says). The site expects a Russian original of every article, and npm run check names each without one. If the texts are Russian, run with --article-lang ru.`),
  limit_reached: t((p) => `Остановлено на ${p.n} материалах (--limit); остальное перенесёт следующий запуск.`, (p) => `${p.n} материалда тоқтады (--limit); қалғанын келесі іске қосу көшіреді.`, (p) => `Stopped at ${p.n} items (--limit); the next run brings the rest.`),
  since_skipped: t((p) => `Раньше --since ${p.date}: ${p.n}`, (p) => `--since ${p.date} күнінен бұрын: ${p.n}`, (p) => `Before --since ${p.date}: ${p.n}`),
  skipped_kind: t((p) => `${p.kind}: ${p.n} (служебные записи WordPress, на сайте их нет)`, (p) => `${p.kind}: ${p.n} (WordPress қызметтік жазбалары, сайтта жоқ)`, (p) => `${p.kind}: ${p.n} (WordPress's own records; the site has none)`),
  skipped_item: t((p) => `${p.where} «${p.title}»: ${p.reason}`, (p) => `${p.where} «${p.title}»: ${p.reason}`, (p) => `${p.where} "${p.title}": ${p.reason}`),
  reason_trash: t(() => 'в корзине', () => 'қоқыс жәшігінде', () => 'in the trash'),
  'reason_auto-draft': t(() => 'автосохранение без текста', () => 'мәтінсіз автосақтау', () => 'an autosave'),
  reason_inherit: t(() => 'служебная копия', () => 'қызметтік көшірме', () => 'a revision'),
  reason_empty_page: t(() => 'страница без текста: не перенесена (постоянная страница не может ждать черновиком)', () => 'мәтінсіз бет: көшірілмеді (тұрақты бет жоба ретінде күте алмайды)', () => 'a page with no text: not imported (a standing page cannot wait as a draft)'),
  reason_page_draft: t(() => 'черновик страницы: у постоянных страниц сайта нет черновиков, перенесите вручную, когда будет готова', () => 'беттің жобасы: сайттың тұрақты беттерінің жобасы болмайды, дайын болғанда қолмен көшіріңіз', () => 'a draft page: the site\'s standing pages have no drafts; bring it in by hand when it is ready'),
  reason_page_pending: t(() => 'страница ждала проверки: у постоянных страниц нет черновиков, перенесите вручную', () => 'бет тексеруді күткен: тұрақты беттердің жобасы болмайды, қолмен көшіріңіз', () => 'a page pending review: standing pages have no drafts; bring it in by hand'),
  reason_page_private: t(() => 'личная страница: у постоянных страниц нет черновиков, перенесите вручную', () => 'жеке бет: тұрақты беттердің жобасы болмайды, қолмен көшіріңіз', () => 'a private page: standing pages have no drafts; bring it in by hand'),
  control_chars: t((p) => `Управляющие символы, недопустимые в XML: ${p.n} — удалены (строки ${p.lines})`, (p) => `XML-де рұқсат етілмеген басқару таңбалары: ${p.n} — жойылды (жолдар ${p.lines})`, (p) => `Control characters XML does not allow: ${p.n} — dropped (lines ${p.lines})`),
  xml_error: t((p) => `Строка ${p.line}: ${p.message} — прочитано как есть`, (p) => `${p.line}-жол: ${p.message} — бар күйінде оқылды`, (p) => `Line ${p.line}: ${p.message} — read as it is`),
  truncated: t((p) => `Файл обрывается на строке ${p.line}${p.record ? `, посреди ${p.record}` : ''}: всё до обрыва перенесено, оборванная запись — нет. Выгрузите файл заново.`, (p) => `Файл ${p.line}-жолда үзіледі${p.record ? `, ${p.record} ортасында` : ''}: үзілгенге дейінгінің бәрі көшірілді, үзілген жазба — жоқ. Файлды қайта экспорттаңыз.`, (p) => `The file ends at line ${p.line}${p.record ? `, inside ${p.record}` : ''}: everything before the cut was imported, the cut item was not. Export the file again.`),
  count_pages_listed: t((p) => `Адресов в карте сайта: ${p.n}`, (p) => `Сайт картасындағы мекенжайлар: ${p.n}`, (p) => `Addresses in the sitemap: ${p.n}`),
  crawl_not_articles: t((p) => `Страницы без статьи (главная, списки, рубрики): ${p.n} — пропущены`, (p) => `Мақаласы жоқ беттер (басты бет, тізімдер, айдарлар): ${p.n} — өткізілді`, (p) => `Pages with no article (home, lists, sections): ${p.n} — skipped`),
  crawl_offline: t(() => 'С --offline страницы сайта не загружались: перенесён только список адресов.', () => '--offline кезінде сайт беттері жүктелмеді: тек мекенжайлар тізімі алынды.', () => 'With --offline no page was fetched: only the list of addresses was read.'),
  crawl_robots: t((p) => `Запрещено robots.txt: ${p.n}`, (p) => `robots.txt тыйым салған: ${p.n}`, (p) => `Disallowed by robots.txt: ${p.n}`),
  crawl_failed: t((p) => `${p.url}: ${p.reason}`, (p) => `${p.url}: ${p.reason}`, (p) => `${p.url}: ${p.reason}`),
  crawl_not_article: t(() => 'на странице нет статьи (ни JSON-LD NewsArticle, ни og:type article, ни текста)', () => 'бетте мақала жоқ (JSON-LD NewsArticle де, og:type article де, мәтін де жоқ)', () => 'no article on the page (no JSON-LD NewsArticle, no og:type article, no text)'),
} satisfies Record<string, Text>;

export type ImportMessage = keyof typeof IMPORT_MESSAGES;

/** What a note about one item says, after its file and line. */
const NOTES: Record<NoteCode, Text> = {
  summary_only: t(() => 'в источнике только анонс, не полный текст: допишите статью', () => 'дереккөзде толық мәтін емес, тек анонс бар: мақаланы толықтырыңыз', () => 'the source gave a summary only, not the full text: complete the article'),
  image_missing: t((p) => `картинка не перенесена: ${p.detail}`, (p) => `сурет көшірілмеді: ${p.detail}`, (p) => `picture not brought in: ${p.detail}`),
  shortcode_unknown: t((p) => `шорткод ${p.detail} убран: у него нет аналога на сайте (текст внутри него оставлен)`, (p) => `${p.detail} шорткоды алынды: сайтта баламасы жоқ (ішіндегі мәтін қалды)`, (p) => `the shortcode ${p.detail} was taken out: the site has nothing like it (any text inside it stays)`),
  block_unknown: t((p) => `блок ${p.detail} убран: его содержимое показывал старый сайт из своей базы`, (p) => `${p.detail} блогы алынды: оның мазмұнын ескі сайт өз базасынан көрсеткен`, (p) => `the block ${p.detail} was taken out: the old site made what it showed from its database`),
  html_dropped: t((p) => `убран HTML ${p.detail}: сайт его не показывает (видео и посты вставляйте ссылкой на отдельной строке)`, (p) => `${p.detail} HTML алынды: сайт оны көрсетпейді (бейне мен посттарды жеке жолға сілтеме етіп қойыңыз)`, (p) => `HTML ${p.detail} was taken out: the site does not show it (put a video or a post as its link on a line of its own)`),
  alt_from_title: t((p) => `у картинки ${p.detail} не было описания (alt): подставлен заголовок — опишите, что на снимке`, (p) => `${p.detail} суретінің сипаттамасы (alt) жоқ еді: тақырып қойылды — суретте не бар екенін жазыңыз`, (p) => `the picture ${p.detail} had no description (alt): the title stands in — say what the picture shows`),
  password_protected: t(() => 'запись была защищена паролем: перенесена черновиком', () => 'жазба құпиясөзбен қорғалған еді: жоба ретінде көшірілді', () => 'the post was password-protected: imported as a draft'),
  status_draft: t(() => 'черновик: перенесён с draft: true', () => 'жоба: draft: true белгісімен көшірілді', () => 'a draft: imported with draft: true'),
  status_pending: t(() => 'ждала проверки: перенесена черновиком', () => 'тексеруді күткен: жоба ретінде көшірілді', () => 'pending review: imported as a draft'),
  status_private: t(() => 'личная запись: перенесена черновиком', () => 'жеке жазба: жоба ретінде көшірілді', () => 'private: imported as a draft'),
  future: t(() => 'запланирована: появится на сайте в указанное в date время', () => 'жоспарланған: сайтта date-те көрсетілген уақытта шығады', () => 'scheduled: appears on the site at its date'),
  date_local: t((p) => `в выгрузке нет времени по Гринвичу: взято местное время (${p.detail})`, (p) => `экспортта Гринвич уақыты жоқ: жергілікті уақыт алынды (${p.detail})`, (p) => `the export has no GMT date: the local one was read (${p.detail})`),
  title_cleaned: t((p) => (p.detail ? `заголовка не было: взято «${p.detail}»` : 'из заголовка убраны невидимые символы (направление письма, пробелы нулевой ширины)'), (p) => (p.detail ? `тақырып жоқ еді: «${p.detail}» алынды` : 'тақырыптан көрінбейтін таңбалар алынды (жазу бағыты, нөлдік ені бар бос орындар)'), (p) => (p.detail ? `there was no title: "${p.detail}" stands in` : 'invisible characters (direction marks, zero-width spaces) were taken out of the title')),
  field_unsupported: t((p) => `поле ${p.detail} не перенесено: у сайта его пока нет`, (p) => `${p.detail} өрісі көшірілмеді: сайтта әзірге жоқ`, (p) => `the field ${p.detail} was not imported: the site has no such field yet`),
  empty_body: t(() => 'текста в источнике нет: перенесена черновиком с пометкой вместо текста', () => 'дереккөзде мәтін жоқ: мәтіннің орнына белгімен жоба ретінде көшірілді', () => 'the source has no text: imported as a draft with a note in its place'),
  topic_fallback: t(() => 'в источнике нет рубрики: поставлена тема «Архив»', () => 'дереккөзде айдар жоқ: «Мұрағат» тақырыбы қойылды', () => 'the source has no category: the topic "Archive" stands in'),
  author_fallback: t(() => 'автор не указан: поставлена «Редакция»', () => 'автор көрсетілмеген: «Редакция» қойылды', () => 'no author named: "Newsroom" stands in'),
};

export function say(code: ImportMessage, lang: Lang, params: Params = {}): string {
  return IMPORT_MESSAGES[code][lang](params);
}

export function describeNote(code: NoteCode, lang: Lang, params: Params = {}): string {
  return NOTES[code][lang](params);
}

/** The option descriptions and placeholders of the usage, from this catalog. */
export function perLang(code: ImportMessage): Record<Lang, string> {
  return { ru: say(code, 'ru'), kk: say(code, 'kk'), en: say(code, 'en') };
}
