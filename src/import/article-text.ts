import { stringify } from 'yaml';

/**
 * The text of an imported file: front matter as an editor writes it (the fields in the order of
 * the guide, text quoted only where YAML needs it), a blank line, the body. The same item gives
 * the same bytes on every run: nothing in it says when it was imported.
 */
export interface ArticleFields {
  title: string;
  lead?: string;
  date: string;
  updated?: string;
  author: string;
  topics: string[];
  image?: { src: string; alt: string; caption?: string; credit?: string };
  featured?: boolean;
  views?: number;
  draft?: boolean;
  aliases: string[];
}

export function articleText(f: ArticleFields, body: string): string {
  const lines = [
    `title: ${scalar(f.title)}`,
    ...(f.lead ? [`lead: ${scalar(f.lead)}`] : []),
    `date: ${f.date}`,
    ...(f.updated ? [`updated: ${f.updated}`] : []),
    `author: ${f.author}`,
    `topics: [${f.topics.join(', ')}]`,
    ...(f.image
      ? [
          'image:',
          `  src: ${scalar(f.image.src)}`,
          `  alt: ${scalar(f.image.alt)}`,
          ...(f.image.caption ? [`  caption: ${scalar(f.image.caption)}`] : []),
          ...(f.image.credit ? [`  credit: ${scalar(f.image.credit)}`] : []),
        ]
      : []),
    ...(f.featured ? ['featured: true'] : []),
    ...(f.views ? [`views: ${f.views}`] : []),
    ...(f.draft ? ['draft: true'] : []),
    ...(f.aliases.length ? ['aliases:', ...f.aliases.map((a) => `  - ${scalar(a)}`)] : []),
  ];
  return withFrontMatter(lines, body);
}

export function pageText(f: { title: string; description?: string; order?: number; aliases: string[] }, body: string): string {
  return withFrontMatter(
    [
      `title: ${scalar(f.title)}`,
      ...(f.description ? [`description: ${scalar(f.description)}`] : []),
      ...(f.order !== undefined ? [`order: ${f.order}`] : []),
      ...(f.aliases.length ? ['aliases:', ...f.aliases.map((a) => `  - ${scalar(a)}`)] : []),
    ],
    body,
  );
}

/** The line of the file where the body starts, for notes about a line of the body. */
export function bodyStartLine(text: string): number {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  return close + 3;
}

function withFrontMatter(lines: string[], body: string): string {
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

/** A text as YAML writes it: plain when it can be, quoted when it must (a colon, a leading #, «true»). */
function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
