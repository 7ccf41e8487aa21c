import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import { docTerms, type Names } from '../index/doc-terms.js';
import type { Diff, IndexedFile, IndexWriter, SiteData } from '../index/writer.js';
import { checkSiteLinks, type LinkTargets } from '../parse/check-site-links.js';
import { checkTranslations } from '../parse/check-translations.js';
import { ContentError, ContentLoadError } from '../problems/errors.js';
import { fits, parseWithLastGood } from '../parse/last-good.js';
import { isNearMissName, type ContentSource } from './source.js';
import { buildPages } from '../parse/parse-page.js';
import type { ArticleContext, SiteLink } from '../parse/parse-article.js';
import { parseAuthors, parseSite, parseTopics } from '../parse/parse-data.js';
import { parallelFor, parseInParallel } from './parse-parallel.js';
import { scanOnThread, scanStamps } from './stamp-scan.js';
import { articleFileName } from '../parse/slug.js';
import { LANGS, type Lang } from '../i18n/languages.js';
import type { MediaFacts } from '../parse/media-facts.js';
import { imageProblems, withImageFacts } from '../parse/join-media.js';

/** Files written per transaction when thousands arrive at once (a first start): memory stays bounded, readers see progress. */
const BATCH = 200;
/** Files stat'ed between two turns of the event loop. */
const PER_TURN = 512;
/**
 * How long parsing on the main thread goes on before the event loop turns. A parse takes 1 to
 * 3 ms once V8 has compiled the parser, 30 to 50 ms the first time after a start: a reload's
 * parse, its write and its checks each get turns of their own, so that readers wait for the
 * longest of them, not for their sum.
 */
const PARSE_TURN_MS = 8;

export interface ReconcileOptions {
  /** Where the files are: the disk, or memory (tests). */
  source: ContentSource;
  writer: IndexWriter;
  /** The site's data as the index holds it; undefined for an empty index. */
  previous?: SiteData;
  /** Look at these paths only (relative to contentDir, from the watcher); every file when absent. */
  paths?: readonly string[];
  logger: Logger;
  /** Writes a diff in one transaction; returns the addresses it settled, with their problems (see IndexWriter.apply). */
  commit: (diff: Diff) => Map<string, ContentError[]>;
  /** Called once the site-wide files are read and good. */
  onData: (data: SiteData) => void;
  /** Reads what each media file is (src/media/library.ts); without it, articles' pictures have no facts. */
  survey?: (names: Iterable<string>) => Promise<ReadonlyMap<string, MediaFacts>>;
  /** Told after each batch written: files dealt with so far, of how many to parse. */
  progress?: (done: number, total: number) => void;
  /** npm run check: no search terms or packed bodies are made (its scratch index stores neither, see WriterOptions.lean). */
  lean?: boolean;
}

/** A lean parse's search terms and body: nothing. */
const NO_TERMS = { title: '', lead: '', tags: '', body: '' };
const NO_BODY = { html: '', text: '' };

export interface ReconcileReport {
  /** Article files parsed; the others' stamps had not changed. */
  parsed: number;
  /** Files gone from the index. */
  removed: number;
  problems: ContentError[];
  /** Files served from their last good version because their current text has problems. */
  servedFromLastGood: string[];
  /** The files this reconcile looked at (as editors write them): their earlier problems are replaced by these. */
  examined: string[];
  /** Folders whose every file was looked at (near misses included), not only the paths the watcher named. */
  scanned: string[];
  /** Whether anything was written to the index (a diff with files or site data). */
  committed: boolean;
  /**
   * The addresses (a language's slug, an old path) settled anew, with the problems of the files
   * claiming each: they replace what was said of that address before, whichever file was looked at.
   */
  claims: Map<string, ContentError[]>;
  ms: number;
}

/** What the cross-file checks need of an article indexed now. */
interface Indexed {
  file: string;
  lang: Lang;
  slug: string;
  siteLinks: readonly SiteLink[];
}

/**
 * Brings the index up to date with content/: reads the site-wide files, stats the article
 * files, parses those whose stamp differs from the index's (on every core when there are
 * thousands), and commits the difference: in one transaction, or in batches of BATCH files
 * when thousands changed. Articles whose author, topics or media changed are parsed again
 * too, and so are those showing a media file whose content changed under the same name: their
 * picture's facts (size, hash) are joined to the article before it is written. Throws ContentLoadError when site.yml, authors.yml or topics.yml are unusable.
 */
export async function reconcile(o: ReconcileOptions): Promise<ReconcileReport> {
  const started = performance.now();
  const { source, writer } = o;
  const root = source.root;
  const { data, media, images, problems: siteProblems, examined: siteFiles } = await siteData(o);
  o.onData(data);
  const names = namesOf(data);
  const context: ArticleContext = { authors: data.authors.map((a) => a.id), topics: data.topics.map((t) => t.id), media };
  const dataChanged = o.previous !== data && JSON.stringify(o.previous) !== JSON.stringify(data);

  // Parses that no longer fit (an author, topic or image gone) or whose search terms name a renamed topic or author.
  const stale = new Set<string>();
  if (o.previous && dataChanged) {
    const renamed = renamedIds(namesOf(o.previous), names);
    const replaced = changedImages(o.previous.images, data.images);
    for await (const [rel, good] of writer.parses(nextTurn)) {
      if (!fits(good, context) || (good.article.image && replaced.has(good.article.image.src)) || good.media.some((m) => replaced.has(m)) || renamed.has(`author:${good.article.author}`) || good.article.topics.some((t) => renamed.has(`topic:${t}`))) stale.add(rel);
    }
  }

  const { changed, gone, listing, nearMisses, scanned } = await changedFiles(o, stale);
  // What is left of the site files' problems are warnings (a role falling back to another language).
  const report: ReconcileReport = {
    parsed: 0,
    removed: 0,
    problems: siteProblems,
    servedFromLastGood: [],
    examined: [...new Set([...siteFiles, ...(o.paths ?? []), ...changed, ...gone])].map((rel) => `${root}/${rel}`),
    scanned: scanned.map((rel) => `${root}/${rel}`),
    committed: false,
    claims: new Map(),
    ms: 0,
  };
  for (const rel of nearMisses) report.problems.push(nearMissProblem(root, rel));
  const indexed: Indexed[] = [];
  /** Files left out (or served from their last good version) for their own problems: their links are checked all the same. */
  const linking: { file: string; siteLinks: readonly SiteLink[] }[] = [];
  const big = changed.length > BATCH;
  let diff: Diff = { data: dataChanged ? data : undefined, put: [], remove: gone };
  let done = 0;
  const flush = () => {
    if (!diff.put.length && !diff.remove.length && !diff.data) return;
    report.removed += diff.remove.length;
    report.committed = true;
    for (const [address, problems] of o.commit(diff)) report.claims.set(address, problems);
    diff = { put: [], remove: [] };
    o.progress?.(done, changed.length);
  };
  const put = (parsed: IndexedFile) => {
    // The picture's facts as read from the file now; its problems (unreadable, too heavy, too narrow) with them.
    const file = { ...parsed, good: { ...parsed.good, article: withImageFacts(parsed.good.article, images) } };
    report.problems.push(...imageProblems(file.good.article, file.good, images));
    diff.put.push(file);
    const { article, siteLinks } = file.good;
    indexed.push({ file: article.file, lang: article.lang, slug: article.slug, siteLinks });
    if (big && diff.put.length >= BATCH) flush();
  };

  const onMain = async (rels: readonly string[]) => {
    let turnStarted = performance.now();
    for (const rel of rels) {
      if (performance.now() - turnStarted >= PARSE_TURN_MS) {
        await nextTurn();
        turnStarted = performance.now();
      }
      done++;
      const file = source.read(rel);
      if (!file) {
        if (writer.has(rel)) diff.remove.push(rel);
        continue;
      }
      const result = parseWithLastGood(file, context, { get: (r) => writer.lastGood(r) });
      report.parsed++;
      report.problems.push(...result.problems);
      if (!result.good || result.fromLastGood) linking.push({ file: file.file, siteLinks: result.siteLinks ?? [] });
      if (result.fromLastGood) report.servedFromLastGood.push(file.file);
      else if (result.good && (result.body ?? result.reused)) {
        // Reused: the same text, renamed topics or author: its search terms are made again.
        if (o.lean) put({ rel, good: result.good, body: NO_BODY, terms: NO_TERMS });
        else {
          const body = result.body ?? writer.body(rel)!;
          put({ rel, good: result.good, body, terms: docTerms(result.good.article, body, names) });
        }
      } else if (writer.has(rel)) diff.remove.push(rel);
    }
  };

  if (source.dir !== undefined && parallelFor(changed.length)) {
    const failed: string[] = [];
    const setup = { contentDir: source.dir, root, authors: context.authors as string[], topics: context.topics as string[], media: [...media.keys()], names, lean: o.lean === true };
    const started = performance.now();
    const { left, threads } = await parseInParallel(changed, setup, (chunk) => {
      report.parsed += chunk.parsed.length;
      done += chunk.parsed.length;
      for (const file of chunk.parsed) put(file);
      failed.push(...chunk.failed);
    });
    o.logger.info({ files: changed.length - left.length, threads, ms: Math.round(performance.now() - started) }, 'Parsed the new article files in parallel');
    await onMain([...left, ...failed]);
  } else {
    await onMain(changed);
  }
  await nextTurn();
  flush();
  // A fresh index loaded in bulk gets its indexes and settles its addresses now, before the checks below read it.
  if (writer.bulk) for (const [address, problems] of writer.endBulk()) report.claims.set(address, problems);

  await nextTurn();
  report.problems.push(...(await crossChecks(writer, indexed, listing, linking)));
  report.ms = Math.round(performance.now() - started);
  return report;
}

/**
 * Parses article files once and throws the result away, one file per turn of the event loop:
 * V8 compiles the parser (Markdown, front matter, typography, stemming) the first time it
 * runs, 30 to 50 ms of work that would otherwise hold readers up at an editor's first save
 * after a start, when the start itself parsed nothing. Given the newest article of each
 * language, every language's Markdown and stemmer are ready.
 */
export async function warmParser(source: ContentSource, data: SiteData, files: readonly string[]): Promise<void> {
  const context: ArticleContext = { authors: data.authors.map((a) => a.id), topics: data.topics.map((t) => t.id), media: new Map(data.media) };
  const names = namesOf(data);
  for (const rel of files) {
    await nextTurn();
    const file = source.read(rel);
    const result = file && parseWithLastGood(file, context);
    if (result?.good && result.body) docTerms(result.good.article, result.body, names);
  }
}

/**
 * The site-wide files (site.yml, authors.yml, topics.yml, pages/, media/) read and parsed, with
 * their problems (what is left of them are warnings) and the files they are. When the watcher
 * names paths under news/ only (articles and their folders), nothing of them can have changed:
 * the previous data is kept, and an edit costs no parse of the YAML files (20–30 ms at a
 * newsroom's authors.yml).
 */
async function siteData(o: ReconcileOptions): Promise<{ data: SiteData; media: ReadonlyMap<string, number>; images?: ReadonlyMap<string, MediaFacts>; problems: ContentError[]; examined: string[] }> {
  const { source } = o;
  const root = source.root;
  if (o.previous && o.paths?.length && o.paths.every((p) => p.startsWith('news/'))) {
    const images = o.previous.images && new Map(o.previous.images);
    return { data: o.previous, media: new Map(o.previous.media), images, problems: [], examined: [] };
  }
  const sources = await source.dataFiles();
  const site = parseSite(sources.site, root);
  const media = await source.media();
  const images = await o.survey?.(media.keys());
  const authors = parseAuthors(sources.authors, root, media);
  const topics = parseTopics(sources.topics, root);
  if (!site.value || !authors.value || !topics.value) throw new ContentLoadError([...site.problems, ...authors.problems, ...topics.problems]);
  const pageSources = await source.pages();
  const pages = buildPages(pageSources);
  const data: SiteData = {
    site: site.value,
    authors: authors.value,
    topics: topics.value,
    media: [...media].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    images: sortedImages(images),
    pages: LANGS.flatMap((lang) => [...pages.pages[lang].values()]),
  };
  return {
    data,
    media,
    images,
    problems: [...site.problems, ...authors.problems, ...topics.problems, ...pages.problems],
    examined: ['site.yml', 'authors.yml', 'topics.yml', ...pageSources.map((p) => p.relativePath)],
  };
}

/** What changedFiles found: the files to parse, those gone, and what it looked at. */
interface Changes {
  changed: string[];
  gone: string[];
  /** Every article file on disk, when the whole archive was listed. */
  listing?: string[];
  nearMisses: string[];
  /** The folders whose every file was compared (news/ for the whole archive). */
  scanned: string[];
}

/**
 * The article files whose stamp differs from the index's (or that are stale), and the indexed
 * ones gone from disk. What is compared is what the watcher named: article files one by one,
 * and a folder (made, moved in or out, or whose stamps the backstop found changed) with
 * everything under it; the whole archive on a start, on SIGHUP, or when news/ itself is named.
 */
async function changedFiles(o: ReconcileOptions, stale: ReadonlySet<string>): Promise<Changes> {
  const { source, writer } = o;
  const paths = o.paths?.filter((p) => (p.startsWith('news/') || p === 'news' || p === '') && !p.split('/').some((part) => part.startsWith('.')));
  if (!paths || paths.some((p) => p === '' || p === 'news')) return everyFile(o, stale);
  const changes: Changes = { changed: [], gone: [], nearMisses: [], scanned: [] };
  const compared = new Set<string>();
  const compare = (rel: string, stamp: string | undefined, indexed: string | undefined) => {
    compared.add(rel);
    if (stamp === undefined) {
      if (indexed !== undefined || writer.has(rel)) changes.gone.push(rel);
    } else if (stale.has(rel) || stamp !== indexed) changes.changed.push(rel);
  };
  const files: string[] = [];
  const folders: string[] = [];
  for (const rel of paths) {
    if (rel.endsWith('.md')) files.push(rel);
    else if (source.isFile(rel)) {
      if (isNearMissName(rel)) changes.nearMisses.push(rel);
    }
    // A folder, or a path gone from disk that may have been one: its indexed files are gone too.
    else folders.push(rel);
  }
  for (const folder of outermost(folders)) {
    const found = await compareFolder(o, folder, stale);
    for (const rel of [...found.articles, ...found.gone]) compared.add(rel);
    changes.changed.push(...found.changed);
    changes.gone.push(...found.gone);
    changes.nearMisses.push(...found.nearMisses);
    changes.scanned.push(folder);
  }
  const single = [...new Set([...files, ...stale])].filter((rel) => !compared.has(rel));
  for (let i = 0; i < single.length; i++) {
    if (i % PER_TURN === PER_TURN - 1) await nextTurn();
    const rel = single[i]!;
    compare(rel, source.stamp(rel), writer.stamp(rel));
  }
  // Sorted so that, of two files with one slug, the first by path is indexed first.
  changes.changed.sort(byPath);
  return changes;
}

/** Every article file's stamp compared with the index's: on a thread of its own for a large archive. */
async function everyFile(o: ReconcileOptions, stale: ReadonlySet<string>): Promise<Changes> {
  const { source, writer } = o;
  const file = writer.file;
  if (source.dir !== undefined && scanOnThread(file, writer.size())) {
    const scan = await scanStamps({ contentDir: source.dir, indexFile: file, stale: [...stale] });
    scan.changed.sort(byPath);
    return { ...scan, scanned: ['news'] };
  }
  const { changed, gone, articles, nearMisses } = await compareFolder(o, 'news', stale);
  changed.sort(byPath);
  return { changed, gone, listing: articles, nearMisses, scanned: ['news'] };
}

/**
 * The article files under a folder whose stamp differs from the index's (or that are stale),
 * and the indexed ones under it gone from disk, with the folder's listing and near misses.
 */
async function compareFolder(o: ReconcileOptions, folder: string, stale: ReadonlySet<string>): Promise<{ changed: string[]; gone: string[]; articles: string[]; nearMisses: string[] }> {
  const { source, writer } = o;
  const { articles, nearMisses } = await source.list(folder);
  const indexed = await writer.stamps(nextTurn, folder);
  const changed: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    if (i % PER_TURN === PER_TURN - 1) await nextTurn();
    const rel = articles[i]!;
    const stamp = source.stamp(rel);
    // Gone since the listing: if it was indexed, it is left in `indexed` and counted as gone.
    if (stamp === undefined) continue;
    if (stale.has(rel) || !indexed.has(rel) || indexed.get(rel) !== stamp) changed.push(rel);
    indexed.delete(rel);
  }
  return { changed, gone: [...indexed.keys()], articles, nearMisses };
}

/** The folders not inside another one of the list. */
function outermost(folders: readonly string[]): string[] {
  return [...new Set(folders)].filter((folder, _, all) => !all.some((other) => other !== folder && folder.startsWith(`${other}/`)));
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Problems between files, for the articles indexed now: a translation without its Russian
 * original, a link to an article that does not exist. Checked against the whole index.
 */
export async function crossChecks(
  writer: IndexWriter,
  indexed: readonly Indexed[],
  listing?: readonly string[],
  linking: readonly { file: string; siteLinks: readonly SiteLink[] }[] = [],
): Promise<ContentError[]> {
  if (!indexed.length && !linking.length) return [];
  // A broken Russian file is still the original: the listing knows it, the index does not.
  const russianFiles = new Set(listing?.flatMap((rel) => {
    const name = articleFileName(rel);
    return name?.lang === 'ru' ? [name.slug] : [];
  }));
  const russian = { has: (slug: string) => russianFiles.has(slug) || writer.exists('ru', slug) };
  const targets: LinkTargets = {
    has: (path) => writer.claims(path),
    slugs: (lang) => writer.slugs(lang),
  };
  const problems: ContentError[] = [];
  for (let i = 0; i < indexed.length; i += PER_TURN) {
    if (i > 0) await nextTurn();
    const part = indexed.slice(i, i + PER_TURN);
    problems.push(...checkTranslations(part, russian), ...checkSiteLinks(part, targets));
  }
  problems.push(...checkSiteLinks(linking, targets));
  return problems;
}

/** A note on a file named almost like an article, with the name it should have. */
export function nearMissProblem(root: string, relativePath: string): ContentError {
  const name = relativePath.split('/').pop()!;
  const stem = name.replace(/(?:\.md)?\.[^.]+$/i, '').toLowerCase();
  const suggestion = /\.(?:ru|kk|en)$/.test(stem) ? `${stem}.md` : `${stem}.ru.md`;
  return new ContentError({ file: `${root}/${relativePath}`, line: 1, code: 'near_miss_name', params: { name, suggestion: articleFileName(suggestion) ? suggestion : '' } });
}
export function namesOf(data: SiteData): Names {
  return {
    topics: Object.fromEntries(data.topics.map((t) => [t.id, t.name])),
    authors: Object.fromEntries(data.authors.map((a) => [a.id, a.name])),
  };
}

/** Topics and authors whose names changed, as topic:id and author:id. */
function renamedIds(before: Names, after: Names): Set<string> {
  const renamed = new Set<string>();
  for (const kind of ['topics', 'authors'] as const) {
    for (const [id, name] of Object.entries(after[kind])) {
      if (JSON.stringify(before[kind][id]) !== JSON.stringify(name)) renamed.add(`${kind.slice(0, -1)}:${id}`);
    }
  }
  return renamed;
}

/** The survey's facts in a stable order, as the index keeps them. */
export function sortedImages(images: ReadonlyMap<string, MediaFacts> | undefined): [string, MediaFacts][] | undefined {
  return images && [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Media files whose facts differ between two surveys (replaced under the same name, new, or gone). */
function changedImages(before: SiteData['images'], after: SiteData['images']): Set<string> {
  const old = new Map((before ?? []).map(([name, facts]) => [name, JSON.stringify(facts)]));
  const changed = new Set<string>();
  for (const [name, facts] of after ?? []) {
    if (old.get(name) !== JSON.stringify(facts)) changed.add(name);
    old.delete(name);
  }
  for (const name of old.keys()) changed.add(name);
  return changed;
}
