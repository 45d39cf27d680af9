import type { ColumnMapping, ImportRecord } from '../main/domain/recruitment/types';
import type { Db } from './connection';

export function findSavedMapping(db: Db, headerKey: string): ColumnMapping | null {
  const row = db.prepare('SELECT mapping_json AS json FROM import_mappings WHERE header_key = ?').get(headerKey) as
    | { json: string }
    | undefined;
  return row ? (JSON.parse(row.json) as ColumnMapping) : null;
}

export function saveMapping(db: Db, headerKey: string, header: string[], mapping: ColumnMapping, at: string): void {
  db.prepare(
    `INSERT INTO import_mappings (header_key, header_json, mapping_json, used_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (header_key) DO UPDATE SET mapping_json = excluded.mapping_json, used_at = excluded.used_at`,
  ).run(headerKey, JSON.stringify(header), JSON.stringify(mapping), at);
}

export function insertImportRecord(
  db: Db,
  r: ImportRecord & { fileSha256: string; mapping: ColumnMapping },
): void {
  db.prepare(
    `INSERT INTO imports (id, at, operator, file_name, file_sha256, rows_total, imported, already_in_pool, rejected, mapping_json)
     VALUES (@id, @at, @operator, @fileName, @fileSha256, @rowsTotal, @imported, @alreadyInPool, @rejected, @mappingJson)`,
  ).run({ ...r, mappingJson: JSON.stringify(r.mapping) });
}

export function listImports(db: Db): ImportRecord[] {
  return db
    .prepare(
      `SELECT id, at, operator, file_name AS fileName, rows_total AS rowsTotal, imported, already_in_pool AS alreadyInPool, rejected
       FROM imports ORDER BY at DESC, id DESC`,
    )
    .all() as ImportRecord[];
}

/**
 * What the pool already holds, to recognise rows imported before: respondent ids (lower-cased,
 * as the file's are compared) with the fingerprint of the row they came with. People removed
 * from the pool as duplicates count too: importing the file again must not bring them back.
 */
export function existingImportKeys(db: Db): { externalIds: Map<string, string | null>; fingerprints: Set<string> } {
  const rows = db
    .prepare('SELECT external_id AS externalId, fingerprint FROM people WHERE external_id IS NOT NULL OR fingerprint IS NOT NULL')
    .all() as { externalId: string | null; fingerprint: string | null }[];
  const externalIds = new Map<string, string | null>();
  const fingerprints = new Set<string>();
  for (const r of rows) {
    if (r.externalId !== null) externalIds.set(r.externalId.toLowerCase(), r.fingerprint);
    if (r.fingerprint !== null) fingerprints.add(r.fingerprint);
  }
  return { externalIds, fingerprints };
}

/** The live, not erased people, in the shape duplicate detection needs. */
export function duplicateCandidates(
  db: Db,
): { id: string; firstName: string; lastName: string; birthYear: number | null; email: string | null; phone: string | null }[] {
  return db
    .prepare(
      `SELECT id, first_name AS firstName, last_name AS lastName, birth_year AS birthYear, email, phone
       FROM people WHERE deleted_at IS NULL AND erased_at IS NULL`,
    )
    .all() as { id: string; firstName: string; lastName: string; birthYear: number | null; email: string | null; phone: string | null }[];
}

/**
 * Flags pairs (ids in order) unless flagged before, whatever became of that flag. Returns the
 * insert function; the statement is prepared once for the thousands an import may flag.
 */
export function duplicateFlagWriter(db: Db): (flag: { id: string; a: string; b: string; reasons: string[]; at: string }) => boolean {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO duplicate_flags (id, person_a, person_b, reasons, status, created_at)
     VALUES (?, ?, ?, ?, 'open', ?)`,
  );
  return (flag) => insert.run(flag.id, flag.a, flag.b, JSON.stringify(flag.reasons), flag.at).changes === 1;
}

/** Every feature with its values (ids and names), to link imported people without a query per row. */
export function featureValueNames(db: Db): { featureId: string; feature: string; valueId: string | null; value: string | null }[] {
  return db
    .prepare(
      `SELECT f.id AS featureId, f.name AS feature, v.id AS valueId, v.value AS value
       FROM features f LEFT JOIN feature_values v ON v.feature_id = f.id ORDER BY f.position, v.position`,
    )
    .all() as { featureId: string; feature: string; valueId: string | null; value: string | null }[];
}
