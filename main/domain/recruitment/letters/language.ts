/**
 * The language of a letter: the addressee's own language when the register knows it, both
 * Dutch and French for an address in the Brussels-Capital Region, otherwise the language of the
 * region the postcode lies in.
 *
 * Postcode ranges (bpost's allocation, by province; checked against bpost's list of
 * municipalities and postcodes):
 * - 1000–1299 Brussels-Capital Region: its 19 municipalities use 1000–1210 (1000 Brussels …
 *   1210 Saint-Josse-ten-Noode), the rest of the range holds special codes of institutions in
 *   Brussels (1005 parliament, 1047–1049 the EU institutions, 1110 NATO, …). No code in the
 *   range lies outside the Region, so the whole range is used.
 * - 1300–1499 Walloon Brabant (Wallonia, French).
 * - 1500–1999 and 3000–3499 Flemish Brabant, 2000–2999 Antwerp, 3500–3999 Limburg,
 *   8000–8999 West Flanders, 9000–9999 East Flanders (Flanders, Dutch).
 * - 4000–7999 Liège, Namur, Hainaut, Luxembourg (Wallonia, French), except 4700–4799: the nine
 *   municipalities of the German-speaking Community (Eupen 4700–4701, Lontzen 4710–4711, Kelmis
 *   4720–4728, Raeren 4730–4731, Bütgenbach 4750, Büllingen 4760–4761, Amel 4770–4771,
 *   Sankt Vith 4780–4784, Burg-Reuland 4790–4791); no other municipality has a code in 4700–4799.
 *   Malmedy (4960) and Weismes (4950) are French-speaking municipalities with facilities for
 *   German speakers: French, unless the register says German.
 * The municipalities with language facilities elsewhere (around Brussels, Voeren, Comines,
 * Mouscron, …) get their region's language unless the register knows the person's.
 */
import type { LetterLanguage } from './types';

export type Region = 'brussels' | 'flanders' | 'wallonia' | 'germanCommunity';

/** The four digits of a Belgian postcode ("1000", "B-1000", " 1000 "), or null. */
export function postcodeNumber(postcode: string): number | null {
  const m = /^\s*(?:B\s*-?\s*)?(\d{4})\s*$/i.exec(postcode);
  return m ? Number(m[1]) : null;
}

/** The region (or the German-speaking Community) of a Belgian postcode; null when it is not one. */
export function regionOf(postcode: string): Region | null {
  const n = postcodeNumber(postcode);
  if (n === null || n < 1000) return null;
  if (n <= 1299) return 'brussels';
  if (n <= 1499) return 'wallonia';
  if (n <= 3999) return 'flanders';
  if (n >= 4700 && n <= 4799) return 'germanCommunity';
  if (n <= 7999) return 'wallonia';
  return 'flanders';
}

const REGION_LANGUAGE: Record<Exclude<Region, 'brussels'>, LetterLanguage> = { flanders: 'nl', wallonia: 'fr', germanCommunity: 'de' };

/** The spellings a register or a spreadsheet uses for each language (lower case, accents kept). */
const SPELLINGS: Record<LetterLanguage, string[]> = {
  nl: ['nl', 'n', 'nld', 'dut', 'nederlands', 'dutch', 'néerlandais', 'neerlandais', 'niederländisch', 'vlaams', 'flemish', 'nl-be'],
  fr: ['fr', 'f', 'fra', 'fre', 'français', 'francais', 'french', 'frans', 'französisch', 'fr-be'],
  de: ['de', 'd', 'deu', 'ger', 'deutsch', 'german', 'duits', 'allemand', 'de-be'],
  en: ['en', 'e', 'eng', 'english', 'engels', 'anglais', 'englisch', 'en-gb'],
};

/** The letter language a register's language cell names, or null (empty, or another language). */
export function normaliseLanguage(value: string | null | undefined): LetterLanguage | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return null;
  for (const [lang, names] of Object.entries(SPELLINGS) as [LetterLanguage, string[]][]) if (names.includes(v)) return lang;
  return null;
}

/** Why a letter is in its language(s): shown in the export's summary. */
export type LanguageReason = 'brussels' | 'register' | 'region' | 'fallback';

export interface LanguageChoice {
  /** One language, or two for a bilingual letter (the first printed first, on the left). */
  languages: LetterLanguage[];
  reason: LanguageReason;
}

/**
 * The letter language(s) for an addressee.
 * - Brussels-Capital address: bilingual Dutch and French, the person's own language first when
 *   the register says French (Dutch first otherwise), whatever the register says.
 * - Otherwise the register's language (nl, fr, de, en) when it is known.
 * - Otherwise the region's language from the postcode (Flanders nl, Wallonia fr, the
 *   German-speaking Community's municipalities de).
 * - Otherwise (no Belgian postcode) `fallback`: bilingual Dutch and French unless told.
 */
export function chooseLetterLanguage(a: { language: string | null; postcode: string }, fallback: LetterLanguage[] = ['nl', 'fr']): LanguageChoice {
  const own = normaliseLanguage(a.language);
  const region = regionOf(a.postcode);
  if (region === 'brussels') return { languages: own === 'fr' ? ['fr', 'nl'] : ['nl', 'fr'], reason: 'brussels' };
  if (own) return { languages: [own], reason: 'register' };
  if (region) return { languages: [REGION_LANGUAGE[region]], reason: 'region' };
  return { languages: [...fallback], reason: 'fallback' };
}

/** A short key for a choice of languages ("nl", "fr-nl"), for counts per language. */
export const languagesKey = (languages: readonly LetterLanguage[]): string => languages.join('-');
