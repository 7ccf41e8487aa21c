import { ContentError } from '../problems/errors.js';
import type { Position } from './frontmatter.js';
import type { ProblemCode } from '../problems/messages.js';

/** A YAML syntax error as the yaml package reports it: its code, its message, the line it is on. */
export interface YamlError {
  /** The yaml package's code, e.g. BLOCK_AS_IMPLICIT_KEY. */
  code: string;
  detail: string;
  /** The text of the line the error is on. */
  lineText: string;
}

/**
 * Turns a YAML syntax error into a problem an editor can act on: the usual causes in front
 * matter (a colon or quotes inside a value, a tab as indentation, a value starting with a
 * character YAML reserves) each get their own message, with the editor's line written right.
 * @example explainYamlError({ code: 'BLOCK_AS_IMPLICIT_KEY', detail: '…', lineText: 'title: Токаев: реформы' })
 * // { code: 'yaml_colon', params: { fix: 'title: "Токаев: реформы"' } }
 */
export function explainYamlError(error: YamlError): { code: ProblemCode; params: Record<string, string> } {
  const field = /^\s*([^\s:#]+):\s+(.*)$/.exec(error.lineText);
  const key = field?.[1] ?? '';
  const value = field?.[2]?.trim() ?? '';
  if (error.code === 'TAB_AS_INDENT' || error.lineText.includes('\t')) return { code: 'yaml_tab', params: {} };
  if (error.code === 'DUPLICATE_KEY') return { code: 'yaml_duplicate', params: { field: /^\s*([^\s:]+):/.exec(error.lineText)?.[1] ?? '' } };
  if (field && value) {
    const fix = `${key}: ${quote(value)}`;
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || /:\s/.test(unquoted(value))) return { code: 'yaml_colon', params: { fix } };
    if (/^["']/.test(value) || /["']/.test(value.slice(1))) return { code: 'yaml_quotes', params: { fix } };
    if (/^[[\]{}&*!|>%@`#-]/.test(value)) return { code: 'yaml_special_start', params: { char: value[0]!, fix } };
  }
  return { code: 'yaml_syntax', params: { detail: error.detail } };
}

/** The value without quotes that wrap it whole. */
function unquoted(value: string): string {
  const first = value[0];
  if (first !== '"' && first !== "'") return value;
  return value.length > 1 && value.endsWith(first) ? value.slice(1, -1) : value.slice(1);
}

/**
 * The value in double quotes, as YAML reads it back: straight quotes inside become «ёлочки»
 * (the Russian quotes, which need no escaping), backslashes are doubled.
 * @example quote('Он сказал "да"') // '"Он сказал «да»"'
 */
export function quote(value: string): string {
  let open = true;
  const inner = unquoted(value)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, () => ((open = !open) ? '»' : '«'));
  return `"${inner}"`;
}

/** Every YAML syntax error of a file as a problem, explained. */
export function yamlProblems(file: string, errors: readonly (YamlError & { position: Position })[]): ContentError[] {
  return errors.map((error) => {
    const { code, params } = explainYamlError(error);
    // The field is named only when the hint is about its value: a generic error may come from a line above.
    const field = code === 'yaml_syntax' || code === 'yaml_tab' ? '' : (/^\s*([^\s:#]+):/.exec(error.lineText)?.[1] ?? '');
    return new ContentError({ file, line: error.position.line, field, code, params, column: error.position.column });
  });
}
