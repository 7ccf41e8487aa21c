import type { z } from 'zod';
import { ContentError } from './errors.js';
import { parseYaml, type YamlSource } from './frontmatter.js';
import { AuthorsFile, SiteFile, TopicsFile } from './schema.js';
import type { Person, Site, SourceFile, Topic } from './types.js';
import { validate } from './validate.js';

interface Parsed<T> {
  value?: T;
  problems: ContentError[];
  /** Where a field is in the file, for problems found after the schema. */
  locate?: YamlSource['locate'];
}

/** Reads one of the site's YAML files against its schema; a missing or broken file is a problem. */
function parseDataFile<S extends z.ZodType>(source: SourceFile | undefined, name: string, schema: S, root: string): Parsed<z.output<S>> {
  // A missing file is named where the editor must put it: content/site.yml, not site.yml.
  if (!source) return { problems: [new ContentError(`${root}/${name}`, 1, '', 'file_missing', { name })] };
  if (source.text === undefined) return { problems: [new ContentError(source.file, 1, '', 'not_utf8')] };
  if (!source.text.trim()) return { problems: [new ContentError(source.file, 1, '', 'empty_file')] };
  const yaml = parseYaml(source.text);
  if (yaml.errors.length) {
    return {
      problems: yaml.errors.map((e) => new ContentError(source.file, e.position.line, '', 'yaml_syntax', { detail: e.detail }, e.position.column)),
    };
  }
  return { ...validate(schema, yaml, source.file), locate: yaml.locate };
}

export function parseSite(source: SourceFile | undefined, root = 'content'): Parsed<Site> {
  return parseDataFile(source, 'site.yml', SiteFile, root);
}

/** Authors by id; a photo must be a file under media/ (`media` absent: not checked). */
export function parseAuthors(source: SourceFile | undefined, root = 'content', media?: { has(path: string): boolean }): Parsed<Person[]> {
  const { value, problems, locate } = parseDataFile(source, 'authors.yml', AuthorsFile, root);
  const authors = value && Object.entries(value).map(([id, a]) => ({ id, ...a, photo: a.photo?.replace(/^\/?media\//, '') }));
  for (const author of authors ?? []) {
    if (author.photo === undefined || !media || media.has(author.photo)) continue;
    const { line, column } = locate!([author.id, 'photo']);
    problems.push(new ContentError(source!.file, line, `${author.id}.photo`, 'image_missing', { src: author.photo }, column));
  }
  return { value: authors, problems };
}

/** Topics in the order of topics.yml: that order is the navigation's. */
export function parseTopics(source: SourceFile | undefined, root = 'content'): Parsed<Topic[]> {
  const { value, problems } = parseDataFile(source, 'topics.yml', TopicsFile, root);
  return { value: value && Object.entries(value).map(([id, t]) => ({ id, ...t })), problems };
}
