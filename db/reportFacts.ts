/**
 * The facts the public report states that no other part of the file holds (migration 0012): the
 * basis of the recruitment, why people declined or withdrew (a code from a fixed list), whether an
 * invited speaker came to each slot, what each contributor supplied, and the costs besides the
 * per-diem. Read by main/services/reportFacts.ts and main/reports/publicFacts.ts.
 */
import type { Appearance, CostCategory, DropReason, MaterialKind } from '../preload/vocabulary';
import type { Db } from './connection';

export interface RecruitmentFacts {
  populationSource: string;
  populationYear: number | null;
  eligibility: string;
  invitationMethod: string;
}

export const NO_FACTS: RecruitmentFacts = { populationSource: '', populationYear: null, eligibility: '', invitationMethod: '' };

export function readRecruitmentFacts(db: Db): RecruitmentFacts {
  const row = db
    .prepare('SELECT population_source AS populationSource, population_year AS populationYear, eligibility, invitation_method AS invitationMethod FROM report_facts WHERE id = 1')
    .get() as RecruitmentFacts | undefined;
  return row ?? { ...NO_FACTS };
}

export function writeRecruitmentFacts(db: Db, facts: RecruitmentFacts, at: string): void {
  db.prepare(
    `INSERT INTO report_facts (id, population_source, population_year, eligibility, invitation_method, updated_at)
     VALUES (1, @populationSource, @populationYear, @eligibility, @invitationMethod, @at)
     ON CONFLICT (id) DO UPDATE SET population_source = excluded.population_source, population_year = excluded.population_year,
       eligibility = excluded.eligibility, invitation_method = excluded.invitation_method, updated_at = excluded.updated_at`,
  ).run({ ...facts, at });
}

// --- costs -----------------------------------------------------------------------------------

export interface CostRow {
  id: string;
  label: string;
  amountCents: number;
  category: CostCategory;
}

export function listCosts(db: Db): CostRow[] {
  return db
    .prepare('SELECT id, label, amount_cents AS amountCents, category FROM costs WHERE deleted_at IS NULL ORDER BY created_at, id')
    .all() as CostRow[];
}

export function insertCost(db: Db, row: CostRow, at: string): void {
  db.prepare('INSERT INTO costs (id, label, amount_cents, category, created_at) VALUES (@id, @label, @amountCents, @category, @at)').run({ ...row, at });
}

/** Marks a cost deleted; false when there is no such (live) cost. */
export function deleteCost(db: Db, id: string, at: string): boolean {
  return db.prepare('UPDATE costs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id).changes === 1;
}

// --- materials -------------------------------------------------------------------------------

export interface MaterialRow {
  id: string;
  contributorId: string;
  title: string;
  kind: MaterialKind;
  link: string;
}

export function listMaterials(db: Db): MaterialRow[] {
  return db
    .prepare('SELECT id, contributor_id AS contributorId, title, kind, link FROM contributor_materials WHERE deleted_at IS NULL ORDER BY created_at, id')
    .all() as MaterialRow[];
}

export function insertMaterial(db: Db, row: MaterialRow, at: string): void {
  db.prepare('INSERT INTO contributor_materials (id, contributor_id, title, kind, link, created_at) VALUES (@id, @contributorId, @title, @kind, @link, @at)').run({ ...row, at });
}

export function deleteMaterial(db: Db, id: string, at: string): boolean {
  return db.prepare('UPDATE contributor_materials SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id).changes === 1;
}

/** Whether a contributor exists and is not deleted. */
export function contributorExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM contributors WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
}

// --- speakers' appearances -------------------------------------------------------------------

export interface AppearanceRow {
  slotId: string;
  contributorId: string;
  sessionId: string;
  date: string;
  startTime: string;
  slotTitle: string;
  kind: string;
  /** Null: not recorded (the contributor's own status stands for it). */
  appearance: Appearance | null;
}

/** Every speaker's slot (not the facilitators'), live slots only, in time order. */
export function listAppearances(db: Db): AppearanceRow[] {
  return db
    .prepare(
      `SELECT sp.slot_id AS slotId, sp.contributor_id AS contributorId, s.session_id AS sessionId, se.date AS date,
         s.start_time AS startTime, s.title AS slotTitle, s.kind AS kind, sp.appearance AS appearance
       FROM slot_people sp
       JOIN agenda_slots s ON s.id = sp.slot_id AND s.deleted_at IS NULL
       JOIN sessions se ON se.id = s.session_id AND se.deleted_at IS NULL
       WHERE sp.role = 'speaker'
       ORDER BY se.date, s.start_time, sp.position`,
    )
    .all() as AppearanceRow[];
}

/** Sets a speaker's appearance in a slot; false when they are not a speaker there. */
export function writeAppearance(db: Db, slotId: string, contributorId: string, appearance: Appearance | null): boolean {
  return db.prepare("UPDATE slot_people SET appearance = ? WHERE slot_id = ? AND contributor_id = ? AND role = 'speaker'").run(appearance, slotId, contributorId).changes === 1;
}

// --- declines and withdrawals ----------------------------------------------------------------

export interface DropRow {
  personId: string;
  status: 'declined' | 'withdrawn';
  reasonCode: DropReason | null;
  reason: string | null;
  date: string | null;
  replacedBy: string | null;
}

/** Everyone live who declined or withdrew, with the reason given and who replaced them. */
export function listDrops(db: Db): DropRow[] {
  return db
    .prepare(
      `SELECT p.id AS personId, p.status, p.status_reason_code AS reasonCode, p.status_reason AS reason, p.status_date AS date,
         (SELECT r.code FROM people r WHERE r.id = p.replaced_by) AS replacedBy
       FROM people p
       WHERE p.deleted_at IS NULL AND p.erased_at IS NULL AND p.status IN ('declined', 'withdrawn')
       ORDER BY p.code`,
    )
    .all() as DropRow[];
}

export function writeReasonCode(db: Db, personId: string, code: DropReason | null): void {
  db.prepare('UPDATE people SET status_reason_code = ? WHERE id = ?').run(code, personId);
}

export function readReasonCode(db: Db, personId: string): DropReason | null {
  return (db.prepare('SELECT status_reason_code FROM people WHERE id = ?').pluck().get(personId) as DropReason | null | undefined) ?? null;
}
