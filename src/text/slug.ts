const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

// Transliteration as dknews.kz writes its addresses: х→h, ц→c, й→y, ю→yu, я→ya; Kazakh letters by their base sound.
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/**
 * A URL slug from a title, transliterated the way the agency's site does it.
 * @example slugify('Казахстан усиливает сотрудничество') // 'kazahstan-usilivaet-sotrudnichestvo'
 */
export function slugify(title: string): string {
  return [...title.toLowerCase()]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A slug from a title, cut after the last whole word that fits in `max` characters: addresses
 * stay readable and short enough to share. A single longer word is cut where it must be.
 * @example slugFromTitle('Казахстан усиливает сотрудничество с одной из самых богатых провинций Китая')
 * // 'kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh'
 */
export function slugFromTitle(title: string, max = 60): string {
  const full = slugify(title);
  if (full.length <= max) return full;
  let cut = '';
  for (const word of full.split('-')) {
    const next = cut ? `${cut}-${word}` : word;
    if (next.length > max) break;
    cut = next;
  }
  return cut || full.slice(0, max).replace(/-+$/, '');
}

/**
 * The slug itself if it is free, else the first free one of slug-2, slug-3, …
 * @example uniqueSlug('vybory', new Set(['vybory', 'vybory-2'])) // 'vybory-3'
 */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}
