import { articlesBySlugs, latest, leadStory, recentArticles, topicLatest } from '../index/queries.js';
import type { Article } from '../parse/types.js';
import { publisher } from '../seo/publisher.js';
import { homeStructuredData } from '../seo/structured-data.js';
import { cardView, headline, type CardView } from './cards.js';
import type { PageContext } from './context.js';
import { layoutView } from './layout.js';
import type { PageView } from './pages.js';
import { dateParts, isoLocal } from '../i18n/format.js';
import { everyLanguage, paths } from '../paths.js';

/** Stories under the lead, with their photos. */
const TOP_STORIES = 3;
/** «Лента новостей»: the newest this many, time and headline. */
const FEED_SIZE = 20;
const MOST_READ = 5;
/** Newest stories per topic block. */
const PER_TOPIC = 4;
/** The counter's most read of every language, from which a language's own are picked. */
const MOST_READ_LOOKUP = 100;

export interface FeedDay {
  /** The day's heading («27 января 2026»), for every day the feed reaches. */
  day: string;
  items: { href: string; title: string; time: string; iso: string }[];
}

export interface HomePage {
  heading: string;
  /** The lead story; absent only when there is nothing at all. */
  lead?: CardView;
  top: CardView[];
  /** Absent when it would only repeat the lead. */
  feed?: { days: FeedDay[]; allHref: string };
  /** Absent until the counter has counted views this week, and while it would only repeat the stories above. */
  mostRead?: { title: string; href: string }[];
  topics: { id: string; name: string; href: string; cards: CardView[] }[];
  /** The column beside the stories, when the feed or «most read» stands. */
  aside: boolean;
  /** The top block's classes: front__top, with front__top--aside when the column stands. */
  topClasses: string;
  empty?: string;
}

/**
 * The front page: a lead story, the stories under it, «Лента новостей», «Самое читаемое», and a
 * block per topic with its newest stories not shown above. A block with nothing to show is
 * left out, so no column stands empty whether the desk has one article or ten thousand.
 */
export function homePage(ctx: PageContext): PageView<HomePage> {
  const { lang } = ctx;
  const recent = recentArticles(ctx.index, lang);
  // A breaking story leads for site.yml's breakingHours after its date, then takes its place by date.
  const breaking = ctx.index.breakingLead(lang);
  const lead = (breaking && (recent.find((a) => a.path === breaking.path) ?? breaking)) ?? leadStory(recent);
  const shown = new Set<Article>(lead ? [lead] : []);
  const top = latest(recent, TOP_STORIES, shown);
  for (const a of top) shown.add(a);
  const feed = latest(recent, FEED_SIZE);
  const mostRead = articlesBySlugs(ctx.index, lang, ctx.mostRead(MOST_READ_LOOKUP).map((r) => r.slug), MOST_READ);
  const shownPaths = new Set([...shown].map((a) => a.path));
  const feedView = feed.length > 1 ? { days: feedDays(ctx, feed), allHref: paths.news(lang) } : undefined;
  // Like the feed, it stands only when it adds a story the reader has not just seen above.
  const mostReadView = mostRead.some((a) => !shownPaths.has(a.path)) ? mostRead.map((a) => ({ title: headline(ctx, a.title).text, href: a.path })) : undefined;
  const aside = feedView !== undefined || mostReadView !== undefined;
  return {
    layout: layoutView(ctx, {
      path: paths.home(lang),
      description: ctx.index.site.description[lang],
      alternates: everyLanguage(paths.home),
      structuredData: homeStructuredData(ctx.index, lang, publisher(ctx.siteUrl, ctx.asset)),
      // npm run dev's banner lists every content problem on the front page.
      problemsOf: 'all',
      // The feed's continuation: the home page's later pages list what is older than its 20.
      next: ctx.index.count(lang) > ctx.pageSize ? paths.home(lang, 2) : undefined,
    }),
    t: ctx.t,
    lastModified: ctx.index.lastChange(lang),
    page: {
      heading: ctx.t('home.heading'),
      // The lead story's picture is the page's largest paint: loaded first (see render/picture.ts).
      lead: lead && cardView(ctx, lead, { slot: 'lead', main: true, large: true }),
      top: top.map((a) => cardView(ctx, a, { level: 'h3', placeholder: true })),
      feed: feedView,
      mostRead: mostReadView,
      aside,
      topClasses: aside ? 'front__top front__top--aside' : 'front__top',
      topics: topicBlocks(ctx, shown),
      empty: lead ? undefined : ctx.t('home.empty'),
    },
  };
}

/**
 * A block per topic of the menu (topics.yml `menu`, in its order), with its newest stories not shown above: a
 * story of several topics shows in the first block it fits, once on the page.
 */
function topicBlocks(ctx: PageContext, shown: Set<Article>): HomePage['topics'] {
  const blocks: HomePage['topics'] = [];
  for (const topic of ctx.index.topics.values()) {
    if (topic.menu === false) continue;
    const articles = topicLatest(ctx.index, ctx.lang, { topic: topic.id, count: PER_TOPIC, except: shown });
    for (const article of articles) shown.add(article);
    const cards = articles.map((a, i) => cardView(ctx, a, { level: 'h3', topic: false, variant: i === 0 ? 'block-first' : 'block-line', image: i === 0 }));
    if (cards.length) blocks.push({ id: topic.id, name: topic.name[ctx.lang], href: paths.topic(ctx.lang, topic.id), cards });
  }
  return blocks;
}

/** The feed's stories grouped by their day in Almaty, each with its time. */
function feedDays(ctx: PageContext, articles: readonly Article[]): FeedDay[] {
  const days: FeedDay[] = [];
  for (const article of articles) {
    const parts = dateParts(article.date, ctx.lang);
    const day = ctx.t('date.day', parts);
    if (days.at(-1)?.day !== day) days.push({ day, items: [] });
    days.at(-1)!.items.push({ href: article.path, title: headline(ctx, article.title).text, time: parts.time, iso: isoLocal(article.date) });
  }
  return days;
}
