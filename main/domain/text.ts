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

/** The collation locale of each screen language (names sort as a Belgian reader expects). */
export const NAME_LOCALES: Record<string, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB', de: 'de-BE' };

export interface NamedPerson {
  firstName: string;
  lastName: string;
  code: string;
}

/**
 * Lists of people in a language's collation: last name, first name, then the code so that the
 * order is total ("Élodie" before "Zoë", which SQLite's byte order puts after). For a screen
 * language code (nl, fr, en, de) or a full locale.
 */
export function peopleByName(language: string): (a: NamedPerson, b: NamedPerson) => number {
  // The collator itself, not compareNames: a 50,000-person list makes about 800,000 comparisons.
  const { compare } = new Intl.Collator(NAME_LOCALES[language] ?? language, { sensitivity: 'base', numeric: true });
  return (a, b) => compare(a.lastName, b.lastName) || compare(a.firstName, b.firstName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
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

/**
 * Characters that change how a text looks without being seen themselves: control characters,
 * bidirectional overrides, embeddings, isolates and marks, and zero-width characters. In a name
 * they make "Jan" look like another name on a badge or a list (U+202E turns what follows
 * around), hide a second name in one cell, or break a line where none shows. They are refused
 * at import and entry, naming the character and its position, or removed where the person
 * confirms. Zero-width joiners have real uses in some scripts and emoji; a name on a Belgian
 * register has none, and a person can still confirm their removal.
 */
const HIDDEN_CHARACTER_NAMES: ReadonlyMap<number, string> = new Map([
  [0x061c, 'Arabic letter mark'],
  [0x180e, 'Mongolian vowel separator'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'zero-width no-break space'],
]);

export interface HiddenCharacter {
  /** "U+202E". */
  codePoint: string;
  /** "right-to-left override", in English for the CLI and logs. */
  name: string;
  /** 1-based position in the text, in characters as a person counts them. */
  position: number;
}

function hiddenName(code: number, allowLineBreaks: boolean): string | null {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return allowLineBreaks ? null : code === 0x09 ? 'tab' : 'line break';
  if (code < 0x20 || code === 0x7f) return 'control character';
  if (code >= 0x80 && code <= 0x9f) return 'control character';
  return HIDDEN_CHARACTER_NAMES.get(code) ?? null;
}

/** The hidden characters of a text; tabs and line breaks count only when the text is one line. */
export function hiddenCharactersIn(text: string, options: { allowLineBreaks?: boolean } = {}): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  let position = 0;
  for (const char of text) {
    position += 1;
    const code = char.codePointAt(0)!;
    const name = hiddenName(code, options.allowLineBreaks ?? false);
    if (name !== null) found.push({ codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, name, position });
  }
  return found;
}

/** The text without its hidden characters (what the person confirms when asked to remove them). */
export function withoutHiddenCharacters(text: string, options: { allowLineBreaks?: boolean } = {}): string {
  let kept = '';
  for (const char of text) if (hiddenName(char.codePointAt(0)!, options.allowLineBreaks ?? false) === null) kept += char;
  return kept;
}

/** "U+202E (right-to-left override) at position 4", the English description of the first few. */
export function describeHiddenCharacters(found: readonly HiddenCharacter[]): string {
  const shown = found.slice(0, 3).map((c) => `${c.codePoint} (${c.name}) at position ${c.position}`);
  return found.length > 3 ? `${shown.join(', ')} and ${found.length - 3} more` : shown.join(', ');
}
