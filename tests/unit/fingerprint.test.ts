import { describe, expect, it } from 'vitest';
import { fingerprintOf, rowShapers, ROW_SHAPERS, type SourceTree } from '../../src/index/fingerprint.js';

// A fake project: a few modules under src/ (row shapers, what they import, and rooms no row
// depends on) and a package-lock.json with production and development packages. Each test
// changes one thing and asks whether the index would be rebuilt.

const MODULES: Record<string, string> = {
  'parse/parse-article': "import { typeset } from '../text/typography.js';\nimport MarkdownIt from 'markdown-it';\nimport type { Lang } from '../i18n/languages.js';\nimport { ContentError } from '../problems/errors.js';\nexport const parse = () => typeset(new MarkdownIt());\n",
  'parse/parse-data': "import { parse } from 'yaml';\nexport const data = parse;\n",
  'parse/parse-page': "export { parse as page } from './parse-article.js';\n",
  'parse/join-media': "import { facts } from './media-facts.js';\nexport const join = facts;\n",
  'parse/media-facts': 'export const facts = 1;\n',
  'index/writer': "import { pack } from './pack.js';\nimport type Database from 'better-sqlite3';\nexport const write = pack;\n",
  'index/schema': 'export const SCHEMA = "CREATE TABLE files (id INTEGER)";\n',
  'index/pack': "import { deflateRawSync } from 'node:zlib';\nexport const pack = deflateRawSync;\n",
  'index/doc-terms': "import { stem } from '@orama/stemmers/russian';\nexport const terms = stem;\n",
  'text/typography': 'export const typeset = (x) => x;\n',
  'i18n/languages': "export const LANGS = ['ru', 'kk', 'en'];\n",
  'problems/errors': "import { message } from './messages.js';\nexport class ContentError {}\n",
  'problems/messages': "export const message = () => 'Неизвестная тема';\n",
  'cli/messages': "export const usage = 'Использование: npm run check';\n",
  'render/article-page': "import { typeset } from '../text/typography.js';\nexport const page = typeset;\n",
};

const LOCK = {
  name: 'site',
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { 'markdown-it': '^14', yaml: '^2', '@orama/stemmers': '^3', express: '^5' }, devDependencies: { vitest: '^4' } },
    'node_modules/markdown-it': { version: '14.1.0', integrity: 'sha512-mdit', dependencies: { 'linkify-it': '^5', entities: '^4' } },
    'node_modules/linkify-it': { version: '5.0.0', integrity: 'sha512-linkify' },
    'node_modules/entities': { version: '4.5.0', integrity: 'sha512-entities-top' },
    'node_modules/markdown-it/node_modules/entities': { version: '3.0.0', integrity: 'sha512-entities-nested' },
    'node_modules/yaml': { version: '2.9.1', integrity: 'sha512-yaml' },
    'node_modules/@orama/stemmers': { version: '3.1.18', integrity: 'sha512-stemmers' },
    'node_modules/express': { version: '5.3.0', integrity: 'sha512-express' },
    'node_modules/vitest': { version: '4.1.12', integrity: 'sha512-vitest', dev: true },
  },
};

function tree(changes: { modules?: Record<string, string | undefined>; lock?: (lock: typeof LOCK) => void } = {}): SourceTree {
  const modules = { ...MODULES, ...changes.modules };
  const lock = structuredClone(LOCK);
  changes.lock?.(lock);
  return { module: (id) => modules[id], lock: JSON.stringify(lock) };
}

const BEFORE = fingerprintOf(tree());
const append = (id: string, text: string) => ({ modules: { [id]: `${MODULES[id]}${text}` } });

describe('the index fingerprint', () => {
  it('walks from the row shapers through their imports, leaving out type imports and problems/', () => {
    const { modules, packages } = rowShapers(tree());
    expect([...modules.keys()].sort()).toEqual([...ROW_SHAPERS, 'parse/media-facts', 'text/typography'].sort());
    expect([...packages].sort()).toEqual(['@orama/stemmers', 'markdown-it', 'yaml']);
  });

  describe('reuses the index when what changed shapes no row', () => {
    it.each([
      ['CLI wording', append('cli/messages', "export const more = 'Ещё';\n")],
      ['an editor’s message, worded when shown', append('problems/messages', "export const other = 'Другое';\n")],
      ['rendering', append('render/article-page', 'export const x = 2;\n')],
      ['a module only a type import names', append('i18n/languages', "export const DEFAULT = 'ru';\n")],
      ['a development dependency', { lock: (lock: typeof LOCK) => void (lock.packages['node_modules/vitest'] = { version: '4.2.0', integrity: 'sha512-vitest-2', dev: true }) }],
      ['a production dependency no row shaper imports', { lock: (lock: typeof LOCK) => void (lock.packages['node_modules/express'].version = '5.4.0') }],
      ['the project’s own version in the lock', { lock: (lock: typeof LOCK) => void Object.assign(lock, { version: '0.2.0' }) }],
    ])('%s', (_, change) => {
      expect(fingerprintOf(tree(change))).toBe(BEFORE);
    });
  });

  describe('rebuilds the index when what changed shapes a row', () => {
    it.each([
      ['the parser', append('parse/parse-article', 'export const y = 1;\n')],
      ['the index writer', append('index/writer', '// the row written otherwise\n')],
      ['the packed body format', append('index/pack', 'export const level = 9;\n')],
      ['the schema', append('index/schema', 'export const V = 5;\n')],
      ['the image facts joined to articles', append('parse/media-facts', 'export const more = 2;\n')],
      ['a text transform parsing uses', append('text/typography', 'export const nbsp = 1;\n')],
      ['a parsing library’s version', { lock: (lock: typeof LOCK) => void (lock.packages['node_modules/yaml'].version = '2.9.2') }],
      ['a library a parsing library depends on', { lock: (lock: typeof LOCK) => void (lock.packages['node_modules/linkify-it'].integrity = 'sha512-linkify-2') }],
      ['the nested copy Node resolves for it', { lock: (lock: typeof LOCK) => void (lock.packages['node_modules/markdown-it/node_modules/entities'].version = '3.0.1') }],
    ])('%s', (_, change) => {
      expect(fingerprintOf(tree(change))).not.toBe(BEFORE);
    });
  });

  it('ignores a top-level copy of a dependency that the parsing library resolves to a nested one', () => {
    expect(fingerprintOf(tree({ lock: (lock) => void (lock.packages['node_modules/entities'].version = '4.6.0') }))).toBe(BEFORE);
  });

  it('refuses to hash less than it should: a row shaper or an import not found throws, naming it', () => {
    expect(() => fingerprintOf(tree({ modules: { 'index/pack': undefined } }))).toThrow(/src\/index\/pack, named by the list of row shapers/);
    expect(() => fingerprintOf(tree({ modules: { 'text/typography': undefined } }))).toThrow(/src\/text\/typography, named by src\/parse\/parse-article/);
  });
});
