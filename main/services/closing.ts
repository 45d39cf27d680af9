/**
 * The end date of an assembly (issue 18): its retention date, and "Close the assembly", which
 * removes the contact data of everyone from the open file and every backup the app keeps, and
 * writes a certificate for the data-protection officer. Host-only (main/roles.ts names none of
 * these methods): they touch files.
 *
 * Order of a closing: the open file in one transaction (with the closed mark and the audit row),
 * its write-ahead log emptied, then each backup in its own transaction. A backup that cannot be
 * processed (a link, damaged, not ours) is named with the reason in the result, the audit log and
 * the certificate, with what to do: delete it by hand, or close again once it is readable (a later
 * pass reaches the backups only). The open file is never left half-done.
 */
import { z } from 'zod';
import type { ExportedBinaryFile } from '../domain/assembly/types';
import {
  REMOVED_DATA,
  KEPT_DATA,
  defaultRetentionDate,
  householdLabels,
  type ClosureSummary,
} from '../domain/assembly/retention';
import { personSearchKey } from '../domain/recruitment/personKeys';
import { searchKey } from '../domain/text';
import { readAssemblyRow } from '../../db/assemblyMeta';
import { timeZone } from '../../db/attendance';
import { savedCopiesSince } from '../../db/audit';
import { listBackups } from '../../db/backup';
import {
  clearContactData,
  closeBackup,
  closingPreview,
  insertClosure,
  lastSessionDate,
  listClosures,
  markClosed,
  personIds,
  readRetention,
  writeRetention,
  type ClosingPlan,
} from '../../db/closure';
import type { Db } from '../../db/connection';
import { emptyWriteAheadLog } from '../../db/erasure';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { status } from './app';
import { assemblyToday, closedError, retentionDateError, retentionInfo } from './retention';
import { requiredText } from './schemas';

const ISO_DATE = z.string().trim().min(1, 'is required').max(10, 'must be a date written YYYY-MM-DD');

/** The rules closing applies, handed to the SQL (db/ knows no domain code). */
function plan(removeNeverSelected: boolean, keepIds: string[] | null): ClosingPlan {
  return {
    removeNeverSelected,
    keepIds,
    // A search then finds a person by code only, as after an erasure.
    searchKey: (code) => personSearchKey({ firstName: '', lastName: '', code, email: null, phone: null }),
    householdLabels: (keys) => householdLabels(keys),
  };
}

function requireNotClosed(db: Db): void {
  const r = readRetention(db);
  if (r.closedAt !== null) throw closedError(r.closedAt);
}

function closuresOf(db: Db): { at: string; operator: string; device: string | null; summary: ClosureSummary }[] {
  return listClosures(db).map((c) => ({ at: c.at, operator: c.operator, device: c.device, summary: JSON.parse(c.summaryJson) as ClosureSummary }));
}

/** Runs a closing: the open file (unless already closed), then every backup. */
function closeEverywhere(ctx: AppContext, removeNeverSelected: boolean, confirmName: string): ClosureSummary & { closedAt: string } {
  const db = ctx.requireDb();
  const path = ctx.open!.path;
  const operator = ctx.requireOperator();
  const row = readAssemblyRow(db)!;
  if (confirmName.trim().toLocaleLowerCase() !== row.name.trim().toLocaleLowerCase()) {
    throw new AppError(
      'VALIDATION',
      `Type the assembly's name, ${row.name}, to confirm the closing.`,
      { fields: [{ field: 'confirmName', rule: 'invalid', message: `must be ${row.name}`, params: { name: row.name } }] },
      'closing.errors.confirmName',
    );
  }
  const before = readRetention(db);
  const now = ctx.nowIso();
  const first = before.closedAt === null;
  // A later pass removes from the backups whom the first one removed from the file.
  const removing = first ? removeNeverSelected : closuresOf(db).some((c) => c.summary.first && c.summary.removeNeverSelected);
  const closedAt = before.closedAt ?? now;
  const cleared = first
    ? ctx.mutate((d, audit) => {
        const counts = clearContactData(d, plan(removing, null), now);
        markClosed(d, now, operator);
        // Counts only: the audit log never holds personal values.
        audit({ entity: 'assembly', entityId: row.id, action: 'assembly.close', before: { closedAt: null }, after: { closedAt: now, removeNeverSelected, ...counts } });
        return counts;
      })
    : { peopleCleared: 0, peopleRemoved: 0, contactEntriesRemoved: 0, contributorsCleared: 0, residentsRemoved: 0 };
  // The pages written before the closing leave the -wal (secure_delete already zeroed them in the file).
  let logCleared = emptyWriteAheadLog(db);

  const rules = plan(removing, removing ? personIds(db) : null);
  const backupsProcessed: string[] = [];
  const backupsFailed: ClosureSummary['backupsFailed'] = [];
  for (const backup of listBackups(path)) {
    try {
      closeBackup(backup.path, rules, { at: closedAt, by: before.closedBy ?? operator }, ctx.nativeBinding);
      backupsProcessed.push(backup.name);
    } catch (e) {
      backupsFailed.push({ name: backup.name, problem: e instanceof Error ? e.message : String(e) });
    }
  }
  const summary: ClosureSummary = {
    first,
    retentionUntil: before.retentionUntil,
    ...cleared,
    removeNeverSelected: first ? removeNeverSelected : false,
    backupsProcessed,
    backupsFailed,
    // Every copy saved elsewhere, ever: each holds the contact data as it was then.
    copiesElsewhere: savedCopiesSince(db, ''),
    logCleared,
  };
  ctx.mutate((d, audit) => {
    insertClosure(d, { id: ctx.newId(), at: now, operator, device: ctx.device().device, summaryJson: JSON.stringify(summary) });
    audit({ entity: 'assembly', entityId: row.id, action: 'assembly.closeBackups', after: { backupsProcessed: backupsProcessed.length, backupsFailed, copiesElsewhere: summary.copiesElsewhere.length } });
  });
  // The closure record itself holds no personal data; the log is emptied once more so the file alone holds the state.
  logCleared = emptyWriteAheadLog(db) && logCleared;
  return { ...summary, logCleared, closedAt };
}

export const closingHandlers = handlers({
  /** The retention date, whether it passed, what closing would remove, and the closings made. */
  'assembly.retention': {
    args: z.strictObject({}),
    run: (_a, ctx) => {
      const db = ctx.requireDb();
      const today = assemblyToday(db, ctx.clock());
      const info = retentionInfo(db, ctx.clock());
      return {
        ...info,
        today,
        suggested: defaultRetentionDate(today, lastSessionDate(db)),
        lastSessionDate: lastSessionDate(db),
        preview: closingPreview(db),
        backups: listBackups(ctx.open!.path).map((b) => b.name),
        copiesElsewhere: savedCopiesSince(db, ''),
        removed: [...REMOVED_DATA],
        kept: [...KEPT_DATA],
        closures: closuresOf(db),
      };
    },
  },

  /** Changes the retention date (today or later), audited. Refused once the assembly is closed. */
  'assembly.setRetention': {
    args: z.strictObject({ retentionUntil: ISO_DATE }),
    run: ({ retentionUntil }, ctx) => {
      ctx.mutate((db, audit) => {
        requireNotClosed(db);
        const error = retentionDateError(retentionUntil, assemblyToday(db, ctx.clock()));
        if (error) throw error;
        const before = readRetention(db).retentionUntil;
        if (before === retentionUntil) return;
        writeRetention(db, retentionUntil, ctx.nowIso());
        audit({ entity: 'assembly', entityId: readAssemblyRow(db)?.id ?? null, action: 'assembly.setRetention', before: { retentionUntil: before }, after: { retentionUntil } });
      });
      return status(ctx);
    },
  },

  /**
   * Closes the assembly: the contact data of everyone leaves the file and every backup. Typing the
   * assembly's name confirms it. Called again on a closed assembly, it passes over the backups
   * only (those that could not be processed before).
   */
  'assembly.close': {
    args: z.strictObject({ confirmName: requiredText(200), removeNeverSelected: z.boolean().optional() }),
    run: ({ confirmName, removeNeverSelected = false }, ctx) => ctx.exclusive(() => ({ ...closeEverywhere(ctx, removeNeverSelected, confirmName), status: status(ctx) })),
  },

  /** The certificate of the closing for the data-protection officer (PDF, nl/fr/en). */
  'assembly.closeCertificate': {
    args: z.strictObject({ lang: z.enum(['nl', 'fr', 'en'], { message: 'must be nl, fr or en' }).optional() }),
    run: async ({ lang }, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const closures = closuresOf(db);
      const r = readRetention(db);
      if (r.closedAt === null || closures.length === 0) {
        throw new AppError('CONFLICT', 'This assembly is not closed: there is no certificate yet. Close it first (Settings, End date).', {}, 'closing.errors.notClosed');
      }
      const row = readAssemblyRow(db)!;
      const language = lang ?? ctx.settings.get().language;
      const now = ctx.clock();
      const { closureCertificatePdf } = await import('../reports/closureCertificatePdf');
      const bytes = await closureCertificatePdf(
        { assemblyName: row.name, filePath: ctx.open!.path, closedAt: r.closedAt, closedBy: r.closedBy ?? '', closures, removed: [...REMOVED_DATA], kept: [...KEPT_DATA] },
        { lang: language, generatedAt: now, timeZone: timeZone(db) },
      );
      const slug = searchKey(row.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'assembly';
      return { fileName: `${slug}-closure-certificate-${language}.pdf`, mimeType: 'application/pdf', contentBase64: bytes.toString('base64') };
    },
  },
});
