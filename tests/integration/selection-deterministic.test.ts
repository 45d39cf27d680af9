/**
 * A prepared draw is reproducible (issue 20): the same pool, quotas, settings and seed give the
 * same distribution and the same lottery document, byte for byte, however busy the machine is.
 * Nothing LEXIMIN decides may depend on the clock; the time limit may only stop a run.
 *
 * The computation runs as the app runs it, in its worker thread (selectionJob.ts), on benchmark
 * instance b (825 people, panel 75, 4 features: about a hundred master solves and 800 panels, so
 * the swap batches grow from 2 to 24 on the way), to the default tolerance. The lottery document
 * is rendered as selection.prepare renders it, with a fixed assembly name and date.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXIMIN_TOLERANCE } from '../../main/domain/selection/leximin';
import { lotteryDocument } from '../../main/domain/selection/lottery';
import { startSelectionJob } from '../../main/workers/selectionJob';
import type { SelectionTask } from '../../main/workers/selectionTask';
import { generateInstance, selectionSpecs } from '../bench/selectionInstances';

let hogs: ChildProcess[] = [];
afterEach(() => {
  for (const h of hogs) h.kill('SIGKILL');
  hogs = [];
});

/** Busy loops on both cores (the test machine has two), each in its own Node process. */
async function loadTheMachine(): Promise<void> {
  hogs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(hogs.every((h) => h.exitCode === null && h.pid !== undefined)).toBe(true);
}

const task: SelectionTask = {
  algorithm: 'leximin',
  instance: generateInstance(selectionSpecs.b),
  // Far beyond the run's length even on a loaded machine: it must finish, not be stopped.
  timeLimitMs: 3_600_000,
  lotterySize: 1000,
  lotterySeed: 'reproducible',
  comparisonRuns: 0,
  comparisonSeed: 'reproducible',
};

/** One prepared draw: the distribution and certificate, and the published document's bytes. */
async function prepare() {
  const result = await startSelectionJob(task, () => undefined).result;
  if (result.algorithm !== 'leximin') throw new Error(`expected a LEXIMIN result, got ${result.algorithm}`);
  const { probabilities, certificate, complete, panelCount, minProbability } = result.leximin;
  const document = lotteryDocument(result.lottery.tickets, {
    assemblyName: 'Reproducibility test',
    algorithm: 'LEXIMIN 1',
    objective: result.objective,
    date: '2026-12-07T10:00:00.000Z',
  });
  return { probabilities, certificate, complete, panelCount, minProbability, objective: result.objective, document: Buffer.from(document, 'utf8') };
}

describe('reproducible LEXIMIN draws', () => {
  it('gives the same distribution and the same lottery document, byte for byte, idle and while both cores are loaded', { timeout: 1_500_000 }, async () => {
    const idle = await prepare();
    expect(idle.complete).toBe(true);
    expect(idle.certificate.relativeGap).toBeLessThanOrEqual(LEXIMIN_TOLERANCE);
    expect(idle.panelCount).toBeGreaterThan(300);
    expect(idle.objective).toEqual({ name: 'leximin', params: { relativeTolerance: LEXIMIN_TOLERANCE, seed: 1, method: 'relaxation-first' } });
    expect(idle.document.toString('utf8')).toContain('\nObjective: leximin\nObjective parameters: {"method":"relaxation-first","relativeTolerance":0.0001,"seed":1}\n');

    await loadTheMachine();
    for (let run = 0; run < 2; run++) {
      const loaded = await prepare();
      expect(loaded.complete).toBe(true);
      expect(loaded.probabilities).toEqual(idle.probabilities);
      expect(loaded.certificate).toEqual(idle.certificate);
      expect(loaded.minProbability).toBe(idle.minProbability);
      expect(loaded.panelCount).toBe(idle.panelCount);
      expect(loaded.document.equals(idle.document)).toBe(true);
    }
  });
});
