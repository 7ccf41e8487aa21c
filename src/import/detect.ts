/** The kinds of source the import reads, told apart by their content, never by their name. */
export type SourceKind = 'wxr' | 'rss' | 'atom' | 'sitemap';

export type Detected = { kind: SourceKind; wxrVersion?: string } | { kind: 'not-xml' } | { kind: 'html' } | { kind: 'unknown-xml'; root: string };

/** WordPress's export namespace in every spelling it has had: http or https, 1.0 to 1.2. */
export const WXR_NS = /^https?:\/\/wordpress\.org\/export\/(1\.\d)\/$/;

/**
 * What a source is, from its first few kilobytes: the root element and its namespaces.
 * @example detectSource('<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.1/">') // { kind: 'wxr', wxrVersion: '1.1' }
 */
export function detectSource(head: string): Detected {
  const text = head.replace(/^\uFEFF/, '');
  // Past the XML declaration, comments, processing instructions and a doctype: the root's start tag.
  const rest = text.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, '');
  if (/^<!doctype\s+html|^<html[\s>]/i.test(rest)) return { kind: 'html' };
  const root = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(rest);
  if (!root) return { kind: 'not-xml' };
  const name = root[1]!.replace(/^.*:/, '').toLowerCase();
  const wxr = /xmlns:[\w-]+\s*=\s*["'](https?:\/\/wordpress\.org\/export\/(1\.\d)\/)["']/.exec(root[2] ?? '');
  if (name === 'rss' && wxr) return { kind: 'wxr', wxrVersion: wxr[2] };
  if (name === 'rss' || name === 'rdf') return { kind: 'rss' };
  if (name === 'feed') return { kind: 'atom' };
  if (name === 'urlset' || name === 'sitemapindex') return { kind: 'sitemap' };
  return { kind: 'unknown-xml', root: root[1]! };
}
