import { editorInChief } from '../index/queries.js';
import { SOCIAL_NETWORKS } from '../parse/schema.js';
import { contentVersion } from './content-version.js';
import { yearIn } from '../i18n/format.js';
import { russianIdentifiers, type TextPart } from '../text/foreign-words.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import { describe } from '../seo/description.js';
import { jsonLd } from '../seo/json-ld.js';
import { socialTags, type MetaTag, type SocialImage, type SocialInput } from '../seo/open-graph.js';
import { absoluteUrl, alternates, type Alternate } from '../seo/urls.js';
import type { PageContext } from './context.js';
import { paths } from '../paths.js';

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
  /** Open Graph type; pages are websites unless they are articles. */
  type?: 'website' | 'article';
  /** The social card image; the site's own card when the page has none. */
  image?: SocialImage;
  article?: SocialInput['article'];
  /** JSON-LD objects for this page. */
  structuredData?: object[];
  /** Feeds of this page besides the language's own. */
  feeds?: { title: string; href: string }[];
  /** Neighbouring pages of a paginated list. */
  prev?: string;
  next?: string;
  /** The query to show in the header's search box, on search pages. */
  searchQuery?: string;
  /** In development, whose content problems the page lists: its own file's, or all of them (the home page). */
  problemsOf?: string | 'all';
  /** The page has facades (embeds, our videos): it loads their script (public/js/embeds.js). */
  embeds?: boolean;
}

export interface LayoutView {
  lang: Lang;
  /** npm run dev only: the content version the live reload compares, and the problems to list. */
  dev?: { version: string; title: string; problems: { where: string; field: string; message: string }[] };
  title: string;
  description: string;
  /** Absent on noindex pages (errors, search results): there is nothing to canonicalise. */
  canonical?: string;
  robots: string;
  alternates: Alternate[];
  /** Open Graph (property=) and Twitter (name=) tags: <meta {attribute}="{key}" content="{content}">. */
  meta: { attribute: 'property' | 'name'; key: string; content: string }[];
  /** JSON-LD blocks, already safe to print inside <script>. */
  jsonLd: string[];
  feeds: { title: string; href: string }[];
  assets: { css: string; js: string; favicon: string; logo: string; logoDark: string; appleTouchIcon: string; manifest: string; embedsJs?: string };
  /** rel=prev/next of a paginated list. */
  prev?: string;
  next?: string;
  header: {
    homeHref: string;
    siteName: string;
    nav: { name: string; href: string; current: boolean }[];
    topicsHref: string;
    topicsCurrent: boolean;
    /** Absent when nothing answers search (a static export without an API origin). */
    search?: { action: string; query: string };
    /** `short` is what a phone shows («Рус»); `name` stays the link's accessible name. */
    languages: { lang: Lang; name: string; short: string; href: string; current: boolean }[];
  };
  footer: {
    siteName: string;
    /** The registration notice, its number marked as Russian on other languages' pages. */
    registration: TextPart[];
    copyright: string;
    ageMark?: string;
    address?: string;
    email?: string;
    phone?: string;
    /** tel: with the digits of the phone. */
    phoneHref?: string;
    /** The masthead: the editor-in-chief from authors.yml. */
    editor?: { name: string; role: string; href: string };
    /** Static pages (about, contacts…) of this language, in their order. */
    pages: { title: string; href: string }[];
    rss: string;
    social: { id: string; name: string; href: string }[];
    authorsHref: string;
    topicsHref: string;
    newsHref: string;
  };
}

export function layoutView(ctx: PageContext, meta: PageMeta): LayoutView {
  const { index, lang, t } = ctx;
  const site = index.site;
  const barePath = meta.path.split('?')[0]!;
  const title = meta.title ? t('title.page', { title: meta.title, site: site.shortName[lang] }) : t('title.home', { site: site.shortName[lang] });
  const description = describe(meta.description);
  const url = absoluteUrl(ctx.siteUrl, meta.path);
  const editor = editorInChief(index);
  const siteFeed = { title: t('feed.site', { site: site.shortName[lang] }), href: paths.feed(lang) };
  return {
    lang,
    dev: ctx.dev ? devView(ctx, meta.problemsOf) : undefined,
    title,
    description,
    canonical: meta.noindex ? undefined : url,
    robots: meta.noindex ? 'noindex, follow' : 'index, follow, max-image-preview:large',
    alternates: meta.noindex ? [] : alternates(ctx.siteUrl, meta.alternates),
    meta: socialTags({
      lang,
      siteName: site.shortName[lang],
      type: meta.type ?? 'website',
      title: meta.title ?? title,
      description,
      url,
      image: meta.image ?? defaultImage(ctx),
      alternateLangs: LANGS.filter((l) => meta.alternates[l]),
      article: meta.article,
    }).map(metaTag),
    jsonLd: (meta.structuredData ?? []).map(jsonLd),
    feeds: [siteFeed, ...(meta.feeds ?? [])],
    prev: meta.prev,
    next: meta.next,
    assets: {
      css: ctx.asset('css/site.css'),
      favicon: ctx.asset('favicon.svg'),
      logo: ctx.asset('logo.svg'),
      logoDark: ctx.asset('logo-dark.svg'),
      appleTouchIcon: ctx.asset('apple-touch-icon.png'),
      js: ctx.asset('js/site.js'),
      manifest: ctx.asset('manifest.webmanifest'),
      embedsJs: meta.embeds ? ctx.asset('js/embeds.js') : undefined,
    },
    header: {
      homeHref: paths.home(lang),
      siteName: site.name[lang],
      nav: [...index.topics.values()].filter((topic) => topic.menu !== false).map((topic) => {
        const href = paths.topic(lang, topic.id);
        return { name: topic.name[lang], href, current: barePath === href };
      }),
      topicsHref: paths.topics(lang),
      topicsCurrent: barePath === paths.topics(lang),
      search: ctx.apiOrigin === null ? undefined : { action: `${ctx.apiOrigin}${paths.search(lang)}`, query: meta.searchQuery ?? '' },
      languages: LANGS.map((other) => ({
        lang: other,
        name: ctx.tIn(other)('lang.self'),
        short: ctx.tIn(other)('lang.short'),
        // The same page in that language when it exists there, else that language's home.
        href: meta.alternates[other] ?? paths.home(other),
        current: other === lang,
      })),
    },
    footer: {
      siteName: site.name[lang],
      editor: editor && { name: editor.name[lang], role: editor.role[lang], href: paths.author(lang, editor.id) },
      pages: [...index.pages[lang].values()].map((page) => ({ title: page.title, href: page.path })),
      rss: paths.feed(lang),
      social: SOCIAL_NETWORKS.flatMap((id) => (site.social[id] ? [{ id, name: t(`social.${id}`), href: site.social[id]! }] : [])),
      authorsHref: paths.authors(lang),
      topicsHref: paths.topics(lang),
      newsHref: paths.news(lang),
      registration: russianIdentifiers(site.registration[lang], lang),
      copyright: t('footer.copyright', { name: site.shortName[lang], founded: site.founded, year: yearIn(ctx.now) }),
      ageMark: site.ageMark,
      address: site.contacts.address?.[lang],
      email: site.contacts.email,
      phone: site.contacts.phone,
      phoneHref: site.contacts.phone && `tel:${site.contacts.phone.replace(/[^+\d]/g, '')}`,
    },
  };
}

function metaTag(tag: MetaTag): LayoutView['meta'][number] {
  return tag.property === undefined ? { attribute: 'name', key: tag.name ?? '', content: tag.content } : { attribute: 'property', key: tag.property, content: tag.content };
}

/** The site's own social card, for pages without an image of their own. */
export function defaultImage(ctx: PageContext): SocialImage {
  return { url: absoluteUrl(ctx.siteUrl, ctx.asset('og-default.png')), width: 1200, height: 630, alt: ctx.index.site.name[ctx.lang] };
}

/** The development banner's problems, in Russian, the editors' language: file:line, field, message. */
function devView(ctx: PageContext, problemsOf: PageMeta['problemsOf']): NonNullable<LayoutView['dev']> {
  const problems = problemsOf === undefined ? [] : ctx.index.problems.filter((p) => problemsOf === 'all' || p.file === problemsOf);
  return {
    version: contentVersion(ctx.index),
    title: ctx.tIn('ru')('dev.problems', { count: problems.length }),
    problems: problems.map((p) => ({ where: p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`, field: p.field, message: p.describe('ru') })),
  };
}
