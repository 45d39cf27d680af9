/**
 * LEXIMIN selection (Flanigan, Gölz, Gupta, Hennig and Procaccia, "Fair algorithms for selecting
 * citizens' assemblies", Nature 596, 2021, Methods): the distribution over valid panels whose
 * selection probabilities are leximin-optimal (the smallest as large as possible, then the next
 * smallest, and so on).
 *
 * The paper finds the levels one after another. Each level maximises the smallest probability
 * among the people not yet fixed while the fixed keep theirs, by column generation: a restricted
 * master LP over the panels found so far gives dual weights; a MIP finds the panel of largest
 * weight; when no panel beats the LP's value the level is optimal, and the people whose dual is
 * positive are fixed at it. The dual is also the certificate: with weights y >= 0 summing to 1
 * over the unfixed, and M the largest weight of any panel (the MIP's proven bound), no
 * distribution lifts every unfixed person above M - sum over fixed rows of y * level.
 *
 * This implementation runs on types of interchangeable people (typeReduction.ts) and in three
 * phases, because repeating a column generation per level is what makes the paper's method slow
 * (17 levels on the 1,727-person benchmark):
 *
 *  A. Leximin over the LP relaxation of the panel rules (expected seats per type instead of a
 *     distribution over panels): a sequence of small LPs, well under a second. Its levels
 *     lex-dominate the true ones, since every distribution's expected seats satisfy the relaxed
 *     rules; its first level bounds the smallest probability (the certificate).
 *  B. One column generation that looks for a distribution giving every type at least its
 *     relaxed level, less as little as possible. If the shortfall is within the tolerance, that
 *     distribution is leximin within the tolerance, and we are done. The average of phase A's
 *     level duals is an optimal dual of this master (its Lagrangian value is 0), so it serves as
 *     the centre of dual smoothing (Wentges): pricing uses a mix of the centre and the master's
 *     duals, and a pricing round that finds no column provably moves the centre closer.
 *  C. If a MIP bound proves the relaxed levels unreachable (rounding matters: small panels, rare
 *     combinations), the exact level-by-level method, with the relaxation of each level as its
 *     initial bound and smoothing centre, keeping every panel found so far.
 *
 * Pricing tries a swap search from the master's own panels before the MIP (panels.ts), with more
 * starting panels as the master grows (late, degenerate LPs take seconds, so each solve should
 * receive many columns); the MIP returns every incumbent it met as a column. Before phase B
 * every type is put on some column (a type on none pins the shortfall for many rounds). Master
 * and relaxation are persistent HiGHS models, warm-started (primal simplex, as columns are only
 * added) rather than rebuilt.
 *
 * Reproducible: the same instance, options and seed give the same distribution on any machine
 * and under any load. Nothing the search decides depends on the clock: batch sizes follow the
 * master's size, tie-breaks a seeded generator, and HiGHS runs single-threaded and deterministic.
 * The clock can only stop a run (timeLimitMs), which the result then says (complete = false).
 *
 * Tolerance: relative to the proven bound. A run is complete when the smallest probability is
 * within `tolerance` x the bound of it (default 1e-4), whatever the size of the chances.
 */
import { performance } from 'node:perf_hooks';
import { loadHighs, type Highs } from './highs';
import { InfeasibleQuotasError, SwapSearch, TypePanelModel, infeasibilityHints } from './panels';
import { expandToPeople, reduceToTypes, type TypePanel, type TypeReduction } from './typeReduction';
import type { PanelDistribution, SelectionInstance } from './types';

export { InfeasibleQuotasError } from './panels';

export interface LeximinProgress {
  stage: string;
  iteration: number;
  /** The smallest probability of the current distribution (the first level's LP value). */
  minProbability: number;
  /** The proven upper bound on the smallest probability any distribution can reach. */
  upperBound: number;
  /** Levels completed (each fixes one or more types). */
  fixedLevels: number;
}

export interface LeximinOptions {
  /** Stop after this long and return the best distribution so far (complete = false). */
  timeLimitMs?: number;
  /**
   * Relative tolerance: a level is accepted when no distribution can raise it by more than this
   * fraction of the proven bound (default LEXIMIN_TOLERANCE, 1e-4).
   */
  tolerance?: number;
  onProgress?: (p: LeximinProgress) => void;
  signal?: AbortSignal;
  /** Seed of the random tie-breaks used to find diverse panels (default 1). */
  seed?: number;
  /**
   * 'relaxation-first' (default): phases A, B and, only if needed, C. 'level-by-level': phase C
   * alone, the paper's method (for comparison, and to test it on instances where B would do).
   */
  method?: 'relaxation-first' | 'level-by-level';
}

export type LeximinResult = PanelDistribution & {
  minProbability: number;
  /** The proven bound on the smallest probability, the gap to it, and the gap relative to the bound. */
  certificate: { upperBound: number; gap: number; relativeGap: number };
  /** False when the time limit or the signal stopped the computation early. */
  complete: boolean;
  /** Pricing rounds (master LP solves). */
  iterations: number;
  elapsedMs: number;
  /** Number of types of interchangeable people the problem was solved over. */
  types: number;
};

/** Default relative tolerance: the smallest probability within 0.01 % of the best possible. */
export const LEXIMIN_TOLERANCE = 1e-4;

/**
 * A gap this small counts as closed whatever the bound: below it, a relative tolerance would ask
 * for more than the LPs' precision (and when the best smallest probability is 0, because someone
 * can sit on no panel, any gap is 100 % of the bound).
 */
export const ABSOLUTE_GAP = 1e-9;

/** Whether a certificate is within the relative tolerance of its bound (or the gap below ABSOLUTE_GAP). */
export function withinTolerance(certificate: { gap: number; relativeGap: number }, tolerance = LEXIMIN_TOLERANCE): boolean {
  return certificate.relativeGap <= tolerance || certificate.gap <= ABSOLUTE_GAP;
}

/** The objective as a run record and the lottery document name it (lottery.ts, SelectionObjective). */
export function leximinObjective(options: Pick<LeximinOptions, 'tolerance' | 'seed' | 'method'> = {}): {
  name: 'leximin';
  params: { relativeTolerance: number; seed: number; method: string };
} {
  return {
    name: 'leximin',
    params: { relativeTolerance: options.tolerance ?? LEXIMIN_TOLERANCE, seed: options.seed ?? 1, method: options.method ?? 'relaxation-first' },
  };
}

/**
 * Starting panels of a swap-pricing round, from the master's size alone (never from measured
 * times, which would make the run depend on the machine's load). A master solve costs roughly
 * the square of its column count, a swap search about the same whatever the master: measured on
 * benchmark c, the ratio of the two is close to (columns / 150)^2 (0.7 at 116 columns, 1.8 at
 * 206, 7.5 at 435, 17 at 533).
 */
export function swapBatch(columns: number): number {
  return Math.max(2, Math.min(24, Math.round((columns / 150) ** 2)));
}

/** Fixed levels are kept with this slack (ten times the LP tolerance), so rounding can never make them infeasible. */
const LEVEL_SLACK = 1e-8;
/**
 * A dual weight above this marks a type as tight. Erring low is harmless: a tight type left open
 * is fixed at the next level, which then comes out equal to this one.
 */
const DUAL_EPS = 1e-7;
/** A column found by the swap search must improve by this much to be worth an LP iteration. */
const HEURISTIC_GAIN = 1e-7;

/** Seeded pseudo-random numbers (mulberry32): the initial panels, hence the run, are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** Weight of the stability centre in the pricing duals (Wentges smoothing). */
const SMOOTHING = 0.7;

/**
 * The restricted master LP, kept in one HiGHS instance: column 0 is z, then one column per
 * panel (its probability). One row per type that the instance does not fix: the type's
 * probability (seats of t in P / |t|, summed with the panel probabilities), minus z while the row
 * is "in the objective", is at least the row's lower bound; a last row sums the panel
 * probabilities to 1.
 */
class MasterLp {
  private readonly model: ReturnType<Highs['createModel']>;
  readonly columns: number[][] = [];
  /** Row lower bounds, as set (a dual bound subtracts sum y * lower). */
  readonly lower: Float64Array;
  private readonly inObjective: Uint8Array;
  private readonly convexityRow: number;

  constructor(
    private readonly highs: Highs,
    private readonly rowOf: Int32Array,
    private readonly size: Int32Array,
    private readonly numRows: number,
  ) {
    const inf = highs.infinity;
    this.convexityRow = numRows;
    this.lower = new Float64Array(numRows);
    this.inObjective = new Uint8Array(numRows).fill(1);
    const rows = numRows + 1;
    const indices = Array.from({ length: numRows }, (_, r) => r);
    this.model = highs.createModel({
      numCols: 1,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: [1],
      colLower: [-inf],
      colUpper: [inf],
      rowLower: [...indices.map(() => 0), 1],
      rowUpper: [...indices.map(() => inf), 1],
      matrix: { format: 'csc', numRows: rows, numCols: 1, starts: [0, numRows], indices, values: indices.map(() => -1) },
    });
    // Tight tolerances: levels are compared with one another and fixed in turn. Columns are only
    // ever added, so the last basis stays primal feasible: primal simplex, no presolve.
    this.model.options.set({
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
      presolve: 'off',
      simplex_strategy: 4,
    });
  }

  addPanels(panels: number[][]): void {
    if (panels.length === 0) return;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const counts of panels) {
      counts.forEach((c, t) => {
        const r = this.rowOf[t]!;
        if (c > 0 && r >= 0) {
          indices.push(r);
          values.push(c / this.size[t]!);
        }
      });
      indices.push(this.convexityRow);
      values.push(1);
      starts.push(indices.length);
      this.columns.push(counts);
    }
    const n = panels.length;
    this.model.addCols({
      cost: new Float64Array(n),
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(this.highs.infinity),
      matrix: {
        format: 'csc',
        numRows: this.numRows + 1,
        numCols: n,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
  }

  /** Row r: probability (- z when inObjective) >= lower. */
  setRow(row: number, inObjective: boolean, lower: number): void {
    if (this.inObjective[row] !== (inObjective ? 1 : 0)) {
      this.model.changeCoefficient(row, 0, inObjective ? -1 : 0);
      this.inObjective[row] = inObjective ? 1 : 0;
    }
    if (this.lower[row] !== lower) {
      this.model.changeRowBounds(row, lower, this.highs.infinity);
      this.lower[row] = lower;
    }
  }

  /** z, the duals y (>= 0, per row), lambda (the convexity row's dual) and panel probabilities. */
  solve(): { z: number; y: Float64Array; lambda: number; probabilities: Float64Array } {
    const result = this.model.run();
    if (result.modelStatus !== this.highs.constants.modelStatus.optimal) {
      throw new Error(`LEXIMIN master LP ended with status ${result.modelStatus}`);
    }
    const solution = this.model.getSolution();
    // For a maximisation HiGHS reports non-positive duals on >= rows; we use y = -dual.
    const y = Float64Array.from(solution.rowDual.subarray(0, this.numRows), (d) => Math.max(0, -d));
    return { z: solution.colValue[0]!, y, lambda: solution.rowDual[this.convexityRow]!, probabilities: solution.colValue.subarray(1) };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * A level over the LP relaxation of the panel rules, in expected seats x_t per type instead of
 * panels: sum x = k, each quota's range, households, x_t >= |t| z while t is unfixed (>= |t|
 * times its level once fixed). Every distribution's expected seats satisfy these rows, so the
 * optimum bounds the level from above without any MIP; and its duals, rescaled to the master's
 * rows, are valid dual weights for the master.
 */
class RelaxationLp {
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly structuralRows: number;
  private readonly zCol: number;

  constructor(
    private readonly highs: Highs,
    reduction: TypeReduction,
    private readonly typeOfRow: number[],
    private readonly size: Int32Array,
  ) {
    const { types, quotaTypes, households, instance } = reduction;
    const inf = highs.infinity;
    const n = types.length;
    this.zCol = n;
    const rows: number[][] = [types.map((t) => t.index), ...quotaTypes, ...households];
    const lower = [instance.panelSize, ...instance.quotas.map((q) => q.min), ...households.map(() => -inf)];
    const upper = [instance.panelSize, ...instance.quotas.map((q) => q.max), ...households.map(() => 1)];
    this.structuralRows = rows.length;
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
      indices.push(t, this.zCol);
      values.push(1, -size[t]!);
      starts.push(indices.length);
      lower.push(0);
      upper.push(inf);
    }
    this.model = highs.createModel({
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
    this.model.options.set({ output_flag: false, primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 });
  }

  fix(row: number, level: number): void {
    const r = this.structuralRows + row;
    this.model.changeCoefficient(r, this.zCol, 0);
    this.model.changeRowBounds(r, this.size[this.typeOfRow[row]!]! * Math.max(0, level - LEVEL_SLACK), this.highs.infinity);
  }

  /** Every row back in the objective, as before the first level. */
  reset(): void {
    this.typeOfRow.forEach((t, row) => {
      const r = this.structuralRows + row;
      this.model.changeCoefficient(r, this.zCol, -this.size[t]!);
      this.model.changeRowBounds(r, 0, this.highs.infinity);
    });
  }

  /** The relaxed level and its duals, scaled like the master's (per row, summing to 1 over unfixed rows). */
  solve(): { z: number; y: Float64Array } {
    const result = this.model.run();
    if (result.modelStatus !== this.highs.constants.modelStatus.optimal) {
      throw new Error(`LEXIMIN relaxation LP ended with status ${result.modelStatus}`);
    }
    const dual = this.model.getSolution().rowDual;
    const y = Float64Array.from(this.typeOfRow, (t, r) => Math.max(0, -dual[this.structuralRows + r]!) * this.size[t]!);
    return { z: this.model.getObjectiveValue(), y };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** LEXIMIN over the instance. Throws InfeasibleQuotasError when no panel meets the rules. */
export async function leximin(instance: SelectionInstance, options: LeximinOptions = {}): Promise<LeximinResult> {
  const started = performance.now();
  const tolerance = options.tolerance ?? LEXIMIN_TOLERANCE;
  const deadline = options.timeLimitMs === undefined ? Infinity : started + options.timeLimitMs;
  const hints = infeasibilityHints(instance);
  if (hints.length) throw new InfeasibleQuotasError(instance, hints);

  const reduction = reduceToTypes(instance);
  const highs = await loadHighs();
  const pricer = new TypePanelModel(highs, reduction);
  let run: LeximinRun | null = null;
  try {
    // The first panel is needed whatever the time limit: it is the only distribution we could return.
    const first = pricer.solve(new Float64Array(reduction.types.length), { timeLimitSec: 1e7, deadline: Math.max(deadline, performance.now() + 60_000) });
    if (first.status === 'infeasible') throw new InfeasibleQuotasError(instance, []);
    if (!first.best) throw new Error('No panel was found within the time limit.');
    run = new LeximinRun(highs, reduction, pricer, first.best, tolerance, deadline, options, started);
    return await run.execute();
  } finally {
    pricer.dispose();
    run?.dispose();
  }
}

type Outcome = 'done' | 'stopped' | 'unreachable';

class LeximinRun {
  private readonly master: MasterLp;
  private readonly relaxation: RelaxationLp;
  private readonly swap: SwapSearch;
  private readonly size: Int32Array;
  /** Type index of each master row (types that are not fixed by the instance). */
  private readonly typeOfRow: number[];
  private readonly keys = new Set<string>();
  private readonly rand: () => number;
  private iterations = 0;
  private levelsDone = 0;
  private upperBound: number;
  private lastYield = performance.now();
  private rmp: ReturnType<MasterLp['solve']> | null = null;

  constructor(
    highs: Highs,
    private readonly reduction: TypeReduction,
    private readonly pricer: TypePanelModel,
    first: number[],
    private readonly tolerance: number,
    private readonly deadline: number,
    private readonly options: LeximinOptions,
    private readonly started: number,
  ) {
    const { types, instance } = reduction;
    this.size = Int32Array.from(types, (t) => t.members.length);
    const rowOf = new Int32Array(types.length).fill(-1);
    this.typeOfRow = [];
    for (const t of types) {
      if (t.fixed) continue;
      rowOf[t.index] = this.typeOfRow.length;
      this.typeOfRow.push(t.index);
    }
    this.swap = new SwapSearch(reduction);
    this.rand = random(options.seed ?? 1);
    // The average probability bounds the smallest one: a valid certificate before any dual exists.
    this.upperBound = Math.min(1, instance.panelSize / Math.max(1, instance.candidates.length));
    this.master = new MasterLp(highs, rowOf, this.size, this.typeOfRow.length);
    this.relaxation = new RelaxationLp(highs, reduction, this.typeOfRow, this.size);
    this.addColumns([first]);
  }

  dispose(): void {
    this.master.dispose();
    this.relaxation.dispose();
  }

  async execute(): Promise<LeximinResult> {
    let outcome: Outcome = 'done';
    if (this.typeOfRow.length > 0) {
      outcome = 'unreachable';
      if (this.options.method !== 'level-by-level') {
        this.progress('relaxation', 0);
        const relaxed = this.relaxedLevels();
        this.upperBound = Math.min(this.upperBound, relaxed.first);
        outcome = await this.reachLevels(relaxed);
        if (outcome === 'done') this.levelsDone = relaxed.count;
      }
      if (outcome === 'unreachable') outcome = await this.levelByLevel();
    }
    return this.finish(outcome === 'done');
  }

  // ---- phase A --------------------------------------------------------------------------------

  /** Leximin over the relaxation: each row's level, the first level, and the averaged level duals. */
  private relaxedLevels(): { levels: Float64Array; first: number; centre: Float64Array; count: number } {
    const rows = this.typeOfRow.length;
    const levels = new Float64Array(rows).fill(NaN);
    const centre = new Float64Array(rows);
    let first = NaN;
    let count = 0;
    for (let open = rows; open > 0; ) {
      const { z, y } = this.relaxation.solve();
      if (Number.isNaN(first)) first = z;
      const total = y.reduce((a, b) => a + b, 0);
      if (total > 0) {
        for (let r = 0; r < rows; r++) centre[r]! += y[r]! / total;
        count++;
      }
      const tight = this.tightRows(y, levels);
      for (const r of tight) {
        levels[r] = z;
        this.relaxation.fix(r, z);
      }
      open -= tight.length;
    }
    for (let r = 0; r < rows; r++) centre[r]! /= Math.max(1, count);
    this.relaxation.reset();
    return { levels, first, centre, count };
  }

  /** Unfixed rows whose dual is positive (or the heaviest one, should rounding flatten them all). */
  private tightRows(y: Float64Array, levels: Float64Array): number[] {
    const tight: number[] = [];
    let heaviest = -1;
    for (let r = 0; r < levels.length; r++) {
      if (!Number.isNaN(levels[r]!)) continue;
      if (heaviest < 0 || y[r]! > y[heaviest]!) heaviest = r;
      if (y[r]! > DUAL_EPS) tight.push(r);
    }
    if (tight.length === 0 && heaviest >= 0) tight.push(heaviest);
    return tight;
  }

  // ---- phase B --------------------------------------------------------------------------------

  /**
   * Column generation towards the relaxed levels: maximise the shortfall m (<= 0) such that every
   * type gets at least its relaxed level + m. 'done' when m is within the tolerance of 0;
   * 'unreachable' when a dual bound proves it cannot get there.
   */
  private async reachLevels(relaxed: { levels: Float64Array; first: number; centre: Float64Array }): Promise<Outcome> {
    // Relative to the bound: the first relaxed level is the proven bound on the smallest probability.
    const reach = Math.max(this.tolerance * relaxed.first, ABSOLUTE_GAP);
    relaxed.levels.forEach((level, r) => this.master.setRow(r, true, level));
    // The relaxed levels are lex-optimal over a larger set, so m cannot exceed 0.
    let bound = 0;
    let centre = relaxed.centre;
    this.seedColumns(centre, 40);
    for (const r of this.coverAll(centre)) {
      // Nobody of this type can ever sit, yet the relaxation promised them a share.
      if (relaxed.levels[r]! > reach) bound = Math.min(bound, -relaxed.levels[r]!);
    }
    return this.generateColumns('reaching the relaxed levels', () => reach / 10, {
      target: () => -reach,
      bound: () => bound,
      centre: () => centre,
      improve: (b, c) => {
        bound = b;
        centre = c;
      },
      minProbability: (z) => relaxed.first + z,
      giveUp: () => bound < -reach,
    });
  }

  // ---- phase C --------------------------------------------------------------------------------

  /**
   * The paper's method, level by level, each level starting from its relaxation as bound and
   * smoothing centre.
   *
   * Which types to fix: with dual weights y (summing to 1 over the unfixed) whose bound is
   * within eps of the level z reached, any distribution keeping every unfixed type at z or more
   * satisfies sum over unfixed of y_t (p_t - z) <= eps, so p_t <= z + eps / y_t. A type is fixed
   * when that leaves it at most `closeness` above the level. (Fixing every type with a positive
   * weight is only right for exactly optimal duals; the smoothing centre keeps small traces of
   * earlier, non-optimal ones.) When no type qualifies yet, the level is solved more tightly.
   */
  private async levelByLevel(): Promise<Outcome> {
    const rows = this.typeOfRow.length;
    const levels = new Float64Array(rows).fill(NaN);
    for (let r = 0; r < rows; r++) this.master.setRow(r, true, 0);
    let open = rows;
    while (open > 0) {
      const relaxed = this.relaxation.solve();
      let bound = relaxed.z;
      let centre = relaxed.y;
      const firstLevel = this.levelsDone === 0;
      if (firstLevel) this.upperBound = Math.min(this.upperBound, bound);
      this.seedColumns(centre, 8);
      if (firstLevel) this.coverAll(centre);
      // Relative to the level's current bound, as the certificate is: when the best level is 0
      // (someone no panel can hold), the bound itself has to come down to it.
      const allowed = () => Math.max(this.tolerance * bound, ABSOLUTE_GAP);
      let gap = Infinity;
      for (let tightened = 0; ; tightened++) {
        const outcome = await this.generateColumns(`level ${this.levelsDone + 1}`, () => Math.min(allowed(), gap) / 10, {
          target: () => bound - Math.min(allowed(), gap),
          bound: () => bound,
          centre: () => centre,
          improve: (b, c) => {
            bound = b;
            centre = c;
            if (firstLevel) this.upperBound = Math.min(this.upperBound, bound);
          },
          minProbability: (z) => z,
          giveUp: () => false,
        });
        if (outcome !== 'done') return outcome;
        const z = this.rmp!.z;
        const eps = Math.max(bound - z, 1e-12);
        const closeness = allowed();
        const tight: number[] = [];
        for (let r = 0; r < rows; r++) {
          if (Number.isNaN(levels[r]!) && centre[r]! > DUAL_EPS && eps / centre[r]! <= closeness) tight.push(r);
        }
        // Past the solver's precision, the heaviest type is as tight as can be told.
        if (tight.length === 0 && tightened >= 6) tight.push(...this.tightRows(centre, levels).sort((a, b) => centre[b]! - centre[a]!).slice(0, 1));
        if (tight.length > 0) {
          for (const r of tight) {
            levels[r] = z;
            this.master.setRow(r, false, Math.max(0, z - LEVEL_SLACK));
            this.relaxation.fix(r, z);
          }
          open -= tight.length;
          break;
        }
        gap = eps / 10; // prove the level more tightly, until some type is pinned to it
      }
      this.levelsDone++;
    }
    return 'done';
  }

  // ---- column generation, shared by B and C ---------------------------------------------------

  private async generateColumns(
    stage: string,
    /** Absolute optimality gap of the pricing MIP (read at each MIP: it may follow the bound). */
    absGap: () => number,
    level: {
      /** The master's z at which the level counts as reached. */
      target: () => number;
      /** The best proven bound on z. */
      bound: () => number;
      centre: () => Float64Array;
      improve: (bound: number, centre: Float64Array) => void;
      minProbability: (z: number) => number;
      giveUp: () => boolean;
    },
  ): Promise<Outcome> {
    let alpha = SMOOTHING;
    let idle = 0;
    for (;;) {
      await this.breathe();
      if (this.stopped()) return 'stopped';
      const rmp = (this.rmp = this.master.solve());
      this.iterations++;
      this.progress(stage, level.minProbability(rmp.z));
      if (rmp.z >= level.target()) return 'done';
      if (level.giveUp()) return 'unreachable';

      const sep = mix(level.centre(), rmp.y, alpha);
      const wSep = this.weights(sep);
      const wOut = this.weights(rmp.y);
      if (this.swapPricing(rmp.probabilities, wSep, wOut, rmp.lambda)) {
        idle = 0;
        alpha = SMOOTHING;
        continue;
      }
      const priced = this.pricer.solve(wSep, { timeLimitSec: 1e7, deadline: this.deadline, absGap: Math.max(1e-12, absGap()) });
      if (priced.status !== 'optimal') return 'stopped'; // the time limit struck inside the MIP
      let progressed = false;
      // A dual bound at the smoothed point; on a mis-price it is better than the centre's.
      const sepBound = priced.bound - this.offset(sep);
      if (sepBound < level.bound()) {
        level.improve(sepBound, sep);
        progressed = true;
      }
      const improving = priced.found.filter((counts) => dot(counts, wOut) > rmp.lambda + 1e-9);
      if (this.addColumns(improving) > 0) progressed = true;
      if (progressed) {
        idle = 0;
        alpha = SMOOTHING;
      } else if (++idle >= 2) {
        // Not even the master's own duals price a column: the master is optimal over all
        // panels (up to the MIP's gap), so its value is the bound.
        level.improve(Math.min(level.bound(), rmp.z + Math.max(1e-12, absGap())), rmp.y);
        if (rmp.z >= level.target()) return 'done';
        if (level.giveUp()) return 'unreachable';
        return 'done';
      } else alpha = 0;
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private addColumns(panels: number[][]): number {
    const fresh: number[][] = [];
    for (const counts of panels) {
      const key = counts.join(',');
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      fresh.push([...counts]);
    }
    this.master.addPanels(fresh);
    return fresh.length;
  }

  private stopped(): boolean {
    return performance.now() >= this.deadline || this.options.signal?.aborted === true;
  }

  /** Lets an abort (or the progress listener's work) through, at most every 50 ms. */
  private async breathe(): Promise<void> {
    if (performance.now() - this.lastYield < 50) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }

  private progress(stage: string, minProbability: number): void {
    this.options.onProgress?.({
      stage,
      iteration: this.iterations,
      minProbability: Math.max(0, minProbability),
      upperBound: this.upperBound,
      fixedLevels: this.levelsDone,
    });
  }

  /** Pricing weight per seat of each type: its row's dual spread over the type's members. */
  private weights(y: Float64Array): Float64Array {
    const w = new Float64Array(this.reduction.types.length);
    for (let r = 0; r < this.typeOfRow.length; r++) {
      const t = this.typeOfRow[r]!;
      w[t] = y[r]! / this.size[t]!;
    }
    return w;
  }

  /** Sum of y times the rows' lower bounds: what a dual bound subtracts from the best panel weight. */
  private offset(y: Float64Array): number {
    let s = 0;
    for (let r = 0; r < y.length; r++) s += y[r]! * this.master.lower[r]!;
    return s;
  }

  /**
   * Columns at the start of a phase or level: panels best, or nearly, for the centre duals,
   * made different from one another by a tiny random tie-break (the centre leaves many types at
   * equal weight, and which of them sit is what the master needs a choice about).
   */
  private seedColumns(centre: Float64Array, count: number): void {
    const base = this.weights(centre);
    let top = 0;
    for (const w of base) top = Math.max(top, w);
    const noise = (top || 1) * 1e-4;
    const starts = this.supportPanels(this.rmp?.probabilities ?? null, base);
    const found: number[][] = [];
    for (let i = 0; i < count; i++) {
      const counts = [...this.master.columns[starts[i % starts.length]!]!];
      const weights = Float64Array.from(base, (w) => w + noise * this.rand());
      this.swap.improve(counts, weights);
      found.push(counts);
    }
    this.addColumns(found);
  }

  /** Panels the master currently uses (all panels before its first solve), best first for `weights`. */
  private supportPanels(probabilities: Float64Array | null, weights: Float64Array): number[] {
    const used: number[] = [];
    const columns = this.master.columns;
    for (let i = 0; i < columns.length; i++) if (!probabilities || (probabilities[i] ?? 0) > 1e-9) used.push(i);
    if (used.length === 0) used.push(0);
    const value = used.map((i) => dot(columns[i]!, weights));
    return used.map((i, j) => [i, value[j]!] as const).sort((a, b) => b[1] - a[1]).map(([i]) => i);
  }

  /**
   * Swap search from the master's best panels, under the smoothed duals and under the master's
   * own; adds the panels that improve the master (judged with its own duals) and says whether
   * any was found. The number of starting panels grows with the master (swapBatch): once the LP
   * is slow (late, large and degenerate), many columns per solve pay off.
   */
  private swapPricing(probabilities: Float64Array, wSep: Float64Array, wOut: Float64Array, lambda: number): boolean {
    const batch = swapBatch(this.master.columns.length);
    const found: number[][] = [];
    for (const [weights, starts] of [[wSep, batch], [wOut, Math.ceil(batch / 2)]] as const) {
      for (const i of this.supportPanels(probabilities, weights).slice(0, starts)) {
        const counts = [...this.master.columns[i]!];
        this.swap.improve(counts, weights);
        if (dot(counts, wOut) > lambda + HEURISTIC_GAIN) found.push(counts);
      }
    }
    return this.addColumns(found) > 0;
  }

  /**
   * Puts every type that can sit on at least one column, first by swap searches that reward the
   * uncovered types, then by one MIP per type the searches missed. A type on no column pins the
   * master's value at its floor for many rounds otherwise. Returns the types no panel can hold.
   */
  private coverAll(centre: Float64Array): Set<number> {
    const rows = this.typeOfRow.length;
    const covered = new Uint8Array(rows);
    const rowOfType = new Int32Array(this.reduction.types.length).fill(-1);
    this.typeOfRow.forEach((t, r) => (rowOfType[t] = r));
    const mark = (counts: number[]) => counts.forEach((c, t) => c > 0 && rowOfType[t]! >= 0 && (covered[rowOfType[t]!] = 1));
    this.master.columns.forEach(mark);
    const base = this.weights(centre);
    let top = 0;
    for (const w of base) top = Math.max(top, w);
    const scale = top > 0 ? 0.01 / top : 0;
    for (let attempt = 0, stale = 0; stale < 3 && attempt < 200 && covered.includes(0); attempt++) {
      const weights = Float64Array.from(base, (w, t) => {
        const r = rowOfType[t]!;
        return r >= 0 && !covered[r] ? 1 + 0.1 * this.rand() : w * scale;
      });
      const columns = this.master.columns;
      const counts = [...columns[Math.floor(this.rand() * columns.length)]!];
      this.swap.improve(counts, weights);
      const before = covered.reduce((a, b) => a + b, 0);
      this.addColumns([counts]);
      mark(counts);
      stale = covered.reduce((a, b) => a + b, 0) > before ? 0 : stale + 1;
    }
    const impossible = new Set<number>();
    for (let r = 0; r < rows; r++) {
      if (covered[r] || this.stopped()) continue;
      const weights = new Float64Array(this.reduction.types.length);
      weights[this.typeOfRow[r]!] = 1;
      const priced = this.pricer.solve(weights, { timeLimitSec: 1e7, deadline: this.deadline, stopAbove: 0.5 });
      if (priced.best && priced.value > 0.5) {
        this.addColumns([priced.best]);
        mark(priced.best);
      } else if (priced.status === 'optimal') impossible.add(r);
    }
    return impossible;
  }

  private finish(complete: boolean): LeximinResult {
    let typePanels: TypePanel[];
    if (this.typeOfRow.length === 0) typePanels = [{ counts: this.master.columns[0]!, probability: 1 }];
    else {
      const rmp = this.rmp ?? this.master.solve();
      typePanels = this.master.columns.map((counts, i) => ({ counts, probability: Math.max(0, rmp.probabilities[i] ?? 0) }));
    }
    const distribution = expandToPeople(this.reduction, typePanels);
    let minProbability = Infinity;
    for (const p of Object.values(distribution.probabilities)) minProbability = Math.min(minProbability, p);
    if (!Number.isFinite(minProbability)) minProbability = 0;
    const upperBound = Math.max(this.upperBound, minProbability);
    const gap = Math.max(0, upperBound - minProbability);
    this.progress('done', minProbability);
    return {
      ...distribution,
      minProbability,
      certificate: { upperBound, gap, relativeGap: upperBound > 0 ? gap / upperBound : 0 },
      complete,
      iterations: this.iterations,
      elapsedMs: performance.now() - this.started,
      types: this.reduction.types.length,
    };
  }
}

function mix(centre: Float64Array, out: Float64Array, alpha: number): Float64Array {
  return Float64Array.from(centre, (c, r) => alpha * c + (1 - alpha) * out[r]!);
}

function dot(counts: number[], weights: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < counts.length; t++) if (counts[t]) s += counts[t]! * weights[t]!;
  return s;
}
