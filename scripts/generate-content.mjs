#!/usr/bin/env node
/**
 * Writes a complete content folder of generated news for load tests:
 *
 *   npm run generate -- --count 10000 --out /tmp/dknews-10k [--seed 1] [--reuse]
 *
 * site.yml and topics.yml are copied from content/, authors.yml too with twelve generated
 * authors appended, media/ is copied (every picture reuses its image), and `count` articles
 * are written as news/YYYY/MM/<slug>.ru.md, from January 2024 to November 2026, about a third
 * with .kk.md and .en.md translations under the same slug. An article is one slug: 10,000
 * articles are 10,000 Russian files plus about 6,700 translations.
 *
 * Deterministic: the same count and seed give the same bytes, so benchmark runs compare;
 * --reuse skips the writing when the folder already holds exactly that (see .generated.json).
 * Plain Node (no build): the benchmark and anyone else can run it from a fresh checkout.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeArticle } from './generate/article.mjs';
import { createRandom } from './generate/random.mjs';
import { AUTHOR_ROLES, FEMALE_NAMES, MALE_NAMES, SURNAMES } from './generate/vocabulary.mjs';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.join(PROJECT_ROOT, 'content');
/** A file that marks a folder as ours: only such a folder is ever emptied before writing. */
const MARKER = '.generated.json';
const FIRST_DAY = Date.UTC(2024, 0, 1);
// The last day of the span. Kept before «today» on the machines this runs on, so no article
// is scheduled for the future and left out of the index.
const LAST_DAY = Date.UTC(2026, 10, 20);

/**
 * Generates the folder and returns what it wrote.
 * @example generateContent({ count: 100, out: '/tmp/dknews-100' }).files // { ru: 100, kk: 39, en: 39 }
 */
export function generateContent({ count = 10_000, out, seed = 1, reuse = false }) {
  const started = performance.now();
  const stamp = { generator: 'scripts/generate-content.mjs', count, seed, fingerprint: fingerprint() };
  const earlier = reuse ? earlierRun(out, stamp) : undefined;
  if (earlier) return { ...earlier, out, reused: true, ms: Math.round(performance.now() - started) };
  prepareFolder(out);
  const random = createRandom(seed);
  const topics = topLevelIds(readFileSync(path.join(SOURCE, 'topics.yml'), 'utf8'));
  const authors = writeDataFiles(out, random);

  const files = { ru: 0, kk: 0, en: 0 };
  let bytes = 0;
  let earlierSlug;
  const slugs = new Set();
  const folders = new Set();
  for (let i = 0; i < count; i++) {
    const date = dateOf(random, i, count);
    const translated = random.chance(1 / 3);
    const targetBytes = random.int(3700, 4700);
    const article = makeArticle(random, { i, date, topics, authors, translated, earlierSlug, targetBytes });
    const slug = uniqueSlug(slugFromTitle(article.title), slugs);
    const folder = path.join(out, 'news', String(date.getUTCFullYear()), String(date.getUTCMonth() + 1).padStart(2, '0'));
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    for (const [lang, text] of Object.entries(article.files)) {
      writeFileSync(path.join(folder, `${slug}.${lang}.md`), text);
      files[lang]++;
      bytes += Buffer.byteLength(text);
    }
    // Links only to an article that exists in every language the linking one has.
    if (translated) earlierSlug = slug;
  }

  const result = { ...stamp, files, bytes, authors: authors.length };
  writeFileSync(path.join(out, MARKER), `${JSON.stringify(result, null, 2)}\n`);
  return { ...result, out, ms: Math.round(performance.now() - started) };
}

/**
 * A hash of everything the output depends on besides count and seed: the generator's code and
 * the copied content files. Equal fingerprints, equal bytes.
 */
function fingerprint() {
  const hash = createHash('sha256');
  const code = path.join(PROJECT_ROOT, 'scripts/generate');
  const files = [
    import.meta.filename,
    ...readdirSync(code).sort().map((f) => path.join(code, f)),
    ...['site.yml', 'authors.yml', 'topics.yml'].map((f) => path.join(SOURCE, f)),
  ];
  for (const file of files) hash.update(file).update(readFileSync(file));
  for (const entry of readdirSync(path.join(SOURCE, 'media'), { recursive: true }).sort()) hash.update(String(entry));
  return hash.digest('hex').slice(0, 16);
}

/** What a finished earlier run in `out` wrote, if it had this very stamp (the marker is written last). */
function earlierRun(out, stamp) {
  try {
    const marker = JSON.parse(readFileSync(path.join(out, MARKER), 'utf8'));
    return Object.entries(stamp).every(([key, value]) => marker[key] === value) ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `out`, or empties it if an earlier run made it; refuses any other non-empty folder. */
function prepareFolder(out) {
  if (existsSync(out) && readdirSync(out).length) {
    if (!existsSync(path.join(out, MARKER))) {
      throw new Error(`"${out}" is not empty and was not made by this generator; choose another --out or empty it yourself`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** Copies site.yml, topics.yml and media/; writes authors.yml with generated authors; returns every author id. */
function writeDataFiles(out, random) {
  for (const name of ['site.yml', 'topics.yml']) cpSync(path.join(SOURCE, name), path.join(out, name));
  cpSync(path.join(SOURCE, 'media'), path.join(out, 'media'), { recursive: true });
  const original = readFileSync(path.join(SOURCE, 'authors.yml'), 'utf8');
  const generated = generatedAuthors(random, 12);
  const appended = generated.map(
    (a) => `${a.id}:\n  name:\n    ru: ${a.name.ru}\n    kk: ${a.name.kk}\n    en: ${a.name.en}\n  role:\n    ru: ${a.role.ru}\n    kk: ${a.role.kk}\n    en: ${a.role.en}\n`,
  );
  writeFileSync(path.join(out, 'authors.yml'), `${original.trimEnd()}\n\n# Generated by scripts/generate-content.mjs for load tests.\n${appended.join('')}`);
  return [...topLevelIds(original), ...generated.map((a) => a.id)];
}

/** Twelve distinct people with a role each; the id is their English name in lower case. */
function generatedAuthors(random, count) {
  const roles = random.sample(AUTHOR_ROLES, count);
  const seen = new Set();
  const authors = [];
  while (authors.length < count) {
    const female = random.chance(0.5);
    const first = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = random.pick(SURNAMES).map((s, k) => (female ? s + (k === 2 ? 'a' : 'а') : s));
    const id = `${first[2]}-${last[2]}`.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    const role = roles[authors.length];
    authors.push({ id, name: { ru: `${first[0]} ${last[0]}`, kk: `${first[1]} ${last[1]}`, en: `${first[2]} ${last[2]}` }, role });
  }
  return authors;
}

/**
 * The ids of a YAML file of ours: its unindented keys. authors.yml and topics.yml are maps of
 * id → fields, so this is enough without a YAML parser.
 */
function topLevelIds(yaml) {
  return [...yaml.matchAll(/^([a-z0-9][a-z0-9-]*):\s*$/gm)].map((m) => m[1]);
}

/**
 * Article i's time: the span divided evenly (so every month has its share), a random moment
 * in its slot, moved into the newsroom's hours (07:00–22:59). Returned as a Date whose UTC
 * fields are the Almaty wall clock.
 */
function dateOf(random, i, count) {
  const slot = (LAST_DAY - FIRST_DAY) / count;
  const day = new Date(FIRST_DAY + (i + random.next()) * slot);
  day.setUTCHours(random.int(7, 22), random.int(0, 59), 0, 0);
  return day;
}

// Transliteration as src/text/slug.ts does it (the generator runs without a build, so it
// cannot import the TypeScript): х→h, ц→c, й→y, ю→yu, я→ya.
const TRANSLIT = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** A slug from a Russian title, cut after the last whole word within 60 characters. */
function slugFromTitle(title, max = 60) {
  const full = [...title.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  let cut = '';
  for (const word of full.split('-')) {
    const next = cut ? `${cut}-${word}` : word;
    if (next.length > max) break;
    cut = next;
  }
  return cut || full.slice(0, max);
}

/** The slug, or slug-2, slug-3… when taken; the chosen one is added to `taken`. */
function uniqueSlug(slug, taken) {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** The script run by itself (the benchmarks and tests call it so); editors and operators run `npm run generate`, src/cli/generate.ts. */
function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      // Keep the folder when an earlier run wrote the very same content: the benchmark's repeat runs.
      reuse: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('npm run generate -- [--count 10000] [--out DIR] [--seed 1] [--reuse]');
    return;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a whole number above 0, not "${values.count}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);
  const out = path.resolve(values.out ?? path.join(os.tmpdir(), `dknews-${count}`));
  const r = generateContent({ count, out, seed, reuse: values.reuse });
  const total = r.files.ru + r.files.kk + r.files.en;
  console.log(
    `${r.reused ? 'Reused' : 'Wrote'} ${r.count} articles ${r.reused ? 'in' : 'to'} ${r.out}: ${total} files (${r.files.ru} ru, ${r.files.kk} kk, ${r.files.en} en), ` +
      `${(r.bytes / 1e6).toFixed(1)} MB of Markdown, ${r.authors} authors` +
      (r.reused ? ' (an earlier run with the same seed and generator wrote them)' : `, in ${(r.ms / 1000).toFixed(1)} s`),
  );
}

// Run as a command; stay quiet when imported.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1] === import.meta.filename) {
  try {
    main();
  } catch (error) {
    console.error(`generate-content: ${error.message}`);
    process.exit(1);
  }
}
