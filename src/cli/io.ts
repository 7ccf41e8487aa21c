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
