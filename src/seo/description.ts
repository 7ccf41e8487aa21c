/**
 * A meta description: the text on one line, cut on a word at most `max` characters long,
 * with an ellipsis when cut (inside a word when the last word break is in the first half).
 * @example describe('Один два три', 10) // 'Один два…'
 */
export function describe(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).replace(/[\s,;:.—–-]+$/u, '')}…`;
}
