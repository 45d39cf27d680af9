/**
 * Bands for numeric features (age 16-24, 25-34, …): checking a band list and cutting values into
 * bands. Quotas are set per band, never per exact age, so every number must land in one band.
 */
import { searchKey } from '../text';

/** A band of whole numbers, both ends included: { label: '25-34', min: 25, max: 34 }. */
export interface Band {
  label: string;
  min: number;
  max: number;
}

export type BandRule = 'emptyLabel' | 'minAboveMax' | 'overlap' | 'duplicateLabel' | 'notAnInteger';

export interface BandProblem {
  rule: BandRule;
  /** Position of the band in the list (0-based); for overlaps and duplicates, the later one. */
  index: number;
  message: string;
  params: Record<string, string | number>;
}

function bandName(band: Band, index: number): string {
  return band.label.trim() === '' ? `band ${index + 1}` : `"${band.label.trim()}"`;
}

/**
 * Every problem in a band list: an empty label, a non-integer bound, min above max, two bands
 * with the same label (ignoring case and accents) and overlapping bands, naming both. A value
 * in two bands would be counted twice against the quotas. Gaps are allowed: bandValues reports
 * the values that fall outside every band.
 */
export function checkBands(bands: readonly Band[]): BandProblem[] {
  const problems: BandProblem[] = [];
  const usable: number[] = [];
  const labels = new Map<string, number>();
  bands.forEach((band, i) => {
    const name = bandName(band, i);
    const label = band.label.trim();
    if (label === '') {
      problems.push({ rule: 'emptyLabel', index: i, message: `Band ${i + 1} has no label.`, params: { band: i + 1 } });
    } else {
      const key = searchKey(label);
      const first = labels.get(key);
      if (first === undefined) labels.set(key, i);
      else {
        problems.push({
          rule: 'duplicateLabel',
          index: i,
          message: `Bands ${first + 1} and ${i + 1} are both called ${name}.`,
          params: { label, band: i + 1, otherBand: first + 1 },
        });
      }
    }
    let integers = true;
    for (const [bound, n] of [['lowest', band.min], ['highest', band.max]] as const) {
      if (!Number.isInteger(n)) {
        integers = false;
        problems.push({
          rule: 'notAnInteger',
          index: i,
          message: `Band ${name}: the ${bound} value (${n}) must be a whole number.`,
          params: { label, bound, number: n },
        });
      }
    }
    if (!integers) return;
    if (band.min > band.max) {
      problems.push({
        rule: 'minAboveMax',
        index: i,
        message: `Band ${name}: the lowest value (${band.min}) is above the highest (${band.max}).`,
        params: { label, min: band.min, max: band.max },
      });
      return;
    }
    usable.push(i);
  });
  // Pairwise: band lists are short (a dozen at most), and naming both bands needs the pair anyway.
  for (let x = 0; x < usable.length; x++) {
    for (let y = x + 1; y < usable.length; y++) {
      const a = bands[usable[x]!]!;
      const b = bands[usable[y]!]!;
      if (a.min <= b.max && b.min <= a.max) {
        const from = Math.max(a.min, b.min);
        const to = Math.min(a.max, b.max);
        problems.push({
          rule: 'overlap',
          index: usable[y]!,
          message: `Bands ${bandName(a, usable[x]!)} and ${bandName(b, usable[y]!)} overlap: ${from === to ? from : `${from} to ${to}`} would be in both.`,
          params: { label: b.label.trim(), otherLabel: a.label.trim(), band: usable[y]! + 1, otherBand: usable[x]! + 1, from, to },
        });
      }
    }
  }
  return problems;
}

/** The label of the first band holding `value` (ends included), or null when none does. */
export function assignBand(value: number, bands: readonly Band[]): string | null {
  for (const band of bands) {
    if (value >= band.min && value <= band.max) return band.label;
  }
  return null;
}

/** Plain decimal numbers as spreadsheets write them: "34", "34.0", "-2", and "34,0" (Belgian comma). */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Cuts the distinct values of an existing numeric feature into bands. `assigned` maps each value
 * as written ("34", "34.0") to its band's label; `unparseable` lists values that are not numbers,
 * `outside` numbers in no band, each once, in first-seen order. Blank values are skipped: they
 * mean "not known", which stays unknown after banding.
 */
export function bandValues(
  values: readonly string[],
  bands: readonly Band[],
): { assigned: Map<string, string>; unparseable: string[]; outside: string[] } {
  const assigned = new Map<string, string>();
  const unparseable: string[] = [];
  const outside: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    const text = value.trim();
    if (text === '') continue;
    if (!NUMBER.test(text)) {
      unparseable.push(value);
      continue;
    }
    const label = assignBand(Number(text.replace(',', '.')), bands);
    if (label === null) outside.push(value);
    else assigned.set(value, label);
  }
  return { assigned, unparseable, outside };
}

/**
 * Age reached during `referenceYear` (usually the year of the assembly). From a birth year alone
 * this is up to one year too high before the birthday; bands and quotas are coarse enough for
 * that. Null when the birth year is unknown, not a whole number, or after the reference year.
 */
export function ageFromBirthYear(birthYear: number | null, referenceYear: number): number | null {
  if (birthYear === null || !Number.isInteger(birthYear) || !Number.isInteger(referenceYear)) return null;
  const age = referenceYear - birthYear;
  return age < 0 ? null : age;
}
