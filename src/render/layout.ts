import { yearIn } from '../i18n/format.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { describe } from '../seo/description.js';
import { absoluteUrl, alternates, type Alternate } from '../seo/urls.js';
import type { PageContext } from './context.js';

/** What a page says about itself; the layout turns it into head, header and footer. */
export interface PageMeta {
  /** The page's own path, query included for pages after the first. */
  path: string;
  /** The page's title without the site's name; undefined on the home page. */
  title?: string;
  description: string;
  /** The same page in every language it exists in. */
  alternates: Partial<Record<Lang, string>>;
  noindex?: boolean;
}

export interface LayoutView {
  lang: Lang;
  title: string;
  description: string;
  canonical: string;
  robots: string;
  alternates: Alternate[];
  assets: { css: string; favicon: string; logo: string; logoDark: string; appleTouchIcon: string };
  header: {
    homeHref: string;
    siteName: string;
    nav: { name: string; href: string; current: boolean }[];
    topicsHref: string;
    topicsCurrent: boolean;
    languages: { lang: Lang; name: string; href: string; current: boolean }[];
  };
  footer: {
    registration: string;
    copyright: string;
    ageMark?: string;
    address?: string;
    email?: string;
    phone?: string;
  };
}

export function layoutView(ctx: PageContext, meta: PageMeta): LayoutView {
  const { index, lang, t } = ctx;
  const site = index.site;
  const barePath = meta.path.split('?')[0]!;
  return {
    lang,
    title: meta.title ? t('title.page', { title: meta.title, site: site.shortName[lang] }) : t('title.home', { site: site.shortName[lang] }),
    description: describe(meta.description),
    canonical: absoluteUrl(ctx.siteUrl, meta.path),
    robots: meta.noindex ? 'noindex, follow' : 'index, follow, max-image-preview:large',
    alternates: alternates(ctx.siteUrl, meta.alternates),
    assets: {
      css: ctx.asset('css/site.css'),
      favicon: ctx.asset('favicon.svg'),
      logo: ctx.asset('logo.svg'),
      logoDark: ctx.asset('logo-dark.svg'),
      appleTouchIcon: ctx.asset('apple-touch-icon.png'),
    },
    header: {
      homeHref: `/${lang}/`,
      siteName: site.name[lang],
      nav: [...index.topics.values()].map((topic) => {
        const href = `/${lang}/topics/${topic.id}`;
        return { name: topic.name[lang], href, current: barePath === href };
      }),
      topicsHref: `/${lang}/topics`,
      topicsCurrent: barePath === `/${lang}/topics`,
      languages: LANGS.map((other) => ({
        lang: other,
        name: ctx.tIn(other)('lang.self'),
        // The same page in that language when it exists there, else that language's home.
        href: meta.alternates[other] ?? `/${other}/`,
        current: other === lang,
      })),
    },
    footer: {
      registration: site.registration[lang],
      copyright: t('footer.copyright', { name: site.shortName[lang], founded: site.founded, year: yearIn(ctx.now) }),
      ageMark: site.ageMark,
      address: site.contacts.address?.[lang],
      email: site.contacts.email,
      phone: site.contacts.phone,
    },
  };
}
