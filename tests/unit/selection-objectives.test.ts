/**
 * Maximin, Nash welfare and Goldilocks against their optimum computed independently over every
 * valid panel of tiny instances (enumerate.ts lists them): maximin and Goldilocks as LPs over
 * the enumerated panels and people (Goldilocks by a golden-section search over the floor, each
 * point an LP), Nash by the EM fixed point x_P ← x_P · Σ_{i∈P} 1/π_i / n, a different method
 * from the Frank–Wolfe column generation under test.
 */
import { describe, expect, it } from 'vitest';
import { enumeratePanels } from '../../main/domain/selection/enumerate';
import { loadHighs } from '../../main/domain/selection/highs';
import { averageProbability, goldilocks, maximin, nashWelfare, runObjective, type ObjectiveResult } from '../../main/domain/selection/objectives';
import { panelViolations } from '../../main/domain/selection/panels';
import type { Candidate, Quota, SelectionInstance } from '../../main/domain/selection/types';

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

/** 7-11 people, a panel of 2-4, gender and age quotas around the pool's shares, a shared household, sometimes a fixed person. */
function tinyInstance(seed: number): SelectionInstance {
  const rand = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = int(7, 11);
  const k = int(2, 4);
  const genders = ['f', 'm'];
  const ages = ['young', 'middle', 'old'];
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    features: { gender: genders[int(0, 1)]!, age: ages[int(0, 2)]! },
    household: `h${i}`,
  }));
  const first = int(0, n - 2);
  candidates[first]!.household = 'shared';
  candidates[first + 1]!.household = 'shared';
  const quotas: Quota[] = [];
  for (const [feature, values] of [['gender', genders], ['age', ages]] as const) {
    for (const value of values) {
      const share = candidates.filter((c) => c.features[feature] === value).length / n;
      const slack = int(0, 1);
      quotas.push({ feature, value, min: Math.max(0, Math.floor(share * k) - slack), max: Math.ceil(share * k) + slack });
    }
  }
  const fixed = rand() < 0.25 ? [`p${int(0, n - 1)}`] : undefined;
  return { candidates, panelSize: k, quotas, onePerHousehold: rand() < 0.8, ...(fixed ? { fixed } : {}) };
}

interface Enumerated {
  panels: string[][];
  /** People the objectives weigh: not fixed, on some panel. */
  weighed: string[];
  /** Per weighed person, the panels holding them. */
  holding: number[][];
}

function enumerated(instance: SelectionInstance): Enumerated | null {
  const panels = enumeratePanels(instance);
  if (panels.length === 0) return null;
  const fixed = new Set(instance.fixed ?? []);
  const weighed = instance.candidates.map((c) => c.id).filter((id) => !fixed.has(id) && panels.some((p) => p.includes(id)));
  return { panels, weighed, holding: weighed.map((id) => panels.flatMap((p, j) => (p.includes(id) ? [j] : []))) };
}

async function lp(objective: string, rows: string[], sense: 'Maximize' | 'Minimize'): Promise<number> {
  const highs = await loadHighs();
  const text = [sense, ` obj: ${objective}`, 'Subject To', ...rows, 'End', ''].join('\n');
  const result = highs.solve(text, { output_flag: false, primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
  if (result.Status !== 'Optimal') throw new Error(`LP: ${result.Status}`);
  return result.ObjectiveValue;
}

const sum = (js: number[]) => js.map((j) => `p${j}`).join(' + ');

/** The largest smallest probability, as one LP over the enumerated panels. */
async function exactMaximin(e: Enumerated): Promise<number> {
  return lp('z', [` total: ${sum(e.panels.map((_, j) => j))} = 1`, ...e.holding.map((h, i) => ` u${i}: ${sum(h)} - z >= 0`)], 'Maximize');
}

/** min over distributions of max/a + γ·a/min: golden-section search over the floor L, each point an LP (smallest ceiling given the floor). */
async function exactGoldilocks(e: Enumerated, average: number, gamma: number): Promise<number> {
  const top = await exactMaximin(e);
  const ceiling = (floor: number) =>
    lp('u', [` total: ${sum(e.panels.map((_, j) => j))} = 1`, ...e.holding.flatMap((h, i) => [` l${i}: ${sum(h)} >= ${floor}`, ` c${i}: ${sum(h)} - u <= 0`])], 'Minimize');
  const h = async (floor: number) => (await ceiling(floor)) / average + (gamma * average) / floor;
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = top * 1e-3;
  let hi = top * (1 - 1e-8);
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = await h(a);
  let fb = await h(b);
  for (let k = 0; k < 80; k++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = await h(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = await h(b);
    }
  }
  return Math.min(fa, fb, await h(top * (1 - 1e-8)));
}

/** Mean log-probability at the Nash optimum, and the probabilities, by the EM fixed point. */
function exactNash(e: Enumerated): { meanLog: number; probabilities: Map<string, number> } {
  const m = e.panels.length;
  const n = e.weighed.length;
  const members = e.panels.map(() => [] as number[]);
  e.holding.forEach((h, i) => h.forEach((j) => members[j]!.push(i)));
  let x = new Float64Array(m).fill(1 / m);
  const probs = () => Float64Array.from(e.holding, (h) => h.reduce((s, j) => s + x[j]!, 0));
  for (let it = 0; it < 200_000; it++) {
    const p = probs();
    const score = members.map((list) => list.reduce((s, i) => s + 1 / p[i]!, 0));
    if (Math.max(...score) - n < 1e-11 * n) break;
    x = Float64Array.from(x, (v, j) => (v * score[j]!) / n);
  }
  const p = probs();
  return { meanLog: p.reduce((s, v) => s + Math.log(v), 0) / n, probabilities: new Map(e.weighed.map((id, i) => [id, p[i]!])) };
}

function expectValidDistribution(instance: SelectionInstance, result: ObjectiveResult): void {
  let total = 0;
  const fromPanels: Record<string, number> = {};
  for (const panel of result.panels) {
    expect(panelViolations(instance, panel.members)).toEqual([]);
    total += panel.probability;
    for (const id of panel.members) fromPanels[id] = (fromPanels[id] ?? 0) + panel.probability;
  }
  expect(total).toBeCloseTo(1, 9);
  for (const c of instance.candidates) expect(result.probabilities[c.id]).toBeCloseTo(fromPanels[c.id] ?? 0, 12);
  expect(Object.values(result.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(instance.panelSize, 8);
}

const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
const exact = { tolerance: 1e-9 };

describe('fair objectives against enumeration', () => {
  it('maximin reaches the largest smallest probability over all panels', async () => {
    let checked = 0;
    for (const seed of seeds) {
      const instance = tinyInstance(seed);
      const e = enumerated(instance);
      if (!e || e.weighed.length === 0) continue;
      const result = await maximin(instance, exact);
      expectValidDistribution(instance, result);
      const best = await exactMaximin(e);
      const min = Math.min(...e.weighed.map((id) => result.probabilities[id]!));
      expect(min, `seed ${seed}`).toBeCloseTo(best, 7);
      expect(result.minProbability).toBeCloseTo(min, 12);
      expect(result.certificate.bound).toBeGreaterThanOrEqual(best - 1e-9);
      expect(result.complete).toBe(true);
      expect(result.objective).toEqual({ name: 'maximin', params: {} });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('Goldilocks (γ = 1) reaches the smallest largest/average + average/smallest over all panels', async () => {
    let checked = 0;
    for (const seed of seeds.slice(0, 20)) {
      const instance = tinyInstance(seed);
      const e = enumerated(instance);
      if (!e || e.weighed.length === 0) continue;
      const result = await goldilocks(instance, exact);
      expectValidDistribution(instance, result);
      const a = averageProbability(instance);
      const probs = e.weighed.map((id) => result.probabilities[id]!);
      const value = Math.max(...probs) / a + a / Math.min(...probs);
      const best = await exactGoldilocks(e, a, 1);
      expect(value, `seed ${seed}`).toBeGreaterThanOrEqual(best - 1e-6);
      expect(value, `seed ${seed}`).toBeLessThanOrEqual(best * (1 + 1e-6));
      expect(result.certificate.value).toBeCloseTo(value, 9);
      expect(result.certificate.bound).toBeLessThanOrEqual(best + 1e-6);
      expect(result.objective).toEqual({ name: 'goldilocks', params: { gamma: 1 } });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  }, 180_000);

  it('Nash welfare reaches the largest sum of log-probabilities, with the same probabilities', async () => {
    let checked = 0;
    for (const seed of seeds.slice(0, 25)) {
      const instance = tinyInstance(seed);
      const e = enumerated(instance);
      if (!e || e.weighed.length === 0) continue;
      const result = await nashWelfare(instance, exact);
      expectValidDistribution(instance, result);
      const best = exactNash(e);
      const meanLog = e.weighed.reduce((s, id) => s + Math.log(result.probabilities[id]!), 0) / e.weighed.length;
      expect(meanLog, `seed ${seed}`).toBeCloseTo(best.meanLog, 6);
      expect(meanLog).toBeLessThanOrEqual(best.meanLog + 1e-9);
      // The optimum's probabilities are unique (the objective is strictly concave in them).
      for (const [id, p] of best.probabilities) expect(result.probabilities[id], `seed ${seed} ${id}`).toBeCloseTo(p, 3);
      expect(result.certificate.bound).toBeGreaterThanOrEqual(best.meanLog - 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  }, 180_000);

  it('puts fixed people on every panel and leaves out of the objective those no panel can hold', async () => {
    const candidates: Candidate[] = [
      ...['a', 'b', 'c', 'd'].map((id) => ({ id, features: { g: 'f' }, household: null })),
      ...['e', 'f', 'g'].map((id) => ({ id, features: { g: 'm' }, household: null })),
      { id: 'x', features: { g: 'x' }, household: null },
    ];
    // Nobody of value x may sit: x gets 0, and the others are still spread fairly.
    const instance: SelectionInstance = {
      candidates,
      panelSize: 3,
      quotas: [
        { feature: 'g', value: 'f', min: 2, max: 2 },
        { feature: 'g', value: 'm', min: 1, max: 1 },
        { feature: 'g', value: 'x', min: 0, max: 0 },
      ],
      onePerHousehold: false,
      fixed: ['a'],
    };
    for (const name of ['maximin', 'nash', 'goldilocks'] as const) {
      const result = await runObjective(name, instance, exact);
      expect(result.probabilities.a, name).toBeCloseTo(1, 9);
      expect(result.probabilities.x, name).toBe(0);
      for (const id of ['b', 'c', 'd']) expect(result.probabilities[id], `${name} ${id}`).toBeCloseTo(1 / 3, 6);
      for (const id of ['e', 'f', 'g']) expect(result.probabilities[id], `${name} ${id}`).toBeCloseTo(1 / 3, 6);
      expect(result.minProbability, name).toBeCloseTo(1 / 3, 6);
    }
  });
});
