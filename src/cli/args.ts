import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { isLang, type Lang } from '../i18n/languages.js';

/**
 * The team's one argument parser: every command describes its options once, in the three
 * languages, and gets the same behaviour: `--help` (or `-h`) prints the usage in the reader's
 * language and exits 0; an unknown option, a missing value or a stray argument names itself and
 * exits 2. The reader's language is `--lang ru|kk|en` (Russian by default), as `check` and
 * `export` choose theirs, read before anything else so that even a mistake is told in it.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the usage line, per language: `--limit N`, `--content папка`. */
  value?: Record<Lang, string>;
  /** One line: what the option does. */
  describe: Record<Lang, string>;
}

export interface CommandSpec {
  /** `npm run import`: how the command is started. */
  command: string;
  /** The positional arguments in the usage line, per language: `ИСТОЧНИК`. */
  positionals?: { name: Record<Lang, string>; min: number; max: number };
  /** One or two sentences under the usage line. */
  summary: Record<Lang, string>;
  options: Record<string, OptionSpec>;
}

export type Parsed =
  | { kind: 'run'; lang: Lang; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { kind: 'help'; lang: Lang; text: string }
  | { kind: 'misuse'; lang: Lang; text: string };

const WORDS = {
  usage: { ru: 'Использование', kk: 'Қолданылуы', en: 'Usage' },
  options: { ru: 'Параметры', kk: 'Параметрлер', en: 'Options' },
  help: { ru: 'эта справка', kk: 'осы анықтама', en: 'this help' },
  lang: { ru: 'язык сообщений: ru, kk или en (по умолчанию ru)', kk: 'хабарламалар тілі: ru, kk немесе en (әдепкісі ru)', en: 'the language of messages: ru, kk or en (ru by default)' },
  unknown: { ru: 'Неизвестный параметр «%s».', kk: '«%s» деген параметр жоқ.', en: 'Unknown option "%s".' },
  needsValue: { ru: 'Параметру «%s» нужно значение.', kk: '«%s» параметріне мән керек.', en: 'The option "%s" needs a value.' },
  noValue: { ru: 'Параметр «%s» пишется без значения.', kk: '«%s» параметрі мәнсіз жазылады.', en: 'The option "%s" takes no value.' },
  tooMany: { ru: 'Лишний аргумент «%s».', kk: 'Артық аргумент: «%s».', en: 'An extra argument: "%s".' },
  missing: { ru: 'Не указан %s.', kk: '%s көрсетілмеген.', en: 'No %s given.' },
  badLang: { ru: '--lang «%s»: сообщения бывают на ru, kk или en.', kk: '--lang «%s»: хабарламалар ru, kk немесе en тілінде болады.', en: '--lang "%s": messages are in ru, kk or en.' },
  seeHelp: { ru: 'Справка: %s -- --help', kk: 'Анықтама: %s -- --help', en: 'Help: %s -- --help' },
} satisfies Record<string, Record<Lang, string>>;

const fill = (template: string, value: string) => template.replace('%s', value);

/**
 * Reads a command's arguments against its spec.
 * @example parseCommandLine(['--help'], spec) // { kind: 'help', lang: 'ru', text: 'Использование: …' }
 */
export function parseCommandLine(argv: readonly string[], spec: CommandSpec): Parsed {
  const asked = languageAsked(argv);
  const lang: Lang = isLang(asked) ? asked : 'ru';
  const misuse = (text: string): Parsed => ({ kind: 'misuse', lang, text: `${text}\n${fill(WORDS.seeHelp[lang], spec.command)}` });
  if (asked !== undefined && !isLang(asked)) return misuse(fill(WORDS.badLang[lang], asked));
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', lang, text: usage(spec, lang) };

  const options: ParseArgsOptionsConfig = { lang: { type: 'string' } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    return misuse(explain(error as NodeJS.ErrnoException & { message: string }, lang));
  }
  const positionals = parsed.positionals;
  const limits = spec.positionals ?? { name: { ru: '', kk: '', en: '' }, min: 0, max: 0 };
  if (positionals.length > limits.max) return misuse(fill(WORDS.tooMany[lang], positionals[limits.max]!));
  if (positionals.length < limits.min) return misuse(fill(WORDS.missing[lang], limits.name[lang]));
  return { kind: 'run', lang, values: parsed.values as Record<string, string | boolean | undefined>, positionals };
}

/** The value of --lang wherever it stands (`--lang en`, `--lang=en`), before the arguments are read. */
function languageAsked(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') found = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  });
  return found;
}

/** node:util's error, said in the reader's words. */
function explain(error: { code?: string; message: string }, lang: Lang): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fill(WORDS.unknown[lang], option);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/.test(error.message) ? fill(WORDS.noValue[lang], option) : fill(WORDS.needsValue[lang], option);
  }
  return error.message;
}

/**
 * The usage text: the command line, the summary, then each option with its value and what it does.
 * @example usage(spec, 'en') // 'Usage: npm run import -- SOURCE [options]\n…'
 */
export function usage(spec: CommandSpec, lang: Lang): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value[lang]}` : ''}`,
    o.describe[lang],
  ]);
  rows.push(['--lang ru|kk|en', WORDS.lang[lang]], ['-h, --help', WORDS.help[lang]]);
  const width = Math.max(...rows.map(([left]) => left.length));
  const positional = spec.positionals ? ` ${spec.positionals.name[lang]}` : '';
  return [
    `${WORDS.usage[lang]}: ${spec.command} --${positional} [${WORDS.options[lang].toLowerCase()}]`,
    '',
    spec.summary[lang],
    '',
    `${WORDS.options[lang]}:`,
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ].join('\n');
}
