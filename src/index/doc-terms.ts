import type { Localized } from '../parse/schema.js';
import type { Article, ArticleBody } from '../parse/types.js';
import { indexTerm, WORD } from './terms.js';

/** An article's search document: each field as its terms (stems), space-separated, for FTS5. */
export interface DocTerms {
  title: string;
  lead: string;
  /** Its topics' and author's names. */
  tags: string;
  body: string;
}

/** Names of topics and authors by id: what `tags` is made of. */
export interface Names {
  topics: Record<string, Localized>;
  authors: Record<string, Localized>;
}

/**
 * The terms of an article, stemmed the way queries are (Snowball ru/en, the light Kazakh
 * stemmer), so FTS5 matches stems with its own plain tokenizer. Pure; parsing threads run it.
 * @example docTerms(article, body, names).title // 'сотрудничеств казахста …'
 */
export function docTerms(article: Article, body: ArticleBody, names: Names): DocTerms {
  const lang = article.lang;
  const terms = (text: string) => Array.from(text.matchAll(WORD), ([word]) => indexTerm(word, lang)).join(' ');
  const tags = [...article.topics.map((id) => names.topics[id]?.[lang] ?? ''), names.authors[article.author]?.[lang] ?? ''];
  return { title: terms(article.title), lead: terms(article.lead), tags: terms(tags.join(' ')), body: terms(body.text) };
}
