import type { ContentIndex } from './build-index.js';

const serials = new WeakMap<object, number>();
let last = 0;

/**
 * A serial for each content index this process has built: a new index is a new version. Pages
 * carry it in development, and the live reload compares it with the store's current one.
 * @example contentVersion(store.index) // '3'
 */
export function contentVersion(index: Pick<ContentIndex, 'builtAt'>): string {
  let serial = serials.get(index);
  if (serial === undefined) serials.set(index, (serial = ++last));
  return String(serial);
}
