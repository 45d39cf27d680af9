import { describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/random';
import { countingConflicts, explainInfeasibility, type ConflictKind } from '../../main/domain/selection/explain';
import type { Candidate, Quota, SelectionInstance } from '../../main/domain/selection/types';

/**
 * 24 people, panel of 8: gender alternates, age cycles through three bands, region is north
 * for 20 and south for 4 (two households of two). People 0–1, 4–5, 8–9... share a household.
 */
function base(): SelectionInstance {
  const ages = ['under 30', '30-59', '60+'];
  const candidates: Candidate[] = Array.from({ length: 24 }, (_, i) => ({
    id: `p${i}`,
    features: { gender: i % 2 ? 'woman' : 'man', age: ages[i % 3]!, region: i >= 20 ? 'south' : 'north' },
    household: i % 4 < 2 ? `h${Math.floor(i / 4)}` : null,
  }));
  const quotas: Quota[] = [
    { feature: 'gender', value: 'woman', min: 3, max: 5 },
    { feature: 'gender', value: 'man', min: 3, max: 5 },
    { feature: 'age', value: 'under 30', min: 2, max: 3 },
    { feature: 'age', value: '30-59', min: 2, max: 3 },
    { feature: 'age', value: '60+', min: 2, max: 3 },
    { feature: 'region', value: 'north', min: 0, max: 8 },
    { feature: 'region', value: 'south', min: 0, max: 4 },
  ];
  return { candidates, panelSize: 8, quotas, onePerHousehold: true };
}

function withQuota(instance: SelectionInstance, feature: string, value: string, change: Partial<Quota>): SelectionInstance {
  return { ...instance, quotas: instance.quotas.map((q) => (q.feature === feature && q.value === value ? { ...q, ...change } : q)) };
}

/** "At most `maxUnder` under-25s but at least `minStudents` students", every student under 25. */
function studentsInstance(pool: number, students: number, under: number, k: number, maxUnder: number, minStudents: number): SelectionInstance {
  const candidates: Candidate[] = Array.from({ length: pool }, (_, i) => ({
    id: `s${i}`,
    features: { age: i < under ? 'under 25' : '25+', occupation: i < students ? 'student' : 'other' },
    household: null,
  }));
  return {
    candidates,
    panelSize: k,
    onePerHousehold: false,
    quotas: [
      { feature: 'age', value: 'under 25', min: 0, max: maxUnder },
      { feature: 'age', value: '25+', min: 0, max: k },
      { feature: 'occupation', value: 'student', min: minStudents, max: k },
      { feature: 'occupation', value: 'other', min: 0, max: k },
    ],
  };
}

/** 30 people, panel of 20: students s0–s11, under-25s s11–s29 (only s11 is both). */
function overlapInstance(minUnder: number, minStudents: number): SelectionInstance {
  const candidates: Candidate[] = Array.from({ length: 30 }, (_, i) => ({
    id: `s${i}`,
    features: { age: i >= 11 ? 'under 25' : '25+', occupation: i < 12 ? 'student' : 'other' },
    household: null,
  }));
  return {
    candidates,
    panelSize: 20,
    onePerHousehold: false,
    quotas: [
      { feature: 'age', value: 'under 25', min: minUnder, max: 20 },
      { feature: 'occupation', value: 'student', min: minStudents, max: 20 },
    ],
  };
}

/**
 * Brute force: the smallest total quota violation over all panels that respect the panel size,
 * the household rule and the fixed people (0 means feasible); null when there is no such panel.
 */
function bruteMinViolation(instance: SelectionInstance): number | null {
  const { candidates, panelSize: k, quotas } = instance;
  const fixed = new Set(instance.fixed ?? []);
  let best: number | null = null;
  const walk = (start: number, chosen: Candidate[]): void => {
    if (chosen.length === k) {
      if ([...fixed].some((id) => !chosen.some((c) => c.id === id))) return;
      if (instance.onePerHousehold) {
        const homes = chosen.map((c) => c.household).filter((h) => h !== null);
        if (new Set(homes).size !== homes.length) return;
      }
      let violation = 0;
      for (const q of quotas) {
        const count = chosen.filter((c) => c.features[q.feature] === q.value).length;
        violation += Math.max(0, q.min - count) + Math.max(0, count - q.max);
      }
      if (best === null || violation < best) best = violation;
      return;
    }
    for (let i = start; i <= candidates.length - (k - chosen.length); i++) walk(i + 1, [...chosen, candidates[i]!]);
  };
  walk(0, []);
  return best;
}

const kinds = (instance: SelectionInstance): ConflictKind[] => countingConflicts(instance).map((c) => c.kind);

describe('counting checks', () => {
  it('finds nothing to say about a feasible instance', async () => {
    expect(countingConflicts(base())).toEqual([]);
    expect(await explainInfeasibility(base())).toEqual({ feasible: true, conflicts: [], relaxation: null });
  });

  // Each rule: a change that triggers it, and a near miss that does not.
  const b = base();
  const rules: { kind: ConflictKind; trigger: SelectionInstance; nearMiss: SelectionInstance; says: RegExp }[] = [
    {
      kind: 'pool-too-small',
      trigger: { ...b, panelSize: 25 },
      nearMiss: { ...b, panelSize: 24, onePerHousehold: false },
      says: /25 seats, but the pool has only 24 people/,
    },
    {
      kind: 'households-too-few',
      trigger: { ...b, panelSize: 19 },
      nearMiss: { ...b, panelSize: 18 },
      says: /live in only 18 households/,
    },
    {
      kind: 'min-above-max',
      trigger: withQuota(b, 'age', '60+', { min: 3, max: 2 }),
      nearMiss: withQuota(b, 'age', '60+', { min: 2, max: 2 }),
      says: /minimum for age "60\+" \(3\) is above its maximum \(2\)/,
    },
    {
      kind: 'minima-exceed-seats',
      trigger: withQuota(withQuota(b, 'age', '60+', { min: 3 }), 'age', '30-59', { min: 4, max: 4 }),
      nearMiss: withQuota(withQuota(b, 'age', '60+', { min: 3 }), 'age', '30-59', { min: 3 }),
      says: /minima for age add up to 9 \(under 30: 2, 30-59: 4, 60\+: 3\), but the panel has only 8 seats/,
    },
    {
      kind: 'maxima-below-seats',
      trigger: withQuota(b, 'age', '60+', { max: 1, min: 1 }),
      nearMiss: withQuota(b, 'age', '60+', { max: 2 }),
      says: /maxima for age add up to only 7/,
    },
    {
      kind: 'feature-capacity',
      trigger: withQuota(withQuota(b, 'region', 'north', { max: 3 }), 'region', 'south', { max: 10 }),
      nearMiss: withQuota(withQuota(b, 'region', 'north', { max: 4 }), 'region', 'south', { max: 10 }),
      says: /at most 7 can be selected \(south: 4 in the pool \(maximum 10\)\)/,
    },
    {
      kind: 'value-short-in-pool',
      trigger: withQuota(b, 'region', 'south', { min: 5, max: 5 }),
      nearMiss: { ...withQuota(b, 'region', 'south', { min: 4, max: 4 }), onePerHousehold: false },
      says: /at least 5 people with region "south" are required, but the pool has only 4/i,
    },
    {
      kind: 'value-short-in-households',
      // South: p20 and p21 share a household, p22 and p23 have none recorded: 3 households.
      trigger: withQuota(b, 'region', 'south', { min: 4 }),
      nearMiss: withQuota(b, 'region', 'south', { min: 3 }),
      says: /the pool has 4, but they live in only 3 households/,
    },
    {
      kind: 'pair-nested',
      trigger: studentsInstance(30, 12, 15, 20, 10, 12),
      nearMiss: studentsInstance(30, 12, 15, 20, 10, 10),
      says: /at most 10 people with age "under 25".*at least 12 with occupation "student"/i,
    },
    {
      kind: 'pair-seats',
      // Students are s0–s11, under-25s s11–s29: one person is both.
      trigger: overlapInstance(10, 12),
      nearMiss: overlapInstance(9, 12),
      says: /at least 10 people with age "under 25" and at least 12 with occupation "student" are required, but only 1 person in the pool has both, so these two minima need at least 21 seats and the panel has 20/i,
    },
    {
      kind: 'fixed-unknown',
      trigger: { ...b, fixed: ['p3', 'nobody'] },
      nearMiss: { ...b, fixed: ['p3'] },
      says: /1 person who must be on the panel is not in the pool: nobody/,
    },
    {
      kind: 'fixed-too-many',
      trigger: { ...b, onePerHousehold: false, fixed: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'] },
      nearMiss: { ...b, onePerHousehold: false, fixed: ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] },
      says: /9 people must be on the panel, but it has only 8 seats/,
    },
    {
      kind: 'fixed-above-max',
      trigger: { ...b, fixed: ['p2', 'p3', 'p6', 'p7'], quotas: b.quotas.map((q) => (q.value === 'man' ? { ...q, max: 1, min: 1 } : q)) },
      nearMiss: { ...b, fixed: ['p2', 'p3', 'p6', 'p7'] },
      says: /2 people with gender "man" must be on the panel, but the maximum for gender "man" is 1/,
    },
    {
      kind: 'fixed-same-household',
      trigger: { ...b, fixed: ['p0', 'p1'] },
      nearMiss: { ...b, fixed: ['p0', 'p2'] },
      says: /p0 and p1 must both be on the panel, but they live in the same household/,
    },
  ];

  it.each(rules)('$kind: triggered, and not on a near miss', async ({ kind, trigger, nearMiss, says }) => {
    const found = countingConflicts(trigger).filter((c) => c.kind === kind);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(says);
    expect(kinds(nearMiss)).not.toContain(kind);
    // A triggered rule proves infeasibility.
    expect((await explainInfeasibility(trigger)).feasible).toBe(false);
  });

  it('words the students / under-25s example with both quotas, and returns the data for translation', async () => {
    const instance = studentsInstance(30, 12, 15, 20, 10, 12);
    const result = await explainInfeasibility(instance);
    expect(result.feasible).toBe(false);
    const conflict = result.conflicts.find((c) => c.kind === 'pair-nested')!;
    expect(conflict.message).toBe(
      'At most 10 people with age "under 25" may be selected, but at least 12 with occupation "student" are required, ' +
        'and every person in the pool with occupation "student" has age "under 25".',
    );
    expect(conflict.bounds).toEqual([
      { feature: 'age', value: 'under 25', bound: 'max', limit: 10 },
      { feature: 'occupation', value: 'student', bound: 'min', limit: 12 },
    ]);
    expect(conflict.figures).toEqual({ outside: 0, pool: 12 });
    // One student over 25 is not enough either, and the sentence says so.
    const oneOlder = studentsInstance(30, 12, 15, 20, 10, 12);
    oneOlder.candidates[0]!.features.age = '25+';
    const message = countingConflicts(oneOlder).find((c) => c.kind === 'pair-nested')!.message;
    expect(message).toMatch(/only 1 person in the pool with occupation "student" does not have age "under 25" \(so at most 11/);

    // The smallest fix moves one bound by 2: either quota may give.
    expect(result.relaxation!.totalChange).toBe(2);
    expect(result.relaxation!.changes).toHaveLength(1);
    const change = result.relaxation!.changes[0]!;
    expect([
      { feature: 'age', value: 'under 25', bound: 'max', from: 10, to: 12 },
      { feature: 'occupation', value: 'student', bound: 'min', from: 12, to: 10 },
    ]).toContainEqual({ feature: change.feature, value: change.value, bound: change.bound, from: change.from, to: change.to });
    expect(change.message).toMatch(/^(Raise the maximum for age "under 25" from 10 to 12|Lower the minimum for occupation "student" from 12 to 10)\.$/);
    expect(await explainInfeasibility({ ...instance, quotas: result.relaxation!.quotas })).toMatchObject({ feasible: true });
  });

  it('says "in combination" when no single rule explains the infeasibility', async () => {
    // Panel of two with one of each value of three features: only complementary pairs fit,
    // and the pool has none, though every value, sum and pair count is fine.
    const people: [string, string, string][] = [
      ['a1', 'b1', 'c1'],
      ['a2', 'b2', 'c1'],
      ['a1', 'b2', 'c2'],
      ['a2', 'b1', 'c2'],
    ];
    const instance: SelectionInstance = {
      candidates: people.map(([a, b, c], i) => ({ id: `q${i}`, features: { A: a, B: b, C: c }, household: null })),
      panelSize: 2,
      onePerHousehold: false,
      quotas: ['A', 'B', 'C'].flatMap((f) => [1, 2].map((v) => ({ feature: f, value: `${f.toLowerCase()}${v}`, min: 1, max: 1 }))),
    };
    expect(countingConflicts(instance)).toEqual([]);
    const result = await explainInfeasibility(instance);
    expect(result.feasible).toBe(false);
    expect(result.conflicts.map((c) => c.kind)).toEqual(['combination']);
    expect(result.relaxation!.totalChange).toBe(bruteMinViolation(instance));
  });

  it('has no relaxation when no quota change can help', async () => {
    const result = await explainInfeasibility({ ...base(), panelSize: 19 });
    expect(result.feasible).toBe(false);
    expect(result.relaxation).toBeNull();
    expect(result.conflicts.map((c) => c.kind)).toContain('households-too-few');
  });
});

describe('smallest relaxation', () => {
  /** Small random instances, often infeasible, with households and the odd fixed person. */
  function tinyInstance(seed: number): SelectionInstance {
    const r = createRandom(`tiny-${seed}`);
    const n = r.int(7, 11);
    const k = r.int(3, 5);
    const candidates: Candidate[] = Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      features: { sex: r.chance(0.4) ? 'f' : 'm', age: r.pick(['young', 'mid', 'old']), area: r.chance(0.3) ? 'rural' : 'urban' },
      household: r.chance(0.3) ? `h${r.int(0, 2)}` : null,
    }));
    const quotas: Quota[] = [];
    for (const [feature, values] of [
      ['sex', ['f', 'm']],
      ['age', ['young', 'mid', 'old']],
      ['area', ['rural', 'urban']],
    ] as const) {
      for (const value of values) {
        const min = r.int(0, 3);
        quotas.push({ feature, value, min, max: min + r.int(-1, 2) });
      }
    }
    return { candidates, panelSize: k, quotas, onePerHousehold: r.chance(0.5), fixed: r.chance(0.2) ? ['t0'] : [] };
  }

  it('matches brute force: same feasibility, minimal total change, and the relaxed quotas admit a panel', async () => {
    let infeasible = 0;
    for (let seed = 0; seed < 40; seed++) {
      const instance = tinyInstance(seed);
      const best = bruteMinViolation(instance);
      const result = await explainInfeasibility(instance);
      if (best === null) {
        expect(result.feasible, `seed ${seed}`).toBe(false);
        expect(result.relaxation, `seed ${seed}`).toBeNull();
        continue;
      }
      expect(result.feasible, `seed ${seed}`).toBe(best === 0);
      if (best === 0) {
        // Counting rules are necessary conditions: a feasible instance triggers none.
        expect(countingConflicts(instance), `seed ${seed}`).toEqual([]);
        continue;
      }
      infeasible++;
      expect(result.conflicts.length, `seed ${seed}`).toBeGreaterThan(0);
      const relaxation = result.relaxation!;
      expect(relaxation.totalChange, `seed ${seed}`).toBe(best);
      expect(bruteMinViolation({ ...instance, quotas: relaxation.quotas }), `seed ${seed}`).toBe(0);
      for (const change of relaxation.changes) {
        expect(change.bound === 'min' ? change.to < change.from : change.to > change.from).toBe(true);
        expect(change.to).toBeGreaterThanOrEqual(0);
      }
    }
    expect(infeasible).toBeGreaterThan(10); // the sample does exercise the relaxation
  });

  it('prefers moving one quota to moving several by the same total', async () => {
    // Minima sum to 10 on 8 seats: lowering one minimum by 2 beats two by 1.
    const instance = withQuota(withQuota(withQuota(base(), 'age', 'under 30', { min: 3, max: 4 }), 'age', '30-59', { min: 3, max: 4 }), 'age', '60+', { min: 4, max: 4 });
    const result = await explainInfeasibility(instance);
    expect(result.relaxation!.totalChange).toBe(2);
    expect(result.relaxation!.changes).toHaveLength(1);
    expect(result.conflicts.map((c) => c.kind)).toContain('minima-exceed-seats');
  });
});
