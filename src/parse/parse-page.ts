import { LANGS, type Lang } from '../i18n/languages.js';
import { ContentError } from '../problems/errors.js';
import type { ProblemCode } from '../problems/messages.js';
import { parseYaml, readFrontMatter } from './frontmatter.js';
import { renderBody } from './markdown.js';
import { PageFront } from './schema.js';
import { articleFileName } from './slug.js';
import type { SourceFile, StaticPage } from './types.js';
import { validate } from './validate.js';
import { yamlProblems } from './yaml-hints.js';
import { paths } from '../paths.js';
import { parseIsoDate } from './dates.js';

/** Paths under /{lang}/ that sections of the site own: no static page may take them. */
export const RESERVED_SLUGS = ['news', 'topics', 'authors', 'search', 'rss.xml'];

/**
 * Parses one static page (content/pages/about.ru.md): front matter against PageFront, the body
 * with the articles' Markdown pipeline. Pure, like parseArticle.
 */
export function parsePage(source: SourceFile): { page?: StaticPage; problems: ContentError[] } {
  const { file } = source;
  const fail = (code: ProblemCode, params = {}) => ({ problems: [new ContentError({ file, line: 1, code, params })] });
  const name = articleFileName(source.relativePath.replace(/^pages\//, ''));
  if (!name || source.relativePath.split('/').length !== 2) return fail('page_bad_filename', { name: source.relativePath.split('/').pop() ?? '' });
  if (RESERVED_SLUGS.includes(name.slug)) return fail('page_slug_reserved', { slug: name.slug, reserved: RESERVED_SLUGS.join(', ') });
  const read = readFrontMatter(source.text);
  if ('problem' in read) return fail(read.problem);
  const { split } = read;
  const yaml = parseYaml(split.frontMatter, split.frontMatterLine);
  if (yaml.errors.length) return { problems: yamlProblems(file, yaml.errors) };
  const { value: front, problems } = validate(PageFront, yaml, file);
  const updated = front?.updated === undefined ? undefined : parseIsoDate(front.updated);
  if (front?.updated !== undefined && !updated) {
    const at = yaml.locate(['updated']);
    problems.push(new ContentError({ file, line: at.line, column: at.column, field: 'updated', code: 'invalid_date', params: { value: front.updated } }));
  }
  front?.aliases.forEach((alias, i) => {
    if (alias.startsWith('/') && !alias.startsWith('//')) return;
    const { line, column } = yaml.locate(['aliases', i]);
    problems.push(new ContentError({ file, line, field: `aliases.${i}`, code: 'alias_bad', params: { value: alias }, column }));
  });
  const body = renderBody(split.body, name.lang);
  if (!body.text.trim()) problems.push(new ContentError({ file, line: split.bodyLine, field: 'body', code: 'empty_body' }));
  for (const link of body.badLinks) problems.push(new ContentError({ file, line: split.bodyLine + link.line - 1, field: 'body', code: 'unsafe_link', params: { href: link.href } }));
  for (const image of body.imagesWithoutAlt) problems.push(new ContentError({ file, line: split.bodyLine + image.line - 1, field: 'body', code: 'image_alt_missing' }));
  if (problems.length || !front) return { problems };
  return {
    problems,
    page: {
      slug: name.slug,
      lang: name.lang,
      file,
      title: front.title,
      description: front.description ?? body.firstParagraph,
      order: front.order,
      html: body.html,
      path: paths.page(name.lang, name.slug),
      ...(updated ? { changed: updated.getTime() } : source.modifiedMs === undefined ? {} : { changed: Math.floor(source.modifiedMs) }),
      aliases: front.aliases,
    },
  };
}

/** Every static page by slug and language, in the footer's order (order, then slug). */
export function buildPages(sources: readonly SourceFile[]): { pages: Record<Lang, Map<string, StaticPage>>; problems: ContentError[] } {
  const problems: ContentError[] = [];
  const parsed: StaticPage[] = [];
  for (const source of [...sources].sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1))) {
    const result = parsePage(source);
    problems.push(...result.problems);
    if (result.page) parsed.push(result.page);
  }
  parsed.sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const pages = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, StaticPage>()])) as Record<Lang, Map<string, StaticPage>>;
  for (const page of parsed) pages[page.lang].set(page.slug, page);
  return { pages, problems };
}
