import type { z } from 'zod';
import { ContentError } from '../problems/errors.js';
import type { YamlSource } from './frontmatter.js';
import type { ProblemCode } from '../problems/messages.js';
import { nearest } from './nearest.js';

/**
 * Checks parsed YAML against a zod schema and turns every issue into a ContentError that
 * points at the field's line. All issues are reported, not just the first.
 */
export function validate<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
  file: string,
): { value?: z.output<T>; problems: ContentError[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) => toProblems(issue, source, file, schema));
  return { problems };
}

function toProblems(issue: z.core.$ZodIssue, source: YamlSource, file: string, schema: z.ZodType): ContentError[] {
  const path = issue.path;
  const field = path.map(String).join('.');
  const at = source.locate(path);
  const problem = (code: ProblemCode, params: Record<string, string | number> = {}, fieldName = field) =>
    new ContentError({ file, line: at.line, field: fieldName, code, params, column: at.column });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsAt(schema, path);
      return issue.keys.map((key) => {
        const where = source.locate([...path, key]);
        const name = [...path.map(String), key].join('.');
        const params = { field: key, known: known.join(', '), suggestion: nearest(key, known) ?? '' };
        return new ContentError({ file, line: where.line, field: name, code: 'unknown_field', params, column: where.column });
      });
    }
    case 'invalid_type': {
      const input = valueAt(source.data, path);
      if (input === undefined || input === null) return [problem(field === 'image.alt' ? 'image_alt_required' : 'required')];
      if (issue.expected === 'object' && path.length === 0) return [problem('not_a_map')];
      if (field === 'image' && typeof input === 'string') return [problem('image_not_map', { src: input })];
      if ((issue.expected === 'number' || issue.expected === 'int') && typeof input === 'string') return [problem('expected_whole_number', { value: input })];
      if (issue.expected === 'boolean' && typeof input === 'string') return [problem('expected_boolean', { value: input })];
      if (issue.expected === 'array' && typeof input === 'string') return [problem('expected_list')];
      // A number or true where text is wanted was most likely meant as text: show it quoted.
      const quote = issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? `${String(path.at(-1))}: "${String(input)}"` : '';
      return [problem('wrong_type', { field, type: issue.expected, value: JSON.stringify(input instanceof Date ? input.toISOString() : input), quote })];
    }
    case 'too_small':
      if (issue.origin === 'array') return [problem('empty_list')];
      if (issue.origin === 'string') return [problem(field === 'image.alt' ? 'image_alt_required' : 'expected_text')];
      return [problem('expected_whole_number', { value: show(valueAt(source.data, path)) })];
    case 'invalid_format':
      if (issue.format === 'regex') return [problem('bad_id', { value: show(valueAt(source.data, path)) })];
      return [problem('invalid_value', { detail: issue.message })];
    case 'invalid_key':
      return [problem('bad_id', { value: String(path.at(-1) ?? '') })];
    case 'invalid_union': {
      // A field that takes one text or a text per language: the editor meant the form whose
      // shape the value has (a map: the texts per language), else the simplest, the first.
      const fitting = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? issue.errors[0] ?? [];
      return fitting.flatMap((inner) => toProblems({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, source, file, schema));
    }
    default:
      return [problem('invalid_value', { detail: issue.message })];
  }
}

/** The field names the schema allows at a path, to suggest the one an editor misspelt. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: Def | undefined = unwrap(schema as unknown as Def);
  for (const key of path) {
    if (node?.shape) node = unwrap(node.shape[String(key)]);
    else if (node?.def.type === 'record') node = unwrap(node.def.valueType);
    else return [];
  }
  return node?.shape ? Object.keys(node.shape) : [];
}

interface Def {
  shape?: Record<string, Def>;
  def: { type: string; innerType?: Def; out?: Def; valueType?: Def; options?: Def[] };
}

/** The schema under optional, default and pipe wrappers; of a union, its form with fields (a text per language). */
function unwrap(node: Def | undefined): Def | undefined {
  while (node && (node.def.innerType || node.def.out)) node = node.def.innerType ?? node.def.out;
  if (node?.def.type === 'union') return node.def.options?.map(unwrap).find((option) => option?.shape) ?? node;
  return node;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}
