/** What the reports read beyond the other areas' queries (main/reports/data.ts gathers it). */
import type { Db } from './connection';

export interface ReportPersonRow {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  status: string;
  language: string | null;
}

/** Everyone live (not deleted, not erased) who was ever selected: the panel, those who declined or withdrew. */
export function everSelectedPeople(db: Db): ReportPersonRow[] {
  return db
    .prepare(
      `SELECT id, code, first_name AS firstName, last_name AS lastName, email, phone, street, house_number AS houseNumber,
         postcode, city, status, language FROM people
       WHERE deleted_at IS NULL AND erased_at IS NULL
         AND (status IN ('selected', 'contacted', 'confirmed', 'declined', 'withdrawn')
              OR id IN (SELECT person_id FROM status_changes WHERE to_status = 'selected'))`,
    )
    .all() as ReportPersonRow[];
}

/** Ids of everyone who was ever confirmed, from the status history (whatever their state now). */
export function everConfirmedIds(db: Db): string[] {
  return db.prepare("SELECT DISTINCT person_id FROM status_changes WHERE to_status = 'confirmed'").pluck().all() as string[];
}
