/**
 * The attendance of one person in one session, computed from its events. The result does not
 * depend on the order the events arrive in (a laptop merging another's events gets the same
 * answer), only on their contents:
 *  - an undo cancels the event it names; an undo cannot be undone (check in again instead);
 *  - arrival: the earliest live check-in (two laptops checking the same person in make one
 *    attendance, from the first);
 *  - left: the latest live check-out is at or after the latest live check-in;
 *  - excused: a live excuse and no live check-in (arriving after all wins over the excuse).
 * Ties in time are broken by event id, so "latest" is always one event.
 */
import type { AttendanceEventKind, AttendanceState, RosterTotals } from './types';

export interface EventFact {
  id: string;
  kind: AttendanceEventKind;
  at: string;
  reason: string | null;
  undoes: string | null;
}

export interface Attendance {
  state: AttendanceState;
  arrivedAt: string | null;
  departedAt: string | null;
  excuseReason: string | null;
  /** Live events, newest first. */
  live: EventFact[];
  /** Ids of events cancelled by an undo. */
  undone: Set<string>;
}

const newerFirst = (a: EventFact, b: EventFact): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function foldAttendance(events: readonly EventFact[]): Attendance {
  const undone = new Set(events.filter((e) => e.kind === 'undo' && e.undoes !== null).map((e) => e.undoes!));
  const live = events.filter((e) => e.kind !== 'undo' && !undone.has(e.id)).sort(newerFirst);
  const checkIns = live.filter((e) => e.kind === 'checkIn');
  const checkOuts = live.filter((e) => e.kind === 'checkOut');
  const excuse = live.find((e) => e.kind === 'excused') ?? null;

  if (checkIns.length === 0) {
    return {
      state: excuse ? 'excused' : 'expected',
      arrivedAt: null,
      departedAt: null,
      excuseReason: excuse?.reason ?? null,
      live,
      undone,
    };
  }
  const arrivedAt = checkIns[checkIns.length - 1]!.at;
  const lastIn = checkIns[0]!;
  const lastOut = checkOuts[0];
  const left = lastOut !== undefined && newerFirst(lastOut, lastIn) <= 0;
  return { state: left ? 'left' : 'present', arrivedAt, departedAt: left ? lastOut.at : null, excuseReason: null, live, undone };
}

/** A session's figures from its people's states: everyone not excused is expected. */
export function rosterTotals(states: readonly AttendanceState[]): RosterTotals {
  const count = (s: AttendanceState) => states.filter((x) => x === s).length;
  return { expected: states.length - count('excused'), present: count('present'), left: count('left'), excused: count('excused') };
}
