/** The forms of a text that depends on a count, by `Intl.PluralRules` category; `other` is required. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of `forms` that `count` takes in `lang` ("1 key result", "2 key results";
 * German "1 Schlüsselergebnis", "2 Schlüsselergebnisse"), chosen by `Intl.PluralRules`, so
 * that each language's own rules apply (a string table never compares a count with 1
 * itself). `maximumFractionDigits` must match how the count is shown: "up 1 point" is
 * right for 1.04 shown as "1", "up 1.5 points" for 1.5.
 */
export function plural(lang: string, count: number, forms: PluralForms, maximumFractionDigits = 0): string {
  const key = `${lang}|${maximumFractionDigits}`;
  let found = rules.get(key);
  if (!found) {
    found = new Intl.PluralRules(lang, { maximumFractionDigits });
    rules.set(key, found);
  }
  return forms[found.select(count)] ?? forms.other;
}
