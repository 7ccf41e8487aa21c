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
