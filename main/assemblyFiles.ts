import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openAssemblyDb, type Db } from '../db/connection';
import { AppError } from './errors';

export interface CreateOptions {
  nativeBinding?: string;
  now?: () => Date;
}

/**
 * Creates a new assembly file. It is built under a temporary name and renamed into place
 * only when complete, so an interruption never leaves a half-made assembly behind.
 */
export async function createAssemblyFile(
  target: string,
  options: CreateOptions,
  fill: (db: Db) => void | Promise<void>,
): Promise<void> {
  if (existsSync(target)) {
    throw new AppError('FILE_EXISTS', `A file already exists at ${target}. Choose another name or open it instead.`, { path: target });
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.creating-${process.pid}`;
  rmSync(tmp, { force: true });
  const { db } = await openAssemblyDb(tmp, { create: true, nativeBinding: options.nativeBinding, now: options.now });
  try {
    await fill(db);
    // Closing checkpoints the WAL into the main file, so the rename moves one complete file.
    db.close();
    renameSync(tmp, target);
  } catch (e) {
    if (db.open) db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(tmp + suffix, { force: true });
    throw e;
  }
}
