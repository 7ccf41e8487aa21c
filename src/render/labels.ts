import type { Article } from '../parse/types.js';
import type { PageContext } from './context.js';

/** A mark printed above an article's title and on its cards: «Срочно», «Онлайн», «Реклама». */
export interface LabelView {
  text: string;
  /** `label label--breaking`, `label--live`, `label--ended`, `label--ad`. */
  classes: string;
}

/**
 * Where an article's live coverage stands at a moment: live until `live_until` (or until the
 * editor writes `live: false`), ended after; undefined for an article that is not live coverage.
 */
export function liveState(article: Article, now: Date): 'live' | 'ended' | undefined {
  const live = article.live;
  if (!live) return undefined;
  return live.on && (!live.until || now < live.until) ? 'live' : 'ended';
}

/** The marks of an article, in the order they are printed: advertising first, as the law wants it seen. */
export function articleLabels(ctx: PageContext, article: Article): LabelView[] {
  const labels: LabelView[] = [];
  const label = (kind: string, key: string) => labels.push({ text: ctx.t(key), classes: `label label--${kind}` });
  if (article.sponsored) label('ad', 'label.ad');
  if (article.breaking) label('breaking', 'label.breaking');
  const live = liveState(article, ctx.now);
  if (live) label(live, `label.${live}`);
  return labels;
}
