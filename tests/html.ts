import { load, type CheerioAPI } from 'cheerio';

/** What a selector finds: cheerio's selection of elements. */
export type Found = ReturnType<typeof selectAll>;
function selectAll($: CheerioAPI, selector: string) {
  return $(selector);
}

/**
 * A page as a browser reads it: parsed by cheerio (parse5, the WHATWG HTML parser), so that a
 * test asks for elements and attributes instead of searching the markup for long strings that
 * break at every change of whitespace or attribute order.
 */
export function parseHtml(html: string): CheerioAPI {
  return load(html);
}

/** What a reader sees of an element: its text, runs of white space as one space, trimmed. */
export function textOf(element: { text(): string }): string {
  return element.text().replace(/\s+/g, ' ').trim();
}

/** The one element a selector finds; fails when there is none or more than one. */
export function one($: CheerioAPI, selector: string): Found {
  const found = selectAll($, selector);
  if (found.length !== 1) throw new Error(`Expected one element for «${selector}», found ${found.length}`);
  return found;
}

/** An element's attributes, for comparing with toEqual / toMatchObject. */
export function attributesOf(element: Found): Record<string, string> {
  return { ...element.attr() };
}
