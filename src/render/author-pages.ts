import { lastChange } from '../seo/last-change.js';
import { authorsWithCounts } from '../index/queries.js';
import { countText, type PageContext } from './context.js';
import { displayText } from './cards.js';
import { layoutView } from './layout.js';
import { initials, type PageView } from './pages.js';
import { everyLanguage, paths } from '../paths.js';

export interface AuthorsPage {
  heading: string;
  authors: { name: string; href: string; role: string; bio?: string; photo?: string; initials: string; countText: string }[];
}

/** /{lang}/authors: every author of authors.yml, with role, photo, bio and how many stories. */
export function authorsPage(ctx: PageContext): PageView<AuthorsPage> {
  const { lang } = ctx;
  const heading = ctx.t('authors.heading');
  const authors = authorsWithCounts(ctx.index, lang);
  return {
    layout: layoutView(ctx, {
      path: paths.authors(lang),
      title: heading,
      description: ctx.t('authors.description', { site: ctx.index.site.shortName[lang] }),
      alternates: everyLanguage(paths.authors),
    }),
    t: ctx.t,
    lastModified: lastChange(authors.flatMap((a) => (a.newest ? [a.newest] : []))),
    page: {
      heading,
      authors: authors.map(({ author, count }) => ({
        name: author.name[lang],
        href: paths.author(lang, author.id),
        role: author.role[lang],
        bio: author.bio && displayText(ctx, author.bio[lang]),
        photo: author.photo && paths.media(author.photo),
        initials: initials(author.name[lang]),
        countText: countText(ctx, 'list.count', count),
      })),
    },
  };
}

