import type { PoolSummary } from '../main/domain/recruitment/types';
import type { Db } from './connection';
import { listFeatures, livePoolSize } from './features';

/** Counts of the respondent pool per feature value (live people only). */
export function poolSummary(db: Db): PoolSummary {
  const households = (
    db.prepare('SELECT count(DISTINCT household_key) AS n FROM people WHERE deleted_at IS NULL AND household_key IS NOT NULL').get() as {
      n: number;
    }
  ).n;
  const features = listFeatures(db).map((f) => ({ name: f.name, values: f.values.map((v) => ({ value: v.value, count: v.poolCount })) }));
  return { people: livePoolSize(db), households, features };
}
