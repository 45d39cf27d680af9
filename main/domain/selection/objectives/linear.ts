/**
 * Maximin and Goldilocks: objectives with a linear master, solved by column generation over
 * panels (as LEXIMIN's first level is, Flanigan et al. 2021).
 *
 * The master is one LP in HiGHS, minimised: column 0 is L (a floor every weighed type's
 * probability stays above), column 1 is U (a ceiling), column 2 is t (stands for 1/L), then
 * one column per panel (its probability). Rows: per weighed type p_t − L ≥ 0; for Goldilocks
 * also p_t − U ≤ 0; the panel probabilities sum to 1; and for Goldilocks the cuts below.
 *
 *  - maximin minimises −L: the smallest probability as large as possible. Beyond the smallest,
 *    the probabilities are whatever the LP's vertex gives (the objective says nothing of them).
 *  - Goldilocks_γ (Baharav and Flanigan, "Fair, manipulation-robust, and transparent
 *    sortition", 2024) minimises U/a + γ·a/L, with a the average probability: the largest
 *    chance as a multiple of the average plus γ times the average as a multiple of the smallest.
 *    1/L is convex; the master holds it by tangent cuts t ≥ 2/L_j − L/L_j² (Kelley's cutting
 *    planes), one more at each iteration's L, so the LP is a relaxation whose value is a valid
 *    lower bound once pricing has proved it over all panels.
 *
 * Certificate. With the master's duals, a panel P is worth w·P (w per seat: the rows' duals
 * over the type sizes); the pricing MIP proves M ≥ w·P for every P. Since the panel
 * probabilities sum to 1, no distribution beats the master's value by more than M + (the
 * convexity row's dual): that gives the lower bound (Lagrangian bound). The upper bound is the
 * objective at the current distribution itself. The run stops when the two are within the
 * tolerance, relative (default 1e-4).
 *
 * Pricing tries swap searches from the master's best panels first (fixed numbers of starts:
 * the path does not depend on timing) and calls the MIP only when they find nothing.
 */
import { performance } from 'node:perf_hooks';
import type { Highs } from '../highs';
import type { SelectionInstance } from '../types';
import { Breather, PanelColumns, dot, relaxedMaximin, seedColumns } from './columns';
import { GOLDILOCKS_GAMMA, type ObjectiveOptions, type ObjectiveResult, type ObjectiveSpec } from './types';

type Kind = 'maximin' | 'goldilocks';

const COL_L = 0;
const COL_U = 1;
const COL_T = 2;
const EXTRA = 3;

/** A column must improve the master by this much to be added (as LEXIMIN's swap columns). */
const GAIN = 1e-9;

class Master {
  private readonly model: ReturnType<Highs['createModel']>;
  readonly rows: number;
  private readonly highRows: boolean;
  private readonly convexityRow: number;
  private numRows: number;
  private numCols = EXTRA;

  constructor(
    private readonly highs: Highs,
    private readonly cols: PanelColumns,
    kind: Kind,
    /** Objective coefficients of U and t (Goldilocks). */
    costU: number,
    costT: number,
  ) {
    const inf = highs.infinity;
    const rows = cols.typeOfRow.length;
    this.rows = rows;
    this.highRows = kind === 'goldilocks';
    const lower: number[] = [];
    const upper: number[] = [];
    // Row-wise triplets for the three extra columns.
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < rows; r++) {
      lower.push(0);
      upper.push(inf);
      indices.push(COL_L);
      values.push(-1);
      starts.push(indices.length);
    }
    if (this.highRows) {
      for (let r = 0; r < rows; r++) {
        lower.push(-inf);
        upper.push(0);
        indices.push(COL_U);
        values.push(-1);
        starts.push(indices.length);
      }
    }
    this.convexityRow = lower.length;
    lower.push(1);
    upper.push(1);
    starts.push(indices.length);
    this.numRows = lower.length;
    this.model = highs.createModel({
      numCols: EXTRA,
      numRows: lower.length,
      sense: highs.constants.objectiveSense.minimize,
      colCost: kind === 'maximin' ? [-1, 0, 0] : [0, costU, costT],
      colLower: [0, 0, 0],
      colUpper: [1, kind === 'maximin' ? 0 : 1, kind === 'maximin' ? 0 : inf],
      rowLower: lower,
      rowUpper: upper,
      matrix: { format: 'csr', numRows: lower.length, numCols: EXTRA, starts, indices, values },
    });
    this.model.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      presolve: 'off',
      // Columns are added far more often than cuts: the last basis stays primal feasible.
      simplex_strategy: 4,
    });
  }

  addPanels(panels: readonly number[][]): void {
    if (panels.length === 0) return;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const counts of panels) {
      for (let r = 0; r < this.rows; r++) {
        const share = this.cols.share(counts, r);
        if (share === 0) continue;
        indices.push(r);
        values.push(share);
        if (this.highRows) {
          indices.push(this.rows + r);
          values.push(share);
        }
      }
      indices.push(this.convexityRow);
      values.push(1);
      starts.push(indices.length);
    }
    const n = panels.length;
    this.model.addCols({
      cost: new Float64Array(n),
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(this.highs.infinity),
      matrix: { format: 'csc', numRows: this.numRows, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    });
    this.numCols += n;
  }

  /** t ≥ 2/at − L/at²: the tangent of 1/L at `at`. */
  addCut(at: number): void {
    this.model.addRows({
      lower: Float64Array.of(2 / at),
      upper: Float64Array.of(this.highs.infinity),
      matrix: { format: 'csr', numRows: 1, numCols: this.numCols, starts: Int32Array.of(0, 2), indices: Int32Array.of(COL_L, COL_T), values: Float64Array.of(1 / (at * at), 1) },
    });
    this.numRows++;
  }

  solve(): { value: number; L: number; t: number; rowWeights: Float64Array; convexityDual: number; x: Float64Array } {
    const result = this.model.run();
    if (result.modelStatus !== this.highs.constants.modelStatus.optimal) throw new Error(`Objective master LP ended with status ${result.modelStatus}`);
    const solution = this.model.getSolution();
    // A panel column's reduced cost is −Σ share·dual − convexity dual (HiGHS: c − Aᵀy).
    const rowWeights = new Float64Array(this.rows);
    for (let r = 0; r < this.rows; r++) rowWeights[r] = solution.rowDual[r]! + (this.highRows ? solution.rowDual[this.rows + r]! : 0);
    return {
      value: this.model.getObjectiveValue(),
      L: solution.colValue[COL_L]!,
      t: solution.colValue[COL_T]!,
      rowWeights,
      convexityDual: solution.rowDual[this.convexityRow]!,
      x: Float64Array.from(solution.colValue.subarray(EXTRA)),
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}

export async function maximin(instance: SelectionInstance, options: ObjectiveOptions = {}): Promise<ObjectiveResult> {
  return solveLinear(instance, 'maximin', options);
}

export async function goldilocks(instance: SelectionInstance, options: ObjectiveOptions = {}): Promise<ObjectiveResult> {
  return solveLinear(instance, 'goldilocks', options);
}

/** The average probability of the people the objective weighs (fixed people excluded). */
export function averageProbability(instance: SelectionInstance): number {
  const fixed = instance.fixed?.length ?? 0;
  const n = instance.candidates.length - fixed;
  return n > 0 ? Math.max(0, instance.panelSize - fixed) / n : 0;
}

async function solveLinear(instance: SelectionInstance, kind: Kind, options: ObjectiveOptions): Promise<ObjectiveResult> {
  const started = performance.now();
  const tolerance = options.tolerance ?? 1e-4;
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  const gamma = options.gamma ?? GOLDILOCKS_GAMMA;
  const average = averageProbability(instance);
  const objective: ObjectiveSpec = { name: kind, params: kind === 'goldilocks' ? { gamma } : {} };
  const cols = await PanelColumns.create(instance, options.seed ?? 1, deadline);
  const breather = new Breather();
  let master: Master | null = null;
  let firstBound = -Infinity;
  try {
    if (cols.typeOfRow.length === 0) {
      // Nobody to weigh (everyone fixed, or the panel is forced): any panel will do.
      const x = Float64Array.from(cols.columns, (_, j) => (j === 0 ? 1 : 0));
      const people = cols.toPeople(x);
      return { ...people, objective, minProbability: 0, maxProbability: 0, certificate: { value: 0, bound: 0, relativeGap: 0 }, complete: true, iterations: 0, elapsedMs: performance.now() - started, types: cols.reduction.types.length };
    }
    // Goldilocks in its own units: U/a + γ·a/L, i.e. costs 1/a on U and γ·a on t = 1/L.
    master = new Master(cols.highs, cols, kind, 1 / average, gamma * average);
    master.addPanels(cols.columns);
    if (kind === 'goldilocks') {
      for (const f of [1, 0.5, 0.25, 0.1, 0.03, 0.01]) master.addCut(average * f);
      // Panels good for the relaxation's floor: a varied start that already lifts the low chances.
      const relaxed = relaxedMaximin(cols);
      master.addPanels(seedColumns(cols, relaxed.centre, 12));
      // A first bound needing no MIP: the largest chance is at least the weighed people's mean,
      // and the smallest at most the relaxation's floor.
      const weighedMean = Math.max(0, instance.panelSize - (instance.fixed?.length ?? 0)) / Math.max(1, cols.weighedPeople);
      firstBound = weighedMean / average + (gamma * average) / Math.max(1e-12, relaxed.bound);
    }

    /** The objective at a distribution's row probabilities (to minimise, in the master's units). */
    const valueAt = (p: Float64Array): number => {
      let min = Infinity;
      let max = 0;
      for (const v of p) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      return kind === 'maximin' ? -min : min <= 0 ? Infinity : max / average + (gamma * average) / min;
    };

    let lowerBound = firstBound;
    let best: { x: Float64Array; value: number } | null = null;
    let iterations = 0;
    let complete = false;
    if (kind === 'maximin') {
      const outcome = await maximinLoop(cols, master, { tolerance, deadline, options, breather });
      best = outcome.best;
      lowerBound = -outcome.upper;
      iterations = outcome.iterations;
      complete = outcome.complete;
    } else {
      const relativeGap = () => (best === null ? Infinity : Math.abs(best.value - lowerBound) / Math.max(1e-12, Math.abs(best.value)));
      for (;;) {
        await breather.breathe();
        if (performance.now() >= deadline || options.signal?.aborted) break;
        const m = master.solve();
        iterations++;
        const p = cols.rowProbabilities(m.x);
        const value = valueAt(p);
        if (best === null || value < best.value) best = { x: m.x, value };
        let min = Infinity;
        let max = 0;
        for (const v of p) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        options.onProgress?.({ stage: kind, iteration: iterations, minProbability: min, maxProbability: max, relativeGap: relativeGap() });
        if (relativeGap() <= tolerance) {
          complete = true;
          break;
        }

        let changed = false;
        // Goldilocks: the cut at this iteration's floor, if 1/L is not yet held there.
        if (kind === 'goldilocks' && m.L > 0 && m.t < (1 / m.L) * (1 - tolerance / 10)) {
          master.addCut(m.L);
          changed = true;
        }
        const weights = cols.seatWeights(m.rowWeights);
        const threshold = -m.convexityDual + GAIN;
        const support: number[] = [];
        m.x.forEach((v, j) => v > 1e-12 && support.push(j));
        const heuristic = cols.searchFrom(cols.bestColumns(support, weights, MAXIMIN_SWAPS), weights, threshold);
        if (heuristic.length > 0) {
          master.addPanels(cols.add(heuristic));
          continue;
        }
        // The MIP's gap, in the objective's units: a tenth of the tolerance.
        const scale = Math.max(1e-12, Math.abs(best.value));
        const priced = cols.price(weights, (tolerance * scale) / 10);
        if (!priced.proved) break; // the time limit struck inside the MIP
        lowerBound = Math.max(lowerBound, m.value - Math.max(0, priced.bound + m.convexityDual));
        const improving = priced.found.filter((c) => dot(c, weights) > threshold);
        const fresh = cols.add(improving);
        master.addPanels(fresh);
        if (fresh.length > 0) changed = true;
        if (relativeGap() <= tolerance) {
          complete = true;
          break;
        }
        if (!changed) {
          // Nothing prices out and every cut holds: the master is optimal over all panels (up to
          // the MIP's gap, which the Lagrangian bound above already counts).
          complete = relativeGap() <= tolerance;
          break;
        }
      }
    }

    if (best === null) {
      best = { x: Float64Array.from(cols.columns, (_, j) => (j === 0 ? 1 : 0)), value: Infinity };
    }
    const people = cols.toPeople(best.x);
    const { min, max } = cols.extremes(people.probabilities);
    // Back to the objective's own terms: maximin reports the smallest probability and its bound.
    const value = kind === 'maximin' ? min : max / average + (gamma * average) / Math.max(min, 1e-300);
    const bound = kind === 'maximin' ? Math.max(min, -lowerBound) : Math.min(value, lowerBound);
    return {
      ...people,
      objective,
      minProbability: min,
      maxProbability: max,
      certificate: { value, bound, relativeGap: Number.isFinite(bound) ? Math.abs(bound - value) / Math.max(1e-12, Math.abs(bound)) : Infinity },
      complete,
      iterations,
      elapsedMs: performance.now() - started,
      types: cols.reduction.types.length,
    };
  } finally {
    master?.dispose();
    cols.dispose();
  }
}

/** Weight of the stability centre in the pricing duals (Wentges smoothing, as in LEXIMIN). */
const SMOOTHING = 0.7;
/**
 * Swap searches per round before the MIP (from the best used panels, half as many at the
 * master's own duals). None: on a thousand types a search costs more than the pricing MIP, which
 * returns every incumbent it meets (on instance c the MIP alone reached a gap of 2.5 % in 87 s,
 * with 4 + 2 searches per round 4.8 % in 110 s). Tiny pools do not need them either.
 */
const MAXIMIN_SWAPS = 0;

/**
 * Maximin's column generation, stabilised: the duals priced are a mix of a stability centre
 * (first the relaxation's duals, then the best dual point found) and the master's own. Any
 * weights y ≥ 0 summing to 1 bound the smallest probability by the heaviest panel's weight
 * (min_t p_t ≤ Σ y_t p_t ≤ max_P y·P), so every MIP call, at whatever mix, gives a valid upper
 * bound; a mix that prices no column (a mis-price) still moves the centre when its bound is
 * better. Two rounds in a row without progress at the master's own duals prove the master
 * optimal over all panels.
 */
async function maximinLoop(
  cols: PanelColumns,
  master: Master,
  run: { tolerance: number; deadline: number; options: ObjectiveOptions; breather: Breather },
): Promise<{ best: { x: Float64Array; value: number } | null; upper: number; iterations: number; complete: boolean }> {
  const { tolerance, deadline, options, breather } = run;
  const relaxed = relaxedMaximin(cols);
  let upper = Math.min(1, relaxed.bound);
  let centre = relaxed.centre;
  master.addPanels(seedColumns(cols, centre, 12));
  let best: { x: Float64Array; value: number } | null = null;
  let bestMin = -Infinity;
  let iterations = 0;
  let alpha = SMOOTHING;
  let idle = 0;
  for (;;) {
    await breather.breathe();
    if (performance.now() >= deadline || options.signal?.aborted) return { best, upper, iterations, complete: false };
    const m = master.solve();
    iterations++;
    const p = cols.rowProbabilities(m.x);
    let min = Infinity;
    let max = 0;
    for (const v of p) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min > bestMin) {
      bestMin = min;
      best = { x: m.x, value: -min };
    }
    const gap = () => (upper - bestMin) / Math.max(1e-12, upper);
    options.onProgress?.({ stage: 'maximin', iteration: iterations, minProbability: min, maxProbability: max, relativeGap: Math.max(0, gap()) });
    if (gap() <= tolerance) return { best, upper, iterations, complete: true };

    const level = -m.convexityDual; // the master's value L*: a panel improves it when y·P > L*
    const y = m.rowWeights;
    const sep = Float64Array.from(centre, (c, r) => alpha * c + (1 - alpha) * Math.max(0, y[r]!));
    const sepTotal = sep.reduce((a, b) => a + b, 0);
    const wSep = cols.seatWeights(sep);
    const wOut = cols.seatWeights(y);
    const support: number[] = [];
    m.x.forEach((v, j) => v > 1e-12 && support.push(j));
    const heuristic = [
      ...cols.searchFrom(cols.bestColumns(support, wSep, MAXIMIN_SWAPS), wSep, -Infinity),
      ...cols.searchFrom(cols.bestColumns(support, wOut, MAXIMIN_SWAPS / 2), wOut, level + GAIN),
    ].filter((c) => dot(c, wOut) > level + GAIN);
    const added = cols.add(heuristic);
    if (added.length > 0) {
      master.addPanels(added);
      idle = 0;
      alpha = SMOOTHING;
      continue;
    }
    const priced = cols.price(wSep, (tolerance * upper) / 10);
    if (!priced.proved) return { best, upper, iterations, complete: false };
    let progressed = false;
    const sepBound = priced.bound / Math.max(1e-12, sepTotal);
    if (sepBound < upper) {
      upper = sepBound;
      centre = Float64Array.from(sep, (v) => v / sepTotal);
      progressed = true;
    }
    const fresh = cols.add(priced.found.filter((c) => dot(c, wOut) > level + GAIN));
    if (fresh.length > 0) {
      master.addPanels(fresh);
      progressed = true;
    }
    if (progressed) {
      idle = 0;
      alpha = SMOOTHING;
    } else if (alpha === 0 || ++idle >= 2) {
      // Not even the master's own duals price a column: the master is optimal over all panels.
      if (alpha === 0) upper = Math.min(upper, Math.max(bestMin, level + (tolerance * upper) / 10));
      return { best, upper, iterations, complete: (upper - bestMin) / Math.max(1e-12, upper) <= tolerance };
    } else alpha = 0;
  }
}
