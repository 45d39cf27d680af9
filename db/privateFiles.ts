/**
 * Assembly files, their WAL and shared-memory files, and their backups hold citizens' personal
 * data: they are readable by their owner only (0600 for files, 0700 for folders), whoever else
 * has an account on the laptop. SQLite creates a database (and its -wal and -shm, which copy
 * the database's mode) with the process's default mode, usually 0644, and the online backup API
 * does the same for a backup; so the modes are set here, after each of those, and again when a
 * file made by an older version is opened.
 *
 * Windows has no such modes (chmod only toggles read-only there): files under the user's profile
 * are private to that user by the folder's access list, which is where the app keeps them.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

const POSIX = process.platform !== 'win32';

/**
 * Sets a file or folder to owner-only, if it is one: a symbolic link is left alone (chmod
 * would follow it to whatever it points at), and so is a missing path.
 */
export function makePrivate(path: string): void {
  if (!POSIX) return;
  const found = lstatSync(path, { throwIfNoEntry: false });
  if (!found || found.isSymbolicLink()) return;
  if (found.isDirectory()) {
    if ((found.mode & 0o777) !== OWNER_ONLY_DIR) chmodSync(path, OWNER_ONLY_DIR);
  } else if (found.isFile() && (found.mode & 0o777) !== OWNER_ONLY_FILE) {
    chmodSync(path, OWNER_ONLY_FILE);
  }
}

/** Creates a folder (and its parents) owner-only; an existing folder is made owner-only too. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  makePrivate(dir);
}

/** An assembly file with its -wal and -shm files. */
export function makeAssemblyFilePrivate(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) makePrivate(`${path}${suffix}`);
}

/** A backups folder and every file in it. */
export function makeBackupDirPrivate(dir: string): void {
  if (!POSIX) return;
  const found = lstatSync(dir, { throwIfNoEntry: false });
  if (!found?.isDirectory()) return;
  makePrivate(dir);
  for (const name of readdirSync(dir)) makePrivate(join(dir, name));
}

/**
 * Makes every file and folder this process creates from now on owner-only (umask 077): exports,
 * temporary files and anything a library writes, not only the files set above. Called once by
 * each entry point (Electron, web mode, the CLI); a no-op on Windows.
 */
export function ownerOnlyByDefault(): void {
  if (POSIX) process.umask(0o077);
}
