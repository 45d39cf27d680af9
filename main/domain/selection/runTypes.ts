/**
 * Selection runs as they cross the API: preparing a draw (the distribution and the published
 * lottery), the draw, the record. The maths' own types are in ./types.ts.
 */
import type { SelectionAlgorithm } from '../../../preload/vocabulary';

/** How the public numbers are drawn: decimal digits 0–9 (ten-sided dice, lottery balls) or a six-sided die. */
export type PublicNumberSourceName = 'digits' | 'die';

export type SelectionRunStatus = 'prepared' | 'drawn' | 'superseded';

export interface SelectionQuota {
  feature: string;
  value: string;
  min: number;
  max: number;
}

export interface ProbabilitySummary {
  /** Candidates in the pool the run drew from. */
  count: number;
  min: number;
  mean: number;
  max: number;
  /** Gini coefficient of the selection probabilities (0 = everyone the same chance). */
  gini: number;
}

/** One selection run, by pseudonymous codes only. */
export interface SelectionRun {
  id: string;
  at: string;
  operator: string;
  kind: 'panel' | 'replacement';
  algorithm: SelectionAlgorithm;
  algorithmVersion: string;
  /**
   * What the distribution optimises and with which parameters (e.g. leximin with its relative
   * tolerance); the lottery document names it too. Runs stored before it existed: the algorithm's
   * name with no parameters.
   */
  objective: { name: string; params: Record<string, string | number | boolean> };
  panelSize: number;
  onePerHousehold: boolean;
  /** SHA-256 of the canonical instance: codes, feature values, households, quotas, panel size. */
  inputHash: string;
  quotas: SelectionQuota[];
  summary: ProbabilitySummary;
  /**
   * LEXIMIN: the proven upper bound on the smallest probability, the gap to it, and (runs since
   * the tolerance became relative) the gap relative to the bound.
   */
  certificate: { upperBound: number; gap: number; relativeGap?: number } | null;
  /** Maximin, Nash, Goldilocks: the objective's value, its proven bound and their relative gap. */
  objectiveCertificate?: { value: number; bound: number; relativeGap: number } | null;
  /** False when the time limit stopped LEXIMIN before it finished. */
  complete: boolean;
  /**
   * Legacy runs: the simulated draws their probabilities were estimated from (the stored count;
   * absent or null for LEXIMIN, whose probabilities are exact).
   */
  simulatedDraws?: number | null;
  /** LEXIMIN only: the transparent lottery published before the draw. Legacy draws directly. */
  lottery: { size: number; source: PublicNumberSourceName; hash: string; maxDeviation: number } | null;
  status: SelectionRunStatus;
  seedMode: 'random' | 'public' | null;
  /** The recorded seed (random mode, or a legacy draw). */
  seed: string | null;
  publicNumbers: number[] | null;
  ticket: number | null;
  /** The drawn panel's codes, sorted. */
  panel: string[] | null;
  /** Everyone else in the pool, in reserve-list order. */
  reserve: string[] | null;
  drawnAt: string | null;
  drawnBy: string | null;
  supersededBy: string | null;
  supersededReason: string | null;
  supersededAt: string | null;
}

export interface SelectionRunDetail extends SelectionRun {
  /** Code -> probability of selection (LEXIMIN: the distribution's; legacy: estimated by simulation). */
  probabilities: Record<string, number>;
  /**
   * LEXIMIN runs: the legacy method's probabilities on the same instance, estimated by
   * simulation, for the comparison (null for legacy runs, or when it got stuck every time).
   */
  legacyComparison: { probabilities: Record<string, number>; summary: ProbabilitySummary; runs: number; failures: number } | null;
  /** Codes that were on every panel (replacement runs: the seated members); empty for a panel run. */
  fixed: string[];
  /** Code -> probability under the rounded lottery (LEXIMIN only). */
  lotteryProbabilities: Record<string, number> | null;
  /** The drawn panel per quota: how many seats each value got. */
  quotaResult: (SelectionQuota & { seats: number; met: boolean })[] | null;
}

export interface SelectionVerifyResult {
  ok: boolean;
  problems: string[];
  ticket: number | null;
  /** The objective the verified document names (a lottery of format 2, or legacy); null when it names none. */
  objective?: { name: string; params: Record<string, string | number | boolean> } | null;
}

/** What the Selection page needs before preparing a run. */
export interface SelectionOverview {
  panelSize: number;
  onePerHousehold: boolean;
  /** People who can be drawn: in the pool or on the reserve list, not erased, and (one per household) not living with a member holding a seat: after a draw, as many as on its reserve list. */
  candidates: number;
  /** Members holding a seat: selected, contacted or confirmed. */
  seated: number;
  /** panelSize − seated (never below 0): the seats a replacement run fills. */
  openSeats: number;
  /** The drawn panel run still in force, if any. */
  drawnPanelRunId: string | null;
  /** A run is being computed (see selection.progress). */
  computing: boolean;
}

/** The run being computed, polled by the page while selection.prepare is pending. */
export interface SelectionProgress {
  algorithm: SelectionAlgorithm;
  kind: 'panel' | 'replacement';
  startedAt: string;
  elapsedMs: number;
  timeLimitMs: number;
  /** 'checking' (feasibility), 'leximin', 'objective' (maximin, Nash, Goldilocks), 'legacy' (simulated draws), 'lottery' (rounding, storing). */
  stage: 'checking' | 'leximin' | 'objective' | 'legacy' | 'lottery';
  /** Maximin, Nash, Goldilocks: the largest probability so far and the relative gap to the proven bound. */
  maxProbability?: number | null;
  relativeGap?: number | null;
  /** A side-by-side comparison: the method being computed (index 0 or 1) of the two. */
  comparing?: { index: number; algorithms: [SelectionAlgorithm, SelectionAlgorithm] } | null;
  /** LEXIMIN: the smallest probability reached so far and the proven upper bound on it. */
  minProbability: number | null;
  upperBound: number | null;
  /** Legacy simulation: draws done of total. */
  done: number | null;
  total: number | null;
  /** Set once the user asked to stop: keep the best so far, or cancel. */
  stopping: 'keep' | 'cancel' | null;
}

export type SelectionDrawArgs =
  | { runId: string; mode: 'public'; numbers: number[]; source?: PublicNumberSourceName }
  | { runId: string; mode: 'random' };

/** One method's figures in a side-by-side comparison (no codes: aggregate only). */
export interface ComparedMethod {
  algorithm: SelectionAlgorithm;
  objective: { name: string; params: Record<string, number | string> };
  figures: {
    count: number;
    min: number;
    max: number;
    mean: number;
    belowHalf: number;
    aboveTwice: number;
    gini: number;
    histogram: { from: number; to: number; count: number }[];
    values: number[];
  };
  certificate: { value: number; bound: number; relativeGap: number } | null;
  complete: boolean;
  elapsedMs: number;
  simulatedDraws: number | null;
}

/** selection.compare: two methods on the same live pool. */
export interface SelectionComparison {
  inputHash: string;
  panelSize: number;
  candidates: number;
  results: ComparedMethod[];
}
