/**
 * Pure rules for sessions of the assembly: what makes a session valid.
 * Kept apart from storage so the same rules serve the API, the CLI and the demo generator.
 */
import type { FieldProblem } from '../../preload/contract';

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

/** Problems with a session's times, one per field; empty when valid. */
export function sessionTimeProblems(times: SessionTimes): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(times.date)) {
    problems.push({ field: 'date', rule: 'notADate', message: `"${times.date}" is not a date (use YYYY-MM-DD)` });
  }
  for (const field of ['startTime', 'endTime'] as const) {
    if (!isClockTime(times[field])) {
      problems.push({ field, rule: 'notATime', message: `"${times[field]}" is not a time (use HH:MM)` });
    }
  }
  if (problems.every((p) => p.rule !== 'notATime') && minutesOfDay(times.endTime) <= minutesOfDay(times.startTime)) {
    problems.push({
      field: 'endTime',
      rule: 'endAfterStart',
      message: `the end time (${times.endTime}) must be after the start time (${times.startTime})`,
    });
  }
  return problems;
}

/** Sessions in agenda order: by date, then start time, then name. */
export function compareSessions(a: SessionTimes & { name: string }, b: SessionTimes & { name: string }): number {
  return a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name);
}

/** A moment as the venue's wall clock shows it: the calendar date and HH:MM. */
export interface WallClock {
  date: string;
  time: string;
}

/**
 * The session an operator most likely means now (the check-in desk, the dashboard, the tables,
 * the votes and the agenda open on it): the one running now, else the next one today; when all of
 * today's are over, today's last one; on a day without sessions, the next one to come, else the
 * latest one held.
 */
export function currentSession<S extends SessionTimes>(sessions: readonly S[], now: WallClock): S | null {
  if (sessions.length === 0) return null;
  const sorted = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const todays = sorted.filter((s) => s.date === now.date);
  if (todays.length > 0) return todays.find((s) => s.endTime >= now.time) ?? todays[todays.length - 1]!;
  return sorted.find((s) => s.date > now.date) ?? sorted[sorted.length - 1]!;
}

/** True when the session is held on the wall clock's date. */
export function isSessionToday(session: SessionTimes, now: WallClock): boolean {
  return session.date === now.date;
}
