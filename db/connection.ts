import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { makeAssemblyFilePrivate, makeBackupDirPrivate, makePrivate, makePrivateDir } from './privateFiles';
import { basename, dirname, join } from 'node:path';
import { DbFileError } from './errors';
import { loadMigrations, type Migration } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id of every assembly file ('ASDK'): tells our files from other SQLite files. */
export const APPLICATION_ID = 0x4153444b;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Create the file; refuses when it already exists. */
  create?: boolean;
  /** Path of a better-sqlite3 addon built for Electron (see ARCHITECTURE.md); Node's build otherwise. */
  nativeBinding?: string;
  migrations?: Migration[];
  now?: () => Date;
}

export interface OpenedDb {
  db: Db;
  /** user_version before migrating (0 for a new file). */
  migratedFrom: number;
  schemaVersion: number;
  /** The copy taken before migrating an existing file, if any. */
  backupPath: string | null;
}

/** Folder beside an assembly file where its backups go: `demo.assembly` -> `demo.assembly.backups/`. */
export function backupDirFor(filePath: string): string {
  return join(dirname(filePath), `${basename(filePath)}.backups`);
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The first 100 bytes of the file: the SQLite database header, when it is one. */
function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK); // WAL needs its -wal and -shm files beside it
    return true;
  } catch {
    return false;
  }
}

/** Every connection gets the same pragmas (why: see ARCHITECTURE.md, "The assembly file"). */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL in WAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted and replaced content is overwritten with zeros, not left in free space: an erased
  // person's name must not survive in the file's unused bytes (see db/erasure.ts).
  db.pragma('secure_delete = ON');
  // How long a write waits for another connection's write (another process on the same file:
  // web mode and the CLI, or two windows) before giving up with "database is locked". Writes are
  // immediate transactions (AppContext.mutate), so they queue here; our longest ordinary write
  // (an import of tens of thousands of people) takes a few seconds, and a desk operator would
  // rather wait 10 s once than see an error. Longer would leave the screen frozen with no word.
  // (10 s is also named in the message of main/registry.ts busyProblem.)
  db.pragma('busy_timeout = 10000');
  // 32 MB of page cache (the default is 2 MB): an import of 50,000 people touches far more pages
  // than 2 MB in one transaction, and SQLite would spill them to the WAL half-way through.
  db.pragma('cache_size = -32768');
}

/** Rows this connection has changed since it was opened (SQLite's total_changes()). */
export function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Changes when another connection commits to the file (PRAGMA data_version). */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

function sqliteCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/**
 * Opens (or creates) an assembly file: checks it is ours and intact, refuses files newer
 * than this app, backs it up, then applies pending migrations one transaction each.
 */
export async function openAssemblyDb(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  const now = options.now ?? (() => new Date());
  const exists = existsSync(path);

  if (options.create && exists) {
    throw new DbFileError('FILE_EXISTS', `A file already exists at ${path}. Choose another name or open it instead.`, { path });
  }
  if (!options.create) {
    if (!exists) throw new DbFileError('FILE_NOT_FOUND', `No file at ${path}.`, { path });
    if (statSync(path).isDirectory()) throw new DbFileError('NOT_AN_ASSEMBLY', `${path} is a folder, not an assembly file.`, { path });
    const header = statSync(path).size === 0 ? Buffer.alloc(0) : readHeader(path);
    if (header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
      throw new DbFileError('NOT_AN_ASSEMBLY', `${basename(path)} is not an Assembly Desk file (it is not an SQLite database).`, { path });
    }
    // Another program's database is refused from its header, before SQLite opens it: closing
    // even a read-only look would checkpoint a -wal left by that program into its file.
    // (Every assembly carries the id in the file itself: createAssemblyFile checkpoints it there.)
    if (header.length === 100 && header.readUInt32BE(68) !== APPLICATION_ID) {
      throw new DbFileError('NOT_AN_ASSEMBLY', `${basename(path)} is an SQLite database, but not an Assembly Desk file. It was not changed.`, { path });
    }
    // A file written by an older version (or copied in) may be readable by every account: its
    // -wal and -shm, created below, copy the file's mode, so it is set first.
    makeAssemblyFilePrivate(path);
    makeBackupDirPrivate(backupDirFor(path));
  } else {
    mkdirSync(dirname(path), { recursive: true });
  }

  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
    if (options.create) makeAssemblyFilePrivate(path);
  } catch (e) {
    throw new DbFileError('FILE_CORRUPT', `${basename(path)} could not be opened: ${(e as Error).message}`, { path });
  }

  try {
    // Everything that decides whether we may touch the file is read before anything is
    // written to it: the pragmas below switch it to WAL, and migrations add tables.
    if (!options.create) {
      const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      if (check.length !== 1 || check[0]?.integrity_check !== 'ok') {
        throw new DbFileError('FILE_CORRUPT', `${basename(path)} is damaged (the integrity check failed). Open its latest backup instead.`, {
          path,
          problems: check.slice(0, 10).map((r) => r.integrity_check),
        });
      }
    }
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const fromVersion = db.pragma('user_version', { simple: true }) as number;
    // Only a file we create ourselves may start from version 0; any other file must carry our id.
    if (!options.create && (applicationId !== APPLICATION_ID || fromVersion === 0)) {
      throw new DbFileError('NOT_AN_ASSEMBLY', `${basename(path)} is an SQLite database, but not an Assembly Desk file. It was not changed.`, { path });
    }
    if (fromVersion > latest) {
      throw new DbFileError(
        'FILE_TOO_NEW',
        `${basename(path)} was written by a newer version of Assembly Desk (file version ${fromVersion}, this app knows up to ${latest}). Update the app to open it; the file was not changed.`,
        { path, fileVersion: fromVersion, appVersion: latest },
      );
    }
    if (!options.create && !isWritable(path)) {
      throw new DbFileError('FORBIDDEN', `${basename(path)} is read-only here. Copy it to a folder where you may write, then open the copy.`, { path });
    }
    applyPragmas(db);

    let backupPath: string | null = null;
    if (fromVersion > 0 && fromVersion < latest) {
      const dir = backupDirFor(path);
      makePrivateDir(dir);
      backupPath = join(dir, `${basename(path, '.assembly')}-before-v${latest}-${stamp(now())}.assembly`);
      // The online backup API gives a consistent copy even of a WAL database.
      await db.backup(backupPath);
      makePrivate(backupPath);
    }

    for (const migration of migrations.filter((m) => m.version > fromVersion)) {
      // Immediate (the write lock at BEGIN, waiting for the busy timeout): two processes opening
      // the same old file queue here instead of one failing with "database is locked".
      db.transaction(() => {
        db.exec(migration.sql);
        // user_version is transactional: a failed migration leaves the old number in place.
        db.pragma(`user_version = ${migration.version}`);
        if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      }).immediate();
    }
    return { db, migratedFrom: fromVersion, schemaVersion: latest, backupPath };
  } catch (e) {
    db.close();
    if (e instanceof DbFileError) throw e;
    const code = sqliteCode(e);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new DbFileError('FILE_CORRUPT', `${basename(path)} is damaged and cannot be opened. Open its latest backup instead.`, { path, sqliteCode: code });
    }
    throw e;
  }
}
