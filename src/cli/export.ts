import path from 'node:path';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../config.js';
import { ContentLoadError } from '../problems/errors.js';
import type { EditorLang } from '../problems/messages.js';
import { message, perLang, type CommandCode } from './messages.js';
import { answerHelpOrMisuse, parseCommandLine, usage, type CommandSpec } from './args.js';
import { ExportFailedInPlace, exportSite, ExportRefused } from '../export/export-site.js';
import { describeError } from './describe-error.js';
import { loadCliConfig, type CliIo } from './io.js';
import { isFolder } from './is-folder.js';

/** Where the export goes without --out, inside the project. */
const DEFAULT_OUT = 'dist/site';

export const EXPORT_SPEC: CommandSpec = {
  command: 'npm run export',
  summary: perLang('export_summary'),
  options: {
    out: { type: 'string', value: perLang('folder'), describe: perLang('opt_export_out') },
    'api-origin': { type: 'string', value: { ru: 'https://api.example.kz', kk: 'https://api.example.kz', en: 'https://api.example.kz' }, describe: perLang('opt_api_origin') },
  },
};

/**
 * `npm run export`: writes the whole site as static files (see export/export-site.ts) and
 * prints what it wrote. Returns the exit code: 0 done, 1 the export failed, 2 misuse (a bad
 * option or setting, an --out folder that is someone else's).
 * @example await runExport(['--out', '/srv/dknews', '--api-origin', 'https://api.dknews.kz'], processIo()) // 0
 */
export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, EXPORT_SPEC);
  if (parsed.kind !== 'run') return answerHelpOrMisuse(parsed, io);
  const { lang } = parsed;
  const options = parsed.values as { out?: string; 'api-origin'?: string };
  const apiOrigin = options['api-origin'] === undefined ? null : originOf(options['api-origin']);
  if (apiOrigin === undefined) return usageError(io, lang, 'bad_api_origin', { value: options['api-origin']! });

  const config = loadCliConfig(io, lang);
  if (!config) return 2;
  if (!(await isFolder(config.contentDir))) return usageError(io, lang, 'export_no_folder', { dir: io.env.CONTENT_DIR ?? 'content' });
  if (config.siteUrlIsLocal) io.stderr.write(`${message('site_url_default', lang, { url: config.siteUrl })}\n`);

  const outDir = options.out === undefined ? path.join(PROJECT_ROOT, DEFAULT_OUT) : path.resolve(io.cwd, options.out);
  const shown = options.out ?? DEFAULT_OUT;
  // Content problems and failures as JSON lines on stderr; the summary alone on stdout.
  const logger = pino({ level: io.env.LOG_LEVEL ? config.logLevel : 'warn' }, pino.destination(2));
  try {
    const summary = await exportSite({ config, logger, outDir, apiOrigin });
    const say = (code: CommandCode, params: Record<string, string | number> = {}) => io.stdout.write(`${message(code, lang, params)}\n`);
    say('done', {
      urls: summary.urls,
      dir: shown,
      seconds: (summary.ms / 1000).toFixed(1),
      files: summary.files,
      size: size(summary.bytes),
      gzip: size(summary.gzipBytes),
      br: size(summary.brBytes),
    });
    say('export_written', { written: summary.written, kept: summary.files - summary.written, removed: summary.removed, inPlace: summary.inPlace ? 1 : 0 });
    say(apiOrigin ? 'api_origin' : 'no_api_origin', { origin: apiOrigin ?? '' });
    say('nginx', { file: path.join(shown, path.basename(summary.nginxConf)) });
    if (summary.problems) say('export_problems', { count: summary.problems });
    return 0;
  } catch (error) {
    if (error instanceof ExportRefused) return usageError(io, lang, error.code, { dir: shown });
    if (error instanceof ContentLoadError) {
      io.stderr.write(`${message('broken_site_files', lang, { detail: error.message })}\n`);
      return 1;
    }
    if (error instanceof ExportFailedInPlace) io.stderr.write(`${message('failed_in_place', lang, { detail: describeError(error.cause) })}\n`);
    else io.stderr.write(`${message('failed', lang, { detail: describeError(error) })}\n`);
    return 1;
  }
}

/** The origin an --api-origin names (https://api.dknews.kz), or undefined when it is not just an origin. */
function originOf(value: string): string | undefined {
  let url;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare = value.replace(/\/$/, '');
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === bare ? url.origin : undefined;
}

/** Bytes for people: 412 KB, 3.1 MB. */
function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function usageError(io: CliIo, lang: EditorLang, code: CommandCode, params: Record<string, string | number>): number {
  io.stderr.write(`${message(code, lang, params)}\n${usage(EXPORT_SPEC, lang).split('\n')[0]}\n`);
  return 2;
}
