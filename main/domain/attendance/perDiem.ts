/**
 * Per-diem: what each participant is paid for the days they attended. Pure: rules, the sessions
 * and the attendance in, amounts (integer cents) out.
 *
 * A day is a calendar date with at least one session. For each participant and day:
 *  - not at any session of the day: nothing;
 *  - at every session of the day, arriving no more than `thresholdMinutes` after the first one's
 *    start and leaving no more than `thresholdMinutes` before the last one's end: a full day;
 *  - otherwise a half day, with the reason (late, early, or partial: a session of the day missed).
 * Travel allowance is paid per day attended; childcare allowance per day attended to those who
 * need childcare. Excused absences are not paid.
 *
 * Only what happened is paid: a session that has not started by `now` counts for nothing (a
 * check-in recorded ahead of it, by mistake or in a rehearsal, pays no day), and a day under way
 * is judged on its sessions that have started so far.
 */
import type { PerDiemRules } from './types';

export interface PerDiemSession {
  id: string;
  date: string;
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

export interface PerDiemAttendance {
  sessionId: string;
  /** Local minutes of the arrival and departure; departure null when not checked out. */
  arrived: number;
  departed: number | null;
}

export interface PerDiemPerson {
  id: string;
  childcare: boolean;
  attendance: PerDiemAttendance[];
}

export interface PerDiemDay {
  date: string;
  kind: 'full' | 'half';
  reason: 'late' | 'early' | 'partial' | null;
}

export interface PerDiemResult {
  days: PerDiemDay[];
  fullDays: number;
  halfDays: number;
  perDiemCents: number;
  travelCents: number;
  childcareCents: number;
  totalCents: number;
}

/** "Now" on the assembly's local clock: the calendar date and minutes since local midnight. */
export interface LocalNow {
  date: string;
  minutes: number;
}

/** Whether a session has started by `now` (both on the assembly's local clock). */
export function sessionStarted(session: Pick<PerDiemSession, 'date' | 'start'>, now: LocalNow): boolean {
  return session.date < now.date || (session.date === now.date && session.start <= now.minutes);
}

export function perDiemFor(rules: PerDiemRules, sessions: readonly PerDiemSession[], person: PerDiemPerson, now: LocalNow): PerDiemResult {
  const byDate = new Map<string, PerDiemSession[]>();
  for (const s of sessions) {
    if (!sessionStarted(s, now)) continue;
    const list = byDate.get(s.date) ?? [];
    list.push(s);
    byDate.set(s.date, list);
  }
  const attended = new Map(person.attendance.map((a) => [a.sessionId, a]));
  const days: PerDiemDay[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const daySessions = byDate.get(date)!.sort((a, b) => a.start - b.start);
    const present = daySessions.filter((s) => attended.has(s.id));
    if (present.length === 0) continue;
    const first = daySessions[0]!;
    const last = daySessions[daySessions.length - 1]!;
    let reason: PerDiemDay['reason'] = null;
    if (present.length < daySessions.length) reason = 'partial';
    else if (attended.get(first.id)!.arrived - first.start > rules.thresholdMinutes) reason = 'late';
    else {
      const departed = attended.get(last.id)!.departed;
      if (departed !== null && last.end - departed > rules.thresholdMinutes) reason = 'early';
    }
    days.push({ date, kind: reason === null ? 'full' : 'half', reason });
  }
  const fullDays = days.filter((d) => d.kind === 'full').length;
  const halfDays = days.length - fullDays;
  const perDiemCents = fullDays * rules.fullDayCents + halfDays * rules.halfDayCents;
  const travelCents = days.length * rules.travelCents;
  const childcareCents = person.childcare ? days.length * rules.childcareCents : 0;
  return { days, fullDays, halfDays, perDiemCents, travelCents, childcareCents, totalCents: perDiemCents + travelCents + childcareCents };
}
