/**
 * The one catalog of messages for content problems. Each says what is wrong and what to do,
 * in the editor's language: Russian by default, English on request.
 */
export type EditorLang = 'ru' | 'en';

type Params = Record<string, string | number>;
type Message = Record<EditorLang, (p: Params) => string>;

export const MESSAGES = {
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
    ru: (p) => `Ошибка синтаксиса YAML: ${p.detail}`,
    en: (p) => `YAML syntax error: ${p.detail}`,
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
    ru: () => 'У картинки в тексте нет описания: напишите его в квадратных скобках, ![описание](адрес).',
    en: () => 'An image in the text has no description: write it in the brackets, ![description](src).',
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
} satisfies Record<string, Message>;

export type ProblemCode = keyof typeof MESSAGES;

export function message(code: ProblemCode, params: Params, lang: EditorLang): string {
  const entry: Message = MESSAGES[code];
  return entry[lang](params);
}
