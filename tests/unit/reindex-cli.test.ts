import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/reindex.js';

// What npm run reindex prints of a build's progress (the command itself is tested against a
// running server in tests/http/reindex.test.ts).
describe('npm run reindex’s progress line', () => {
  const startedAt = 1_000_000;

  it('says files indexed of how many, the rate so far and the time left at that rate', () => {
    const status = { files: 41_000, total: 166_594, startedAt };
    expect(progressLine(status, startedAt + 100_000, 'ru')).toBe('Проиндексировано 41\u00a0000 из 166\u00a0594 файлов · 410 в секунду · осталось около 5 мин 6 с');
    expect(progressLine(status, startedAt + 100_000, 'en')).toBe('Indexed 41,000 of 166,594 files · 410 a second · about 5 min 6 s left');
  });

  it('counts in seconds under a minute, and says when nothing is known yet', () => {
    expect(progressLine({ files: 900, total: 1000, startedAt }, startedAt + 9000, 'ru')).toBe('Проиндексировано 900 из 1\u00a0000 файлов · 100 в секунду · осталось около 1 с');
    expect(progressLine({ files: 0, total: 1000, startedAt }, startedAt + 2000, 'en')).toBe('Indexed 0 of 1,000 files · 0 a second · time left not known yet');
    expect(progressLine({ files: 0, total: 0, startedAt }, startedAt + 500, 'ru')).toBe('Составляется список файлов…');
  });
});
