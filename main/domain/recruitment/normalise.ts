/**
 * Normal forms of contact details and addresses, so that the same e-mail, phone number, name
 * or address written in two ways compares equal. Used for duplicate detection and for the
 * one-person-per-household rule; the stored values stay as the person wrote them.
 */
import { searchKey } from '../text';

/** Trimmed and lower-cased; null when empty. Mail servers treat the domain case-insensitively
 * and in practice the local part too, so `An.Peeters@Mail.be` and `an.peeters@mail.be` are one box. */
export function normaliseEmail(s: string | null | undefined): string | null {
  const email = (s ?? '').trim().toLowerCase();
  return email === '' ? null : email;
}

/**
 * Digits only, so "0475/12.34.56" and "0475 12 34 56" compare equal. Belgian numbers are
 * written both nationally and internationally, so +32 and 0032 become the national trunk 0:
 * "+32 475 12 34 56", "0032475123456" and "0475/12.34.56" all give "0475123456". A "(0)" written
 * after +32 is dropped too. Other countries keep their code as "+<digits>" (00 → +), because
 * without it a foreign number could collide with a Belgian one. Null when there are no digits,
 * or nothing but zeros and a country code.
 */
export function normalisePhone(s: string | null | undefined): string | null {
  const text = (s ?? '').trim();
  let digits = text.replace(/\D+/g, '');
  if (digits === '') return null;
  let international = text.startsWith('+');
  if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  if (/^0*$/.test(digits)) return null;
  if (!international) return digits;
  if (digits.startsWith('32')) {
    const national = digits.slice(2).replace(/^0+/, '');
    // A form's pre-filled "+32" left alone is no number: as "0" it would pair everyone who did so.
    return national === '' ? null : '0' + national;
  }
  return '+' + digits;
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * searchKey()'s folding (accents, case) with punctuation and hyphens turned into spaces, so
 * "Jean-Marie D'Hondt" and "jean marie d hondt" share a key. Duplicate detection folds 50,000
 * names at once, so the common cases skip searchKey's Unicode passes: plain ASCII, and names
 * whose only non-ASCII letters are accented Latin ones (NFD plus the combining accents block).
 */
function foldWords(text: string): string {
  let plain = text;
  if (!ASCII.test(plain)) plain = text.normalize('NFD').replace(/[\u0300-\u036f]+/g, '');
  if (ASCII.test(plain)) return plain.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return searchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** First and last name as one comparable key: "Élodie Van-Damme" → "elodie van damme". */
export function nameKey(first: string, last: string): string {
  return foldWords(`${first} ${last}`);
}

// ---------------------------------------------------------------------------------------
// Households

/**
 * Street-type words and their abbreviations, mapped to one spelling. The map is applied to
 * whole words only; Dutch compounds ("Kerkstr.") are handled by COMPOUND_SUFFIXES.
 * "Ch." is read as chaussée, the usual Belgian meaning: chemin is written out or as "Chem.".
 * Saint/Sint/St all become "saint" so bilingual Brussels spellings of a saint's street meet.
 */
const STREET_WORDS: Readonly<Record<string, string>> = {
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  boul: 'boulevard',
  bvd: 'boulevard',
  ch: 'chaussee',
  chee: 'chaussee',
  chs: 'chaussee',
  chss: 'chaussee',
  chem: 'chemin',
  sq: 'square',
  imp: 'impasse',
  rte: 'route',
  str: 'straat',
  stw: 'steenweg',
  stwg: 'steenweg',
  ln: 'laan',
  pln: 'plein',
  st: 'saint',
  sint: 'saint',
  ste: 'sainte',
  sinte: 'sainte',
};

/**
 * Abbreviations that mean something else depending on where they stand. French puts the street
 * type first ("Pl. Flagey" = place, "R. Haute" = rue); Dutch puts it last ("Markt pl." = plein).
 */
const FIRST_WORD: Readonly<Record<string, string>> = { pl: 'place', r: 'rue' };
const LATER_WORD: Readonly<Record<string, string>> = { pl: 'plein' };

/** Dutch street types glued to the name: "Kerkstr" → "Kerkstraat". Street names do not otherwise end so. */
const COMPOUND_SUFFIXES: readonly (readonly [string, string])[] = [
  ['stwg', 'steenweg'],
  ['stw', 'steenweg'],
  ['str', 'straat'],
  ['pln', 'plein'],
  ['pl', 'plein'],
  ['ln', 'laan'],
];

function streetKey(foldedStreet: string): string {
  const words = foldedStreet.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return words
    .map((word, i) => {
      const positional = i === 0 ? FIRST_WORD[word] : LATER_WORD[word];
      if (positional) return positional;
      const whole = STREET_WORDS[word];
      if (whole) return whole;
      for (const [suffix, full] of COMPOUND_SUFFIXES) {
        if (word.length >= suffix.length + 2 && word.endsWith(suffix)) return word.slice(0, -suffix.length) + full;
      }
      return word;
    })
    .join('');
}

/** A house number taken apart: number (with letter or bis/ter), box (flat), and anything unread. */
interface HouseNumber {
  number: string;
  box: string;
  /** Text after the number and box that was not understood, folded to letters and digits. */
  rest: string;
  /** Characters of the input read as number and box. */
  length: number;
}

const NUMBER = /^(?:(?:nr|n°|nº|no|num)\.?\s*)?(\d+)(?:\s*-\s*(\d+)(?![a-z]))?/;
/** A box (flat) marker and its id: "bus 3", "bte 3", "boîte 3", "b3", "b 3", "/3", "app 3". */
const BOX = /^[\s,]*(?:\/|(?:appartement|boite|bus|bte|box|app|apt|bt|b)(?![a-z])\.?)\s*(?:(?:nr|n°|no)\.?\s*)?([a-z0-9]+(?:\.[a-z0-9]+)*)/;
/** A letter or bis/ter after the number: "16A", "16 a", "16-A", "16 bis". */
const SUFFIX = /^\s*-?\s*(bis|ter|quater|[a-z])(?![a-z0-9])/;

function stripZeros(id: string): string {
  return /^\d+$/.test(id) ? String(Number(id)) : id;
}

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Reads a folded (searchKey) house number from the start of `folded`; null without a number. */
function parseHouseNumber(folded: string): HouseNumber | null {
  const n = NUMBER.exec(folded);
  if (!n) return null;
  let number = stripZeros(n[1]!) + (n[2] ? '-' + stripZeros(n[2]) : '');
  let length = n[0].length;
  let box = '';
  // The box is tried before the letter so that "16 b 3" is box 3, not 16B followed by a stray 3.
  let m = BOX.exec(folded.slice(length));
  if (!m) {
    const letter = SUFFIX.exec(folded.slice(length));
    if (letter) {
      number += letter[1];
      length += letter[0].length;
      m = BOX.exec(folded.slice(length));
    }
  }
  if (m) {
    box = stripZeros(m[1]!);
    length += m[0].length;
  }
  return { number, box, rest: lettersAndDigits(folded.slice(length)), length };
}

/**
 * Finds the house number inside a folded street ("rue de la loi, 16 bte 3"). A number counts
 * only where a word starts, so road names like "N4" are left alone. The leftmost position whose
 * whole remainder reads as a house number wins, so "Rue du 11 Novembre 12" gives 12; failing
 * that, a number in front ("16, rue de la Loi"); failing that, the last number, with whatever
 * follows it kept in the key.
 */
function splitStreet(folded: string): { street: string; house: HouseNumber } | null {
  const starts: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (/\d/.test(folded[i]!) && (i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1]!))) starts.push(i);
  }
  const later = starts.filter((i) => i > 0);
  for (const i of later) {
    const house = parseHouseNumber(folded.slice(i));
    if (house && house.rest === '') return { street: folded.slice(0, i), house };
  }
  if (starts[0] === 0) {
    const house = parseHouseNumber(folded);
    // What follows the number is the street itself, not an unread part of the number.
    if (house && streetKey(folded.slice(house.length)) !== '') {
      return { street: folded.slice(house.length), house: { ...house, rest: '' } };
    }
  }
  const last = later.at(-1);
  if (last !== undefined) {
    const house = parseHouseNumber(folded.slice(last));
    if (house) return { street: folded.slice(0, last), house };
  }
  return null;
}

/**
 * The key shared by everyone living at one address, for the one-person-per-household rule.
 *
 * Rule: postcode + street + house number + box, each folded so that spelling does not matter:
 * - accents, case, spaces and punctuation are ignored, and the street's words are glued
 *   together, so "Rue de la Loi", "rue de la loi," and "kerk straat"/"Kerkstraat" meet;
 * - street types are written out: Kerkstr./Kerkstraat, Chée/Ch./Chaussée, Av./Avenue,
 *   Bd/Boulevard, Stwg/Steenweg, Ln/Laan, Pl. (first word: place; last word: plein),
 *   Pln/Plein, St./Sint/Saint (see STREET_WORDS);
 * - "16A", "16 a" and "16-A" are one number; leading zeros and "nr"/"n°" are dropped;
 * - the box stays in the key ("16 bus 3", "16 bte 3", "16/3", "16 b3" are box 3), because
 *   separate flats are separate households; "16" without a box is yet another household;
 * - when the house number is empty it is looked for in the street ("Rue de la Loi 16");
 *   when both carry it ("Kerkstraat 5" + "5") the street's copy is dropped.
 * Null when the street or postcode is missing, and when no house number can be found: the
 * rule must not treat a whole street as one household because a number was left out.
 * Translations (Avenue Louise / Louizalaan) are not matched: that needs a street register.
 */
export function householdKey(a: { street: string | null; houseNumber: string | null; postcode: string | null }): string | null {
  const postcode = lettersAndDigits(searchKey(a.postcode ?? '')).replace(/^(?:b|be)(\d{4})$/, '$1');
  const foldedStreet = searchKey(a.street ?? '');
  if (postcode === '' || streetKey(foldedStreet) === '') return null;

  const foldedNumber = searchKey(a.houseNumber ?? '');
  let street = foldedStreet;
  let house: HouseNumber | null;
  if (foldedNumber === '') {
    const split = splitStreet(foldedStreet);
    if (!split) return null;
    street = split.street;
    house = split.house;
  } else {
    // A "number" without digits ("zn", "s/n") is kept as written rather than lost.
    house = parseHouseNumber(foldedNumber) ?? { number: lettersAndDigits(foldedNumber), box: '', rest: '', length: 0 };
    const split = splitStreet(foldedStreet);
    if (split && split.house.number === house.number && split.house.box === house.box && split.house.rest === '') {
      street = split.street;
    }
  }
  const streetPart = streetKey(street);
  if (streetPart === '' || house.number === '') return null;
  let key = `${postcode}|${streetPart}|${house.number}`;
  if (house.box !== '') key += `|box ${house.box}`;
  if (house.rest !== '') key += `|${house.rest}`;
  return key;
}
