import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../preload/vocabulary';
import type { AppStatus, AssemblyFileEntry, AssemblyInfo } from '../domain/assembly/types';
import { insertAssemblyRow, readAssemblyRow, writeTimeZone } from '../../db/assemblyMeta';
import { timeZone } from '../../db/attendance';
import { canonicalTimeZone } from '../domain/attendance/time';
import { writeAudit } from '../../db/audit';
import { createAssemblyFile, openAssembly } from '../assemblyFiles';
import { writeDemoAssembly, DEMO_SEED } from '../demo/writeDemo';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { ASSEMBLY_FILE_EXT, assembliesDir } from '../paths';
import { handlers } from '../registry';
import { backupSummary, listBackups, takeBackup } from '../../db/backup';
import { makePrivateDir } from '../../db/privateFiles';
import { startAutoBackup } from './backups';
import { removeLeftoverRestores } from '../restoreFile';
import { APP_VERSION } from '../version';
import { empty, filePath, panelSize, requiredText } from './schemas';
import { retentionDateError, retentionInfo } from './retention';
import { defaultRetentionDate } from '../domain/assembly/retention';
import { localParts } from '../domain/attendance/time';
import { writeRetention } from '../../db/closure';


/** A file name from an assembly name: accents kept (file systems cope), separators removed. */
export function fileNameFor(name: string): string {
  const safe = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${safe || 'assembly'}${ASSEMBLY_FILE_EXT}`;
}

export function status(ctx: AppContext): AppStatus {
  const settings = ctx.settings.get();
  // A station on the venue link is not told the host's folders and recent files.
  const host = ctx.caller.kind === 'host';
  const assembly = ctx.open ? assemblyInfo(ctx) : null;
  return {
    operator: ctx.operator,
    lastOperator: host ? settings.lastOperator : null,
    language: settings.language,
    assembly: assembly && !host ? { ...assembly, path: basename(assembly.path) } : assembly,
    recent: host ? settings.recent : [],
    dataDir: host ? ctx.dataDir : '',
    transport: ctx.transport,
    appVersion: APP_VERSION,
  };
}

function assemblyInfo(ctx: AppContext): AssemblyInfo {
  const open = ctx.open!;
  const row = readAssemblyRow(open.db);
  if (!row) throw new AppError('NOT_AN_ASSEMBLY', `${basename(open.path)} holds no assembly.`);
  return {
    id: row.id,
    name: row.name,
    path: open.path,
    panelSize: row.panelSize,
    createdAt: row.createdAt,
    timeZone: timeZone(open.db),
    schemaVersion: open.schemaVersion,
    ...retentionInfo(open.db, ctx.clock()),
  };
}

/**
 * Errors of a file that cannot be read as an assembly, whatever the cause (damaged, empty, cut
 * short, overwritten by something else, gone): when the file has backups beside it, the latest
 * good one is offered. An interrupted copy can leave any of these, and the backup is the remedy
 * for all of them. Not for a file from a newer app or one that may not be written (those are
 * opened by updating the app or by copying the file) nor for a refused link.
 */
const BACKUP_HELPS = new Set(['FILE_CORRUPT', 'NOT_AN_ASSEMBLY', 'FILE_NOT_FOUND']);

/** An unreadable file's error names its latest good backup (details.latestBackup), for the user to open. */
function offerBackup(e: unknown, path: string, nativeBinding?: string): unknown {
  if (!(e instanceof AppError) || !BACKUP_HELPS.has(e.code)) return e;
  const good = listBackups(path).find((b) => backupSummary(b.path, nativeBinding).ok);
  if (!good) return e;
  const sentence = `Its latest good backup is ${good.name} (${good.at}): open that file instead.`;
  return new AppError(
    e.code,
    e.code === 'FILE_CORRUPT' ? `${basename(path)} is damaged and cannot be opened. ${sentence}` : `${e.message} ${sentence}`,
    { ...e.details, latestBackup: { name: good.name, path: good.path, at: good.at } },
    e.i18nKey,
  );
}

/** Opens a file and makes it the current assembly; the previous one is closed only once this one is open. */
export async function openFile(ctx: AppContext, path: string, remember = true, backupOnOpen = true): Promise<AssemblyInfo> {
  const absolute = ctx.resolveUserPath(path);
  let opened;
  try {
    opened = await openAssembly(absolute, { nativeBinding: ctx.nativeBinding, now: ctx.clock });
  } catch (e) {
    throw offerBackup(e, absolute, ctx.nativeBinding);
  }
  if (!readAssemblyRow(opened.db)) {
    opened.db.close();
    throw offerBackup(
      new AppError('NOT_AN_ASSEMBLY', `${basename(absolute)} holds no assembly (it may have been created by an interrupted program).`, { path: absolute }),
      absolute,
      ctx.nativeBinding,
    );
  }
  // A restore killed half-way leaves its temporary copy beside the file (main/restoreFile.ts):
  // personal data nobody would find, removed once the file is open again.
  removeLeftoverRestores(absolute);
  ctx.closeAssembly();
  ctx.open = { db: opened.db, path: absolute, schemaVersion: opened.schemaVersion };
  // At the desk (the app, web mode): a backup when the file is opened, then every 15 minutes
  // while changes happen. A command-line call is too short-lived for either.
  if (ctx.transport !== 'cli') {
    // Not after a restore: the file is the backup just restored, already in the folder.
    if (backupOnOpen) await takeBackup(opened.db, absolute, 'open', ctx.clock());
    startAutoBackup(ctx);
  }
  const info = assemblyInfo(ctx);
  if (remember) ctx.settings.rememberRecent({ path: absolute, name: info.name, openedAt: ctx.nowIso() });
  return info;
}

function resolveTarget(ctx: AppContext, name: string, path: string | undefined): string {
  if (path) return ctx.resolveUserPath(path);
  return join(assembliesDir(ctx.dataDir), fileNameFor(name));
}

export const appHandlers = handlers({
  'app.status': { args: empty, run: (_a, ctx) => status(ctx) },
  'app.setOperator': {
    args: z.strictObject({ name: requiredText(80) }),
    run: ({ name }, ctx) => {
      ctx.operator = name;
      ctx.settings.update({ lastOperator: name });
      return status(ctx);
    },
  },
  'app.setLanguage': {
    args: z.strictObject({ language: z.enum(LANGUAGES as [Language, ...Language[]], { message: 'must be nl, fr or en' }) }),
    run: ({ language }, ctx) => {
      ctx.settings.update({ language });
      return status(ctx);
    },
  },
  /**
   * The assembly's time zone, in which the app, the PDFs, workbooks, CSVs and the audit view show
   * every date and time. An IANA name ("Europe/Brussels"); anything else is refused with a sentence.
   */
  'app.setTimeZone': {
    args: z.strictObject({ timeZone: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters') }),
    run: ({ timeZone: given }, ctx) => {
      const canonical = canonicalTimeZone(given);
      if (canonical === null) {
        throw new AppError(
          'VALIDATION',
          `“${given}” is not a time zone this computer knows: enter its IANA name, for example Europe/Brussels.`,
          { fields: [{ field: 'timeZone', rule: 'notATimeZone', message: 'must be an IANA time zone such as Europe/Brussels', params: { value: given } }] },
          'settings.timeZoneUnknown',
        );
      }
      ctx.mutate((db, audit) => {
        const before = timeZone(db);
        if (before === canonical) return;
        writeTimeZone(db, canonical, ctx.nowIso());
        audit({ entity: 'assembly', entityId: readAssemblyRow(db)?.id ?? null, action: 'update', before: { timeZone: before }, after: { timeZone: canonical } });
      });
      return status(ctx);
    },
  },
  'app.createAssembly': {
    args: z.strictObject({
      name: requiredText(120),
      path: filePath.optional(),
      panelSize: panelSize.optional(),
      /** Until when contact data may be kept (YYYY-MM-DD, today or later); default twelve months from today. */
      retentionUntil: z.string().trim().max(10, 'must be a date written YYYY-MM-DD').optional(),
    }),
    run: ({ name, path, panelSize: size, retentionUntil }, ctx) => ctx.exclusive(async () => {
      const operator = ctx.requireOperator();
      // A new assembly is in the default zone (Europe/Brussels) until Settings changes it.
      const today = localParts(ctx.clock(), 'Europe/Brussels').date;
      const retention = retentionUntil || defaultRetentionDate(today, null);
      const dateError = retentionDateError(retention, today);
      if (dateError) throw dateError;
      const target = resolveTarget(ctx, name, path);
      await createAssemblyFile(target, { nativeBinding: ctx.nativeBinding, now: ctx.clock }, (db) => {
        const now = ctx.nowIso();
        const row = { id: ctx.newId(), name, panelSize: size ?? 60, createdAt: now, updatedAt: now };
        db.transaction(() => {
          insertAssemblyRow(db, row);
          writeRetention(db, retention, now);
          writeAudit(db, { operator, at: now, newId: ctx.newId, ...ctx.device() }, { entity: 'assembly', entityId: row.id, action: 'create', after: { ...row, retentionUntil: retention } });
        }).immediate(); // every write takes the write lock at once (see AppContext.mutate)
      });
      return openFile(ctx, target);
    }),
  },
  'app.openAssembly': {
    args: z.strictObject({ path: filePath }),
    run: ({ path }, ctx) => ctx.exclusive(() => openFile(ctx, path)),
  },
  'app.openDemo': {
    args: z.strictObject({
      panelSize: panelSize.optional(),
      stage: z.enum(['recruitment', 'venue'], { message: 'must be recruitment or venue' }).optional(),
    }),
    run: ({ panelSize: size, stage = 'recruitment' }, ctx) => ctx.exclusive(async () => {
      // One file per variant, made once and then reopened as the user left it.
      const base = stage === 'venue' ? 'demo-venue' : 'demo';
      const target = join(assembliesDir(ctx.dataDir), size && size !== 60 ? `${base}-${size}${ASSEMBLY_FILE_EXT}` : `${base}${ASSEMBLY_FILE_EXT}`);
      if (!existsSync(target)) {
        makePrivateDir(assembliesDir(ctx.dataDir));
        await writeDemoAssembly(target, { seed: DEMO_SEED, panelSize: size ?? 60, stage, nativeBinding: ctx.nativeBinding });
      }
      return openFile(ctx, target);
    }),
  },
  'app.closeAssembly': {
    args: empty,
    run: (_a, ctx) =>
      ctx.exclusive(() => {
        ctx.closeAssembly();
        return status(ctx);
      }),
  },
  'app.listAssemblyFiles': {
    args: empty,
    run: (_a, ctx): AssemblyFileEntry[] => {
      const dir = assembliesDir(ctx.dataDir);
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith(ASSEMBLY_FILE_EXT))
        .map((fileName) => {
          const full = join(dir, fileName);
          const st = statSync(full);
          return { path: full, fileName, sizeBytes: st.size, modifiedAt: st.mtime.toISOString() };
        })
        .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    },
  },
  'app.forgetRecent': {
    args: z.strictObject({ path: filePath }),
    run: ({ path }, ctx) => {
      ctx.settings.forgetRecent(path);
      return status(ctx);
    },
  },
});
