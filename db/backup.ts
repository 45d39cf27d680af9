/**
 * Backups of an assembly file, made with SQLite's online backup API (a consistent copy of a WAL
 * database, taken while the app keeps working), into the folder beside the file
 * (`demo.assembly.backups/`). Each backup's name says when and why it was made:
 * `<name>-<ISO time>-<reason>.assembly`. Rotation keeps the newest automatic ones; backups taken
 * before a migration, before a restore or by hand are kept.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { APPLICATION_ID, backupDirFor, type Db } from './connection';
import { makePrivate, makePrivateDir } from './privateFiles';
import { confirmedParticipantCount } from './participants';

export type BackupReason = 'open' | 'auto' | 'manual' | 'before-restore' | 'before-migration';
export const AUTOMATIC_REASONS: readonly BackupReason[] = ['open', 'auto'];
/** Automatic backups kept per reason; the older ones are removed. */
export const KEEP_AUTOMATIC = 10;

export interface BackupFile {
  /** File name inside the backups folder. */
  name: string;
  path: string;
  /** ISO time the backup was taken. */
  at: string;
  reason: BackupReason | 'unknown';
  bytes: number;
}

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
/** 2026-11-25T02-45-00-000Z -> 2026-11-25T02:45:00.000Z */
const unstamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
const NAME = /^(.*)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.assembly$/;
/** The name db/connection.ts gives the copy it takes before migrating: <name>-before-v<N>-<time>.assembly */
const MIGRATION_NAME = /^(.*)-before-v\d+-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.assembly$/;

export async function takeBackup(db: Db, filePath: string, reason: BackupReason, now: Date): Promise<BackupFile> {
  const dir = backupDirFor(filePath);
  makePrivateDir(dir);
  const name = `${basename(filePath, '.assembly')}-${stamp(now)}-${reason}.assembly`;
  const path = join(dir, name);
  await db.backup(path);
  // Personal data: owner-only, like the file it copies (db/privateFiles.ts).
  makePrivate(path);
  if (AUTOMATIC_REASONS.includes(reason)) rotate(filePath, reason);
  return { name, path, at: now.toISOString(), reason, bytes: statSync(path).size };
}

export function listBackups(filePath: string): BackupFile[] {
  const dir = backupDirFor(filePath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.assembly'))
    .map((name) => {
      const path = join(dir, name);
      const migration = MIGRATION_NAME.exec(name);
      const m = migration ? null : NAME.exec(name);
      const reason = (migration ? 'before-migration' : (m?.[3] ?? 'unknown')) as BackupFile['reason'];
      const at = migration ? unstamp(migration[2]!) : m ? unstamp(m[2]!) : statSync(path).mtime.toISOString();
      return { name, path, at, reason, bytes: statSync(path).size };
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

function rotate(filePath: string, reason: BackupReason): void {
  const old = listBackups(filePath).filter((b) => b.reason === reason).slice(KEEP_AUTOMATIC);
  for (const b of old) rmSync(b.path, { force: true });
}

type Summary = { ok: boolean; participants: number; checkIns: number; ballots: number; problem: string | null };
/** Summaries by path, size and time: a backup file does not change, and the header asks often. */
const summaries = new Map<string, Summary>();

/** What a backup holds, read without changing it: for the person choosing one to restore. */
export function backupSummary(path: string, nativeBinding?: string): Summary {
  const stat = statSync(path, { throwIfNoEntry: false });
  const key = stat ? `${path}\u0000${stat.size}\u0000${stat.mtimeMs}` : null;
  const known = key ? summaries.get(key) : undefined;
  if (known) return known;
  const summary = readSummary(path, nativeBinding);
  if (key) summaries.set(key, summary);
  return summary;
}

function readSummary(path: string, nativeBinding?: string): Summary {
  let db: Db | null = null;
  // Reading a WAL file makes SQLite create its -wal and -shm beside it: those it made for this
  // look are removed again, so that looking at a backup leaves the folder as it was.
  const sidecars = ['-wal', '-shm'].map((suffix) => path + suffix).filter((p) => !existsSync(p));
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { ok: false, participants: 0, checkIns: 0, ballots: 0, problem: String(check) };
    // Another program's database put in the folder is no backup to restore or to offer.
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { ok: false, participants: 0, checkIns: 0, ballots: 0, problem: 'not an Assembly Desk file' };
    // A table this older file does not have yet counts 0.
    const count = (read: () => unknown) => {
      try {
        return read() as number;
      } catch {
        return 0;
      }
    };
    const file = db;
    return {
      ok: true,
      participants: count(() => confirmedParticipantCount(file)),
      checkIns: count(() => file.prepare("SELECT count(*) FROM attendance_events WHERE kind = 'checkIn'").pluck().get()),
      ballots: count(() => file.prepare('SELECT count(*) FROM ballots WHERE deleted_at IS NULL').pluck().get()),
      problem: null,
    };
  } catch (e) {
    return { ok: false, participants: 0, checkIns: 0, ballots: 0, problem: (e as Error).message };
  } finally {
    db?.close();
    for (const p of sidecars) if (existsSync(p) && (!p.endsWith('-wal') || statSync(p).size === 0)) rmSync(p, { force: true });
    // The -shm goes with its -wal: an empty -wal removed above leaves no reason to keep it.
    for (const p of sidecars) if (p.endsWith('-shm') && existsSync(p) && !existsSync(path + '-wal')) rmSync(p, { force: true });
  }
}
