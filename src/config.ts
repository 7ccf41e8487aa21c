import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Where the project's own folders are, whatever the working directory. */
const parent = path.resolve(import.meta.dirname, '..');
export const PROJECT_ROOT = path.basename(parent) === 'dist' ? path.dirname(parent) : parent;
/** The EJS templates: pages include partials by absolute name, from here (app.ts, render/partial.ts). */
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

/**
 * How EJS compiles every template, pages and partials alike: each local a template uses is a
 * plain variable, read once from the locals, instead of a name looked up through a `with`
 * block at every use (V8's slowest kind of lookup: 3 to 4 % of a page's rendering). A
 * template that prints a local not listed here fails to render, so every test of its page
 * says so. Includes inherit the options.
 */
export const TEMPLATE_OPTIONS = {
  root: VIEWS_DIR,
  _with: false,
  destructuredLocals: ['layout', 'page', 't', 'body', 'header', 'footer', 'assets', 'card', 'picture', 'cls', 'labels', 'figure', 'pagination', 'id', 'runs', 'embed', 'video', 'gallery'],
};

const port = z.coerce.number().int().min(0).max(65535);

/** Express's names for address ranges that may be proxies. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `loopback`, an IP address, or a subnet such as 10.0.0.0/8 or fd00::/8. */
function isProxyAddress(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  if (PROXY_RANGES.has(text)) return true;
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which clients are proxies whose X-Forwarded-For is believed: a number of hops (1 for one nginx
 * in front), or the proxies' addresses. There is no "true": trusting every client would let any
 * reader pick the address the counter sees.
 */
const trustProxy = z.string().transform((value, ctx) => {
  if (/^\d+$/.test(value)) return Number(value);
  const list = value.split(',').map((part) => part.trim());
  if (list.every(isProxyAddress)) return list;
  ctx.addIssue({
    code: 'custom',
    message: 'must be the number of proxies in front (e.g. 1), or their addresses separated by commas: loopback, linklocal, uniquelocal, an IP or a subnet such as 10.0.0.0/8',
  });
  return z.NEVER;
});

/**
 * The origin of this machine's server when SITE_URL is not set: `http://localhost:PORT` for a
 * server on every address (HOST 0.0.0.0 or ::), else the address or name it is bound to, the
 * only one that reaches it. Undefined for a HOST that cannot be written in a URL.
 * @example localSiteUrl('127.0.0.1', 3701) // 'http://127.0.0.1:3701'
 */
export function localSiteUrl(host: string, port: number): string | undefined {
  const name = isIP(host) === 6 ? `[${host}]` : /^[a-z\d.-]+$/i.test(host) ? host : undefined;
  if (name === undefined) return undefined;
  try {
    const url = new URL(`http://${name}:${port}`);
    if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
    return url.origin;
  } catch {
    return undefined;
  }
}

const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL, e.g. https://dknews.kz' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  CONTENT_DIR: z.string().min(1).default('content'),
  DATA_DIR: z.string().min(1).default('data'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // 1/0, true/false, on/off, yes/no: whatever an operator is likely to type.
  CONTENT_WATCH: z.stringbool().default(true),
  // Seconds between two comparisons of the content files' stamps, the backstop for folders whose change events never arrive.
  CONTENT_RESCAN: z.coerce.number().min(0).max(86_400).default(10),
  // Each cached page keeps its plain, gzip and brotli bytes: about 50 KB for an article.
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(65536).default(64),
  // How long a page is fresh, in seconds: browsers and a proxy cache (deploy/nginx.conf) keep it that long.
  PAGE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(60),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).default(1),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' }).optional(),
  TRUST_PROXY: trustProxy.optional(),
  // Signs drafts' preview links; long enough that it cannot be guessed.
  PREVIEW_SECRET: z.string().min(16, { message: 'must be at least 16 characters (e.g. openssl rand -base64 32)' }).optional(),
}).superRefine((e, ctx) => {
  if (e.SITE_URL === undefined && localSiteUrl(e.HOST, e.PORT) === undefined) {
    ctx.addIssue({ code: 'custom', path: ['HOST'], message: 'is not an address or host name a URL can hold; set SITE_URL to the site\'s address' });
  }
});

export interface Config {
  port: number;
  host: string;
  /**
   * Absolute origin without a trailing slash, used for every absolute URL: SITE_URL, else this
   * machine's server at PORT (localSiteUrl), which the server fixes once it knows the port the
   * system gave it for PORT=0 (listeningOn).
   */
  siteUrl: string;
  /** SITE_URL was not set: siteUrl is localSiteUrl's guess, which the server's log points out. */
  siteUrlIsLocal: boolean;
  contentDir: string;
  dataDir: string;
  env: 'production' | 'development' | 'test';
  logLevel: string;
  /** Reload content when files under contentDir change (CONTENT_WATCH, on unless 0). */
  contentWatch: boolean;
  /** Milliseconds between two stamp rescans of the content folder while watching (CONTENT_RESCAN seconds; 0 off). */
  contentRescanMs: number;
  /** Processes serving the port (WEB_CONCURRENCY); 1 runs the server alone, as a single process. */
  webConcurrency: number;
  /** Where view counts live when several machines serve the site (REDIS_URL); else SQLite in dataDir. */
  redisUrl: string | undefined;
  /** Signs drafts' preview links (PREVIEW_SECRET); unset, a secret generated once is kept in dataDir (see preview.ts). */
  previewSecret: string | undefined;
  /** Express's 'trust proxy' (TRUST_PROXY): hops or proxy addresses; false believes no X-Forwarded-For. */
  trustProxy: false | number | string[];
  /** Articles per list page (home, topic, author). */
  pageSize: number;
  /** Cache-Control per kind of answer; one place for every lifetime. */
  cache: {
    page: string;
    /** Fingerprinted files under /assets/: their URL changes with their bytes. */
    asset: string;
    /** The same files under their plain names, for the few places that cannot be fingerprinted. */
    plainAsset: string;
    media: string;
    /** Derivatives of media files (/media/_/<hash>/…): their URL changes with the original's bytes. */
    derivative: string;
    feed: string;
    sitemap: string;
    robots: string;
    search: string;
  };
  /** Upper bound of the rendered-answer cache, in bytes (RESPONSE_CACHE_MB). */
  responseCacheBytes: number;
  /** Upper bound of the cache of answers to readers' queries (search), in bytes. */
  queryCacheBytes: number;
  /**
   * Where pages send what only a running server answers, the view counter and search: '' is
   * this server (relative URLs); an origin is another server (a static export with
   * --api-origin); null is nowhere (an export without one leaves the counter's hook and the
   * search form out). The server itself always runs with ''.
   */
  apiOrigin: string | null;
  /**
   * Embeds (a provider's video or post in an article) as click-to-load facades, whose page may
   * frame its providers; false prints each as a plain link with its poster: a static export
   * sends one Content-Security-Policy for every page, which frames nothing.
   */
  embedFacades: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the environment once, at start. Throws a ConfigError naming every bad variable.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // A secret is never repeated, not even a wrong one.
      const shown = name === 'PREVIEW_SECRET' ? '"***"' : JSON.stringify(withoutPassword(env[name]));
      return `  ${name}=${shown}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    siteUrl: e.SITE_URL ?? localSiteUrl(e.HOST, e.PORT)!,
    siteUrlIsLocal: e.SITE_URL === undefined,
    contentDir: path.resolve(e.CONTENT_DIR),
    dataDir: path.resolve(e.DATA_DIR),
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    contentWatch: e.CONTENT_WATCH,
    contentRescanMs: Math.round(e.CONTENT_RESCAN * 1000),
    webConcurrency: e.WEB_CONCURRENCY,
    redisUrl: e.REDIS_URL,
    trustProxy: e.TRUST_PROXY ?? false,
    previewSecret: e.PREVIEW_SECRET,
    pageSize: 20,
    cache: {
      page: `public, max-age=${e.PAGE_MAX_AGE}, stale-while-revalidate=600`,
      asset: 'public, max-age=31536000, immutable',
      plainAsset: 'public, max-age=3600',
      media: 'public, max-age=86400',
      derivative: 'public, max-age=31536000, immutable',
      feed: 'public, max-age=300',
      sitemap: 'public, max-age=300',
      robots: 'public, max-age=3600',
      search: 'public, max-age=60',
    },
    responseCacheBytes: e.RESPONSE_CACHE_MB * 1024 * 1024,
    queryCacheBytes: 16 * 1024 * 1024,
    apiOrigin: '',
    embedFacades: true,
  };
}

/**
 * The config of a server listening on `port`: without SITE_URL, the absolute URLs name the port
 * actually bound (PORT=0 lets the system choose one).
 */
export function listeningOn(config: Config, port: number): Config {
  return { ...config, port, siteUrl: config.siteUrlIsLocal ? localSiteUrl(config.host, port)! : config.siteUrl };
}

/** A URL's credentials (redis://:secret@host) are not repeated in an error message. */
function withoutPassword(value: string | undefined): string | undefined {
  return value?.replace(/\/\/[^/@]*@/, '//***@');
}
