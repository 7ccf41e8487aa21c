/**
 * The content index's tables. Files in content/ are the truth; this is derived from them and
 * safe to delete. Every article file that made an article has one row in `files`, with its
 * whole parse as JSON (`article`, so fields added to the parse need no new column) and the
 * columns the lists are queried by. `visible` is 1 for the file that holds its language and slug
 * (the first to claim it, see `claimed`) and is not a hidden draft; publication by date is a condition of each query (`date <= ?`),
 * so an article scheduled for 10:00 appears at 10:00 without a write.
 *
 * What every new content version asks first (how many articles a list has, when it last
 * changed) must not cost a scan of the archive, or each edit would stall the event loop:
 * `tallies` counts each list's shown articles (kept by triggers in the writer's transaction),
 * so a count is a tally less the few shown articles not yet published; the `*_by_change`
 * indexes find a list's latest change by walking down from the newest.
 */
export const SCHEMA_VERSION = 5;

/** The tables: rows and search. */
export const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  rel TEXT NOT NULL UNIQUE,
  stamp TEXT,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  url TEXT NOT NULL,
  date INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  author TEXT NOT NULL,
  draft INTEGER NOT NULL,
  visible INTEGER NOT NULL DEFAULT 0,
  -- When the file first claimed its slug and aliases (ms; 0 for a first index with no history):
  -- of two files claiming one address, the earlier claim holds it (writer.ts, #settle).
  claimed INTEGER NOT NULL DEFAULT 0,
  article TEXT NOT NULL,
  refs TEXT NOT NULL,
  html BLOB NOT NULL,
  text BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS topics (
  topic TEXT NOT NULL, lang TEXT NOT NULL, visible INTEGER NOT NULL, date INTEGER NOT NULL, slug TEXT NOT NULL, changed INTEGER NOT NULL, id INTEGER NOT NULL,
  PRIMARY KEY (topic, lang, visible, date DESC, slug, id)
) WITHOUT ROWID;
-- Shown articles per list: '' is a language's whole list, 'author:<id>' and 'topic:<id>' the others.
CREATE TABLE IF NOT EXISTS tallies (list TEXT NOT NULL, lang TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (list, lang)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases (alias TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (alias, id)) WITHOUT ROWID;
${['ru', 'kk', 'en']
  .map(
    (lang) => `
CREATE VIRTUAL TABLE IF NOT EXISTS search_${lang} USING fts5(title, lead, tags, body, content='', contentless_delete=1, detail=column, tokenize="unicode61 remove_diacritics 0 tokenchars '''-'");
CREATE VIRTUAL TABLE IF NOT EXISTS terms_${lang} USING fts5vocab(search_${lang}, 'row');`,
  )
  .join('')}
`;

/** The indexes of the tables and the triggers that keep `tallies`: what a bulk load makes at its end. */
export const DERIVED = `
CREATE INDEX IF NOT EXISTS files_by_lang ON files (lang, visible, date DESC, slug, changed);
CREATE INDEX IF NOT EXISTS files_by_author ON files (author, lang, visible, date DESC, slug, changed);
CREATE INDEX IF NOT EXISTS files_by_date ON files (visible, date, changed);
CREATE INDEX IF NOT EXISTS files_by_slug ON files (slug, lang, visible, date, url);
-- Every file's stamp, read at each start without reading the big rows of files.
CREATE INDEX IF NOT EXISTS files_stamps ON files (rel, stamp);
-- What a search checks of each match (shown? published?) without reading the big rows of files.
CREATE INDEX IF NOT EXISTS files_shown ON files (id, visible, date);
-- A list's latest change: walked from the newest change down to the first already published.
CREATE INDEX IF NOT EXISTS files_by_change ON files (lang, visible, changed DESC, date);
CREATE INDEX IF NOT EXISTS files_by_author_change ON files (author, lang, visible, changed DESC, date);
-- The drafts, each with its secret preview (npm run check lists them).
CREATE INDEX IF NOT EXISTS files_drafts ON files (rel) WHERE draft = 1;
-- The few breaking articles, from the parse itself: which one leads a home page, and when its lead ends.
CREATE INDEX IF NOT EXISTS files_breaking ON files (lang, visible, date) WHERE article ->> '$.breaking' = 1;
-- Live coverage with an end: the moment its «Онлайн» becomes «Трансляция завершена».
CREATE INDEX IF NOT EXISTS files_live_until ON files (article ->> '$.live.until') WHERE article ->> '$.live.until' IS NOT NULL;
CREATE INDEX IF NOT EXISTS topics_by_id ON topics (id);
CREATE INDEX IF NOT EXISTS topics_by_change ON topics (topic, lang, visible, changed DESC, date);
${Object.entries(listsOf()).map(([table, lists]) => tally(table, lists)).join('\n')}
CREATE INDEX IF NOT EXISTS aliases_by_id ON aliases (id);
`;

/**
 * The whole schema: the tables, then what keeps lookups fast and tallies true. A fresh index
 * that nobody reads until it is complete is loaded with the tables alone, and the rest is
 * made once at its end (IndexWriter, bulk): keeping ten B-trees and the tallies row by row
 * cost more than writing the rows.
 */
export const SCHEMA = `${TABLES}${DERIVED}`;

/** `tallies` counted afresh from the shown rows, as the triggers would have kept them: the end of a bulk load. */
export const RECOUNT = `
DELETE FROM tallies;
${Object.entries(listsOf())
  .flatMap(([table, lists]) => lists.map((list) => `INSERT INTO tallies SELECT list, lang, count(*) FROM (SELECT ${list === '' ? "''" : list.replaceAll('$', 'r')} AS list, r.lang AS lang FROM ${table} r WHERE r.visible = 1) GROUP BY list, lang;`))
  .join('\n')}
`;

/** The lists each table's shown rows are counted in (SQL with `$` for the row): a language's whole list, an author's, a topic's. */
function listsOf(): Record<string, string[]> {
  return { files: ['', "'author:' || $.author"], topics: ["'topic:' || $.topic"] };
}

/**
 * Triggers that keep `tallies` equal to the shown rows of a table, by list: each row counts
 * once in each list named by `lists` (SQL with `$` for the row), under its language.
 */
function tally(table: string, lists: string[]): string {
  const add = (row: 'new' | 'old', sign: 1 | -1) =>
    lists
      .map((list) => `INSERT INTO tallies SELECT ${list === '' ? "''" : list.replaceAll('$', row)}, ${row}.lang, ${sign} WHERE ${row}.visible = 1 ON CONFLICT DO UPDATE SET n = n + excluded.n;`)
      .join('\n  ');
  return `
CREATE TRIGGER IF NOT EXISTS ${table}_tally_insert AFTER INSERT ON ${table} BEGIN
  ${add('new', 1)}
END;
CREATE TRIGGER IF NOT EXISTS ${table}_tally_delete AFTER DELETE ON ${table} BEGIN
  ${add('old', -1)}
END;
CREATE TRIGGER IF NOT EXISTS ${table}_tally_update AFTER UPDATE ON ${table} BEGIN
  ${add('old', -1)}
  ${add('new', 1)}
END;`;
}
