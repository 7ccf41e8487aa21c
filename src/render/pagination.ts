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

/** The URL of page n of a list: page 1 has no page parameter. */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}${basePath.includes('?') ? '&' : '?'}page=${page}`;
}

/**
 * One page of a list of `total` items, read with `slice(offset, limit)` (an indexed query, or
 * an array's slice). Returns undefined for a page past the end (page 1 of an empty list exists).
 * @example paginate(3, 2, 2, '/ru/', (o, n) => [1, 2, 3].slice(o, o + n))?.items // [3]
 */
export function paginate<T>(total: number, page: number, size: number, basePath: string, slice: (offset: number, limit: number) => T[]): Page<T> | undefined {
  const pages = Math.max(1, Math.ceil(total / size));
  if (page < 1 || page > pages) return undefined;
  const around = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  return {
    items: slice((page - 1) * size, size),
    pagination: {
      page,
      pages,
      prev: page > 1 ? pageHref(basePath, page - 1) : undefined,
      next: page < pages ? pageHref(basePath, page + 1) : undefined,
      links: [...around]
        .filter((n) => n >= 1 && n <= pages)
        .sort((a, b) => a - b)
        .map((n) => ({ page: n, href: pageHref(basePath, n), current: n === page })),
    },
  };
}
