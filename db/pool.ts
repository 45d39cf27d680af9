import type { PoolSummary } from '../preload/contract';
import type { Db } from './connection';

/** Counts of the respondent pool per feature value (live people only). */
export function poolSummary(db: Db): PoolSummary {
  const people = (db.prepare('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL').get() as { n: number }).n;
  const households = (
    db.prepare('SELECT count(DISTINCT household_key) AS n FROM people WHERE deleted_at IS NULL AND household_key IS NOT NULL').get() as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(
      `SELECT f.name AS feature, v.value AS value, count(p.id) AS n
       FROM features f
       JOIN feature_values v ON v.feature_id = f.id
       LEFT JOIN person_features pf ON pf.value_id = v.id
       LEFT JOIN people p ON p.id = pf.person_id AND p.deleted_at IS NULL
       GROUP BY f.id, v.id
       ORDER BY f.position, f.name, v.position, v.value`,
    )
    .all() as { feature: string; value: string; n: number }[];
  const features: PoolSummary['features'] = [];
  for (const r of rows) {
    let f = features.at(-1);
    if (!f || f.name !== r.feature) {
      f = { name: r.feature, values: [] };
      features.push(f);
    }
    f.values.push({ value: r.value, count: r.n });
  }
  return { people, households, features };
}
