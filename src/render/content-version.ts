import type { ContentIndex } from '../index/content-index.js';

/**
 * The content version as pages carry it in development, for the live reload to compare with
 * the store's current one: the index's serial (see ContentStore).
 * @example contentVersion(store.index) // '3'
 */
export function contentVersion(index: Pick<ContentIndex, 'version'>): string {
  return String(index.version);
}
