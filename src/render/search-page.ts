import { LANGS } from '../i18n/languages.js';
import { search, type SearchResult } from '../search/search-index.js';
import { highlight, snippet } from '../search/snippet.js';
import { topicLink } from './cards.js';
import { countText, dateView, type DateView, type PageContext } from './context.js';
import { layoutView } from './layout.js';
import { paginate, type PaginationView } from './pagination.js';
import type { PageView } from './pages.js';

const PER_PAGE = 10;

export interface SearchResultView {
  href: string;
  /** Escaped HTML with the matching words in <mark>. */
  titleHtml: string;
  snippetHtml: string;
  date: DateView;
  topic?: { name: string; href: string };
}

export interface SearchPage {
  query: string;
  heading: string;
  /** What to say above the results: how many, or that there are none, or how to search. */
  summary: string;
  results: SearchResultView[];
  /** When nothing was found: the nearest query that finds something («Возможно, вы имели в виду: …»). */
  suggestion?: { label: string; text: string; href: string };
  /** Topics to offer when nothing was found. */
  topics: { name: string; href: string }[];
  pagination: PaginationView;
}

/** The search page for a query (maybe empty); undefined for a page past the end. */
export async function searchPage(ctx: PageContext, query: string, pageNumber: number): Promise<PageView<SearchPage> | undefined> {
  const { lang, t } = ctx;
  const withQuery = (l: string) => (query ? `/${l}/search?q=${encodeURIComponent(query)}` : `/${l}/search`);
  const found: SearchResult = query ? search(ctx.index, lang, query) : { hits: [], total: 0, prefixes: [] };
  const page = paginate(found.hits.length, pageNumber, PER_PAGE, withQuery(lang), (offset, limit) => found.hits.slice(offset, offset + limit));
  if (!page) return undefined;
  const none = query !== '' && found.hits.length === 0;
  return {
    layout: layoutView(ctx, {
      path: pageNumber > 1 ? `${withQuery(lang)}&page=${pageNumber}` : withQuery(lang),
      title: query ? t('search.title', { query }) : t('search.heading'),
      description: t('search.description'),
      alternates: Object.fromEntries(LANGS.map((l) => [l, withQuery(l)])),
      noindex: true,
      searchQuery: query,
    }),
    t,
    page: {
      query,
      heading: query ? t('search.results', { query }) : t('search.heading'),
      summary: !query ? t('search.empty') : none ? t('search.none', { query }) : countText(ctx, 'list.count', found.total),
      results: page.items.map(({ article }) => ({
        href: article.path,
        titleHtml: highlight(article.title, found.prefixes, lang),
        snippetHtml: snippet(ctx.index.body(article).text, found.prefixes, lang),
        date: dateView(ctx, article.date),
        topic: article.topics[0] ? topicLink(ctx, article.topics[0]) : undefined,
      })),
      suggestion: found.suggestion === undefined ? undefined : { label: t('search.suggestion'), text: found.suggestion, href: `/${lang}/search?q=${encodeURIComponent(found.suggestion)}` },
      topics: none ? [...ctx.index.topics.keys()].flatMap((id) => topicLink(ctx, id) ?? []) : [],
      pagination: page.pagination,
    },
  };
}
