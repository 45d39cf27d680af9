/**
 * A free-text needs column ("Rolstoel; vegetarisch", "fauteuil roulant, sans gluten") split into
 * the four needs the venue team works with (people.needs_*): accessibility, diet, childcare and
 * travel. The rule, also shown on the import screen:
 * - the cell is split at ";", ",", "/", "+" and line breaks;
 * - each part goes to the need whose words it contains (Dutch, French, English, German; accents
 *   and capitals do not matter), e.g. "rolstoel" to accessibility, "vegetarisch" to diet;
 * - childcare is a yes/no: any part about childcare sets it;
 * - a part that names none of them goes to accessibility, the need the venue team reads before
 *   every weekend, so that nothing a person asked for is lost; the check lists those parts.
 * Pure: no database.
 */
import type { PersonNeeds } from '../recruitment/types';
import { searchKey } from '../text';

export type NeedKind = keyof PersonNeeds;

/** Word stems per need, as searchKey() writes them (lower case, no accents). */
const STEMS: [NeedKind, string[]][] = [
  [
    'childcare',
    ['kinderopvang', 'opvang', 'oppas', 'babysit', 'childcare', 'child care', 'garde d', 'creche', 'kinderbetreuung', 'kinderen', 'enfant', 'kids', 'children', 'baby'],
  ],
  [
    'diet',
    [
      'veget', 'vegan', 'halal', 'kosher', 'koosjer', 'casher', 'gluten', 'lactose', 'allerg', 'dieet', 'diet', 'regime', 'noten', 'noix',
      'nuts', 'notenvrij', 'varken', 'porc', 'pork', 'schwein', 'diabet', 'suiker', 'sucre', 'zoutloos', 'sans sel', 'eten', 'repas',
      'maaltijd', 'voeding', 'food', 'meal', 'vlees', 'viande', 'meat', 'vis ', 'poisson', 'pescetar', 'laktose', 'ernahrung',
    ],
  ],
  [
    'travel',
    [
      'vervoer', 'taxi', 'trein', 'train', 'bus', 'parking', 'parkeer', 'ophalen', 'transport', 'deplacement', 'voiture', 'auto',
      'carpool', 'covoiturage', 'travel', 'reis', 'fiets', 'velo', 'navette', 'shuttle', 'mitfahr', 'fahrt',
    ],
  ],
  [
    'accessibility',
    [
      'rolstoel', 'wheelchair', 'fauteuil', 'rollstuhl', 'rollator', 'kruk', 'bequille', 'slechthor', 'doof', 'sourd', 'deaf', 'hoorapparaat',
      'ringleiding', 'boucle', 'blind', 'aveugle', 'slechtzien', 'malvoyant', 'gebarentaal', 'langue des signes', 'sign language',
      'gebardensprache', 'mobiliteit', 'mobilite', 'mobility', 'pmr', 'toegankelijk', 'accessib', 'barrierefrei', 'handicap', 'beperking',
      'rampe', 'helling', 'assisten', 'begeleid', 'accompagn', 'epilep', 'autis', 'dyslex', 'groot lettertype', 'gros caracteres',
      'large print', 'trap', 'escalier', 'stairs', 'gehandicapt', 'beperkt', 'visue',
    ],
  ],
];

export interface SplitNeeds {
  needs: PersonNeeds;
  /** Parts that named no need and were put under accessibility. */
  unrecognised: string[];
}

export const NO_NEEDS: Readonly<PersonNeeds> = Object.freeze({ accessibility: '', diet: '', childcare: false, travel: '' });

/** Which need a part names, or null when none of their words occurs in it. */
export function needKindOf(part: string): NeedKind | null {
  // Long stems match inside a word too (Dutch compounds: "notenallergie", "koemelkallergie");
  // short ones only at a word's start ("bus", not "abuse"), and "vis " only as a word.
  const key = ` ${searchKey(part).replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;
  const matches = (stem: string): boolean => (stem.length > 5 ? key.includes(stem) : key.includes(` ${stem}`));
  for (const [kind, stems] of STEMS) if (stems.some(matches)) return kind;
  return null;
}

const append = (to: string, part: string): string => (to === '' ? part : `${to}; ${part}`);

/** Splits one free-text needs cell (see the rule at the top of this file). */
export function splitNeeds(value: string): SplitNeeds {
  const needs: PersonNeeds = { ...NO_NEEDS };
  const unrecognised: string[] = [];
  for (const raw of value.split(/[;,/+\n\r]+/)) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (part === '' || part === '-') continue;
    const kind = needKindOf(part);
    if (kind === 'childcare') needs.childcare = true;
    else if (kind !== null) needs[kind] = append(needs[kind], part);
    else {
      unrecognised.push(part);
      needs.accessibility = append(needs.accessibility, part);
    }
  }
  return { needs, unrecognised };
}

/** Adds a text to one need, for a column mapped to that need alone. */
export function addNeed(needs: PersonNeeds, kind: Exclude<NeedKind, 'childcare'>, text: string): void {
  needs[kind] = append(needs[kind], text);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'oui', 'o', 'x', '1', 'true', 'waar', 'vrai', 'wahr']);
const NO = new Set(['', 'nee', 'n', 'no', 'non', 'nein', '0', 'false', 'onwaar', 'faux', 'falsch', '-']);

/** A yes/no cell (childcare column): true, false, or null when it is neither. */
export function parseYesNo(value: string): boolean | null {
  const key = searchKey(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}
