import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** The fast path's answer; an error in it is logged and Express answers instead, while it still can. */
export function fastOrNot(fast: (req: IncomingMessage, res: ServerResponse) => boolean, req: IncomingMessage, res: ServerResponse, logger: Logger): boolean {
  try {
    return fast(req, res);
  } catch (error) {
    logger.error({ err: error, url: req.url }, 'Fast path failed; answering through the app');
    if (!res.headersSent) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      return false;
    }
    res.destroy();
    return true;
  }
}
