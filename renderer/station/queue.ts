/**
 * A desk station's queue: check-ins, check-outs and undos made while the host could not be
 * reached, kept in order with their own ids (UUIDv7, made here) and the device's time, applied to
 * the roster in memory at once, and sent with attendance.submitQueued when the host answers again.
 * What the host accepts leaves the queue; what it refuses becomes a conflict, listed with the
 * host's reason until a person dismisses it: nothing is dropped or added silently.
 *
 * Pure: no clock, no random source, no storage, no network (all given), so tests/unit can drive it.
 */
import type { AttendanceState, MergeRefusal, QueuedResult, RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import { rosterTotals } from '../../main/domain/attendance/state';
import { checkOutTimeRefusal, eventTimeRefusal, type Refusal } from '../../main/domain/attendance/rules';
import { instantOf } from '../../main/domain/attendance/time';

export type QueuedKind = 'checkIn' | 'checkOut' | 'excused' | 'undo';

/** One event as attendance.submitQueued takes it. */
export interface QueuedEvent {
  id: string;
  sessionId: string;
  /** The person; null for a check-in by badge code made before the station had a roster (the host resolves the code). */
  personId: string | null;
  code: string | null;
  kind: QueuedKind;
  /** When it happened (ISO instant): the device's time, or the time chosen at the desk. */
  at: string;
  /** undo: the event it cancels (on the host, or earlier in this queue). */
  undoes: string | null;
  /** excused: the reason given at the desk. */
  reason: string | null;
}

/** An event the host refused, kept until a person has seen it. */
export interface Conflict {
  event: QueuedEvent;
  /** The person's name and code as the roster had them, so the list reads without the host. */
  who: string;
  /** The host's sentence (English), its i18n key and the key's parameters: shown in the station's language. */
  reason: string;
  key: string;
  params: Record<string, string | number>;
}

export interface QueueState {
  /** Waiting to be sent, oldest first. */
  waiting: QueuedEvent[];
  conflicts: Conflict[];
}

export const EMPTY_QUEUE: QueueState = Object.freeze({ waiting: [], conflicts: [] }) as QueueState;

/**
 * A new event with a fresh id (give a UUIDv7 maker, e.g. uuid's v7), at the device's time `now`
 * or at the instant chosen at the desk (`at`: a check-out at a given time, a check-in again at the
 * time of the check-in that was undone). A person by id, or by badge code when there is no roster.
 */
export function makeEvent(
  kind: QueuedKind,
  fields: { sessionId: string; personId?: string | null; code?: string | null; undoes?: string | null; reason?: string | null; at?: string | null },
  now: Date,
  newId: () => string,
): QueuedEvent {
  const personId = fields.personId ?? null;
  return {
    id: newId(),
    sessionId: fields.sessionId,
    personId,
    code: personId === null ? (fields.code?.trim().toUpperCase() ?? null) : null,
    kind,
    at: fields.at ?? now.toISOString(),
    undoes: kind === 'undo' ? (fields.undoes ?? null) : null,
    reason: kind === 'excused' ? (fields.reason?.trim() || null) : null,
  };
}

export function enqueue(state: QueueState, event: QueuedEvent): QueueState {
  return { ...state, waiting: [...state.waiting, event] };
}

/** How many events wait for the host. */
export const waitingCount = (state: QueueState): number => state.waiting.length;

/** The next batch to send (the oldest first, at most `max`: attendance.submitQueued takes 5000). */
export const nextBatch = (state: QueueState, max = 500): QueuedEvent[] => state.waiting.slice(0, max);

/**
 * The host's answer to a batch: accepted ids leave the queue, refused ones become conflicts.
 * An event that was sent but neither accepted nor refused stays (it is sent again: the host
 * recognises an id it already recorded). Events queued while the batch was on its way stay too.
 */
export function settle(state: QueueState, sent: readonly QueuedEvent[], result: QueuedResult, whoOf: (personId: string) => string): QueueState {
  const accepted = new Set(result.accepted);
  const refused = new Map<string, MergeRefusal>(result.refused.map((r) => [r.eventId, r]));
  const sentIds = new Set(sent.map((e) => e.id));
  const conflicts = [...state.conflicts];
  const waiting: QueuedEvent[] = [];
  for (const e of state.waiting) {
    if (!sentIds.has(e.id)) waiting.push(e);
    else if (accepted.has(e.id)) continue;
    else if (refused.has(e.id)) {
      const r = refused.get(e.id)!;
      conflicts.push({ event: e, who: e.personId === null ? (e.code ?? '') : whoOf(e.personId), reason: r.reason, key: r.key, params: r.params ?? {} });
    } else waiting.push(e);
  }
  return { waiting, conflicts };
}

/** A person has read a conflict (and dealt with it at the desk): it leaves the list. */
export function dismissConflict(state: QueueState, eventId: string): QueueState {
  return { ...state, conflicts: state.conflicts.filter((c) => c.event.id !== eventId) };
}

// ---------------------------------------------------------------------------------------------
// The roster in memory

/** HH:MM of an instant on this device's clock (the station is at the venue, in its time zone). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Why the station cannot do this locally (null: it can): the desk's own checks, on what it knows. */
export function localRefusal(row: RosterEntry | undefined, kind: QueuedKind, undoes?: string | null): 'unknown' | 'alreadyPresent' | 'notPresent' | 'excused' | 'nothingToUndo' | null {
  if (!row) return 'unknown';
  if (kind === 'checkIn') return row.state === 'present' ? 'alreadyPresent' : row.state === 'excused' ? 'excused' : null;
  if (kind === 'checkOut') return row.state === 'present' ? null : 'notPresent';
  if (kind === 'excused') return row.state === 'expected' ? null : row.state === 'excused' ? 'excused' : 'alreadyPresent';
  return row.undoable.some((u) => u.eventId === undoes) ? null : 'nothingToUndo';
}

/** What the station knows of the session's day: its date and the venue's time zone (from the roster). */
export interface SessionDay {
  sessionDate: string;
  timeZone: string;
}

/** The instant of a time of day (HH:MM) at the venue on the session's day. */
export const instantOnDay = (day: SessionDay, hhmm: string): string => instantOf(day.sessionDate, hhmm, day.timeZone);

/**
 * Why a time chosen at the station is refused (null: it is not), by the host's own rules
 * (main/domain/attendance/rules.ts): a check-in at a given time on the session's day and not in
 * the future; a check-out not before the arrival, on its day, not in the future. `now` is the
 * device's clock. The host judges the event again when it arrives.
 */
export function localTimeRefusal(row: RosterEntry, kind: 'checkIn' | 'checkOut', at: string, day: SessionDay, now: Date): Refusal | null {
  const nowIso = now.toISOString();
  if (kind === 'checkIn') return eventTimeRefusal('checkIn', at, { ...day, now: nowIso });
  return row.arrivedInstant ? checkOutTimeRefusal(at, row.arrivedInstant, day.timeZone, nowIso) : null;
}

/** What a badge scanner types: one word of letters, digits and dashes (as the host's desk accepts). */
export const CODE_LIKE = /^[A-Za-z0-9-]{3,64}$/;

/**
 * Why a badge code cannot be queued by a station without a roster (null: it can): not a code, or
 * already checked in on this device for this session (the host refuses the rest when it is back).
 */
export function codeRefusal(state: QueueState, sessionId: string, code: string): 'notACode' | 'alreadyQueued' | null {
  const text = code.trim();
  if (!CODE_LIKE.test(text)) return 'notACode';
  const upper = text.toUpperCase();
  return state.waiting.some((e) => e.sessionId === sessionId && e.kind === 'checkIn' && e.code === upper) ? 'alreadyQueued' : null;
}

/** The check-ins by badge code waiting for the host, newest first (what a station without a roster shows). */
export const queuedCodes = (state: QueueState, sessionId: string): QueuedEvent[] =>
  state.waiting.filter((e) => e.sessionId === sessionId && e.personId === null).reverse();

/** A roster row after one event, as the desk would fold it. */
export function applyToRow(row: RosterEntry, e: QueuedEvent): RosterEntry {
  const time = localTime(e.at);
  if (e.kind === 'checkIn') {
    return { ...row, state: 'present', arrivedAt: time, arrivedInstant: e.at, departedAt: null, undoneArrivedAt: null, undoable: [{ eventId: e.id, kind: 'checkIn', at: time }, ...row.undoable] };
  }
  if (e.kind === 'checkOut') {
    return { ...row, state: 'left', departedAt: time, undoable: [{ eventId: e.id, kind: 'checkOut', at: time }, ...row.undoable] };
  }
  if (e.kind === 'excused') {
    return { ...row, state: 'excused', excuseReason: e.reason, undoable: [{ eventId: e.id, kind: 'excused', at: time }, ...row.undoable] };
  }
  const target = row.undoable.find((u) => u.eventId === e.undoes);
  if (!target) return row;
  const undoable = row.undoable.filter((u) => u.eventId !== e.undoes);
  const lastIn = undoable.find((u) => u.kind === 'checkIn');
  const lastOut = undoable.find((u) => u.kind === 'checkOut');
  const excused = undoable.find((u) => u.kind === 'excused');
  let state: AttendanceState;
  if (target.kind === 'checkOut') state = 'present';
  else if (target.kind === 'excused') state = lastIn ? 'present' : 'expected';
  else state = lastIn ? (lastOut ? 'left' : 'present') : excused ? 'excused' : 'expected';
  return {
    ...row,
    state,
    arrivedAt: state === 'present' || state === 'left' ? (lastIn?.at ?? row.arrivedAt) : null,
    // After undoing one of several arrivals the instant of the one standing is not known here (the host checks then).
    arrivedInstant: (state === 'present' || state === 'left') && target.kind !== 'checkIn' ? row.arrivedInstant : null,
    departedAt: target.kind === 'checkOut' || state !== 'left' ? null : row.departedAt,
    undoneArrivedAt: target.kind === 'checkIn' && state === 'expected' ? target.at : row.undoneArrivedAt,
    excuseReason: state === 'excused' ? row.excuseReason : null,
    undoable,
  };
}

/** The roster with an event applied: the person's row and the session's figures. */
export function applyToRoster(roster: SessionRoster, e: QueuedEvent): SessionRoster {
  if (e.sessionId !== roster.session.id) return roster;
  // A check-in by badge code (queued before the roster was there) shows on the row with that code.
  const rows = roster.rows.map((r) => (r.personId === e.personId || (e.personId === null && r.code === e.code) ? applyToRow(r, e) : r));
  return { ...roster, ...rosterTotals(rows.map((r) => r.state)), rows };
}

/** A roster fetched from the host, with this station's waiting events applied on top (they are not there yet). */
export function withWaiting(roster: SessionRoster, state: QueueState): SessionRoster {
  return state.waiting.reduce(applyToRoster, roster);
}

// ---------------------------------------------------------------------------------------------
// Kept across a reload (the station's storage: see renderer/bridge/webBridge.ts)

const isEvent = (e: unknown): e is QueuedEvent => {
  if (typeof e !== 'object' || e === null) return false;
  const v = e as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.sessionId === 'string' &&
    (typeof v.personId === 'string' || (v.personId === null && typeof v.code === 'string')) &&
    (v.code === undefined || v.code === null || typeof v.code === 'string') &&
    (v.kind === 'checkIn' || v.kind === 'checkOut' || v.kind === 'excused' || v.kind === 'undo') &&
    typeof v.at === 'string' &&
    (v.undoes === null || typeof v.undoes === 'string') &&
    (v.reason === undefined || v.reason === null || typeof v.reason === 'string')
  );
};

/** A stored event as sent: a queue stored before excuses (or badge codes) were queued has no reason (or code) field. */
const normalised = (e: QueuedEvent): QueuedEvent => ({ ...e, code: e.code ?? null, reason: e.reason ?? null });

export const serialiseQueue = (state: QueueState): string => JSON.stringify(state);

/** The stored queue; anything unreadable yields an empty queue rather than a crash (never a partial one). */
export function parseQueue(text: string | null): QueueState {
  if (!text) return EMPTY_QUEUE;
  try {
    const v = JSON.parse(text) as { waiting?: unknown; conflicts?: unknown };
    if (!Array.isArray(v.waiting) || !Array.isArray(v.conflicts)) return EMPTY_QUEUE;
    if (!v.waiting.every(isEvent)) return EMPTY_QUEUE;
    const conflicts = v.conflicts.filter(
      (c): c is Conflict => typeof c === 'object' && c !== null && isEvent((c as Conflict).event) && typeof (c as Conflict).reason === 'string',
    );
    const paramsOf = (p: unknown) => (typeof p === 'object' && p !== null ? (p as Conflict['params']) : {});
    return { waiting: v.waiting.map(normalised), conflicts: conflicts.map((c) => ({ ...c, event: normalised(c.event), params: paramsOf(c.params) })) };
  } catch {
    return EMPTY_QUEUE;
  }
}
