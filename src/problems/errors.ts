import { message, WARNINGS, type EditorLang, type ProblemCode } from './messages.js';

/** Where a content problem is and what it is, as ContentError takes it. */
export interface Problem {
  /** Path as the editor knows it, e.g. content/news/x.ru.md */
  file: string;
  line: number;
  column?: number;
  /** The field (`topics.1`, `body`), or none when the problem is the file's. */
  field?: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
  /** The error that led to it, when there is one (an unreadable picture's decoder error). */
  cause?: unknown;
}

/**
 * A problem in one content file: where it is (file, line, column), which field, and what is wrong.
 * The message is rendered from the catalog in messages.ts, in Russian unless asked otherwise.
 * @example new ContentError({ file: 'content/news/x.ru.md', line: 4, field: 'author', code: 'unknown_author', params })
 */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly field: string;
  readonly code: ProblemCode;
  readonly params: Record<string, string | number>;

  constructor({ file, line, column, field = '', code, params = {}, cause }: Problem) {
    super(message(code, 'ru', params), cause === undefined ? undefined : { cause });
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.code = code;
    this.params = params;
  }

  /** A warning leaves everything online and `npm run check` passing (see WARNINGS). */
  get warning(): boolean {
    return WARNINGS.has(this.code);
  }

  /** `content/news/x.ru.md:4` or, with a column, `content/news/x.ru.md:4:1`: clickable in editors. */
  get place(): string {
    return this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
  }

  /** The problem's text alone, in the editor's language. */
  describe(lang: EditorLang = 'ru'): string {
    return message(this.code, lang, this.params);
  }

  /**
   * The problem on one line, as a sentence (logs, the dev pages, errors):
   * `content/news/x.ru.md:4 topics: Неизвестная тема «ekonomika». …`. With `columns`, as
   * `npm run check` prints it: place, field (`-` when none) and a warning's label, separated by
   * two spaces so that the columns stand out:
   * `content/news/x.ru.md:5:19  topics.1  Неизвестная тема «ekonomika». …`
   */
  format(lang: EditorLang = 'ru', { columns = false } = {}): string {
    if (columns) return `${this.place}  ${this.field || '-'}  ${this.warning ? message('warning_label', lang) : ''}${this.describe(lang)}`;
    return this.field ? `${this.place} ${this.field}: ${this.describe(lang)}` : `${this.place}: ${this.describe(lang)}`;
  }
}

/** Thrown when content cannot be served at all (site.yml, authors.yml or topics.yml broken at start). */
export class ContentLoadError extends Error {
  override name = 'ContentLoadError';

  constructor(readonly problems: ContentError[]) {
    super(`Content cannot be loaded:\n${problems.map((p) => `  ${p.format('en')}`).join('\n')}`);
  }
}
