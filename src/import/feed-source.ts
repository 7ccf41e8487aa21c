import type { Lang } from '../i18n/languages.js';
import { feedChannelRecord, feedItem, languageOf, type FeedChannel } from './feed.js';
import type { ImportItem } from './item.js';
import type { Report } from './report.js';
import type { OpenedSource } from './source.js';
import type { ItemStream } from './wxr-source.js';
import { emptyTrouble, xmlRecords } from './xml-records.js';

/** An RSS or Atom feed read once, as a stream: its channel fields come before its items. */
export function feedSource(source: OpenedSource, o: { lang?: Lang; now: Date; atom: boolean; report: Report }): ItemStream {
  const trouble = emptyTrouble();
  const channel: FeedChannel = {};
  async function* items(): AsyncGenerator<ImportItem> {
    for await (const record of xmlRecords(source.text, trouble)) {
      feedChannelRecord(record, channel);
      if (o.atom && record.name === 'feed') continue;
      const lang = o.lang ?? languageOf(channel.language ?? trouble.root?.attrs.lang) ?? 'ru';
      const item = feedItem(record, channel, { lang, now: o.now, atom: o.atom });
      if (!item) continue;
      o.report.count('count_items');
      yield item;
    }
  }
  return { items: items(), share: () => (source.size ? source.bytesRead / source.size : undefined), trouble, get site() { return channel.site; } };
}
