import { search, type SearchResult } from '../search/search-index.js';
import { highlight, snippet, type Marked } from '../search/snippet.js';
import { topicLink } from './cards.js';
import { countText, dateView, type DateView, type PageContext } from './context.js';
import { layoutView } from './layout.js';
import { paginate, paginationNav, type PaginationNav } from './pagination.js';
import type { PageView } from './pages.js';
import { everyLanguage, paths } from '../paths.js';

const PER_PAGE = 10;

export interface SearchResultView {
  href: string;
  /** The title and a passage of the text, the words that match marked. */
  title: Marked;
  snippet: Marked;
  date: DateView;
  topic?: { name: string; href: string };
}

export interface SearchPage {
  query: string;
  /** The search form above the results; absent when nothing answers search (a static export without an API origin). */
  form?: { action: string };
  heading: string;
  /** What to say above the results: how many, or that there are none, or how to search. */
  summary: string;
  results: SearchResultView[];
  /** When nothing was found: the nearest query that finds something («Возможно, вы имели в виду: …»). */
  suggestion?: { label: string; text: string; href: string };
  /** Topics to offer when nothing was found. */
  topics: { name: string; href: string }[];
  pagination: PaginationNav;
}

/** The search page for a query (maybe empty); undefined for a page past the end. */
export async function searchPage(ctx: PageContext, query: string, pageNumber: number): Promise<PageView<SearchPage> | undefined> {
  const { lang, t } = ctx;
  const found: SearchResult = query ? search(ctx.index, lang, query) : { hits: [], total: 0, prefixes: [] };
  const page = paginate({ total: found.hits.length, page: pageNumber, size: PER_PAGE, basePath: paths.search(lang, query), slice: (offset, limit) => found.hits.slice(offset, offset + limit) });
  if (!page) return undefined;
  const none = query !== '' && found.hits.length === 0;
  const layout = layoutView(ctx, {
    path: paths.search(lang, query, pageNumber),
    title: query ? t('search.title', { query }) : t('search.heading'),
    description: t('search.description'),
    alternates: everyLanguage((l) => paths.search(l, query)),
    noindex: true,
    searchQuery: query,
  });
  return {
    layout,
    t,
    page: {
      query,
      // The header's form, again above the results: the same place answers it.
      form: layout.header.search && { action: layout.header.search.action },
      heading: query ? t('search.results', { query }) : t('search.heading'),
      summary: !query ? t('search.empty') : none ? t('search.none', { query }) : countText(ctx, 'list.count', found.total),
      results: page.items.map(({ article }) => ({
        href: article.path,
        title: highlight(article.title, found.prefixes, lang),
        snippet: snippet(ctx.index.body(article).text, found.prefixes, lang),
        date: dateView(ctx, article.date),
        topic: article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
      })),
      suggestion: found.suggestion === undefined ? undefined : { label: t('search.suggestion'), text: found.suggestion, href: paths.search(lang, found.suggestion) },
      topics: none ? [...ctx.index.topics.keys()].flatMap((id) => topicLink(ctx, id) ?? []) : [],
      pagination: paginationNav(page.pagination, t),
    },
  };
}
