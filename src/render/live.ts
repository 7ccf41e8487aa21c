import type { Article } from '../parse/types.js';
import { pluralForms, type PageContext } from './context.js';
import { liveState } from './labels.js';

/** One live update as the body's HTML has it (parse/live-updates.ts wrote it). */
export interface LiveUpdateView {
  id: string;
  /** Its moment, ISO 8601 with the Almaty offset. */
  iso: string;
  /** The heading's text after its time; may be empty. */
  title: string;
  /** Its text without markup, the heading's left out. */
  text: string;
}

/** What the article page adds for live coverage: the body's updates, and while live, what the page's script needs to offer new ones. */
export interface LivePage {
  state: 'live' | 'ended';
  updates: LiveUpdateView[];
  /** While live: the phrase «N новых обновлений» in each plural form, # for the number (data-live-new). */
  newForms?: string;
}

const SECTION = /<section class="live-update" id="([^"]+)">\n<h2><time datetime="([^"]+)">[^<]*<\/time>\s?([\s\S]*?)<\/h2>([\s\S]*?)<\/section>/g;

/**
 * The updates of a live article's body, read back from the HTML our own Markdown pipeline
 * wrote (parse/live-updates.ts), newest first.
 */
export function liveUpdatesOf(html: string): LiveUpdateView[] {
  return [...html.matchAll(SECTION)].map((m) => ({ id: m[1]!, iso: m[2]!, title: plain(m[3]!), text: plain(m[4]!) }));
}

export function livePage(ctx: PageContext, article: Article, html: string): LivePage | undefined {
  const state = liveState(article, ctx.now);
  if (!state) return undefined;
  return { state, updates: liveUpdatesOf(html), newForms: state === 'live' ? JSON.stringify(pluralForms(ctx, 'live.new')) : undefined };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** HTML of our pipeline as plain text: tags out, its five escapes back, spaces collapsed. */
function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/gu, ' ')
    .trim();
}
