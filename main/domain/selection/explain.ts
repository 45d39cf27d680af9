/**
 * Why no panel meets the quotas, in words a recruitment officer can act on, and the smallest
 * change to the quotas that would make one possible.
 *
 * Two layers:
 *  - counting checks: each is a necessary condition that can be stated in one sentence with
 *    figures from the pool ("at least 12 students are required, but the pool has only 9"). They
 *    are cheap and name the quotas to look at, but passing them all does not prove feasibility;
 *  - one small MIP (HiGHS) decides, and finds the relaxation: a slack on every minimum and
 *    maximum, minimising first the total amount moved, then the number of bounds moved (one
 *    quota moved by 2 reads better than two moved by 1 each).
 * Messages are English; every conflict and change also carries structured data (kind, feature,
 * value, bound, figures) so that the renderer can word it in another language.
 */
import { loadHighs } from './highs';
import type { Candidate, Quota, SelectionInstance } from './types';

export type Bound = 'min' | 'max';

export type ConflictKind =
  | 'pool-too-small'
  | 'households-too-few'
  | 'min-above-max'
  | 'minima-exceed-seats'
  | 'maxima-below-seats'
  | 'feature-capacity'
  | 'value-short-in-pool'
  | 'value-short-in-households'
  | 'pair-nested'
  | 'pair-seats'
  | 'fixed-unknown'
  | 'fixed-too-many'
  | 'fixed-above-max'
  | 'fixed-same-household'
  | 'combination';

export interface ConflictBound {
  feature: string;
  value: string;
  bound: Bound;
  limit: number;
}

export interface Conflict {
  kind: ConflictKind;
  /** One or two English sentences. */
  message: string;
  /** The quota bounds involved, in the order the message names them. */
  bounds: ConflictBound[];
  /** The figures the message cites (seats, pool counts, sums), by name. */
  figures: Record<string, number>;
  /** The feature, for the per-feature rules. */
  feature?: string;
}

export interface QuotaChange {
  feature: string;
  value: string;
  bound: Bound;
  from: number;
  to: number;
  message: string;
}

export interface Relaxation {
  /** Sum over the changes of |to − from|: the smallest possible. */
  totalChange: number;
  changes: QuotaChange[];
  /** The quotas with the changes applied, in the original order. */
  quotas: Quota[];
}

export interface Explanation {
  feasible: boolean;
  conflicts: Conflict[];
  /** The smallest quota change that makes a panel possible; null when feasible, or when no
   *  change of quotas can help (too few people or households, fixed people in conflict). */
  relaxation: Relaxation | null;
}

const label = (q: { feature: string; value: string }): string => `${q.feature} "${q.value}"`;
const people = (count: number): string => (count === 1 ? '1 person' : `${count} people`);

/** Counts of the pool that every rule uses, computed once. */
interface PoolFacts {
  n: number;
  /** Quota index -> pool people with that value. */
  members: number[][];
  /** Quota index -> distinct households among them (unknown households count one each). */
  households: number[];
  /** Quota pair -> people with both values ("a,b" with a < b). */
  both: Map<string, number>;
  /** Feature -> people whose value for it has no quota. */
  uncovered: Map<string, number>;
  /** Distinct households in the whole pool. */
  poolHouseholds: number;
  /** Features in first-seen quota order, with their quota indices. */
  features: Map<string, number[]>;
}

function householdKey(c: Candidate, i: number): string {
  return c.household === null ? `\u0000person ${i}` : `household ${c.household}`;
}

function poolFacts(instance: SelectionInstance): PoolFacts {
  const { candidates, quotas } = instance;
  const quotaIndex = new Map<string, number>();
  quotas.forEach((q, i) => {
    const key = `${q.feature}\u0000${q.value}`;
    if (!quotaIndex.has(key)) quotaIndex.set(key, i);
  });
  const features = new Map<string, number[]>();
  quotas.forEach((q, i) => features.set(q.feature, [...(features.get(q.feature) ?? []), i]));

  const members: number[][] = quotas.map(() => []);
  const both = new Map<string, number>();
  const uncovered = new Map<string, number>([...features.keys()].map((f) => [f, 0]));
  candidates.forEach((c, i) => {
    const mine: number[] = [];
    for (const feature of features.keys()) {
      const value = c.features[feature];
      const q = value === undefined ? undefined : quotaIndex.get(`${feature}\u0000${value}`);
      if (q === undefined) uncovered.set(feature, uncovered.get(feature)! + 1);
      else {
        members[q]!.push(i);
        mine.push(q);
      }
    }
    for (let x = 0; x < mine.length; x++) {
      for (let y = x + 1; y < mine.length; y++) {
        const a = Math.min(mine[x]!, mine[y]!);
        const b = Math.max(mine[x]!, mine[y]!);
        both.set(`${a},${b}`, (both.get(`${a},${b}`) ?? 0) + 1);
      }
    }
  });
  const households = members.map((list) => new Set(list.map((i) => householdKey(candidates[i]!, i))).size);
  const poolHouseholds = new Set(candidates.map(householdKey)).size;
  return { n: candidates.length, members, households, both, uncovered, poolHouseholds, features };
}

function bothCount(facts: PoolFacts, a: number, b: number): number {
  return facts.both.get(`${Math.min(a, b)},${Math.max(a, b)}`) ?? 0;
}

const boundOf = (q: Quota, bound: Bound): ConflictBound => ({
  feature: q.feature,
  value: q.value,
  bound,
  limit: bound === 'min' ? q.min : q.max,
});

/** The counting checks: every conflict returned proves that no panel exists. */
export function countingConflicts(instance: SelectionInstance): Conflict[] {
  const { quotas, panelSize: k } = instance;
  const facts = poolFacts(instance);
  const conflicts: Conflict[] = [];
  const add = (c: Conflict): void => {
    conflicts.push(c);
  };

  // The pool as a whole.
  if (facts.n < k) {
    add({
      kind: 'pool-too-small',
      message: `The panel has ${k} seats, but the pool has only ${people(facts.n)}.`,
      bounds: [],
      figures: { seats: k, pool: facts.n },
    });
  } else if (instance.onePerHousehold && facts.poolHouseholds < k) {
    add({
      kind: 'households-too-few',
      message:
        `The panel has ${k} seats, but the ${people(facts.n)} in the pool live in only ${facts.poolHouseholds} households, ` +
        `and at most one person per household may be selected.`,
      bounds: [],
      figures: { seats: k, pool: facts.n, households: facts.poolHouseholds },
    });
  }

  // Fixed people (confirmed panel members when drawing replacements).
  const fixedIds = [...new Set(instance.fixed ?? [])];
  if (fixedIds.length > 0) {
    const byId = new Map(instance.candidates.map((c, i) => [c.id, i]));
    const unknown = fixedIds.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      add({
        kind: 'fixed-unknown',
        message: `${people(unknown.length)} who must be on the panel ${unknown.length === 1 ? 'is' : 'are'} not in the pool: ${unknown.join(', ')}.`,
        bounds: [],
        figures: { unknown: unknown.length },
      });
    }
    const fixed = fixedIds.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    if (fixed.length > k) {
      add({
        kind: 'fixed-too-many',
        message: `${people(fixed.length)} must be on the panel, but it has only ${k} seats.`,
        bounds: [],
        figures: { fixed: fixed.length, seats: k },
      });
    }
    const fixedSet = new Set(fixed);
    quotas.forEach((q, qi) => {
      const count = facts.members[qi]!.filter((i) => fixedSet.has(i)).length;
      if (count > q.max) {
        add({
          kind: 'fixed-above-max',
          message: `${people(count)} with ${label(q)} must be on the panel, but the maximum for ${label(q)} is ${q.max}.`,
          bounds: [boundOf(q, 'max')],
          figures: { fixed: count },
        });
      }
    });
    if (instance.onePerHousehold) {
      const seen = new Map<string, string>();
      for (const i of fixed) {
        const c = instance.candidates[i]!;
        if (c.household === null) continue;
        const other = seen.get(c.household);
        if (other !== undefined) {
          add({
            kind: 'fixed-same-household',
            message: `${other} and ${c.id} must both be on the panel, but they live in the same household and at most one person per household may be selected.`,
            bounds: [],
            figures: {},
          });
        } else seen.set(c.household, c.id);
      }
    }
  }

  // One quota at a time.
  quotas.forEach((q, qi) => {
    const inPool = facts.members[qi]!.length;
    if (q.min > q.max) {
      add({
        kind: 'min-above-max',
        message: `The minimum for ${label(q)} (${q.min}) is above its maximum (${q.max}).`,
        bounds: [boundOf(q, 'min'), boundOf(q, 'max')],
        figures: {},
      });
    }
    if (q.min > inPool) {
      add({
        kind: 'value-short-in-pool',
        message: `At least ${q.min} people with ${label(q)} are required, but the pool has only ${inPool}.`,
        bounds: [boundOf(q, 'min')],
        figures: { pool: inPool },
      });
    } else if (instance.onePerHousehold && q.min > facts.households[qi]!) {
      add({
        kind: 'value-short-in-households',
        message:
          `At least ${q.min} people with ${label(q)} are required; the pool has ${inPool}, but they live in only ` +
          `${facts.households[qi]} households, and at most one person per household may be selected.`,
        bounds: [boundOf(q, 'min')],
        figures: { pool: inPool, households: facts.households[qi]! },
      });
    }
  });

  // One feature at a time: its values share the same seats.
  for (const [feature, indices] of facts.features) {
    const qs = indices.map((i) => quotas[i]!);
    const minSum = qs.reduce((s, q) => s + q.min, 0);
    const maxSum = qs.reduce((s, q) => s + q.max, 0);
    const uncovered = facts.uncovered.get(feature)!;
    const list = (bound: Bound): string => qs.map((q) => `${q.value}: ${bound === 'min' ? q.min : q.max}`).join(', ');
    if (minSum > k) {
      add({
        kind: 'minima-exceed-seats',
        feature,
        message: `The minima for ${feature} add up to ${minSum} (${list('min')}), but the panel has only ${k} seats.`,
        bounds: qs.map((q) => boundOf(q, 'min')),
        figures: { sum: minSum, seats: k },
      });
    }
    if (uncovered === 0 && maxSum < k) {
      add({
        kind: 'maxima-below-seats',
        feature,
        message: `The maxima for ${feature} add up to only ${maxSum} (${list('max')}), but the panel has ${k} seats to fill.`,
        bounds: qs.map((q) => boundOf(q, 'max')),
        figures: { sum: maxSum, seats: k },
      });
    } else {
      // The maxima may add up, yet the pool cannot supply them: a value with fewer people than
      // its maximum contributes only what the pool has.
      const capacity = indices.reduce((s, i) => s + Math.min(quotas[i]!.max, facts.members[i]!.length), 0) + uncovered;
      if (capacity < k) {
        const short = indices.filter((i) => facts.members[i]!.length < quotas[i]!.max);
        const detail = short.map((i) => `${quotas[i]!.value}: ${facts.members[i]!.length} in the pool (maximum ${quotas[i]!.max})`).join(', ');
        add({
          kind: 'feature-capacity',
          feature,
          message:
            `The panel has ${k} seats, but within the maxima for ${feature} and with the people in the pool at most ` +
            `${capacity} can be selected${detail ? ` (${detail})` : ''}.`,
          bounds: indices.filter((i) => facts.members[i]!.length >= quotas[i]!.max).map((i) => boundOf(quotas[i]!, 'max')),
          figures: { capacity, seats: k },
        });
      }
    }
  }

  // Pairs of quotas on different features.
  quotas.forEach((a, ai) => {
    const aPool = facts.members[ai]!.length;
    if (a.min > aPool) return; // already said: the pool lacks them whatever else holds
    quotas.forEach((b, bi) => {
      if (ai === bi || a.feature === b.feature) return;
      // At least min(a) with a; those who also have b count against max(b). Only the people
      // with a but not b are free of it.
      const outside = aPool - bothCount(facts, ai, bi);
      if (a.min > b.max + outside) {
        const tail =
          outside === 0
            ? `and every person in the pool with ${label(a)} has ${label(b)}.`
            : `and only ${people(outside)} in the pool with ${label(a)} ${outside === 1 ? 'does' : 'do'} not have ${label(b)} ` +
              `(so at most ${b.max + outside} with ${label(a)} can be selected).`;
        add({
          kind: 'pair-nested',
          message: `At most ${b.max} people with ${label(b)} may be selected, but at least ${a.min} with ${label(a)} are required, ${tail}`,
          bounds: [boundOf(b, 'max'), boundOf(a, 'min')],
          figures: { outside, pool: aPool },
        });
      }
      if (ai < bi && b.min <= facts.members[bi]!.length) {
        // Both minima need seats; only people with both values can fill one seat for each.
        const shared = bothCount(facts, ai, bi);
        const need = a.min + b.min - shared;
        if (shared < Math.min(a.min, b.min) && need > k) {
          add({
            kind: 'pair-seats',
            message:
              `At least ${a.min} people with ${label(a)} and at least ${b.min} with ${label(b)} are required, but only ` +
              `${people(shared)} in the pool ${shared === 1 ? 'has' : 'have'} both, so these two minima need at least ${need} seats ` +
              `and the panel has ${k}.`,
            bounds: [boundOf(a, 'min'), boundOf(b, 'min')],
            figures: { shared, need, seats: k },
          });
        }
      }
    });
  });

  return conflicts;
}

// ---------------------------------------------------------------------------------------------
// The relaxation MIP

/** Writes "+ 3 x1 - y2 ..." over several lines: the LP format reader prefers short lines. */
function linear(terms: [number, string][]): string {
  if (terms.length === 0) return '0 x0';
  const parts = terms.map(([coef, name], i) => {
    const sign = coef < 0 ? '-' : '+';
    const size = Math.abs(coef);
    const body = size === 1 ? name : `${size} ${name}`;
    return i === 0 && sign === '+' ? body : `${sign} ${body}`;
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 16) lines.push(parts.slice(i, i + 16).join(' '));
  return lines.join('\n   ');
}

interface SlackSolution {
  lower: number[]; // how far each minimum is lowered
  raise: number[]; // how far each maximum is raised
}

/**
 * Minimise W·(total slack) + (bounds moved), W larger than the number of bounds, so the total
 * comes first. Null when even free quotas admit no panel (size, households, fixed people).
 */
async function solveSlack(instance: SelectionInstance): Promise<SlackSolution | null> {
  const { candidates, quotas, panelSize: k } = instance;
  const n = candidates.length;
  if (k < 0 || n < k) return null;
  const facts = poolFacts(instance);
  const W = 2 * quotas.length + 1;

  const objective: [number, string][] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  for (let i = 0; i < n; i++) binaries.push(`x${i}`);

  rows.push(` seats: ${linear(candidates.map((_, i) => [1, `x${i}`]))} = ${k}`);
  quotas.forEach((q, qi) => {
    const xs = facts.members[qi]!.map((i): [number, string] => [1, `x${i}`]);
    const pool = xs.length;
    // Lowering a minimum below 0, or raising a maximum above the pool count, never helps.
    const lowerCap = Math.max(0, q.min);
    const raiseCap = Math.max(0, pool - q.max);
    rows.push(` atleast${qi}: ${linear([...xs, [1, `lo${qi}`]])} >= ${q.min}`);
    rows.push(` atmost${qi}: ${linear([...xs, [-1, `hi${qi}`]])} <= ${q.max}`);
    bounds.push(` 0 <= lo${qi} <= ${lowerCap}`, ` 0 <= hi${qi} <= ${raiseCap}`);
    // A slack costs W per unit plus 1 for being used at all (the binary u switches it on).
    for (const [slack, cap] of [[`lo${qi}`, lowerCap], [`hi${qi}`, raiseCap]] as const) {
      if (cap === 0) continue;
      objective.push([W, slack], [1, `u${slack}`]);
      rows.push(` use${slack}: ${slack} - ${cap} u${slack} <= 0`);
      binaries.push(`u${slack}`);
    }
  });
  if (instance.onePerHousehold) {
    const households = new Map<string, number[]>();
    candidates.forEach((c, i) => {
      if (c.household !== null) households.set(c.household, [...(households.get(c.household) ?? []), i]);
    });
    let h = 0;
    for (const list of households.values()) {
      if (list.length > 1) rows.push(` house${h++}: ${linear(list.map((i) => [1, `x${i}`]))} <= 1`);
    }
  }
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  for (const id of new Set(instance.fixed ?? [])) {
    const i = index.get(id);
    if (i === undefined) return null;
    bounds.push(` x${i} = 1`);
  }

  const lp = [
    'Minimize',
    ` obj: ${objective.length > 0 ? linear(objective) : '0 x0'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ...binaries.map((b) => ` ${b}`),
    'End',
  ].join('\n');

  const highs = await loadHighs();
  const solution = highs.solve(lp, { output_flag: false, random_seed: 0 });
  if (solution.Status !== 'Optimal') return null;
  const value = (name: string): number => Math.round(solution.Columns[name]?.Primal ?? 0);
  return { lower: quotas.map((_, qi) => value(`lo${qi}`)), raise: quotas.map((_, qi) => value(`hi${qi}`)) };
}

/** The relaxation worded; null when nothing moves. */
function describeRelaxation(quotas: Quota[], slack: SlackSolution): Relaxation | null {
  const changes: QuotaChange[] = [];
  const relaxed = quotas.map((q, qi) => {
    const lower = slack.lower[qi]!;
    const raise = slack.raise[qi]!;
    if (lower > 0) {
      changes.push({
        feature: q.feature,
        value: q.value,
        bound: 'min',
        from: q.min,
        to: q.min - lower,
        message: `Lower the minimum for ${label(q)} from ${q.min} to ${q.min - lower}.`,
      });
    }
    if (raise > 0) {
      changes.push({
        feature: q.feature,
        value: q.value,
        bound: 'max',
        from: q.max,
        to: q.max + raise,
        message: `Raise the maximum for ${label(q)} from ${q.max} to ${q.max + raise}.`,
      });
    }
    return { ...q, min: q.min - lower, max: q.max + raise };
  });
  if (changes.length === 0) return null;
  return { totalChange: changes.reduce((s, c) => s + Math.abs(c.to - c.from), 0), changes, quotas: relaxed };
}

/**
 * Whether a panel exists, why not in words, and the smallest change of quotas that allows one.
 */
export async function explainInfeasibility(instance: SelectionInstance): Promise<Explanation> {
  const conflicts = countingConflicts(instance);
  const slack = await solveSlack(instance);
  if (slack === null) {
    if (conflicts.length === 0) {
      conflicts.push({
        kind: 'combination',
        message:
          'No panel is possible even with every quota removed: the people who must be on the panel, the households ' +
          'and the panel size cannot be combined.',
        bounds: [],
        figures: {},
      });
    }
    return { feasible: false, conflicts, relaxation: null };
  }
  const relaxation = describeRelaxation(instance.quotas, slack);
  if (relaxation === null) return { feasible: true, conflicts: [], relaxation: null };
  if (conflicts.length === 0) {
    conflicts.push({
      kind: 'combination',
      message:
        'No single quota or pair of quotas is impossible on its own, but together the quotas cannot all be met with the ' +
        'people in the pool. The proposed change below is the smallest that makes a panel possible.',
      bounds: relaxation.changes.map((c) => ({ feature: c.feature, value: c.value, bound: c.bound, limit: c.from })),
      figures: {},
    });
  }
  return { feasible: false, conflicts, relaxation };
}
