import { describe, expect, it } from 'vitest';
import { loadHighs } from '../../main/domain/selection/highs';
import { enumeratePanels } from '../../main/domain/selection/enumerate';
import {
  InfeasibleQuotasError,
  SwapSearch,
  TypePanelModel,
  assertFeasible,
  findPanel,
  infeasibilityHints,
  isFeasible,
  panelLpText,
  panelViolations,
} from '../../main/domain/selection/panels';
import { expandToPeople, reduceToTypes } from '../../main/domain/selection/typeReduction';
import type { Candidate, SelectionInstance } from '../../main/domain/selection/types';

const person = (id: string, gender: string, age: string, household: string | null = null): Candidate => ({
  id,
  features: { gender, age },
  household,
});

/** 10 people, panel of 4: two women, two men, at least one young; p1 and p2 live together. */
function small(overrides: Partial<SelectionInstance> = {}): SelectionInstance {
  return {
    candidates: [
      person('p0', 'f', 'young'),
      person('p1', 'm', 'young', 'H'),
      person('p2', 'm', 'young', 'H'),
      person('p3', 'f', 'young'),
      person('p4', 'm', 'old'),
      person('p5', 'm', 'old'),
      person('p6', 'f', 'old'),
      person('p7', 'm', 'old'),
      person('p8', 'm', 'old'),
      person('p9', 'f', 'old'),
    ],
    panelSize: 4,
    quotas: [
      { feature: 'gender', value: 'f', min: 2, max: 2 },
      { feature: 'gender', value: 'm', min: 2, max: 2 },
      { feature: 'age', value: 'young', min: 1, max: 3 },
      { feature: 'age', value: 'old', min: 1, max: 3 },
    ],
    onePerHousehold: true,
    ...overrides,
  };
}

describe('findPanel', () => {
  it('returns a panel that meets every rule', async () => {
    const instance = small();
    const panel = await findPanel(instance);
    expect(panel).not.toBeNull();
    expect(panelViolations(instance, panel!)).toEqual([]);
  });

  it('maximises the objective (the best of all enumerated panels)', async () => {
    const instance = small();
    const objective = { p0: 1, p1: 5, p2: 4, p3: 0.5, p4: 2, p5: -1, p6: 3, p7: 0, p8: 0.25, p9: 1.5 };
    const panel = await findPanel(instance, { objective });
    const value = (ids: string[]) => ids.reduce((s, id) => s + objective[id as keyof typeof objective], 0);
    const best = Math.max(...enumeratePanels(instance).map(value));
    expect(value(panel!)).toBeCloseTo(best, 9);
    expect(panel).toContain('p1'); // p1 beats p2 and they cannot sit together
    expect(panel).not.toContain('p2');
  });

  it('keeps fixed people on the panel', async () => {
    const instance = small({ fixed: ['p5', 'p9'] });
    const panel = await findPanel(instance, { objective: { p5: -10, p9: -10 } });
    expect(panel).toEqual(expect.arrayContaining(['p5', 'p9']));
    expect(panelViolations(instance, panel!)).toEqual([]);
  });

  it('uses short variable names whatever the ids look like', async () => {
    const instance = small();
    const odd = { ...instance, candidates: instance.candidates.map((c, i) => ({ ...c, id: `id with spaces/é:${i}<=>` })) };
    expect(panelLpText(odd)).not.toContain('spaces');
    const panel = await findPanel(odd);
    expect(panelViolations(odd, panel!)).toEqual([]);
  });

  it('returns null, and isFeasible false, when the quotas conflict', async () => {
    // Everyone young is a man, at least 3 young but at most 2 men.
    const instance = small({
      quotas: [
        { feature: 'gender', value: 'm', min: 0, max: 2 },
        { feature: 'age', value: 'young', min: 3, max: 4 },
      ],
      candidates: small().candidates.map((c) => (c.features.age === 'young' ? { ...c, features: { gender: 'm', age: 'young' }, household: null } : c)),
    });
    expect(await findPanel(instance)).toBeNull();
    expect(await isFeasible(instance)).toBe(false);
    await expect(assertFeasible(instance)).rejects.toBeInstanceOf(InfeasibleQuotasError);
    expect(await isFeasible(small())).toBe(true);
  });
});

describe('infeasibility hints', () => {
  it('names a quota that lacks people, counting households once', () => {
    const instance = small({ quotas: [{ feature: 'age', value: 'young', min: 4, max: 4 }] });
    // p1 and p2 share a household: only 3 young seats can be filled.
    expect(infeasibilityHints(instance)).toEqual([
      { kind: 'quotaShortOfPeople', quota: instance.quotas[0], available: 3 },
    ]);
  });

  it('names minimums that exceed the panel and fixed people beyond a maximum', () => {
    const instance = small({
      quotas: [
        { feature: 'gender', value: 'f', min: 3, max: 3 },
        { feature: 'gender', value: 'm', min: 2, max: 2 },
      ],
      fixed: ['p1', 'p4', 'p5'],
    });
    const kinds = infeasibilityHints(instance).map((h) => h.kind);
    expect(kinds).toContain('quotaMinimumsExceedPanel');
    expect(kinds).toContain('fixedAboveQuota');
  });

  it('finds nothing to say about a feasible instance', () => {
    expect(infeasibilityHints(small())).toEqual([]);
  });
});

describe('types of interchangeable people', () => {
  it('groups equal quota values, keeps household sharers and fixed people apart', () => {
    const instance = small({ fixed: ['p9'] });
    const reduction = reduceToTypes(instance);
    const groups = reduction.types.map((t) => t.members.join(' ')).sort();
    expect(groups).toEqual(['p0 p3', 'p1', 'p2', 'p4 p5 p7 p8', 'p6', 'p9'].sort());
    expect(reduction.households).toHaveLength(1);
    expect(reduction.types.find((t) => t.members[0] === 'p9')!.fixed).toBe(true);
  });

  it('ignores households when the rule is off, and values without a quota', () => {
    const base = small({ onePerHousehold: false, quotas: [{ feature: 'age', value: 'young', min: 1, max: 3 }] });
    const reduction = reduceToTypes(base);
    expect(reduction.types.map((t) => t.members.length).sort()).toEqual([4, 6]);
    expect(reduction.households).toEqual([]);
  });

  it('expands type panels so that every member gets the type probability exactly', () => {
    const instance = small({ onePerHousehold: false, quotas: [{ feature: 'age', value: 'young', min: 2, max: 2 }] });
    const reduction = reduceToTypes(instance);
    const young = reduction.types.findIndex((t) => t.members.includes('p0'));
    const counts = (y: number) => reduction.types.map((_, t) => (t === young ? y : 4 - y));
    // Uneven panel probabilities, so that rounding the seats would not be exact.
    const distribution = expandToPeople(reduction, [
      { counts: counts(2), probability: 0.37 },
      { counts: counts(2), probability: 0.21 },
      { counts: counts(2), probability: 0.42 },
    ]);
    for (const id of ['p0', 'p1', 'p2', 'p3']) expect(distribution.probabilities[id]).toBeCloseTo(0.5, 12);
    for (const id of ['p4', 'p5', 'p6', 'p7', 'p8', 'p9']) expect(distribution.probabilities[id]).toBeCloseTo(2 / 6, 12);
    expect(distribution.panels.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 12);
    for (const p of distribution.panels) expect(panelViolations(instance, p.members)).toEqual([]);
  });
});

describe('pricing over types', () => {
  it('the type MIP and the swap search agree with enumeration', async () => {
    const instance = small();
    const reduction = reduceToTypes(instance);
    const highs = await loadHighs();
    const model = new TypePanelModel(highs, reduction);
    try {
      const weights = reduction.types.map((t, i) => ((i * 7919) % 13) / 13 + t.members.length * 0.01);
      const perPerson = (ids: string[]) => ids.reduce((s, id) => s + weights[reduction.typeOf.get(id)!]!, 0);
      const best = Math.max(...enumeratePanels(instance).map(perPerson));
      const result = model.solve(weights, { timeLimitSec: 10 });
      expect(result.status).toBe('optimal');
      expect(result.value).toBeCloseTo(best, 9);
      expect(result.bound).toBeGreaterThanOrEqual(best - 1e-9);

      const start = model.solve(reduction.types.map(() => 0), { timeLimitSec: 10 }).best!;
      const counts = [...start];
      new SwapSearch(reduction).improve(counts, weights);
      const valueOf = (c: number[]) => c.reduce((s, n, t) => s + n * weights[t]!, 0);
      expect(valueOf(counts)).toBeGreaterThanOrEqual(valueOf(start) - 1e-12);
      expect(valueOf(counts)).toBeLessThanOrEqual(best + 1e-9);
      const expanded = expandToPeople(reduction, [{ counts, probability: 1 }]);
      expect(panelViolations(instance, expanded.panels[0]!.members)).toEqual([]);
    } finally {
      model.dispose();
    }
  });
});
