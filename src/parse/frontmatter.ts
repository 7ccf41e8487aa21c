import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { readPlainYaml } from './plain-yaml.js';

/** Where something is in a file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  /** The parsed value, or undefined when the YAML has errors. */
  data: unknown;
  /** YAML syntax errors with their positions in the whole file, the yaml package's code and the line's text. */
  errors: { position: Position; detail: string; code: string; lineText: string }[];
  /** Position of a field given by its path, e.g. ['image', 'alt']; its parent's when it is missing. */
  locate(path: readonly PropertyKey[]): Position;
}

/**
 * Parses YAML text that starts at `firstLine` of its file, keeping positions for every field.
 * @example parseYaml('title: x\n', 2).locate(['title']) // { line: 2, column: 1 }
 */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const simple = readPlainYaml(text);
  if (!simple) return parseFullYaml(text, firstLine);
  // Where a field is: its key's place when it has one; for anything else (a list's item, a
  // missing field) the yaml package answers, as it would have.
  let full: YamlSource | undefined;
  return {
    data: simple.data,
    errors: [],
    locate: (path) => {
      const key = simple.keys.get(path.map(String).join('\n'));
      if (key && path.length) return { line: key.line + firstLine, column: key.column + 1 };
      full ??= parseFullYaml(text, firstLine);
      return full.locate(path);
    },
  };
}

function parseFullYaml(text: string, firstLine: number): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const textLines = text.split(/\r?\n/);
  // One error per line: the yaml package often reports a broken line twice.
  const errors: YamlSource['errors'] = doc.errors
    .map((error) => {
      const position = at(error.pos[0]);
      return { position, detail: error.message.split('\n')[0] ?? error.code, code: error.code, lineText: textLines[position.line - firstLine] ?? '' };
    })
    .filter((error, i, all) => all.findIndex((other) => other.position.line === error.position.line) === i);
  if (!errors.length) errors.push(...silentTraps(doc, textLines, at, firstLine));
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    locate: (path) => at(offsetOf(doc, path)),
  };
}

/**
 * Values YAML reads without an error but not as the editor wrote them, told as errors so that
 * the editor gets the advice to quote them (yaml-hints.ts) instead of a wrong or empty field:
 * `title: #Казахстан2050` is a comment (the field is empty), `&слово` and `!слово` before a
 * value are an anchor and a tag (the first word is gone). Front matter and our data files use
 * none of these on purpose.
 */
function silentTraps(doc: Document, textLines: string[], at: (offset: number) => Position, firstLine: number): YamlSource['errors'] {
  const traps: YamlSource['errors'] = [];
  // `mark`: the text the trap starts with (an anchor's `&name`), pointed at rather than the value after it.
  const add = (offset: number, code: string, detail: string, mark?: string) => {
    const position = at(offset);
    if (traps.some((t) => t.position.line === position.line)) return;
    const lineText = textLines[position.line - firstLine] ?? '';
    const markAt = mark === undefined ? -1 : lineText.lastIndexOf(mark, position.column - 1);
    traps.push({ position: markAt === -1 ? position : { ...position, column: markAt + 1 }, detail, code, lineText });
  };
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range) return;
      const emptyValue = value === null || (isScalar(value) && value.value === null && !value.source);
      if (emptyValue && /^[ \t]*#/.test(lineAfterKey(textLines[at(key.range[0]).line - firstLine] ?? ''))) add(key.range[0], 'COMMENT_AS_VALUE', 'the value starts with #, which YAML reads as a comment');
    },
    Node(_, node) {
      if (!node.range) return;
      // `title: Цель #Казахстан2050`: a hashtag after a space starts a comment too (a comment meant as one has a space after #).
      if (isScalar(node) && node.type === 'PLAIN' && node.comment && /^\S/.test(node.comment) && at(node.range[0]).line === at(node.range[1]).line) {
        add(node.range[0], 'COMMENT_IN_VALUE', 'a # after a space starts a YAML comment');
      }
      if (node.anchor) add(node.range[0], 'ANCHOR_AS_VALUE', `&${node.anchor} is read as a YAML anchor`, `&${node.anchor}`);
      else if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) add(node.range[0], 'TAG_AS_VALUE', `${node.tag} is read as a YAML tag`, '!');
    },
  });
  return traps;
}

/** What follows `key:` on a line (`- key:` in a list too); '' when the line has no key. */
function lineAfterKey(line: string): string {
  return /^\s*(?:-\s+)?[^\s:#][^:#]*:(.*)$/.exec(line)?.[1] ?? '';
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

export interface SplitFile {
  /** The front matter text, without its fences; undefined when there is none. */
  frontMatter?: string;
  /** 1-based line of the first front-matter field. */
  frontMatterLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Set when the opening fence has no closing one. */
  unclosed?: boolean;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---\nfields\n---\nbody` into its parts, counting lines so problems can point into the file. */
export function splitFrontMatter(text: string): SplitFile {
  const source = text.replace(/^\uFEFF/, '');
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { frontMatterLine: 1, body: source, bodyLine: 1 };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) {
    return { frontMatterLine: 2, body: '', bodyLine: lines.length + 1, unclosed: true };
  }
  return {
    frontMatter: lines.slice(1, close).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** What stops a Markdown file before its fields can be read. */
export type FrontMatterProblem = 'not_utf8' | 'empty_file' | 'frontmatter_unclosed' | 'frontmatter_missing';

/**
 * The checks every Markdown file with front matter shares (articles and static pages): text,
 * not empty, front matter present and closed; then its parts.
 * @example const read = readFrontMatter(source.text); if ('problem' in read) report(read.problem)
 */
export function readFrontMatter(text: string | undefined): { problem: FrontMatterProblem } | { split: SplitFile & { frontMatter: string } } {
  if (text === undefined) return { problem: 'not_utf8' };
  if (!text.trim()) return { problem: 'empty_file' };
  const split = splitFrontMatter(text);
  if (split.unclosed) return { problem: 'frontmatter_unclosed' };
  if (split.frontMatter === undefined) return { problem: 'frontmatter_missing' };
  return { split: { ...split, frontMatter: split.frontMatter } };
}
