/**
 * The end date of an assembly (issue 18), as pure rules: the retention date (until when contact
 * data may be kept), its default, when the reminder shows, and what closing removes and keeps.
 * The SQL that removes it is db/closure.ts; the method is assembly.close (main/services/closing.ts).
 */
import { isCalendarDate } from '../sessionRules';

/** Months after the last session that contact data is kept by default (replacement, per-diem queries, thanks). */
export const MONTHS_AFTER_LAST_SESSION = 3;
/** Months after creation, when no session is planned yet (a new assembly). */
export const MONTHS_AFTER_CREATION = 12;

/** A calendar date plus whole months; the day is clamped to the month's length (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * The date offered when none is given: three months after the last session, or, for an assembly
 * without sessions (a new one), twelve months after today. A default rather than a required field:
 * whoever creates an assembly rarely knows the calendar yet, and a date that is always there (and
 * shown, and changeable in Settings) is better than none; the reminder makes it matter.
 */
export function defaultRetentionDate(today: string, lastSessionDate: string | null): string {
  const fromSessions = lastSessionDate === null ? null : addMonths(lastSessionDate, MONTHS_AFTER_LAST_SESSION);
  // Never a date already past (an assembly whose sessions are long over still gets a future one).
  const fromToday = addMonths(today, lastSessionDate === null ? MONTHS_AFTER_CREATION : MONTHS_AFTER_LAST_SESSION);
  return fromSessions !== null && fromSessions > today ? fromSessions : fromToday;
}

export type RetentionProblem = 'notADate' | 'inThePast';

/** Why a retention date cannot be set (null: it can). Today is allowed; yesterday is not. */
export function retentionDateProblem(date: string, today: string): RetentionProblem | null {
  if (!isCalendarDate(date)) return 'notADate';
  if (date < today) return 'inThePast';
  return null;
}

/** The reminder shows from the day after the retention date, until the assembly is closed. */
export function retentionPassed(retentionUntil: string | null, today: string, closedAt: string | null): boolean {
  return closedAt === null && retentionUntil !== null && today > retentionUntil;
}

/**
 * What closing removes, in the order the confirmation and the certificate list it (keys of
 * closing.removed.* and report closure.removed.*). Chosen by going through every column of
 * people, contacts, status_changes, attendance_events, contributors and duplicate_flags.
 */
export const REMOVED_DATA = [
  'names',
  'addresses',
  'emails',
  'phones',
  'birthYears',
  'externalIds',
  'notes',
  'needs',
  'contactLog',
  'statusReasons',
  'excuseReasons',
  'households',
  'searchKeys',
  'contributorContacts',
] as const;

/** What closing keeps, so that every aggregate and pseudonymised report stays the same. */
export const KEPT_DATA = ['codes', 'features', 'statuses', 'languages', 'childcare', 'attendance', 'votes', 'selection', 'tables', 'contributorNames', 'audit'] as const;

export type RemovedData = (typeof REMOVED_DATA)[number];
export type KeptData = (typeof KEPT_DATA)[number];

/**
 * Opaque household labels that replace the household keys (a normalised address). Households stay
 * households (the same key gets the same label, so "one per household" and the canonical draw
 * input, which numbers households by their first member's code, are unchanged), but the address
 * is gone. `keysInCodeOrder`: each person's key, people in code order.
 */
export function householdLabels(keysInCodeOrder: readonly (string | null)[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const key of keysInCodeOrder) {
    if (key === null || key === '' || labels.has(key)) continue;
    labels.set(key, `household-${String(labels.size + 1).padStart(5, '0')}`);
  }
  return labels;
}

/** The figures a closing records (and its certificate prints). */
export interface ClosureSummary {
  /** The closing this pass belongs to: false for a later pass over backups only. */
  first: boolean;
  retentionUntil: string | null;
  /** People whose contact data was removed (kept with code, features, status...). */
  peopleCleared: number;
  /** People never selected who were removed entirely (the option). */
  peopleRemoved: number;
  removeNeverSelected: boolean;
  contactEntriesRemoved: number;
  contributorsCleared: number;
  /** Residents of the register extract removed (absent in closings recorded before the register existed). */
  residentsRemoved?: number;
  backupsProcessed: string[];
  backupsFailed: { name: string; problem: string }[];
  copiesElsewhere: { path: string; at: string; operator: string }[];
  /** Whether the write-ahead log was emptied (false: another program held the file open). */
  logCleared: boolean;
}
