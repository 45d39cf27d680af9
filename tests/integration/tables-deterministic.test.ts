/**
 * The seating search stops on a budget of steps, never on the clock: the same input and seed give
 * the same plan however busy the machine is (issue 15).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateTables, MAX_EFFORT, PATIENCE, PLAN_STEPS, replanForPresent, searchBudget, type AllocationInput } from '../../main/domain/tables/allocate';
import { createRandom } from '../../main/domain/random';
import { panel } from '../helpers/tablePanel';

const modes = { gender: 'diversify', age: 'diversify', region: 'diversify', education: 'diversify', language: 'ignore' } as const;

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

describe('deterministic table plans', () => {
  it('gives the same plan and re-plan for the same seed with the machine idle and under load', async () => {
    const people = panel(300, 'deterministic');
    const input: AllocationInput = { people, tableSize: 8, modes, seed: 11, effort: 2 };
    const absent = new Set(createRandom('deterministic/absent').shuffle(people.map((p) => p.id)).slice(0, 20));
    const run = () => {
      const plan = allocateTables(input);
      const replan = replanForPresent({ ...input, people: people.filter((p) => !absent.has(p.id)) }, plan.tables, plan.numbers);
      return { plan, replan };
    };
    const idle = run();
    await loadTheMachine();
    const loaded1 = run();
    const loaded2 = run();
    expect(loaded1).toEqual(idle);
    expect(loaded2).toEqual(idle);
  }, 120_000);

  it('gives different plans for different seeds', () => {
    const people = panel(150, 'seeds');
    const plans = [1, 2, 3].map((seed) => allocateTables({ people, tableSize: 8, modes, seed }).tables);
    expect(plans[0]).not.toEqual(plans[1]);
    expect(plans[1]).not.toEqual(plans[2]);
  });

  it('counts its budget in steps: effort multiplies the steps and the patience, within 1..MAX_EFFORT', () => {
    expect(searchBudget(undefined, PLAN_STEPS)).toEqual({ steps: PLAN_STEPS, patience: PATIENCE });
    expect(searchBudget(3, PLAN_STEPS)).toEqual({ steps: 3 * PLAN_STEPS, patience: 3 * PATIENCE });
    expect(searchBudget(99, PLAN_STEPS)).toEqual({ steps: MAX_EFFORT * PLAN_STEPS, patience: MAX_EFFORT * PATIENCE });
    expect(searchBudget(0, 100, 150)).toEqual({ steps: 100, patience: PATIENCE });
    expect(searchBudget(5, 100, 150)).toEqual({ steps: 150, patience: 5 * PATIENCE });
  });
});
