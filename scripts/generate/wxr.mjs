/**
 * A WordPress export (WXR 1.2) of generated news, for the import's benchmark: the articles of
 * scripts/generate (the same vocabulary and sentences) as a classic-editor WordPress would hold
 * them — HTML paragraphs, subheadings and lists, Cyrillic slugs percent-encoded, categories and
 * tags, a few comments and the postmeta plugins leave. Written as a stream, item by item.
 *
 *   node scripts/generate/wxr.mjs --count 100000 --out /tmp/export.xml [--seed 1]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { makeArticle } from './article.mjs';
import { createRandom } from './random.mjs';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './vocabulary.mjs';

const TOPICS = [
  ['politika', 'Политика'],
  ['ekonomika', 'Экономика'],
  ['mezhdunarodnye-otnosheniya', 'Международные отношения'],
  ['obschestvo', 'Общество'],
  ['regiony', 'Регионы'],
];
const TAGS = ['Астана', 'Алматы', 'Шымкент', 'нефть', 'инвестиции', 'образование', 'здравоохранение', 'цифровизация', 'туризм', 'сельское хозяйство', 'Китай', 'Россия', 'ЕАЭС', 'ШОС', 'ООН'];
const FIRST = Date.UTC(2008, 0, 1);
const LAST = Date.UTC(2026, 9, 31);

/**
 * Writes `count` posts to `out`; resolves with the bytes written.
 * @example await writeWxr({ count: 1000, out: '/tmp/x.xml' }) // 5_100_000
 */
export async function writeWxr({ count, out, seed = 1 }) {
  const random = createRandom(seed);
  const stream = createWriteStream(out);
  let bytes = 0;
  const write = async (text) => {
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const authors = Array.from({ length: 40 }, (_, i) => {
    const female = random.chance(0.5);
    const first = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = random.pick(SURNAMES);
    return { login: `author${i + 1}`, name: `${first[0]} ${last[0]}${female ? 'а' : ''}` };
  });
  await write(head(authors));
  // WordPress keeps post_name unique, adding -2, -3… to a title used before.
  const slugs = new Set();
  for (let i = 0; i < count; i++) await write(item(random, i, count, authors, slugs));
  await write('</channel>\n</rss>\n');
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

function head(authors) {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>DKNews.kz</title>
\t<link>https://old.dknews.kz</link>
\t<description>Международное информационное агентство</description>
\t<language>ru-RU</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>https://old.dknews.kz</wp:base_site_url>
\t<wp:base_blog_url>https://old.dknews.kz</wp:base_blog_url>
${authors.map((a, i) => `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login><![CDATA[${a.login}]]></wp:author_login><wp:author_email><![CDATA[${a.login}@dknews.kz]]></wp:author_email><wp:author_display_name><![CDATA[${a.name}]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>`).join('\n')}
${TOPICS.map(([slug, name], i) => `\t<wp:category><wp:term_id>${i + 2}</wp:term_id><wp:category_nicename><![CDATA[${slug}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[${name}]]></wp:cat_name></wp:category>`).join('\n')}
${TAGS.map((name, i) => `\t<wp:tag><wp:term_id>${i + 20}</wp:term_id><wp:tag_slug><![CDATA[${encodeURIComponent(name.toLowerCase().replace(/ /g, '-')).toLowerCase()}]]></wp:tag_slug><wp:tag_name><![CDATA[${name}]]></wp:tag_name></wp:tag>`).join('\n')}
`;
}

function item(random, i, count, authors, slugs) {
  const when = new Date(FIRST + ((i + random.next()) * (LAST - FIRST)) / count);
  const local = new Date(when.getTime() + 6 * 3600_000);
  const sql = (d) => d.toISOString().slice(0, 19).replace('T', ' ');
  const article = makeArticle(random, { i, date: local, topics: TOPICS.map(([slug]) => slug), authors: authors.map((a) => a.login), translated: false, earlierSlug: undefined, targetBytes: random.int(1500, 2300) });
  const text = article.files.ru;
  const end = text.indexOf('\n---\n', 4);
  const front = text.slice(4, end);
  const body = text.slice(end + 5).trim();
  const lead = /^lead: (.*)$/m.exec(front)?.[1]?.replace(/^"|"$/g, '');
  const topics = /^topics: \[(.*)\]$/m.exec(front)[1].split(', ');
  const author = /^author: (.*)$/m.exec(front)[1];
  let name = slugWords(article.title);
  for (let n = 2; slugs.has(name); n++) name = `${slugWords(article.title)}-${n}`;
  slugs.add(name);
  const slug = encodeURIComponent(name).toLowerCase();
  const id = 1000 + i;
  const day = local.toISOString().slice(0, 10).replace(/-/g, '/');
  const tags = random.sample(TAGS, random.int(0, 3));
  const comments = random.chance(0.3) ? random.int(1, 4) : 0;
  return `\t<item>
\t\t<title><![CDATA[${article.title}]]></title>
\t\t<link>https://old.dknews.kz/${day}/${slug}/</link>
\t\t<pubDate>${when.toUTCString().replace('GMT', '+0000')}</pubDate>
\t\t<dc:creator><![CDATA[${author}]]></dc:creator>
\t\t<guid isPermaLink="false">https://old.dknews.kz/?p=${id}</guid>
\t\t<description></description>
\t\t<content:encoded><![CDATA[${html(body)}]]></content:encoded>
\t\t<excerpt:encoded><![CDATA[${lead ?? ''}]]></excerpt:encoded>
\t\t<wp:post_id>${id}</wp:post_id>
\t\t<wp:post_date><![CDATA[${sql(local)}]]></wp:post_date>
\t\t<wp:post_date_gmt><![CDATA[${sql(when)}]]></wp:post_date_gmt>
\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>
\t\t<wp:ping_status><![CDATA[closed]]></wp:ping_status>
\t\t<wp:post_name><![CDATA[${slug}]]></wp:post_name>
\t\t<wp:status><![CDATA[${random.chance(0.01) ? 'draft' : 'publish'}]]></wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type><![CDATA[post]]></wp:post_type>
\t\t<wp:post_password><![CDATA[]]></wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
${topics.map((t) => `\t\t<category domain="category" nicename="${t}"><![CDATA[${TOPICS.find(([s]) => s === t)[1]}]]></category>`).join('\n')}
${tags.map((t) => `\t\t<category domain="post_tag" nicename="${encodeURIComponent(t.toLowerCase().replace(/ /g, '-')).toLowerCase()}"><![CDATA[${t}]]></category>`).join('\n')}
\t\t<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
\t\t<wp:postmeta><wp:meta_key><![CDATA[post_views_count]]></wp:meta_key><wp:meta_value><![CDATA[${random.int(10, 50_000)}]]></wp:meta_value></wp:postmeta>
${Array.from({ length: comments }, (_, c) => `\t\t<wp:comment><wp:comment_id>${id * 10 + c}</wp:comment_id><wp:comment_author><![CDATA[Читатель]]></wp:comment_author><wp:comment_date_gmt><![CDATA[${sql(when)}]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Спасибо за материал, очень интересно.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved></wp:comment>`).join('\n')}
\t</item>
`;
}

/** The title's first words, as a WordPress slug before encoding. */
function slugWords(title) {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').split('-').slice(0, 8).join('-');
}

/** The generator's Markdown as a classic editor keeps it: paragraphs as blank lines, headings and lists as HTML. */
function html(markdown) {
  return markdown
    .split(/\n\n/)
    .map((block) => {
      if (block.startsWith('## ')) return `<h2>${block.slice(3)}</h2>`;
      if (block.startsWith('- ')) return `<ul>\n${block.split('\n').map((li) => `<li>${li.slice(2)}</li>`).join('\n')}\n</ul>`;
      return block.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
    })
    .join('\n\n');
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) throw new Error('--out FILE is needed');
  const started = performance.now();
  const bytes = await writeWxr({ count: Number(values.count), out: values.out, seed: Number(values.seed) });
  console.log(`Wrote ${values.count} posts to ${values.out}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
