/**
 * SQL of recruitment from the first letter: the register extract, the invitation runs and their
 * letters, the answers by code. The register's rows are the most sensitive data the file holds
 * (see 0013_invitations.sql for what the closing removes).
 */
import type { Invitee, RegisterDraft, RegisterResident, ResponseAnswer } from '../main/domain/invitations/types';
import type { Db } from './connection';

export interface RegisterImportRow {
  id: string;
  at: string;
  operator: string;
  fileName: string;
  fileSha256: string;
  rowsTotal: number;
  registerHash: string;
}

/** The extract held now (the latest not removed), or null. */
export function currentRegister(db: Db): RegisterImportRow | null {
  return (
    (db
      .prepare(
        `SELECT id, at, operator, file_name AS fileName, file_sha256 AS fileSha256, rows_total AS rowsTotal, register_hash AS registerHash
         FROM register_imports WHERE removed_at IS NULL ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get() as RegisterImportRow | undefined) ?? null
  );
}

export function insertRegisterImport(db: Db, r: RegisterImportRow & { mapping: unknown }): void {
  db.prepare(
    `INSERT INTO register_imports (id, at, operator, file_name, file_sha256, rows_total, register_hash, mapping_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.at, r.operator, r.fileName, r.fileSha256, r.rowsTotal, r.registerHash, JSON.stringify(r.mapping));
}

/** A resident as stored: the draft read from the file, with its id, import and place in the register. */
export interface RegisterEntryRow extends RegisterDraft {
  id: string;
  importId: string;
  position: number;
}

/** Prepared once for the 200,000 rows of a large extract. */
export function registerEntryWriter(db: Db): (e: RegisterEntryRow) => void {
  const insert = db.prepare(
    `INSERT INTO register_entries (id, import_id, position, row_number, first_name, last_name, street, house_number, postcode, city,
       birth_year, gender, language, household_key, features_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e) =>
    void insert.run(e.id, e.importId, e.position, e.rowNumber, e.firstName, e.lastName, e.street, e.houseNumber, e.postcode, e.city,
      e.birthYear, e.gender, e.language, e.householdKey, JSON.stringify(e.features));
}

export function registerHasRuns(db: Db, importId: string): boolean {
  return db.prepare('SELECT 1 FROM invitation_runs WHERE register_import_id = ? LIMIT 1').get(importId) !== undefined;
}

/**
 * Removes an extract's rows and marks it removed: when a new file replaces it before any letter
 * was drawn, and at the close of recruitment (the retention rule).
 */
export function removeRegister(db: Db, importId: string, at: string): number {
  const removed = db.prepare('DELETE FROM register_entries WHERE import_id = ?').run(importId).changes;
  db.prepare('UPDATE register_imports SET removed_at = ? WHERE id = ?').run(at, importId);
  return removed;
}

/**
 * What the lottery reads, in register order. No ids: reading 200,000 UUIDs costs more than the
 * draw; the drawn positions' ids come after (registerEntriesAt).
 */
export function registerResidents(db: Db, importId: string): RegisterResident[] {
  // Rows as arrays (raw): a third faster than named rows at 200,000.
  const rows = db
    .prepare('SELECT position, household_key, city, postcode, birth_year, gender FROM register_entries WHERE import_id = ? ORDER BY position')
    .raw()
    .all(importId) as [number, string | null, string | null, string | null, number | null, string | null][];
  return rows.map(([position, householdKey, city, postcode, birthYear, gender]) => ({ position, householdKey, city, postcode, birthYear, gender }));
}

/**
 * registerResidents for one draw: only the columns the draw reads come to JavaScript (the
 * address key with one letter per address, the one column the groups are made of), the others
 * are null. Turning 200,000 SQLite strings into JavaScript ones is most of a draw's time.
 */
export function residentsForDraw(db: Db, importId: string, stratifyBy: string, onePerAddress: boolean): RegisterResident[] {
  const rows = db
    .prepare(
      `SELECT position,
         CASE WHEN @onePerAddress THEN household_key END,
         CASE WHEN @stratifyBy = 'municipality' THEN city END,
         CASE WHEN @stratifyBy = 'postcodeArea' THEN postcode END,
         CASE WHEN @stratifyBy = 'ageBand' THEN birth_year END,
         CASE WHEN @stratifyBy = 'gender' THEN gender END
       FROM register_entries WHERE import_id = @importId ORDER BY position`,
    )
    .raw()
    .all({ importId, onePerAddress: onePerAddress ? 1 : 0, stratifyBy }) as [number, string | null, string | null, string | null, number | null, string | null][];
  return rows.map(([position, householdKey, city, postcode, birthYear, gender]) => ({ position, householdKey, city, postcode, birthYear, gender }));
}

export interface DrawnEntry {
  id: string;
  city: string | null;
  birthYear: number | null;
  gender: string | null;
  language: string | null;
}

/** Id and groups (municipality, birth year, gender, language) of the residents at the given register positions. */
export function registerEntriesAt(db: Db, importId: string, positions: readonly number[]): Map<number, DrawnEntry> {
  const one = db.prepare('SELECT id, city, birth_year AS birthYear, gender, language FROM register_entries WHERE import_id = ? AND position = ?');
  const out = new Map<number, DrawnEntry>();
  for (const position of positions) out.set(position, one.get(importId, position) as DrawnEntry);
  return out;
}

/** Register positions that already have a letter in a live run (to leave them out of a new draw). */
export function invitedPositions(db: Db, importId: string): number[] {
  return db
    .prepare(
      `SELECT e.position FROM invitations i JOIN invitation_runs r ON r.id = i.run_id JOIN register_entries e ON e.id = i.register_entry_id
       WHERE r.status = 'drawn' AND e.import_id = ? ORDER BY e.position`,
    )
    .pluck()
    .all(importId) as number[];
}

/** Live respondents of the pool at an address, other than `exceptId`. */
export function householdMembersInPool(db: Db, householdKey: string, exceptId: string): number {
  return db.prepare('SELECT count(*) FROM people WHERE household_key = ? AND id <> ? AND deleted_at IS NULL').pluck().get(householdKey, exceptId) as number;
}

// ---------------------------------------------------------------------------------------------
// Runs

export interface InvitationRunRow {
  id: string;
  at: string;
  operator: string;
  registerImportId: string;
  registerHash: string;
  algorithmVersion: string;
  paramsJson: string;
  seed: string;
  allocationJson: string;
  drawnHash: string;
  letters: number;
  status: 'drawn' | 'superseded';
  supersededBy: string | null;
  supersededReason: string | null;
  supersededAt: string | null;
  answered: number;
}


export function insertInvitationRun(db: Db, r: Omit<InvitationRunRow, 'status' | 'supersededBy' | 'supersededReason' | 'supersededAt' | 'answered'>): void {
  db.prepare(
    `INSERT INTO invitation_runs (id, at, operator, register_import_id, register_hash, algorithm_version, params_json, seed,
       allocation_json, drawn_hash, letters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.at, r.operator, r.registerImportId, r.registerHash, r.algorithmVersion, r.paramsJson, r.seed, r.allocationJson, r.drawnHash, r.letters);
}

export interface InvitationRow {
  id: string;
  runId: string;
  position: number;
  registerEntryId: string;
  code: string;
  stratum: string;
  municipality: string | null;
  ageBand: string | null;
  gender: string | null;
  language: string | null;
}

export function invitationWriter(db: Db): (i: InvitationRow) => void {
  const insert = db.prepare(
    `INSERT INTO invitations (id, run_id, position, register_entry_id, code, stratum, municipality, age_band, gender, language)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (i) => void insert.run(i.id, i.runId, i.position, i.registerEntryId, i.code, i.stratum, i.municipality, i.ageBand, i.gender, i.language);
}

export function allInvitationCodes(db: Db): Set<string> {
  return new Set((db.prepare('SELECT code FROM invitations').pluck().all() as string[]));
}

export function listInvitationRuns(db: Db): InvitationRunRow[] {
  return db.prepare(`SELECT r.id, r.at, r.operator, r.register_import_id AS registerImportId, r.register_hash AS registerHash,
  r.algorithm_version AS algorithmVersion, r.params_json AS paramsJson, r.seed, r.allocation_json AS allocationJson,
  r.drawn_hash AS drawnHash, r.letters, r.status, r.superseded_by AS supersededBy, r.superseded_reason AS supersededReason,
  r.superseded_at AS supersededAt,
  (SELECT count(*) FROM invitations i JOIN invitation_responses a ON a.invitation_id = i.id WHERE i.run_id = r.id) AS answered
  FROM invitation_runs r ORDER BY r.at DESC, r.id DESC`).all() as InvitationRunRow[];
}

export function findInvitationRun(db: Db, id: string): InvitationRunRow | null {
  return (db.prepare(`SELECT r.id, r.at, r.operator, r.register_import_id AS registerImportId, r.register_hash AS registerHash,
  r.algorithm_version AS algorithmVersion, r.params_json AS paramsJson, r.seed, r.allocation_json AS allocationJson,
  r.drawn_hash AS drawnHash, r.letters, r.status, r.superseded_by AS supersededBy, r.superseded_reason AS supersededReason,
  r.superseded_at AS supersededAt,
  (SELECT count(*) FROM invitations i JOIN invitation_responses a ON a.invitation_id = i.id WHERE i.run_id = r.id) AS answered
  FROM invitation_runs r WHERE r.id = ?`).get(id) as InvitationRunRow | undefined) ?? null;
}

export function supersedeInvitationRun(db: Db, id: string, s: { reason: string; at: string; supersededBy: string | null }): void {
  db.prepare(`UPDATE invitation_runs SET status = 'superseded', superseded_reason = ?, superseded_at = ?, superseded_by = ? WHERE id = ?`).run(
    s.reason,
    s.at,
    s.supersededBy,
    id,
  );
}

/**
 * The addressees of a run, in draw order, for the letters: code, name, address lines, postcode,
 * municipality, language. Empty when the register was removed (closing) or the run is unknown.
 * Each letter goes to the resident the lottery drew, at the address the register gives.
 */
export function listInvitees(db: Db, runId: string): Invitee[] {
  const rows = db
    .prepare(
      `SELECT i.code, i.position, e.first_name AS firstName, e.last_name AS lastName, e.street, e.house_number AS houseNumber,
         e.postcode, e.city AS municipality, e.language, a.at AS answeredAt
       FROM invitations i JOIN register_entries e ON e.id = i.register_entry_id
       LEFT JOIN invitation_responses a ON a.invitation_id = i.id
       WHERE i.run_id = ? ORDER BY i.position`,
    )
    .all(runId) as Omit<Invitee, 'name' | 'addressLines'>[];
  return rows.map((r) => ({
    ...r,
    name: `${r.firstName} ${r.lastName}`.trim(),
    addressLines: [
      [r.street, r.houseNumber].filter((p) => p !== null && p !== '').join(' '),
      [r.postcode, r.municipality].filter((p) => p !== null && p !== '').join(' '),
    ].filter((l) => l !== ''),
  }));
}

// ---------------------------------------------------------------------------------------------
// Answers

export interface InvitationByCode {
  invitationId: string;
  code: string;
  runId: string;
  runAt: string;
  runStatus: 'drawn' | 'superseded';
  registerEntryId: string;
  stratum: string;
  /** The register's row (null when the register was removed). */
  entry: RegisterEntryRow | null;
  response: { answer: ResponseAnswer; at: string; operator: string; personCode: string | null } | null;
}

export function invitationByCode(db: Db, code: string): InvitationByCode | null {
  const row = db
    .prepare(
      `SELECT i.id AS invitationId, i.code, i.run_id AS runId, r.at AS runAt, r.status AS runStatus, i.register_entry_id AS registerEntryId,
         i.stratum, a.answer, a.at AS answeredAt, a.operator AS answeredBy, p.code AS personCode
       FROM invitations i JOIN invitation_runs r ON r.id = i.run_id
       LEFT JOIN invitation_responses a ON a.invitation_id = i.id
       LEFT JOIN people p ON p.id = a.person_id
       WHERE i.code = ?`,
    )
    .get(code) as
    | (Omit<InvitationByCode, 'entry' | 'response'> & { answer: ResponseAnswer | null; answeredAt: string | null; answeredBy: string | null; personCode: string | null })
    | undefined;
  if (!row) return null;
  const { answer, answeredAt, answeredBy, personCode, ...rest } = row;
  return {
    ...rest,
    entry: registerEntry(db, row.registerEntryId),
    response: answer === null ? null : { answer, at: answeredAt!, operator: answeredBy!, personCode },
  };
}

export function registerEntry(db: Db, id: string): RegisterEntryRow | null {
  const row = db
    .prepare(
      `SELECT id, import_id AS importId, position, row_number AS rowNumber, first_name AS firstName, last_name AS lastName, street,
         house_number AS houseNumber, postcode, city, birth_year AS birthYear, gender, language, household_key AS householdKey,
         features_json AS featuresJson
       FROM register_entries WHERE id = ?`,
    )
    .get(id) as (Omit<RegisterEntryRow, 'features'> & { featuresJson: string }) | undefined;
  if (!row) return null;
  const { featuresJson, ...rest } = row;
  return { ...rest, features: JSON.parse(featuresJson) as Record<string, string> };
}

export function insertResponse(
  db: Db,
  r: {
    id: string;
    invitationId: string;
    answer: ResponseAnswer;
    reason: string | null;
    answers: Record<string, string>;
    availability: string | null;
    consent: boolean;
    eligible: boolean;
    personId: string | null;
    source: 'keyboard' | 'csv';
    at: string;
    operator: string;
  },
): void {
  db.prepare(
    `INSERT INTO invitation_responses (id, invitation_id, answer, reason, answers_json, availability, consent, eligible, person_id, source, at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.invitationId, r.answer, r.reason, JSON.stringify(r.answers), r.availability, r.consent ? 1 : 0, r.eligible ? 1 : 0, r.personId, r.source, r.at, r.operator);
}

/** Every letter of the live runs with its answer and what became of the respondent, for the funnel. */
export function funnelLetters(db: Db): {
  municipality: string | null;
  ageBand: string | null;
  gender: string | null;
  language: string | null;
  answer: ResponseAnswer | null;
  eligible: number | null;
  personId: string | null;
  personStatus: string | null;
  personDeleted: number | null;
}[] {
  return db
    .prepare(
      `SELECT i.municipality, i.age_band AS ageBand, i.gender, i.language, a.answer, a.eligible, a.person_id AS personId,
         p.status AS personStatus, (p.deleted_at IS NOT NULL) AS personDeleted
       FROM invitations i JOIN invitation_runs r ON r.id = i.run_id
       LEFT JOIN invitation_responses a ON a.invitation_id = i.id
       LEFT JOIN people p ON p.id = a.person_id
       WHERE r.status = 'drawn' ORDER BY r.at, i.position`,
    )
    .all() as ReturnType<typeof funnelLetters>;
}

/** Letters sent in live runs (the report's "invited"); null when no letter was ever drawn. */
export function lettersSent(db: Db): number | null {
  const runs = (db.prepare('SELECT count(*) FROM invitation_runs').pluck().get() as number);
  if (runs === 0) return null;
  return db.prepare(`SELECT count(*) FROM invitations i JOIN invitation_runs r ON r.id = i.run_id WHERE r.status = 'drawn'`).pluck().get() as number;
}

/**
 * An erased respondent's row of the register extract: their name and address are in it too, so
 * an erasure removes it (the letter keeps its code and coarse groups for the funnel).
 */
export function eraseRegisterEntryOf(db: Db, personId: string): number {
  return db
    .prepare('DELETE FROM register_entries WHERE id IN (SELECT i.register_entry_id FROM invitation_responses a JOIN invitations i ON i.id = a.invitation_id WHERE a.person_id = ?)')
    .run(personId).changes;
}
