import { randomBytes } from 'node:crypto';
import { Redis, type ClientContext, type Result } from 'ioredis';
import type { Logger } from 'pino';
import { dayOf, hashVisitor, REPEAT_WINDOW_MS, windowDays, type CountResult, type ReadCount, type ViewCounter } from './view-counter.js';

/** Every key of the site starts with this, so the site can share a Redis with other programs. */
const PREFIX = 'dknews:';
/** A hash of the counted views, slug → views: one HGETALL reads them all when connecting. */
const COUNTS = `${PREFIX}views`;
/**
 * `dknews:salt:<day>`: the salt of the visitor hashes of one day, shared by every process and
 * machine (one reader is one reader everywhere), gone two days later.
 */
const SALT = `${PREFIX}salt:`;
/** `dknews:read:<day>`: a sorted set, slug → views counted that day, for «most read». */
const READ = `${PREFIX}read:`;
const DAY_MS = 24 * 3600 * 1000;
/** `dknews:seen:<slug>:<visitor hash>` exists for 30 minutes after a reader's counted view. */
const SEEN = `${PREFIX}seen:`;

/** A reader's request never waits longer than this on Redis; past it, the view is not counted. */
const COMMAND_TIMEOUT_MS = 500;
/** A connection not made within this is given up and tried again. */
const CONNECT_TIMEOUT_MS = 1000;
/** Reconnecting waits twice as long after each failure, from 200 ms up to this. */
const MAX_RETRY_MS = 5000;
/** Start-up waits at most this for the first figures, so that the first pages show them. */
const FIRST_LOAD_MS = 2000;
/** How many of the most read slugs are kept (of every language: each page picks its own). */
const TOP_KEPT = 100;
/** A page asking for a figure read longer ago than this refreshes it, for views counted on other machines. */
const REFRESH_MS = 60_000;

/**
 * Counts a view unless the reader's mark for the article exists, and sets the mark for the
 * window: the check and the count in one round trip, atomic. Answers {counted, total}.
 */
const COUNT_VIEW = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then
  redis.call('ZINCRBY', KEYS[3], 1, ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
  return {1, redis.call('HINCRBY', KEYS[2], ARGV[1], 1)}
end
return {0, tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')}
`;

declare module 'ioredis' {
  interface RedisCommander<Context extends ClientContext> {
    countView(seen: string, counts: string, daily: string, slug: string, windowMs: number, keepMs: number): Result<[number, number], Context>;
  }
}

export interface RedisCounterOptions {
  /** How old a figure may be before a page asking for it refreshes it (tests shorten it). */
  refreshMs?: number;
}

/**
 * View counts in Redis, for several machines: the same counts and the same 30-minute
 * deduplication, by salted hash, as the SQLite counter. Pages never wait for Redis: they show
 * the figures this process last read, refreshed in the background. A count waits at most
 * half a second. While Redis cannot be reached, nothing is counted, the last known figures
 * are shown, the problem is logged once, and the client reconnects by itself.
 * A count that timed out may still be applied if Redis was only slow: it is not sent again.
 */
export class RedisViewCounter implements ViewCounter {
  readonly #redis: Redis;
  readonly #logger: Logger;
  readonly #refreshMs: number;
  readonly #known = new Map<string, number>();
  /** When each figure was last read or asked for; a figure from the bulk read dates from #loadedAt. */
  readonly #readAt = new Map<string, number>();
  readonly #stale = new Set<string>();
  #loadedAt = 0;
  /** The day's salt, and its day. */
  #salt: string | undefined;
  #saltDay = '';
  #top: ReadCount[] = [];
  #topReadAt = 0;
  #loading: Promise<void> | undefined;
  /** Only for the log: a problem is logged when things change, not on every retry. */
  #state: 'starting' | 'up' | 'down' | 'closed' = 'starting';
  #settle: () => void = () => {};
  readonly #settled = new Promise<void>((resolve) => (this.#settle = resolve));

  /** Connects and waits, at most FIRST_LOAD_MS, for the first figures or the first failure. Never throws. */
  static async open(url: string, logger: Logger, options: RedisCounterOptions = {}): Promise<RedisViewCounter> {
    const counter = new RedisViewCounter(url, logger, options);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([counter.#settled, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_LOAD_MS)))]);
    clearTimeout(timer);
    return counter;
  }

  private constructor(url: string, logger: Logger, options: RedisCounterOptions) {
    this.#refreshMs = options.refreshMs ?? REFRESH_MS;
    this.#redis = new Redis(url, {
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // No queue while disconnected: a command fails at once instead of waiting for Redis.
      enableOfflineQueue: false,
      // A command lost with its connection fails; sent again, it might count a view twice.
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, MAX_RETRY_MS),
    });
    this.#logger = logger.child({ redis: `${this.#redis.options.host}:${this.#redis.options.port}` });
    this.#redis.defineCommand('countView', { numberOfKeys: 3, lua: COUNT_VIEW });
    this.#redis.on('ready', () => void this.#load());
    this.#redis.on('error', (error: Error) => this.#down('connecting', error));
    this.#redis.on('close', () => this.#down('connection lost'));
  }

  counted(slug: string): number {
    if (this.#ready() && Date.now() - (this.#readAt.get(slug) ?? this.#loadedAt) >= this.#refreshMs) this.#refreshSoon(slug);
    return this.#known.get(slug) ?? 0;
  }

  async record(slug: string, visitor: string, now = Date.now()): Promise<CountResult> {
    if (this.#ready()) {
      try {
        const day = dayOf(now);
        if (day !== this.#saltDay) await this.#loadSalt(day);
        const seen = `${SEEN}${slug}:${hashVisitor(this.#salt!, visitor)}`;
        const [counted, total] = await this.#redis.countView(seen, COUNTS, `${READ}${day}`, slug, REPEAT_WINDOW_MS, 8 * DAY_MS);
        this.#remember(slug, total);
        this.#up();
        return { counted: counted === 1, total };
      } catch (error) {
        this.#down('counting a view', error);
      }
    }
    return { counted: false, total: this.#known.get(slug) ?? 0 };
  }

  mostRead(limit: number, now = Date.now()): ReadCount[] {
    if (this.#ready() && now - this.#topReadAt >= this.#refreshMs) {
      this.#topReadAt = now;
      void this.#refreshTop(now);
    }
    return this.#top.slice(0, limit);
  }

  async #refreshTop(now: number): Promise<void> {
    try {
      const keys = windowDays(now).map((day) => `${READ}${day}`);
      const flat = await this.#redis.zunion(keys.length, ...keys, 'WITHSCORES');
      const top: ReadCount[] = [];
      for (let i = 0; i < flat.length; i += 2) top.push({ slug: flat[i]!, views: Number(flat[i + 1]) });
      // ZUNION answers lowest first; the block wants the most read first, ties by slug.
      this.#top = top.sort((a, b) => b.views - a.views || (a.slug < b.slug ? -1 : 1)).slice(0, TOP_KEPT);
    } catch (error) {
      this.#down('reading the most read', error);
    }
  }

  close(): void {
    this.#state = 'closed';
    this.#redis.disconnect();
  }

  /** Connected and loaded. A connection whose first load failed (Redis was only slow) loads again. */
  #ready(): boolean {
    if (this.#redis.status !== 'ready') return false;
    if (this.#salt === undefined) this.#loadOnce();
    return this.#salt !== undefined;
  }

  #loadOnce(): void {
    this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
  }

  /** The salt of a day: drawn by the first process to ask, read by the others. */
  async #loadSalt(day: string): Promise<void> {
    const key = `${SALT}${day}`;
    // A Redis that lost its data gets this process's salt of the day back, so readers stay the same readers.
    const mine = day === this.#saltDay && this.#salt ? this.#salt : randomBytes(16).toString('hex');
    const [, salt] = (await this.#redis.multi().set(key, mine, 'PX', 2 * DAY_MS, 'NX').get(key).exec()) ?? [];
    if (salt?.[0] || typeof salt?.[1] !== 'string') throw salt?.[0] ?? new Error('Redis answered no salt');
    this.#salt = salt[1];
    this.#saltDay = day;
  }

  /** On every (re)connection: the day's salt, and every figure, which other machines may have changed. */
  async #load(): Promise<void> {
    try {
      await this.#loadSalt(dayOf(Date.now()));
      const counts = await this.#redis.hgetall(COUNTS);
      this.#loadedAt = Date.now();
      for (const [slug, views] of Object.entries(counts)) this.#remember(slug, Number(views));
      this.#up();
    } catch (error) {
      this.#down('reading the counts', error);
    }
  }

  /** Asks Redis for a figure after this turn of the event loop, together with any others asked for meanwhile. */
  #refreshSoon(slug: string): void {
    if (this.#stale.size === 0) setImmediate(() => void this.#refresh());
    this.#stale.add(slug);
    // Asked for: not asked again until the next refresh is due, whatever the answer.
    this.#readAt.set(slug, Date.now());
  }

  async #refresh(): Promise<void> {
    const slugs = [...this.#stale];
    this.#stale.clear();
    try {
      const views = await this.#redis.hmget(COUNTS, ...slugs);
      slugs.forEach((slug, i) => this.#remember(slug, Number(views[i] ?? 0)));
    } catch (error) {
      this.#down('reading counts', error);
    }
  }

  #remember(slug: string, views: number): void {
    this.#known.set(slug, views);
    this.#readAt.set(slug, Date.now());
  }

  #up(): void {
    if (this.#state === 'up' || this.#state === 'closed') return;
    this.#logger.info(this.#state === 'starting' ? 'View counter ready (Redis)' : 'View counter back: Redis answers again');
    this.#state = 'up';
    this.#settle();
  }

  #down(doing: string, error?: unknown): void {
    if (this.#state === 'closed') return;
    const details = error === undefined ? {} : { err: error };
    if (this.#state === 'down') {
      this.#logger.debug(details, `Redis still unavailable (${doing})`);
      return;
    }
    this.#logger.error(
      details,
      `View counter cannot use Redis (${doing}): pages show the last known counts and new views are not counted until it answers again. Reconnecting by itself.`,
    );
    this.#state = 'down';
    this.#settle();
  }
}
