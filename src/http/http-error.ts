/** An error that answers with its own 4xx status: the error handler renders the matching page. */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly status: number,
    message = `HTTP ${status}`,
    /** Headers the answer must carry, e.g. Allow on 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The statuses with a page of their own: a title and a text under error.N in locales/. */
const ERROR_PAGES = [400, 404, 405, 413, 414, 431, 500] as const;
export type ErrorPageStatus = (typeof ERROR_PAGES)[number];

/**
 * Which error page shows a status: its own, else its class's general one (400 for any other
 * client error, 500 for the rest). The answer keeps the status itself: a 409 is sent as 409
 * with the page of 400. One table for the rendered page and for its plain fallback.
 * @example errorPageOf(418) // 400
 */
export function errorPageOf(status: number): ErrorPageStatus {
  return (ERROR_PAGES as readonly number[]).includes(status) ? (status as ErrorPageStatus) : status >= 400 && status < 500 ? 400 : 500;
}

/**
 * The client error an error stands for: its status (or statusCode, as some libraries name it)
 * when that is a 4xx, as http-errors and body parsers set it; undefined for anything else, a 500.
 * @example clientStatus(new HttpError(405)) // 405
 */
export function clientStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
