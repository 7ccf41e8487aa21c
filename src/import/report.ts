import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Lang } from '../i18n/languages.js';
import type { ItemNote } from './item.js';
import type { MediaCounts } from './media-resolver.js';
import { describeNote, say, type ImportMessage } from './messages.js';
import type { SiteDataCounts } from './site-data.js';
import type { Outcome } from './writer.js';
import type { XmlTrouble } from './xml-records.js';

/**
 * What a run did and lost, gathered as it goes and written at the end as `import-report.md`:
 * counts per kind, then every loss and note with its file and line, then the faults of the
 * source itself. Notes go to a scratch file as they come, so that an archive of 100,000 items
 * with a note each costs no memory.
 */
export class Report {
  readonly outcomes = { article: emptyOutcomes(), page: emptyOutcomes(), draft: emptyOutcomes() };
  /** What the source holds, by kind, for «every post, page, author… is accounted for». */
  readonly inSource = new Map<ImportMessage, number>();
  /** Lines of the «not imported» section, said already. */
  readonly skipped: string[] = [];
  readonly #scratch = mkdtempSync(path.join(os.tmpdir(), 'dknews-import-'));
  readonly #notesFile = path.join(this.#scratch, 'notes.jsonl');
  #notes = 0;

  constructor(readonly lang: Lang) {}

  count(kind: ImportMessage, n = 1): void {
    this.inSource.set(kind, (this.inSource.get(kind) ?? 0) + n);
  }

  item(kind: 'article' | 'page', draft: boolean, outcome: Outcome, file: string, notes: readonly ItemNote[]): void {
    this.outcomes[kind][outcome]++;
    if (draft) this.outcomes.draft[outcome]++;
    if (!notes.length) return;
    appendFileSync(this.#notesFile, notes.map((note) => `${JSON.stringify({ file, ...note })}\n`).join(''));
    this.#notes += notes.length;
  }

  /** The report's text (Markdown). */
  render(o: { source: string; kind: string; dir: string; seconds: string; dryRun: boolean; authors: SiteDataCounts & { known: number }; topics: { added: number; known: number; used: number }; media: MediaCounts; trouble?: XmlTrouble; extra: string[] }): string {
    const l = this.lang;
    const s = (code: ImportMessage, p: Record<string, string | number> = {}) => say(code, l, p);
    const table = [
      `| ${[s('col_kind'), s('col_created'), s('col_updated'), s('col_unchanged'), s('col_kept'), s('col_deleted')].join(' | ')} |`,
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...(['article', 'draft', 'page'] as const).map((kind) => {
        const c = this.outcomes[kind];
        const label = s(kind === 'article' ? 'row_articles' : kind === 'draft' ? 'row_drafts' : 'row_pages');
        return `| ${label} | ${c.created} | ${c.updated} | ${c.unchanged} | ${c.kept} | ${c.deleted} |`;
      }),
    ];
    const lines = [
      `# ${s('report_title')}`,
      '',
      `- ${s('report_source', { source: o.source, kind: o.kind })}`,
      `- ${s('report_folder', { dir: o.dir })}`,
      `- ${s('report_time', { seconds: o.seconds })}`,
      ...(o.dryRun ? ['', s('report_dry')] : []),
      '',
      `## ${s('report_in_source')}`,
      '',
      ...[...this.inSource].map(([code, n]) => `- ${s(code, { n })}`),
      '',
      `## ${s('report_written')}`,
      '',
      ...table,
      '',
      `- ${s('authors_added', { added: o.authors.authorsAdded, known: o.authors.known })}`,
      `- ${s('topics_added', o.topics)}`,
      `- ${s('media_counts', { ...o.media })}`,
      ...o.extra.map((line) => `- ${line}`),
      '',
      `## ${s('report_skipped')}`,
      '',
      ...(this.skipped.length ? this.skipped.map((line) => `- ${line}`) : ['—']),
      '',
      `## ${s('report_notes')}`,
      '',
      ...(this.#notes ? this.#noteLines() : [s('report_no_notes')]),
      ...troubleLines(o.trouble, l),
      '',
    ];
    return lines.join('\n');
  }

  /** Every note, by file, then line, as `- \`file:line\` — what`. */
  #noteLines(): string[] {
    const notes = readFileSync(this.#notesFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ItemNote & { file: string });
    notes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return notes.map((n) => `- \`${n.file}${n.line ? `:${n.line}` : ''}\` — ${describeNote(n.code, this.lang, { detail: n.detail ?? '' })}`);
  }

  get noteCount(): number {
    return this.#notes;
  }

  close(): void {
    rmSync(this.#scratch, { recursive: true, force: true });
  }
}

function emptyOutcomes(): Record<Outcome, number> {
  return { created: 0, updated: 0, unchanged: 0, kept: 0, deleted: 0 };
}

function troubleLines(trouble: XmlTrouble | undefined, lang: Lang): string[] {
  if (!trouble || (!trouble.controlChars.count && !trouble.errors.length && !trouble.truncated)) return [];
  return [
    '',
    `## ${say('report_troubles', lang)}`,
    '',
    ...(trouble.controlChars.count ? [`- ${say('control_chars', lang, { n: trouble.controlChars.count, lines: trouble.controlChars.lines.join(', ') })}`] : []),
    ...trouble.errors.map((e) => `- ${say('xml_error', lang, e)}`),
    ...(trouble.truncated ? [`- ${say('truncated', lang, { line: trouble.truncated.line, record: trouble.truncated.record ?? '' })}`] : []),
  ];
}
