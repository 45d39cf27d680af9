import type { ContactEntry, PersonIdentity, PersonListItem, PersonQuery, StatusChange } from '../main/domain/recruitment/types';
import type { PersonLanguage, PersonStatus } from '../preload/vocabulary';
import type { Db } from './connection';

/** A row of `people`, in the names the services use. */
export interface PersonRecord extends PersonIdentity {
  id: string;
  code: string;
  householdKey: string | null;
  status: PersonStatus;
  statusDate: string | null;
  statusReason: string | null;
  replacedBy: string | null;
  notes: string;
  needsAccessibility: string;
  needsDiet: string;
  needsChildcare: boolean;
  needsTravel: string;
  consentDate: string | null;
  consentVersion: string | null;
  /** Compact IBAN (migration 0015), only with ibanConsentDate: for the per-diem payments. */
  iban: string | null;
  ibanConsentDate: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const SELECT_PERSON = `SELECT id, code, external_id AS externalId, first_name AS firstName, last_name AS lastName, email, phone,
  street, house_number AS houseNumber, postcode, city, birth_year AS birthYear, language, household_key AS householdKey,
  status, status_date AS statusDate, status_reason AS statusReason, replaced_by AS replacedBy, notes,
  needs_accessibility AS needsAccessibility, needs_diet AS needsDiet, needs_childcare AS needsChildcare,
  needs_travel AS needsTravel, consent_date AS consentDate, consent_version AS consentVersion, iban, iban_consent_date AS ibanConsentDate, erased_at AS erasedAt,
  created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt FROM people WHERE id = ?`;

export function findPerson(db: Db, id: string): PersonRecord | null {
  const row = db.prepare(SELECT_PERSON).get(id) as
    | (Omit<PersonRecord, 'needsChildcare'> & { needsChildcare: number })
    | undefined;
  return row ? { ...row, needsChildcare: row.needsChildcare === 1 } : null;
}

/**
 * One UPDATE per column a change may touch, by its name in PersonRecord. Written out in full:
 * SQL is never assembled from pieces here.
 */
const UPDATES: Record<string, string> = {
  firstName: 'UPDATE people SET first_name = ? WHERE id = ?',
  lastName: 'UPDATE people SET last_name = ? WHERE id = ?',
  email: 'UPDATE people SET email = ? WHERE id = ?',
  phone: 'UPDATE people SET phone = ? WHERE id = ?',
  street: 'UPDATE people SET street = ? WHERE id = ?',
  houseNumber: 'UPDATE people SET house_number = ? WHERE id = ?',
  postcode: 'UPDATE people SET postcode = ? WHERE id = ?',
  city: 'UPDATE people SET city = ? WHERE id = ?',
  birthYear: 'UPDATE people SET birth_year = ? WHERE id = ?',
  language: 'UPDATE people SET language = ? WHERE id = ?',
  notes: 'UPDATE people SET notes = ? WHERE id = ?',
  needsAccessibility: 'UPDATE people SET needs_accessibility = ? WHERE id = ?',
  needsDiet: 'UPDATE people SET needs_diet = ? WHERE id = ?',
  needsChildcare: 'UPDATE people SET needs_childcare = ? WHERE id = ?',
  needsTravel: 'UPDATE people SET needs_travel = ? WHERE id = ?',
  consentDate: 'UPDATE people SET consent_date = ? WHERE id = ?',
  consentVersion: 'UPDATE people SET consent_version = ? WHERE id = ?',
  iban: 'UPDATE people SET iban = ? WHERE id = ?',
  ibanConsentDate: 'UPDATE people SET iban_consent_date = ? WHERE id = ?',
  householdKey: 'UPDATE people SET household_key = ? WHERE id = ?',
  searchKey: 'UPDATE people SET search_key = ? WHERE id = ?',
  status: 'UPDATE people SET status = ? WHERE id = ?',
  statusDate: 'UPDATE people SET status_date = ? WHERE id = ?',
  statusReason: 'UPDATE people SET status_reason = ? WHERE id = ?',
  replacedBy: 'UPDATE people SET replaced_by = ? WHERE id = ?',
  externalId: 'UPDATE people SET external_id = ? WHERE id = ?',
  erasedAt: 'UPDATE people SET erased_at = ? WHERE id = ?',
  deletedAt: 'UPDATE people SET deleted_at = ? WHERE id = ?',
  fingerprint: 'UPDATE people SET fingerprint = ? WHERE id = ?',
};


/** Writes the given fields of one person (names as in PersonRecord) and its updated_at. */
/** Whether updatePersonFields knows the field (a backup's erasure copies only those). */
export function isPersonField(name: string): boolean {
  return Object.hasOwn(UPDATES, name);
}

export function updatePersonFields(db: Db, id: string, fields: Record<string, unknown>, updatedAt: string): void {
  const entries = Object.entries(fields);
  if (entries.length === 0) return;
  for (const [name, value] of entries) {
    const sql = UPDATES[name];
    if (!sql) throw new Error(`updatePersonFields: ${name} is not an editable column`);
    db.prepare(sql).run(typeof value === 'boolean' ? (value ? 1 : 0) : value, id);
  }
  db.prepare('UPDATE people SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

/** Feature values of the given people: person id -> feature name -> value. */
export function featuresOf(db: Db, personIds: string[]): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  if (personIds.length === 0) return result;
  // json_each keeps this to one statement whatever the page size.
  const rows = db
    .prepare(
      `SELECT pf.person_id AS personId, f.name AS feature, v.value AS value
       FROM json_each(?) ids
       JOIN person_features pf ON pf.person_id = ids.value
       JOIN features f ON f.id = pf.feature_id
       JOIN feature_values v ON v.id = pf.value_id
       ORDER BY f.position, f.name`,
    )
    .all(JSON.stringify(personIds)) as { personId: string; feature: string; value: string }[];
  for (const r of rows) {
    let features = result.get(r.personId);
    if (!features) result.set(r.personId, (features = {}));
    features[r.feature] = r.value;
  }
  return result;
}

type ListRow = Omit<PersonListItem, 'erased' | 'features'> & { erasedAt: string | null };

/** At most this many words of a search are matched (the rest are ignored). */
export const MAX_SEARCH_TOKENS = 8;

const OPEN_DUPLICATES = `(SELECT count(*) FROM duplicate_flags d WHERE d.status = 'open' AND (d.person_a = p.id OR d.person_b = p.id))`;
/** Filters that are null do not apply; each search token must occur in the search key. */
const LIST_WHERE = `p.deleted_at IS NULL
  AND (@t0 IS NULL OR instr(p.search_key, @t0) > 0) AND (@t1 IS NULL OR instr(p.search_key, @t1) > 0)
  AND (@t2 IS NULL OR instr(p.search_key, @t2) > 0) AND (@t3 IS NULL OR instr(p.search_key, @t3) > 0)
  AND (@t4 IS NULL OR instr(p.search_key, @t4) > 0) AND (@t5 IS NULL OR instr(p.search_key, @t5) > 0)
  AND (@t6 IS NULL OR instr(p.search_key, @t6) > 0) AND (@t7 IS NULL OR instr(p.search_key, @t7) > 0)
  AND (@status IS NULL OR p.status = @status)
  AND (@valueId IS NULL OR EXISTS (SELECT 1 FROM person_features pf WHERE pf.person_id = p.id AND pf.value_id = @valueId))
  AND (@duplicatesOnly = 0 OR (SELECT count(*) FROM duplicate_flags d WHERE d.status = 'open' AND (d.person_a = p.id OR d.person_b = p.id)) > 0)`;
/** Every match's names, for sorting in the screen language's collation (SQLite has none). */
const LIST_NAMES = 'SELECT p.id, p.code, p.first_name AS firstName, p.last_name AS lastName FROM people p WHERE ' + LIST_WHERE;
const LIST_PEOPLE_BY_ID =
  `SELECT p.id, p.code, p.first_name AS firstName, p.last_name AS lastName, p.email, p.phone, p.city,
     p.birth_year AS birthYear, p.language, p.status, p.erased_at AS erasedAt, ` +
  OPEN_DUPLICATES +
  ` AS openDuplicates FROM json_each(@ids) ids JOIN people p ON p.id = ids.value`;

/** How a list of people is ordered: a collation (main/domain/text.ts peopleByName), injected so db/ stays below main/. */
export type PeopleOrder = (a: { firstName: string; lastName: string; code: string }, b: { firstName: string; lastName: string; code: string }) => number;

/**
 * One page of the pool. `searchTokens` are already folded with searchKey(): every token must
 * occur in the person's search key (names, code, e-mail, phone), in any order.
 */
export function listPeople(
  db: Db,
  query: Omit<PersonQuery, 'query'> & { searchTokens: string[] },
  order: PeopleOrder,
): { total: number; rows: PersonListItem[] } {
  const params: Record<string, unknown> = {
    status: query.status ?? null,
    valueId: query.valueId ?? null,
    duplicatesOnly: query.duplicatesOnly ? 1 : 0,
  };
  for (let i = 0; i < MAX_SEARCH_TOKENS; i++) params[`t${i}`] = query.searchTokens[i] ?? null;
  // The page is cut from the whole match sorted in the collation: SQLite's ORDER BY knows only
  // byte order, which puts "Élodie" after "Zoë". Names only are read for the sort.
  const names = db.prepare(LIST_NAMES).all(params) as { id: string; code: string; firstName: string; lastName: string }[];
  names.sort(order);
  const total = names.length;
  const offset = query.offset ?? 0;
  const pageIds = names.slice(offset, offset + (query.limit ?? 100)).map((n) => n.id);
  const position = new Map(pageIds.map((id, i) => [id, i]));
  const rows = (db.prepare(LIST_PEOPLE_BY_ID).all({ ids: JSON.stringify(pageIds) }) as ListRow[]).sort(
    (a, b) => position.get(a.id)! - position.get(b.id)!,
  );
  const features = featuresOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
    rows: rows.map(({ erasedAt, ...r }) => ({ ...r, erased: erasedAt !== null, features: features.get(r.id) ?? {} })),
  };
}

export function insertStatusChange(db: Db, change: StatusChange & { personId: string }): void {
  db.prepare(
    `INSERT INTO status_changes (id, person_id, from_status, to_status, date, reason, at, operator)
     VALUES (@id, @personId, @from, @to, @date, @reason, @at, @operator)`,
  ).run(change);
}

export function statusHistory(db: Db, personId: string): StatusChange[] {
  return db
    .prepare(
      `SELECT id, from_status AS "from", to_status AS "to", date, reason, at, operator
       FROM status_changes WHERE person_id = ? ORDER BY at, id`,
    )
    .all(personId) as StatusChange[];
}

export function insertContact(db: Db, contact: ContactEntry & { personId: string }): void {
  db.prepare(
    `INSERT INTO contacts (id, person_id, date, channel, outcome, note, operator, at)
     VALUES (@id, @personId, @date, @channel, @outcome, @note, @operator, @at)`,
  ).run(contact);
}

export function contactsOf(db: Db, personId: string): ContactEntry[] {
  return db
    .prepare(
      'SELECT id, date, channel, outcome, note, operator, at FROM contacts WHERE person_id = ? ORDER BY date DESC, at DESC, id DESC',
    )
    .all(personId) as ContactEntry[];
}

/** Live people of a household with a seat-holding status, apart from `exceptId`. */
export function seatedHouseholdMembers(db: Db, householdKey: string, exceptId: string): { id: string; code: string }[] {
  return db
    .prepare(
      `SELECT id, code FROM people
       WHERE household_key = ? AND id <> ? AND deleted_at IS NULL AND status IN ('selected', 'contacted', 'confirmed')`,
    )
    .all(householdKey, exceptId) as { id: string; code: string }[];
}

export function householdSize(db: Db, householdKey: string | null): number {
  if (householdKey === null) return 1;
  return (
    db.prepare('SELECT count(*) AS n FROM people WHERE household_key = ? AND deleted_at IS NULL').get(householdKey) as { n: number }
  ).n;
}

export function codeOf(db: Db, id: string | null): { id: string; code: string } | null {
  if (id === null) return null;
  return (db.prepare('SELECT id, code FROM people WHERE id = ?').get(id) as { id: string; code: string } | undefined) ?? null;
}

export function replacementsOf(db: Db, id: string): { id: string; code: string }[] {
  return db.prepare('SELECT id, code FROM people WHERE replaced_by = ? ORDER BY code').all(id) as { id: string; code: string }[];
}

/** Every code in use, so new codes never collide (erased people keep theirs). */
export function allCodes(db: Db): Set<string> {
  return new Set((db.prepare('SELECT code FROM people').pluck().all() as string[]));
}

/** Undoing the selection of a replacement: the person `id` replaced can be replaced again. */
export function clearReplacedBy(db: Db, id: string): void {
  db.prepare('UPDATE people SET replaced_by = NULL WHERE replaced_by = ?').run(id);
}

/** Erasure: the free text of a person's contacts and status changes goes (the rows stay). */
export function eraseContactAndStatusTexts(db: Db, personId: string): void {
  db.prepare("UPDATE contacts SET note = '', outcome = '(erased)' WHERE person_id = ?").run(personId);
  db.prepare("UPDATE status_changes SET reason = '(erased)' WHERE person_id = ? AND reason IS NOT NULL").run(personId);
}

export interface PersonName {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  language: PersonLanguage | null;
}

/** Code, names and language of the given people (any state), for lists such as a table plan. */
export function namesOf(db: Db, ids: string[]): PersonName[] {
  return db
    .prepare('SELECT id, code, first_name AS firstName, last_name AS lastName, language FROM people WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as PersonName[];
}

/**
 * The bank accounts of the given people, for the per-diem payments file: only accounts given
 * with consent (the API never stores one without), never of an erased person.
 */
export function bankAccountsOf(db: Db, ids: string[]): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT id, iban FROM people WHERE id IN (SELECT value FROM json_each(?))
       AND iban IS NOT NULL AND iban_consent_date IS NOT NULL AND erased_at IS NULL`,
    )
    .all(JSON.stringify(ids)) as { id: string; iban: string }[];
  return new Map(rows.map((r) => [r.id, r.iban]));
}

/** Live people (not deleted, not erased: erased people have no birth year any more) and their birth years. */
export function birthYearsOfLivePeople(db: Db): { id: string; code: string; birthYear: number | null }[] {
  return db
    .prepare('SELECT id, code, birth_year AS birthYear FROM people WHERE deleted_at IS NULL AND erased_at IS NULL')
    .all() as { id: string; code: string; birthYear: number | null }[];
}

/** Candidates for a draw (in the pool or reserve, not erased), by code. */
export function drawCandidates(db: Db): { id: string; code: string }[] {
  return db
    .prepare("SELECT id, code FROM people WHERE deleted_at IS NULL AND erased_at IS NULL AND status IN ('pool', 'reserve') ORDER BY code")
    .all() as { id: string; code: string }[];
}

/** Ids of everyone live in the respondent pool (not deleted, not erased). */
export function livePersonIds(db: Db): string[] {
  return db.prepare('SELECT id FROM people WHERE deleted_at IS NULL AND erased_at IS NULL').pluck().all() as string[];
}
