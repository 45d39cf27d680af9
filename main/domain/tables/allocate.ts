/**
 * Small-group tables: who sits where, for one round. Pure and seeded: the same input and seed
 * give the same plan.
 *
 * 1. Clusters first: people are split into groups by the values of the "cluster" features (for
 *    example the table language); a table never mixes groups.
 * 2. Each group gets ceil(size / tableSize) tables, all of tableSize but at most one smaller
 *    (the last), so the bound "at most one smaller table" holds per group.
 * 3. A greedy start: pinned people at their tables, then everyone else, rarest feature
 *    combinations first, at the open table where they add the least cost.
 * 4. Local search within a budget of steps, never of time (see searchBudget): seeded random
 *    swaps of two people (or a move into a free seat) at different tables of the same group,
 *    accepted when they lower the score (objective.ts). Pinned people never move; a swap that
 *    would seat a kept-apart pair together is never made.
 */
import { createRandom, type Seed } from '../random';
import { pairKey, scorePlan, tableDiversity, tableRepeats, type ObjectiveContext, type ScoreParts } from './objective';

export type FeatureMode = 'diversify' | 'cluster' | 'ignore';

export interface TablePerson {
  id: string;
  features: Record<string, string>;
}

export interface AllocationInput {
  people: TablePerson[];
  tableSize: number;
  modes: Record<string, FeatureMode>;
  /** person id -> table number (1-based) */
  pins?: Record<string, number>;
  /** Pairs of person ids never to seat together. */
  apart?: [string, string][];
  /** Earlier rounds: each a list of tables of person ids. */
  history?: string[][][];
  seed: Seed;
  /**
   * How hard the local search tries, 1 (the default) to MAX_EFFORT: it multiplies the search's
   * step budget and its patience (see searchBudget). Counted in steps, never in time.
   */
  effort?: number;
}

/** The local search's budget, in steps (tried swaps or moves), never in time. */
export interface SearchBudget {
  /** At most this many steps. */
  steps: number;
  /** Stop earlier after this many steps in a row without an improvement (a local optimum). */
  patience: number;
}

export const MAX_EFFORT = 10;
/** Stop after this many steps in a row without an improvement, per unit of effort. */
export const PATIENCE = 20_000;
/**
 * Steps per unit of effort for a new plan. 150 people at tables of 8 reach their local optimum
 * after 25,000 to 50,000 steps (400 people: about 50,000), so this cap only bites on large or
 * unusual inputs; a step takes about 5 µs on a laptop core, so the cap is about 1 s per unit.
 */
export const PLAN_STEPS = 200_000;
/** A re-plan searches among the moved people only: 100,000 steps per unit, 300,000 at most. */
export const REPLAN_STEPS = 100_000;
export const REPLAN_MAX_STEPS = 300_000;

/** The budget for an effort (1 to MAX_EFFORT; out-of-range or missing values are clamped). */
export function searchBudget(effort: number | undefined, stepsPerUnit: number, maxSteps = Infinity): SearchBudget {
  const e = Math.min(MAX_EFFORT, Math.max(1, Math.round(Number.isFinite(effort) ? effort! : 1)));
  return { steps: Math.min(maxSteps, stepsPerUnit * e), patience: PATIENCE * e };
}

export interface TableAllocation {
  /** Tables of person ids, in table-number order. */
  tables: string[][];
  /** The number of each table (1..T for a new plan; a re-plan keeps the old numbers). */
  numbers: number[];
  /** The cluster values of each table ("" when no feature is clustered). */
  groups: string[];
  score: ScoreParts;
}

export class TableRuleError extends Error {
  constructor(
    message: string,
    readonly rule: 'tableSize' | 'pinTable' | 'pinCluster' | 'pinFull' | 'apartPinned' | 'apartImpossible' | 'unknownPerson',
  ) {
    super(message);
    this.name = 'TableRuleError';
  }
}

/**
 * The table sizes of a group of n people: tables of `size`, at most one smaller. When that one
 * would be less than half full (57 people at tables of 8 would leave one person alone), the
 * people are spread evenly instead over the same number of tables, every table then holding
 * size or size − 1 or so: nobody sits at a near-empty table.
 */
export function groupCapacities(n: number, size: number): number[] {
  if (n === 0) return [];
  const count = Math.ceil(n / size);
  const last = n - (count - 1) * size;
  if (count === 1 || last * 2 >= size) return Array.from({ length: count }, (_, t) => (t < count - 1 ? size : last));
  const base = Math.floor(n / count);
  const extra = n % count;
  return Array.from({ length: count }, (_, t) => (t < extra ? base + 1 : base));
}

interface Prepared {
  ctx: ObjectiveContext;
  n: number;
  /** Table -> group, table -> capacity. */
  tableGroup: number[];
  capacity: number[];
  groupNames: string[];
  pinnedTable: Int32Array;
  apartOf: number[][];
}

function prepare(input: AllocationInput): Prepared {
  const { people, tableSize } = input;
  if (!Number.isInteger(tableSize) || tableSize < 2) throw new TableRuleError('Tables must seat at least 2 people.', 'tableSize');
  const n = people.length;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const features = Object.keys(input.modes).sort();
  const clusterFeatures = features.filter((f) => input.modes[f] === 'cluster');
  const diversifyFeatures = features.filter((f) => input.modes[f] === 'diversify');

  // Groups by the clustered values.
  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const groupOf = new Int32Array(n);
  people.forEach((p, i) => {
    const key = clusterFeatures.map((f) => p.features[f] ?? '—').join(' / ');
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groupNames.length;
      groupIndex.set(key, g);
      groupNames.push(key);
    }
    groupOf[i] = g;
  });
  const groupSize = groupNames.map((_, g) => groupOf.filter((x) => x === g).length);

  // Tables per group: full tables and at most one smaller one.
  const tableGroup: number[] = [];
  const capacity: number[] = [];
  groupSize.forEach((size, g) => {
    for (const seats of groupCapacities(size, tableSize)) {
      tableGroup.push(g);
      capacity.push(seats);
    }
  });

  // Diversify features: value indices and shares per group.
  const diversify: Int32Array[] = [];
  const shares: Float64Array[][] = [];
  for (const f of diversifyFeatures) {
    const values = [...new Set(people.map((p) => p.features[f]).filter((v): v is string => v !== undefined && v !== ''))].sort();
    const valueIndex = new Map(values.map((v, i) => [v, i]));
    const column = Int32Array.from(people, (p) => valueIndex.get(p.features[f] ?? '') ?? -1);
    diversify.push(column);
    shares.push(
      groupNames.map((_, g) => {
        const counts = new Float64Array(values.length);
        column.forEach((v, i) => {
          if (groupOf[i] === g && v >= 0) counts[v]! += 1;
        });
        return counts.map((c) => c / groupSize[g]!);
      }),
    );
  }

  const history = new Map<number, number>();
  for (const round of input.history ?? []) {
    for (const table of round) {
      const members = table.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const key = pairKey(members[a]!, members[b]!, n);
          history.set(key, (history.get(key) ?? 0) + 1);
        }
      }
    }
  }

  // Pins: a table of the person's own group, with room.
  const pinnedTable = new Int32Array(n).fill(-1);
  const pinnedCount = new Array<number>(capacity.length).fill(0);
  for (const [id, table] of Object.entries(input.pins ?? {})) {
    const i = index.get(id);
    if (i === undefined) throw new TableRuleError(`A pinned person (${id}) is not among the people to seat.`, 'unknownPerson');
    const t = table - 1;
    if (!Number.isInteger(table) || t < 0 || t >= capacity.length) {
      throw new TableRuleError(`Table ${table} does not exist: there are ${capacity.length} tables.`, 'pinTable');
    }
    if (tableGroup[t] !== groupOf[i]) {
      throw new TableRuleError(`Table ${table} is for ${groupNames[tableGroup[t]!]}; the person pinned there belongs to ${groupNames[groupOf[i]!]}.`, 'pinCluster');
    }
    if (++pinnedCount[t]! > capacity[t]!) throw new TableRuleError(`More people are pinned to table ${table} than it seats (${capacity[t]}).`, 'pinFull');
    pinnedTable[i] = t;
  }

  const apartOf: number[][] = people.map(() => []);
  for (const [x, y] of input.apart ?? []) {
    const a = index.get(x);
    const b = index.get(y);
    if (a === undefined || b === undefined) continue; // someone absent: nothing to keep apart
    if (pinnedTable[a] !== -1 && pinnedTable[a] === pinnedTable[b]) {
      throw new TableRuleError(`Two people who must be kept apart are pinned to the same table (${pinnedTable[a]! + 1}).`, 'apartPinned');
    }
    if (groupOf[a] === groupOf[b] && capacity.filter((_, t) => tableGroup[t] === groupOf[a]).length < 2) {
      throw new TableRuleError(`Two people who must be kept apart are in a group with a single table (${groupNames[groupOf[a]!]}).`, 'apartImpossible');
    }
    apartOf[a]!.push(b);
    apartOf[b]!.push(a);
  }

  return { ctx: { diversify, shares, groupOf, history, n }, n, tableGroup, capacity, groupNames, pinnedTable, apartOf };
}

/** Cost of a table's members (diversity + repeats). */
function tableCost(p: Prepared, members: readonly number[]): number {
  return tableDiversity(p.ctx, members) + tableRepeats(p.ctx, members).cost;
}

function allowedAt(p: Prepared, person: number, members: readonly number[]): boolean {
  for (const other of p.apartOf[person]!) if (members.includes(other)) return false;
  return true;
}

function greedyStart(p: Prepared, people: TablePerson[], seed: Seed): number[][] {
  const random = createRandom(`${String(seed)}/start`);
  const tables: number[][] = p.capacity.map(() => []);
  for (let i = 0; i < p.n; i++) if (p.pinnedTable[i] !== -1) tables[p.pinnedTable[i]!]!.push(i);
  // Rarest combinations first: they have the fewest good places.
  const comboCount = new Map<string, number>();
  const combo = people.map((person) => JSON.stringify(Object.entries(person.features).sort()));
  for (const c of combo) comboCount.set(c, (comboCount.get(c) ?? 0) + 1);
  const order = random
    .shuffle([...Array(p.n).keys()].filter((i) => p.pinnedTable[i] === -1))
    .sort((a, b) => comboCount.get(combo[a]!)! - comboCount.get(combo[b]!)!);
  for (const person of order) {
    let best = -1;
    let bestCost = Infinity;
    for (let t = 0; t < tables.length; t++) {
      if (p.tableGroup[t] !== p.ctx.groupOf[person] || tables[t]!.length >= p.capacity[t]!) continue;
      const allowed = allowedAt(p, person, tables[t]!);
      const members = [...tables[t]!, person];
      // Fill evenly: a table's cost is judged at its share of the seats filled so far.
      const cost = tableCost(p, members) - tableCost(p, tables[t]!) + (allowed ? 0 : 1e9);
      if (cost < bestCost) {
        bestCost = cost;
        best = t;
      }
    }
    tables[best]!.push(person);
  }
  return tables;
}

function hasApartConflict(p: Prepared, tables: readonly (readonly number[])[]): boolean {
  return tables.some((t) => t.some((person) => !allowedAt(p, person, t.filter((x) => x !== person))));
}

/**
 * Local search by swaps within groups; improves the tables in place and returns the number of
 * steps taken. It stops after `budget.steps` tried swaps or moves, or earlier at a local optimum
 * (`budget.patience` tries in a row without an improvement). Never on the clock: the same input
 * and seed take the same steps on any machine, however busy.
 */
export function improve(p: Prepared, tables: number[][], seed: Seed, budget: SearchBudget, locked?: Set<number>): number {
  const random = createRandom(`${String(seed)}/search`);
  const costs = tables.map((t) => tableCost(p, t));
  const tablesOfGroup = new Map<number, number[]>();
  p.tableGroup.forEach((g, t) => tablesOfGroup.set(g, [...(tablesOfGroup.get(g) ?? []), t]));
  const movable = [...Array(p.n).keys()].filter((i) => p.pinnedTable[i] === -1 && !locked?.has(i));
  if (movable.length === 0) return 0;
  const where = new Int32Array(p.n);
  tables.forEach((t, ti) => t.forEach((person) => (where[person] = ti)));
  let sinceImprovement = 0;
  let iteration = 0;
  for (; iteration < budget.steps; iteration++) {
    if (sinceImprovement > budget.patience) break; // a local optimum: nothing more to find
    const a = movable[random.int(0, movable.length - 1)]!;
    const ta = where[a]!;
    const group = tablesOfGroup.get(p.tableGroup[ta]!)!;
    if (group.length < 2) {
      sinceImprovement++;
      continue;
    }
    let tb = group[random.int(0, group.length - 1)]!;
    if (tb === ta) tb = group[(group.indexOf(tb) + 1) % group.length]!;
    const A = tables[ta]!;
    const B = tables[tb]!;
    // Swap with someone at tb, or move into a free seat there.
    const slot = random.int(0, B.length - (B.length < p.capacity[tb]! ? 0 : 1));
    const b = slot < B.length ? B[slot]! : -1;
    if (b !== -1 && (p.pinnedTable[b] !== -1 || locked?.has(b))) {
      sinceImprovement++;
      continue;
    }
    const newA = A.filter((x) => x !== a);
    const newB = b === -1 ? [...B] : B.filter((x) => x !== b);
    if (b !== -1) newA.push(b);
    newB.push(a);
    if (!allowedAt(p, a, newB.filter((x) => x !== a)) || (b !== -1 && !allowedAt(p, b, newA.filter((x) => x !== b)))) {
      sinceImprovement++;
      continue;
    }
    const costA = tableCost(p, newA);
    const costB = tableCost(p, newB);
    const delta = costA + costB - costs[ta]! - costs[tb]!;
    if (delta < -1e-9) {
      tables[ta] = newA;
      tables[tb] = newB;
      costs[ta] = costA;
      costs[tb] = costB;
      where[a] = tb;
      if (b !== -1) where[b] = ta;
      sinceImprovement = 0;
    } else sinceImprovement++;
  }
  return iteration;
}

export function allocateTables(input: AllocationInput): TableAllocation {
  const p = prepare(input);
  if (p.n === 0) return { tables: [], numbers: [], groups: [], score: { diversity: 0, repeats: 0, repeatedPairs: 0, total: 0 } };
  const tables = greedyStart(p, input.people, input.seed);
  improve(p, tables, input.seed, searchBudget(input.effort, PLAN_STEPS));
  if (hasApartConflict(p, tables)) {
    throw new TableRuleError('The people to keep apart cannot all be seated apart with these tables.', 'apartImpossible');
  }
  return finish(p, input.people, tables);
}

function finish(p: Prepared, people: TablePerson[], tables: number[][], tableGroup: number[] = p.tableGroup): TableAllocation {
  return {
    tables: tables.map((t) => t.map((i) => people[i]!.id).sort()),
    numbers: tables.map((_, t) => t + 1),
    groups: tableGroup.map((g) => p.groupNames[g]!),
    score: scorePlan(p.ctx, tables),
  };
}

/** The score of given tables (after a swap by hand, for example). */
export function scoreTables(input: Omit<AllocationInput, 'seed' | 'effort'>, tables: string[][]): ScoreParts {
  const p = prepare({ ...input, seed: 0 });
  const index = new Map(input.people.map((x, i) => [x.id, i]));
  return scorePlan(p.ctx, tables.map((t) => t.map((id) => index.get(id)).filter((i): i is number => i !== undefined)));
}

/**
 * Re-plans for the people present with the fewest moves. Tables keep their numbers (the signs
 * on the tables and the facilitators' lists stay right). Per group:
 *  1. absentees leave their seats; if the group now needs fewer tables, the emptiest are
 *     dissolved (their people are reseated); if it needs more, tables with new numbers are added;
 *  2. each table gets its target size: the table size, except one table allowed to be smaller,
 *     which is the one that is now the emptiest (the fewest moves);
 *  3. tables above their target give up the members whose leaving lowers the cost most, and
 *     everyone without a seat (from dissolved tables, new arrivals) takes the free seat where
 *     they add least. Every move is forced by a size bound;
 *  4. a short search among the moved people only; the others stay where they were.
 * `previous` holds the old tables by number (previousNumbers[i] is the number of previous[i]).
 */
export function replanForPresent(
  input: AllocationInput,
  previous: string[][],
  previousNumbers: number[] = previous.map((_, i) => i + 1),
): TableAllocation & { moved: string[] } {
  const base = prepare({ ...input, pins: {} });
  const index = new Map(input.people.map((x, i) => [x.id, i]));
  const size = input.tableSize;
  const seatedBefore = new Map<number, number>(); // person -> old table number
  previous.forEach((t, ti) => t.forEach((id) => index.has(id) && seatedBefore.set(index.get(id)!, previousNumbers[ti]!)));

  const numbers: number[] = [];
  const tableGroup: number[] = [];
  const capacity: number[] = [];
  const tables: number[][] = [];
  const unseated: number[] = [];
  for (let person = 0; person < base.n; person++) if (!seatedBefore.has(person)) unseated.push(person);
  let nextNumber = Math.max(0, ...previousNumbers) + 1;

  const groupCount = base.groupNames.length;
  for (let g = 0; g < groupCount; g++) {
    const people = [...Array(base.n).keys()].filter((i) => base.ctx.groupOf[i] === g);
    const seats = groupCapacities(people.length, size);
    const need = seats.length;
    // Old tables holding people of this group, with those people.
    const old = new Map<number, number[]>();
    for (const person of people) {
      const number = seatedBefore.get(person);
      if (number === undefined) continue;
      old.set(number, [...(old.get(number) ?? []), person]);
    }
    // A table mostly of another group (a clustered value changed) is not this group's to keep.
    let kept = [...old.entries()].map(([number, members]) => ({ number, members }));
    kept.sort((a, b) => b.members.length - a.members.length || a.number - b.number);
    while (kept.length > need) unseated.push(...kept.pop()!.members);
    // A number another group already holds goes to a new table; its people are reseated.
    for (const t of kept.filter((t) => numbers.includes(t.number))) unseated.push(...t.members);
    kept = kept.filter((t) => !numbers.includes(t.number));
    while (kept.length < need) kept.push({ number: nextNumber++, members: [] });
    // The largest seat counts go to the fullest tables (the fewest moves); then by number.
    const bySize = [...kept].sort((a, b) => b.members.length - a.members.length || a.number - b.number);
    const capacityOf = new Map(bySize.map((t, i) => [t, [...seats].sort((a, b) => b - a)[i]!]));
    kept.sort((a, b) => a.number - b.number);
    for (const t of kept) {
      numbers.push(t.number);
      tableGroup.push(g);
      capacity.push(capacityOf.get(t)!);
      tables.push([...t.members]);
    }
  }

  // The same rules, over the kept numbering: pins name table numbers.
  const pinnedTable = new Int32Array(base.n).fill(-1);
  for (const [id, number] of Object.entries(input.pins ?? {})) {
    const i = index.get(id);
    const t = numbers.indexOf(number);
    if (i === undefined) continue;
    if (t < 0) throw new TableRuleError(`Table ${number} does not exist in the new plan.`, 'pinTable');
    if (tableGroup[t] !== base.ctx.groupOf[i]) throw new TableRuleError(`Table ${number} is for another group than the person pinned there.`, 'pinCluster');
    pinnedTable[i] = t;
  }
  const p: Prepared = { ...base, tableGroup, capacity, pinnedTable };

  for (let person = 0; person < p.n; person++) {
    const pin = p.pinnedTable[person]!;
    if (pin === -1 || tables[pin]!.includes(person)) continue;
    for (const t of tables) {
      const at = t.indexOf(person);
      if (at >= 0) t.splice(at, 1);
    }
    const u = unseated.indexOf(person);
    if (u >= 0) unseated.splice(u, 1);
    tables[pin]!.push(person);
  }

  const costOfLeaving = (t: number, person: number) => tableCost(p, tables[t]!) - tableCost(p, tables[t]!.filter((x) => x !== person));
  for (let t = 0; t < tables.length; t++) {
    while (tables[t]!.length > capacity[t]!) {
      const candidates = tables[t]!.filter((x) => pinnedTable[x] !== t);
      if (candidates.length === 0) throw new TableRuleError(`More people are pinned to table ${numbers[t]} than it seats.`, 'pinFull');
      const leaving = candidates.reduce((best, x) => (costOfLeaving(t, x) > costOfLeaving(t, best) ? x : best));
      tables[t] = tables[t]!.filter((x) => x !== leaving);
      unseated.push(leaving);
    }
  }
  // Hardest to place first: people with kept-apart partners, then the rest in a seeded order.
  const random = createRandom(`${String(input.seed)}/replan`);
  const queue = random.shuffle(unseated).sort((a, b) => p.apartOf[b]!.length - p.apartOf[a]!.length);
  for (const person of queue) {
    let best = -1;
    let bestCost = Infinity;
    for (let t = 0; t < tables.length; t++) {
      if (tableGroup[t] !== p.ctx.groupOf[person] || tables[t]!.length >= capacity[t]!) continue;
      const cost = tableCost(p, [...tables[t]!, person]) - tableCost(p, tables[t]!) + (allowedAt(p, person, tables[t]!) ? 0 : 1e9);
      if (cost < bestCost) {
        bestCost = cost;
        best = t;
      }
    }
    tables[best]!.push(person);
  }

  const movedNow = () => new Set(tables.flatMap((t, ti) => t.filter((x) => seatedBefore.get(x) !== numbers[ti])));
  const moved = movedNow();
  const locked = new Set([...Array(p.n).keys()].filter((i) => !moved.has(i)));
  improve(p, tables, input.seed, searchBudget(input.effort, REPLAN_STEPS, REPLAN_MAX_STEPS), locked);
  if (hasApartConflict(p, tables)) {
    throw new TableRuleError('The people to keep apart cannot all be seated apart with these tables.', 'apartImpossible');
  }
  // Tables in number order.
  const order = numbers.map((_, t) => t).sort((a, b) => numbers[a]! - numbers[b]!);
  const result = finish(p, input.people, order.map((t) => tables[t]!), order.map((t) => tableGroup[t]!));
  return { ...result, numbers: order.map((t) => numbers[t]!), moved: [...movedNow()].map((i) => input.people[i]!.id).sort() };
}
