import { readFileSync } from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';
import { TEMPLATE_OPTIONS, VIEWS_DIR } from '../config.js';

const compiled = new Map<string, (locals: object) => string>();

/**
 * A partial of views/partials/ as a function, for the HTML built outside a page's template:
 * body pictures (body-pictures.ts) and the feeds' figures (feed.ts) print the pages' own
 * markup. Compiled once, on first use.
 * @example renderPartial('figure', { figure }) // '<figure>…</figure>'
 */
export function renderPartial(name: string, locals: object): string {
  let render = compiled.get(name);
  if (!render) {
    const filename = path.join(VIEWS_DIR, 'partials', `${name}.ejs`);
    render = ejs.compile(readFileSync(filename, 'utf8'), { ...TEMPLATE_OPTIONS, filename }) as (locals: object) => string;
    compiled.set(name, render);
  }
  return render(locals);
}
