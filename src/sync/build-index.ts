import { ContentIndex, IndexQueries } from '../index/content-index.js';
import { openInMemory } from '../index/database.js';
import { docTerms } from '../index/doc-terms.js';
import { IndexWriter, type IndexedFile, type SiteData } from '../index/writer.js';
import { crossChecks, namesOf, nearMissProblem } from './reconcile.js';
import type { SiteLink } from '../parse/parse-article.js';
import { ContentLoadError, type ContentError } from '../problems/errors.js';
import { parseWithLastGood, type GoodParse } from '../parse/last-good.js';
import { parseAuthors, parseSite, parseTopics } from '../parse/parse-data.js';
import { buildPages } from '../parse/parse-page.js';
import { LANGS } from '../i18n/languages.js';
import type { ContentSources } from '../parse/types.js';
import { imageProblems, withImageFacts } from '../parse/join-media.js';
import { sortedImages } from './reconcile.js';

export interface BuildOptions {
  now: Date;
  /** Development shows drafts; production never does. */
  includeDrafts: boolean;
  /** Earlier good parses by relative path: a file whose new text breaks a rule falls back to its own. */
  lastGood?: Pick<ReadonlyMap<string, GoodParse>, 'get'>;
}

/** An index built whole in memory, with every good parse it was made from. */
export type BuiltIndex = ContentIndex & { lastGood: ReadonlyMap<string, GoodParse>; servedFromLastGood: string[] };

/**
 * Builds a content index in memory from everything the loader read: for tools (npm run check)
 * and tests of the index's queries on tiny fixture trees. The server's index is on disk and
 * kept by reconcile.ts; both write through the same IndexWriter. Throws ContentLoadError only
 * when site.yml, authors.yml or topics.yml are unusable, because no page can be made without them.
 */
export async function buildIndex(sources: ContentSources, options: BuildOptions): Promise<BuiltIndex> {
  const site = parseSite(sources.site, sources.root);
  const authors = parseAuthors(sources.authors, sources.root, sources.media);
  const topics = parseTopics(sources.topics, sources.root);
  if (!site.value || !authors.value || !topics.value) throw new ContentLoadError([...site.problems, ...authors.problems, ...topics.problems]);
  const pages = buildPages(sources.pages ?? []);
  const data: SiteData = { site: site.value, authors: authors.value, topics: topics.value, media: [...sources.media], images: sortedImages(sources.images), pages: LANGS.flatMap((lang) => [...pages.pages[lang].values()]) };
  const names = namesOf(data);
  const context = { authors: authors.value.map((a) => a.id), topics: topics.value.map((t) => t.id), media: sources.media };
  // What is left of their problems are warnings (a role falling back to another language).
  const problems: ContentError[] = [...site.problems, ...authors.problems, ...topics.problems, ...pages.problems];
  const linking: { file: string; siteLinks: readonly SiteLink[] }[] = [];
  const put: IndexedFile[] = [];
  const lastGood = new Map<string, GoodParse>();
  const servedFromLastGood: string[] = [];
  const files = [...sources.articles].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  for (const source of files) {
    const parsed = parseWithLastGood(source, context, options.lastGood, sources.readText);
    problems.push(...parsed.problems);
    // Left out for its own problems; its links are checked all the same, in this run.
    if (!parsed.good || parsed.fromLastGood) linking.push({ file: source.file, siteLinks: parsed.siteLinks ?? [] });
    if (!parsed.good) continue;
    lastGood.set(source.relativePath, parsed.good);
    // The picture's facts as read from the file now: a photo replaced under the same name reaches the pages.
    const good = { ...parsed.good, article: withImageFacts(parsed.good.article, sources.images) };
    problems.push(...imageProblems(good.article, good, sources.images));
    if (parsed.fromLastGood) servedFromLastGood.push(source.file);
    const body = parsed.body ?? { html: '', text: '' };
    put.push({ rel: source.relativePath, good, body, terms: docTerms(good.article, body, names) });
  }
  const db = openInMemory();
  const writer = new IndexWriter(db, options.includeDrafts);
  problems.push(...writer.apply({ data, put, remove: [] }).problems);
  for (const relativePath of sources.nearMisses ?? []) problems.push(nearMissProblem(sources.root, relativePath));
  const listing = sources.articles.map((s) => s.relativePath);
  const indexed = put.filter((f) => !servedFromLastGood.includes(f.good.article.file)).map((f) => ({ file: f.good.article.file, lang: f.good.article.lang, slug: f.good.article.slug, siteLinks: f.good.siteLinks }));
  problems.push(...(await crossChecks(writer, indexed, listing, linking)));
  return Object.assign(new ContentIndex(new IndexQueries(db), data, 1, options.now, problems), { lastGood, servedFromLastGood });
}
