import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../problems/errors.js';
import { listArticleFiles, loadDataFiles } from '../sync/load.js';
import { nearest } from '../parse/nearest.js';
import { parseAuthors, parseTopics } from '../parse/parse-data.js';
import { articleFileName } from '../parse/slug.js';
import { isSlug, slugFromTitle, uniqueSlug } from '../text/slug.js';
import { isoLocal } from '../i18n/format.js';
import { isLang, type Lang } from '../i18n/languages.js';
import { articleTemplate } from './article-template.js';
import { describeError } from './describe-error.js';
import type { CliIo } from './io.js';
import { isFolder } from './is-folder.js';
import { message } from './messages.js';

export interface NewIo extends CliIo {
  /** The clock the date is taken from; tests set it. */
  now?: () => Date;
}

const OPTIONS = {
  title: { type: 'string' },
  lang: { type: 'string' },
  topic: { type: 'string' },
  author: { type: 'string' },
  slug: { type: 'string' },
  dir: { type: 'string' },
} as const;

/** Thrown for anything the editor must fix before a file can be made; its text is for stderr. */
class Refusal extends Error {}

/**
 * `npm run new`: creates content/news/YYYY/MM/<slug>.<lang>.md with its front matter filled in
 * and prints its path. Author and topic default to the first in authors.yml and topics.yml; the
 * slug comes from the title and is made unique in its language. Never overwrites a file.
 * Messages are in Russian, the editors' language. Returns the exit code: 0, 1 when refused,
 * 2 when misused.
 * @example await runNew(['--title', 'Выборы в маслихаты'], processIo()) // prints content/news/2026/11/vybory-v-maslihaty.ru.md
 */
export async function runNew(argv: string[], io: NewIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (error) {
    return usage(io, message('bad_option', 'ru', { detail: (error as Error).message }));
  }
  const title = args.title?.replace(/\s+/g, ' ').trim();
  if (!title) return usage(io, message('title_missing', 'ru'));
  const lang = args.lang ?? 'ru';
  if (!isLang(lang)) return usage(io, message('bad_article_lang', 'ru', { value: lang }));
  const dirArg = args.dir ?? io.env.CONTENT_DIR ?? 'content';
  const dir = path.resolve(io.cwd, dirArg);
  if (!(await isFolder(dir))) return usage(io, message('no_folder', 'ru', { dir: dirArg }));

  try {
    const { author, topics } = await references(dir, io.cwd, args.author, args.topic);
    const existing = await listArticleFiles(dir);
    const slug = chooseSlug({ title, lang, given: args.slug, existing, dirArg });
    const now = io.now?.() ?? new Date();
    const date = isoLocal(now).slice(0, 16);
    const relative = `news/${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}.${lang}.md`;
    await create(path.join(dir, relative), articleTemplate({ title, lang, date, author, topics }), `${dirArg}/${relative}`);
    io.stdout.write(`${shownPath(io.cwd, path.join(dir, relative))}\n`);
    if (lang !== 'ru' && !existing.some((name) => sameArticle(name, slug, 'ru'))) io.stderr.write(`${message('translation_hint', 'ru', { slug })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}

/** The author and topics to write, checked against authors.yml and topics.yml. */
async function references(dir: string, cwd: string, authorArg?: string, topicArg?: string): Promise<{ author: string; topics: string[] }> {
  const data = await loadDataFiles(dir, { from: cwd });
  const authors = parseAuthors(data.authors);
  const topics = parseTopics(data.topics);
  const problems = [...authors.problems, ...topics.problems];
  if (!authors.value || !topics.value || problems.length) throw new Refusal(problems.map((p) => p.format('ru', { columns: true })).join('\n'));
  const authorIds = authors.value.map((a) => a.id);
  const topicIds = topics.value.map((t) => t.id);

  const author = authorArg ?? authorIds[0];
  const chosenTopics = topicArg ? topicArg.split(',').map((t) => t.trim()).filter(Boolean) : topicIds.slice(0, 1);
  if (author === undefined) throw new Refusal(message('none_defined', 'ru', { file: data.authors!.file }));
  if (!chosenTopics.length) throw new Refusal(message('none_defined', 'ru', { file: data.topics!.file }));
  const unknown: ContentError[] = [];
  if (!authorIds.includes(author)) {
    unknown.push(new ContentError({ file: '--author', line: 1, code: 'unknown_author', params: { id: author, known: authorIds.join(', '), suggestion: nearest(author, authorIds) ?? '' } }));
  }
  for (const topic of chosenTopics.filter((t) => !topicIds.includes(t))) {
    unknown.push(new ContentError({ file: '--topic', line: 1, code: 'unknown_topic', params: { id: topic, known: topicIds.join(', '), suggestion: nearest(topic, topicIds) ?? '' } }));
  }
  if (unknown.length) throw new Refusal(unknown.map((p) => `${p.file}: ${p.describe('ru')}`).join('\n'));
  return { author, topics: chosenTopics };
}

/**
 * The given slug if it is valid and free, else one made from the title and made unique in this
 * language. `existing`: the article files of the folder; `dirArg`: the folder as the editor named it.
 */
function chooseSlug({ title, lang, given, existing, dirArg }: { title: string; lang: Lang; given?: string; existing: string[]; dirArg: string }): string {
  if (given !== undefined) {
    if (!isSlug(given)) throw new Refusal(message('slug_bad', 'ru', { slug: given }));
    const taken = existing.find((name) => sameArticle(name, given, lang));
    if (taken) throw new Refusal(message('slug_taken', 'ru', { slug: given, lang, file: `${dirArg}/${taken}` }));
    return given;
  }
  const base = slugFromTitle(title);
  if (!base) throw new Refusal(message('slug_empty', 'ru', { title }));
  const taken = new Set(existing.map(articleFileName).filter((n) => n?.lang === lang).map((n) => n!.slug));
  return uniqueSlug(base, taken);
}

function sameArticle(relativePath: string, slug: string, lang: Lang): boolean {
  const name = articleFileName(relativePath);
  return name?.slug === slug && name.lang === lang;
}

/** Writes a new file; 'wx' fails instead of overwriting, even if one appeared a moment ago. */
async function create(file: string, text: string, shown: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Refusal(message('file_exists', 'ru', { file: shown }));
    throw new Refusal(describeError(error));
  }
}

/** A path relative to where the command runs when it is inside it, else absolute: ../../ helps no one. */
function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function usage(io: CliIo, text: string): number {
  io.stderr.write(`${text}\n${message('new_usage', 'ru')}\n`);
  return 2;
}
