/**
 * Seeded benchmark instances for LEXIMIN, shaped like real recruitment: the pool answers an
 * invitation, so it over-represents older and more educated people; quotas follow population
 * shares with a tolerance that differs from feature to feature; a few people share a household.
 *
 *   a: pool 200,   panel 20,  2 features
 *   b: pool 825,   panel 75,  4 features
 *   c: pool 1,727, panel 110, 7 features, uneven quotas
 *   d: pool 5,000, panel 150, 7 features, uneven quotas, 2 % of the pool sharing a household
 *      (a pool of several thousand: 30,000 letters sent)
 */
import type { Candidate, Quota, SelectionInstance } from '../../main/domain/selection/types';

interface ValueSpec {
  value: string;
  /** Share in the population (what the quotas aim at). */
  population: number;
  /** How much more (> 1) or less (< 1) likely than the population this group is to volunteer. */
  response: number;
}

interface FeatureSpec {
  name: string;
  values: ValueSpec[];
  /** Quota window around the population target, as a fraction of the panel size. */
  tolerance: number;
}

interface InstanceSpec {
  name: string;
  pool: number;
  panelSize: number;
  features: FeatureSpec[];
  /** Share of the pool living with another pool member (pairs). */
  sharedHouseholds: number;
  seed: number;
}

const gender: FeatureSpec = {
  name: 'gender',
  values: [
    { value: 'female', population: 0.51, response: 1.05 },
    { value: 'male', population: 0.49, response: 0.95 },
  ],
  tolerance: 0.02,
};
const gender3: FeatureSpec = {
  name: 'gender',
  values: [
    { value: 'female', population: 0.505, response: 1.05 },
    { value: 'male', population: 0.485, response: 0.93 },
    { value: 'other', population: 0.01, response: 1.2 },
  ],
  tolerance: 0.02,
};
const age4: FeatureSpec = {
  name: 'age',
  values: [
    { value: '16-29', population: 0.22, response: 0.55 },
    { value: '30-44', population: 0.25, response: 0.85 },
    { value: '45-64', population: 0.32, response: 1.2 },
    { value: '65+', population: 0.21, response: 1.45 },
  ],
  tolerance: 0.05,
};
const age6: FeatureSpec = {
  name: 'age',
  values: [
    { value: '16-24', population: 0.13, response: 0.45 },
    { value: '25-34', population: 0.17, response: 0.7 },
    { value: '35-44', population: 0.16, response: 0.9 },
    { value: '45-54', population: 0.17, response: 1.1 },
    { value: '55-64', population: 0.16, response: 1.35 },
    { value: '65+', population: 0.21, response: 1.5 },
  ],
  tolerance: 0.03,
};
const education3: FeatureSpec = {
  name: 'education',
  values: [
    { value: 'none or basic', population: 0.3, response: 0.5 },
    { value: 'secondary', population: 0.42, response: 0.95 },
    { value: 'degree', population: 0.28, response: 1.7 },
  ],
  tolerance: 0.06,
};
const education4: FeatureSpec = {
  name: 'education',
  values: [
    { value: 'none', population: 0.18, response: 0.4 },
    { value: 'secondary', population: 0.38, response: 0.85 },
    { value: 'vocational', population: 0.2, response: 1.0 },
    { value: 'degree', population: 0.24, response: 1.9 },
  ],
  tolerance: 0.05,
};
const region = (n: number, tolerance: number): FeatureSpec => ({
  name: 'region',
  values: Array.from({ length: n }, (_, i) => ({
    value: `region ${i + 1}`,
    population: (n - i + 2) / Array.from({ length: n }, (_, j) => n - j + 2).reduce((a, b) => a + b, 0),
    response: 0.8 + 0.4 * ((i * 7) % n) / n,
  })),
  tolerance,
});
const ethnicity: FeatureSpec = {
  name: 'ethnicity',
  values: [
    { value: 'white', population: 0.82, response: 1.05 },
    { value: 'asian', population: 0.08, response: 0.8 },
    { value: 'black', population: 0.04, response: 0.7 },
    { value: 'mixed', population: 0.03, response: 0.9 },
    { value: 'other', population: 0.03, response: 0.75 },
  ],
  tolerance: 0.02,
};
const area: FeatureSpec = {
  name: 'area',
  values: [
    { value: 'urban', population: 0.8, response: 0.97 },
    { value: 'rural', population: 0.2, response: 1.12 },
  ],
  tolerance: 0.04,
};
const attitude: FeatureSpec = {
  name: 'climate concern',
  values: [
    { value: 'not concerned', population: 0.15, response: 0.6 },
    { value: 'somewhat', population: 0.45, response: 0.95 },
    { value: 'very concerned', population: 0.4, response: 1.25 },
  ],
  tolerance: 0.05,
};

export const selectionSpecs: Record<'a' | 'b' | 'c' | 'd', InstanceSpec> = {
  a: { name: 'a: pool 200 / k 20 / 2 features', pool: 200, panelSize: 20, features: [gender, age4], sharedHouseholds: 0.04, seed: 11 },
  b: {
    name: 'b: pool 825 / k 75 / 4 features',
    pool: 825,
    panelSize: 75,
    features: [gender, age4, region(6, 0.04), education3],
    sharedHouseholds: 0.04,
    seed: 22,
  },
  c: {
    name: 'c: pool 1727 / k 110 / 7 features',
    pool: 1727,
    panelSize: 110,
    features: [gender3, age6, region(8, 0.03), education4, ethnicity, area, attitude],
    sharedHouseholds: 0.05,
    seed: 33,
  },
  d: {
    name: 'd: pool 5000 / k 150 / 7 features',
    pool: 5000,
    panelSize: 150,
    features: [gender3, age6, region(8, 0.03), education4, ethnicity, area, attitude],
    sharedHouseholds: 0.02,
    seed: 44,
  },
};

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

function pick(values: ValueSpec[], rand: () => number): string {
  const weights = values.map((v) => v.population * v.response);
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r < 0) return values[i]!.value;
  }
  return values[values.length - 1]!.value;
}

/** The instance for a spec: same seed, same instance. */
export function generateInstance(spec: InstanceSpec): SelectionInstance {
  const rand = random(spec.seed);
  const candidates: Candidate[] = [];
  for (let i = 0; i < spec.pool; i++) {
    const features: Record<string, string> = {};
    for (const f of spec.features) features[f.name] = pick(f.values, rand);
    candidates.push({ id: `c${String(i).padStart(4, '0')}`, features, household: `h${i}` });
  }
  // Pairs of neighbours in the list share a household (a partner who also volunteered).
  const pairs = Math.round((spec.pool * spec.sharedHouseholds) / 2);
  for (let p = 0; p < pairs; p++) {
    const i = Math.floor(rand() * (spec.pool - 1));
    candidates[i + 1]!.household = candidates[i]!.household;
  }
  const quotas: Quota[] = [];
  for (const f of spec.features) {
    for (const v of f.values) {
      const target = v.population * spec.panelSize;
      const slack = f.tolerance * spec.panelSize;
      const available = candidates.filter((c) => c.features[f.name] === v.value).length;
      quotas.push({
        feature: f.name,
        value: v.value,
        min: Math.min(available, Math.max(0, Math.floor(target - slack))),
        max: Math.max(0, Math.ceil(target + slack)),
      });
    }
  }
  return { candidates, panelSize: spec.panelSize, quotas, onePerHousehold: true };
}
