/**
 * The file side of restoring a backup (backups.restore): the open assembly is replaced by a
 * backup's content all at once, so that a restore interrupted at any moment (a kill, a crash, the
 * power going) leaves either the old file or the new one, complete, never a mixture or a 0-byte
 * file. Three steps:
 *   1. copyBeside: the backup's bytes into a new temporary file in the target's folder (created
 *      exclusively and owner-only, never through a link), flushed to disk; the live file is not
 *      touched yet.
 *   2. the caller closes the live connection (SQLite then moves the -wal into the file and removes
 *      the -wal and -shm) and checks with sidecarsLeft that no other connection keeps them.
 *   3. putInPlace: the temporary file is renamed over the target (atomic on one file system) and
 *      the folder is flushed, so the new name survives a power cut.
 * The old file's -wal and -shm are gone before the rename: SQLite would otherwise apply the old
 * file's log to the new file when opening it.
 */
import { closeSync, constants, existsSync, fstatSync, fsyncSync, openSync, readSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { OWNER_ONLY_FILE } from '../db/privateFiles';

/**
 * Test seam (tests/helpers/restoreChild.ts): called as the copy goes and just before the rename,
 * so that a test can kill the process at a chosen byte or between the flush and the rename. Empty
 * in the app.
 */
export const restoreHooks: { copied?: (bytes: number) => void; beforeRename?: () => void; afterRename?: () => void } = {};

const CHUNK = 1 << 20;
const TEMP_MARK = 'restoring';
// O_NOFOLLOW is missing on Windows (0 there): links are refused by lstat in the callers as well.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** The temporary files a restore makes beside `target`: `.<name>.restoring-<random>`. */
const tempPrefix = (target: string) => `.${basename(target)}.${TEMP_MARK}-`;

/**
 * Copies `source` into a new temporary file beside `target` and flushes it; returns its path.
 * The source is opened without following a link; the temporary file is created exclusively
 * (never an existing file, never a link) and owner-only. On failure nothing is left behind.
 */
export function copyBeside(source: string, target: string): string {
  const tmp = join(dirname(target), `${tempPrefix(target)}${randomBytes(6).toString('hex')}`);
  const input = openSync(source, constants.O_RDONLY | NOFOLLOW);
  let output: number | null = null;
  try {
    if (!fstatSync(input).isFile()) throw new Error(`${basename(source)} is not a regular file`);
    output = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | NOFOLLOW, OWNER_ONLY_FILE);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let copied = 0;
    for (;;) {
      const n = readSync(input, buffer, 0, CHUNK, copied);
      if (n === 0) break;
      let written = 0;
      while (written < n) written += writeSync(output, buffer, written, n - written, copied + written);
      copied += n;
      restoreHooks.copied?.(copied);
    }
    // On the disk before the rename: otherwise a power cut could leave the new name on an empty file.
    fsyncSync(output);
    closeSync(output);
    output = null;
    return tmp;
  } catch (e) {
    if (output !== null) closeSync(output);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    closeSync(input);
  }
}

/**
 * The -wal and -shm still beside a closed file: SQLite removes them when its last connection
 * closes, so any left means another window or program has the file open (or is writing it).
 */
export function sidecarsLeft(path: string): string[] {
  return ['-wal', '-shm'].map((suffix) => path + suffix).filter((p) => existsSync(p));
}

/** Renames the finished temporary file over `target` and flushes the folder's entry. */
export function putInPlace(tmp: string, target: string): void {
  restoreHooks.beforeRename?.();
  // rename replaces the name itself (a link at `target` is refused by the caller beforehand).
  renameSync(tmp, target);
  flushFolder(dirname(target));
  restoreHooks.afterRename?.();
}

/** fsync of a folder: makes a rename in it durable. Not possible on Windows, where it is skipped. */
function flushFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) refuse to flush a folder: the rename stands regardless.
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes temporary files an interrupted restore left beside `target` (they hold a copy of the
 * assembly, so personal data): called before a restore and when the file is opened.
 */
export function removeLeftoverRestores(target: string): void {
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(prefix)) rmSync(join(dirname(target), name), { force: true });
}
