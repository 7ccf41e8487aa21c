import path from 'node:path';
import { isLang, type Lang } from '../i18n/languages.js';
import { isTimeZone } from '../import/dates.js';
import { perLang, say } from '../import/messages.js';
import type { ProgressOut } from '../import/progress.js';
import { ImportRefused, runImport } from '../import/run-import.js';
import type { Fetch } from '../import/source.js';
import { parseCommandLine, type CommandSpec } from './args.js';
import { describeError } from './describe-error.js';
import type { CliIo } from './io.js';
import { isFolder } from './is-folder.js';

export interface ImportIo extends CliIo {
  stdout: ProgressOut;
  /** How other hosts are reached; tests pass one that reaches loopback only. */
  fetch?: Fetch;
  now?: () => Date;
}

const N = { ru: 'N', kk: 'N', en: 'N' };

export const IMPORT_SPEC: CommandSpec = {
  command: 'npm run import',
  positionals: { name: perLang('source'), min: 1, max: 1 },
  summary: perLang('summary'),
  options: {
    content: { type: 'string', value: perLang('folder'), describe: perLang('opt_content') },
    uploads: { type: 'string', value: perLang('folder'), describe: perLang('opt_uploads') },
    offline: { type: 'boolean', describe: perLang('opt_offline') },
    'dry-run': { type: 'boolean', describe: perLang('opt_dry_run') },
    limit: { type: 'string', value: N, describe: perLang('opt_limit') },
    since: { type: 'string', value: { ru: 'ГГГГ-ММ-ДД', kk: 'ЖЖЖЖ-АА-КК', en: 'YYYY-MM-DD' }, describe: perLang('opt_since') },
    timezone: { type: 'string', value: { ru: 'ПОЯС', kk: 'БЕЛДЕУ', en: 'ZONE' }, describe: perLang('opt_timezone') },
    'no-tags': { type: 'boolean', describe: perLang('opt_no_tags') },
    'article-lang': { type: 'string', value: { ru: 'ru|kk|en', kk: 'ru|kk|en', en: 'ru|kk|en' }, describe: perLang('opt_article_lang') },
    concurrency: { type: 'string', value: N, describe: perLang('opt_concurrency') },
    delay: { type: 'string', value: { ru: 'МС', kk: 'МС', en: 'MS' }, describe: perLang('opt_delay') },
    report: { type: 'string', value: perLang('file'), describe: perLang('opt_report') },
  },
};

/**
 * `npm run import -- SOURCE [options]`: brings a WordPress export, a feed or a site into the
 * content folder (src/import/). Returns the exit code: 0 done (losses are in the report), 1 the
 * import stopped part-way (what was written stays, a re-run goes on), 2 misuse or a source it
 * cannot read.
 * @example await runImportCommand(['export.xml', '--uploads', 'uploads'], processIo()) // 0
 */
export async function runImportCommand(argv: string[], io: ImportIo): Promise<number> {
  const parsed = parseCommandLine(argv, IMPORT_SPEC);
  if (parsed.kind === 'help') {
    io.stdout.write(`${parsed.text}\n`);
    return 0;
  }
  if (parsed.kind === 'misuse') {
    io.stderr.write(`${parsed.text}\n`);
    return 2;
  }
  const { lang, values } = parsed;
  const refuse = (text: string) => {
    io.stderr.write(`${text}\n`);
    return 2;
  };
  const whole = (name: string, fallback: number, min = 1): number | undefined => {
    const raw = values[name] as string | undefined;
    if (raw === undefined) return fallback;
    return /^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : undefined;
  };
  const limit = values.limit === undefined ? undefined : whole('limit', 0);
  if (values.limit !== undefined && limit === undefined) return refuse(say('bad_number', lang, { option: '--limit', value: values.limit as string }));
  const concurrency = whole('concurrency', 2);
  if (concurrency === undefined) return refuse(say('bad_number', lang, { option: '--concurrency', value: values.concurrency as string }));
  const delayMs = whole('delay', 500, 0);
  if (delayMs === undefined) return refuse(say('bad_delay', lang, { value: values.delay as string }));
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = /^\d{4}-\d{2}-\d{2}$/.test(values.since as string) ? new Date(`${values.since}T00:00:00+05:00`) : undefined;
    if (!since || Number.isNaN(since.getTime())) return refuse(say('bad_since', lang, { value: values.since as string }));
  }
  const timeZone = (values.timezone as string | undefined) ?? 'Asia/Almaty';
  if (!isTimeZone(timeZone)) return refuse(say('bad_timezone', lang, { value: timeZone }));
  const articleLang = values['article-lang'] as string | undefined;
  if (articleLang !== undefined && !isLang(articleLang)) return refuse(say('bad_article_lang', lang, { value: articleLang }));

  const shownDir = (values.content as string | undefined) ?? io.env.CONTENT_DIR ?? 'content';
  const contentDir = path.resolve(io.cwd, shownDir);
  if (!(await isFolder(contentDir))) return refuse(say('no_content_dir', lang, { dir: shownDir }));
  const reportFile = values.report === undefined ? path.join(path.dirname(contentDir), 'import-report.md') : path.resolve(io.cwd, values.report as string);

  try {
    await runImport({
      source: parsed.positionals[0]!,
      contentDir,
      shownDir,
      reportFile,
      uploads: values.uploads as string | undefined,
      offline: Boolean(values.offline),
      dryRun: Boolean(values['dry-run']),
      limit,
      since,
      timeZone,
      articleLang: articleLang as Lang | undefined,
      tags: !values['no-tags'],
      concurrency,
      delayMs,
      lang,
      cwd: io.cwd,
      fetch: io.fetch ?? fetch,
      now: io.now?.() ?? new Date(),
      stdout: io.stdout,
      stderr: io.stderr,
    });
    return 0;
  } catch (error) {
    if (error instanceof ImportRefused) return refuse(say(error.code, lang, error.params));
    io.stderr.write(`${say('failed', lang, { detail: describeError(error) })}\n`);
    return 1;
  }
}
