import { parseDocument, stringify } from 'yaml';
import type { Lang } from '../i18n/languages.js';
import { slugify, uniqueSlug } from '../text/slug.js';
import type { SourceAuthor, SourceTopic } from './item.js';
import { keep } from './keep.js';
import type { ContentWriter } from './writer.js';

/**
 * authors.yml and topics.yml as the import adds to them: an author or topic met for the first
 * time is appended at the end of its file, as a block an editor would write, with a comment
 * naming where it came from (the WordPress login, the category's old slug). What is already in
 * the files, editors' entries and comments included, is never rewritten; a re-run finds its
 * entries (by the manifest, else by id) and adds nothing.
 */
export interface SiteDataCounts {
  authorsAdded: number;
  topicsAdded: number;
}

const ROLE: Record<Lang, string> = { ru: 'Автор', kk: 'Автор', en: 'Author' };
/** Who signs an item whose source names nobody. */
export const NEWSROOM: SourceAuthor = { key: '(newsroom)', name: '' };
const NEWSROOM_NAME: Record<Lang, string> = { ru: 'Редакция', kk: 'Редакция', en: 'Newsroom' };
/** The topic of an item whose source gives none: every article needs one. */
export const ARCHIVE: SourceTopic = { key: '(archive)', name: '', slug: 'arhiv', kind: 'category' };
const ARCHIVE_NAME: Record<Lang, string> = { ru: 'Архив', kk: 'Мұрағат', en: 'Archive' };

/** How many topics the header's menu and the home page's blocks hold before the import adds no more to them. */
export const MENU_TOPICS = 8;

function describeTopic(name: string): Record<Lang, string> {
  return { ru: `Материалы по теме «${name}».`, kk: `«${name}» тақырыбы бойынша материалдар.`, en: `Stories on “${name}”.` };
}

export class SiteData {
  readonly counts: SiteDataCounts = { authorsAdded: 0, topicsAdded: 0 };
  readonly #authorIds: Map<string, string>;
  readonly #topicIds: Map<string, string>;
  /** Topics of topics.yml in the menu so far. */
  #menuTopics: number;

  constructor(
    readonly writer: ContentWriter,
    /** Where the entries come from, for their comment: «WordPress», a feed's address. */
    readonly origin: string,
  ) {
    this.#authorIds = namesById(writer.read('authors.yml'));
    this.#topicIds = namesById(writer.read('topics.yml'));
    this.#menuTopics = menuTopics(writer.read('topics.yml'));
  }

  /** The id of an author, added to authors.yml when new. */
  author(source: SourceAuthor): string {
    const key = `author:${source.key}`;
    const known = this.writer.manifest.get(key)?.file;
    if (known && this.#authorIds.has(known)) return known;
    const newsroom = source.key === NEWSROOM.key;
    const wanted = newsroom ? 'redakciya' : slugify(source.login ?? '') || slugify(source.name) || 'author';
    // Someone with that id is there already (an editor's entry, an earlier run whose manifest is gone): the same person.
    if (!known && this.#authorIds.has(wanted)) {
      this.writer.manifest.put({ key, file: wanted, sha: '' });
      return wanted;
    }
    const id = known ?? uniqueSlug(wanted, new Set(this.#authorIds.keys()));
    const name = newsroom ? NEWSROOM_NAME : { ru: source.name, kk: source.name, en: source.name };
    const comment = newsroom ? `${this.origin}: no author named` : `${this.origin}${source.login ? `, login ${source.login}` : ''}`;
    this.#append('authors.yml', comment, { [id]: { name, role: ROLE } });
    this.#authorIds.set(keep(id), keep(name.ru));
    this.writer.manifest.put({ key, file: id, sha: '' });
    this.counts.authorsAdded++;
    return id;
  }

  /**
   * The id of a topic, added to topics.yml when new; a tag named like a category is that category.
   * A new category joins the menu while it holds fewer than MENU_TOPICS (an export's categories
   * come most used first); a tag never does: its page, feed and the topic index still list it.
   */
  topic(source: SourceTopic): string {
    const key = `topic:${source.key}`;
    const known = this.writer.manifest.get(key)?.file;
    if (known && this.#topicIds.has(known)) return known;
    const archive = source.key === ARCHIVE.key;
    const wanted = slugify(source.slug) || slugify(source.name) || 'topic';
    const sameName = [...this.#topicIds].find(([, name]) => name === (archive ? ARCHIVE_NAME.ru : source.name))?.[0];
    if (!known && (sameName ?? (this.#topicIds.has(wanted) ? wanted : undefined))) {
      const id = sameName ?? wanted;
      this.writer.manifest.put({ key, file: id, sha: '' });
      return id;
    }
    const id = known ?? uniqueSlug(wanted, new Set(this.#topicIds.keys()));
    const name = archive ? ARCHIVE_NAME : { ru: source.name, kk: source.name, en: source.name };
    const description = source.description ? { ru: source.description, kk: source.description, en: source.description } : describeTopic(name.ru);
    const comment = `${this.origin}: ${source.kind === 'tag' ? 'tag' : 'category'} ${archive ? '(none)' : source.slug}`;
    const menu = source.kind !== 'tag' && this.#menuTopics < MENU_TOPICS;
    if (menu) this.#menuTopics++;
    this.#append('topics.yml', comment, { [id]: menu ? { name, description } : { name, description, menu: false } });
    this.#topicIds.set(keep(id), keep(name.ru));
    this.writer.manifest.put({ key, file: id, sha: '' });
    this.counts.topicsAdded++;
    return id;
  }

  #append(file: string, comment: string, entry: Record<string, unknown>): void {
    const current = this.writer.read(file) ?? '';
    const block = `# Imported from ${comment}\n${stringify(entry, { lineWidth: 0 })}`;
    this.writer.replace(file, `${current.replace(/\s*$/, current.trim() ? '\n\n' : '')}${block}`);
  }
}

/** How many topics of topics.yml the menu shows: those not set `menu: false`. */
function menuTopics(text: string | undefined): number {
  if (!text?.trim()) return 0;
  const data = parseDocument(text).toJS() as Record<string, { menu?: unknown } | null> | null;
  return Object.values(data ?? {}).filter((topic) => topic?.menu !== false).length;
}

/** The top-level ids of authors.yml or topics.yml and each one's Russian name. */
function namesById(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!text?.trim()) return map;
  const data = parseDocument(text).toJS() as Record<string, { name?: Record<string, string> | string }> | null;
  for (const [id, value] of Object.entries(data ?? {})) map.set(id, typeof value?.name === 'object' ? (value.name.ru ?? '') : String(value?.name ?? ''));
  return map;
}
