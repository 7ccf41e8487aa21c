import type { StaticPage } from '../content/types.js';
import { LANGS } from '../i18n/languages.js';
import { breadcrumbs } from './breadcrumbs.js';
import { headline } from './cards.js';
import type { PageContext } from './context.js';
import { layoutView } from './layout.js';
import type { PageView } from './pages.js';

export interface StaticPageView {
  title: string;
  fit: string;
  html: string;
}

/** A static page (about, contacts…) from content/pages/. */
export function staticPage(ctx: PageContext, page: StaticPage): PageView<StaticPageView> {
  const title = headline(ctx, page.title);
  return {
    layout: layoutView(ctx, {
      path: page.path,
      title: page.title,
      description: page.description,
      alternates: Object.fromEntries(LANGS.flatMap((l) => (ctx.index.pages[l].has(page.slug) ? [[l, `/${l}/${page.slug}`]] : []))),
      structuredData: [breadcrumbs(ctx, [{ name: page.title, href: page.path }])],
      problemsOf: page.file,
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(),
    page: { title: title.text, fit: title.fit, html: page.html },
  };
}
