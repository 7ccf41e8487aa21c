import { decodeHTMLStrict } from 'entities';

/**
 * HTML's named entities for the XML parser: exports written by hand or by old plugins put
 * `&nbsp;` or `&laquo;` in titles outside CDATA, which XML does not define. The parser looks a
 * name up here after its own five; an unknown name stays an error, reported and read past.
 */
export function withHtmlEntities(xmlEntities: Record<string, string>): Record<string, string> {
  return new Proxy(xmlEntities, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      const decoded = decodeHTMLStrict(`&${name};`);
      return decoded === `&${name};` ? undefined : decoded;
    },
  });
}

/**
 * Text written HTML-escaped (WordPress keeps titles so: «Tom &amp; Jerry», «&#8211;») as it reads.
 * @example decodeEntities('Tom &amp; Jerry &#8211; 2') // 'Tom & Jerry – 2'
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}
