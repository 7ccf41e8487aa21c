import type { Application, Response } from 'express';
import type { i18n } from 'i18next';
import type { Config } from '../config.js';
import type { ContentStore } from '../sync/store.js';
import type { ViewCounter } from '../counter/view-counter.js';
import type { Assets } from '../http/assets.js';
import type { Lang } from '../i18n/languages.js';
import type { PageContext } from '../render/context.js';

export interface RouteDeps {
  config: Config;
  store: ContentStore;
  i18n: i18n;
  assets: Assets;
  now: () => Date;
  counter: ViewCounter;
  /** Signs drafts' preview links (see preview.ts); without it there is no preview. */
  previewSecret?: Buffer;
}

export function pageContext(deps: RouteDeps, lang: Lang): PageContext {
  return {
    index: deps.store.index,
    lang,
    t: deps.i18n.getFixedT(lang),
    tIn: (other) => deps.i18n.getFixedT(other),
    siteUrl: deps.config.siteUrl,
    now: deps.now(),
    pageSize: deps.config.pageSize,
    asset: (name) => deps.assets.url(name),
    views: (article) => article.views + deps.counter.counted(article.slug),
    mostRead: (limit) => deps.counter.mostRead(limit, deps.now().getTime()),
    apiOrigin: deps.config.apiOrigin,
    dev: deps.config.env === 'development',
  };
}

/** Renders a page template, then the layout around it. */
export async function renderPage(app: Application, view: string, model: object): Promise<string> {
  const render = (name: string, locals: object) =>
    new Promise<string>((resolve, reject) => app.render(name, locals, (err, html) => (err ? reject(err) : resolve(html))));
  const body = await render(`pages/${view}`, model);
  return render('layout', { ...model, body });
}

/** Renders a page and sends it as it is, uncached: for error pages. */
export async function sendPage(res: Response, { view, model, cacheControl, status = 200 }: { view: string; model: object; cacheControl: string; status?: number }): Promise<void> {
  const html = await renderPage(res.app, view, model);
  res.status(status).set('Cache-Control', cacheControl).type('html').send(html);
}
