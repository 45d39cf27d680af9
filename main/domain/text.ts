/**
 * Text normalisation shared by search, uniqueness and sorting.
 * SQLite's LOWER/LIKE only fold ASCII, so we store a key: NFD, combining marks stripped,
 * lower-case, whitespace folded. `Çelik` -> `celik`, `Élodie` -> `elodie`.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // letters NFD does not decompose
    .replace(/ł/gi, 'l')
    .replace(/ı/g, 'i')
    .replace(/ø/gi, 'o')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collators = new Map<string, Intl.Collator>();
/** Locale-aware comparison for names (Intl.Collator, base sensitivity, numeric). */
export function compareNames(a: string, b: string, locale = 'nl-BE'): number {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare(a, b);
}
