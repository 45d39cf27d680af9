/**
 * Finding panels: one panel that meets every rule (a small MIP), feasibility, and the
 * machinery column generation calls thousands of times (a persistent MIP over types, and a
 * cheap swap search tried before it).
 */
import { loadHighs, type Highs } from './highs';
import type { Quota, SelectionInstance } from './types';
import type { TypeReduction } from './typeReduction';

/** An evident reason why no panel exists; explain.ts turns these (and its own analysis) into words. */
export type InfeasibilityHint =
  | { kind: 'panelTooLarge'; panelSize: number; available: number; perHousehold: boolean }
  | { kind: 'quotaMinAboveMax'; quota: Quota }
  | { kind: 'quotaShortOfPeople'; quota: Quota; available: number }
  | { kind: 'quotaMinimumsExceedPanel'; feature: string; sumOfMinimums: number; panelSize: number }
  | { kind: 'quotaMaximumsBelowPanel'; feature: string; sumOfMaximums: number; panelSize: number }
  | { kind: 'fixedAboveQuota'; quota: Quota; fixed: number }
  | { kind: 'fixedAbovePanel'; fixed: number; panelSize: number }
  | { kind: 'fixedShareHousehold'; household: string; ids: string[] };

/** No panel meets the quotas (and household rule, and fixed people) together. */
export class InfeasibleQuotasError extends Error {
  override readonly name = 'InfeasibleQuotasError';
  constructor(
    readonly instance: SelectionInstance,
    /** Evident causes; may be empty when the conflict needs several quotas together. */
    readonly hints: InfeasibilityHint[],
  ) {
    super(
      hints.length
        ? `No panel meets the quotas: ${hints.map((h) => h.kind).join(', ')}.`
        : 'No panel meets all the quotas together (each one alone can be met).',
    );
  }
}

/** Cheap checks that name a cause when one rule alone (or one feature's quotas) cannot be met. */
export function infeasibilityHints(instance: SelectionInstance): InfeasibilityHint[] {
  const hints: InfeasibilityHint[] = [];
  const k = instance.panelSize;
  const house = (id: string, household: string | null) => (instance.onePerHousehold && household !== null ? `h:${household}` : `p:${id}`);
  const seats = new Set(instance.candidates.map((c) => house(c.id, c.household)));
  if (seats.size < k) hints.push({ kind: 'panelTooLarge', panelSize: k, available: seats.size, perHousehold: instance.onePerHousehold });
  const fixed = new Set(instance.fixed ?? []);
  if (fixed.size > k) hints.push({ kind: 'fixedAbovePanel', fixed: fixed.size, panelSize: k });
  if (instance.onePerHousehold) {
    const byHousehold = new Map<string, string[]>();
    for (const c of instance.candidates) {
      if (!fixed.has(c.id) || c.household === null) continue;
      byHousehold.set(c.household, [...(byHousehold.get(c.household) ?? []), c.id]);
    }
    for (const [household, ids] of byHousehold) if (ids.length > 1) hints.push({ kind: 'fixedShareHousehold', household, ids });
  }
  for (const q of instance.quotas) {
    if (q.min > q.max) hints.push({ kind: 'quotaMinAboveMax', quota: q });
    const matching = instance.candidates.filter((c) => c.features[q.feature] === q.value);
    const available = new Set(matching.map((c) => house(c.id, c.household))).size;
    if (available < q.min) hints.push({ kind: 'quotaShortOfPeople', quota: q, available });
    const fixedIn = matching.filter((c) => fixed.has(c.id)).length;
    if (fixedIn > q.max) hints.push({ kind: 'fixedAboveQuota', quota: q, fixed: fixedIn });
  }
  const features = [...new Set(instance.quotas.map((q) => q.feature))];
  for (const feature of features) {
    const quotas = instance.quotas.filter((q) => q.feature === feature);
    const sumOfMinimums = quotas.reduce((s, q) => s + Math.max(0, q.min), 0);
    if (sumOfMinimums > k) hints.push({ kind: 'quotaMinimumsExceedPanel', feature, sumOfMinimums, panelSize: k });
    // Only when every value present in the pool has a quota do the maximums cap the panel.
    const quoted = new Set(quotas.map((q) => q.value));
    if (instance.candidates.every((c) => quoted.has(c.features[feature] ?? ''))) {
      const sumOfMaximums = quotas.reduce((s, q) => s + q.max, 0);
      if (sumOfMaximums < k) hints.push({ kind: 'quotaMaximumsBelowPanel', feature, sumOfMaximums, panelSize: k });
    }
  }
  return hints;
}

/** The rules a panel (as candidate ids) breaks; empty when it is a valid panel. */
export function panelViolations(instance: SelectionInstance, members: string[]): string[] {
  const problems: string[] = [];
  const byId = new Map(instance.candidates.map((c) => [c.id, c]));
  const unique = new Set(members);
  if (unique.size !== members.length) problems.push('someone sits twice');
  if (members.length !== instance.panelSize) problems.push(`size ${members.length} instead of ${instance.panelSize}`);
  for (const id of unique) if (!byId.has(id)) problems.push(`${id} is not in the pool`);
  for (const id of instance.fixed ?? []) if (!unique.has(id)) problems.push(`fixed ${id} missing`);
  for (const q of instance.quotas) {
    const n = members.filter((id) => byId.get(id)?.features[q.feature] === q.value).length;
    if (n < q.min || n > q.max) problems.push(`${q.feature}=${q.value}: ${n} outside ${q.min}..${q.max}`);
  }
  if (instance.onePerHousehold) {
    const seen = new Set<string>();
    for (const id of members) {
      const h = byId.get(id)?.household;
      if (h === null || h === undefined) continue;
      if (seen.has(h)) problems.push(`two people from household ${h}`);
      seen.add(h);
    }
  }
  return problems;
}

/** A number as CPLEX LP text accepts it (full precision, never NaN or infinite). */
function lpNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Not a finite coefficient: ${x}`);
  return Number.isInteger(x) ? String(x) : x.toPrecision(17);
}

/** `+ 3 x1 - 0.5 x2 ...`, or `0 x0` for an empty sum (LP format needs a term). */
function lpSum(terms: [number, string][]): string {
  const text = terms
    .filter(([c]) => c !== 0)
    .map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${lpNumber(Math.abs(c))} ${v}`)
    .join(' ');
  return text || `0 ${terms[0]?.[1] ?? 'x0'}`;
}

/**
 * The panel MIP written as CPLEX LP text, one binary x<i> per candidate (i = pool position;
 * names stay short and safe whatever the ids look like). Returns null when a quota has a
 * minimum but nobody in the pool to meet it (no row could express it).
 */
export function panelLpText(instance: SelectionInstance, objective?: Record<string, number>): string | null {
  const { candidates } = instance;
  if (candidates.length === 0) return null;
  const v = (i: number) => `x${i}`;
  const lines: string[] = ['Maximize', ` obj: ${lpSum(candidates.map((c, i) => [objective?.[c.id] ?? 0, v(i)]))}`, 'Subject To'];
  lines.push(` size: ${lpSum(candidates.map((_, i) => [1, v(i)]))} = ${instance.panelSize}`);
  instance.quotas.forEach((q, qi) => {
    const terms: [number, string][] = [];
    candidates.forEach((c, i) => {
      if (c.features[q.feature] === q.value) terms.push([1, v(i)]);
    });
    if (terms.length === 0) {
      if (q.min > 0) lines.push(' impossible: 0 x0 >= 1');
      return;
    }
    if (q.min > 0) lines.push(` q${qi}lo: ${lpSum(terms)} >= ${q.min}`);
    if (q.max < terms.length) lines.push(` q${qi}hi: ${lpSum(terms)} <= ${q.max}`);
  });
  if (instance.onePerHousehold) {
    const households = new Map<string, number[]>();
    candidates.forEach((c, i) => {
      if (c.household !== null) households.set(c.household, [...(households.get(c.household) ?? []), i]);
    });
    let h = 0;
    for (const members of households.values()) {
      if (members.length > 1) lines.push(` h${h++}: ${lpSum(members.map((i) => [1, v(i)]))} <= 1`);
    }
  }
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const fixed = (instance.fixed ?? []).map((id) => index.get(id));
  if (fixed.some((i) => i === undefined)) return null;
  if (fixed.length) lines.push('Bounds', ...fixed.map((i) => ` ${v(i!)} = 1`));
  lines.push('Binary', ...chunk(candidates.map((_, i) => v(i)), 20).map((names) => ` ${names.join(' ')}`), 'End', '');
  return lines.join('\n');
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One panel meeting every rule (sorted ids), maximising the objective when one is given
 * (the pricing problem of column generation: weights per candidate), or null when none exists.
 */
export async function findPanel(
  instance: SelectionInstance,
  options: { objective?: Record<string, number>; timeLimitMs?: number } = {},
): Promise<string[] | null> {
  const text = panelLpText(instance, options.objective);
  if (text === null) return null;
  const highs = await loadHighs();
  const result = highs.solve(text, {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 1e-9,
    ...(options.timeLimitMs !== undefined ? { time_limit: options.timeLimitMs / 1000 } : {}),
  });
  if (result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded') return null;
  if (result.Status !== 'Optimal' && result.Status !== 'Time limit reached') throw new Error(`Panel MIP ended with status ${result.Status}`);
  const members: string[] = [];
  instance.candidates.forEach((c, i) => {
    const col = result.Columns[`x${i}`];
    if (col && 'Primal' in col && col.Primal > 0.5) members.push(c.id);
  });
  if (members.length !== instance.panelSize) return null; // time limit before any panel was found
  return members.sort();
}

/** Whether at least one panel meets every rule. */
export async function isFeasible(instance: SelectionInstance): Promise<boolean> {
  return (await findPanel(instance)) !== null;
}

/** Throws InfeasibleQuotasError (with the evident causes) when no panel exists. */
export async function assertFeasible(instance: SelectionInstance): Promise<string[]> {
  const panel = await findPanel(instance);
  if (panel === null) throw new InfeasibleQuotasError(instance, infeasibilityHints(instance));
  return panel;
}

// ---------------------------------------------------------------------------------------------
// Over types: the pricing problem of LEXIMIN's column generation.
// ---------------------------------------------------------------------------------------------

export interface PricingResult {
  /** 'optimal' also covers a stop because the bound proved that nothing beats `stopBelow`. */
  status: 'optimal' | 'infeasible' | 'interrupted' | 'timeLimit';
  /** Best panel found (seats per type), or null. */
  best: number[] | null;
  value: number;
  /** Proven upper bound on the objective over all panels. */
  bound: number;
  /** Every distinct incumbent the MIP met, best last (more columns for the price of one solve). */
  found: number[][];
}

/**
 * The panel MIP over types, built once and re-solved with new objective weights: one integer
 * n_t in [0, |t|] per type (fixed people are n_t = 1), sum n_t = k, each quota as a ranged row,
 * and at most one seat per shared household. Keeping the HiGHS instance avoids rebuilding and
 * re-parsing a model thousands of times.
 */
export class TypePanelModel {
  private readonly model: ReturnType<Highs['createModel']>;
  private readonly numTypes: number;

  constructor(
    private readonly highs: Highs,
    private readonly reduction: TypeReduction,
  ) {
    const { types, quotaTypes, households, instance } = reduction;
    const n = types.length;
    this.numTypes = n;
    const rowLower: number[] = [instance.panelSize];
    const rowUpper: number[] = [instance.panelSize];
    const rows: number[][] = [types.map((t) => t.index)];
    instance.quotas.forEach((q, qi) => {
      rows.push(quotaTypes[qi]!);
      rowLower.push(q.min);
      rowUpper.push(q.max);
    });
    for (const group of households) {
      rows.push(group);
      rowLower.push(-highs.infinity);
      rowUpper.push(1);
    }
    const starts = [0];
    const indices: number[] = [];
    for (const row of rows) {
      indices.push(...row);
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: n,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(n),
      colLower: types.map((t) => (t.fixed ? 1 : 0)),
      colUpper: types.map((t) => t.members.length),
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values: indices.map(() => 1) },
      integrality: types.map(() => highs.constants.variableType.integer),
    });
    this.model.options.set({ output_flag: false, mip_rel_gap: 0 });
  }

  /**
   * Maximise sum weights[t] * n_t. Stops early once the proven bound is at most `stopBelow`
   * (nothing good enough exists) or an incumbent reaches `stopAbove` (good enough found).
   *
   * `deadline` (a performance.now() time) instead of `timeLimitSec`: HiGHS then gets the same
   * options whatever the time left, and the clock is read only to interrupt it (status
   * 'interrupted'), so the time left can stop a solve but never change its path.
   */
  solve(
    weights: ArrayLike<number>,
    opts: { timeLimitSec: number; deadline?: number; absGap?: number; stopBelow?: number; stopAbove?: number; start?: number[] },
  ): PricingResult {
    const { model, highs } = this;
    model.changeColsCost({ kind: 'range', from: 0, to: this.numTypes - 1 }, Float64Array.from(weights));
    const timeLimit = opts.deadline === undefined ? Math.min(Math.max(opts.timeLimitSec, 0.001), 1e7) : 1e7;
    model.options.set({ time_limit: timeLimit, mip_abs_gap: opts.absGap ?? 1e-9 });
    const { deadline } = opts;
    if (opts.start) model.setSolution({ colValue: opts.start });
    const found: number[][] = [];
    const seen = new Set<string>();
    let provedBelow = false;
    const { stopBelow, stopAbove } = opts;
    const cb = highs.constants.callbackType;
    const result = model.run({
      [cb.mipImprovingSolution]: (event) => {
        const x = event.data.mip_solution;
        if (!x) return undefined;
        const counts = Array.from(x, (v) => Math.round(v));
        const key = counts.join(',');
        if (!seen.has(key)) {
          seen.add(key);
          found.push(counts);
        }
        return undefined;
      },
      [cb.mipInterrupt]: (event) => {
        const bound = event.data.mip_dual_bound;
        const primal = event.data.mip_primal_bound;
        if (stopBelow !== undefined && bound !== undefined && bound <= stopBelow) {
          provedBelow = true;
          event.interrupt();
        } else if (stopAbove !== undefined && primal !== undefined && primal >= stopAbove) event.interrupt();
        else if (deadline !== undefined && performance.now() >= deadline) event.interrupt();
        return undefined;
      },
    });
    const status = result.modelStatus;
    const ms = highs.constants.modelStatus;
    if (status === ms.infeasible) return { status: 'infeasible', best: null, value: -Infinity, bound: -Infinity, found };
    const info = model.info;
    const primalStatus = Number(info.get('primal_solution_status'));
    let best: number[] | null = null;
    let value = -Infinity;
    if (primalStatus === highs.constants.solutionStatus.feasible) {
      best = Array.from(model.getSolution().colValue, (v) => Math.round(v));
      value = best.reduce((s, c, t) => s + c * weights[t]!, 0);
      const key = best.join(',');
      if (!seen.has(key)) found.push(best);
    }
    let bound = Number(info.get('mip_dual_bound'));
    if (status === ms.optimal) bound = Math.min(bound, value + (opts.absGap ?? 1e-9));
    if (!Number.isFinite(bound)) bound = Infinity;
    return {
      status: status === ms.optimal || provedBelow ? 'optimal' : status === ms.timeLimit ? 'timeLimit' : 'interrupted',
      best,
      value,
      bound,
      found,
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * Best-improvement swap search over types: starting from a valid panel, repeatedly move one
 * seat from type a to type b (the move that gains most weight while keeping every quota and
 * household rule) until no move gains. It finds most improving columns in a fraction of a MIP's
 * time; the MIP is still needed to prove that none is left.
 */
export class SwapSearch {
  private readonly quotaMin: Int32Array;
  private readonly quotaMax: Int32Array;
  private readonly size: Int32Array;
  private readonly householdOf: Int32Array;
  private readonly fixed: Uint8Array;

  constructor(private readonly reduction: TypeReduction) {
    const { instance, types, households } = reduction;
    this.quotaMin = Int32Array.from(instance.quotas, (q) => q.min);
    this.quotaMax = Int32Array.from(instance.quotas, (q) => q.max);
    this.size = Int32Array.from(types, (t) => t.members.length);
    this.fixed = Uint8Array.from(types, (t) => (t.fixed ? 1 : 0));
    this.householdOf = new Int32Array(types.length).fill(-1);
    households.forEach((group, g) => group.forEach((t) => (this.householdOf[t] = g)));
  }

  /** Improves `counts` (a valid panel) in place for `weights`; returns the number of moves made. */
  improve(counts: number[], weights: ArrayLike<number>, maxMoves = 10_000): number {
    const { typeQuotas, quotaTypes, households } = this.reduction;
    const n = counts.length;
    const quotaCount = new Int32Array(quotaTypes.length);
    quotaTypes.forEach((list, q) => {
      let s = 0;
      for (const t of list) s += counts[t]!;
      quotaCount[q] = s;
    });
    const householdUsed = new Int32Array(households.length);
    households.forEach((group, g) => {
      for (const t of group) householdUsed[g]! += counts[t]!;
    });
    // Weights do not change during the search: sort once, then filter by the current counts.
    const byWeight = Array.from({ length: n }, (_, t) => t).sort((a, b) => weights[b]! - weights[a]!);
    const removable: number[] = [];
    let moves = 0;
    for (; moves < maxMoves; moves++) {
      removable.length = 0;
      for (let i = n - 1; i >= 0; i--) {
        const t = byWeight[i]!;
        if (counts[t]! > 0 && !this.fixed[t]) removable.push(t);
      }
      if (removable.length === 0) break;
      const lowest = weights[removable[0]!]!;
      let bestGain = 1e-12;
      let bestA = -1;
      let bestB = -1;
      for (const b of byWeight) {
        const wb = weights[b]!;
        if (wb - lowest <= bestGain) break;
        if (counts[b]! >= this.size[b]!) continue;
        for (const a of removable) {
          const gain = wb - weights[a]!;
          if (gain <= bestGain) break;
          if (a === b) continue;
          if (this.swapAllowed(a, b, typeQuotas, quotaCount, householdUsed)) {
            bestGain = gain;
            bestA = a;
            bestB = b;
            break; // removables are in increasing weight: the first allowed is b's best partner
          }
        }
      }
      if (bestA < 0) break;
      counts[bestA]!--;
      counts[bestB]!++;
      for (const q of typeQuotas[bestA]!) quotaCount[q]!--;
      for (const q of typeQuotas[bestB]!) quotaCount[q]!++;
      const ga = this.householdOf[bestA]!;
      const gb = this.householdOf[bestB]!;
      if (ga >= 0) householdUsed[ga]!--;
      if (gb >= 0) householdUsed[gb]!++;
    }
    return moves;
  }

  private swapAllowed(a: number, b: number, typeQuotas: number[][], quotaCount: Int32Array, householdUsed: Int32Array): boolean {
    const qa = typeQuotas[a]!;
    const qb = typeQuotas[b]!;
    for (const q of qa) if (!qb.includes(q) && quotaCount[q]! - 1 < this.quotaMin[q]!) return false;
    for (const q of qb) if (!qa.includes(q) && quotaCount[q]! + 1 > this.quotaMax[q]!) return false;
    const gb = this.householdOf[b]!;
    if (gb >= 0 && householdUsed[gb]! - (this.householdOf[a] === gb ? 1 : 0) >= 1) return false;
    return true;
  }
}
