
const NBSP = '\u00a0';
// Short words that Russian typesetting keeps on the line of the word after them.
const SHORT_RU = /(^|[\s(«„"])([А-Яа-яЁёA-Za-z]{1,2}|для|при|без|над|под|про|через|или|что|как|Для|При|Без|Над|Под|Про|Через|№)[ \t]+(?=\S)/gu;
const SPACED_HYPHEN = /[ \t\u00a0]+(?:-|--|–|—)[ \t]+/g;
const NUMBER_WORD = /(\d)[ \t]+(?=[\p{L}%‰])/gu;

/**
 * Typesetting of plain text the way each language wants it: a spaced hyphen becomes a dash
 * held to the word before it; numbers stay with their units; in Russian, short words stay with
 * the next one. The words themselves never change.
 * @example typeset('центр - Нанкин', 'ru') // 'центр\u00a0— Нанкин'
 */
export function typeset(text: string, lang: string): string {
  let out = text.replace(SPACED_HYPHEN, lang === 'en' ? `${NBSP}– ` : `${NBSP}— `).replace(NUMBER_WORD, `$1${NBSP}`);
  if (lang === 'ru') {
    // Twice, because a match consumes the space that begins the next one ("в и с").
    out = out.replace(SHORT_RU, `$1$2${NBSP}`).replace(SHORT_RU, `$1$2${NBSP}`);
  }
  return out;
}

/** Text with typographic spaces, dashes and soft hyphens folded back, for comparing words with a source. */
export function plainText(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/\u00a0/g, ' ').replace(/ [—–] /g, ' - ').replace(/\s+/g, ' ').trim();
}
