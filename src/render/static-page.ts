import type { StaticPage } from '../parse/types.js';
import { bodyWithPictures } from './body-pictures.js';
import { pageBody } from './body-forms.js';
import { breadcrumbs } from './breadcrumbs.js';
import { headline, titleClasses } from './cards.js';
import type { PageContext } from './context.js';
import { layoutView } from './layout.js';
import type { PageView } from './pages.js';
import { inLanguages, paths } from '../paths.js';

export interface StaticPageView {
  title: string;
  /** The title's classes, with its fit class (see text/hyphenate.ts). */
  titleClasses: string;
  html: string;
}

/** A static page (about, contacts…) from content/pages/. */
export function staticPage(ctx: PageContext, page: StaticPage): PageView<StaticPageView> {
  const title = headline(ctx, page.title);
  // The same Markdown as an article's: its pictures and forms are printed the same way.
  const shown = pageBody(ctx, bodyWithPictures(page.html, ctx.index.images), ctx.embedFacades);
  return {
    layout: layoutView(ctx, {
      path: page.path,
      title: page.title,
      description: page.description,
      alternates: inLanguages((l) => ctx.index.pages[l].has(page.slug), (l) => paths.page(l, page.slug)),
      structuredData: [breadcrumbs(ctx, [{ name: page.title, href: page.path }])],
      problemsOf: page.file,
      embeds: shown.facades,
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(),
    frameOrigins: shown.frameOrigins,
    page: { title: title.text, titleClasses: titleClasses('article__title', title.fit), html: shown.html },
  };
}
