/**
 * Queries of the attendance log and the per-diem rules. Events are only ever inserted
 * (0004_attendance.sql refuses updates and deletes).
 */
import type { AttendanceEvent, PerDiemRules } from '../main/domain/attendance/types';
import type { PersonLanguage } from '../preload/vocabulary';
import type { Db } from './connection';
import { IS_CONFIRMED_PARTICIPANT } from './participants';

const SELECT_EVENTS = `SELECT id, session_id AS sessionId, person_id AS personId, kind, at, operator, device, source, reason,
  undoes, recorded_at AS recordedAt FROM attendance_events`;

export function insertEvent(db: Db, e: AttendanceEvent): boolean {
  const result = db
    .prepare(
      `INSERT OR IGNORE INTO attendance_events (id, session_id, person_id, kind, at, operator, device, source, reason, undoes, recorded_at)
       VALUES (@id, @sessionId, @personId, @kind, @at, @operator, @device, @source, @reason, @undoes, @recordedAt)`,
    )
    .run(e);
  return result.changes === 1;
}

export function findEvent(db: Db, id: string): AttendanceEvent | null {
  return (db.prepare(SELECT_EVENTS + ' WHERE id = ?').get(id) as AttendanceEvent | undefined) ?? null;
}

export function eventsOf(db: Db, sessionId: string, personId: string): AttendanceEvent[] {
  return db.prepare(SELECT_EVENTS + ' WHERE session_id = ? AND person_id = ? ORDER BY at, id').all(sessionId, personId) as AttendanceEvent[];
}

export function sessionEvents(db: Db, sessionId: string): AttendanceEvent[] {
  return db.prepare(SELECT_EVENTS + ' WHERE session_id = ? ORDER BY at, id').all(sessionId) as AttendanceEvent[];
}

export function allEvents(db: Db): AttendanceEvent[] {
  return db.prepare(SELECT_EVENTS + ' ORDER BY at, id').all() as AttendanceEvent[];
}

/** A participant as the desk needs them. */
export interface DeskPerson {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  status: string;
  language: PersonLanguage | null;
  phone: string | null;
  needsAccessibility: string;
  needsDiet: string;
  needsChildcare: number;
  needsTravel: string;
  erased: number;
}

const SELECT_DESK = `SELECT id, code, first_name AS firstName, last_name AS lastName, status, language, phone,
  needs_accessibility AS needsAccessibility, needs_diet AS needsDiet, needs_childcare AS needsChildcare,
  needs_travel AS needsTravel, (erased_at IS NOT NULL) AS erased FROM people`;

/** Confirmed participants, and anyone else with an event in the session (kept visible after a withdrawal). */
export function rosterPeople(db: Db, sessionId: string): DeskPerson[] {
  return db
    .prepare(SELECT_DESK + ' WHERE (' + IS_CONFIRMED_PARTICIPANT + ') OR (deleted_at IS NULL AND id IN (SELECT person_id FROM attendance_events WHERE session_id = ?))')
    .all(sessionId) as DeskPerson[];
}

/** Confirmed participants (everyone paid per-diem is, or was, one of them: see the payments). */
export function peopleWithEvents(db: Db): DeskPerson[] {
  return db
    .prepare(SELECT_DESK + ' WHERE (' + IS_CONFIRMED_PARTICIPANT + ') OR (deleted_at IS NULL AND id IN (SELECT person_id FROM attendance_events))')
    .all() as DeskPerson[];
}


export function deskPerson(db: Db, id: string): DeskPerson | null {
  return (db.prepare(SELECT_DESK + ' WHERE id = ? AND deleted_at IS NULL').get(id) as DeskPerson | undefined) ?? null;
}

export function deskPersonByCode(db: Db, code: string): DeskPerson | null {
  return (db.prepare(SELECT_DESK + ' WHERE code = ? AND deleted_at IS NULL').get(code) as DeskPerson | undefined) ?? null;
}

export function timeZone(db: Db): string {
  return (db.prepare('SELECT time_zone FROM assembly LIMIT 1').pluck().get() as string | undefined) ?? 'Europe/Brussels';
}

export function readPerDiemRules(db: Db): PerDiemRules {
  return db
    .prepare(
      `SELECT full_day_cents AS fullDayCents, half_day_cents AS halfDayCents, travel_cents AS travelCents,
       childcare_cents AS childcareCents, threshold_minutes AS thresholdMinutes FROM perdiem_rules WHERE id = 1`,
    )
    .get() as PerDiemRules;
}

export function writePerDiemRules(db: Db, r: PerDiemRules): void {
  db.prepare(
    `UPDATE perdiem_rules SET full_day_cents = @fullDayCents, half_day_cents = @halfDayCents, travel_cents = @travelCents,
     childcare_cents = @childcareCents, threshold_minutes = @thresholdMinutes WHERE id = 1`,
  ).run(r);
}
