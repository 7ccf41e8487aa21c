import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { CONTROL_SIGNAL, readStatus, requestReindex, running, serverPid, type ReindexStatus } from '../control.js';
import { MediaLibrary } from '../media/library.js';
import type { EditorLang } from '../problems/messages.js';
import { diskSource } from '../sync/load.js';
import { ContentStore } from '../sync/store.js';
import { describeError } from './describe-error.js';
import { loadCliConfig, type CliIo } from './io.js';
import { message, perLang, type CommandCode } from './messages.js';
import { answerHelpOrMisuse, parseCommandLine, usage, type CommandSpec } from './args.js';

export const REINDEX_SPEC: CommandSpec = {
  command: 'npm run reindex',
  summary: perLang('reindex_summary'),
  options: { offline: { type: 'boolean', describe: perLang('opt_reindex_offline') } },
};

/** How often the status file is read. */
const POLL_MS = 250;
/** How long a server may take to take the request in before the command gives up on it. */
const ANSWER_MS = 15_000;
/** Without a terminal, a progress line this often (a terminal gets one line kept up to date). */
const PLAIN_LINE_MS = 5000;

/**
 * `npm run reindex`: makes the server of this DATA_DIR (found through its pid file, see
 * control.ts) build a fresh index beside the serving one and switch to it when it is complete,
 * showing the progress, and exits 0 at the switch. With no server running it says so and exits
 * 1, or with --offline builds the index itself, for the next start to serve at once. Exit
 * codes: 0 done, 1 not done (no server, the build failed, the server went), 2 misuse.
 * @example await runReindex([], processIo()) // 0
 */
export async function runReindex(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, REINDEX_SPEC);
  if (parsed.kind !== 'run') return answerHelpOrMisuse(parsed, io);
  const { lang } = parsed;
  const options = parsed.values as { offline?: boolean };
  const config = loadCliConfig(io, lang);
  if (!config) return 2;
  const dir = config.dataDir;
  const say = (code: CommandCode, params: Record<string, string | number> = {}) => io.stdout.write(`${message(code, lang, params)}\n`);
  const pid = serverPid(dir);
  const progress = new Progress(io, lang);

  if (options.offline) {
    if (pid !== undefined) return usageError(io, lang, 'server_running', { dir, pid });
    say('reindex_offline', { dir });
    const logger = pino({ level: 'silent' });
    const store = new ContentStore({
      source: diskSource(config.contentDir),
      dataDir: dir,
      includeDrafts: false,
      logger,
      // The pictures' facts as the server reads them, from the same DATA_DIR: the rows come out the same.
      images: new MediaLibrary({ contentDir: config.contentDir, dataDir: dir, logger }),
      onBuild: (status) => progress.show(status),
      // Nobody reads it before it is complete: the next start serves it whole.
      readWhileBuilding: false,
    });
    const started = Date.now();
    try {
      await store.start();
      await store.rebuild('npm run reindex -- --offline');
      await store.settled();
      const files = store.lastReconcile?.parsed ?? 0;
      progress.end();
      say('reindex_offline_done', { files: number(files, lang), count: files, seconds: seconds(Date.now() - started) });
      return 0;
    } catch (error) {
      progress.end();
      io.stderr.write(`${message('reindex_failed', lang, { detail: describeError(error) })}\n`);
      return 1;
    } finally {
      store.close();
    }
  }

  if (pid === undefined) {
    io.stderr.write(`${message('no_server', lang, { dir })}\n`);
    return 1;
  }
  const id = requestReindex(dir);
  process.kill(pid, CONTROL_SIGNAL);
  say('reindex_asked', { pid });
  const asked = Date.now();
  for (;;) {
    await sleep(POLL_MS);
    const status = readStatus(dir);
    const mine = status?.requests.includes(id) ? status : undefined;
    if (mine?.state === 'switched') {
      progress.end();
      say('reindex_done', { files: number(mine.files, lang), count: mine.files, seconds: seconds(mine.at - mine.startedAt) });
      return 0;
    }
    if (mine?.state === 'failed') {
      progress.end();
      io.stderr.write(`${message('reindex_failed', lang, { detail: mine.error ?? '' })}\n`);
      return 1;
    }
    if (!running(pid)) {
      progress.end();
      io.stderr.write(`${message('reindex_server_gone', lang, { pid })}\n`);
      return 1;
    }
    if (mine) progress.show(mine);
    else if (Date.now() - asked > ANSWER_MS) {
      io.stderr.write(`${message('reindex_no_answer', lang, { pid, seconds: ANSWER_MS / 1000, dir })}\n`);
      return 1;
    }
  }
}

/** A build's progress: one line kept up to date on a terminal, a plain line every few seconds otherwise. */
class Progress {
  readonly #io: CliIo;
  readonly #lang: EditorLang;
  readonly #tty: boolean;
  #shown = false;
  #lastLine = 0;

  constructor(io: CliIo, lang: EditorLang) {
    this.#io = io;
    this.#lang = lang;
    this.#tty = io.stdout.isTTY === true;
  }

  show(status: Pick<ReindexStatus, 'state' | 'files' | 'total' | 'startedAt'>): void {
    if (status.state !== 'building') return;
    const now = Date.now();
    if (!this.#tty && now - this.#lastLine < PLAIN_LINE_MS) return;
    this.#lastLine = now;
    const line = progressLine(status, now, this.#lang);
    if (this.#tty) this.#io.stdout.write(`\r${line}\x1b[K`);
    else this.#io.stdout.write(`${line}\n`);
    this.#shown = true;
  }

  /** Ends a terminal's progress line, so what follows starts on a line of its own. */
  end(): void {
    if (this.#tty && this.#shown) this.#io.stdout.write('\n');
    this.#shown = false;
  }
}

/** Files indexed of how many, the rate since the build began, and the time left at that rate. */
export function progressLine(status: Pick<ReindexStatus, 'files' | 'total' | 'startedAt'>, now: number, lang: EditorLang): string {
  if (status.total === 0) return message('reindex_starting', lang);
  const elapsed = Math.max(1, now - status.startedAt) / 1000;
  const rate = status.files / elapsed;
  const left = rate > 0 ? Math.max(0, status.total - status.files) / rate : undefined;
  const whole = left === undefined ? undefined : Math.round(left);
  const leftText =
    whole === undefined
      ? message('left_unknown', lang)
      : whole >= 60
        ? message('left_minutes', lang, { minutes: Math.floor(whole / 60), seconds: whole % 60 })
        : message('left_seconds', lang, { seconds: whole });
  return message('reindex_progress', lang, { files: number(status.files, lang), total: number(status.total, lang), count: status.total, rate: number(Math.round(rate), lang), left: leftText });
}

function number(value: number, lang: EditorLang): string {
  return value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function usageError(io: CliIo, lang: EditorLang, code: CommandCode, params: Record<string, string | number>): number {
  io.stderr.write(`${message(code, lang, params)}\n${usage(REINDEX_SPEC, lang).split('\n')[0]}\n`);
  return 2;
}
