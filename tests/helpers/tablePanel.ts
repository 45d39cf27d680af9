import type { TablePerson } from '../../main/domain/tables/allocate';
import { createRandom } from '../../main/domain/random';

/** 150 people like a panel: gender, age band, region, education; 60 % Dutch-, 40 % French-speaking. */
export function panel(n = 150, seed = 'tables'): TablePerson[] {
  const r = createRandom(seed);
  const pick = (values: string[]) => values[r.int(0, values.length - 1)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `P${String(i).padStart(3, '0')}`,
    features: {
      gender: i % 2 ? 'man' : 'woman',
      age: pick(['16-24', '25-39', '40-54', '55-69', '70+']),
      region: pick(['Flanders', 'Wallonia', 'Brussels']),
      education: pick(['low', 'middle', 'high']),
      language: i % 5 < 3 ? 'nl' : 'fr',
    },
  }));
}
