/**
 * Erasure that reaches every copy the app made. A person's erasure (people.erase) blanks their
 * identifying fields in the open file; here the same fields are blanked in each backup of the
 * file, and the live file's write-ahead log is emptied, so that neither a backup nor a restore
 * brings the person back, and no page of an older version keeps their bytes.
 *
 * Freed space: every connection runs with secure_delete (db/connection.ts applyPragmas), which
 * overwrites deleted and replaced content with zeros; a backup is changed with it on too.
 */
import Database from 'better-sqlite3';
import { lstatSync } from 'node:fs';
import type { Db } from './connection';
import { APPLICATION_ID } from './connection';
import { eraseContactAndStatusTexts, isPersonField, updatePersonFields } from './people';
import { makePrivate } from './privateFiles';

/** A person's row as stored, column by column. */
export function personRow(db: Db, personId: string): Record<string, unknown> | undefined {
  return db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as Record<string, unknown> | undefined;
}

/**
 * The columns an erasure changed, with their new values: what a backup must receive. The update
 * time is left out, so a backup keeps its own history apart from the erasure itself.
 */
export function erasedColumns(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(after)) {
    if (column === 'updated_at' || column === 'id') continue;
    if (before[column] !== value) changed[column] = value;
  }
  return changed;
}

/**
 * Moves the write-ahead log's pages into the file and truncates it to zero bytes, so that the
 * pages written before the erasure are gone from the -wal. Returns false when another
 * connection (another window or process reading the file) kept it from completing.
 */
export function emptyWriteAheadLog(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}

const columnsOf = (db: Db, table: string): Set<string> =>
  new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));

/**
 * Applies an erasure to one backup file: the person's changed columns (those the backup's schema
 * has: a backup taken before a migration may lack newer ones), and the texts of their contact
 * log and status changes. Throws when the file is not a readable Assembly Desk file or is a link.
 */
export function eraseInBackup(path: string, personId: string, columns: Record<string, unknown>, nativeBinding?: string): void {
  // Never through a link: it could point at any file of the account.
  if (lstatSync(path).isSymbolicLink()) throw new Error('it is a symbolic link');
  const db = new Database(path, { fileMustExist: true, nativeBinding });
  try {
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) throw new Error('it is not an Assembly Desk file');
    db.pragma('secure_delete = ON');
    // A backup is a single file (no -wal beside it once closed): the rollback journal keeps a
    // change to it all-or-nothing, and is removed at the commit.
    db.pragma('journal_mode = DELETE');
    db.pragma('busy_timeout = 10000');
    const people = columnsOf(db, 'people');
    // Only columns this backup's schema has (a backup taken before a migration may lack newer
    // ones), each by its field's fixed statement in db/people.ts (people.first_name -> firstName).
    const fieldOf = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const fields = Object.fromEntries(Object.entries(columns).filter(([column]) => people.has(column) && isPersonField(fieldOf(column))).map(([column, value]) => [fieldOf(column), value]));
    db.transaction(() => {
      updatePersonFields(db, personId, fields, String(columns.erased_at ?? new Date().toISOString()));
      // The contact log and status reasons, as the open file's erasure does (both since schema 2).
      if (columnsOf(db, 'contacts').has('note') && columnsOf(db, 'status_changes').has('reason')) eraseContactAndStatusTexts(db, personId);
    }).immediate();
  } finally {
    db.close();
  }
  makePrivate(path);
}
