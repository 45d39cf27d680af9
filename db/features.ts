import type { FeatureInfo, RecruitmentSettings } from '../main/domain/recruitment/types';
import type { Db } from './connection';

interface ValueRow {
  featureId: string;
  feature: string;
  id: string;
  value: string;
  poolCount: number;
  sharePercent: number | null;
  min: number | null;
  max: number | null;
  minFlex: number | null;
  maxFlex: number | null;
}

/**
 * Every feature with its values, the pool count per value and the targets. Erased people
 * still count: their feature values stay so the statistics remain true.
 */
export function listFeatures(db: Db): FeatureInfo[] {
  const poolSize = livePoolSize(db);
  const rows = db
    .prepare(
      // One pass over person_features, grouped: no index on value_id is needed (every index
      // slows the inserts of a large import).
      `WITH counts AS (
         SELECT pf.value_id AS valueId, count(*) AS n
         FROM person_features pf JOIN people p ON p.id = pf.person_id
         WHERE p.deleted_at IS NULL
         GROUP BY pf.value_id)
       SELECT f.id AS featureId, f.name AS feature, v.id, v.value, coalesce(c.n, 0) AS poolCount,
         v.share_percent AS sharePercent, v.quota_min AS min, v.quota_max AS max, v.min_flex AS minFlex, v.max_flex AS maxFlex
       FROM features f
       LEFT JOIN feature_values v ON v.feature_id = f.id
       LEFT JOIN counts c ON c.valueId = v.id
       ORDER BY f.position, f.name, v.position, v.value`,
    )
    .all() as (Omit<ValueRow, 'id' | 'value'> & { id: string | null; value: string | null })[];
  const features: FeatureInfo[] = [];
  for (const r of rows) {
    let feature = features.at(-1);
    if (!feature || feature.id !== r.featureId) {
      feature = { id: r.featureId, name: r.feature, values: [] };
      features.push(feature);
    }
    if (r.id === null || r.value === null) continue;
    feature.values.push({
      id: r.id,
      value: r.value,
      poolCount: r.poolCount,
      poolSharePercent: poolSize === 0 ? 0 : (100 * r.poolCount) / poolSize,
      sharePercent: r.sharePercent,
      min: r.min,
      max: r.max,
      minFlex: r.minFlex,
      maxFlex: r.maxFlex,
    });
  }
  return features;
}

export function livePoolSize(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL').get() as { n: number }).n;
}

export function findFeature(db: Db, id: string): { id: string; name: string; position: number } | null {
  return (db.prepare('SELECT id, name, position FROM features WHERE id = ?').get(id) as { id: string; name: string; position: number }) ?? null;
}

export function findValue(db: Db, id: string): { id: string; featureId: string; value: string } | null {
  return (
    (db.prepare('SELECT id, feature_id AS featureId, value FROM feature_values WHERE id = ?').get(id) as {
      id: string;
      featureId: string;
      value: string;
    }) ?? null
  );
}

export function featureInfo(db: Db, featureId: string): FeatureInfo {
  const feature = listFeatures(db).find((f) => f.id === featureId);
  if (!feature) throw new Error(`featureInfo: no feature ${featureId}`);
  return feature;
}

export function nextFeaturePosition(db: Db): number {
  return (db.prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM features').get() as { n: number }).n;
}

export function nextValuePosition(db: Db, featureId: string): number {
  return (db.prepare('SELECT coalesce(max(position), -1) + 1 AS n FROM feature_values WHERE feature_id = ?').get(featureId) as { n: number }).n;
}

export function renameFeatureRow(db: Db, id: string, name: string): void {
  db.prepare('UPDATE features SET name = ? WHERE id = ?').run(name, id);
}

export function renameValueRow(db: Db, id: string, value: string): void {
  db.prepare('UPDATE feature_values SET value = ? WHERE id = ?').run(value, id);
}

/** Moves every person holding `fromId` to `intoId` (values of one feature) and drops `fromId`. */
export function moveValue(db: Db, fromId: string, intoId: string): number {
  const moved = db.prepare('UPDATE person_features SET value_id = ? WHERE value_id = ?').run(intoId, fromId).changes;
  db.prepare('DELETE FROM feature_values WHERE id = ?').run(fromId);
  return moved;
}

export function setValueTargets(
  db: Db,
  id: string,
  t: { sharePercent: number | null; min: number | null; max: number | null; minFlex: number | null; maxFlex: number | null },
): void {
  db.prepare(
    `UPDATE feature_values SET share_percent = @sharePercent, quota_min = @min, quota_max = @max,
       min_flex = @minFlex, max_flex = @maxFlex WHERE id = @id`,
  ).run({ id, ...t });
}

export function deleteFeatureRows(db: Db, featureId: string): number {
  const links = db.prepare('DELETE FROM person_features WHERE feature_id = ?').run(featureId).changes;
  db.prepare('DELETE FROM feature_values WHERE feature_id = ?').run(featureId);
  db.prepare('DELETE FROM features WHERE id = ?').run(featureId);
  return links;
}

export function readRecruitmentSettings(db: Db): RecruitmentSettings {
  const row = db
    .prepare('SELECT panel_size AS panelSize, quota_tolerance AS quotaTolerance, one_per_household AS onePerHousehold FROM assembly LIMIT 1')
    .get() as { panelSize: number; quotaTolerance: number; onePerHousehold: number } | undefined;
  if (!row) throw new Error('The assembly file has no assembly row');
  return { panelSize: row.panelSize, quotaTolerance: row.quotaTolerance, onePerHousehold: row.onePerHousehold === 1 };
}

export function writeRecruitmentSettings(db: Db, s: RecruitmentSettings, updatedAt: string): void {
  db.prepare('UPDATE assembly SET panel_size = ?, quota_tolerance = ?, one_per_household = ?, updated_at = ?').run(
    s.panelSize,
    s.quotaTolerance,
    s.onePerHousehold ? 1 : 0,
    updatedAt,
  );
}

/**
 * The year ages are counted in: that of the assembly's first session (a pool recruited in
 * November for a panel meeting in March is aged at the panel), else the current year.
 */
export function ageReferenceYear(db: Db, now: Date): number {
  const first = db.prepare('SELECT min(date) FROM sessions WHERE deleted_at IS NULL').pluck().get() as string | null;
  return first ? Number(first.slice(0, 4)) : now.getFullYear();
}

/** Each person's value of one feature. */
export function valuesOfFeature(db: Db, featureId: string): { personId: string; value: string }[] {
  return db
    .prepare(
      `SELECT pf.person_id AS personId, v.value FROM person_features pf JOIN feature_values v ON v.id = pf.value_id
       WHERE pf.feature_id = ?`,
    )
    .all(featureId) as { personId: string; value: string }[];
}

/** Every person's value of every feature, by feature name. */
export function allPersonFeatureValues(db: Db): { personId: string; feature: string; value: string }[] {
  return db
    .prepare(
      `SELECT pf.person_id AS personId, f.name AS feature, v.value FROM person_features pf
       JOIN features f ON f.id = pf.feature_id JOIN feature_values v ON v.id = pf.value_id`,
    )
    .all() as { personId: string; feature: string; value: string }[];
}
