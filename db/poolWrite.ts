import type { PersonIdentity, PersonNeeds } from '../main/domain/recruitment/types';
import type { Db } from './connection';

/**
 * Inserts for the respondent pool (features, their values, people, person features).
 * Statements are prepared once per writer and reused for every row: preparing per row
 * costs more than the insert itself when a pool of thousands is written.
 * Callers run the writer inside their own transaction, with their audit row.
 */

export interface FeatureRow {
  id: string;
  name: string;
  position: number;
  createdAt: string;
}

export interface FeatureValueRow {
  id: string;
  featureId: string;
  value: string;
  position: number;
}

export interface PersonRow extends PersonIdentity {
  id: string;
  code: string;
  householdKey: string | null;
  status: string;
  /** searchKey() of the person's names, contacts and code. */
  searchKey: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** The import that brought the person in (null for the demo and hand entry). */
  importId?: string | null;
  /** Hash of the imported row's normalised content: recognises the same row imported again. */
  fingerprint?: string | null;
  /** From the file's needs columns; none when absent. */
  needs?: PersonNeeds;
}

export interface PersonFeatureRow {
  personId: string;
  featureId: string;
  valueId: string;
}

export interface PoolWriter {
  insertFeature(row: FeatureRow): void;
  insertFeatureValue(row: FeatureValueRow): void;
  insertPerson(row: PersonRow): void;
  insertPersonFeature(row: PersonFeatureRow): void;
}

export function createPoolWriter(db: Db): PoolWriter {
  const feature = db.prepare('INSERT INTO features (id, name, position, created_at) VALUES (@id, @name, @position, @createdAt)');
  const featureValue = db.prepare(
    'INSERT INTO feature_values (id, feature_id, value, position) VALUES (@id, @featureId, @value, @position)',
  );
  // Positional parameters: binding 26 named values from an object costs more per row, and an
  // import writes 50,000 of them.
  const person = db.prepare(
    `INSERT INTO people (id, code, external_id, first_name, last_name, email, phone, street, house_number, postcode, city,
       birth_year, language, household_key, status, search_key, notes, created_at, updated_at, deleted_at, import_id, fingerprint,
       needs_accessibility, needs_diet, needs_childcare, needs_travel)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  const personFeature = db.prepare('INSERT INTO person_features (person_id, feature_id, value_id) VALUES (?, ?, ?)');
  return {
    insertFeature: (row) => void feature.run(row),
    insertFeatureValue: (row) => void featureValue.run(row),
    insertPerson: (p) =>
      void person.run(
        p.id,
        p.code,
        p.externalId,
        p.firstName,
        p.lastName,
        p.email,
        p.phone,
        p.street,
        p.houseNumber,
        p.postcode,
        p.city,
        p.birthYear,
        p.language,
        p.householdKey,
        p.status,
        p.searchKey,
        p.notes,
        p.createdAt,
        p.updatedAt,
        p.importId ?? null,
        p.fingerprint ?? null,
        p.needs?.accessibility ?? '',
        p.needs?.diet ?? '',
        p.needs?.childcare ? 1 : 0,
        p.needs?.travel ?? '',
      ),
    insertPersonFeature: (row) => void personFeature.run(row.personId, row.featureId, row.valueId),
  };
}
