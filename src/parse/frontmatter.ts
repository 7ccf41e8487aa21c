import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const textLines = text.split(/\r?\n/);
  // One error per line: the yaml package often reports a broken line twice.
  const errors = doc.errors
    .map((error) => {
      const position = at(error.pos[0]);
      return { position, detail: error.message.split('\n')[0] ?? error.code, code: error.code, lineText: textLines[position.line - firstLine] ?? '' };
    })
    .filter((error, i, all) => all.findIndex((other) => other.position.line === error.position.line) === i);
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    locate: (path) => at(offsetOf(doc, path)),
  };
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
