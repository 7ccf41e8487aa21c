import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { ContentLoadError, type ContentError } from '../problems/errors.js';
import { diskSource } from '../sync/load.js';
import { servedClaims } from '../sync/open-index.js';
import { ContentStore } from '../sync/store.js';
import { MediaLibrary } from '../media/library.js';
import type { EditorLang } from '../problems/messages.js';
import { message, perLang } from './messages.js';
import { answerHelpOrMisuse, parseCommandLine, usage, type CommandSpec } from './args.js';
import { describeError } from './describe-error.js';
import type { CliIo } from './io.js';
import { isFolder } from './is-folder.js';
import { loadConfig } from '../config.js';
import { previewPath, previewSecret } from '../preview.js';
import type { Article } from '../parse/types.js';

/**
 * The clock `check` builds the index with: every article counts as published, and drafts are
 * included, so that what will go live later (an alias clash of a scheduled article, say) is
 * reported now. Every file is parsed and checked whatever its state, as on the server.
 */
const EVERYTHING_PUBLISHED = new Date(8.64e15);

export const CHECK_SPEC: CommandSpec = {
  command: 'npm run check',
  summary: perLang('check_summary'),
  options: { dir: { type: 'string', value: perLang('folder'), describe: perLang('opt_check_dir') } },
};

/**
 * `npm run check`: validates the whole content folder with the server's own code (the sync
 * engine's reconcile over the folder, into an index in memory) and prints one line per
 * problem, then a count. Of two files with one address, the newcomer is named as the server
 * names it: with the server's index in DATA_DIR, the file that claimed the address first there
 * holds it. Returns the exit code: 0 when there is no problem, 1 when there is one, 2 when the
 * command itself was misused.
 * @example await runCheck(['--lang', 'en'], processIo()) // 0
 */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, CHECK_SPEC);
  if (parsed.kind !== 'run') return answerHelpOrMisuse(parsed, io);
  const { lang } = parsed;
  const options = parsed.values as { dir?: string };

  const dir = path.resolve(io.cwd, options.dir ?? io.env.CONTENT_DIR ?? 'content');
  if (!(await isFolder(dir))) return usageError(io, lang, message('no_folder', lang, { dir: options.dir ?? io.env.CONTENT_DIR ?? 'content' }));

  let problems: ContentError[];
  let checked = 0;
  let previews: string[] = [];
  const server = servedClaims(path.resolve(io.cwd, io.env.DATA_DIR ?? 'data'));
  // The index is built in a folder of its own on disk, deleted after: an archive of 100,000
  // articles checks in the memory the server needs, not with the whole index in memory.
  const scratch = await mkdtemp(path.join(tmpdir(), 'dknews-check-'));
  const store = new ContentStore({
    source: diskSource(dir, { from: io.cwd }),
    dataDir: scratch,
    includeDrafts: true,
    logger: pino({ level: 'silent' }),
    now: () => EVERYTHING_PUBLISHED,
    // Every picture is read as the server reads it (format, size, weight); nothing is written.
    images: new MediaLibrary({ contentDir: dir }),
    priorClaim: server?.claimedOf,
    // Nobody reads this index while it grows, nor its bodies and search terms: loaded in bulk, lean.
    readWhileBuilding: false,
    lean: true,
  });
  try {
    let unpublished: Article[] = [];
    problems = await problemsOf(async () => {
      const index = await store.load();
      checked = store.lastReconcile?.parsed ?? 0;
      unpublished = index.unpublishedFiles(new Date());
      return [...index.problems];
    });
    if (unpublished.length) previews = await previewLines(io, unpublished);
  } catch (error) {
    io.stderr.write(`${message('unreadable', lang, { detail: describeError(error) })}\n`);
    return 2;
  } finally {
    store.close();
    server?.close();
    await rm(scratch, { recursive: true, force: true });
  }

  for (const problem of sortByPlace(problems)) io.stdout.write(`${problem.format(lang, { columns: true })}\n`);
  // Warnings are printed with the problems, but they alone do not fail the check.
  const errors = problems.filter((p) => !p.warning).length;
  const warnings = problems.length - errors;
  if (warnings) io.stdout.write(`${message('warnings_found', lang, { count: warnings })}\n`);
  if (previews.length) io.stdout.write(`${message('previews', lang, { count: previews.length })}\n${previews.join('\n')}\n`);
  io.stdout.write(`${errors ? message('problems_found', lang, { count: errors }) : message('no_problems', lang, { count: checked })}\n`);
  return errors ? 1 : 0;
}

/**
 * Each draft's (and each scheduled article's) secret preview address, as the server on the
 * same SITE_URL and DATA_DIR (or PREVIEW_SECRET) answers it: the file, then the address.
 */
async function previewLines(io: CliIo, articles: readonly Article[]): Promise<string[]> {
  const config = loadConfig(io.env);
  const secret = await previewSecret(path.resolve(io.cwd, io.env.DATA_DIR ?? 'data'), config.previewSecret);
  return articles.map((a) => `${a.file}  ${config.siteUrl}${previewPath(secret, a.lang, a.slug)}`);
}

/** The index's problems, or those of a broken site.yml, authors.yml or topics.yml. */
async function problemsOf(build: () => Promise<ContentError[]>): Promise<ContentError[]> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof ContentLoadError) return error.problems;
    throw error;
  }
}

/** By file, then line and column, so that an editor can go down the list file by file. */
function sortByPlace(problems: ContentError[]): ContentError[] {
  const order = (a: ContentError, b: ContentError) =>
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
  return [...problems].sort(order);
}

function usageError(io: CliIo, lang: EditorLang, text: string): number {
  io.stderr.write(`${text}\n${usage(CHECK_SPEC, lang).split('\n')[0]}\n`);
  return 2;
}

