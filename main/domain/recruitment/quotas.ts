/**
 * Quotas for the panel: proposing seats per feature value from population shares, and checking
 * a set of minima and maxima against the panel size and the pool before a draw is attempted.
 * A draw with impossible quotas fails late and obscurely; these checks say why, early.
 */
import type { ProposedQuota as ProposedQuotaInfo } from './types';

export interface QuotaFeatureInput {
  name: string;
  values: { value: string; sharePercent: number | null }[];
}

/** One value's proposal (the API's ProposedQuota, which adds the value's id). */
export type ProposedQuota = Omit<ProposedQuotaInfo, 'valueId'>;

/** The rounding rule of proposeQuotas, as shown to the people who set the quotas. */
export const QUOTA_ROUNDING_RULE =
  'For each feature, shares that do not add up to 100 % are first scaled so that they do; each value ' +
  'gets the whole part of its exact number of seats (share × panel size ÷ 100), and the seats left ' +
  'over go one by one to the values with the largest fractions (largest remainder, or Hamilton, ' +
  'method), a tie going to the larger share and then to the value name in alphabetical order, so ' +
  'that the seats add up exactly to the panel size. The minimum is the seats minus the tolerance ' +
  '(at least 0) and the maximum the seats plus the tolerance (at most the panel size). A value ' +
  'without a share gets no seats and a minimum and maximum of 0.';

/** Remainders closer than this are a tie: 50.6 % of 60 is 30.359999999999996 in floating point. */
const EPSILON = 1e-9;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkPanelSize(panelSize: number): void {
  if (!Number.isInteger(panelSize) || panelSize < 1) {
    throw new RangeError(`The panel size must be a whole number of at least 1, not ${panelSize}.`);
  }
}

/**
 * Proposed seats, minimum and maximum for every feature value.
 *
 * Rounding rule (QUOTA_ROUNDING_RULE): per feature, shares are scaled to sum to 100 when they
 * don't (only if their sum is above 0); each value gets floor(ideal seats), and the leftover
 * seats go to the largest remainders (Hamilton), ties broken by the larger share, then by value
 * name (plain character order, so the result never depends on the computer's language), so the
 * seats sum exactly to panelSize. min = max(0, seats − tolerance), max = min(panelSize, seats +
 * tolerance). A value with a null share gets seats 0, min 0, max 0: checkQuotas then warns about
 * the people in the pool who have it. When every share of a feature is 0 or null, no seats are
 * given out for it.
 *
 * Throws a RangeError when panelSize is not an integer ≥ 1, tolerance not an integer in
 * 0..panelSize, or a share outside 0..100.
 */
export function proposeQuotas(input: { panelSize: number; tolerance: number; features: QuotaFeatureInput[] }): ProposedQuota[] {
  const { panelSize, tolerance } = input;
  checkPanelSize(panelSize);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > panelSize) {
    throw new RangeError(`The tolerance must be a whole number from 0 to the panel size (${panelSize}), not ${tolerance}.`);
  }
  for (const feature of input.features) {
    for (const v of feature.values) {
      if (v.sharePercent !== null && !(Number.isFinite(v.sharePercent) && v.sharePercent >= 0 && v.sharePercent <= 100)) {
        throw new RangeError(`${feature.name} "${v.value}": the share must be between 0 and 100 %, not ${v.sharePercent}.`);
      }
    }
  }

  const result: ProposedQuota[] = [];
  for (const feature of input.features) {
    const total = feature.values.reduce((sum, v) => sum + (v.sharePercent ?? 0), 0);
    const rows = feature.values.map((v) => {
      const share = v.sharePercent === null || total <= 0 ? 0 : (v.sharePercent * 100) / total;
      // Rounded to 9 decimals so that 29.999999999999996 counts as 30 seats, not 29 and a remainder.
      const ideal = Math.round(((share * panelSize) / 100) * 1e9) / 1e9;
      return { v, share, ideal, seats: Math.floor(ideal), remainder: ideal - Math.floor(ideal) };
    });
    if (total > 0) {
      let left = panelSize - rows.reduce((sum, r) => sum + r.seats, 0);
      const order = rows
        .filter((r) => r.share > 0)
        .sort(
          (a, b) =>
            (Math.abs(a.remainder - b.remainder) > EPSILON ? b.remainder - a.remainder : 0) ||
            b.share - a.share ||
            compareText(a.v.value, b.v.value),
        );
      for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) order[i]!.seats++;
    }
    for (const r of rows) {
      const hasShare = r.v.sharePercent !== null;
      result.push({
        feature: feature.name,
        value: r.v.value,
        sharePercent: r.v.sharePercent,
        idealSeats: r.ideal,
        seats: r.seats,
        min: hasShare ? Math.max(0, r.seats - tolerance) : 0,
        max: hasShare ? Math.min(panelSize, r.seats + tolerance) : 0,
      });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Checks

export type QuotaRule =
  | 'minAboveMax'
  | 'sumMinAbovePanel'
  | 'sumMaxBelowPanel'
  | 'quotaButNobodyInPool'
  | 'poolBelowMin'
  | 'inPoolWithoutQuota'
  | 'sharesDontAddUp'
  | 'negativeOrFractional';

export interface QuotaProblem {
  severity: 'error' | 'warning';
  rule: QuotaRule;
  feature: string;
  /** The value concerned, or null for a problem of the feature as a whole. */
  value: string | null;
  message: string;
  params: Record<string, string | number>;
}

export interface QuotaCheckFeature {
  name: string;
  values: { value: string; poolCount: number; sharePercent: number | null; min: number | null; max: number | null }[];
}

/** Shares within this distance of 100 add up: rounded census figures rarely hit 100.0 exactly. */
const SHARE_SUM_TOLERANCE = 0.5;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Everything wrong with a set of quotas, errors (the draw cannot succeed) and warnings (it can,
 * but probably not as intended), in feature and value order: each value's problems, then the
 * feature's. A null min or max means no quota was set for that bound. The sum of maxima is only
 * checked when every value of the feature has a maximum: a value without one is unbounded.
 * Throws a RangeError when panelSize is not an integer ≥ 1.
 */
export function checkQuotas(input: { panelSize: number; features: QuotaCheckFeature[] }): QuotaProblem[] {
  const { panelSize } = input;
  checkPanelSize(panelSize);
  const problems: QuotaProblem[] = [];

  for (const feature of input.features) {
    const f = feature.name;
    const push = (severity: QuotaProblem['severity'], rule: QuotaRule, value: string | null, message: string, params: QuotaProblem['params']) =>
      problems.push({ severity, rule, feature: f, value, message, params: { feature: f, ...(value === null ? {} : { value }), ...params } });
    let boundsUsable = true;

    for (const v of feature.values) {
      const label = `${f} "${v.value}"`;
      let valid = true;
      for (const [bound, n] of [['minimum', v.min], ['maximum', v.max]] as const) {
        if (n !== null && !(Number.isInteger(n) && n >= 0)) {
          valid = false;
          push('error', 'negativeOrFractional', v.value, `${label}: the ${bound} (${n}) must be a whole number of 0 or more.`, { bound, number: n });
        }
      }
      if (!valid) {
        // Sums over a feature with a nonsense bound would only add confusing follow-up errors.
        boundsUsable = false;
        continue;
      }
      const min = v.min ?? 0;
      if (v.min !== null && v.max !== null && v.min > v.max) {
        push('error', 'minAboveMax', v.value, `${label}: the minimum (${v.min}) is above the maximum (${v.max}).`, { min: v.min, max: v.max });
      }
      if (v.poolCount === 0) {
        if (min > 0) {
          push('error', 'quotaButNobodyInPool', v.value, `${label}: the minimum is ${min}, but nobody in the pool has this value.`, { min });
        } else if (v.max !== null && v.max > 0) {
          push('warning', 'quotaButNobodyInPool', v.value, `${label}: a maximum of ${v.max} is set, but nobody in the pool has this value.`, { max: v.max });
        }
      } else if (v.poolCount < min) {
        push(
          'error',
          'poolBelowMin',
          v.value,
          `${label}: only ${v.poolCount} ${v.poolCount === 1 ? 'person' : 'people'} in the pool ${v.poolCount === 1 ? 'has' : 'have'} this value, fewer than the minimum of ${min}.`,
          { poolCount: v.poolCount, min },
        );
      }
      if (v.poolCount > 0 && v.min === null && v.max === null) {
        push(
          'warning',
          'inPoolWithoutQuota',
          v.value,
          `${label}: ${v.poolCount} ${v.poolCount === 1 ? 'person' : 'people'} in the pool ${v.poolCount === 1 ? 'has' : 'have'} this value, but no minimum or maximum is set.`,
          { poolCount: v.poolCount },
        );
      }
    }

    if (boundsUsable && feature.values.length > 0) {
      const sumMin = feature.values.reduce((sum, v) => sum + (v.min ?? 0), 0);
      if (sumMin > panelSize) {
        push('error', 'sumMinAbovePanel', null, `${f}: the minima add up to ${sumMin}, more than the panel of ${panelSize} seats.`, { sumMin, panelSize });
      }
      if (feature.values.every((v) => v.max !== null)) {
        const sumMax = feature.values.reduce((sum, v) => sum + (v.max ?? 0), 0);
        if (sumMax < panelSize) {
          push('error', 'sumMaxBelowPanel', null, `${f}: the maxima add up to ${sumMax}, fewer than the panel of ${panelSize} seats.`, { sumMax, panelSize });
        }
      }
    }

    const shares = feature.values.filter((v) => v.sharePercent !== null);
    if (shares.length > 0) {
      const sum = round2(shares.reduce((s, v) => s + (v.sharePercent ?? 0), 0));
      if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
        push('warning', 'sharesDontAddUp', null, `${f}: the shares add up to ${sum} %, not 100 %.`, { sum });
      }
    }
  }
  return problems;
}
