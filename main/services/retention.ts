/**
 * The retention facts of the open assembly, as AssemblyInfo carries them (the header's reminder,
 * Settings). Apart from closing.ts so that app.ts can read them without importing the closing.
 */
import { retentionDateProblem, retentionPassed } from '../domain/assembly/retention';
import { AppError } from '../errors';
import { localParts } from '../domain/attendance/time';
import { timeZone } from '../../db/attendance';
import { readRetention } from '../../db/closure';
import type { Db } from '../../db/connection';

/** Today's date where the assembly is (its time zone), by the app's clock. */
export function assemblyToday(db: Db, now: Date): string {
  return localParts(now, timeZone(db)).date;
}

/** The retention facts AssemblyInfo carries (the header's reminder, Settings). */
export function retentionInfo(db: Db, now: Date): { retentionUntil: string | null; closedAt: string | null; closedBy: string | null; retentionPassed: boolean } {
  const r = readRetention(db);
  return { ...r, retentionPassed: retentionPassed(r.retentionUntil, assemblyToday(db, now), r.closedAt) };
}


/** A date field's problem as the API answers it (row-less: one field), in a sentence and a translated key. */
export function retentionDateError(date: string, today: string): AppError | null {
  const problem = retentionDateProblem(date, today);
  if (problem === null) return null;
  const message = problem === 'notADate' ? 'must be a date written YYYY-MM-DD, such as 2027-09-30' : `must be today (${today}) or later`;
  return new AppError(
    'VALIDATION',
    problem === 'notADate' ? `“${date}” is not a date: write it as YYYY-MM-DD, such as 2027-09-30.` : `The retention date ${date} is in the past: choose today (${today}) or a later date.`,
    { params: { value: date, today }, fields: [{ field: 'retentionUntil', rule: problem === 'notADate' ? 'notADate' : 'atLeast', message, params: { value: date, today } }] },
    problem === 'notADate' ? 'closing.errors.notADate' : 'closing.errors.inThePast',
  );
}


export function closedError(closedAt: string): AppError {
  return new AppError(
    'CONFLICT',
    `This assembly was closed on ${closedAt.slice(0, 10)}: its contact data was removed, and none can be added or exported any more. Reports at the pseudonymised and aggregate levels still work.`,
    { params: { date: closedAt.slice(0, 10) } },
    'closing.errors.closed',
  );
}

