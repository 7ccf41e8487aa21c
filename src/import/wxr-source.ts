import type { Lang } from '../i18n/languages.js';
import { languageOf } from './feed.js';
import type { ImportItem, SourceTopic } from './item.js';
import { IMPORT_MESSAGES, say, type ImportMessage } from './messages.js';
import type { Report } from './report.js';
import type { ShortcodeContext } from './shortcodes.js';
import type { OpenedSource } from './source.js';
import { emptyWxrIndex, indexWxrRecord, wxrItem, type WxrCounts, type WxrIndex } from './wxr.js';
import { keep } from './keep.js';
import { decodeSlug } from './slugs.js';
import { emptyTrouble, xmlRecords, type XmlRecord, type XmlTrouble } from './xml-records.js';

/** Items of a source, as a stream, with what the run needs to know about the source. */
export interface ItemStream {
  items: AsyncIterable<ImportItem>;
  /** The part of the source read (0–1), when its size is known. */
  share(): number | undefined;
  trouble?: XmlTrouble;
  /** The old site's address. */
  site?: string;
  /** For a WXR: attachments for [gallery] and the like. */
  wordpress?: (item: ImportItem) => ShortcodeContext;
  /** Lines the report adds about the source (a crawl's refusals and failures). */
  extraLines?: () => string[];
  /**
   * The categories and tags the source declares: those its posts use (categories first, in the
   * export's order, so that topics.yml and the navigation list them so) and those none uses.
   */
  declaredTopics?: () => { used: SourceTopic[]; unused: SourceTopic[] };
}

/**
 * A WXR read twice: the first pass indexes what items refer to (attachments, authors, terms), the
 * second hands on the items. Only the index stays in memory: attachments by id and URL.
 */
export async function wxrSource(open: () => Promise<OpenedSource>, o: { lang?: Lang; timeZone: string; now: Date; tags: boolean; report: Report; onIndexed?: () => void }): Promise<ItemStream> {
  const index = emptyWxrIndex();
  const byParent = new Map<string, string[]>();
  /** Posts and pages per term, by key. */
  const usedTerms = new Map<string, number>();
  const first = await open();
  const firstTrouble = emptyTrouble();
  for await (const record of xmlRecords(first.text, firstTrouble)) {
    indexWxrRecord(record, index);
    if (record.name === 'item') countItem(record, byParent, usedTerms, o.report);
  }
  o.report.count('count_authors', index.authors.size);
  o.report.count('count_categories', [...index.terms.values()].filter((t) => t.kind === 'category').length);
  o.report.count('count_tags', [...index.terms.values()].filter((t) => t.kind === 'tag').length);
  o.report.count('count_attachments', index.attachmentsById.size);
  o.onIndexed?.();

  const second = await open();
  const trouble = emptyTrouble();
  const counts: WxrCounts = { skippedKinds: new Map(), skipped: [], comments: 0 };
  const lang = o.lang ?? languageOf(index.language) ?? 'ru';
  async function* items(): AsyncGenerator<ImportItem> {
    for await (const record of xmlRecords(second.text, trouble)) {
      const item = wxrItem(record, index, { lang, timeZone: o.timeZone, now: o.now, tags: o.tags }, counts);
      if (item) yield item;
    }
    o.report.count('count_comments', counts.comments);
    for (const [kind, n] of counts.skippedKinds) o.report.skipped.push(skippedKind(o.report, kind, n));
    for (const s of counts.skipped) o.report.skipped.push(skippedItem(o.report, s));
  }
  return {
    items: items(),
    share: () => (second.size ? second.bytesRead / second.size : undefined),
    trouble,
    site: index.site,
    wordpress: (item) => wordpressContext(item, index, byParent),
    declaredTopics: () => {
      // Categories first, the most used first: the first few become the menu (see SiteData.topic).
      const uses = (t: SourceTopic) => usedTerms.get(t.key) ?? 0;
      const terms = [...index.terms.values()].sort((a, b) => (a.kind === b.kind ? uses(b) - uses(a) : a.kind === 'category' ? -1 : 1));
      const used = (t: SourceTopic) => usedTerms.has(t.key) && (o.tags || t.kind === 'category');
      return { used: terms.filter(used), unused: terms.filter((t) => !used(t)) };
    },
  };
}

/** What the first pass counts of each item: posts, pages and drafts, and the attachments of each post. */
function countItem(record: XmlRecord, byParent: Map<string, string[]>, usedTerms: Map<string, number>, report: Report): void {
  const field = (name: string) => record.children.find((c) => c.name === name && /export\/1\.\d\/$/.test(c.ns))?.text.trim() ?? '';
  const type = field('post_type') || 'post';
  const status = field('status');
  if (type === 'attachment') {
    const parent = field('post_parent');
    if (parent && parent !== '0') byParent.set(keep(parent), [...(byParent.get(parent) ?? []), keep(field('post_id'))]);
    return;
  }
  if ((type === 'post' || type === 'page') && !['trash', 'auto-draft', 'inherit'].includes(status)) {
    for (const c of record.children) {
      if (c.name !== 'category' || (c.attrs.domain !== 'category' && c.attrs.domain !== 'post_tag')) continue;
      const key = keep(`${c.attrs.domain === 'category' ? 'category' : 'tag'}:${decodeSlug(c.attrs.nicename ?? '') || c.text.trim()}`);
      usedTerms.set(key, (usedTerms.get(key) ?? 0) + 1);
    }
  }
  if (type === 'post') report.count('count_posts');
  if (type === 'page') report.count('count_pages');
  if ((type === 'post' || type === 'page') && ['draft', 'pending', 'private', 'future'].includes(status)) report.count('count_drafts');
}

function wordpressContext(item: ImportItem, index: WxrIndex, byParent: Map<string, string[]>): ShortcodeContext {
  const id = /^wxr:\w+:(\d+)$/.exec(item.key)?.[1];
  return {
    attachmentById: (attachment) => index.attachmentsById.get(attachment),
    attachmentsOfPost: () => (id ? (byParent.get(id) ?? []).map((a) => index.attachmentsById.get(a)).filter((a) => a !== undefined) : []),
  };
}


function skippedKind(report: Report, kind: string, n: number): string {
  return say('skipped_kind', report.lang, { kind, n });
}

function skippedItem(report: Report, s: { where: string; title: string; reason: string }): string {
  const code = `reason_${s.reason}`;
  // A status WordPress may add one day is named as it is.
  const reason = code in IMPORT_MESSAGES ? say(code as ImportMessage, report.lang) : s.reason;
  return say('skipped_item', report.lang, { where: s.where, title: s.title, reason });
}
