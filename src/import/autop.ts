/**
 * WordPress's classic editor keeps paragraphs as blank lines, not <p>: WordPress adds the
 * tags when it shows a post (wpautop). This does the same for a body without block markup, so
 * that paragraphs and line breaks survive: a blank line ends a paragraph, a single line break
 * is a <br>, and what already is a block (a table, a list, a figure, a <pre>) is left alone.
 * @example autop('Первый абзац.\n\nВторой\nабзац.') // '<p>Первый абзац.</p>\n<p>Второй<br>\nабзац.</p>'
 */
const BLOCK = /^<\/?(?:table|thead|tbody|tfoot|tr|td|th|caption|div|dl|dd|dt|ul|ol|li|pre|form|blockquote|address|p|h[1-6]|hr|figure|figcaption|section|article|aside|header|footer|nav|details|summary|iframe|script|style|video|audio|object|embed|!--)/i;

export function autop(html: string): string {
  if (!html.trim()) return '';
  // Blank lines inside <pre> are the code's own: keep them out of the split.
  const pres: string[] = [];
  const text = html.replace(/\r\n?/g, '\n').replace(/<pre[\s\S]*?<\/pre>/gi, (pre) => `\uE002${pres.push(pre) - 1}\uE003`);
  const blocks = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      if (BLOCK.test(chunk) || /^\uE002\d+\uE003$/.test(chunk)) return chunk;
      return `<p>${chunk.replace(/(?<!<br\s*\/?>)\n/g, '<br>\n')}</p>`;
    });
  return blocks.join('\n').replace(/\uE002(\d+)\uE003/g, (_, i: string) => pres[Number(i)]!);
}

/** Whether a body was written with the block editor (its markup is already whole). */
export function hasBlocks(html: string): boolean {
  return html.includes('<!-- wp:');
}
