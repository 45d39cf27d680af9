/**
 * What every objective's column generation shares: the instance reduced to types of
 * interchangeable people (typeReduction.ts), the panels found so far (as seats per type), and
 * the two ways of finding a better panel for given weights per seat: LEXIMIN's swap search
 * (cheap, no proof) and its persistent pricing MIP (panels.ts; proves that nothing better exists).
 *
 * Nothing here reads the clock to decide anything: the same instance and seed take the same
 * path on any machine. The clock only stops a run (time limit), and the result then says so.
 */
import { performance } from 'node:perf_hooks';
import { loadHighs, type Highs } from '../highs';
import { InfeasibleQuotasError, SwapSearch, TypePanelModel, infeasibilityHints } from '../panels';
import { expandToPeople, reduceToTypes, type TypeReduction } from '../typeReduction';
import type { PanelDistribution, SelectionInstance } from '../types';

/** Seeded pseudo-random numbers (mulberry32), for reproducible tie-breaks. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Moves per swap search. Each move scans every type against the panel's, so on a pool of a
 * thousand types a full search costs as much as a pricing MIP; a short search still finds most
 * improving columns (the MIP stays the proof).
 */
const SWAP_MOVES = 40;

export function dot(counts: readonly number[], weights: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < counts.length; t++) if (counts[t]) s += counts[t]! * weights[t]!;
  return s;
}

export interface Priced {
  /** Panels found (seats per type), the best last. */
  found: number[][];
  /** Proven upper bound on the weight of any panel. */
  bound: number;
  /** False when the time limit struck inside the MIP (no proof). */
  proved: boolean;
}

/**
 * The instance over types, with the panels found so far. Rows are the types an objective is
 * about: not fixed (fixed people sit on every panel) and able to sit on some panel (a type no
 * panel can hold gets 0 whatever the objective, and would make maximin 0 and Nash −∞).
 */
export class PanelColumns {
  readonly reduction: TypeReduction;
  readonly size: Int32Array;
  /** Type index of each objective row. */
  typeOfRow: number[] = [];
  readonly columns: number[][] = [];
  private readonly keys = new Set<string>();
  private readonly pricer: TypePanelModel;
  private readonly swap: SwapSearch;
  readonly rand: () => number;
  readonly highs: Highs;
  /** Candidates that are neither fixed nor unable to sit: the people the objective weighs. */
  weighedPeople = 0;
  private readonly deadline: number;

  private constructor(highs: Highs, reduction: TypeReduction, seed: number, deadline: number) {
    this.highs = highs;
    this.reduction = reduction;
    this.size = Int32Array.from(reduction.types, (t) => t.members.length);
    this.pricer = new TypePanelModel(highs, reduction);
    this.swap = new SwapSearch(reduction);
    this.rand = random(seed);
    this.deadline = deadline;
  }

  /**
   * Reduces the instance, finds a first panel, then puts every type that can sit on some column.
   * Throws InfeasibleQuotasError when no panel meets the rules.
   */
  static async create(instance: SelectionInstance, seed: number, deadline: number): Promise<PanelColumns> {
    const hints = infeasibilityHints(instance);
    if (hints.length) throw new InfeasibleQuotasError(instance, hints);
    const highs = await loadHighs();
    const self = new PanelColumns(highs, reduceToTypes(instance), seed, deadline);
    try {
      const n = self.reduction.types.length;
      const first = self.pricer.solve(new Float64Array(n), { timeLimitSec: Math.max(60, self.secondsLeft()) });
      if (first.status === 'infeasible') throw new InfeasibleQuotasError(instance, []);
      if (!first.best) throw new Error('No panel was found within the time limit.');
      self.add([first.best]);
      self.coverAll();
    } catch (e) {
      self.dispose();
      throw e;
    }
    return self;
  }

  dispose(): void {
    this.pricer.dispose();
  }

  secondsLeft(): number {
    return Math.max(0.001, Math.min(1e6, (this.deadline - performance.now()) / 1000));
  }

  /** Adds the panels not seen yet; returns how many were new. */
  add(panels: readonly number[][]): number[][] {
    const fresh: number[][] = [];
    for (const counts of panels) {
      const key = counts.join(',');
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      const copy = [...counts];
      this.columns.push(copy);
      fresh.push(copy);
    }
    return fresh;
  }

  /** Seats of row r's type in column j, divided by the type's size: what the panel gives each member. */
  share(column: readonly number[], row: number): number {
    const t = this.typeOfRow[row]!;
    return column[t]! / this.size[t]!;
  }

  /** Per-seat weights of the types from per-row weights (a row's weight spread over its members). */
  seatWeights(rowWeights: ArrayLike<number>): Float64Array {
    const w = new Float64Array(this.reduction.types.length);
    for (let r = 0; r < this.typeOfRow.length; r++) w[this.typeOfRow[r]!] = rowWeights[r]! / this.size[this.typeOfRow[r]!]!;
    return w;
  }

  /**
   * Swap searches from the `starts` columns (indices) for the per-seat weights; returns the
   * panels (distinct, not yet columns) whose weight exceeds `threshold`.
   */
  searchFrom(starts: readonly number[], weights: ArrayLike<number>, threshold: number, maxMoves = SWAP_MOVES): number[][] {
    const out: number[][] = [];
    const seen = new Set<string>();
    for (const j of starts) {
      const counts = [...this.columns[j]!];
      this.swap.improve(counts, weights, maxMoves);
      if (dot(counts, weights) <= threshold) continue;
      const key = counts.join(',');
      if (this.keys.has(key) || seen.has(key)) continue;
      seen.add(key);
      out.push(counts);
    }
    return out;
  }

  /** The columns with the largest weight first (ties by index, so the order is reproducible). */
  bestColumns(indices: readonly number[], weights: ArrayLike<number>, count: number): number[] {
    return indices
      .map((j) => [j, dot(this.columns[j]!, weights)] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, count)
      .map(([j]) => j);
  }

  /** The pricing MIP: the heaviest panel for the weights, and a proven bound on any panel's weight. */
  price(weights: ArrayLike<number>, absGap: number): Priced {
    const result = this.pricer.solve(weights, { timeLimitSec: this.secondsLeft(), absGap: Math.max(1e-12, absGap) });
    return { found: result.found, bound: result.bound, proved: result.status === 'optimal' };
  }

  /**
   * Puts every type that can sit on at least one column: swap searches that reward the
   * uncovered types, then one MIP per type they missed. Sets the objective rows: the types that
   * are not fixed and can sit.
   */
  private coverAll(): void {
    const { types } = this.reduction;
    const covered = new Uint8Array(types.length);
    const mark = (counts: number[]) => counts.forEach((c, t) => c > 0 && (covered[t] = 1));
    this.columns.forEach(mark);
    const open = (t: number) => !types[t]!.fixed && !covered[t];
    for (let attempt = 0, stale = 0; stale < 3 && attempt < 200 && types.some((_, t) => open(t)); attempt++) {
      const weights = Float64Array.from(types, (_, t) => (open(t) ? 1 + 0.1 * this.rand() : 0));
      const counts = [...this.columns[Math.floor(this.rand() * this.columns.length)]!];
      this.swap.improve(counts, weights);
      const before = covered.reduce((a, b) => a + b, 0);
      this.add([counts]);
      mark(counts);
      stale = covered.reduce((a, b) => a + b, 0) > before ? 0 : stale + 1;
    }
    for (let t = 0; t < types.length; t++) {
      if (!open(t)) continue;
      const weights = new Float64Array(types.length);
      weights[t] = 1;
      const priced = this.pricer.solve(weights, { timeLimitSec: this.secondsLeft(), stopAbove: 0.5 });
      if (priced.best && priced.value > 0.5) {
        this.add([priced.best]);
        mark(priced.best);
      }
    }
    this.typeOfRow = types.filter((t) => !t.fixed && covered[t.index]).map((t) => t.index);
    this.weighedPeople = this.typeOfRow.reduce((s, t) => s + this.size[t]!, 0);
  }

  /** Each row's probability under the column weights x. */
  rowProbabilities(x: ArrayLike<number>): Float64Array {
    const p = new Float64Array(this.typeOfRow.length);
    const rowOf = new Int32Array(this.reduction.types.length).fill(-1);
    this.typeOfRow.forEach((t, r) => (rowOf[t] = r));
    for (let j = 0; j < this.columns.length; j++) {
      const xj = x[j] ?? 0;
      if (xj <= 0) continue;
      const counts = this.columns[j]!;
      for (let t = 0; t < counts.length; t++) {
        const r = rowOf[t]!;
        if (counts[t] && r >= 0) p[r]! += (xj * counts[t]!) / this.size[t]!;
      }
    }
    return p;
  }

  /** The distribution over people (members of a type get the type's probability exactly). */
  toPeople(x: ArrayLike<number>): PanelDistribution {
    const typePanels = this.columns.map((counts, j) => ({ counts, probability: Math.max(0, x[j] ?? 0) }));
    return expandToPeople(this.reduction, typePanels);
  }

  /** Smallest and largest probability over the weighed people (0 and 0 when there are none). */
  extremes(probabilities: Record<string, number>): { min: number; max: number } {
    let min = Infinity;
    let max = 0;
    const { types } = this.reduction;
    for (const t of this.typeOfRow) {
      for (const id of types[t]!.members) {
        const p = probabilities[id] ?? 0;
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
    }
    return { min: Number.isFinite(min) ? min : 0, max };
  }
}

/** Lets an abort (or a progress listener) through between solves, at most every 50 ms. */
export class Breather {
  private last = performance.now();
  async breathe(): Promise<void> {
    if (performance.now() - this.last < 50) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

/**
 * Maximin over the LP relaxation of the panel rules, in expected seats x_t per type instead of a
 * distribution over panels: Σx = k, each quota's range, at most one seat per shared household,
 * x_t ≥ n_t·z for every objective row. Every distribution's expected seats meet these rows, so
 * the optimum z bounds the smallest probability from above without any MIP, and its duals,
 * scaled to probability rows (× n_t), are valid weights summing to 1: a good first centre for
 * smoothing the column generation's duals (as LEXIMIN's phase A does).
 */
export function relaxedMaximin(cols: PanelColumns): { bound: number; centre: Float64Array } {
  const { highs, reduction, typeOfRow, size } = cols;
  const { types, quotaTypes, households, instance } = reduction;
  const inf = highs.infinity;
  const n = types.length;
  const zCol = n;
  const rows: number[][] = [types.map((t) => t.index), ...quotaTypes, ...households];
  const lower = [instance.panelSize, ...instance.quotas.map((q) => q.min), ...households.map(() => -inf)];
  const upper = [instance.panelSize, ...instance.quotas.map((q) => q.max), ...households.map(() => 1)];
  const structural = rows.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const t of row) {
      indices.push(t);
      values.push(1);
    }
    starts.push(indices.length);
  }
  for (const t of typeOfRow) {
    indices.push(t, zCol);
    values.push(1, -size[t]!);
    starts.push(indices.length);
    lower.push(0);
    upper.push(inf);
  }
  const model = highs.createModel({
    numCols: n + 1,
    numRows: lower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: [...new Array<number>(n).fill(0), 1],
    colLower: [...types.map((t) => (t.fixed ? 1 : 0)), -inf],
    colUpper: [...types.map((t) => t.members.length), inf],
    rowLower: lower,
    rowUpper: upper,
    matrix: { format: 'csr', numRows: lower.length, numCols: n + 1, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 });
    const result = model.run();
    if (result.modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`Relaxation LP ended with status ${result.modelStatus}`);
    const dual = model.getSolution().rowDual;
    const centre = Float64Array.from(typeOfRow, (t, r) => Math.max(0, -dual[structural + r]!) * size[t]!);
    const total = centre.reduce((a, b) => a + b, 0);
    if (total > 0) for (let r = 0; r < centre.length; r++) centre[r]! /= total;
    else centre.fill(1 / Math.max(1, centre.length));
    return { bound: model.getObjectiveValue(), centre };
  } finally {
    model.dispose();
  }
}

/**
 * Panels best (or nearly) for the given per-row weights, made different from one another by a
 * tiny seeded tie-break, swap-searched from the existing columns: a varied first master.
 */
export function seedColumns(cols: PanelColumns, rowWeights: Float64Array, count: number): number[][] {
  const base = cols.seatWeights(rowWeights);
  let top = 0;
  for (const w of base) top = Math.max(top, w);
  const noise = (top || 1) * 1e-3;
  const starts = cols.bestColumns(cols.columns.map((_, j) => j), base, count);
  const found: number[][] = [];
  for (let i = 0; i < count; i++) {
    const weights = Float64Array.from(base, (w) => w + noise * cols.rand());
    found.push(...cols.searchFrom([starts[i % starts.length]!], weights, -Infinity));
  }
  return cols.add(found);
}
