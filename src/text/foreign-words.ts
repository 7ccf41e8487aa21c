import type MarkdownIt from 'markdown-it';

type CoreRule = Parameters<MarkdownIt['core']['ruler']['push']>[1];

const KAZAKH_LETTER = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const CYRILLIC = 'А-Яа-яЁё' + 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
const CYRILLIC_LETTER = new RegExp(`[${CYRILLIC}]`);
// In Russian text: a run of words that each carry a letter only Kazakh has.
const KAZAKH_WORD = `[${CYRILLIC}]*[ӘәҒғҚқҢңӨөҰұҮүҺһІі][${CYRILLIC}]*`;
const KAZAKH_RUN = new RegExp(`${KAZAKH_WORD}(?:[\\s\\u00a0-]+${KAZAKH_WORD})*`, 'gu');
// In English text: any run of Cyrillic words.
const CYRILLIC_RUN = new RegExp(`[${CYRILLIC}]+(?:[\\s\\u00a0-]+[${CYRILLIC}]+)*`, 'gu');

/**
 * Marks passages in another language with `lang`, so that screen readers switch voice: Kazakh
 * words in Russian articles (they carry letters Russian does not have), and Cyrillic words in
 * English ones (Kazakh when they carry such a letter, else Russian). Editors write nothing.
 */
export function foreignWords(lang: string): CoreRule {
  const pattern = lang === 'ru' ? KAZAKH_RUN : lang === 'en' ? CYRILLIC_RUN : undefined;
  // Every passage has a letter of this kind: a text without one is left as it is, at the cost of
  // one plain scan (the passage pattern backtracks over every word).
  const letter = lang === 'ru' ? KAZAKH_LETTER : CYRILLIC_LETTER;
  return (state) => {
    if (!pattern) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      block.children = block.children.flatMap((token) => {
        if (token.type !== 'text' || !letter.test(token.content) || !pattern.test(token.content)) return [token];
        pattern.lastIndex = 0;
        const out = [];
        let at = 0;
        for (const match of token.content.matchAll(pattern)) {
          const passage = match[0];
          const code = KAZAKH_LETTER.test(passage) ? 'kk' : 'ru';
          const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
          const html = (content: string) => Object.assign(new state.Token('html_inline', '', 0), { content });
          if (match.index > at) out.push(text(token.content.slice(at, match.index)));
          out.push(html(`<span lang="${code}">`), text(passage), html('</span>'));
          at = match.index + passage.length;
        }
        if (at < token.content.length) out.push(Object.assign(new state.Token('text', '', 0), { content: token.content.slice(at) }));
        return out;
      });
    }
  };
}

/** A piece of text for a template to print, in a `<span lang>` when it is in another language. */
export interface TextPart {
  text: string;
  lang?: string;
}

// An official number with Cyrillic letters, as issued: 10484-АА.
const RUSSIAN_IDENTIFIER = /\d+(?:[-/]\d+)*-[А-ЯЁ]+(?![А-Яа-яЁё])/gu;

/**
 * Splits a text so that official identifiers written in Russian (a registration number such as
 * «10484-АА») are marked `ru` on Kazakh and English pages: they stay as issued, and a screen
 * reader reads them in Russian instead of spelling Cyrillic letters in another voice.
 * @example russianIdentifiers('No. 10484-АА was issued', 'en') // [{ text: 'No. ' }, { text: '10484-АА', lang: 'ru' }, { text: ' was issued' }]
 */
export function russianIdentifiers(text: string, lang: string): TextPart[] {
  if (lang === 'ru') return [{ text }];
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(RUSSIAN_IDENTIFIER)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: match[0], lang: 'ru' });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
