import type { Db } from './connection';

export interface AssemblyRow {
  id: string;
  name: string;
  panelSize: number;
  createdAt: string;
  updatedAt: string;
}

export function readAssemblyRow(db: Db): AssemblyRow | null {
  const row = db
    .prepare('SELECT id, name, panel_size AS panelSize, created_at AS createdAt, updated_at AS updatedAt FROM assembly LIMIT 1')
    .get() as AssemblyRow | undefined;
  return row ?? null;
}

export function insertAssemblyRow(db: Db, row: AssemblyRow): void {
  db.prepare(
    'INSERT INTO assembly (id, name, panel_size, created_at, updated_at) VALUES (@id, @name, @panelSize, @createdAt, @updatedAt)',
  ).run(row);
}

/** The assembly's name, as reports and documents print it. */
export function assemblyName(db: Db): string {
  return (db.prepare('SELECT name FROM assembly LIMIT 1').pluck().get() as string | undefined) ?? 'Assembly';
}

/** Sets the assembly's time zone (an IANA name the caller has checked). */
export function writeTimeZone(db: Db, timeZone: string, updatedAt: string): void {
  db.prepare('UPDATE assembly SET time_zone = ?, updated_at = ?').run(timeZone, updatedAt);
}
