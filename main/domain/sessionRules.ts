/**
 * Pure rules for sessions of the assembly: what makes a session valid.
 * Kept apart from storage so the same rules serve the API, the CLI and the demo generator.
 */

export interface SessionTimes {
  date: string;
  startTime: string;
  endTime: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for a 24-hour wall-clock time written HH:MM. */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Problems with a session's times, as field -> message; empty when valid. */
export function sessionTimeProblems(times: SessionTimes): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isCalendarDate(times.date)) problems.date = `"${times.date}" is not a date (use YYYY-MM-DD)`;
  if (!isClockTime(times.startTime)) problems.startTime = `"${times.startTime}" is not a time (use HH:MM)`;
  if (!isClockTime(times.endTime)) problems.endTime = `"${times.endTime}" is not a time (use HH:MM)`;
  if (!problems.startTime && !problems.endTime && minutesOfDay(times.endTime) <= minutesOfDay(times.startTime)) {
    problems.endTime = `the end time (${times.endTime}) must be after the start time (${times.startTime})`;
  }
  return problems;
}

/** Sessions in agenda order: by date, then start time, then name. */
export function compareSessions(a: SessionTimes & { name: string }, b: SessionTimes & { name: string }): number {
  return a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name);
}
