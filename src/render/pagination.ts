import type { TFunction } from 'i18next';
import { paths } from '../paths.js';

export interface PaginationView {
  page: number;
  pages: number;
  prev?: string;
  next?: string;
  links: { page: number; href: string; current: boolean }[];
}

export interface Page<T> {
  items: T[];
  pagination: PaginationView;
}

/**
 * One page of a list of `total` items, read with `slice(offset, limit)` (an indexed query, or
 * an array's slice). Returns undefined for a page past the end (page 1 of an empty list exists).
 * `basePath`: the list's address, to which page links add their page (paths.onPage).
 * @example paginate({ total: 3, page: 2, size: 2, basePath: '/ru/', slice: (o, n) => [1, 2, 3].slice(o, o + n) })?.items // [3]
 */
export function paginate<T>({ total, page, size, basePath, slice }: { total: number; page: number; size: number; basePath: string; slice: (offset: number, limit: number) => T[] }): Page<T> | undefined {
  const pages = Math.max(1, Math.ceil(total / size));
  if (page < 1 || page > pages) return undefined;
  const around = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  return {
    items: slice((page - 1) * size, size),
    pagination: {
      page,
      pages,
      prev: page > 1 ? paths.onPage(basePath, page - 1) : undefined,
      next: page < pages ? paths.onPage(basePath, page + 1) : undefined,
      links: [...around]
        .filter((n) => n >= 1 && n <= pages)
        .sort((a, b) => a - b)
        .map((n) => ({ page: n, href: paths.onPage(basePath, n), current: n === page })),
    },
  };
}

/** A list's pagination as its nav prints it: the reader's «page 2 of 5», and each link's accessible name. */
export interface PaginationNav extends Omit<PaginationView, 'links'> {
  status: string;
  links: (PaginationView['links'][number] & { label: string })[];
}

/** The pagination with its words in the page's language. */
export function paginationNav(pagination: PaginationView, t: TFunction): PaginationNav {
  return {
    ...pagination,
    status: t('pagination.status', { page: pagination.page, pages: pagination.pages }),
    links: pagination.links.map((link) => ({ ...link, label: t('pagination.page', { page: link.page }) })),
  };
}
