/**
 * The groups the invitation lottery stratifies by and the funnel counts by: municipality,
 * postcode area, age band, gender, language. One definition for both, so the funnel's groups are
 * the lottery's strata.
 */
import { searchKey } from '../text';

export const STRATIFY_BY = ['none', 'municipality', 'postcodeArea', 'ageBand', 'gender'] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

/** The group of someone whose value is not in the register. */
export const UNKNOWN_GROUP = '?';

/** Age bands of the usual Belgian panels (the youngest at the assembly's minimum age of 16). */
export const AGE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '<16', min: 0, max: 15 },
  { label: '16-24', min: 16, max: 24 },
  { label: '25-34', min: 25, max: 34 },
  { label: '35-44', min: 35, max: 44 },
  { label: '45-54', min: 45, max: 54 },
  { label: '55-64', min: 55, max: 64 },
  { label: '65-74', min: 65, max: 74 },
  { label: '75+', min: 75, max: 200 },
];

export function ageBand(birthYear: number | null, referenceYear: number): string {
  if (birthYear === null) return UNKNOWN_GROUP;
  const age = referenceYear - birthYear;
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.label ?? UNKNOWN_GROUP;
}

/** "1000" -> "10xx": the first two digits of a Belgian postcode name a region (Brussels 10xx-12xx). */
export function postcodeArea(postcode: string | null): string {
  const digits = (postcode ?? '').replace(/\D+/g, '');
  return digits.length >= 2 ? `${digits.slice(0, 2)}xx` : UNKNOWN_GROUP;
}

/** A municipality as written, but one group whatever its case and accents ("BRUXELLES" = "Bruxelles"). */
export function municipalityGroup(city: string | null): string {
  const text = (city ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? UNKNOWN_GROUP : text;
}

/**
 * A register repeats a few hundred municipality names over 200,000 rows: each is folded once
 * (searchKey's Unicode passes cost more than the rest of a draw). Bounded, in case of a register
 * with a street in the municipality column.
 */
const folded = new Map<string, string>();

export function municipalityKey(city: string | null): string {
  const group = municipalityGroup(city);
  if (group === UNKNOWN_GROUP) return group;
  let key = folded.get(group);
  if (key === undefined) {
    key = searchKey(group);
    if (folded.size > 10_000) folded.clear();
    folded.set(group, key);
  }
  return key;
}

export function genderGroup(gender: string | null): string {
  const text = (gender ?? '').trim();
  return text === '' ? UNKNOWN_GROUP : text;
}
