/**
 * Which attendance events are admissible: pure rules over plain data (a person's status, their
 * attendance folded from the events, the session's date, the clock), no database. The service
 * loads the facts, asks these rules, and writes only what they admit; the same rules judge the
 * desk's own events and events merged from another laptop's file.
 *
 * A rule answers null (admissible) or a Refusal: the error code, its i18n key, a sentence a
 * person can act on, and the details the desk shows (person, times, field problems).
 */
import type { Attendance, EventFact } from './state';
import { localParts } from './time';

export type RefusalCode = 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND';

export interface Refusal {
  code: RefusalCode;
  /** i18n key of the sentence (attendance.*). */
  key: string;
  message: string;
  details: Record<string, unknown>;
}

/** The person as the rules need them. */
export interface PersonFacts {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  status: string;
}

/** The session's calendar date (YYYY-MM-DD, venue time) and the venue's time zone. */
export interface SessionDay {
  date: string;
  timeZone: string;
}

/** A clock may run a little ahead of another laptop's: times up to this far ahead of now are not "in the future". */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;
/** Before this, a time comes from a clock that was never set (1970) or a typing slip. */
export const EARLIEST_PLAUSIBLE = '2000-01-01T00:00:00.000Z';
/** An event recorded within this long of its time was recorded live, at the desk ("now"). */
export const LIVE_WINDOW_MS = 2 * 60_000;

export function personDetails(p: PersonFacts) {
  return { personId: p.id, code: p.code, firstName: p.firstName, lastName: p.lastName, status: p.status };
}

const nameOf = (p: PersonFacts) => `${p.firstName} ${p.lastName}`;
const timeOf = (instant: string, timeZone: string) => localParts(instant, timeZone).time;

// ---------------------------------------------------------------------------------------------
// Who may be checked in or excused

/** Only confirmed participants are members at a session (the pool, the selected, the withdrawn are not). */
export function notConfirmed(p: PersonFacts): Refusal | null {
  if (p.status === 'confirmed') return null;
  return {
    code: 'CONFLICT',
    key: 'attendance.notConfirmed',
    message: `${p.code} is not a confirmed participant (status: ${p.status}). Check with the organisers before letting them in as a member.`,
    details: { person: personDetails(p), params: { code: p.code, status: p.status, name: nameOf(p) } },
  };
}

function alreadyHere(p: PersonFacts, a: Attendance, timeZone: string): Refusal | null {
  if (a.state !== 'present') return null;
  const at = timeOf(a.arrivedAt!, timeZone);
  return {
    code: 'CONFLICT',
    key: 'attendance.alreadyCheckedIn',
    message: `${p.code} is already checked in (since ${at}).`,
    details: { person: personDetails(p), arrivedAt: at, params: { code: p.code, since: at, name: nameOf(p) } },
  };
}

/** A check-in at the desk: a confirmed participant who is not already here. */
export function checkInRefusal(p: PersonFacts, a: Attendance, timeZone: string): Refusal | null {
  return notConfirmed(p) ?? alreadyHere(p, a, timeZone);
}

/** A check-out: someone who is here, leaving after their latest arrival. */
export function checkOutRefusal(p: PersonFacts, a: Attendance, at: string, timeZone: string): Refusal | null {
  if (a.state !== 'present') {
    return {
      code: 'CONFLICT',
      key: 'attendance.notCheckedIn',
      message: a.state === 'left' ? `${p.code} has already left.` : `${p.code} is not checked in: check them in before checking them out.`,
      details: { person: personDetails(p), state: a.state },
    };
  }
  // Against the latest arrival: someone who left and came back leaves after coming back.
  const lastArrival = a.live.find((e) => e.kind === 'checkIn')!.at;
  return departureBeforeArrival(at, lastArrival, timeZone);
}

function departureBeforeArrival(at: string, arrival: string, timeZone: string): Refusal | null {
  if (at >= arrival) return null;
  const arrived = timeOf(arrival, timeZone);
  return {
    code: 'VALIDATION',
    key: 'attendance.departureBeforeArrival',
    message: `The departure time is before the arrival (${arrived}).`,
    details: { fields: [{ field: 'at', rule: 'afterArrival', message: `must be after the arrival (${arrived})` }], params: { arrived } },
  };
}

/**
 * The time given for a check-out, against the arrival it ends (both ISO instants): not before it,
 * on its day, and not in the future. One rule for the host's desk and for a desk station, which
 * judges a chosen time with it before it queues the event (the host judges it again on arrival).
 */
export function checkOutTimeRefusal(at: string, arrival: string, timeZone: string, now: string): Refusal | null {
  return departureBeforeArrival(at, arrival, timeZone) ?? eventTimeRefusal('checkOut', at, { sessionDate: localParts(arrival, timeZone).date, timeZone, now });
}

/** An excused absence: a confirmed participant who has not come and is not excused yet. */
export function excuseRefusal(p: PersonFacts, a: Attendance, timeZone: string): Refusal | null {
  const refused = notConfirmed(p) ?? alreadyHere(p, a, timeZone);
  if (refused) return refused;
  if (a.state === 'left') {
    return { code: 'CONFLICT', key: 'attendance.alreadyCheckedIn', message: `${p.code} attended this session: an absence cannot be excused.`, details: { person: personDetails(p) } };
  }
  if (a.state === 'excused') {
    return { code: 'CONFLICT', key: 'attendance.alreadyExcused', message: `${p.code}'s absence is already excused.`, details: { person: personDetails(p) } };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Undo

/** Refusals that need only the event undone: it must exist and must not be an undo itself. */
export function undoTargetRefusal(target: Pick<EventFact, 'kind'> | null, eventId: string): Refusal | null {
  if (!target) return { code: 'NOT_FOUND', key: 'attendance.eventNotFound', message: 'There is no such check-in event.', details: { eventId } };
  if (target.kind === 'undo') {
    return { code: 'VALIDATION', key: 'attendance.cannotUndoUndo', message: 'An undo cannot itself be undone: check the person in (or out) again instead.', details: {} };
  }
  return null;
}

/** An undo of a standing event, and never one that would leave a departure without an arrival. */
export function undoRefusal(p: PersonFacts, target: Pick<EventFact, 'id' | 'kind'>, a: Attendance): Refusal | null {
  if (a.undone.has(target.id)) return { code: 'CONFLICT', key: 'attendance.alreadyUndone', message: 'This was already undone.', details: { person: personDetails(p) } };
  // A check-in with a later check-out still standing would leave a departure without an arrival.
  if (target.kind === 'checkIn' && a.live.some((e) => e.kind === 'checkOut') && a.live.filter((e) => e.kind === 'checkIn').length === 1) {
    return { code: 'CONFLICT', key: 'attendance.undoCheckOutFirst', message: `Undo ${p.code}'s check-out first.`, details: { person: personDetails(p) } };
  }
  return null;
}

/** The time a check-in that was undone had: offered again when the same person is checked in anew. */
export function undoneCheckInTime(events: readonly EventFact[]): string | null {
  const folded = new Set(events.filter((e) => e.kind === 'undo' && e.undoes !== null).map((e) => e.undoes!));
  const undoneIns = events.filter((e) => e.kind === 'checkIn' && folded.has(e.id)).sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  return undoneIns[0]?.at ?? null;
}

// ---------------------------------------------------------------------------------------------
// When: plausible times

export interface TimeFacts {
  /**
   * The day the time must fall on (YYYY-MM-DD, venue time): the session's date; for a check-out,
   * the date of the arrival it ends (the session's date, unless that arrival was recorded live on
   * another day, which the desk warns about).
   */
  sessionDate: string;
  timeZone: string;
  /** The host's clock, ISO. */
  now: string;
}

const timeField = (rule: string, message: string) => ({ fields: [{ field: 'at', rule, message }] });

/**
 * The time of an event: never in the future (beyond a small tolerance between laptops' clocks),
 * never before 2000 (a clock that was never set), and for check-ins and check-outs on the
 * session's day. A check-in recorded live ("now", `live`) is the one exception: the desk shows a
 * banner when the session is not today, and the operator decides. A check-out is always on the
 * day of the arrival it ends.
 */
export function eventTimeRefusal(kind: EventFact['kind'], at: string, facts: TimeFacts, live = false): Refusal | null {
  const when = Date.parse(at);
  if (!Number.isFinite(when) || at < EARLIEST_PLAUSIBLE) {
    return {
      code: 'VALIDATION',
      key: 'attendance.timeImplausible',
      message: `The time ${at} is not plausible (before the year 2000): the clock of the laptop that recorded it was probably not set.`,
      details: { ...timeField('plausible', 'must be a plausible time'), params: { at } },
    };
  }
  const local = localParts(at, facts.timeZone);
  if (when > Date.parse(facts.now) + FUTURE_TOLERANCE_MS) {
    const now = localParts(facts.now, facts.timeZone);
    const sameDay = now.date === local.date;
    return {
      code: 'VALIDATION',
      key: sameDay ? 'attendance.timeInFuture' : 'attendance.dateInFuture',
      message: sameDay
        ? `${local.time} is in the future (it is now ${now.time}): record an arrival or a departure once it has happened.`
        : `${local.date} ${local.time} is in the future (it is now ${now.date} ${now.time}): record an arrival or a departure once it has happened.`,
      details: { ...timeField('notFuture', 'must not be in the future'), params: { time: local.time, date: local.date, now: now.time, today: now.date } },
    };
  }
  if ((kind === 'checkOut' || (kind === 'checkIn' && !live)) && local.date !== facts.sessionDate) {
    return {
      code: 'VALIDATION',
      key: kind === 'checkOut' ? 'attendance.checkOutOtherDay' : 'attendance.checkInOtherDay',
      message:
        kind === 'checkOut'
          ? `A departure on ${local.date} (${local.time}) is not on the day of the session (${facts.sessionDate}): give the time the person left on that day.`
          : `An arrival on ${local.date} (${local.time}) is not on the day of the session (${facts.sessionDate}).`,
      details: { ...timeField('sessionDay', `must be on the day of the session (${facts.sessionDate})`), params: { date: local.date, time: local.time, sessionDate: facts.sessionDate } },
    };
  }
  return null;
}

/** The arrival a check-out at `at` ends: the latest standing check-in at or before it. */
export function arrivalEnded(history: readonly EventFact[], at: string): EventFact | null {
  const undone = new Set(history.filter((x) => x.kind === 'undo' && x.undoes !== null).map((x) => x.undoes!));
  const before = history.filter((x) => x.kind === 'checkIn' && !undone.has(x.id) && x.at <= at).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return before[0] ?? null;
}

/** True when an event was recorded as it happened (its time and its recording time agree). */
export function recordedLive(e: { at: string; recordedAt: string }): boolean {
  return Math.abs(Date.parse(e.at) - Date.parse(e.recordedAt)) <= LIVE_WINDOW_MS;
}

// ---------------------------------------------------------------------------------------------
// Events merged from another laptop's file

export interface MergedEvent extends EventFact {
  sessionId: string;
  personId: string;
  recordedAt: string;
}

export interface MergeFacts {
  /** The event's session; null when unknown or deleted. */
  session: { date: string } | null;
  /** The event's person; null when unknown or erased. */
  person: PersonFacts | null;
  timeZone: string;
  now: string;
  /** For an undo: the event it names, from the file or from this batch; null when there is none. */
  target: MergedEvent | null;
  /** Every event of the same person and session, recorded or in this batch (the event itself included or not). */
  history: readonly EventFact[];
}

/**
 * Is an event from another laptop admissible? The desk's rules, applied to a fact that already
 * happened elsewhere: a known session and person; a check-in or an excuse for a confirmed
 * participant; a plausible time on the session's day; an undo of an event that exists, of the
 * same person and session, that is not itself an undo; a check-out after an arrival. Two laptops
 * checking the same person in is not a refusal: the attendance is folded from both.
 */
export function mergeRefusal(e: MergedEvent, facts: MergeFacts): Refusal | null {
  const invalid = (key: string, message: string): Refusal => ({ code: 'VALIDATION', key, message, details: {} });
  if (!facts.session) return invalid('attendance.mergeUnknownSession', 'unknown or deleted session');
  if (!facts.person) return invalid('attendance.mergeUnknownPerson', 'unknown or erased person');
  if ((e.kind === 'undo') !== (e.undoes !== null)) return invalid('attendance.mergeMalformed', 'only an undo names the event it undoes');
  if ((e.kind === 'excused') !== (e.reason !== null)) return invalid('attendance.mergeMalformed', 'only an excuse has a reason');
  if (e.kind === 'checkIn' || e.kind === 'excused') {
    const refused = notConfirmed(facts.person);
    if (refused) return refused;
  }
  const times = { sessionDate: facts.session.date, timeZone: facts.timeZone, now: facts.now };
  const recorded = eventTimeRefusal('excused', e.recordedAt, times);
  if (recorded) return recorded;
  if (e.kind === 'checkOut') {
    const implausible = eventTimeRefusal('excused', e.at, times);
    if (implausible) return implausible;
    const arrival = arrivalEnded(facts.history, e.at);
    if (!arrival) return { code: 'VALIDATION', key: 'attendance.mergeCheckOutWithoutArrival', message: 'a departure without an arrival before it', details: {} };
    return eventTimeRefusal('checkOut', e.at, { ...times, sessionDate: localParts(arrival.at, facts.timeZone).date });
  }
  const time = eventTimeRefusal(e.kind, e.at, times, recordedLive(e));
  if (time) return time;
  if (e.kind === 'undo') {
    const t = facts.target;
    if (!t || t.sessionId !== e.sessionId || t.personId !== e.personId) {
      return { code: 'VALIDATION', key: 'attendance.mergeUndoUnknown', message: `undoes an event that does not exist (${e.undoes})`, details: { params: { eventId: e.undoes } } };
    }
    if (t.kind === 'undo') return undoTargetRefusal(t, t.id);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A paper sign-in sheet

export interface SheetRow {
  personId: string;
  /** HH:MM */
  arrivedAt: string;
  departedAt?: string | null;
}

/** What is wrong with a sheet as a whole, before any row is judged as a check-in: a person twice, a departure before its arrival. */
export function paperSheetProblems(entries: readonly SheetRow[]): { field: string; rule: string; message: string }[] {
  const problems: { field: string; rule: string; message: string }[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const field = `entries.${i}`;
    if (seen.has(entry.personId)) problems.push({ field: `${field}.personId`, rule: 'duplicate', message: `row ${i + 1}: this person is on the sheet twice` });
    seen.add(entry.personId);
    if (entry.departedAt && entry.departedAt < entry.arrivedAt) {
      problems.push({ field: `${field}.departedAt`, rule: 'afterArrival', message: `row ${i + 1}: the departure (${entry.departedAt}) is before the arrival (${entry.arrivedAt})` });
    }
  });
  return problems;
}
