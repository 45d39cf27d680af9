/**
 * Who is a participant: the one definition of "confirmed participant", used by every query
 * that counts or lists the panel (attendance, agenda balance, reports, backups, tables).
 * Erased and soft-deleted people are never participants: an erased person takes no seat.
 */
import type { Db } from './connection';

/** SQL condition on the `people` table (unaliased) for a confirmed participant. */
export const IS_CONFIRMED_PARTICIPANT = "status = 'confirmed' AND deleted_at IS NULL AND erased_at IS NULL";

/** The same condition on an aliased `people` table, e.g. `confirmedParticipantOn('p')`. */
export function confirmedParticipantOn(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  return `${alias}.status = 'confirmed' AND ${alias}.deleted_at IS NULL AND ${alias}.erased_at IS NULL`;
}

/** How many confirmed participants the assembly has (the expected attendance). */
export function confirmedParticipantCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM people WHERE ' + IS_CONFIRMED_PARTICIPANT).pluck().get() as number;
}

/** The ids of the confirmed participants (the panel). */
export function confirmedParticipantIds(db: Db): string[] {
  return db.prepare('SELECT id FROM people WHERE ' + IS_CONFIRMED_PARTICIPANT).pluck().all() as string[];
}
