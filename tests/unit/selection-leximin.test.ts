import { describe, expect, it } from 'vitest';
import { enumeratePanels, exactLeximin } from '../../main/domain/selection/enumerate';
import { InfeasibleQuotasError, LEXIMIN_TOLERANCE, leximin, leximinObjective, swapBatch, withinTolerance, type LeximinProgress, type LeximinResult } from '../../main/domain/selection/leximin';
import { panelViolations } from '../../main/domain/selection/panels';
import type { Candidate, Quota, SelectionInstance } from '../../main/domain/selection/types';
import { generateInstance, selectionSpecs } from '../bench/selectionInstances';

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

/**
 * 7-12 people, a panel of 2-4, gender and age quotas (and a binary third feature when asked),
 * one shared household, sometimes a fixed person. Quotas follow the pool's shares, or (tight)
 * are drawn at random, which is often infeasible.
 */
function tinyInstance(seed: number, tight = false, third = false): SelectionInstance {
  const rand = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const n = int(7, 12);
  const k = int(2, 4);
  const genders = ['f', 'm'];
  const ages = ['young', 'middle', 'old'];
  const degrees = ['yes', 'no'];
  const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    features: { gender: genders[int(0, 1)]!, age: ages[int(0, 2)]!, ...(third ? { degree: degrees[int(0, 1)]! } : {}) },
    household: rand() < 0.3 ? null : `h${i}`,
  }));
  const sharing = int(2, 3);
  const first = int(0, n - sharing);
  for (let i = first; i < first + sharing; i++) candidates[i]!.household = 'shared';
  const quotas: Quota[] = [];
  const features: [string, string[]][] = [['gender', genders], ['age', ages], ...(third ? [['degree', degrees] as [string, string[]]] : [])];
  for (const [feature, values] of features) {
    for (const value of values) {
      if (rand() < 0.15) continue; // some values have no quota
      const share = candidates.filter((c) => c.features[feature] === value).length / n;
      if (tight) {
        const min = int(0, 2);
        quotas.push({ feature, value, min, max: min + int(0, 1) });
        continue;
      }
      const slack = int(0, 1);
      quotas.push({ feature, value, min: Math.max(0, Math.floor(share * k) - slack), max: Math.ceil(share * k) + slack });
    }
  }
  const fixed = rand() < 0.25 ? [`p${int(0, n - 1)}`] : undefined;
  return { candidates, panelSize: k, quotas, onePerHousehold: rand() < 0.8, ...(fixed ? { fixed } : {}) };
}

/** Every panel valid, probabilities consistent with the panels and summing to k. */
function expectValidDistribution(instance: SelectionInstance, result: LeximinResult): void {
  let total = 0;
  const fromPanels: Record<string, number> = {};
  for (const panel of result.panels) {
    expect(panelViolations(instance, panel.members)).toEqual([]);
    expect(panel.members).toEqual([...panel.members].sort());
    expect(panel.probability).toBeGreaterThan(0);
    total += panel.probability;
    for (const id of panel.members) fromPanels[id] = (fromPanels[id] ?? 0) + panel.probability;
  }
  expect(total).toBeCloseTo(1, 9);
  const sum = Object.values(result.probabilities).reduce((a, b) => a + b, 0);
  expect(sum).toBeCloseTo(instance.panelSize, 8);
  expect(Object.keys(result.probabilities).sort()).toEqual(instance.candidates.map((c) => c.id).sort());
  for (const c of instance.candidates) expect(result.probabilities[c.id]).toBeCloseTo(fromPanels[c.id] ?? 0, 12);
  for (const id of instance.fixed ?? []) expect(result.probabilities[id]).toBeCloseTo(1, 12);
  const min = Math.min(...Object.values(result.probabilities));
  expect(result.minProbability).toBeCloseTo(min, 12);
  expect(result.certificate.upperBound).toBeGreaterThanOrEqual(result.minProbability);
  expect(result.certificate.gap).toBeCloseTo(result.certificate.upperBound - result.minProbability, 12);
}

describe('leximin on seeded tiny instances, against brute force', () => {
  // Seeds are scanned in order: 20 instances with quotas from the shares, 10 more with random
  // tight quotas, and the infeasible tight draws kept apart for the error.
  const feasible: SelectionInstance[] = [];
  const infeasible: SelectionInstance[] = [];
  for (let seed = 1; feasible.length < 20; seed++) {
    const instance = tinyInstance(seed);
    (enumeratePanels(instance).length ? feasible : infeasible).push(instance);
  }
  for (let seed = 1000; feasible.length < 30 || infeasible.length < 10; seed++) {
    const instance = tinyInstance(seed, true);
    if (enumeratePanels(instance).length) {
      if (feasible.length < 30) feasible.push(instance);
    } else if (infeasible.length < 10) infeasible.push(instance);
  }

  // Three features make the LP relaxation fractional on some draws: the relaxed levels are then
  // out of reach and the level-by-level phase runs on its own (checked below).
  const threeFeatures: SelectionInstance[] = [];
  for (let seed = 2000; threeFeatures.length < 12; seed++) {
    const instance = tinyInstance(seed, true, true);
    if (enumeratePanels(instance).length) threeFeatures.push(instance);
  }

  async function expectExact(instance: SelectionInstance, method: 'relaxation-first' | 'level-by-level'): Promise<Set<string>> {
    const exact = await exactLeximin(instance);
    const stages = new Set<string>();
    const result = await leximin(instance, { tolerance: 1e-9, method, onProgress: (p) => stages.add(p.stage) });
    expect(result.complete).toBe(true);
    expectValidDistribution(instance, result);
    for (const c of instance.candidates) {
      expect(Math.abs(result.probabilities[c.id]! - exact[c.id]!)).toBeLessThan(1e-6);
    }
    // The certificate is a true bound, and tight here.
    const exactMin = Math.min(...Object.values(exact));
    expect(result.certificate.upperBound).toBeGreaterThanOrEqual(exactMin - 1e-9);
    expect(result.certificate.gap).toBeLessThan(1e-6);
    return stages;
  }

  it.each(feasible.map((instance, i) => [i, instance] as const))('instance %i matches the exact leximin', async (_, instance) => {
    await expectExact(instance, 'relaxation-first');
    await expectExact(instance, 'level-by-level');
  });

  it('three-feature instances match too, including those where the relaxation is not reachable', async () => {
    let fellBack = 0;
    for (const instance of threeFeatures) {
      const stages = await expectExact(instance, 'relaxation-first');
      if ([...stages].some((s) => s.startsWith('level'))) fellBack++;
      await expectExact(instance, 'level-by-level');
    }
    expect(fellBack).toBeGreaterThan(0);
  });

  it('with the default tolerance, the certificate holds within 1e-4 of the bound (relative)', async () => {
    for (const instance of feasible.slice(0, 8)) {
      const exact = await exactLeximin(instance);
      const result = await leximin(instance);
      expectValidDistribution(instance, result);
      const exactMin = Math.min(...Object.values(exact));
      const { upperBound, gap, relativeGap } = result.certificate;
      expect(upperBound).toBeGreaterThanOrEqual(exactMin - 1e-9);
      expect(relativeGap).toBeCloseTo(gap / upperBound, 12);
      expect(withinTolerance(result.certificate)).toBe(true);
      if (exactMin > 0) expect(relativeGap).toBeLessThanOrEqual(LEXIMIN_TOLERANCE + 1e-9);
      expect(result.minProbability).toBeGreaterThanOrEqual(exactMin * (1 - LEXIMIN_TOLERANCE) - 1e-9);
    }
  });

  it('a coarser relative tolerance stops earlier, still within it of the bound', async () => {
    const instance = generateInstance(selectionSpecs.b);
    const coarse = await leximin(instance, { tolerance: 0.02 });
    expect(coarse.complete).toBe(true);
    expect(coarse.certificate.relativeGap).toBeLessThanOrEqual(0.02);
    expect(coarse.certificate.gap).toBeLessThanOrEqual(0.02 * coarse.certificate.upperBound);
  });

  it('throws InfeasibleQuotasError exactly when brute force finds no panel', async () => {
    expect(infeasible.length).toBeGreaterThan(0);
    for (const instance of infeasible) await expect(leximin(instance)).rejects.toBeInstanceOf(InfeasibleQuotasError);
  });
});

describe('leximin rules and limits', () => {
  const base = (): SelectionInstance => ({
    candidates: [
      { id: 'a', features: { g: 'f', age: 'young' }, household: 'H' },
      { id: 'b', features: { g: 'm', age: 'young' }, household: 'H' },
      { id: 'c', features: { g: 'f', age: 'old' }, household: null },
      { id: 'd', features: { g: 'm', age: 'old' }, household: null },
      { id: 'e', features: { g: 'f', age: 'old' }, household: null },
      { id: 'f', features: { g: 'm', age: 'old' }, household: null },
      { id: 'g', features: { g: 'm', age: 'young' }, household: null },
    ],
    panelSize: 3,
    quotas: [
      { feature: 'g', value: 'f', min: 1, max: 2 },
      { feature: 'g', value: 'm', min: 1, max: 2 },
      { feature: 'age', value: 'young', min: 1, max: 1 },
    ],
    onePerHousehold: true,
  });

  it('gives fixed people probability 1 and respects the household rule', async () => {
    const instance = { ...base(), fixed: ['c'] };
    const result = await leximin(instance, { tolerance: 1e-9 });
    expectValidDistribution(instance, result);
    expect(result.probabilities.c).toBeCloseTo(1, 12);
    const exact = await exactLeximin(instance);
    for (const id of Object.keys(exact)) expect(result.probabilities[id]).toBeCloseTo(exact[id]!, 6);
  });

  it('names the evident cause when quotas cannot be met', async () => {
    const instance = { ...base(), quotas: [{ feature: 'age', value: 'young', min: 3, max: 3 }] };
    // a and b share a household: only two young seats exist.
    const error = await leximin(instance).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfeasibleQuotasError);
    expect((error as InfeasibleQuotasError).hints.map((h) => h.kind)).toEqual(['quotaShortOfPeople']);
  });

  it('detects conflicts between quotas that each look fine alone', async () => {
    // Every young person is a man; at least 2 young but at most 1 man.
    const instance: SelectionInstance = {
      ...base(),
      onePerHousehold: false,
      candidates: base().candidates.map((c) => (c.id === 'a' ? { ...c, features: { g: 'm', age: 'young' } } : c)),
      quotas: [
        { feature: 'g', value: 'm', min: 0, max: 1 },
        { feature: 'age', value: 'young', min: 2, max: 3 },
      ],
    };
    const error = await leximin(instance).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfeasibleQuotasError);
    expect((error as InfeasibleQuotasError).hints).toEqual([]);
  });

  it('returns a valid distribution and certificate when the time limit strikes at once', async () => {
    const instance = generateInstance(selectionSpecs.b);
    const result = await leximin(instance, { timeLimitMs: 1 });
    expect(result.complete).toBe(false);
    expectValidDistribution(instance, result);
    expect(result.certificate.upperBound).toBeLessThanOrEqual(instance.panelSize / instance.candidates.length + 1e-12);
    expect(result.types).toBeLessThan(instance.candidates.length);
  });

  it('stops on an aborted signal and reports progress', async () => {
    const instance = generateInstance(selectionSpecs.a);
    const controller = new AbortController();
    const seen: LeximinProgress[] = [];
    const result = await leximin(instance, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.iteration >= 2) controller.abort();
      },
    });
    expect(result.complete).toBe(false);
    expectValidDistribution(instance, result);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.upperBound >= p.minProbability - 1e-9)).toBe(true);
  });

  it('solves the 200-person benchmark completely, certified within the tolerance', async () => {
    const instance = generateInstance(selectionSpecs.a);
    const result = await leximin(instance);
    expect(result.complete).toBe(true);
    expectValidDistribution(instance, result);
    expect(result.certificate.relativeGap).toBeLessThanOrEqual(LEXIMIN_TOLERANCE);
  });

  it('sizes its swap batches from the master alone, never from the clock', () => {
    expect(swapBatch(0)).toBe(2);
    expect(swapBatch(150)).toBe(2);
    expect(swapBatch(450)).toBe(9);
    expect(swapBatch(10_000)).toBe(24);
    expect(leximinObjective()).toEqual({ name: 'leximin', params: { relativeTolerance: LEXIMIN_TOLERANCE, seed: 1, method: 'relaxation-first' } });
  });
});
