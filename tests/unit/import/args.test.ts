import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CommandSpec } from '../../../src/cli/args.js';
import { runImportCommand } from '../../../src/cli/import.js';

const spec: CommandSpec = {
  command: 'npm run demo',
  positionals: { name: { ru: 'ФАЙЛ', kk: 'ФАЙЛ', en: 'FILE' }, min: 1, max: 1 },
  summary: { ru: 'Делает дело.', kk: 'Істі істейді.', en: 'Does the thing.' },
  options: {
    limit: { type: 'string', value: { ru: 'N', kk: 'N', en: 'N' }, describe: { ru: 'не больше N', kk: 'N-нан аспай', en: 'at most N' } },
    'dry-run': { type: 'boolean', describe: { ru: 'ничего не писать', kk: 'ештеңе жазбау', en: 'write nothing' } },
  },
};

describe('the one argument parser', () => {
  it('prints the usage in Russian on --help, in the language --lang asks for', () => {
    expect(parseCommandLine(['--help'], spec)).toEqual({
      kind: 'help',
      lang: 'ru',
      text: 'Использование: npm run demo -- ФАЙЛ [параметры]\n\nДелает дело.\n\nПараметры:\n  --limit N        не больше N\n  --dry-run        ничего не писать\n  --lang ru|kk|en  язык сообщений: ru, kk или en (по умолчанию ru)\n  -h, --help       эта справка',
    });
    expect(parseCommandLine(['-h', '--lang', 'kk'], spec)).toMatchObject({ kind: 'help', lang: 'kk', text: expect.stringMatching(/^Қолданылуы: npm run demo -- ФАЙЛ \[параметрлер\]\n\nІсті істейді\./) });
    expect(parseCommandLine(['--lang=en', '--help'], spec)).toMatchObject({ kind: 'help', lang: 'en', text: expect.stringMatching(/^Usage: npm run demo -- FILE \[options\]/) });
  });

  it('names an unknown option, a missing value, a value given to a switch, an extra or a missing argument', () => {
    const misuse = (argv: string[]) => parseCommandLine(argv, spec);
    expect(misuse(['a.xml', '--limt', '3'])).toEqual({ kind: 'misuse', lang: 'ru', text: 'Неизвестный параметр «--limt».\nСправка: npm run demo -- --help' });
    expect(misuse(['a.xml', '--limit'])).toMatchObject({ text: 'Параметру «--limit» нужно значение.\nСправка: npm run demo -- --help' });
    expect(misuse(['a.xml', '--dry-run=yes'])).toMatchObject({ text: 'Параметр «--dry-run» пишется без значения.\nСправка: npm run demo -- --help' });
    expect(misuse(['a.xml', 'b.xml'])).toMatchObject({ text: 'Лишний аргумент «b.xml».\nСправка: npm run demo -- --help' });
    expect(misuse([])).toMatchObject({ text: 'Не указан ФАЙЛ.\nСправка: npm run demo -- --help' });
    expect(misuse(['--lang', 'de'])).toMatchObject({ lang: 'ru', text: expect.stringContaining('--lang «de»: сообщения бывают на ru, kk или en.') });
    expect(misuse(['--bad', '--lang', 'en'])).toMatchObject({ lang: 'en', text: 'Unknown option "--bad".\nHelp: npm run demo -- --help' });
  });

  it('reads values and switches', () => {
    expect(parseCommandLine(['a.xml', '--limit', '5', '--dry-run'], spec)).toEqual({ kind: 'run', lang: 'ru', values: { limit: '5', 'dry-run': true }, positionals: ['a.xml'] });
  });
});

describe('npm run import\'s command line', () => {
  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runImportCommand(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: process.cwd(), env: {} });
    return { code, stdout, stderr };
  };

  it('exits 0 with its usage on --help, and 2 with the reason on misuse', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Использование: npm run import -- ИСТОЧНИК \[параметры\]\n/);
    expect(help.stdout).toContain('  --uploads папка');
    expect(await run(['x.xml', '--limit', 'many'])).toEqual({ code: 2, stdout: '', stderr: '--limit «many»: нужно целое число больше нуля.\n' });
    expect(await run(['x.xml', '--timezone', 'Mars/Base'])).toEqual({ code: 2, stdout: '', stderr: '--timezone «Mars/Base»: такого часового пояса нет. Пример: Asia/Almaty, Europe/Moscow, UTC.\n' });
    expect(await run(['x.xml', '--content', 'no/such/folder'])).toEqual({ code: 2, stdout: '', stderr: 'Нет папки материалов «no/such/folder». Укажите её через --content или CONTENT_DIR.\n' });
  });
});
