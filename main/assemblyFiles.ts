/**
 * Files the app creates at a path a person gave (a new assembly, the demo, "Save a copy", a
 * report written by the command line). Two rules, whatever the path:
 * - never through a symbolic link: a link at the name (even one pointing nowhere) is refused, so
 *   nobody can steer the app into writing an assembly's personal data into another file;
 * - never over an existing file: the file is made under a temporary name in the same folder,
 *   created exclusively (O_EXCL, which also refuses a link), and put in place with a hard link,
 *   which fails when the name is taken (rename would replace it silently).
 */
import { closeSync, copyFileSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { openAssemblyDb, type Db, type OpenOptions, type OpenedDb } from '../db/connection';
import { DbFileError } from '../db/errors';
import { AppError } from './errors';

export interface CreateOptions {
  nativeBinding?: string;
  now?: () => Date;
}

function isCode(e: unknown, ...codes: string[]): boolean {
  return typeof e === 'object' && e !== null && codes.includes(String((e as { code?: unknown }).code));
}

/**
 * Opens (or creates) an assembly file with db/'s openAssemblyDb; a refusal from db/ (not ours,
 * damaged, too new...) becomes the AppError with the same code, message and details.
 */
export async function openAssembly(path: string, options: OpenOptions = {}): Promise<OpenedDb> {
  try {
    return await openAssemblyDb(path, options);
  } catch (e) {
    if (e instanceof DbFileError) throw new AppError(e.code, e.message, e.details);
    throw e;
  }
}

const fileExists = (target: string) =>
  new AppError('FILE_EXISTS', `A file already exists at ${target}. Choose another name or open it instead.`, { path: target });

/** Files the app writes hold personal data: readable by their owner only (ARCHITECTURE.md). */
const OWNER_ONLY = 0o600;

function linkRefused(target: string): AppError {
  return new AppError(
    'FILE_EXISTS',
    `${target} is a symbolic link (a shortcut to another file). Assembly Desk never writes through a link, so that it cannot overwrite another file: choose another name.`,
    { path: target, params: { name: basename(target) } },
    'errors.fileIsLink',
  );
}

/**
 * Refuses a name that is taken in any way: a file, a folder, or a symbolic link (looked at with
 * lstat, so a link pointing nowhere counts too: writing to it would create its target).
 */
export function assertNameFree(target: string): void {
  const found = lstatSync(target, { throwIfNoEntry: false });
  if (!found) return;
  if (found.isSymbolicLink()) throw linkRefused(target);
  throw fileExists(target);
}

/** Refuses a symbolic link at `target` (an existing file may be replaced, by rename, on request). */
export function assertNotLink(target: string): void {
  if (lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) throw linkRefused(target);
}

/** A fresh name beside `target`, for building a file before it is put in place. */
function tempBeside(target: string, purpose: string): string {
  return join(dirname(target), `.${basename(target)}.${purpose}-${randomBytes(6).toString('hex')}`);
}

/** Creates an empty file exclusively (O_CREAT | O_EXCL: never an existing file, never a link), owner-only. */
function createEmpty(path: string): void {
  closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, OWNER_ONLY));
}

/** Writes `bytes` to a new temporary file beside `target`, flushed to disk; returns its path. */
function writeTemp(target: string, bytes: Uint8Array, purpose: string): string {
  const tmp = tempBeside(target, purpose);
  const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, OWNER_ONLY);
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  return tmp;
}

/**
 * Writes a new file at `target` with `bytes`: complete or not at all (built under a temporary
 * name), never over an existing file, never through a link.
 */
export function writeNewFile(target: string, bytes: Uint8Array): void {
  assertNameFree(target);
  const tmp = writeTemp(target, bytes, 'writing');
  try {
    placeWithoutOverwrite(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Replaces the file at `target` (the person asked for it, e.g. the command line's --force) with
 * `bytes`: built beside it and renamed over it, so a failure keeps the old file, and a link at
 * the name is refused rather than followed.
 */
export function replaceFile(target: string, bytes: Uint8Array): void {
  assertNotLink(target);
  const tmp = writeTemp(target, bytes, 'writing');
  try {
    // rename replaces the name itself: it never writes into what a link points to.
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * A consistent copy of an open assembly (SQLite's online backup API) as a new file at `target`:
 * the copy is made into a temporary file created exclusively beside it, then put in place without
 * replacing anything.
 */
export async function backupToNewFile(db: Db, target: string): Promise<void> {
  assertNameFree(target);
  const tmp = tempBeside(target, 'copying');
  // Created here, exclusively, so SQLite opens a file that is ours (never a link planted there).
  createEmpty(tmp);
  try {
    await db.backup(tmp);
    placeWithoutOverwrite(tmp, target);
  } finally {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  }
}

/**
 * Puts a finished file at `target` without ever replacing one that appeared there meanwhile
 * (rename would, silently): a hard link fails when the name is taken. File systems without
 * hard links (FAT on a USB stick) get an exclusive copy instead.
 */
export function placeWithoutOverwrite(source: string, target: string): void {
  // A name taken meanwhile (a file, or a link: neither link() nor an exclusive copy follows one)
  // is refused with the sentence that fits what is there.
  const taken = () => {
    assertNameFree(target);
    return fileExists(target);
  };
  try {
    linkSync(source, target);
  } catch (e) {
    if (isCode(e, 'EEXIST')) throw taken();
    if (!isCode(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS')) throw e;
    try {
      copyFileSync(source, target, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (isCode(copyError, 'EEXIST')) throw taken();
      throw copyError;
    }
  }
  rmSync(source, { force: true });
}

/**
 * Creates a new assembly file. It is built under a temporary name and put in place only when
 * complete, so an interruption never leaves a half-made assembly behind, and an existing file
 * is never overwritten.
 */
export async function createAssemblyFile(
  target: string,
  options: CreateOptions,
  fill: (db: Db) => void | Promise<void>,
): Promise<void> {
  assertNameFree(target);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.creating-${randomBytes(6).toString('hex')}`);
  const { db } = await openAssembly(tmp, { create: true, nativeBinding: options.nativeBinding, now: options.now });
  try {
    await fill(db);
    // Closing checkpoints the WAL into the main file, so one complete file is put in place.
    db.close();
    placeWithoutOverwrite(tmp, target);
  } finally {
    if (db.open) db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
  }
}
