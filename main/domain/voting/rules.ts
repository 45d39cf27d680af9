/**
 * Adoption rules for yes / no / abstain votes and support scales, stated so a person can check
 * them by hand. Fractions are compared exactly with integers (no floating point at the edge):
 * "two thirds" is for · 3 ≥ base · 2.
 *
 *  - simpleMajority: more votes for than against (the base is the votes cast; abstentions
 *    count in the base only when `abstentionsCount`, which then makes them count as not-for).
 *  - majorityOfPresent: more than half of the members present vote for.
 *  - twoThirds, eightyPercent, custom (numerator / denominator): at least that fraction of the
 *    base votes for; the base is the votes cast (for + against, plus abstentions when they
 *    count), or the members present when `base` is 'present'.
 */

export type ThresholdRule =
  | { kind: 'simpleMajority'; abstentionsCount: boolean }
  | { kind: 'majorityOfPresent' }
  | { kind: 'fraction'; numerator: number; denominator: number; base: 'cast' | 'present'; abstentionsCount: boolean };

export const TWO_THIRDS: ThresholdRule = { kind: 'fraction', numerator: 2, denominator: 3, base: 'cast', abstentionsCount: false };
export const EIGHTY_PERCENT: ThresholdRule = { kind: 'fraction', numerator: 4, denominator: 5, base: 'cast', abstentionsCount: false };

export interface YesNoCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface YesNoResult {
  /** The number the percentages are of, and what it is. */
  base: number;
  baseKind: 'cast' | 'castWithAbstentions' | 'present';
  percentFor: number;
  percentAgainst: number;
  percentAbstain: number;
  adopted: boolean;
  /** for = against under a simple majority: not adopted, and reported as a tie. */
  tie: boolean;
  /** The rule in words. */
  rule: string;
}

const pct = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function yesNoResult(counts: YesNoCounts, rule: ThresholdRule, present: number): YesNoResult {
  const cast = counts.for + counts.against;
  const withAbstentions = cast + counts.abstain;
  let base: number;
  let baseKind: YesNoResult['baseKind'];
  let adopted: boolean;
  let tie = false;
  let words: string;
  if (rule.kind === 'simpleMajority') {
    base = rule.abstentionsCount ? withAbstentions : cast;
    baseKind = rule.abstentionsCount ? 'castWithAbstentions' : 'cast';
    // With abstentions counting, "for" must be more than half of all who voted.
    adopted = rule.abstentionsCount ? counts.for * 2 > withAbstentions : counts.for > counts.against;
    tie = !rule.abstentionsCount ? counts.for === counts.against && cast > 0 : counts.for * 2 === withAbstentions && withAbstentions > 0;
    words = rule.abstentionsCount ? 'more than half of the votes cast, abstentions included, are for' : 'more votes for than against (abstentions not counted)';
  } else if (rule.kind === 'majorityOfPresent') {
    base = present;
    baseKind = 'present';
    adopted = counts.for * 2 > present;
    tie = counts.for * 2 === present && present > 0;
    words = 'more than half of the members present vote for';
  } else {
    base = rule.base === 'present' ? present : rule.abstentionsCount ? withAbstentions : cast;
    baseKind = rule.base === 'present' ? 'present' : rule.abstentionsCount ? 'castWithAbstentions' : 'cast';
    adopted = base > 0 && counts.for * rule.denominator >= base * rule.numerator;
    words = `at least ${rule.numerator}/${rule.denominator} of the ${
      rule.base === 'present' ? 'members present' : rule.abstentionsCount ? 'votes cast, abstentions included,' : 'votes cast (abstentions not counted)'
    } vote for`;
  }
  return {
    base,
    baseKind,
    percentFor: pct(counts.for, base),
    percentAgainst: pct(counts.against, base),
    percentAbstain: pct(counts.abstain, baseKind === 'cast' ? withAbstentions : base),
    adopted,
    tie,
    rule: words,
  };
}

/** A support scale: counts per level, adopted when the top levels reach a share of the valid papers. */
export interface ScaleResult {
  valid: number;
  supportShare: number;
  adopted: boolean;
  rule: string;
}

export function scaleResult(counts: readonly number[], supportLevels: number, threshold: { numerator: number; denominator: number }): ScaleResult {
  const valid = counts.reduce((s, c) => s + c, 0);
  const support = counts.slice(0, supportLevels).reduce((s, c) => s + c, 0);
  return {
    valid,
    supportShare: pct(support, valid),
    adopted: valid > 0 && support * threshold.denominator >= valid * threshold.numerator,
    rule: `at least ${threshold.numerator}/${threshold.denominator} of the valid papers in the top ${supportLevels} level(s)`,
  };
}

/** Quorum: at least numerator/denominator of the panel present. */
export function quorumMet(present: number, panelSize: number, quorum: { numerator: number; denominator: number }): boolean {
  return present * quorum.denominator >= panelSize * quorum.numerator;
}
