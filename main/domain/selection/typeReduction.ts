/**
 * Interchangeable people, grouped into types.
 *
 * Two candidates who agree on every value the quotas look at, and who share no household with
 * anyone else, can be swapped in any feasible panel without breaking a rule. Every fairness
 * objective we use is symmetric, so the leximin-optimal probabilities give them the same value
 * (the optimum is unique and a swap maps it to itself). The optimisation can therefore count
 * seats per type instead of choosing people, which shrinks both the LP and the MIP, often by an
 * order of magnitude; people are put back at the end by spreading each type's seats evenly.
 *
 * A candidate stays a type of their own when they are fixed (on every panel) or, under the
 * one-per-household rule, when someone else in the pool shares their household: the household
 * constraint is about named people, so they are not interchangeable with their look-alikes.
 */
import type { PanelDistribution, Quota, SelectionInstance } from './types';

export interface SelectionType {
  /** Position in TypeReduction.types. */
  index: number;
  /** Candidate ids, in pool order. */
  members: string[];
  /** The quota-relevant values shared by the members (feature -> value, '' when missing). */
  features: Record<string, string>;
  /** Set for a singleton kept apart because the household is shared with someone in the pool. */
  household: string | null;
  /** A fixed candidate (must sit on every panel); always a singleton. */
  fixed: boolean;
}

export interface TypeReduction {
  instance: SelectionInstance;
  types: SelectionType[];
  /** For each quota (same order as instance.quotas): the types whose members count toward it. */
  quotaTypes: number[][];
  /** For each type: the quotas its members count toward. */
  typeQuotas: number[][];
  /** Groups of (singleton) types of which at most one may sit; empty without the household rule. */
  households: number[][];
  /** Candidate id -> its type index. */
  typeOf: Map<string, number>;
}

/** Group interchangeable candidates. Throws when a fixed id is not in the pool. */
export function reduceToTypes(instance: SelectionInstance): TypeReduction {
  const quotaFeatures = [...new Set(instance.quotas.map((q) => q.feature))].sort();
  // Values without any quota of their own behave alike, so they collapse into one key.
  const quotedValues = new Map<string, Set<string>>();
  for (const q of instance.quotas) {
    let set = quotedValues.get(q.feature);
    if (!set) quotedValues.set(q.feature, (set = new Set()));
    set.add(q.value);
  }
  const fixed = new Set(instance.fixed ?? []);
  const ids = new Set(instance.candidates.map((c) => c.id));
  for (const id of fixed) if (!ids.has(id)) throw new Error(`Fixed candidate ${id} is not in the pool.`);

  const householdSize = new Map<string, number>();
  if (instance.onePerHousehold) {
    for (const c of instance.candidates) {
      if (c.household !== null) householdSize.set(c.household, (householdSize.get(c.household) ?? 0) + 1);
    }
  }

  const types: SelectionType[] = [];
  const byKey = new Map<string, SelectionType>();
  const typeOf = new Map<string, number>();
  const householdTypes = new Map<string, number[]>();
  for (const c of instance.candidates) {
    const features: Record<string, string> = {};
    const keyParts: string[] = [];
    for (const f of quotaFeatures) {
      const v = c.features[f] ?? '';
      features[f] = v;
      keyParts.push(quotedValues.get(f)!.has(v) ? v : '\u0000other');
    }
    const sharedHousehold = c.household !== null && (householdSize.get(c.household) ?? 0) > 1 ? c.household : null;
    const isFixed = fixed.has(c.id);
    let type: SelectionType | undefined;
    if (!isFixed && sharedHousehold === null) {
      const key = JSON.stringify(keyParts);
      type = byKey.get(key);
      if (!type) {
        type = { index: types.length, members: [], features, household: null, fixed: false };
        byKey.set(key, type);
        types.push(type);
      }
    } else {
      type = { index: types.length, members: [], features, household: sharedHousehold, fixed: isFixed };
      types.push(type);
      if (sharedHousehold !== null) {
        const group = householdTypes.get(sharedHousehold) ?? [];
        group.push(type.index);
        householdTypes.set(sharedHousehold, group);
      }
    }
    type.members.push(c.id);
    typeOf.set(c.id, type.index);
  }

  const quotaTypes = instance.quotas.map((q) => types.filter((t) => matchesQuota(t.features, q)).map((t) => t.index));
  const typeQuotas: number[][] = types.map(() => []);
  quotaTypes.forEach((list, qi) => list.forEach((t) => typeQuotas[t]!.push(qi)));
  return { instance, types, quotaTypes, typeQuotas, households: [...householdTypes.values()].filter((g) => g.length > 1), typeOf };
}

function matchesQuota(features: Record<string, string>, q: Quota): boolean {
  return features[q.feature] === q.value;
}

/** A panel over types: how many seats each type takes (length = number of types). */
export interface TypePanel {
  counts: number[];
  probability: number;
}

/**
 * Turn a distribution over type panels into one over people, so that every member of a type
 * gets exactly the type's probability.
 *
 * First each type's seats are dealt panel by panel (largest probability first) to the members
 * who have so far received the least probability, which already makes the members nearly equal.
 * The remaining differences are removed exactly by transfers: while member a has too much and
 * member b too little, a part of the mass of a panel that has a but not b (one must exist, since
 * a's probability exceeds b's) is moved to a copy of that panel with b in a's seat. Each
 * transfer settles one member, so at most (members - 1) panels are split per type.
 */
export function expandToPeople(reduction: TypeReduction, typePanels: TypePanel[]): PanelDistribution {
  const { types } = reduction;
  const live = typePanels.filter((p) => p.probability > 1e-12);
  const total = live.reduce((s, p) => s + p.probability, 0);
  if (live.length === 0 || total <= 0) throw new Error('Empty distribution over panels.');

  interface Draft {
    probability: number;
    /** Seats per type (shared between a panel and its split-off copies; never modified). */
    counts: number[];
    /** type index -> positions (within the type's member list) of the members seated. */
    seats: Map<number, number[]>;
  }
  const drafts: Draft[] = live
    .map((p) => ({ counts: p.counts, probability: p.probability / total }))
    .sort((a, b) => b.probability - a.probability)
    .map((p) => {
      const seats = new Map<number, number[]>();
      p.counts.forEach((c, t) => {
        if (c > 0) seats.set(t, []);
      });
      return { probability: p.probability, seats, counts: p.counts };
    });

  // Panels holding each type, kept up to date when a transfer splits a panel.
  const holding: number[][] = types.map(() => []);
  drafts.forEach((d, i) => d.seats.forEach((_, t) => holding[t]!.push(i)));

  for (const type of types) {
    const s = type.members.length;
    const received = new Float64Array(s);
    let rotation = 0;
    for (const di of holding[type.index]!) {
      const draft = drafts[di]!;
      const count = draft.counts[type.index]!;
      let chosen: number[];
      if (count >= s) chosen = Array.from({ length: s }, (_, m) => m);
      else {
        // Least served first; ties go round the members so that equal panels spread evenly.
        const order = Array.from({ length: s }, (_, m) => m);
        const start = rotation;
        order.sort((a, b) => received[a]! - received[b]! || ((a - start + s) % s) - ((b - start + s) % s));
        chosen = order.slice(0, count);
        rotation = (rotation + count) % s;
      }
      for (const m of chosen) received[m]! += draft.probability;
      draft.seats.set(type.index, chosen);
    }
    if (s < 2) continue;
    const target = received.reduce((a, b) => a + b, 0) / s;
    const eps = 1e-13;
    const over: number[] = [];
    const under: number[] = [];
    for (let m = 0; m < s; m++) {
      if (received[m]! > target + eps) over.push(m);
      else if (received[m]! < target - eps) under.push(m);
    }
    while (over.length > 0 && under.length > 0) {
      const a = over[over.length - 1]!;
      const b = under[under.length - 1]!;
      let amount = Math.min(received[a]! - target, target - received[b]!);
      const moved = amount;
      for (const di of holding[type.index]!) {
        if (amount <= eps) break;
        const draft = drafts[di]!;
        const seated = draft.seats.get(type.index)!;
        const pos = seated.indexOf(a);
        if (pos < 0 || seated.includes(b)) continue;
        if (draft.probability <= amount + eps) {
          seated[pos] = b;
          amount -= draft.probability;
        } else {
          const seats = new Map<number, number[]>();
          draft.seats.forEach((list, t) => seats.set(t, t === type.index ? list.map((m) => (m === a ? b : m)) : [...list]));
          const copy: Draft = { probability: amount, seats, counts: draft.counts };
          draft.probability -= amount;
          amount = 0;
          const idx = drafts.push(copy) - 1;
          seats.forEach((_, t) => holding[t]!.push(idx));
        }
      }
      const done = moved - amount;
      received[a]! -= done;
      received[b]! += done;
      if (received[a]! <= target + eps) over.pop();
      if (received[b]! >= target - eps) under.pop();
      if (done <= eps) break; // cannot happen mathematically; guards against rounding loops
    }
  }

  // People panels; identical member sets are merged.
  const merged = new Map<string, { members: string[]; probability: number }>();
  for (const d of drafts) {
    if (d.probability <= 0) continue;
    const members: string[] = [];
    d.seats.forEach((list, t) => {
      for (const m of list) members.push(types[t]!.members[m]!);
    });
    members.sort();
    const key = members.join('\u0000');
    const entry = merged.get(key);
    if (entry) entry.probability += d.probability;
    else merged.set(key, { members, probability: d.probability });
  }
  const panels = [...merged.values()].sort((a, b) => b.probability - a.probability);
  return { panels, probabilities: probabilitiesOf(reduction.instance, panels) };
}

/** Each candidate's probability of sitting, summed over the panels (0 for those on none). */
export function probabilitiesOf(instance: SelectionInstance, panels: { members: string[]; probability: number }[]): Record<string, number> {
  const probabilities: Record<string, number> = {};
  for (const c of instance.candidates) probabilities[c.id] = 0;
  for (const p of panels) for (const id of p.members) probabilities[id] = (probabilities[id] ?? 0) + p.probability;
  return probabilities;
}
