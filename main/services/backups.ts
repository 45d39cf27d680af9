/**
 * Backups of the open assembly: listed with what each holds, taken by hand, restored after a
 * backup of the state being replaced, and taken automatically (when the file is opened, and every
 * 15 minutes while changes happen; see startAutoBackup). "Save a copy" writes a consistent copy
 * elsewhere with the same online backup API.
 */
import { lstatSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import type { AssemblyInfo, BackupInfo } from '../domain/assembly/types';
import { backupSummary, listBackups, takeBackup, type BackupFile } from '../../db/backup';
import { totalChanges } from '../../db/connection';
import { assertNotLink, backupToNewFile } from '../assemblyFiles';
import { copyBeside, putInPlace, removeLeftoverRestores, sidecarsLeft } from '../restoreFile';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { openFile } from './app';
import { allEvents } from '../../db/attendance';
import { reapplyEvents, type ReappliedAttendance } from './attendance';
import { filePath } from './schemas';
import { venueHub, type ConnectedStation, type VenueHub } from '../venue/hub';

export const AUTO_BACKUP_MS = 15 * 60 * 1000;

function infoOf(b: BackupFile, nativeBinding?: string): BackupInfo {
  const summary = backupSummary(b.path, nativeBinding);
  return { name: b.name, at: b.at, reason: b.reason, bytes: b.bytes, ok: summary.ok, participants: summary.participants, checkIns: summary.checkIns, ballots: summary.ballots };
}

function requireOpen(ctx: AppContext): { path: string } {
  ctx.requireDb();
  return { path: ctx.open!.path };
}

/**
 * Every 15 minutes, a backup when the file changed since the last one (SQLite's total_changes
 * of this connection). The timer does not keep the process alive, and stops with the file.
 */
export function startAutoBackup(ctx: AppContext, everyMs = AUTO_BACKUP_MS): () => void {
  const opened = ctx.open;
  if (!opened) return () => {};
  let lastChanges = totalChanges(opened.db);
  const timer = setInterval(() => {
    if (ctx.open !== opened) {
      clearInterval(timer);
      return;
    }
    const changes = totalChanges(opened.db);
    if (changes === lastChanges) return;
    lastChanges = changes;
    // A failed automatic backup must not stop the desk: it is tried again at the next tick.
    void takeBackup(opened.db, opened.path, 'auto', ctx.clock()).catch(() => {});
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The restore itself, stations already paused (see backups.restore). `connected`: the stations
 * seen just before, named in the audit row with what the pause refused.
 */
async function restoreBackup(name: string, ctx: AppContext, connected: ConnectedStation[], hub: VenueHub): Promise<AssemblyInfo & { attendance: ReappliedAttendance }> {
  const { path } = requireOpen(ctx);
  const backup = listBackups(path).find((b) => b.name === name);
  if (!backup) throw new AppError('NOT_FOUND', `There is no backup called ${name}.`, { name }, 'backups.notFound');
  const summary = backupSummary(backup.path, ctx.nativeBinding);
  if (!summary.ok) {
    throw new AppError('FILE_CORRUPT', `That backup is damaged (${summary.problem}); choose another one. Nothing was changed.`, { name }, 'backups.damaged');
  }
  // The open file is replaced by a rename, never by writing into it: a link at its name is
  // refused now, before anything is done (the rename would replace the link, not its target).
  assertNotLink(path);
  removeLeftoverRestores(path);
  // The state being replaced is kept first: a restore can itself be undone.
  await takeBackup(ctx.requireDb(), path, 'before-restore', ctx.clock());
  // Check-ins acknowledged after the backup was taken (at this desk, or from stations) must not
  // vanish with the restore: they are applied again below, or listed.
  const eventsBefore = allEvents(ctx.requireDb());
  // The backup's bytes beside the file, flushed, while the live file is still untouched.
  const tmp = copyBeside(backup.path, path);
  try {
    // Closing the last connection moves the -wal into the file and removes the -wal and -shm:
    // none may be left to be applied to the restored file.
    ctx.closeAssembly();
    const left = sidecarsLeft(path);
    if (left.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${basename(path)} is open in another window or program (its ${left.map((p) => p.slice(path.length)).join(' and ')} file is in use): close it there, then restore again. Nothing was changed.`,
        { params: { name: basename(path) } },
        'backups.fileInUse',
      );
    }
    putInPlace(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    // The old file, as it was: open it again so the desk goes on.
    if (!ctx.open) await openFile(ctx, path, true, false);
    throw e;
  }
  const info = await openFile(ctx, path, true, false);
  const attendance = ctx.mutate((db, audit) => {
    const reapplied = reapplyEvents(db, audit, eventsBefore, ctx.nowIso());
    // Which stations were working when the restore began and were paused, and how many of
    // their calls were refused meanwhile (they were kept queued on the stations, sent after).
    const paused = hub.currentPause();
    if (connected.length > 0 || (paused?.refusedCalls ?? 0) > 0) {
      audit({
        entity: 'backup',
        entityId: null,
        action: 'backups.restore.stationsPaused',
        after: { backup: name, connected: connected.map((c) => c.name), refusedCalls: paused?.refusedCalls ?? 0, refusedDevices: paused?.devices ?? [] },
      });
    }
    return reapplied;
  });
  return { ...info, attendance };
}

export const backupHandlers = handlers({
  /** The backups of the open assembly, newest first, with what each holds. */
  'backups.list': {
    args: z.strictObject({}),
    run: (_args, ctx) => {
      const { path } = requireOpen(ctx);
      const backups = listBackups(path).map((b) => infoOf(b, ctx.nativeBinding));
      return { backups, lastBackupAt: backups[0]?.at ?? null };
    },
  },

  /** A backup now (kept until removed by hand). */
  'backups.create': {
    args: z.strictObject({}),
    run: async (_args, ctx): Promise<BackupInfo> => {
      const { path } = requireOpen(ctx);
      return infoOf(await takeBackup(ctx.requireDb(), path, 'manual', ctx.clock()), ctx.nativeBinding);
    },
  },

  /**
   * Replaces the open assembly by a backup, after taking a backup of the state it replaces.
   * Stations on the venue link are paused from the start until the restored file is open and the
   * attendance recorded since the backup is applied again: their calls are refused with
   * HOST_PAUSED (they keep queueing), never answered from a closed or half-restored file.
   */
  'backups.restore': {
    args: z.strictObject({ name: z.string().min(1).max(300).regex(/^[^/\\]+\.assembly$/, 'must be the name of a backup file') }),
    run: async (args, ctx): Promise<AssemblyInfo & { attendance: ReappliedAttendance }> => {
      // Paused at once, while the restore may still wait its turn behind another file operation.
      const hub = venueHub(ctx);
      const connected = hub.connected();
      const resume = hub.pauseStations();
      try {
        // A station call admitted just before the pause finishes on the file it started on.
        await hub.settled();
        return await ctx.exclusive(() => restoreBackup(args.name, ctx, connected, hub));
      } finally {
        resume();
      }
    },
  },

  /** A consistent copy of the open assembly at `path` ("Save a copy"), while the app keeps working. */
  'app.saveCopy': {
    args: z.strictObject({ path: filePath }),
    run: async (args, ctx) => {
      requireOpen(ctx);
      // A copy is an assembly file like any other: the start page lists *.assembly.
      const target = ctx.resolveUserPath(args.path.endsWith('.assembly') ? args.path : `${args.path}.assembly`);
      if (lstatSync(target, { throwIfNoEntry: false })?.isFile()) {
        throw new AppError('FILE_EXISTS', `${basename(target)} already exists. Choose another name.`, { path: target });
      }
      if (!lstatSync(dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppError('NOT_FOUND', `The folder ${dirname(target)} does not exist. Choose a folder that exists; nothing was written.`, { params: { folder: dirname(target) } }, 'backups.folderMissing');
      }
      // Never through a symbolic link, never over a file that appears meanwhile (see assemblyFiles.ts).
      await backupToNewFile(ctx.requireDb(), target);
      // A copy outside the app's folders is out of its reach (an erasure cannot follow it): it is
      // recorded, so that whoever erases a person later is told where copies went.
      ctx.mutate((_db, audit) => audit({ entity: 'assembly', entityId: null, action: 'app.saveCopy', after: { path: target } }));
      return { path: target, bytes: statSync(target).size };
    },
  },
});
