import { pino } from 'pino';
import type { ContentIndex } from '../../src/index/content-index.js';
import type { MediaFacts } from '../../src/parse/media-facts.js';
import type { ContentSource } from '../../src/sync/source.js';
import { ContentStore } from '../../src/sync/store.js';
import { FIXTURE_NOW } from '../helpers.js';

export interface IndexOptions {
  /** The clock the version is made at: FIXTURE_NOW unless given. */
  now?: Date;
  includeDrafts?: boolean;
  /** What each media file is, as the media library would have read it. */
  images?: ReadonlyMap<string, MediaFacts>;
}

/** A store over a source (in memory, or a fixture folder), its index in memory, as the tools make it: no DATA_DIR, no watcher. */
export function storeOf(source: ContentSource, options: IndexOptions = {}): ContentStore {
  const images = options.images;
  return new ContentStore({
    source,
    includeDrafts: options.includeDrafts ?? false,
    logger: pino({ level: 'silent' }),
    now: () => options.now ?? FIXTURE_NOW,
    images: images && { survey: async () => images },
  });
}

/** The content version a first index of a source makes, with its problems (rejects as the tools do for a broken site file). */
export function indexOf(source: ContentSource, options: IndexOptions = {}): Promise<ContentIndex> {
  return storeOf(source, options).load();
}
