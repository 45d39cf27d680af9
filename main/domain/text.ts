const PLAIN_ASCII = /^[\x20-\x7e\t\r\n]*$/;

/**
 * Text normalisation shared by search, uniqueness and sorting.
 * SQLite's LOWER/LIKE only fold ASCII, so we store a key: NFD, combining marks stripped,
 * lower-case, whitespace folded. `Çelik` -> `celik`, `Élodie` -> `elodie`.
 */
export function searchKey(text: string): string {
  // Most names, codes, e-mails and phones are plain ASCII: no Unicode pass is needed for them
  // (this runs for every person of a 50,000-row import).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
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

/**
 * Whether two typed names name the same person: compared by their search keys, so capitals,
 * accents and stray spaces do not make "Mallory" and " mallory" or "Élodie" and "elodie" two
 * people (double entry at the counting table needs two different people).
 */
export function sameName(a: string, b: string): boolean {
  return searchKey(a) === searchKey(b);
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
