import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml, readFrontMatter } from '../../src/parse/frontmatter.js';
import { readPlainYaml } from '../../src/parse/plain-yaml.js';

/** What the yaml package reads, as parseYaml read it before the plain path. */
const full = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS();

const READ_PLAINLY = [
  'title: Новость дня\nviews: 179\ndate: 2026-03-28T10:29',
  'title: Антикризисное предприятие «Илеметалл» — в Семее, 2026\nlead: C# и F#, языки\nauthor: askhat-omarov',
  'topics: [economy, regions, politics]\ntags: []\nlist: [ a ,b]',
  'image:\n  src: 2026/01/kazakhstan-jiangsu.png\n  alt: Иллюстрация к материалу\n  width: 1200\n  height: 675\nviews: 0',
  'image:\n    src: a.png\n    alt: x\n\nviews: 22222',
  'title: "В кавычках: всё #1"\nlead: \'It\'\'s here\'\nurl: https://dknews.kz/ru/news/x',
  'updated: 2026-03-28 17:47\nmoment: 2026-03-28T17:47:00+05:00\nday: 2026-03-28\nzulu: 2026-03-28T17:47Z',
  'a-b_c: NaN\nd: yes\ne: no\nf: 5%\ng: 100 тенге\nh: 12,5\ni: 1/2\nj: 2026/01/a.png\nk: 10:30\nl: 1_000',
];

const LEFT_TO_YAML = [
  'title: #Казахстан2050',
  'title: Цель #Казахстан2050',
  'title: &слово значение',
  'title: !слово значение',
  'title: *слово',
  'title: a: b',
  'title: x\ntitle: y',
  'image:\n  src: a\n  src: b',
  'views: 1.5',
  'views: 012',
  'views: +12',
  'views: .5',
  'views: 1e3',
  'views: 0x1F',
  'views: 0o17',
  'views: 1E3',
  'views: 12.',
  'views: 2026-03',
  'views: 1a',
  'views: 12345678901234567',
  'draft: true',
  'draft: False',
  'x: null',
  'x: ~',
  'x: .inf',
  'title:',
  'title:\nviews: 1',
  'topics:\n  - economy\n  - politics',
  'topics: [economy, [politics]]',
  'topics: [a, b,]',
  'topics: [a:b]',
  'topics: ["a", b]',
  'title: "escaped \\" quote"',
  'title: "unclosed',
  'title: multi\n  line',
  '# a comment\ntitle: x',
  'title: x # comment',
  'title: x\r\nviews: 1',
  'title:\tx',
  'title: x\t',
  'title: trailing ',
  '  title: indented',
  'image:\n  src: a\n    deeper: b',
  'image:\n  src: a\n alt: b',
  'null: x',
  'title: a:',
  'title: |\n  block',
  'title: >\n  folded',
  'title: - dash',
  'title: ? q',
  'title: {a: b}',
  'title: x\n---\nviews: 1',
  'title: x\n...',
  '%YAML 1.2\n---\ntitle: x',
  'title: a\u2028b',
];

describe('front matter of the usual shapes', () => {
  it.each(READ_PLAINLY)('is read without the yaml package, as the yaml package reads it: %j', (text) => {
    const plain = readPlainYaml(text);
    expect(plain).toBeDefined();
    expect(plain!.data).toEqual(full(text));
    expect(JSON.stringify(plain!.data)).toBe(JSON.stringify(full(text)));
  });

  it.each(LEFT_TO_YAML)('is left to the yaml package when it is anything else: %j', (text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('points at each field where the yaml package does, a list item or a missing field too', () => {
    const text = 'title: x\ntopics: [economy, politics]\nimage:\n  src: a.png\n  alt: b\nviews: 5';
    const plain = parseYaml(text, 2);
    const slow = parseYaml(`${text}\n# a comment keeps this one on the yaml package`, 2);
    for (const path of [['title'], ['topics'], ['topics', 1], ['image'], ['image', 'src'], ['image', 'alt'], ['image', 'width'], ['views'], ['lead'], []]) {
      expect(plain.locate(path)).toEqual(slow.locate(path));
    }
    expect(plain.data).toEqual(slow.data);
  });

  it('reads every front matter of the fixtures as the yaml package does', () => {
    let plainly = 0;
    for (const file of markdownFiles(join(import.meta.dirname, '../fixtures'))) {
      const read = readFrontMatter(readFileSync(file, 'utf8'));
      if ('problem' in read) continue;
      const text = read.split.frontMatter;
      const plain = readPlainYaml(text);
      if (!plain) continue;
      plainly += 1;
      expect(JSON.stringify(plain.data), file).toBe(JSON.stringify(full(text)));
      const doc = parseDocument(text, { uniqueKeys: true });
      expect(doc.errors, file).toEqual([]);
    }
    expect(plainly).toBeGreaterThan(10);
  });
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}
