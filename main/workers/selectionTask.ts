/**
 * The selection's long computation, as one function of plain data: LEXIMIN (or the legacy
 * estimate), the legacy comparison, and the rounding to a lottery. It runs in a worker thread
 * (selectionWorker.ts) so the app stays responsive, and is called directly by the worker only:
 * everything it needs comes in the task, everything it gives goes out in the result.
 */
import { performance } from 'node:perf_hooks';
import { explainInfeasibility, type Explanation } from '../domain/selection/explain';
import { estimateLegacyProbabilities, type LegacyEstimate } from '../domain/selection/legacy';
import { isFeasible } from '../domain/selection/panels';
import { leximin, leximinObjective, type LeximinResult } from '../domain/selection/leximin';
import { roundToLottery, type LotteryResult, type SelectionObjective } from '../domain/selection/lottery';
import type { SelectionInstance } from '../domain/selection/types';
import { objectiveFigures, type ObjectiveFigures } from '../domain/selection/objectives/compare';
import { runObjective, type ObjectiveName, type ObjectiveResult, type ObjectiveSpec } from '../domain/selection/objectives';
import type { SelectionAlgorithm } from '../../preload/vocabulary';

/** One objective's outcome in a side-by-side comparison (figures only: no codes). */
export interface ComparedObjective {
  algorithm: SelectionAlgorithm;
  objective: ObjectiveSpec;
  figures: ObjectiveFigures;
  /** LEXIMIN and maximin: the smallest chance's proven bound; Nash, Goldilocks: their own (see ObjectiveCertificate). */
  certificate: { value: number; bound: number; relativeGap: number } | null;
  complete: boolean;
  elapsedMs: number;
  /** Legacy: the simulated draws behind its estimated chances. */
  simulatedDraws: number | null;
}

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
  | { algorithm: 'legacy'; instance: SelectionInstance; runs: number; seed: string }
  | {
      algorithm: ObjectiveName;
      instance: SelectionInstance;
      timeLimitMs: number;
      lotterySize: number;
      lotterySeed: string;
      /** Goldilocks' γ (default GOLDILOCKS_GAMMA). */
      gamma?: number;
    }
  | {
      /** Two methods on the same instance, one after the other, for the Selection page's comparison. */
      algorithm: 'compare';
      instance: SelectionInstance;
      algorithms: [SelectionAlgorithm, SelectionAlgorithm];
      /** Per method. */
      timeLimitMs: number;
      legacyRuns: number;
      seed: string;
    };

export type TaskProgress =
  /** The quotas are feasible: the computation proper starts. */
  | { stage: 'leximin' | 'legacy' }
  | { stage: 'leximin'; minProbability: number; upperBound: number }
  | { stage: 'legacy'; done: number; total: number }
  | { stage: 'objective'; objective: ObjectiveName; minProbability: number; maxProbability: number; relativeGap: number }
  /** A comparison moves on to its next method (index 0 or 1). */
  | { stage: 'comparing'; index: number; algorithm: SelectionAlgorithm }
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
  | { algorithm: 'legacy'; objective: SelectionObjective; estimate: LegacyEstimate }
  | {
      algorithm: 'objective';
      objective: Omit<ObjectiveResult, 'panels'> & { panelCount: number };
      lottery: Pick<LotteryResult, 'tickets' | 'probabilities' | 'maxDeviation'>;
    }
  | { algorithm: 'compare'; results: ComparedObjective[] };

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
  if (task.algorithm === 'compare') return { algorithm: 'compare', results: await compare(task, controls) };
  if (task.algorithm === 'maximin' || task.algorithm === 'nash' || task.algorithm === 'goldilocks') {
    const name = task.algorithm;
    const result = await runObjective(name, task.instance, {
      timeLimitMs: task.timeLimitMs,
      signal: controls.signal,
      ...(task.gamma !== undefined ? { gamma: task.gamma } : {}),
      onProgress: (p) => controls.onProgress({ stage: 'objective', objective: name, minProbability: p.minProbability, maxProbability: p.maxProbability, relativeGap: p.relativeGap }),
    });
    controls.onProgress({ stage: 'lottery' });
    const rounded = roundToLottery(result, { M: task.lotterySize, seed: task.lotterySeed });
    const { panels, ...rest } = result;
    return {
      algorithm: 'objective',
      objective: { ...rest, panelCount: panels.length },
      lottery: { tickets: rounded.tickets, probabilities: rounded.probabilities, maxDeviation: rounded.maxDeviation },
    };
  }
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
  if (task.algorithm !== 'leximin') throw new Error(`Unknown selection task ${task.algorithm}`);

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

/** The people a comparison weighs: everyone but the fixed (seated) members. */
function drawable(instance: SelectionInstance, probabilities: Record<string, number>): Record<string, number> {
  const fixed = new Set(instance.fixed ?? []);
  return fixed.size === 0 ? probabilities : Object.fromEntries(Object.entries(probabilities).filter(([code]) => !fixed.has(code)));
}

async function compare(task: Extract<SelectionTask, { algorithm: 'compare' }>, controls: TaskControls): Promise<ComparedObjective[]> {
  const results: ComparedObjective[] = [];
  for (const [index, algorithm] of task.algorithms.entries()) {
    if (controls.shouldStop()) break;
    controls.onProgress({ stage: 'comparing', index, algorithm });
    const started = performance.now();
    if (algorithm === 'legacy') {
      const estimate = estimateLegacyProbabilities(task.instance, {
        runs: task.legacyRuns,
        seed: task.seed,
        onProgress: (done) => controls.onProgress({ stage: 'legacy', done, total: task.legacyRuns }),
        shouldStop: controls.shouldStop,
      });
      if (estimate.runs <= estimate.failures) continue; // stuck every time: nothing to show
      results.push({
        algorithm,
        objective: { name: 'legacy', params: {} },
        figures: objectiveFigures(drawable(task.instance, estimate.probabilities)),
        certificate: null,
        complete: estimate.runs === task.legacyRuns,
        elapsedMs: performance.now() - started,
        simulatedDraws: estimate.runs - estimate.failures,
      });
    } else if (algorithm === 'leximin') {
      const result = await leximin(task.instance, {
        timeLimitMs: task.timeLimitMs,
        signal: controls.signal,
        onProgress: (p) => controls.onProgress({ stage: 'leximin', minProbability: p.minProbability, upperBound: p.upperBound }),
      });
      const { upperBound, gap } = result.certificate;
      results.push({
        algorithm,
        objective: { name: 'leximin', params: {} },
        figures: objectiveFigures(drawable(task.instance, result.probabilities)),
        certificate: { value: result.minProbability, bound: upperBound, relativeGap: upperBound > 0 ? gap / upperBound : 0 },
        complete: result.complete,
        elapsedMs: performance.now() - started,
        simulatedDraws: null,
      });
    } else {
      const result = await runObjective(algorithm, task.instance, {
        timeLimitMs: task.timeLimitMs,
        signal: controls.signal,
        onProgress: (p) => controls.onProgress({ stage: 'objective', objective: algorithm, minProbability: p.minProbability, maxProbability: p.maxProbability, relativeGap: p.relativeGap }),
      });
      results.push({
        algorithm,
        objective: result.objective,
        figures: objectiveFigures(drawable(task.instance, result.probabilities)),
        certificate: result.certificate,
        complete: result.complete,
        elapsedMs: performance.now() - started,
        simulatedDraws: null,
      });
    }
  }
  return results;
}
