/**
 * The stated objective of a table plan (lower is better), and its parts:
 *
 *   score = diversity + repeats
 *
 *  - diversity: for every feature set to "diversify" and every table, the squared differences
 *    between how many people of each value sit there and how many would if the table mirrored
 *    its group (the people the table is drawn from: everyone, or the cluster, such as the
 *    Dutch-speaking tables), summed;
 *  - repeats: for every pair at the same table who already sat together k times before,
 *    REPEAT_WEIGHT · k² (the cost grows with how often they met, as in the social golfer
 *    problem).
 * Hard rules are not in the score: they are never broken (clusters never mixed, pinned people in
 * place, kept-apart pairs apart, table sizes within bounds).
 */

export const REPEAT_WEIGHT = 4;

export interface Seat {
  /** Index of the person in the plan's people array. */
  person: number;
}

export interface ObjectiveContext {
  /** Per diversify feature: person -> value index (-1 for none). */
  diversify: Int32Array[];
  /** Per diversify feature: value index -> share of the table's group (by group). */
  shares: Float64Array[][];
  /** Person -> group index (clusters). */
  groupOf: Int32Array;
  /** Pair counts from earlier rounds: key a*n+b (a < b) -> times together. */
  history: Map<number, number>;
  n: number;
}

export interface ScoreParts {
  diversity: number;
  repeats: number;
  /** Pairs at the same table who already sat together before. */
  repeatedPairs: number;
  total: number;
}

export function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

/** The diversity penalty of one table. */
export function tableDiversity(ctx: ObjectiveContext, members: readonly number[]): number {
  if (members.length === 0) return 0;
  const group = ctx.groupOf[members[0]!]!;
  let penalty = 0;
  for (let f = 0; f < ctx.diversify.length; f++) {
    const values = ctx.diversify[f]!;
    const shares = ctx.shares[f]![group]!;
    const counts = new Float64Array(shares.length);
    for (const p of members) {
      const v = values[p]!;
      if (v >= 0) counts[v]! += 1;
    }
    for (let v = 0; v < shares.length; v++) {
      const d = counts[v]! - shares[v]! * members.length;
      penalty += d * d;
    }
  }
  return penalty;
}

/** The repeat penalty of one table, and its number of repeated pairs. */
export function tableRepeats(ctx: ObjectiveContext, members: readonly number[]): { cost: number; pairs: number } {
  let cost = 0;
  let pairs = 0;
  if (ctx.history.size === 0) return { cost, pairs };
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const k = ctx.history.get(pairKey(members[i]!, members[j]!, ctx.n));
      if (k) {
        cost += REPEAT_WEIGHT * k * k;
        pairs++;
      }
    }
  }
  return { cost, pairs };
}

export function scorePlan(ctx: ObjectiveContext, tables: readonly (readonly number[])[]): ScoreParts {
  let diversity = 0;
  let repeats = 0;
  let repeatedPairs = 0;
  for (const t of tables) {
    diversity += tableDiversity(ctx, t);
    const r = tableRepeats(ctx, t);
    repeats += r.cost;
    repeatedPairs += r.pairs;
  }
  return { diversity: round(diversity), repeats, repeatedPairs, total: round(diversity + repeats) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
