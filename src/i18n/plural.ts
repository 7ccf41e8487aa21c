const rules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of a count in a language (CLDR's rule, through Intl): one, few, many or
 * other. The one plural rule of the site: the editors' messages pick their word by it, and
 * the article page lists its count phrases by it for the view counter's script.
 * @example pluralCategory('ru', 21) // 'one'
 */
export function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return rule.select(count);
}

/**
 * The form of a word for a count, from its forms by plural category (other when the language's
 * category has no form of its own).
 * @example plural('ru', 5, { one: 'статья', few: 'статьи', many: 'статей', other: 'статьи' }) // 'статей'
 */
export function plural(lang: string, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string {
  return forms[pluralCategory(lang, count)] ?? forms.other;
}
