import { ConfigError, loadConfig, type Config } from '../config.js';
import type { EditorLang } from '../problems/messages.js';
import { message } from './messages.js';

/** What a command-line tool may touch besides the content folder: tests pass their own. */
export interface CliIo {
  /** isTTY: a terminal, where a progress line is kept up to date rather than repeated. */
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** Where the editor ran the command: --dir and printed paths are relative to it. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The process's own streams; under npm, INIT_CWD is the folder npm was started in. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.env.INIT_CWD ?? process.cwd(), env: process.env };
}

/**
 * The configuration from the tool's environment, or undefined once what is wrong with it is said
 * on stderr in the editor's language (the tool then exits 2). Config's errors are English on their
 * first line and the editor's language below it.
 */
export function loadCliConfig(io: CliIo, lang: EditorLang): Config | undefined {
  try {
    return loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${message('bad_config', lang, { detail: lang === 'en' ? error.message : error.message.split('\n').slice(1).join('\n') })}\n`);
    return undefined;
  }
}
