/**
 * The front matter editors write almost always is a few `key: value` lines, a flow list
 * (`topics: [economy, politics]`) and one nested map (`image:` with its fields). Read here
 * directly, such text gives exactly what the yaml package gives (`doc.toJS()`), at a tenth of
 * its cost: at 100,000 articles the full parser was the largest part of an index build.
 * Anything else — comments, quotes with escapes, block lists, anchors, tags, multi-line
 * values, a value that could be a float, a boolean or null, a repeated key — is not guessed
 * at: `undefined` is returned and the caller runs the yaml package, which also reports errors.
 */
export interface PlainYaml {
  data: Record<string, unknown>;
  /** 0-based line and column of each key, by its path joined with '\n' (`image\nsrc`). */
  keys: Map<string, { line: number; column: number }>;
}

const KEY_LINE = /^( *)([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** What a plain scalar may not start with (YAML's indicators, and a quote or a space). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
/** Keys YAML would read as something other than a string. */
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|y|n)$/;
const INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** A date or a moment: no number of YAML's core schema looks like it, so it stays a string. */
const MOMENT = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?$/;
const NOT_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar's value, or undefined when it is not certain to be read this way. */
function plain(text: string, flow: boolean): string | number | undefined {
  if (!text || INDICATOR.test(text) || /\s$/.test(text) || text.endsWith(':')) return undefined;
  if (text.includes(': ') || text.includes(' #') || text.includes('\t') || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return undefined;
  if (flow && /[[\]{},:]/.test(text)) return undefined;
  if (NOT_STRING.test(text)) return undefined;
  if (/^[-+.0-9]/.test(text)) {
    if (INT.test(text)) return Number(text);
    // No number of YAML's core schema has a character besides these (1e3, 0x1F, 0o17, -.5).
    return MOMENT.test(text) || /[^0-9A-Za-z.+-]/.test(text) ? text : undefined;
  }
  return text;
}

/** A value after `key: `: a quoted string, a flow list of plain words, or a plain scalar. */
function value(text: string): unknown {
  if (text.startsWith('"')) {
    const m = /^"([^"\\\u0000-\u001f]*)"$/.exec(text);
    return m ? m[1] : undefined;
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^'\u0000-\u001f]|'')*)'$/.exec(text);
    return m ? m[1]!.replace(/''/g, "'") : undefined;
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return undefined;
    const inner = text.slice(1, -1).trim();
    if (!inner) return [];
    const items = inner.split(',').map((item) => plain(item.trim(), true));
    return items.some((item) => item === undefined) ? undefined : items;
  }
  return plain(text, false);
}

/**
 * Reads front matter of the simple shapes above; undefined for anything else.
 * @example readPlainYaml('title: Новость\nviews: 5')?.data // { title: 'Новость', views: 5 }
 */
export function readPlainYaml(text: string): PlainYaml | undefined {
  if (text.includes('\r')) return undefined;
  const data: Record<string, unknown> = {};
  const keys = new Map<string, { line: number; column: number }>();
  /** The map an indented line belongs to: the last key without a value, and its children's indent. */
  let open: { map: Record<string, unknown>; name: string; indent: number } | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      if (line) return undefined;
      continue;
    }
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const indent = m[1]!.length;
    const key = m[2]!;
    const rest = m[3];
    if (NOT_STRING_KEY.test(key)) return undefined;
    let target = data;
    let path = key;
    if (indent > 0) {
      if (!open || (open.indent !== 0 && open.indent !== indent)) return undefined;
      open.indent = indent;
      target = open.map;
      path = `${open.name}\n${key}`;
    } else {
      if (open && open.indent === 0) return undefined; // a key with no value and no children: null, left to yaml
      open = undefined;
    }
    if (Object.hasOwn(target, key)) return undefined;
    keys.set(path, { line: i, column: indent });
    if (rest === undefined || rest === '') {
      if (indent > 0) return undefined;
      const map: Record<string, unknown> = {};
      target[key] = map;
      open = { map, name: key, indent: 0 };
      continue;
    }
    const read = value(rest);
    if (read === undefined) return undefined;
    target[key] = read;
  }
  if (open && open.indent === 0) return undefined;
  return { data, keys };
}
