import { SaxesParser, type SaxesTagNS } from 'saxes';
import { withHtmlEntities } from './html-entities.js';

/** One element of a record: its local name, namespace, attributes, text and children. */
export interface XmlNode {
  name: string;
  ns: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** A record: an element directly inside the document's container (rss/channel, feed, urlset). */
export interface XmlRecord extends XmlNode {
  /** The line of the file where it starts. */
  line: number;
}

/** What was wrong with the bytes, said once per kind: every record that could be read was. */
export interface XmlTrouble {
  /** Characters XML forbids (control characters), dropped; with the line of the first few. */
  controlChars: { count: number; lines: number[] };
  /** Well-formedness errors the parser read past ("]]>" in text, an unknown entity…). */
  errors: { line: number; message: string }[];
  /** Set when the file ends inside an element: where, and the record cut off, if any. */
  truncated?: { line: number; record?: string };
  /** The document's root element and its namespaces, once seen. */
  root?: { name: string; ns: string; namespaces: Record<string, string>; attrs: Record<string, string> };
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 but the surrogates and U+FFFE/FFFF.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SAMPLE_LINES = 10;
const SAMPLE_ERRORS = 20;

/**
 * Reads an XML document as a stream of records: every element directly inside the container
 * (`rss > channel` for RSS and WXR, the root for Atom and sitemaps) is built as a small tree
 * when it closes and handed on, so memory holds one record at a time whatever the file's size.
 * Control characters are dropped before the parser sees them; errors it can read past are
 * kept in `trouble` and reading goes on; a file cut short yields every record before the cut.
 * @example for await (const r of xmlRecords(bytes, trouble)) if (r.name === 'item') …
 */
export async function* xmlRecords(chunks: AsyncIterable<string>, trouble: XmlTrouble): AsyncGenerator<XmlRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.ENTITIES = withHtmlEntities(parser.ENTITIES);
  const ready: XmlRecord[] = [];
  /** The open elements, outermost first; records start at the container's depth + 1. */
  const stack: { node: XmlNode; line: number }[] = [];
  let containerDepth = 1;
  let line = 1;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const node: XmlNode = { name: tag.local, ns: tag.uri, attrs: attributes(tag), text: '', children: [] };
    if (stack.length === 0) {
      trouble.root = { name: tag.local, ns: tag.uri, namespaces: { ...tag.ns }, attrs: node.attrs };
      // RSS keeps its items in <channel>; Atom and sitemaps right in the root.
      containerDepth = tag.local === 'rss' ? 2 : 1;
    }
    const parent = stack.at(-1);
    if (parent && stack.length > containerDepth) parent.node.children.push(node);
    stack.push({ node, line: parser.line });
  });
  parser.on('text', (text) => appendText(stack, containerDepth, text));
  parser.on('cdata', (text) => appendText(stack, containerDepth, text));
  parser.on('closetag', () => {
    const closed = stack.pop();
    if (closed && stack.length === containerDepth) ready.push({ ...closed.node, line: closed.line });
  });
  parser.on('error', (error) => {
    if (trouble.errors.length < SAMPLE_ERRORS) trouble.errors.push({ line: parser.line, message: error.message.replace(/^[^:]*:\d+:\d+: /, '') });
  });

  for await (const chunk of chunks) {
    const clean = chunk.replace(FORBIDDEN, (_, offset: number) => {
      trouble.controlChars.count++;
      if (trouble.controlChars.lines.length < SAMPLE_LINES) trouble.controlChars.lines.push(line + countLines(chunk, offset));
      return '';
    });
    line += countLines(chunk, chunk.length);
    parser.write(clean);
    while (ready.length) yield ready.shift()!;
  }
  if (stack.length) {
    const cut = stack[containerDepth]?.node;
    trouble.truncated = { line: parser.line, record: cut && recordLabel(cut) };
  }
  try {
    parser.close();
  } catch {
    // Closing a cut document reports the unclosed elements: already said as `truncated`.
  }
  while (ready.length) yield ready.shift()!;
}

function appendText(stack: { node: XmlNode }[], containerDepth: number, text: string): void {
  // Text between records (indentation) belongs to nothing worth keeping.
  if (stack.length > containerDepth) stack.at(-1)!.node.text += text;
}

function attributes(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) out[attr.local] = attr.value;
  return out;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** What names a record that was cut off: its title if it got that far. */
function recordLabel(node: XmlNode): string {
  const title = node.children.find((c) => c.name === 'title')?.text.trim();
  return title ? `«${title}»` : `<${node.name}>`;
}

/** The first child with this local name (and namespace test, if given). */
export function child(node: XmlNode, name: string, ns?: (uri: string) => boolean): XmlNode | undefined {
  return node.children.find((c) => c.name === name && (!ns || ns(c.ns)));
}

/** The trimmed text of the first such child, or '' when there is none. */
export function textOf(node: XmlNode, name: string, ns?: (uri: string) => boolean): string {
  return child(node, name, ns)?.text.trim() ?? '';
}

export function emptyTrouble(): XmlTrouble {
  return { controlChars: { count: 0, lines: [] }, errors: [] };
}
