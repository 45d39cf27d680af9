/**
 * The fairness objectives beside LEXIMIN, and what each returns: a distribution over panels in
 * the shape LEXIMIN returns (panels, per-person probabilities, smallest probability, complete,
 * iterations, types), so the lottery, the histogram and the reports take it unchanged, plus a
 * certificate in the objective's own terms.
 */
import type { PanelDistribution } from '../types';

export const OBJECTIVE_NAMES = ['maximin', 'nash', 'goldilocks'] as const;
export type ObjectiveName = (typeof OBJECTIVE_NAMES)[number];

/**
 * The objective and its parameters, as recorded with a run and printed in the lottery document
 * (`objective: {name, params}`, the same field for every objective, LEXIMIN and legacy included).
 */
export interface ObjectiveSpec {
  name: string;
  params: Record<string, number | string>;
}

/**
 * Goldilocks' weight γ on the smallest chance (Baharav and Flanigan 2024). The paper's
 * recommended instance is Goldilocks₁: γ = 1 makes a chance twice the average cost exactly as
 * much as a chance half the average, so neither end is favoured.
 */
export const GOLDILOCKS_GAMMA = 1;

export interface ObjectiveProgress {
  stage: string;
  iteration: number;
  minProbability: number;
  maxProbability: number;
  /** Relative gap between the objective's value and the proven bound (Infinity before a bound exists). */
  relativeGap: number;
}

export interface ObjectiveOptions {
  /** Stop after this long and return the best distribution so far (complete = false). */
  timeLimitMs?: number;
  /** Stop when the relative gap to the proven bound is at most this (default 1e-4). */
  tolerance?: number;
  onProgress?: (p: ObjectiveProgress) => void;
  signal?: AbortSignal;
  /** Seed of the tie-breaks that diversify the first panels (default 1). */
  seed?: number;
  /** Goldilocks only: γ (default GOLDILOCKS_GAMMA). */
  gamma?: number;
}

/**
 * What the objective proves about its answer. `value` is the objective at the returned
 * distribution, `bound` the best any distribution can reach, both in the objective's own terms:
 *  - maximin: the smallest probability (bound: its proven maximum);
 *  - nash: the mean of log-probabilities (bound: its proven maximum);
 *  - goldilocks: largest/average + γ·average/smallest (bound: its proven minimum).
 */
export interface ObjectiveCertificate {
  value: number;
  bound: number;
  /** |bound − value| / |bound|. */
  relativeGap: number;
}

export type ObjectiveResult = PanelDistribution & {
  objective: ObjectiveSpec;
  minProbability: number;
  maxProbability: number;
  certificate: ObjectiveCertificate;
  /** False when the time limit or the signal stopped the computation early. */
  complete: boolean;
  /** Master solves (LP objectives) or outer Frank–Wolfe rounds (Nash). */
  iterations: number;
  elapsedMs: number;
  types: number;
};
