import { copyFileSync, constants, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
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

/**
 * Puts a finished file at `target` without ever replacing one that appeared there meanwhile
 * (rename would, silently): a hard link fails when the name is taken. File systems without
 * hard links (FAT on a USB stick) get an exclusive copy instead.
 */
export function placeWithoutOverwrite(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (e) {
    if (isCode(e, 'EEXIST')) throw fileExists(target);
    if (!isCode(e, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS')) throw e;
    try {
      copyFileSync(source, target, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (isCode(copyError, 'EEXIST')) throw fileExists(target);
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
  if (existsSync(target)) throw fileExists(target);
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
