/**
 * Selection: small helpers shared by the page's parts (formatting of chances, the public-number
 * rule as the published lottery document states it, parsing what the operator types).
 */
import type { ProbabilitySummary, PublicNumberSourceName } from '../../../main/domain/selection/runTypes';
import { formatPercent, localeFor } from '../../format';

/**
 * A chance as a percentage with one decimal (4.0 %), as everywhere in the app; a chance under 1 %
 * but above 0 (replacements: one seat among many) keeps two significant digits (0.069 %), so it
 * does not read as 0.0 %.
 */
export function pct(fraction: number, lang: string): string {
  if (fraction > 0 && fraction < 0.01) {
    return new Intl.NumberFormat(localeFor(lang), { style: 'percent', maximumSignificantDigits: 2 }).format(fraction);
  }
  return formatPercent(fraction, lang);
}

/** Small differences between chances need more digits (0.04 %). */
export function finePercent(fraction: number, lang: string): string {
  return new Intl.NumberFormat(localeFor(lang), { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction);
}

/**
 * A certificate's gap as a percentage with two significant digits: a certified gap is often far
 * below 0.01 % (1e-4 of a 4 % chance is 0.0004 %), and two decimals would show it as 0.00 %.
 */
export function gapPercent(fraction: number, lang: string): string {
  return new Intl.NumberFormat(localeFor(lang), { style: 'percent', maximumSignificantDigits: 2 }).format(fraction);
}

/** The Gini coefficient, 0 to 1, with three decimals. */
export function formatGini(gini: number, lang: string): string {
  return new Intl.NumberFormat(localeFor(lang), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(gini);
}

export const shortHash = (hash: string): string => hash.slice(0, 12);

/** People whose chance is below half the average chance: who the method leaves behind. */
export function countBelow(probabilities: Record<string, number>, threshold: number): number {
  let n = 0;
  for (const p of Object.values(probabilities)) if (p < threshold - 1e-12) n++;
  return n;
}

/** The threshold used in the comparison: half the mean chance. */
export const lowThreshold = (summary: ProbabilitySummary): number => summary.mean / 2;

// ---------------------------------------------------------------------------------------------
// Public numbers: the rule of main/domain/selection/lottery.ts (readPublicNumbers), redone here
// so the operator sees the ticket before pressing Draw. The server checks it again.

export const SOURCES: Record<PublicNumberSourceName, { lowest: number; highest: number }> = {
  digits: { lowest: 0, highest: 9 },
  die: { lowest: 1, highest: 6 },
};

export interface PublicRule {
  /** Numbers per group. */
  group: number;
  base: number;
  /** base ** group: the values a group can take. */
  span: number;
  /** Groups worth this or more are discarded (limit === span: none are). */
  limit: number;
  lowest: number;
  highest: number;
}

export function publicRule(tickets: number, source: PublicNumberSourceName): PublicRule {
  const { lowest, highest } = SOURCES[source];
  const base = highest - lowest + 1;
  let group = 1;
  let span = base;
  while (span < tickets) {
    span *= base;
    group++;
  }
  return { group, base, span, limit: span - (span % tickets), lowest, highest };
}

export interface PublicReading {
  /** Null while no group has been kept yet. */
  ticket: number | null;
  /** Numbers read (the rest are not used). */
  used: number;
  groups: { value: number; discarded: boolean }[];
  /** Numbers outside lowest..highest. */
  outOfRange: number[];
}

export function readPublicNumbers(numbers: number[], tickets: number, source: PublicNumberSourceName): PublicReading {
  const rule = publicRule(tickets, source);
  const outOfRange = numbers.filter((x) => x < rule.lowest || x > rule.highest);
  const groups: PublicReading['groups'] = [];
  if (outOfRange.length > 0) return { ticket: null, used: 0, groups, outOfRange };
  for (let start = 0; start + rule.group <= numbers.length; start += rule.group) {
    let value = 0;
    for (let i = start; i < start + rule.group; i++) value = value * rule.base + (numbers[i]! - rule.lowest);
    const discarded = value >= rule.limit;
    groups.push({ value, discarded });
    if (!discarded) return { ticket: value % tickets, used: start + rule.group, groups, outOfRange };
  }
  return { ticket: null, used: groups.length * rule.group, groups, outOfRange };
}

/**
 * What the operator typed, as single numbers: every public number is one digit (0–9, or 1–6 for a
 * die), so "4 0 7", "4,0,7" and "407" all read 4, 0, 7. Anything else is listed apart.
 */
export function parseNumbers(text: string): { numbers: number[]; invalid: string[] } {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const numbers: number[] = [];
  const invalid: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) numbers.push(...[...p].map(Number));
    else invalid.push(p);
  }
  return { numbers, invalid };
}
