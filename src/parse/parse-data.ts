import type { z } from 'zod';
import { ContentError } from '../problems/errors.js';
import { parseYaml, type YamlSource } from './frontmatter.js';
import { LANGS } from '../i18n/languages.js';
import { AuthorsFile, SiteFile, TopicsFile, type Localized } from './schema.js';
import type { Person, Site, SourceFile, Topic } from './types.js';
import { validate } from './validate.js';
import { yamlProblems } from './yaml-hints.js';

interface Parsed<T> {
  value?: T;
  problems: ContentError[];
}

/** Reads one of the site's YAML files against its schema; a missing or broken file is a problem. */
function parseDataFile<S extends z.ZodType>(
  source: SourceFile | undefined,
  name: string,
  schema: S,
  root: string,
): Parsed<z.output<S>> & { yaml?: YamlSource } {
  // A missing file is named where the editor must put it: content/site.yml, not site.yml.
  if (!source) return { problems: [new ContentError({ file: `${root}/${name}`, line: 1, code: 'file_missing', params: { name } })] };
  if (source.text === undefined) return { problems: [new ContentError({ file: source.file, line: 1, code: 'not_utf8' })] };
  if (!source.text.trim()) return { problems: [new ContentError({ file: source.file, line: 1, code: 'empty_file' })] };
  const yaml = parseYaml(source.text);
  if (yaml.errors.length) {
    return { problems: yamlProblems(source.file, yaml.errors) };
  }
  return { ...validate(schema, yaml, source.file), yaml };
}

export function parseSite(source: SourceFile | undefined, root = 'content'): Parsed<Site> {
  return parseDataFile(source, 'site.yml', SiteFile, root);
}

/**
 * The authors, each role given per language. A role missing in a language falls back to the
 * Russian one (else the first given) with a warning; one text alone is the Russian one. A photo
 * must be a file under media/.
 */
export function parseAuthors(source: SourceFile | undefined, root = 'content', media?: { has(path: string): boolean }): Parsed<Person[]> {
  const { value, problems, yaml } = parseDataFile(source, 'authors.yml', AuthorsFile, root);
  if (!value) return { problems };
  const people = Object.entries(value).map(([id, author]) => {
    const given: Partial<Localized> = typeof author.role === 'string' ? { ru: author.role } : author.role;
    const from = LANGS.find((lang) => given[lang] !== undefined);
    const role = Object.fromEntries(LANGS.map((lang) => [lang, given[lang] ?? given.ru ?? (from && given[from]) ?? ''])) as Localized;
    for (const lang of LANGS) {
      if (given[lang] !== undefined) continue;
      const at = yaml!.locate([id, 'role']);
      problems.push(new ContentError({ file: source!.file, line: at.line, field: `${id}.role.${lang}`, code: 'role_fallback', params: { id, lang, fallback: role[lang] }, column: at.column }));
    }
    // A photo must be a file under media/ (`media` absent: not checked).
    const photo = author.photo?.replace(/^\/?media\//, '');
    if (photo !== undefined && media && !media.has(photo)) {
      const at = yaml!.locate([id, 'photo']);
      problems.push(new ContentError({ file: source!.file, line: at.line, field: `${id}.photo`, code: 'image_missing', params: { src: photo }, column: at.column }));
    }
    return { id, name: author.name, role, photo, bio: author.bio, editorInChief: author.editorInChief };
  });
  return { value: people, problems };
}

/** Topics in the order of topics.yml: that order is the navigation's. */
export function parseTopics(source: SourceFile | undefined, root = 'content'): Parsed<Topic[]> {
  const { value, problems } = parseDataFile(source, 'topics.yml', TopicsFile, root);
  return { value: value && Object.entries(value).map(([id, t]) => ({ id, ...t })), problems };
}
