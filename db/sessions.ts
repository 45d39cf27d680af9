import type { Session } from '../main/domain/sessions/types';
import type { SessionKind } from '../preload/vocabulary';
import type { Db } from './connection';

interface SessionRow {
  id: string;
  name: string;
  date: string;
  start_time: string;
  end_time: string;
  location: string;
  kind: SessionKind;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  name: r.name,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  location: r.location,
  kind: r.kind,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export function listSessions(db: Db, includeDeleted = false): Session[] {
  const rows = db
    .prepare(
      `SELECT * FROM sessions WHERE (@all OR deleted_at IS NULL) ORDER BY date, start_time, name_key`,
    )
    .all({ all: includeDeleted ? 1 : 0 }) as SessionRow[];
  return rows.map(toSession);
}

export function findSession(db: Db, id: string): Session | null {
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return row ? toSession(row) : null;
}

/** The live session (not deleted) whose name key matches, other than `exceptId`. */
export function findLiveSessionByNameKey(db: Db, nameKey: string, exceptId: string | null): Session | null {
  const row = db
    .prepare('SELECT * FROM sessions WHERE name_key = ? AND deleted_at IS NULL AND id IS NOT ?')
    .get(nameKey, exceptId) as SessionRow | undefined;
  return row ? toSession(row) : null;
}

export function insertSession(db: Db, s: Session, nameKey: string): void {
  db.prepare(
    `INSERT INTO sessions (id, name, name_key, date, start_time, end_time, location, kind, created_at, updated_at, deleted_at)
     VALUES (@id, @name, @nameKey, @date, @startTime, @endTime, @location, @kind, @createdAt, @updatedAt, @deletedAt)`,
  ).run({ ...s, nameKey });
}

export function updateSessionRow(db: Db, s: Session, nameKey: string): void {
  db.prepare(
    `UPDATE sessions SET name = @name, name_key = @nameKey, date = @date, start_time = @startTime, end_time = @endTime,
       location = @location, kind = @kind, updated_at = @updatedAt, deleted_at = @deletedAt
     WHERE id = @id`,
  ).run({ ...s, nameKey });
}

/** How many people checked in to a session at least once. */
export function checkedInCount(db: Db, sessionId: string): number {
  return db.prepare("SELECT count(DISTINCT person_id) FROM attendance_events WHERE session_id = ? AND kind = 'checkIn'").pluck().get(sessionId) as number;
}
