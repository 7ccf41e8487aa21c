import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/languages.js';
import { detectSource } from './detect.js';
import { keep } from './keep.js';
import { feedSource } from './feed-source.js';
import { importItem } from './import-item.js';
import { MediaResolver } from './media-resolver.js';
import { say, type ImportMessage } from './messages.js';
import { Progress, type ProgressOut } from './progress.js';
import { tuneHeap } from '../memory.js';
import { Report } from './report.js';
import { SiteData } from './site-data.js';
import { sitemapSource } from './sitemap-source.js';
import { openSource, SourceError, type Fetch, type OpenedSource } from './source.js';
import { ContentWriter } from './writer.js';
import { wxrSource, type ItemStream } from './wxr-source.js';

export interface ImportOptions {
  source: string;
  contentDir: string;
  /** How the content folder is shown in messages (as the editor named it). */
  shownDir: string;
  reportFile: string;
  uploads?: string;
  /** Nothing is fetched from another host (media, pages); the source may still be a local file. */
  offline: boolean;
  dryRun: boolean;
  limit?: number;
  since?: Date;
  timeZone: string;
  articleLang?: Lang;
  /** WordPress tags made topics too (the default), or left out. */
  tags: boolean;
  concurrency: number;
  delayMs: number;
  /** The language of messages and the report. */
  lang: Lang;
  cwd: string;
  fetch: Fetch;
  now: Date;
  stdout: ProgressOut;
  stderr: { write(text: string): unknown };
}

/** Refusals before anything is written: said, exit 2 (the source is not one the import reads). */
export class ImportRefused extends Error {
  constructor(
    readonly code: ImportMessage,
    readonly params: Record<string, string | number>,
  ) {
    super(code);
  }
}

export interface ImportSummary {
  report: string;
  written: number;
  notes: number;
}

/**
 * `npm run import`: reads the source as a stream of items and writes each as it comes, so memory
 * holds one item (and the indexes of what items refer to), whatever the archive's size.
 */
export async function runImport(o: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const open = () => openSource(o.source, { fetch: o.fetch, cwd: o.cwd });
  let first: OpenedSource;
  try {
    first = await open();
  } catch (error) {
    if (error instanceof SourceError) throw new ImportRefused(error.code, error.params);
    throw error;
  }
  const detected = detectSource(first.head);
  if (detected.kind === 'not-xml') throw new ImportRefused('not_xml', { source: o.source });
  if (detected.kind === 'html') throw new ImportRefused('html_page', { source: o.source });
  if (detected.kind === 'unknown-xml') throw new ImportRefused('unknown_xml', { source: o.source, root: detected.root });
  if (!existsSync(path.join(o.contentDir, 'site.yml'))) o.stderr.write(`${say('no_site_yml', o.lang, { dir: o.shownDir })}\n`);

  const kindText = say(`kind_${detected.kind}`, o.lang, { version: detected.wxrVersion ?? '' });
  o.stdout.write(`${say('starting', o.lang, { source: o.source, kind: kindText, dir: o.shownDir, dry: o.dryRun ? 1 : '' })}\n`);
  const report = new Report(o.lang);
  try {
    const writer = new ContentWriter(o.contentDir, { dryRun: o.dryRun });
    const fetchOut = o.offline ? undefined : o.fetch;
    const media = new MediaResolver(writer, { uploads: o.uploads && path.resolve(o.cwd, o.uploads), fetch: fetchOut, maxBytes: 200 * 1024 * 1024 }, o.dryRun);
    const progress = new Progress(o.stdout, o.lang);
    // A run reads hundreds of megabytes through short-lived DOMs: V8 collects its old generation sooner.
    tuneHeap();
    let stream: ItemStream;
    if (detected.kind === 'wxr') {
      // The first pass reads the file opened for detection; the second opens it again.
      let opened = 0;
      o.stdout.write(`${say('indexing', o.lang)}\n`);
      stream = await wxrSource(() => (opened++ === 0 ? Promise.resolve(first) : open()), { lang: o.articleLang, timeZone: o.timeZone, now: o.now, tags: o.tags, report });
    } else if (detected.kind === 'sitemap') {
      stream = await sitemapSource(first, { lang: o.articleLang, now: o.now, report, fetch: fetchOut, concurrency: o.concurrency, delayMs: o.delayMs, open: (url) => openSource(url, { fetch: o.fetch, cwd: o.cwd }) });
    } else {
      stream = feedSource(first, { lang: o.articleLang, now: o.now, atom: detected.kind === 'atom', report });
    }

    const siteData = new SiteData(writer, detected.kind === 'wxr' ? 'WordPress' : o.source);
    const knownAuthors = countIds(writer.read('authors.yml'));
    const knownTopics = countIds(writer.read('topics.yml'));
    let done = 0;
    let before = 0;
    let stopped = false;
    let warnedLang = false;
    // Topics in the export's order, categories first: topics.yml's order is the navigation's.
    if (o.limit === undefined && !o.since) for (const topic of stream.declaredTopics?.().used ?? []) siteData.topic(topic);
    try {
      for await (const item of stream.items) {
        if (o.since && item.date < o.since) {
          before++;
          continue;
        }
        if (o.limit !== undefined && done >= o.limit) {
          stopped = true;
          break;
        }
        if (!warnedLang && !o.articleLang && item.lang !== 'ru') {
          warnedLang = true;
          o.stderr.write(`${say('lang_not_ru', o.lang, { lang: item.lang })}\n`);
        }
        const result = await importItem(item, { writer, siteData, media, site: stream.site, wordpress: stream.wordpress?.(item) });
        if (result.outcome === 'empty') {
          report.skipped.push(keep(say('skipped_item', o.lang, { where: item.where, title: item.title, reason: say('reason_empty_page', o.lang) })));
          continue;
        }
        const draft = item.draft || result.notes.some((n) => n.code === 'empty_body');
        report.item(item.kind, draft, result.outcome, result.file, result.notes);
        if (o.dryRun && (result.outcome === 'created' || result.outcome === 'updated')) o.stdout.write(`${say('would_write', o.lang, { file: `${o.shownDir}/${result.file}` })}\n`);
        done++;
        progress.tick(stream.share());
      }
    } finally {
      progress.end();
      writer.close();
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const extra: string[] = [];
    if (stopped) extra.push(say('limit_reached', o.lang, { n: done }));
    if (before) extra.push(say('since_skipped', o.lang, { date: o.since!.toISOString().slice(0, 10), n: before }));
    const unused = stream.declaredTopics?.().unused ?? [];
    if (unused.length) report.skipped.push(say(o.tags ? 'topics_unused' : 'topics_unused_no_tags', o.lang, { n: unused.length, names: unused.map((t) => t.name).join(', ') }));
    const text = report.render({
      source: o.source,
      kind: kindText,
      dir: o.shownDir,
      seconds,
      dryRun: o.dryRun,
      authors: { ...siteData.counts, known: knownAuthors },
      topics: { added: siteData.counts.topicsAdded, known: knownTopics, used: stream.declaredTopics?.().used.length ?? 0 },
      media: media.counts,
      trouble: stream.trouble,
      extra: [...extra, ...(stream.extraLines?.() ?? [])],
    });
    if (!o.dryRun) writeFileSync(o.reportFile, text);
    else o.stdout.write(`\n${text}\n`);
    const shownReport = path.relative(o.cwd, o.reportFile).startsWith('..') ? o.reportFile : path.relative(o.cwd, o.reportFile);
    o.stdout.write(`${summaryLines(report, o.lang).join('\n')}\n`);
    o.stdout.write(`${say(o.dryRun ? 'done_dry' : 'done', o.lang, { seconds, report: shownReport })}\n`);
    if (!o.dryRun) o.stdout.write(`${say('next_check', o.lang)}\n`);
    return { report: text, written: done, notes: report.noteCount };
  } finally {
    // Its scratch file of notes, also when the run stops on an error.
    report.close();
  }
}

/** The «what was done» table as lines for the terminal. */
function summaryLines(report: Report, lang: Lang): string[] {
  const rows: [string, Record<string, number>][] = [
    [say('row_articles', lang), report.outcomes.article],
    [say('row_pages', lang), report.outcomes.page],
  ];
  const cols = ['created', 'updated', 'unchanged', 'kept', 'deleted'] as const;
  return rows.map(([label, c]) => `${label}: ${cols.map((col) => `${say(`col_${col}`, lang)} ${c[col]}`).join(', ')}`);
}

function countIds(text: string | undefined): number {
  return text ? [...text.matchAll(/^([a-z0-9][a-z0-9-]*):\s*$/gm)].length : 0;
}
