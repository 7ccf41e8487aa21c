/**
 * The one catalog of what the site says to editors about their content: each problem says what
 * is wrong and what to do, in the editor's language: Russian by default, English or Kazakh on
 * request. A message not yet written in Kazakh is said in Russian, which every editor of the
 * agency reads. What the commands say besides (npm run check, new, export) is the CLI's:
 * src/cli/messages.ts.
 */
export type EditorLang = 'ru' | 'kk' | 'en';

export type Params = Record<string, string | number>;
export type Message = { ru: (p: Params) => string; en: (p: Params) => string; kk?: (p: Params) => string };

/** Content problems: the codes a ContentError carries. */
const PROBLEMS = {
  not_utf8: {
    ru: () => 'Файл не в кодировке UTF-8. Сохраните его в UTF-8.',
    en: () => 'The file is not UTF-8. Save it as UTF-8.',
  },
  empty_file: {
    ru: () => 'Файл пуст. Добавьте front matter и текст статьи или удалите файл.',
    en: () => 'The file is empty. Add front matter and the article text, or delete the file.',
  },
  bad_filename: {
    ru: (p) => `Имя файла «${p.name}» не подходит: нужно slug.ru.md, slug.kk.md или slug.en.md, где slug — строчная латиница, цифры и дефисы.`,
    en: (p) => `The file name "${p.name}" does not fit: it must be slug.ru.md, slug.kk.md or slug.en.md, the slug in lowercase Latin letters, digits and hyphens.`,
  },
  frontmatter_missing: {
    ru: () => 'Нет front matter: файл должен начинаться со строки «---», затем поля, затем снова «---».',
    en: () => 'No front matter: the file must start with a line "---", then the fields, then "---" again.',
  },
  frontmatter_unclosed: {
    ru: () => 'Front matter не закрыт: после полей нужна строка «---».',
    en: () => 'The front matter is not closed: put a line "---" after the fields.',
  },
  yaml_syntax: {
    ru: (p) => `Ошибка синтаксиса YAML (${p.detail}). Каждое поле пишется как «имя: значение»; значение с двоеточием, кавычками или знаками [ ] { } # в начале берут в двойные кавычки.`,
    en: (p) => `YAML syntax error (${p.detail}). Each field is written "name: value"; a value with a colon, quotes, or [ ] { } # at its start goes in double quotes.`,
  },
  yaml_colon: {
    ru: (p) => `В значении есть двоеточие с пробелом, и YAML принимает его за начало нового поля. Возьмите всё значение в двойные кавычки: ${p.fix}`,
    en: (p) => `The value has a colon followed by a space, which YAML takes for the start of another field. Put the whole value in double quotes: ${p.fix}`,
  },
  yaml_quotes: {
    ru: (p) => `Кавычки внутри значения закрывают его раньше времени. Внутри пишите кавычки-ёлочки «…», а всё значение возьмите в двойные кавычки: ${p.fix}`,
    en: (p) => `Quotes inside the value end it too early. Use «…» quotes inside and put the whole value in double quotes: ${p.fix}`,
  },
  yaml_special_start: {
    ru: (p) => `Значение начинается со знака «${p.char}», который в YAML значит другое. Возьмите всё значение в двойные кавычки: ${p.fix}`,
    en: (p) => `The value starts with "${p.char}", which means something else in YAML. Put the whole value in double quotes: ${p.fix}`,
  },
  yaml_tab: {
    ru: () => 'Отступ сделан табуляцией, а YAML понимает только пробелы. Замените табуляцию двумя пробелами.',
    en: () => 'The indentation is a tab, and YAML only takes spaces. Replace the tab with two spaces.',
  },
  yaml_duplicate: {
    ru: (p) => `Поле «${p.field}» указано дважды. Оставьте одно.`,
    en: (p) => `The field "${p.field}" is given twice. Keep one.`,
  },
  not_a_map: {
    ru: () => 'Ожидается список полей вида «имя: значение».',
    en: () => 'Expected fields written as "name: value".',
  },
  required: {
    ru: () => 'Обязательное поле не заполнено.',
    en: () => 'This required field is missing.',
  },
  expected_text: {
    ru: () => 'Нужен непустой текст.',
    en: () => 'Expected non-empty text.',
  },
  wrong_type: {
    // p.value is the value as JSON, p.type the type the schema wants.
    ru: (p) =>
      `Поле ${p.field} — это ${expectedOf(String(p.field), String(p.type), 'ru')}, а не ${describeValue(JSON.parse(String(p.value)), 'ru')}.${p.quote ? ` Если это и есть текст, возьмите его в кавычки: ${p.quote}` : ''}`,
    en: (p) =>
      `The field ${p.field} is ${expectedOf(String(p.field), String(p.type), 'en')}, not ${describeValue(JSON.parse(String(p.value)), 'en')}.${p.quote ? ` If it is meant as text, put it in quotes: ${p.quote}` : ''}`,
  },
  image_not_map: {
    ru: (p) => `Поле image — это вложенные поля, а не одна строка. Пишите каждое на своей строке с отступом в два пробела: «image:», затем «  src: ${p.src}», затем «  alt: что на снимке».`,
    en: (p) => `The field image holds nested fields, not one line. Write each on its own line, indented by two spaces: "image:", then "  src: ${p.src}", then "  alt: what the picture shows".`,
  },
  image_alt_required: {
    ru: () => 'Нет alt — описания картинки. Его читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась, по нему картинку находят поисковики. Напишите одной фразой, что на снимке, например «alt: Переговоры в Нанкине».',
    en: () => 'The alt, the picture\'s description, is missing. Screen readers read it aloud to blind readers, it shows when the picture does not load, and search engines find the picture by it. Say in one phrase what it shows, e.g. "alt: Talks in Nanjing".',
  },
  image_external: {
    ru: (p) => `Картинка «${p.src}» с другого сайта: браузеры читателей её не покажут (политика безопасности сайта загружает картинки только с него самого). Положите файл в content/media/, например content/media/2026/01/photo.jpg, и укажите /media/2026/01/photo.jpg.`,
    en: (p) => `The picture "${p.src}" is on another site: readers' browsers will not show it (the site's security policy loads pictures from the site only). Put the file into content/media/, e.g. content/media/2026/01/photo.jpg, and write /media/2026/01/photo.jpg.`,
  },
  near_miss_name: {
    ru: (p) => `Файл «${p.name}» не публикуется: статьи — это файлы с окончанием .ru.md, .kk.md или .en.md.${p.suggestion ? ` Переименуйте его в «${p.suggestion}».` : ''}`,
    en: (p) => `The file "${p.name}" is not published: articles are files ending in .ru.md, .kk.md or .en.md.${p.suggestion ? ` Rename it to "${p.suggestion}".` : ''}`,
  },
  role_fallback: {
    ru: (p) => `У автора ${p.id} нет должности на ${LANG_PREPOSITIONAL[p.lang as string] ?? p.lang} (role.${p.lang}): там будет показана «${p.fallback}». Добавьте в role строку «${p.lang}: …».`,
    en: (p) => `The author ${p.id} has no role in ${LANG_NAME_EN[p.lang as string] ?? p.lang} (role.${p.lang}): "${p.fallback}" is shown there. Add a line "${p.lang}: …" to role.`,
  },
  expected_whole_number: {
    ru: (p) => `Нужно целое неотрицательное число, а указано «${p.value}».`,
    en: (p) => `Expected a whole number of 0 or more, got "${p.value}".`,
  },
  expected_boolean: {
    ru: (p) => `Нужно true или false, а указано «${p.value}».`,
    en: (p) => `Expected true or false, got "${p.value}".`,
  },
  expected_list: {
    ru: () => 'Нужен список, например [economy, politics].',
    en: () => 'Expected a list, e.g. [economy, politics].',
  },
  empty_list: {
    ru: () => 'Нужен хотя бы один элемент.',
    en: () => 'At least one item is needed.',
  },
  unknown_field: {
    ru: (p) => `Неизвестное поле «${p.field}».${p.suggestion ? ` Может быть, «${p.suggestion}»?` : ''} Поля: ${p.known}.`,
    en: (p) => `Unknown field "${p.field}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Fields: ${p.known}.`,
  },
  invalid_date: {
    ru: (p) => `Дата «${p.value}» не распознана. Пишите в формате ISO 8601: 2026-01-27T10:00 (время Астаны) или 2026-01-27T10:00+05:00.`,
    en: (p) => `The date "${p.value}" is not valid. Write it in ISO 8601: 2026-01-27T10:00 (Astana time) or 2026-01-27T10:00+05:00.`,
  },
  updated_before_date: {
    ru: (p) => `Дата обновления ${p.updated} раньше даты публикации ${p.date}.`,
    en: (p) => `The update date ${p.updated} is before the publication date ${p.date}.`,
  },
  unknown_author: {
    ru: (p) => `Неизвестный автор «${p.id}».${p.suggestion ? ` Может быть, «${p.suggestion}»?` : ''} Есть: ${p.known}. Новых авторов добавляют в authors.yml.`,
    en: (p) => `Unknown author "${p.id}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Known: ${p.known}. New authors go into authors.yml.`,
  },
  unknown_topic: {
    ru: (p) => `Неизвестная тема «${p.id}».${p.suggestion ? ` Может быть, «${p.suggestion}»?` : ''} Есть: ${p.known}. Новые темы добавляют в topics.yml.`,
    en: (p) => `Unknown topic "${p.id}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Known: ${p.known}. New topics go into topics.yml.`,
  },
  bad_id: {
    ru: (p) => `Идентификатор «${p.value}» должен состоять из строчной латиницы, цифр и дефисов.`,
    en: (p) => `The id "${p.value}" must be lowercase Latin letters, digits and hyphens.`,
  },
  image_missing: {
    ru: (p) => `Изображения «${p.src}» нет в папке media. Положите файл в content/media/${p.src} или исправьте путь.`,
    en: (p) => `The image "${p.src}" is not in the media folder. Put the file at content/media/${p.src} or fix the path.`,
  },
  image_bad_src: {
    ru: (p) => `Путь к изображению «${p.src}» должен вести внутрь content/media, например 2026/01/photo.jpg.`,
    en: (p) => `The image path "${p.src}" must point inside content/media, e.g. 2026/01/photo.jpg.`,
  },
  alias_bad: {
    ru: (p) => `Старый адрес «${p.value}» должен начинаться с «/», например /ru/old/12345.`,
    en: (p) => `The old path "${p.value}" must start with "/", e.g. /ru/old/12345.`,
  },
  alias_taken: {
    ru: (p) => `Старый адрес «${p.value}» уже указан в ${p.other}.`,
    en: (p) => `The old path "${p.value}" is already claimed by ${p.other}.`,
  },
  unsafe_link: {
    ru: (p) => `Ссылка «${p.href}» недопустима: разрешены адреса http(s)://, mailto:, tel: и пути сайта, начинающиеся с «/».`,
    en: (p) => `The link "${p.href}" is not allowed: use http(s)://, mailto:, tel: or a site path starting with "/".`,
  },
  image_alt_missing: {
    ru: () => 'У картинки в тексте нет описания (alt): напишите в квадратных скобках, что на ней, — ![Переговоры в Нанкине](/media/2026/01/photo.jpg). Описание читают вслух экранные дикторы незрячим читателям, его видно, если картинка не загрузилась.',
    en: () => 'A picture in the text has no description (alt): say in the brackets what it shows, ![Talks in Nanjing](/media/2026/01/photo.jpg). Screen readers read it aloud to blind readers, and it shows when the picture does not load.',
  },
  empty_body: {
    ru: () => 'Текст статьи пуст: после front matter нужен хотя бы один абзац.',
    en: () => 'The article text is empty: add at least one paragraph after the front matter.',
  },
  duplicate_slug: {
    ru: (p) => `Статья «${p.slug}» на языке ${p.lang} уже есть в ${p.other}. Переименуйте один из файлов.`,
    en: (p) => `The article "${p.slug}" in ${p.lang} already exists in ${p.other}. Rename one of the files.`,
  },
  invalid_value: {
    ru: (p) => `Недопустимое значение: ${p.detail}`,
    en: (p) => `Invalid value: ${p.detail}`,
  },
  translation_without_original: {
    ru: (p) => `Перевод без русского оригинала: нет файла ${p.slug}.ru.md. Статья показывается, но переводы связываются по имени файла — добавьте оригинал или переименуйте файл по slug русской статьи.`,
    en: (p) => `A translation without a Russian original: there is no ${p.slug}.ru.md. The article is served, but translations are linked by file name: add the original or rename the file after the Russian article's slug.`,
  },
  site_link_missing: {
    ru: (p) => `Ссылка «${p.href}» ведёт на статью, которой нет.${p.suggestion ? ` Может быть, «${p.suggestion}»?` : ''} Проверьте адрес: /язык/news/slug, где slug — имя файла статьи.`,
    en: (p) => `The link "${p.href}" points to an article that does not exist.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Check the path: /lang/news/slug, the slug being the article's file name.`,
  },
  image_unreadable: {
    ru: (p) => `Файл «${p.src}» не читается как изображение (${p.detail}). Сохраните его заново как JPEG, PNG, WebP или AVIF.`,
    en: (p) => `The file "${p.src}" cannot be read as an image (${p.detail}). Save it again as JPEG, PNG, WebP or AVIF.`,
  },
  image_too_heavy: {
    ru: (p) => `Оригинал «${p.src}» весит ${String(p.mb).replace('.', ',')} МБ — больше 10 МБ. Читатели получат уменьшенные копии, но такой файл долго хранить и обрабатывать: сохраните фото в JPEG с качеством 85–90 %.`,
    en: (p) => `The original "${p.src}" is ${p.mb} MB, over 10 MB. Readers get smaller copies, but such a file is slow to keep and process: save the photo as JPEG at quality 85–90 %.`,
  },
  image_too_narrow: {
    ru: (p) => `Изображение «${p.src}» шириной ${p.width} пикселей, а для крупных превью в Google Discover и соцсетях нужно не меньше 1200. Найдите фото крупнее.`,
    en: (p) => `The image "${p.src}" is ${p.width} pixels wide; large previews in Google Discover and social networks need at least 1200. Find a larger photo.`,
  },
  image_size_wrong: {
    ru: (p) => `Указан размер ${p.typed}, а файл «${p.src}» — ${p.actual}. Размер читается из файла сам: удалите width и height.`,
    en: (p) => `The size given is ${p.typed}, but the file "${p.src}" is ${p.actual}. The size is read from the file: remove width and height.`,
  },
  page_bad_filename: {
    ru: (p) => `Имя файла «${p.name}» не подходит: страница называется slug.ru.md, slug.kk.md или slug.en.md, где slug — строчная латиница, цифры и дефисы, например about.ru.md.`,
    en: (p) => `The file name "${p.name}" does not fit: a page is named slug.ru.md, slug.kk.md or slug.en.md, the slug in lowercase Latin letters, digits and hyphens, e.g. about.ru.md.`,
  },
  page_slug_reserved: {
    ru: (p) => `Адрес «${p.slug}» занят разделом сайта (${p.reserved}). Переименуйте файл страницы.`,
    en: (p) => `The address "${p.slug}" belongs to a section of the site (${p.reserved}). Rename the page's file.`,
  },
  file_missing: {
    ru: (p) => `Нет файла ${p.name}: без него сайт не может работать.`,
    en: (p) => `The file ${p.name} is missing: the site cannot work without it.`,
  },
  correction_not_map: {
    ru: () => 'Каждое исправление — это дата и текст, каждое на своей строке: «- date: 2026-01-27T15:40», под ним с отступом «  text: Что исправлено».',
    kk: () => 'Әр түзету — күні мен мәтіні, әрқайсысы өз жолында: «- date: 2026-01-27T15:40», астында шегініспен «  text: Не түзетілді».',
    en: () => 'Each correction is a date and a text, each on a line of its own: "- date: 2026-01-27T15:40", then, indented, "  text: What was corrected".',
  },
  correction_date_missing: {
    ru: () => 'У исправления нет даты: добавьте «date: 2026-01-27T15:40» — когда исправили (время Астаны).',
    kk: () => 'Түзетудің күні жоқ: «date: 2026-01-27T15:40» қосыңыз — қашан түзетілді (Астана уақыты).',
    en: () => 'The correction has no date: add "date: 2026-01-27T15:40", when it was corrected (Astana time).',
  },
  correction_text_missing: {
    ru: () => 'У исправления нет текста: добавьте «text: …» — что было неверно и что исправлено, одной-двумя фразами.',
    kk: () => 'Түзетудің мәтіні жоқ: «text: …» қосыңыз — не қате болды және не түзетілді, бір-екі сөйлеммен.',
    en: () => 'The correction has no text: add "text: …", what was wrong and what was corrected, in a sentence or two.',
  },
  correction_before_date: {
    ru: (p) => `Исправление датировано ${p.correction}, раньше публикации (${p.date}). Исправляют уже опубликованное: проверьте дату.`,
    kk: (p) => `Түзету ${p.correction} күнімен белгіленген, жарияланғаннан (${p.date}) бұрын. Тек жарияланған материал түзетіледі: күнін тексеріңіз.`,
    en: (p) => `The correction is dated ${p.correction}, before publication (${p.date}). Only what was published can be corrected: check the date.`,
  },
  sponsored_not_map: {
    ru: () => 'Поле sponsored — это вложенные поля: «sponsored:», под ним с отступом «  advertiser: ТОО «Рекламодатель»» и, если выдан, «  erid: 2VtzqxXXXXX».',
    kk: () => 'sponsored өрісі — ішкі өрістер: «sponsored:», астында шегініспен «  advertiser: «Жарнама беруші» ЖШС» және, берілсе, «  erid: 2VtzqxXXXXX».',
    en: () => 'The field sponsored holds nested fields: "sponsored:", then, indented, "  advertiser: Advertiser LLP" and, when one was issued, "  erid: 2VtzqxXXXXX".',
  },
  advertiser_missing: {
    ru: () => 'Не указан рекламодатель: закон требует назвать его в рекламе. Добавьте «advertiser: ТОО «Название»» в sponsored.',
    kk: () => 'Жарнама беруші көрсетілмеген: заң бойынша жарнамада ол аталуы керек. sponsored ішіне «advertiser: «Атауы» ЖШС» қосыңыз.',
    en: () => 'The advertiser is missing: the law requires an advertisement to name it. Add "advertiser: Name LLP" under sponsored.',
  },
  erid_without_advertiser: {
    ru: (p) => `Указан erid ${p.erid}, но не указан рекламодатель. Маркировка рекламы — это и идентификатор, и рекламодатель: добавьте «advertiser: ТОО «Название»» рядом с erid.`,
    kk: (p) => `erid ${p.erid} көрсетілген, бірақ жарнама беруші көрсетілмеген. Жарнаманы таңбалау — идентификатор да, жарнама беруші де: erid жанына «advertiser: «Атауы» ЖШС» қосыңыз.`,
    en: (p) => `The erid ${p.erid} is given but no advertiser. Marking an advertisement takes both the identifier and the advertiser: add "advertiser: Name LLP" beside the erid.`,
  },
  live_until_before_date: {
    ru: (p) => `Трансляция заканчивается (${p.until}) раньше, чем начинается статья (${p.date}). Проверьте live_until.`,
    kk: (p) => `Трансляция (${p.until}) мақала басталмай (${p.date}) тұрып аяқталады. live_until тексеріңіз.`,
    en: (p) => `The live coverage ends (${p.until}) before the article begins (${p.date}). Check live_until.`,
  },
  live_until_without_live: {
    ru: () => 'live_until указан без «live: true»: конец есть только у трансляции. Добавьте «live: true» или удалите live_until.',
    kk: () => 'live_until «live: true» жоқ жерде көрсетілген: соңы тек трансляцияда болады. «live: true» қосыңыз немесе live_until жойыңыз.',
    en: () => 'live_until is given without "live: true": only live coverage has an end. Add "live: true" or remove live_until.',
  },
  live_update_time: {
    ru: (p) => `«${p.value}» в заголовке обновления — не время. Обновление трансляции начинается с времени: «## 14:35 Заголовок» или с даты и времени: «## 2026-01-28 09:10 Заголовок».`,
    kk: (p) => `Жаңарту тақырыбындағы «${p.value}» — уақыт емес. Трансляция жаңартуы уақыттан басталады: «## 14:35 Тақырып» немесе күн мен уақыттан: «## 2026-01-28 09:10 Тақырып».`,
    en: (p) => `"${p.value}" in the update's heading is not a time. A live update starts with a time, "## 14:35 Title", or a date and time, "## 2026-01-28 09:10 Title".`,
  },
  live_update_order: {
    ru: (p) => `Обновление ${p.at} выше более позднего ${p.later}: новые обновления пишут сверху. Переставьте его ниже или исправьте время.`,
    kk: (p) => `${p.at} жаңартуы кейінгі ${p.later} жаңартуынан жоғары тұр: жаңалары жоғарыға жазылады. Оны төменге ауыстырыңыз немесе уақытын түзетіңіз.`,
    en: (p) => `The update of ${p.at} stands above the later one of ${p.later}: updates go newest first. Move it down or fix its time.`,
  },
} satisfies Record<string, Message>;

/** How `npm run check` labels a problem that is a warning (ContentError.format with columns). */
const LABELS = {
  warning_label: {
    ru: () => 'Предупреждение: ',
    en: () => 'Warning: ',
  },
} satisfies Record<string, Message>;

const MESSAGES = { ...PROBLEMS, ...LABELS } satisfies Record<string, Message>;

export type ProblemCode = keyof typeof PROBLEMS;
export type MessageCode = keyof typeof MESSAGES;

/** Problems that leave everything online and the check passing: said, but not counted as errors. */
export const WARNINGS: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['role_fallback', 'image_too_heavy', 'image_too_narrow', 'image_size_wrong']);

const LANG_PREPOSITIONAL: Record<string, string> = { ru: 'русском', kk: 'казахском', en: 'английском' };
const LANG_NAME_EN: Record<string, string> = { ru: 'Russian', kk: 'Kazakh', en: 'English' };

/** What a field holds, for a message about a value of the wrong type: «Поле author — это …». */
const EXPECTED: Record<string, Record<'ru' | 'en', string>> = {
  title: { ru: 'текст', en: 'text' },
  lead: { ru: 'текст', en: 'text' },
  author: { ru: 'один id автора из authors.yml', en: 'one author id from authors.yml' },
  topics: { ru: 'список id тем, например [economy, politics]', en: 'a list of topic ids, e.g. [economy, politics]' },
  image: { ru: 'вложенные поля src, alt и credit', en: 'the nested fields src, alt and credit' },
  'image.src': { ru: 'путь к файлу в content/media', en: 'a path to a file in content/media' },
  views: { ru: 'целое число', en: 'a whole number' },
  draft: { ru: 'true или false', en: 'true or false' },
  breaking: { ru: 'true или false', en: 'true or false' },
  live: { ru: 'true или false', en: 'true or false' },
  corrections: { ru: 'список исправлений, у каждого date и text', en: 'a list of corrections, each with date and text' },
  aliases: { ru: 'список старых адресов', en: 'a list of old paths' },
};
const LOCALIZED = new Set(['name', 'shortName', 'description', 'registration', 'role', 'bio', 'address']);
const EXPECTED_BY_TYPE: Record<string, Record<'ru' | 'en', string>> = {
  string: { ru: 'текст', en: 'text' },
  number: { ru: 'число', en: 'a number' },
  int: { ru: 'целое число', en: 'a whole number' },
  boolean: { ru: 'true или false', en: 'true or false' },
  array: { ru: 'список', en: 'a list' },
  object: { ru: 'вложенные поля', en: 'nested fields' },
};

/** What a field should hold: by its name (topics.2 counts as one of topics), else by the type the schema wants. */
export function expectedOf(field: string, type: string, lang: 'ru' | 'en'): string {
  const item = /^(.*)\.\d+$/.exec(field)?.[1];
  if (item === 'topics') return lang === 'ru' ? 'id темы' : 'a topic id';
  if (item === 'aliases') return lang === 'ru' ? 'старый адрес, начинающийся с «/»' : 'an old path starting with "/"';
  // site.yml, authors.yml and topics.yml give their texts once per language.
  if (type === 'object' && LOCALIZED.has(field.split('.').at(-1)!)) return lang === 'ru' ? 'тексты на трёх языках: ru, kk и en на отдельных строках' : 'texts in three languages: ru, kk and en on lines of their own';
  return (EXPECTED[field] ?? EXPECTED_BY_TYPE[type] ?? EXPECTED_BY_TYPE.string!)[lang];
}

/** A value as an editor would recognise it: «число 2026», «список [a, b]». */
export function describeValue(value: unknown, lang: 'ru' | 'en'): string {
  const ru = lang === 'ru';
  if (typeof value === 'number') return ru ? `число ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return ru ? `${value}` : `${value}`;
  if (Array.isArray(value)) return ru ? `список [${value.map(String).join(', ')}]` : `a list [${value.map(String).join(', ')}]`;
  if (value instanceof Date) return ru ? `дата ${value.toISOString()}` : `a date ${value.toISOString()}`;
  if (typeof value === 'object' && value !== null) return ru ? 'набор вложенных полей' : 'nested fields';
  return ru ? `строка «${String(value)}»` : `the text "${String(value)}"`;
}

/** A message of the catalog in the editor's language (Russian where it has no Kazakh yet). */
export function message(code: MessageCode, lang: EditorLang, params: Params = {}): string {
  const entry: Message = MESSAGES[code];
  return (entry[lang] ?? entry.ru)(params);
}
