import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { readFrontMatter } from '../parse/frontmatter.js';
import path from 'node:path';
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
import { message, perLang } from './messages.js';
import { answerHelpOrMisuse, parseCommandLine, usage as usageOf, type CommandSpec } from './args.js';

export interface NewIo extends CliIo {
  /** The clock the date is taken from; tests set it. */
  now?: () => Date;
}

export const NEW_SPEC: CommandSpec = {
  command: 'npm run new',
  summary: perLang('new_summary'),
  options: {
    title: { type: 'string', value: perLang('new_title_value'), describe: perLang('opt_new_title') },
    lang: { type: 'string', value: { ru: 'ru|kk|en', kk: 'ru|kk|en', en: 'ru|kk|en' }, describe: perLang('opt_new_lang') },
    topic: { type: 'string', value: { ru: 'id[,id]', kk: 'id[,id]', en: 'id[,id]' }, describe: perLang('opt_new_topic') },
    author: { type: 'string', value: { ru: 'id', kk: 'id', en: 'id' }, describe: perLang('opt_new_author') },
    slug: { type: 'string', value: { ru: 'slug', kk: 'slug', en: 'slug' }, describe: perLang('opt_new_slug') },
    dir: { type: 'string', value: perLang('folder'), describe: perLang('opt_check_dir') },
  },
};

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
  const parsed = parseCommandLine(argv, NEW_SPEC);
  if (parsed.kind !== 'run') return answerHelpOrMisuse(parsed, io);
  const args = parsed.values as { title?: string; lang?: string; topic?: string; author?: string; slug?: string; dir?: string };
  const title = args.title?.replace(/\s+/g, ' ').trim();
  if (!title) return usage(io, message('title_missing', 'ru'));
  const lang = args.lang ?? 'ru';
  if (!isLang(lang)) return usage(io, message('bad_article_lang', 'ru', { value: lang }));
  const dirArg = args.dir ?? io.env.CONTENT_DIR ?? 'content';
  const dir = path.resolve(io.cwd, dirArg);
  if (!(await isFolder(dir))) return usage(io, message('no_folder', 'ru', { dir: dirArg }));

  try {
    const existing = await listArticleFiles(dir);
    const slug = chooseSlug({ title, lang, given: args.slug, existing, dirArg });
    // A --slug of an article in another language makes its translation: beside it, with its
    // date, author, topics and picture, unless --author or --topic says otherwise.
    const original = args.slug === undefined ? undefined : await originalOf(dir, existing, slug);
    const { author, topics } = await references(dir, io.cwd, (text) => io.stderr.write(`${text}\n`), args.author ?? original?.author, args.topic ?? original?.topics?.join(','));
    const now = io.now?.() ?? new Date();
    const date = original?.date ?? isoLocal(now).slice(0, 16);
    const folder = original ? path.posix.dirname(original.file) : `news/${date.slice(0, 4)}/${date.slice(5, 7)}`;
    const relative = `${folder}/${slug}.${lang}.md`;
    await create(path.join(dir, relative), articleTemplate({ title, lang, date, author, topics, image: original?.image }), `${dirArg}/${relative}`);
    io.stdout.write(`${shownPath(io.cwd, path.join(dir, relative))}\n`);
    if (original) io.stderr.write(`${message('translation_of', 'ru', { file: `${dirArg}/${original.file}` })}\n`);
    else if (lang !== 'ru' && !existing.some((name) => sameArticle(name, slug, 'ru'))) io.stderr.write(`${message('translation_hint', 'ru', { slug })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}

/** What a translation takes from its original: the Russian one first, else any other language's. */
interface Original {
  file: string;
  date?: string;
  author?: string;
  topics?: string[];
  image?: unknown;
}

async function originalOf(dir: string, existing: string[], slug: string): Promise<Original | undefined> {
  const versions = existing.filter((name) => articleFileName(name)?.slug === slug);
  const file = versions.find((name) => articleFileName(name)?.lang === 'ru') ?? versions[0];
  if (file === undefined) return undefined;
  const read = readFrontMatter(await readFile(path.join(dir, file), 'utf8').catch(() => undefined));
  let front: Record<string, unknown> = {};
  if ('split' in read) {
    try {
      const value: unknown = parse(read.split.frontMatter);
      if (value && typeof value === 'object') front = value as Record<string, unknown>;
    } catch {
      // A broken original gives nothing but its folder; check tells what is wrong with it.
    }
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const topics = Array.isArray(front.topics) ? front.topics.filter((t): t is string => typeof t === 'string') : undefined;
  return { file, date: text(front.date), author: text(front.author), topics: topics?.length ? topics : undefined, image: front.image };
}

/** The author and topics to write, checked against authors.yml and topics.yml. */
async function references(dir: string, cwd: string, warn: (text: string) => void, authorArg?: string, topicArg?: string): Promise<{ author: string; topics: string[] }> {
  const data = await loadDataFiles(dir, { from: cwd });
  const authors = parseAuthors(data.authors);
  const topics = parseTopics(data.topics);
  const problems = [...authors.problems, ...topics.problems];
  const errors = problems.filter((p) => !p.warning);
  // A warning (a job title missing in one language) is said and the file is still made.
  for (const p of problems.filter((p) => p.warning)) warn(p.format('ru', { columns: true }));
  if (!authors.value || !topics.value || errors.length) {
    throw new Refusal(`${errors.map((p) => p.format('ru', { columns: true })).join('\n')}\n${message('nothing_created', 'ru')}`);
  }
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
  io.stderr.write(`${text}\n${usageOf(NEW_SPEC, 'ru').split('\n')[0]}\n`);
  return 2;
}
