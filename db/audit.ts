import type { AuditEntry } from '../main/domain/assembly/types';
import type { SavedCopy } from '../main/domain/recruitment/types';
import type { Db } from './connection';
import type { IdFactory } from './ids';

export interface AuditRecord {
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditWriter {
  operator: string;
  at: string;
  newId: IdFactory;
  /** The device the change came from (the host's name or a station's); see AppContext.device. */
  device?: string | null;
  /** A paired station's id; null or absent for the host. */
  deviceId?: string | null;
}

/** Appends one row to the audit log; call it inside the transaction of the mutation it records. */
export function writeAudit(db: Db, who: AuditWriter, record: AuditRecord): void {
  db.prepare(
    `INSERT INTO audit_log (id, at, operator, device, device_id, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    who.newId(),
    who.at,
    who.operator,
    who.device ?? null,
    who.deviceId ?? null,
    record.entity,
    record.entityId,
    record.action,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  );
}

interface AuditRow {
  id: string;
  at: string;
  operator: string;
  device: string | null;
  device_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export function listAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit ?? 200 }) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    operator: r.operator,
    device: r.device,
    deviceId: r.device_id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}

/**
 * Every copy saved elsewhere since `since` (an ISO time), oldest first: saved copies of the file,
 * the letters' PDFs (names and addresses), and full-level exports (names, contacts): where the
 * desktop app saved them (export.saved), the command line's path, or the file name of a browser
 * download. A desktop download is listed by its export.saved row alone (a cancelled one has none).
 */
export function savedCopiesSince(db: Db, since: string): SavedCopy[] {
  return db
    .prepare(
      `SELECT coalesce(json_extract(after_json, '$.path'), json_extract(after_json, '$.destination.path'),
                       json_extract(after_json, '$.fileName'), json_extract(after_json, '$.report')) AS path, at, operator
         FROM audit_log
        WHERE at >= ? AND (action IN ('app.saveCopy', 'letters.export', 'export.saved')
           OR (action = 'export.personalData' AND json_extract(after_json, '$.level') = 'full'
               AND coalesce(json_extract(after_json, '$.destination.app'), '') <> 'electron'))
        ORDER BY at, rowid`,
    )
    .all(since) as SavedCopy[];
}
