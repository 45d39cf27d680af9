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

export interface PersonRow {
  id: string;
  code: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  birthYear: number | null;
  language: 'nl' | 'fr' | 'de' | 'en' | null;
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
  const person = db.prepare(
    `INSERT INTO people (id, code, external_id, first_name, last_name, email, phone, street, house_number, postcode, city,
       birth_year, language, household_key, status, search_key, notes, created_at, updated_at, deleted_at, import_id, fingerprint)
     VALUES (@id, @code, @externalId, @firstName, @lastName, @email, @phone, @street, @houseNumber, @postcode, @city,
       @birthYear, @language, @householdKey, @status, @searchKey, @notes, @createdAt, @updatedAt, NULL, @importId, @fingerprint)`,
  );
  const personFeature = db.prepare(
    'INSERT INTO person_features (person_id, feature_id, value_id) VALUES (@personId, @featureId, @valueId)',
  );
  return {
    insertFeature: (row) => void feature.run(row),
    insertFeatureValue: (row) => void featureValue.run(row),
    insertPerson: (row) => void person.run({ importId: null, fingerprint: null, ...row }),
    insertPersonFeature: (row) => void personFeature.run(row),
  };
}
