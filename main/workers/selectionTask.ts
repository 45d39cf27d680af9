/**
 * The selection's long computation, as one function of plain data: LEXIMIN (or the legacy
 * estimate), the legacy comparison, and the rounding to a lottery. It runs in a worker thread
 * (selectionWorker.ts) so the app stays responsive, and is called directly by the worker only:
 * everything it needs comes in the task, everything it gives goes out in the result.
 */
import { explainInfeasibility, type Explanation } from '../domain/selection/explain';
import { estimateLegacyProbabilities, type LegacyEstimate } from '../domain/selection/legacy';
import { isFeasible } from '../domain/selection/panels';
import { leximin, leximinObjective, type LeximinResult } from '../domain/selection/leximin';
import { roundToLottery, type LotteryResult, type SelectionObjective } from '../domain/selection/lottery';
import type { SelectionInstance } from '../domain/selection/types';

export type SelectionTask =
  | {
      algorithm: 'leximin';
      instance: SelectionInstance;
      timeLimitMs: number;
      /** Relative tolerance of the certificate (default LEXIMIN_TOLERANCE). */
      tolerance?: number;
      lotterySize: number;
      /** Seeds the rounding, so the same instance and distribution give the same tickets. */
      lotterySeed: string;
      /** Simulated legacy draws for the comparison (0: none). */
      comparisonRuns: number;
      comparisonSeed: string;
    }
  | { algorithm: 'legacy'; instance: SelectionInstance; runs: number; seed: string };

export type TaskProgress =
  /** The quotas are feasible: the computation proper starts. */
  | { stage: 'leximin' | 'legacy' }
  | { stage: 'leximin'; minProbability: number; upperBound: number }
  | { stage: 'legacy'; done: number; total: number }
  | { stage: 'lottery' };

export type TaskResult =
  /** No panel meets the quotas: why, in words, and the smallest change that would do. */
  | { algorithm: 'infeasible'; explanation: Explanation }
  | {
      algorithm: 'leximin';
      /** What was optimised, with the parameters used: the run record and the lottery document name it. */
      objective: SelectionObjective;
      /** The distribution without its panels (the lottery carries the panels that count). */
      leximin: Omit<LeximinResult, 'panels'> & { panelCount: number };
      lottery: Pick<LotteryResult, 'tickets' | 'probabilities' | 'maxDeviation'>;
      comparison: LegacyEstimate | null;
    }
  | { algorithm: 'legacy'; objective: SelectionObjective; estimate: LegacyEstimate };

/** The legacy draw has no parameter: the input and the seed decide the panel. */
export const LEGACY_OBJECTIVE: SelectionObjective = { name: 'legacy', params: {} };

export interface TaskControls {
  onProgress: (p: TaskProgress) => void;
  /** True once the user asked to stop and keep the best so far. */
  shouldStop: () => boolean;
  /** Aborted together with shouldStop, for LEXIMIN, which yields to the event loop between solves. */
  signal: AbortSignal;
}

export async function runSelectionTask(task: SelectionTask, controls: TaskControls): Promise<TaskResult> {
  // The feasibility check and its explanation solve MIPs too: here, off the app's main thread.
  if (!(await isFeasible(task.instance))) return { algorithm: 'infeasible', explanation: await explainInfeasibility(task.instance) };
  controls.onProgress({ stage: task.algorithm });
  if (task.algorithm === 'legacy') {
    const estimate = estimateLegacyProbabilities(task.instance, {
      runs: task.runs,
      seed: task.seed,
      onProgress: (done) => controls.onProgress({ stage: 'legacy', done, total: task.runs }),
      shouldStop: controls.shouldStop,
    });
    return { algorithm: 'legacy', objective: LEGACY_OBJECTIVE, estimate };
  }

  // The time limit may stop the run (complete = false), never change its path: see leximin.ts.
  const result = await leximin(task.instance, {
    timeLimitMs: task.timeLimitMs,
    ...(task.tolerance !== undefined ? { tolerance: task.tolerance } : {}),
    signal: controls.signal,
    onProgress: (p) => controls.onProgress({ stage: 'leximin', minProbability: p.minProbability, upperBound: p.upperBound }),
  });
  controls.onProgress({ stage: 'lottery' });
  const rounded = roundToLottery(result, { M: task.lotterySize, seed: task.lotterySeed });
  let comparison: LegacyEstimate | null = null;
  if (task.comparisonRuns > 0 && !controls.shouldStop()) {
    const estimate = estimateLegacyProbabilities(task.instance, {
      runs: task.comparisonRuns,
      seed: task.comparisonSeed,
      onProgress: (done) => controls.onProgress({ stage: 'legacy', done, total: task.comparisonRuns }),
      shouldStop: controls.shouldStop,
    });
    // A comparison that got stuck every time has no probabilities to compare.
    comparison = estimate.runs > estimate.failures ? estimate : null;
  }
  const { panels, ...rest } = result;
  return {
    algorithm: 'leximin',
    objective: leximinObjective({ ...(task.tolerance !== undefined ? { tolerance: task.tolerance } : {}) }),
    leximin: { ...rest, panelCount: panels.length },
    lottery: { tickets: rounded.tickets, probabilities: rounded.probabilities, maxDeviation: rounded.maxDeviation },
    comparison,
  };
}
