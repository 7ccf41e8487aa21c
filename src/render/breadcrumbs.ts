import { breadcrumbList } from '../seo/json-ld.js';
import { absoluteUrl } from '../seo/urls.js';
import type { PageContext } from './context.js';
import { paths } from '../paths.js';

/** BreadcrumbList JSON-LD: the language's home, then the given trail, every item absolute. */
export function breadcrumbs(ctx: PageContext, trail: { name: string; href: string }[]): object {
  const home = { name: ctx.index.site.shortName[ctx.lang], href: paths.home(ctx.lang) };
  return breadcrumbList([home, ...trail].map((item) => ({ name: item.name, url: absoluteUrl(ctx.siteUrl, item.href) })));
}
