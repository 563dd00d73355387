/*
 * Counted nouns: Russian has three forms (1 заказ, 2 заказа, 5 заказов), English two. The
 * form is chosen by Intl.PluralRules for the language, the number written by its locale.
 */

/** The forms a counted noun takes; `few` and `many` are Russian's (English uses `one` and `other`). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** `5 заказов`, `1 run`: `count` written in `locale` and the noun's form for it. */
export function countOf(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  let number = numbers.get(locale);
  if (!number) numbers.set(locale, (number = new Intl.NumberFormat(locale)));
  const category = rule.select(count);
  const noun = (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
  return `${number.format(count)} ${noun}`;
}
