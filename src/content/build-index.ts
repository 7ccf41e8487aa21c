import { LANGS, type Lang } from '../i18n/languages.js';
import { checkSiteLinks } from './check-site-links.js';
import { checkTranslations } from './check-translations.js';
import { ContentError, ContentLoadError } from './errors.js';
import { MemoryBodies, type BodyStore } from './bodies.js';
import { parseWithLastGood, type GoodParse } from './last-good.js';
import { parseArticle, type ArticleContext, type SiteLink } from './parse-article.js';
import { parseAuthors, parseSite, parseTopics } from './parse-data.js';
import { articleFileName } from './slug.js';
import type { MediaFacts } from '../media/facts.js';
import { imageProblems, withImageFacts } from '../media/join.js';
import { buildPages } from './parse-page.js';
import type { Article, ArticleBody, ContentSources, Person, Site, StaticPage, Topic } from './types.js';

export interface LangIndex {
  /** Published articles, newest first. */
  articles: Article[];
  bySlug: Map<string, Article>;
  byTopic: Map<string, Article[]>;
  byAuthor: Map<string, Article[]>;
}

export interface ContentIndex {
  site: Site;
  authors: Map<string, Person>;
  /** In the order of topics.yml. */
  topics: Map<string, Topic>;
  /** Static pages (about, contacts…) of each language by slug, in the footer's order. */
  pages: Record<Lang, Map<string, StaticPage>>;
  langs: Record<Lang, LangIndex>;
  /** Every language version of an article by slug, published ones only. */
  translations: Map<string, Partial<Record<Lang, Article>>>;
  /** Old paths (aliases) to the article paths they now live at. */
  redirects: Map<string, string>;
  /** Files under media/ (relative path → bytes): the only ones /media/ serves. */
  media: ReadonlyMap<string, number>;
  /** What each media file is (size, content hash, colour…), when the server or check looked. */
  images: ReadonlyMap<string, MediaFacts>;
  /**
   * Every problem found. A file with a problem of its own is left out (or served from its last
   * good version); a problem between files — a translation without its Russian original, a link
   * to a missing article — leaves the article in.
   */
  problems: ContentError[];
  /** The good parse of every article file that made an article, by relative path: the next build's `lastGood`. */
  lastGood: ReadonlyMap<string, GoodParse>;
  /** Where the articles' bodies are: read them with bodyOf(). */
  bodies: BodyStore;
  /** Makes a body again from its file, should the store have lost it (a deleted cache file). */
  recover: (article: Article) => ArticleBody | undefined;
  /** How many article files this build parsed; the others' parses were reused. */
  parsed: number;
  /** Files served from their last good version because their current text has problems. */
  servedFromLastGood: string[];
  /** The earliest date at which an article not yet published becomes public. */
  nextPublication?: Date;
  /** When the index was built; a new build is a new content version. */
  builtAt: Date;
}

export interface BuildOptions {
  now: Date;
  /** Development shows drafts; production never does. */
  includeDrafts: boolean;
  /**
   * The previous index's `lastGood`: a file whose stamp has not changed is not parsed again,
   * and a file whose new text breaks a rule falls back to it.
   */
  lastGood?: ReadonlyMap<string, GoodParse>;
  /** Where bodies are kept: the previous index's, to keep those of reused parses. In memory unless given. */
  bodies?: BodyStore;
}

/** The body of an article of this index. */
export function bodyOf(index: Pick<ContentIndex, 'bodies' | 'recover'>, article: Article): ArticleBody {
  const body = index.bodies.get(article.bodyId) ?? index.recover(article);
  if (!body) throw new Error(`The body of ${article.file} (${article.bodyId}) is not in the body store`);
  return body;
}

/**
 * Builds the in-memory index from everything the loader read. Pure: the same sources and
 * clock give the same index. Throws ContentLoadError only when site.yml, authors.yml or
 * topics.yml are unusable, because no page can be made without them.
 */
export function buildIndex(sources: ContentSources, options: BuildOptions): ContentIndex {
  const site = parseSite(sources.site, sources.root);
  const authors = parseAuthors(sources.authors, sources.root, sources.media);
  const topics = parseTopics(sources.topics, sources.root);
  if (!site.value || !authors.value || !topics.value) {
    throw new ContentLoadError([...site.problems, ...authors.problems, ...topics.problems]);
  }
  // What is left of their problems are warnings (a role falling back to another language).
  const problems: ContentError[] = [...site.problems, ...authors.problems, ...topics.problems];
  const context = {
    authors: authors.value.map((a) => a.id),
    topics: topics.value.map((t) => t.id),
    media: sources.media,
  };

  const seen = new Map<string, Article>();
  const linking: { file: string; siteLinks: readonly SiteLink[] }[] = [];
  const lastGood = new Map<string, GoodParse>();
  const bodies = options.bodies ?? new MemoryBodies();
  let parsedFiles = 0;
  const servedFromLastGood: string[] = [];
  const redirects = new Map<string, string>();
  const aliasOwner = new Map<string, string>();
  const published: Article[] = [];
  let nextPublication: Date | undefined;

  // Sorted so that, of two files with one slug, the same one wins on every machine.
  const files = [...sources.articles].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  for (const source of files) {
    const parsed = parseWithLastGood(source, context, options.lastGood, sources.readText);
    problems.push(...parsed.problems);
    if (!parsed.reused) parsedFiles++;
    if (!parsed.article || !parsed.good) {
      // Left out for its own problems; its links are checked all the same, in this run.
      linking.push({ file: source.file, siteLinks: parsed.siteLinks ?? [] });
      continue;
    }
    const article = withImageFacts(parsed.article, sources.images);
    problems.push(...imageProblems(article, parsed.good, sources.images));
    lastGood.set(source.relativePath, parsed.good);
    if (parsed.body) bodies.put(source.relativePath, parsed.good, parsed.body);
    if (parsed.fromLastGood) servedFromLastGood.push(source.file);

    const key = `${article.lang}/${article.slug}`;
    const first = seen.get(key);
    if (first) {
      problems.push(new ContentError(article.file, 1, '', 'duplicate_slug', { slug: article.slug, lang: article.lang, other: first.file }));
      continue;
    }
    seen.set(key, article);
    linking.push({ file: article.file, siteLinks: parsed.siteLinks ?? [] });

    if (article.draft && !options.includeDrafts) continue;
    if (article.date > options.now) {
      if (!nextPublication || article.date < nextPublication) nextPublication = article.date;
      continue;
    }
    for (const alias of article.aliases) {
      const owner = aliasOwner.get(alias);
      if (owner) {
        problems.push(new ContentError(article.file, 1, 'aliases', 'alias_taken', { value: alias, other: owner }));
        continue;
      }
      aliasOwner.set(alias, article.file);
      redirects.set(alias, article.path);
    }
    published.push(article);
  }

  for (const relativePath of sources.nearMisses ?? []) problems.push(nearMissProblem(sources.root, relativePath));

  // Checked over every article, drafts and scheduled ones too: they will be public one day.
  const all = [...seen.values()];
  problems.push(...checkTranslations(all, russianSlugs(sources)), ...checkSiteLinks(linking, all));

  // Bodies of earlier versions of changed files, and of deleted files, are no longer needed.
  const replaced: string[] = [];
  for (const [relativePath, previous] of options.lastGood ?? []) {
    if (lastGood.get(relativePath)?.article.bodyId !== previous.article.bodyId) replaced.push(previous.article.bodyId);
  }
  bodies.commit(replaced);

  const pages = buildPages(sources.pages ?? []);
  problems.push(...pages.problems);

  published.sort(newestFirst);
  const translations = new Map<string, Partial<Record<Lang, Article>>>();
  for (const article of published) {
    const versions = translations.get(article.slug) ?? {};
    versions[article.lang] = article;
    translations.set(article.slug, versions);
  }

  return {
    site: site.value,
    authors: new Map(authors.value.map((a) => [a.id, a])),
    topics: new Map(topics.value.map((t) => [t.id, t])),
    pages: pages.pages,
    langs: Object.fromEntries(LANGS.map((lang) => [lang, langIndex(published.filter((a) => a.lang === lang))])) as Record<Lang, LangIndex>,
    translations,
    redirects,
    media: sources.media,
    images: sources.images ?? new Map(),
    problems,
    lastGood,
    bodies,
    recover: recoverer(sources.readText, context),
    parsed: parsedFiles,
    servedFromLastGood,
    nextPublication,
    builtAt: options.now,
  };
}

/**
 * Parses an article's file again for its body. Only the file's reader and the references are
 * kept, not the sources, so that no file text outlives the build.
 */
function recoverer(readText: ContentSources['readText'], context: ArticleContext): ContentIndex['recover'] {
  return (article) => {
    const relativePath = article.bodyId.slice(0, article.bodyId.lastIndexOf('@'));
    const text = readText?.(relativePath);
    return text === undefined ? undefined : parseArticle({ file: article.file, relativePath, text }, context).body;
  };
}

/** A note on a file named almost like an article, with the name it should have. */
function nearMissProblem(root: string, relativePath: string): ContentError {
  const name = relativePath.split('/').pop()!;
  const stem = name.replace(/(?:\.md)?\.[^.]+$/i, '').toLowerCase();
  const suggestion = /\.(?:ru|kk|en)$/.test(stem) ? `${stem}.md` : `${stem}.ru.md`;
  return new ContentError(`${root}/${relativePath}`, 1, '', 'near_miss_name', { name, suggestion: articleFileName(suggestion) ? suggestion : '' });
}

/** Slugs of every Russian file, parsed or not: a broken original is still the original. */
function russianSlugs(sources: ContentSources): Set<string> {
  const slugs = new Set<string>();
  for (const source of sources.articles) {
    const name = articleFileName(source.relativePath);
    if (name?.lang === 'ru') slugs.add(name.slug);
  }
  return slugs;
}

function langIndex(articles: Article[]): LangIndex {
  const byTopic = new Map<string, Article[]>();
  const byAuthor = new Map<string, Article[]>();
  for (const article of articles) {
    for (const topic of article.topics) push(byTopic, topic, article);
    push(byAuthor, article.author, article);
  }
  return { articles, bySlug: new Map(articles.map((a) => [a.slug, a])), byTopic, byAuthor };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function newestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}
