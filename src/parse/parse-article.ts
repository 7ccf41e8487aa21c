import { createHash } from 'node:crypto';
import { ContentError } from '../problems/errors.js';
import type { ProblemCode } from '../problems/messages.js';
import { parseYaml, readFrontMatter } from './frontmatter.js';
import { renderBody } from './markdown.js';
import { nearest } from './nearest.js';
import { ArticleFront } from './schema.js';
import { articleFileName } from './slug.js';
import { parseIsoDate } from './dates.js';
import { isoLocal } from '../i18n/format.js';
import type { Article, ArticleBody, SourceFile } from './types.js';
import { validate } from './validate.js';
import { yamlProblems } from './yaml-hints.js';
import { paths } from '../paths.js';
import { readMarks } from './article-marks.js';

/** What an article may refer to: checked here so that a bad reference names its own line. */
export interface ArticleContext {
  authors: readonly string[];
  topics: readonly string[];
  media: { has(path: string): boolean };
}

/** A link in an article body to a path of this site, with its line in the file. */
export interface SiteLink {
  href: string;
  line: number;
}

export interface ParsedArticle {
  article?: Article;
  /** The rendered body, set with the article. */
  body?: ArticleBody;
  /** The body's links to site paths, set with the article: build-index checks their targets. */
  siteLinks?: SiteLink[];
  /** The media files the body shows (under media/), set with the article. */
  media?: string[];
  /** The line of each of `media` in the file. */
  mediaLines?: number[];
  problems: ContentError[];
}

/**
 * Parses one article file: name, front matter, references, body. Pure: the file's text and
 * the context in, the article or every problem of the file out.
 */
export function parseArticle(source: SourceFile, context: ArticleContext): ParsedArticle {
  const { file } = source;
  const fail = (code: ProblemCode, params = {}, line = 1, field = '') => ({
    problems: [new ContentError({ file, line, field, code, params })],
  });

  const name = articleFileName(source.relativePath);
  if (!name) return fail('bad_filename', { name: source.relativePath.split('/').pop() ?? '' });
  const read = readFrontMatter(source.text);
  if ('problem' in read) return fail(read.problem);
  const { split } = read;

  const yaml = parseYaml(split.frontMatter, split.frontMatterLine);
  // With a YAML syntax error the fields are unknown; the body is still checked, so that every
  // problem of the file shows in one run.
  const { value: front, problems } = yaml.errors.length ? { value: undefined, problems: yamlProblems(file, yaml.errors) } : validate(ArticleFront, yaml, file);
  const at = (path: (string | number)[], code: ProblemCode, params: Record<string, string | number>) => {
    const { line, column } = yaml.locate(path);
    problems.push(new ContentError({ file, line, field: path.join('.'), code, params, column }));
  };
  // The checks below read the raw fields too, so that a file with a schema problem still gets
  // every other problem reported in the same run.
  const raw = (typeof yaml.data === 'object' && yaml.data !== null ? yaml.data : {}) as Record<string, unknown>;
  const reported = new Set(problems.map((p) => p.field.split('.')[0]));
  const fresh = (field: string) => !reported.has(field);

  const dateText = typeof raw.date === 'string' ? raw.date : undefined;
  const updatedText = typeof raw.updated === 'string' ? raw.updated : undefined;
  const date = dateText === undefined ? undefined : parseIsoDate(dateText);
  const updated = updatedText === undefined ? undefined : parseIsoDate(updatedText);
  if (dateText !== undefined && !date && fresh('date')) at(['date'], 'invalid_date', { value: dateText });
  if (updatedText !== undefined && !updated && fresh('updated')) at(['updated'], 'invalid_date', { value: updatedText });
  if (date && updated && updated < date) at(['updated'], 'updated_before_date', { updated: updatedText!, date: dateText! });

  if (typeof raw.author === 'string' && fresh('author') && !context.authors.includes(raw.author)) {
    at(['author'], 'unknown_author', { id: raw.author, known: context.authors.join(', '), suggestion: nearest(raw.author, context.authors) ?? '' });
  }
  const topics = typeof raw.topics === 'string' ? [raw.topics] : Array.isArray(raw.topics) ? raw.topics : [];
  topics.forEach((topic, i) => {
    if (typeof topic === 'string' && !context.topics.includes(topic)) {
      const path = typeof raw.topics === 'string' ? ['topics'] : ['topics', i];
      at(path, 'unknown_topic', { id: topic, known: context.topics.join(', '), suggestion: nearest(topic, context.topics) ?? '' });
    }
  });
  const image = raw.image as Record<string, unknown> | undefined;
  const imageSrc = typeof image?.src === 'string' ? image.src.replace(/^\/?media\//, '') : undefined;
  if (imageSrc !== undefined) {
    if (isExternal(imageSrc)) {
      at(['image', 'src'], 'image_external', { src: image!.src as string });
    } else if (imageSrc.split('/').some((part) => part === '..' || part.startsWith('.')) || imageSrc.startsWith('/') || /^[a-z]+:/i.test(imageSrc)) {
      at(['image', 'src'], 'image_bad_src', { src: image!.src as string });
    } else if (!context.media.has(imageSrc)) {
      at(['image', 'src'], 'image_missing', { src: imageSrc });
    }
  }
  front?.aliases.forEach((alias, i) => {
    if (!alias.startsWith('/') || alias.startsWith('//')) at(['aliases', i], 'alias_bad', { value: alias });
  });

  const marks = readMarks(raw, date, (path, code, params = {}) => at(path, code, params), fresh);
  const body = renderBody(split.body, name.lang, { live: raw.live === undefined ? undefined : { start: date }, sponsored: marks.sponsored !== undefined });
  for (const bad of body.live?.badTimes ?? []) problems.push(new ContentError({ file, line: split.bodyLine + bad.line - 1, field: 'body', code: 'live_update_time', params: { value: bad.value } }));
  for (const wrong of body.live?.outOfOrder ?? []) {
    problems.push(new ContentError({ file, line: split.bodyLine + wrong.line - 1, field: 'body', code: 'live_update_order', params: { at: isoLocal(wrong.at).slice(0, 16).replace('T', ' '), later: isoLocal(wrong.later).slice(0, 16).replace('T', ' ') } }));
  }
  if (!body.text.trim()) problems.push(new ContentError({ file, line: split.bodyLine, field: 'body', code: 'empty_body' }));
  for (const link of body.badLinks) problems.push(new ContentError({ file, line: split.bodyLine + link.line - 1, field: 'body', code: 'unsafe_link', params: { href: link.href } }));
  for (const image of body.imagesWithoutAlt) problems.push(new ContentError({ file, line: split.bodyLine + image.line - 1, field: 'body', code: 'image_alt_missing' }));
  const media: string[] = [];
  const mediaLines: number[] = [];
  for (const image of body.images) {
    if (isExternal(image.src)) {
      problems.push(new ContentError({ file, line: split.bodyLine + image.line - 1, field: 'body', code: 'image_external', params: { src: image.src } }));
      continue;
    }
    const src = mediaPath(image.src);
    if (src === undefined) continue;
    if (context.media.has(src)) {
      media.push(src);
      mediaLines.push(split.bodyLine + image.line - 1);
    } else problems.push(new ContentError({ file, line: split.bodyLine + image.line - 1, field: 'body', code: 'image_missing', params: { src } }));
  }

  const siteLinks = body.siteLinks.map((link) => ({ href: link.href, line: split.bodyLine + link.line - 1 }));
  // The links are returned with the problems: build-index checks their targets in the same run.
  if (problems.length || !front || !date) return { problems, siteLinks };

  return {
    problems,
    siteLinks,
    media,
    mediaLines,
    body: { html: body.html, text: body.text },
    article: {
      slug: name.slug,
      lang: name.lang,
      file,
      // Strings cut from the file's text keep all of it alive; flat copies let it go, so that
      // the index holds a few hundred bytes per article, not the file.
      title: flat(front.title),
      lead: flat(front.lead ?? body.firstParagraph),
      date,
      // «Обновление» and dateModified: the latest of `updated`, a correction and a live update.
      updated: latestAfter(date, [updated, ...(marks.corrections ?? []).map((c) => c.date), ...(body.live?.updates ?? []).map((u) => u.at)]),
      author: flat(front.author),
      topics: front.topics.map(flat),
      image: front.image && {
        src: flat(imageSrc!),
        alt: flat(front.image.alt),
        caption: front.image.caption === undefined ? undefined : flat(front.image.caption),
        credit: front.image.credit === undefined ? undefined : flat(front.image.credit),
        line: yaml.locate(['image', 'src']).line,
        // The size comes from the file (see join-media.ts); what an editor typed is only checked.
        typed: front.image.width === undefined && front.image.height === undefined ? undefined : { width: front.image.width, height: front.image.height },
      },
      views: front.views,
      ...(front.featured ? { featured: true } : {}),
      draft: front.draft,
      aliases: front.aliases.map(flat),
      ...(front.breaking ? { breaking: true } : {}),
      ...(marks.live ? { live: { ...marks.live, ...(body.live?.updates[0] ? { latest: latestOf(body.live.updates.map((u) => u.at)) } : {}), updates: body.live?.updates.length ?? 0 } } : {}),
      ...(marks.corrections ? { corrections: marks.corrections.map((c) => ({ date: c.date, text: flat(c.text) })) } : {}),
      ...(marks.sponsored ? { sponsored: { advertiser: flat(marks.sponsored.advertiser), ...(marks.sponsored.erid ? { erid: flat(marks.sponsored.erid) } : {}) } } : {}),
      bodyId: `${source.relativePath}@${source.stamp ?? createHash('sha256').update(source.text ?? '').digest('base64url').slice(0, 16)}`,
      wordCount: body.text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
      path: paths.article(name.lang, name.slug),
    },
  };
}

/**
 * The media file a body image refers to (`/media/2026/01/a.jpg` → 2026/01/a.jpg), or undefined
 * for an image elsewhere. markdown-it percent-encodes addresses; media names are plain.
 */
function mediaPath(src: string): string | undefined {
  if (!src.startsWith('/media/')) return undefined;
  const name = src.slice('/media/'.length).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** An address on another site: the page's Content-Security-Policy would block it. */
function isExternal(src: string): boolean {
  return /^(?:https?:)?\/\//i.test(src);
}

function latestOf(moments: Date[]): Date {
  return new Date(Math.max(...moments.map((m) => m.getTime())));
}

/** The latest of some moments after `date`; undefined when none is. */
function latestAfter(date: Date, moments: (Date | undefined)[]): Date | undefined {
  const after = moments.filter((m): m is Date => m !== undefined && m > date);
  return after.length ? latestOf(after) : undefined;
}

/** A copy of a string that holds no reference to the string it was cut from. */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
