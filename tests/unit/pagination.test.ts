import { describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.js';
import { paginate } from '../../src/render/pagination.js';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sliceOf = (items: number[]) => (offset: number, limit: number) => items.slice(offset, offset + limit);

describe('paths.onPage', () => {
  it('gives page 1 the bare path', () => expect(paths.onPage('/ru/', 1)).toBe('/ru/'));
  it('adds ?page=N after page 1', () => expect(paths.onPage('/ru/news', 3)).toBe('/ru/news?page=3'));
  it('adds &page=N to a path that has a query', () => expect(paths.onPage('/ru/search?q=нефть', 2)).toBe('/ru/search?q=нефть&page=2'));
});

describe('paginate', () => {
  it('reads the slice of the asked page', () => {
    expect(paginate({ total: 5, page: 2, size: 2, basePath: '/ru/', slice: sliceOf(numbers(5)) })?.items).toEqual([3, 4]);
  });

  it('asks the slice for offset and size only', () => {
    const asked: [number, number][] = [];
    paginate({ total: 100, page: 3, size: 10, basePath: '/ru/', slice: (offset, limit) => (asked.push([offset, limit]), []) });
    expect(asked).toEqual([[20, 10]]);
  });

  it('has one page, without prev or next, for an empty list', () => {
    expect(paginate({ total: 0, page: 1, size: 10, basePath: '/ru/', slice: () => [] })).toEqual({
      items: [],
      pagination: { page: 1, pages: 1, prev: undefined, next: undefined, links: [{ page: 1, href: '/ru/', current: true }] },
    });
  });

  it('returns undefined for a page past the end, and for page 0', () => {
    expect(paginate({ total: 5, page: 4, size: 2, basePath: '/ru/', slice: sliceOf(numbers(5)) })).toBeUndefined();
    expect(paginate({ total: 5, page: 0, size: 2, basePath: '/ru/', slice: sliceOf(numbers(5)) })).toBeUndefined();
  });

  it('links the previous and next pages, page 1 without a parameter', () => {
    const { pagination } = paginate({ total: 5, page: 2, size: 2, basePath: '/ru/topics/economy', slice: sliceOf(numbers(5)) })!;
    expect([pagination.prev, pagination.next]).toEqual(['/ru/topics/economy', '/ru/topics/economy?page=3']);
  });

  it('lists the first, the last and two pages either side of the current one', () => {
    const { pagination } = paginate({ total: 200, page: 10, size: 10, basePath: '/ru/news', slice: () => [] })!;
    expect(pagination.links.map((l) => l.page)).toEqual([1, 8, 9, 10, 11, 12, 20]);
    expect(pagination.links.filter((l) => l.current).map((l) => l.href)).toEqual(['/ru/news?page=10']);
  });

  it('lists every page of a short list once', () => {
    expect(paginate({ total: 30, page: 1, size: 10, basePath: '/ru/', slice: () => [] })!.pagination.links.map((l) => l.page)).toEqual([1, 2, 3]);
  });
});
