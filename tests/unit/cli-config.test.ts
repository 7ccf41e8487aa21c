import { describe, expect, it } from 'vitest';
import { loadCliConfig, type CliIo } from '../../src/cli/io.js';

function io(env: Record<string, string | undefined>): CliIo & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: { write: () => true }, stderr: { write: (text: string) => err.push(text) }, cwd: '/tmp', env };
}

// What npm run export and npm run reindex do with a bad environment, before any work.
describe('a tool’s configuration', () => {
  it('is read from the tool’s environment', () => {
    expect(loadCliConfig(io({ PORT: '3701' }), 'ru')?.siteUrl).toBe('http://localhost:3701');
  });

  it('when wrong, is said in the editor’s language, naming the variable, and nothing is returned', () => {
    const ru = io({ PORT: 'три тысячи' });
    expect(loadCliConfig(ru, 'ru')).toBeUndefined();
    expect(ru.err.join('')).toMatch(/^Неверная настройка в окружении:\n.*PORT/);
    expect(ru.err.join('')).not.toMatch(/Invalid configuration/);
    const en = io({ PORT: 'три тысячи' });
    expect(loadCliConfig(en, 'en')).toBeUndefined();
    expect(en.err.join('')).toMatch(/^Invalid configuration in the environment:\n.*PORT/);
  });
});
