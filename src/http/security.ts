import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of an answer: everything from our own origin, no inline script
 * or style. Frames only from `frameOrigins`: a page with an embed names its providers' origins
 * (its answer carries this policy, cached with it), every other answer names none. Pages of a
 * static export talk to an API origin elsewhere: the counter's POST and the search form may go
 * there, nothing else. upgrade-insecure-requests only when the site is https.
 * @example contentSecurityPolicy('https://dknews.kz', '', ['https://www.youtube-nocookie.com']) // "default-src 'self';…;frame-src https://www.youtube-nocookie.com;…"
 */
export function contentSecurityPolicy(siteUrl: string, apiOrigin: string | null, frameOrigins: readonly string[] = []): string {
  const api = apiOrigin ? [apiOrigin] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...api],
    ['manifest-src', "'self'"],
    ['frame-src', ...(frameOrigins.length ? frameOrigins : ["'none'"])],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'", ...api],
    ['frame-ancestors', "'none'"],
    ...(siteUrl.startsWith('https:') ? [['upgrade-insecure-requests'] as [string]] : []),
  ];
  return directives.map((words) => words.join(' ')).join(';');
}

/**
 * helmet's security headers with our Content-Security-Policy (frames from nowhere; an answer
 * with embeds replaces it with its own). HSTS only when the site is https.
 */
export function securityHeaders(siteUrl: string, apiOrigin: string | null = ''): RequestHandler[] {
  const https = siteUrl.startsWith('https:');
  const policy = contentSecurityPolicy(siteUrl, apiOrigin);
  return [
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      xFrameOptions: { action: 'deny' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
    (_req, res, next) => {
      res.setHeader('Content-Security-Policy', policy);
      res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
      next();
    },
  ];
}
