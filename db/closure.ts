/**
 * Closing an assembly (the end date, issue 18): the SQL that removes the contact data of everyone,
 * applied to the open file and, by the same function, to each backup in `<file>.backups/`. Codes,
 * feature values, statuses (and their dates and fixed reason codes), the language, the childcare
 * flag (per-diem pays it), attendance, votes, table plans and selection runs stay, so every
 * aggregate and pseudonymised report is the same before and after.
 *
 * Every connection runs with secure_delete (db/connection.ts; set again here for a backup), so the
 * replaced values are overwritten with zeros, not left in free pages.
 */
import Database from 'better-sqlite3';
import { lstatSync } from 'node:fs';
import type { Db } from './connection';
import { APPLICATION_ID } from './connection';
import { makePrivate } from './privateFiles';

export interface RetentionRow {
  retentionUntil: string | null;
  closedAt: string | null;
  closedBy: string | null;
}

export function readRetention(db: Db): RetentionRow {
  const row = db.prepare('SELECT retention_until AS retentionUntil, closed_at AS closedAt, closed_by AS closedBy FROM assembly LIMIT 1').get() as RetentionRow | undefined;
  return row ?? { retentionUntil: null, closedAt: null, closedBy: null };
}

export function writeRetention(db: Db, date: string, updatedAt: string): void {
  db.prepare('UPDATE assembly SET retention_until = ?, updated_at = ?').run(date, updatedAt);
}

export function markClosed(db: Db, at: string, by: string): void {
  db.prepare('UPDATE assembly SET closed_at = ?, closed_by = ?, updated_at = ?').run(at, by, at);
}

/** The date of the last live session, or null. */
export function lastSessionDate(db: Db): string | null {
  return (db.prepare('SELECT max(date) FROM sessions WHERE deleted_at IS NULL').pluck().get() as string | null) ?? null;
}

export interface ClosureRecord {
  id: string;
  at: string;
  operator: string;
  device: string | null;
  summaryJson: string;
}

export function insertClosure(db: Db, row: ClosureRecord): void {
  db.prepare('INSERT INTO assembly_closures (id, at, operator, device, summary_json) VALUES (@id, @at, @operator, @device, @summaryJson)').run(row);
}

/** Every closing pass, oldest first (the first is the closing itself; later ones reached backups left over). */
export function listClosures(db: Db): ClosureRecord[] {
  return db.prepare('SELECT id, at, operator, device, summary_json AS summaryJson FROM assembly_closures ORDER BY at, rowid').all() as ClosureRecord[];
}

/**
 * People never selected: in the pool or on a reserve list now, never moved to a seat or a
 * decline/withdrawal, never on a drawn panel, never checked in, and replacing nobody. Their code
 * and feature values stay in the selection runs' documents (what a published lottery needs to
 * stay verifiable); their row can go.
 */
const NEVER_SELECTED = `SELECT p.id FROM people p
  WHERE p.status IN ('pool', 'reserve')
    AND NOT EXISTS (SELECT 1 FROM status_changes s WHERE s.person_id = p.id AND s.to_status NOT IN ('pool', 'reserve'))
    AND NOT EXISTS (SELECT 1 FROM attendance_events e WHERE e.person_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM people r WHERE r.replaced_by = p.id)
    AND p.code NOT IN (SELECT j.value FROM selection_runs sr, json_each(sr.drawn_json, '$.panel') j WHERE sr.drawn_json IS NOT NULL)`;

const COUNT_NEVER_SELECTED = 'SELECT count(*) FROM (' + NEVER_SELECTED + ')';

export interface ClosingPreview {
  people: number;
  neverSelected: number;
  contactEntries: number;
  contributorsWithContacts: number;
}

export function closingPreview(db: Db): ClosingPreview {
  return {
    people: db.prepare('SELECT count(*) FROM people').pluck().get() as number,
    neverSelected: db.prepare(COUNT_NEVER_SELECTED).pluck().get() as number,
    contactEntries: db.prepare('SELECT count(*) FROM contacts').pluck().get() as number,
    contributorsWithContacts: db.prepare("SELECT count(*) FROM contributors WHERE email IS NOT NULL OR phone IS NOT NULL OR notes <> ''").pluck().get() as number,
  };
}

/** A person as closing sees them: what the new search key and household label are made from. */
export interface ClosingPerson {
  id: string;
  code: string;
  householdKey: string | null;
}

/** The values closing writes per person, computed by the caller from the rules (main/domain/assembly/retention.ts). */
export interface ClosingPlan {
  searchKey(code: string): string;
  householdLabels(keysInCodeOrder: (string | null)[]): Map<string, string>;
  removeNeverSelected: boolean;
  /**
   * For a backup: the ids the closed file still has. A backup then keeps exactly those people
   * (one taken before the draw lists everyone in the pool, future panel members included: the
   * file's own choice decides, not the backup's statuses). Null for the open file itself.
   */
  keepIds: string[] | null;
}

/** Every person's id, for ClosingPlan.keepIds. */
export function personIds(db: Db): string[] {
  return db.prepare('SELECT id FROM people').pluck().all() as string[];
}

export interface ClearedCounts {
  peopleCleared: number;
  peopleRemoved: number;
  contactEntriesRemoved: number;
  contributorsCleared: number;
  /** Residents of the register extract removed (the letters keep their codes and coarse groups for the funnel). */
  residentsRemoved: number;
}

const columnsOf = (db: Db, table: string): Set<string> =>
  new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));

/**
 * Each column closing blanks, with its fixed statement: a backup taken before a migration may lack
 * a column, and only the statements of columns it has are run (SQL is never assembled here).
 */
const PEOPLE_BLANKS: Record<string, string> = {
  first_name: "UPDATE people SET first_name = '' WHERE first_name <> ''",
  last_name: "UPDATE people SET last_name = '' WHERE last_name <> ''",
  email: 'UPDATE people SET email = NULL WHERE email IS NOT NULL',
  phone: 'UPDATE people SET phone = NULL WHERE phone IS NOT NULL',
  street: 'UPDATE people SET street = NULL WHERE street IS NOT NULL',
  house_number: 'UPDATE people SET house_number = NULL WHERE house_number IS NOT NULL',
  postcode: 'UPDATE people SET postcode = NULL WHERE postcode IS NOT NULL',
  city: 'UPDATE people SET city = NULL WHERE city IS NOT NULL',
  birth_year: 'UPDATE people SET birth_year = NULL WHERE birth_year IS NOT NULL',
  external_id: 'UPDATE people SET external_id = NULL WHERE external_id IS NOT NULL',
  notes: "UPDATE people SET notes = '' WHERE notes <> ''",
  needs_accessibility: "UPDATE people SET needs_accessibility = '' WHERE needs_accessibility <> ''",
  needs_diet: "UPDATE people SET needs_diet = '' WHERE needs_diet <> ''",
  needs_travel: "UPDATE people SET needs_travel = '' WHERE needs_travel <> ''",
  // The free text given with a decline or withdrawal (the fixed reason code stays: the public report counts it).
  status_reason: "UPDATE people SET status_reason = '(removed)' WHERE status_reason IS NOT NULL AND status_reason <> '(removed)'",
  // A hash of the imported row: a guess at someone's details could be checked against it.
  fingerprint: 'UPDATE people SET fingerprint = NULL WHERE fingerprint IS NOT NULL',
  // The bank account for per-diem payments, and the date of the consent to keep it.
  iban: 'UPDATE people SET iban = NULL WHERE iban IS NOT NULL',
  iban_consent_date: 'UPDATE people SET iban_consent_date = NULL WHERE iban_consent_date IS NOT NULL',
};

/**
 * Removes the contact data of everyone in one database, in the caller's transaction. The same
 * function serves the open file and each backup (whose people may differ: its own rows decide).
 */
export function clearContactData(db: Db, plan: ClosingPlan, at: string): ClearedCounts {
  const people = columnsOf(db, 'people');
  // A backup of an early schema lacks later tables: only what it has is cleared.
  const has = (table: string) => columnsOf(db, table).size > 0;
  let peopleRemoved = 0;
  if (plan.removeNeverSelected && has('selection_runs') && has('attendance_events')) {
    const ids =
      plan.keepIds === null
        ? (db.prepare(NEVER_SELECTED).pluck().all() as string[])
        : (db.prepare('SELECT id FROM people WHERE id NOT IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(plan.keepIds)) as string[]);
    const list = JSON.stringify(ids);
    // A yes answer points at the respondent it became: the letter and its answer stay (the funnel counts them).
    if (has('invitation_responses')) db.prepare('UPDATE invitation_responses SET person_id = NULL WHERE person_id IN (SELECT value FROM json_each(?))').run(list);
    // Everything that refers to them first (foreign keys are on: anything missed fails the whole transaction).
    db.prepare('DELETE FROM person_features WHERE person_id IN (SELECT value FROM json_each(?))').run(list);
    db.prepare('DELETE FROM contacts WHERE person_id IN (SELECT value FROM json_each(?))').run(list);
    db.prepare('DELETE FROM status_changes WHERE person_id IN (SELECT value FROM json_each(?))').run(list);
    db.prepare('DELETE FROM duplicate_flags WHERE person_a IN (SELECT value FROM json_each(?)) OR person_b IN (SELECT value FROM json_each(?))').run(list, list);
    peopleRemoved = db.prepare('DELETE FROM people WHERE id IN (SELECT value FROM json_each(?))').run(list).changes;
  }
  const peopleCleared = db.prepare('SELECT count(*) FROM people').pluck().get() as number;
  for (const column of Object.keys(PEOPLE_BLANKS)) {
    const sql = PEOPLE_BLANKS[column];
    if (sql !== undefined && people.has(column)) db.prepare(sql).run();
  }

  // Search keys were made of names, e-mail and phone; household keys are normalised addresses.
  const rows = db.prepare('SELECT id, code, household_key AS householdKey FROM people ORDER BY code').all() as ClosingPerson[];
  const labels = plan.householdLabels(rows.map((r) => r.householdKey));
  const update = db.prepare('UPDATE people SET search_key = ?, household_key = ? WHERE id = ?');
  for (const r of rows) update.run(plan.searchKey(r.code), r.householdKey === null ? null : (labels.get(r.householdKey) ?? null), r.id);

  // The contact log goes whole: its rows say who was called when, and what they said.
  const contactEntriesRemoved = has('contacts') ? db.prepare('DELETE FROM contacts').run().changes : 0;
  if (has('status_changes')) db.prepare("UPDATE status_changes SET reason = '(removed)' WHERE reason IS NOT NULL AND reason <> '(removed)'").run();
  if (has('attendance_events')) clearExcuseReasons(db);
  const residentsRemoved = clearRegister(db, at);
  if (!has('contributors')) return { peopleCleared, peopleRemoved, contactEntriesRemoved, contributorsCleared: 0, residentsRemoved };

  // Contributors keep their name, role and organisation (the record of who informed the assembly,
  // printed with consent), and lose their contact details and notes.
  const contributorsCleared = db
    .prepare("UPDATE contributors SET email = NULL, phone = NULL, notes = '' WHERE email IS NOT NULL OR phone IS NOT NULL OR notes <> ''")
    .run().changes;
  return { peopleCleared, peopleRemoved, contactEntriesRemoved, contributorsCleared, residentsRemoved };
}

/**
 * The register extract (names, addresses, birth years of everyone drawn from the population
 * register) is the most sensitive list the file holds and is kept only until recruitment closes:
 * closing removes every resident and marks each extract removed. The letters keep their codes,
 * coarse groups and answers (the funnel counts them); the free text of a "no" goes.
 */
function clearRegister(db: Db, at: string): number {
  if (columnsOf(db, 'register_entries').size === 0) return 0;
  const removed = db.prepare('DELETE FROM register_entries').run().changes;
  db.prepare('UPDATE register_imports SET removed_at = ? WHERE removed_at IS NULL').run(at);
  db.prepare("UPDATE invitation_responses SET reason = '(removed)' WHERE reason IS NOT NULL AND reason <> '(removed)'").run();
  return removed;
}

/**
 * The reason of an excused absence is free text ("in hospital"): replaced by "(removed)" (the
 * event and its kind stay: attendance figures count it). Attendance events are otherwise never
 * changed: the trigger that guards them is set aside for this one statement, in the same
 * transaction, and put back from its own stored definition.
 */
function clearExcuseReasons(db: Db): void {
  const pending = db.prepare("SELECT count(*) FROM attendance_events WHERE reason IS NOT NULL AND reason <> '(removed)'").pluck().get() as number;
  if (pending === 0) return;
  const guarded = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'attendance_events_no_update'").pluck().get() === 1;
  if (guarded) db.exec('DROP TRIGGER attendance_events_no_update');
  db.prepare("UPDATE attendance_events SET reason = '(removed)' WHERE reason IS NOT NULL AND reason <> '(removed)'").run();
  if (guarded) db.exec(ATTENDANCE_EVENTS_NO_UPDATE);
}

/** The trigger of migration 0004, word for word (so the schema reads the same afterwards: tested). */
const ATTENDANCE_EVENTS_NO_UPDATE = `CREATE TRIGGER attendance_events_no_update BEFORE UPDATE ON attendance_events
BEGIN
  SELECT RAISE(ABORT, 'attendance events are never changed: record an undo instead');
END`;

/** Marks a closed backup too, when its schema knows closing (a backup taken before 0012 does not). */
function markBackupClosed(db: Db, at: string, by: string): void {
  if (columnsOf(db, 'assembly').has('closed_at')) db.prepare('UPDATE assembly SET closed_at = coalesce(closed_at, ?), closed_by = coalesce(closed_by, ?)').run(at, by);
}

/**
 * Applies the closing to one backup file, in one transaction (the rollback journal keeps it
 * all-or-nothing). Throws, changing nothing, when the file is a link, not an Assembly Desk file,
 * or damaged.
 */
export function closeBackup(path: string, plan: ClosingPlan, closed: { at: string; by: string }, nativeBinding?: string): ClearedCounts {
  if (lstatSync(path).isSymbolicLink()) throw new Error('it is a symbolic link');
  const db = new Database(path, { fileMustExist: true, nativeBinding });
  try {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) throw new Error('it is not an Assembly Desk file');
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new Error(`it is damaged (${check})`);
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    const counts = db.transaction(() => {
      const cleared = clearContactData(db, plan, closed.at);
      markBackupClosed(db, closed.at, closed.by);
      return cleared;
    }).immediate();
    return counts;
  } finally {
    db.close();
    makePrivate(path);
  }
}
