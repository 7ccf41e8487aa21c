import { message, WARNINGS, type EditorLang, type ProblemCode } from './messages.js';

/**
 * A problem in one content file: where it is (file, line, column), which field, and what is wrong.
 * The message is rendered from the catalog in messages.ts, in Russian unless asked otherwise.
 */
export class ContentError extends Error {
  override name = 'ContentError';

  constructor(
    /** Path as the editor knows it, e.g. content/news/x.ru.md */
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly code: ProblemCode,
    readonly params: Record<string, string | number> = {},
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super(message(code, params, 'ru'), options);
  }

  /** A warning leaves everything online and `npm run check` passing (see WARNINGS). */
  get warning(): boolean {
    return WARNINGS.has(this.code);
  }

  /** The problem's text alone, in the editor's language. */
  describe(lang: EditorLang = 'ru'): string {
    return message(this.code, this.params, lang);
  }

  /** `content/news/x.ru.md:4 topics: Неизвестная тема «ekonomika». …` */
  format(lang: EditorLang = 'ru'): string {
    const where = this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
    return this.field ? `${where} ${this.field}: ${this.describe(lang)}` : `${where}: ${this.describe(lang)}`;
  }
}

/** Thrown when content cannot be served at all (site.yml, authors.yml or topics.yml broken at start). */
export class ContentLoadError extends Error {
  override name = 'ContentLoadError';

  constructor(readonly problems: ContentError[]) {
    super(`Content cannot be loaded:\n${problems.map((p) => `  ${p.format('en')}`).join('\n')}`);
  }
}
