import { describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/random';
import { loadHighs } from '../../main/domain/selection/highs';
import { estimateLegacyProbabilities, legacyDraw } from '../../main/domain/selection/legacy';
import type { Candidate, Quota, SelectionInstance } from '../../main/domain/selection/types';

/** A seeded pool of 150 with three features and a fair share of two-person households. */
function mediumInstance(onePerHousehold: boolean): SelectionInstance {
  const r = createRandom('legacy-medium');
  const candidates: Candidate[] = [];
  for (let i = 0; i < 150; i++) {
    const shareHome = i > 0 && r.chance(0.3) && candidates[i - 1]!.household !== null;
    candidates.push({
      id: `p${String(i).padStart(3, '0')}`,
      features: {
        gender: r.chance(0.45) ? 'woman' : 'man',
        age: r.pick(['16-29', '30-54', '55+']),
        region: r.weighted(['north', 'south', 'east', 'west'], (x) => ({ north: 4, south: 3, east: 2, west: 1 })[x]!),
      },
      household: shareHome ? candidates[i - 1]!.household : r.chance(0.8) ? `h${i}` : null,
    });
  }
  const quotas: Quota[] = [
    { feature: 'gender', value: 'woman', min: 9, max: 11 },
    { feature: 'gender', value: 'man', min: 9, max: 11 },
    { feature: 'age', value: '16-29', min: 6, max: 7 },
    { feature: 'age', value: '30-54', min: 6, max: 8 },
    { feature: 'age', value: '55+', min: 6, max: 7 },
    { feature: 'region', value: 'north', min: 7, max: 9 },
    { feature: 'region', value: 'south', min: 5, max: 7 },
    { feature: 'region', value: 'east', min: 3, max: 5 },
    { feature: 'region', value: 'west', min: 1, max: 3 },
  ];
  return { candidates, panelSize: 20, quotas, onePerHousehold };
}

function checkPanel(instance: SelectionInstance, panel: string[]): void {
  const byId = new Map(instance.candidates.map((c) => [c.id, c]));
  expect(panel).toHaveLength(instance.panelSize);
  expect(new Set(panel).size).toBe(panel.length);
  const members = panel.map((id) => byId.get(id)!);
  expect(members.every(Boolean)).toBe(true);
  for (const q of instance.quotas) {
    const count = members.filter((c) => c.features[q.feature] === q.value).length;
    expect(count, `${q.feature}=${q.value}`).toBeGreaterThanOrEqual(q.min);
    expect(count, `${q.feature}=${q.value}`).toBeLessThanOrEqual(q.max);
  }
  if (instance.onePerHousehold) {
    const homes = members.map((c) => c.household).filter((h) => h !== null);
    expect(new Set(homes).size).toBe(homes.length);
  }
  for (const id of instance.fixed ?? []) expect(panel).toContain(id);
}

/**
 * The skewed pool: ten people, panel of four. Person p9 (30+, village, no degree) shares every
 * value with more plentiful people, so the greedy order almost never reaches them, although a
 * distribution giving everybody 1/3 exists.
 */
function skewedInstance(): SelectionInstance {
  const rows: [string, string, string][] = [
    ['30+', 'city', 'no degree'],
    ['30+', 'city', 'no degree'],
    ['30+', 'city', 'degree'],
    ['under 30', 'village', 'degree'],
    ['under 30', 'city', 'no degree'],
    ['30+', 'city', 'no degree'],
    ['30+', 'city', 'no degree'],
    ['30+', 'city', 'degree'],
    ['under 30', 'village', 'degree'],
    ['30+', 'village', 'no degree'],
  ];
  return {
    candidates: rows.map(([age, area, education], i) => ({ id: `p${i}`, features: { age, area, education }, household: null })),
    panelSize: 4,
    onePerHousehold: false,
    quotas: [
      { feature: 'age', value: 'under 30', min: 1, max: 2 },
      { feature: 'age', value: '30+', min: 2, max: 3 },
      { feature: 'area', value: 'city', min: 1, max: 3 },
      { feature: 'area', value: 'village', min: 0, max: 2 },
      { feature: 'education', value: 'degree', min: 2, max: 3 },
      { feature: 'education', value: 'no degree', min: 0, max: 2 },
    ],
  };
}

/** Every feasible panel of a tiny instance, by brute force. */
function allPanels(instance: SelectionInstance): string[][] {
  const out: string[][] = [];
  const { candidates, panelSize } = instance;
  const walk = (start: number, chosen: Candidate[]): void => {
    if (chosen.length === panelSize) {
      const ok = instance.quotas.every((q) => {
        const count = chosen.filter((c) => c.features[q.feature] === q.value).length;
        return count >= q.min && count <= q.max;
      });
      if (ok) out.push(chosen.map((c) => c.id));
      return;
    }
    for (let i = start; i < candidates.length; i++) walk(i + 1, [...chosen, candidates[i]!]);
  };
  walk(0, []);
  return out;
}

/** The exact maximin value (LEXIMIN's smallest probability): an LP over every feasible panel. */
async function exactMaximin(instance: SelectionInstance): Promise<number> {
  const panels = allPanels(instance);
  const rows = instance.candidates.map((c, i) => {
    const terms = panels.flatMap((p, j) => (p.includes(c.id) ? [`p${j}`] : []));
    return ` person${i}: ${terms.length ? terms.join(' + ') : '0 p0'} - t >= 0`;
  });
  const lp = ['Maximize', ' obj: t', 'Subject To', ...rows, ` total: ${panels.map((_, j) => `p${j}`).join(' + ')} = 1`, 'End'].join('\n');
  const solution = (await loadHighs()).solve(lp, { output_flag: false });
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

describe('legacy greedy draw', () => {
  it('draws panels that meet every quota and the household rule', () => {
    for (const onePerHousehold of [false, true]) {
      const instance = mediumInstance(onePerHousehold);
      const random = createRandom(`panels-${onePerHousehold}`);
      for (let run = 0; run < 200; run++) {
        const panel = legacyDraw(instance, random);
        expect(panel).not.toBeNull();
        checkPanel(instance, panel!);
        expect(panel).toEqual([...panel!].sort());
      }
    }
  });

  it('keeps fixed people on the panel and fills the rest around them', () => {
    const instance = { ...mediumInstance(true), fixed: ['p000', 'p007', 'p042'] };
    const random = createRandom('fixed');
    for (let run = 0; run < 50; run++) checkPanel(instance, legacyDraw(instance, random)!);
  });

  it('gives the same panel for the same seed, and another for another seed', () => {
    const instance = mediumInstance(true);
    const a = legacyDraw(instance, createRandom('seed-1'));
    expect(legacyDraw(instance, createRandom('seed-1'))).toEqual(a);
    expect(legacyDraw(instance, createRandom('seed-2'))).not.toEqual(a);
    const e1 = estimateLegacyProbabilities(instance, { runs: 300, seed: 7 });
    expect(estimateLegacyProbabilities(instance, { runs: 300, seed: 7 })).toEqual(e1);
  });

  it('estimates probabilities that add up to the panel size', () => {
    const instance = mediumInstance(true);
    const estimate = estimateLegacyProbabilities(instance, { runs: 500, seed: 'sum' });
    expect(estimate.runs).toBe(500);
    expect(estimate.failures).toBe(0);
    const total = Object.values(estimate.probabilities).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(instance.panelSize, 9);
    expect(Object.keys(estimate.probabilities)).toHaveLength(instance.candidates.length);
  });

  it('reports its progress and, asked to stop, keeps the draws done so far', () => {
    const instance = mediumInstance(true);
    const seen: number[] = [];
    let calls = 0;
    const estimate = estimateLegacyProbabilities(instance, {
      runs: 500,
      seed: 'stop',
      onProgress: (done) => seen.push(done),
      shouldStop: () => ++calls > 120,
    });
    expect(estimate.runs).toBe(120);
    expect(seen).toEqual([0, 25, 50, 75, 100]);
    const total = Object.values(estimate.probabilities).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(instance.panelSize, 9);
    // The first 120 draws of the same stream: the same figures as an estimate of 120 runs.
    expect(estimate).toEqual(estimateLegacyProbabilities(instance, { runs: 120, seed: 'stop' }));
  });

  it('gives up (null, counted as failures) when the quotas cannot be met', () => {
    const instance = mediumInstance(false);
    const impossible = { ...instance, quotas: instance.quotas.map((q) => (q.value === 'west' ? { ...q, min: 60, max: 60 } : q)) };
    expect(legacyDraw(impossible, createRandom(1), { attempts: 5 })).toBeNull();
    const estimate = estimateLegacyProbabilities(impossible, { runs: 10, seed: 1, attempts: 3 });
    expect(estimate.failures).toBe(10);
    expect(Object.values(estimate.probabilities).every((p) => p === 0)).toBe(true);
  });

  it('is unfair on a skewed pool: its smallest probability is far below the exact maximin', async () => {
    const instance = skewedInstance();
    const exact = await exactMaximin(instance);
    expect(exact).toBeCloseTo(1 / 3, 6);
    const estimate = estimateLegacyProbabilities(instance, { runs: 20_000, seed: 'skewed' });
    expect(estimate.failures).toBe(0);
    const minLegacy = Math.min(...Object.values(estimate.probabilities));
    // Measured about 0.13 for p9; 20,000 runs pin it to about ±0.005.
    expect(estimate.probabilities.p9).toBe(minLegacy);
    expect(minLegacy).toBeLessThan(exact - 0.15);
  });
});
