import robotsModule from 'robots-parser';
import type { Fetch } from './source.js';

// robots-parser is CommonJS: its module is the function (its types say "default", which Node's ESM gives as the whole module).
const robotsParser = robotsModule as unknown as (url: string, text: string) => { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined };

/** Who the import says it is to the sites it reads: named, with where to learn more. */
export const USER_AGENT = 'DKNewsImport/1.0 (+https://dknews.kz)';

/**
 * Fetches a site's pages politely: at most `concurrency` at once, each request started at least
 * `delayMs` after the one before (longer when robots.txt asks with Crawl-delay), and never a
 * page robots.txt disallows for us. A page that fails is said once with its reason.
 */
export class PoliteFetcher {
  readonly #robots = new Map<string, Promise<{ allowed: (url: string) => boolean; delayMs: number }>>();
  #next = 0;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly fetch: Fetch,
    readonly concurrency: number,
    readonly delayMs: number,
  ) {}

  /** The page's text, or why there is none: `robots` when robots.txt says no. */
  async get(url: string): Promise<{ text: string } | { skipped: 'robots' } | { failed: string }> {
    const robots = await this.#robotsOf(url);
    if (!robots.allowed(url)) return { skipped: 'robots' };
    await this.#slot(Math.max(this.delayMs, robots.delayMs));
    try {
      const response = await this.fetch(url, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml' } });
      if (!response.ok) return { failed: `HTTP ${response.status}` };
      return { text: await response.text() };
    } catch (error) {
      return { failed: String((error as Error).cause ?? (error as Error).message) };
    } finally {
      this.#release();
    }
  }

  /** Waits for a free place and for the pause since the last request started. */
  async #slot(delayMs: number): Promise<void> {
    while (this.#active >= this.concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active++;
    const now = Date.now();
    const start = Math.max(now, this.#next);
    this.#next = start + delayMs;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  }

  #release(): void {
    this.#active--;
    this.#waiting.shift()?.();
  }

  #robotsOf(url: string): Promise<{ allowed: (url: string) => boolean; delayMs: number }> {
    const origin = new URL(url).origin;
    let found = this.#robots.get(origin);
    if (!found) {
      found = (async () => {
        const robotsUrl = `${origin}/robots.txt`;
        let text = '';
        try {
          const response = await this.fetch(robotsUrl, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': USER_AGENT } });
          // No robots.txt (404) means everything is allowed; a server error means wait and see, as Google does: allowed.
          if (response.ok) text = await response.text();
        } catch {
          // Unreachable: the pages themselves will say so.
        }
        const robots = robotsParser(robotsUrl, text);
        return { allowed: (u: string) => robots.isAllowed(u, USER_AGENT) !== false, delayMs: (robots.getCrawlDelay(USER_AGENT) ?? 0) * 1000 };
      })();
      this.#robots.set(origin, found);
    }
    return found;
  }
}
