import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.js';
import { answerHelpOrMisuse, parseCommandLine, usage, type CommandSpec } from './args.js';
import { describeError } from './describe-error.js';
import type { CliIo } from './io.js';
import { message, perLang } from './messages.js';

export const GENERATE_SPEC: CommandSpec = {
  command: 'npm run generate',
  summary: perLang('generate_summary'),
  options: {
    count: { type: 'string', value: { ru: 'ЧИСЛО', kk: 'САН', en: 'N' }, describe: perLang('opt_generate_count') },
    out: { type: 'string', value: perLang('folder'), describe: perLang('opt_generate_out') },
    seed: { type: 'string', value: { ru: 'ЧИСЛО', kk: 'САН', en: 'N' }, describe: perLang('opt_generate_seed') },
    reuse: { type: 'boolean', describe: perLang('opt_generate_reuse') },
  },
};

interface Generated {
  out: string;
  count: number;
  reused?: boolean;
  ms: number;
  bytes: number;
  authors: number;
  files: { ru: number; kk: number; en: number };
}

/**
 * `npm run generate`: the generated archive the benchmarks measure (scripts/generate-content.mjs
 * writes it), behind the team's one argument parser. Returns the exit code: 0 written, 1 failed,
 * 2 misused.
 * @example await runGenerate(['--count', '100', '--out', '/tmp/dknews-100'], processIo()) // 0
 */
export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, GENERATE_SPEC);
  if (parsed.kind !== 'run') return answerHelpOrMisuse(parsed, io);
  const { lang } = parsed;
  const values = parsed.values as { count?: string; out?: string; seed?: string; reuse?: boolean };
  const numbers: Record<'count' | 'seed', number> = { count: 10_000, seed: 1 };
  for (const option of ['count', 'seed'] as const) {
    const given = values[option];
    if (given === undefined) continue;
    const n = Number(given);
    if (!/^-?\d+$/.test(given) || (option === 'count' && n < 1)) {
      io.stderr.write(`${message('generate_bad_number', lang, { option, value: given })}\n${usage(GENERATE_SPEC, lang).split('\n')[0]}\n`);
      return 2;
    }
    numbers[option] = n;
  }
  const out = values.out === undefined ? path.join(os.tmpdir(), `dknews-${numbers.count}`) : path.resolve(io.cwd, values.out);
  try {
    const script = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/generate-content.mjs')).href;
    const { generateContent } = (await import(script)) as { generateContent: (o: { count: number; out: string; seed: number; reuse: boolean }) => Generated };
    const r = generateContent({ count: numbers.count, out, seed: numbers.seed, reuse: values.reuse ?? false });
    io.stdout.write(`${message('generate_done', lang, {
      reused: r.reused ? 1 : 0, out: r.out, count: r.count, total: r.files.ru + r.files.kk + r.files.en, ru: r.files.ru, kk: r.files.kk, en: r.files.en,
      mb: (r.bytes / 1e6).toFixed(1), authors: r.authors, seconds: (r.ms / 1000).toFixed(1),
    })}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`${message('generate_failed', lang, { detail: describeError(error) })}\n`);
    return 1;
  }
}
