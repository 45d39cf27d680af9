/**
 * Attendance at the venue: the check-in desk (check-in by search or badge scan, check-out,
 * excused absence, undo), paper sign-in sheets entered afterwards, events merged from another
 * laptop, the live dashboard, badges and sign-in sheets as PDF.
 *
 * Every fact is an event in attendance_events (never changed); a person's state in a session is
 * folded from their events (main/domain/attendance/state.ts). Each write checks the state inside
 * its transaction, so two quick scans of the same badge give one check-in and one clear
 * "already checked in".
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import type { AttendanceEvent, AttendanceResult, MergeRefusal, MergeResult, QueuedResult, RosterEntry, RosterTotals, SessionDashboard, SessionRoster } from '../domain/attendance/types';
import type { ExportedBinaryFile } from '../domain/assembly/types';
import type { Session } from '../domain/sessions/types';
import {
  deskPerson,
  deskPersonByCode,
  eventsOf,
  findEvent,
  insertEvent,
  rosterPeople,
  sessionEvents,
  allEvents,
  timeZone,
  type DeskPerson,
} from '../../db/attendance';
import { assemblyName } from '../../db/assemblyMeta';
import { confirmedParticipantIds } from '../../db/participants';
import type { Db } from '../../db/connection';
import type { AuditRecord } from '../../db/audit';
import { listFeatures } from '../../db/features';
import { tableOfPeople } from '../../db/tables';
import { featuresOf } from '../../db/people';
import { findSession } from '../../db/sessions';
import { searchKey, compareNames } from '../domain/text';
import { foldAttendance, rosterTotals } from '../domain/attendance/state';
import {
  arrivalEnded,
  checkInRefusal,
  checkOutRefusal,
  checkOutTimeRefusal,
  eventTimeRefusal,
  excuseRefusal,
  mergeRefusal,
  paperSheetProblems,
  undoRefusal,
  undoTargetRefusal,
  undoneCheckInTime,
  type MergeFacts,
  type MergedEvent,
  type Refusal,
} from '../domain/attendance/rules';
import { instantOf, localParts, minutesOf } from '../domain/attendance/time';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { venueHub } from '../venue/hub';
import type { AppContext } from '../context';
import { id, requiredText } from './schemas';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM');
/** What a badge scanner or a person types: the code, in any case, with stray spaces. */
const code = z.string().trim().min(1, 'is required').max(64, 'is too long').transform((c) => c.toUpperCase());
const personRef = { personId: id.optional(), code: code.optional() };
const refineRef = <T extends { personId?: string; code?: string }>(a: T) => (a.personId === undefined) !== (a.code === undefined);
const refMessage = { message: 'give either personId or code', path: ['personId'] };

/** The name of this laptop, stored with every event (which device checked whom in). */
export function deviceName(): string {
  return (process.env.ASSEMBLY_DESK_DEVICE ?? hostname()).slice(0, 100) || 'unknown device';
}

// ---------------------------------------------------------------------------------------------
// Lookups with the desk's own errors

function requireSession(db: Db, sessionId: string): Session {
  const session = findSession(db, sessionId);
  if (!session || session.deletedAt !== null) {
    throw new AppError('NOT_FOUND', 'There is no such session (it may have been deleted).', { sessionId }, 'attendance.sessionNotFound');
  }
  return session;
}

function requirePerson(db: Db, ref: { personId?: string; code?: string }): DeskPerson {
  const person = ref.code !== undefined ? deskPersonByCode(db, ref.code) : deskPerson(db, ref.personId!);
  if (!person || person.erased) {
    if (ref.code !== undefined) {
      throw new AppError(
        'NOT_FOUND',
        `No participant of this assembly has the code ${ref.code}. Check the badge: it may belong to another assembly.`,
        { code: ref.code, params: { code: ref.code } },
        'attendance.unknownCode',
      );
    }
    throw new AppError('NOT_FOUND', 'This person is not in this assembly.', { personId: ref.personId }, 'attendance.unknownPerson');
  }
  return person;
}

/** Throws what a rule of main/domain/attendance/rules.ts refused. */
function refuse(refusal: Refusal | null): void {
  if (refusal) throw new AppError(refusal.code, refusal.message, refusal.details, refusal.key);
}

// ---------------------------------------------------------------------------------------------
// Roster rows

interface SessionClock {
  date: string;
  start: number;
  end: number;
  timeZone: string;
}

function clockOf(db: Db, session: Session): SessionClock {
  return { date: session.date, start: minutesOf(session.startTime), end: minutesOf(session.endTime), timeZone: timeZone(db) };
}

function entryOf(p: DeskPerson, events: readonly AttendanceEvent[], clock: SessionClock, table: string | null): RosterEntry {
  const a = foldAttendance(events);
  const undoneIn = a.state === 'present' ? null : undoneCheckInTime(events);
  const undoneLocal = undoneIn === null ? null : localParts(undoneIn, clock.timeZone);
  const arrived = a.arrivedAt === null ? null : localParts(a.arrivedAt, clock.timeZone);
  const departed = a.departedAt === null ? null : localParts(a.departedAt, clock.timeZone);
  // Minutes across midnight or another date are not "late" in any useful sense: only same-day times count.
  const late = arrived && arrived.date === clock.date && arrived.minutes > clock.start ? arrived.minutes - clock.start : null;
  const early = departed && departed.date === clock.date && departed.minutes < clock.end ? clock.end - departed.minutes : null;
  return {
    personId: p.id,
    code: p.code,
    firstName: p.firstName,
    lastName: p.lastName,
    searchKey: searchKey(`${p.firstName} ${p.lastName} ${p.code}`),
    language: p.language,
    table,
    phone: p.phone,
    needs: { accessibility: p.needsAccessibility, diet: p.needsDiet, childcare: p.needsChildcare === 1, travel: p.needsTravel },
    state: a.state,
    arrivedAt: arrived?.time ?? null,
    departedAt: departed?.time ?? null,
    arrivedInstant: a.arrivedAt,
    lateMinutes: late,
    earlyMinutes: early,
    excuseReason: a.excuseReason,
    undoable: a.live.map((e) => ({ eventId: e.id, kind: e.kind as Exclude<typeof e.kind, 'undo'>, at: localParts(e.at, clock.timeZone).time })),
    undoneArrivedAt: undoneLocal && undoneLocal.date === clock.date ? undoneLocal.time : null,
  };
}

const byName = (a: RosterEntry, b: RosterEntry) =>
  compareNames(a.lastName, b.lastName) || compareNames(a.firstName, b.firstName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The session's events, per person. */
function eventsByPerson(db: Db, sessionId: string): Map<string, AttendanceEvent[]> {
  const events = new Map<string, AttendanceEvent[]>();
  for (const e of sessionEvents(db, sessionId)) {
    const list = events.get(e.personId) ?? [];
    list.push(e);
    events.set(e.personId, list);
  }
  return events;
}

export function buildRoster(db: Db, session: Session): SessionRoster {
  const clock = clockOf(db, session);
  const events = eventsByPerson(db, session.id);
  const tables = tableOfPeople(db, session.id);
  const rows = rosterPeople(db, session.id)
    .filter((p) => !p.erased)
    .map((p) => entryOf(p, events.get(p.id) ?? [], clock, tables.get(p.id) ?? null))
    .sort(byName);
  return { session, timeZone: clock.timeZone, ...rosterTotals(rows.map((r) => r.state)), rows };
}

/** The session's figures, without building its rows. */
function totalsOf(db: Db, sessionId: string): RosterTotals {
  const events = eventsByPerson(db, sessionId);
  const people = rosterPeople(db, sessionId).filter((p) => !p.erased);
  return rosterTotals(people.map((p) => foldAttendance(events.get(p.id) ?? []).state));
}

// ---------------------------------------------------------------------------------------------
// Writing events

function eventTime(ctx: AppContext, clock: SessionClock, at: string | undefined): string {
  return at === undefined ? ctx.nowIso() : instantOf(clock.date, at, clock.timeZone);
}

function record(
  ctx: AppContext,
  db: Db,
  audit: (r: { entity: string; entityId: string | null; action: string; before?: unknown; after?: unknown }) => void,
  e: Omit<AttendanceEvent, 'id' | 'operator' | 'device' | 'recordedAt'>,
  code: string,
): AttendanceEvent {
  const event: AttendanceEvent = { ...e, id: ctx.newId(), operator: ctx.requireOperator(), device: ctx.device().device, recordedAt: ctx.nowIso() };
  insertEvent(db, event);
  // The audit row names the person by code only; the reason of an excuse stays in the event.
  audit({ entity: 'attendance', entityId: event.id, action: `attendance.${e.kind}`, after: { sessionId: e.sessionId, code, at: e.at, source: e.source } });
  return event;
}

function resultFor(db: Db, session: Session, person: DeskPerson, event: AttendanceEvent): AttendanceResult {
  const table = tableOfPeople(db, session.id).get(person.id) ?? null;
  return { person: entryOf(person, eventsOf(db, session.id, person.id), clockOf(db, session), table), event, totals: totalsOf(db, session.id) };
}

function checkIn(ctx: AppContext, db: Db, audit: Parameters<typeof record>[2], session: Session, person: DeskPerson, at: string | undefined, source: 'desk' | 'paper') {
  const clock = clockOf(db, session);
  refuse(checkInRefusal(person, foldAttendance(eventsOf(db, session.id, person.id)), clock.timeZone));
  const when = eventTime(ctx, clock, at);
  // A check-in "now" is admitted on any day (the desk warns when the session is not today); a time given is checked.
  refuse(eventTimeRefusal('checkIn', when, { sessionDate: clock.date, timeZone: clock.timeZone, now: ctx.nowIso() }, at === undefined));
  return record(ctx, db, audit, { sessionId: session.id, personId: person.id, kind: 'checkIn', at: when, source, reason: null, undoes: null }, person.code);
}

function checkOut(ctx: AppContext, db: Db, audit: Parameters<typeof record>[2], session: Session, person: DeskPerson, at: string | undefined, source: 'desk' | 'paper') {
  const clock = clockOf(db, session);
  const state = foldAttendance(eventsOf(db, session.id, person.id));
  const when = eventTime(ctx, clock, at);
  refuse(checkOutRefusal(person, state, when, clock.timeZone));
  // On the day of the arrival it ends: the session's day (or the day of a check-in "now" the desk warned about).
  const arrival = arrivalEnded(state.live, when)!;
  refuse(checkOutTimeRefusal(when, arrival.at, clock.timeZone, ctx.nowIso()));
  return record(ctx, db, audit, { sessionId: session.id, personId: person.id, kind: 'checkOut', at: when, source, reason: null, undoes: null }, person.code);
}

// ---------------------------------------------------------------------------------------------
// Handlers

const eventSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUIDv7'),
  sessionId: id,
  personId: id,
  kind: z.enum(['checkIn', 'checkOut', 'excused', 'undo'], { message: 'must be checkIn, checkOut, excused or undo' }),
  at: z.iso.datetime({ message: 'must be an ISO date and time' }),
  operator: requiredText(200),
  device: requiredText(100),
  source: z.enum(['desk', 'paper', 'merge'], { message: 'must be desk, paper or merge' }),
  reason: z.string().trim().min(1).max(500).nullable(),
  undoes: id.nullable(),
  recordedAt: z.iso.datetime({ message: 'must be an ISO date and time' }),
});

/** An event a desk station recorded while the host could not be reached (renderer/station/queue.ts). */
const queuedSchema = z
  .strictObject({
  id: eventSchema.shape.id,
  sessionId: id,
  /** The person; or, from a station that started while the host was unreachable (it had no roster), their badge code. */
  personId: id.nullable().optional(),
  code: code.nullable().optional(),
  kind: z.enum(['checkIn', 'checkOut', 'excused', 'undo'], { message: 'must be checkIn, checkOut, excused or undo' }),
  at: z.iso.datetime({ message: 'must be an ISO date and time' }),
  undoes: id.nullable(),
  /** excused: the reason (an excuse without one is refused as malformed, as in a merge). */
  reason: z.string().trim().min(1, 'is required').max(500, 'is too long').nullable().optional(),
  })
  .refine((e) => (e.personId == null) !== (e.code == null), refMessage);
type QueuedEvent = z.infer<typeof queuedSchema>;

/**
 * The parameters of a refusal's sentence as they travel back to a station (and into the audit
 * row): plain values only, and never the person's name, which a station must not keep.
 */
function sentenceParams(details: Record<string, unknown> | undefined): Record<string, string | number> {
  const params = details?.params;
  if (typeof params !== 'object' || params === null) return {};
  return Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== 'name' && (typeof v === 'string' || typeof v === 'number'))) as Record<string, string | number>;
}

/**
 * A station's queue, sent when the host answers again. Unlike a merge from a file, each event is
 * judged on its own, in the order the station recorded them, as the desk would judge it (the
 * merge rules: a confirmed member, a known session, a plausible time, an undo of an event that
 * exists); what is admitted is recorded under the calling device and person, what is refused is
 * answered with its reason and written nowhere. An event sent again (the answer was lost) is
 * recognised by its id and reported accepted once more, never recorded twice; an id already used
 * by another device or for another fact is refused.
 */
function submitQueued(ctx: AppContext, db: Db, audit: Parameters<typeof record>[2], events: readonly QueuedEvent[]): QueuedResult {
  const tz = timeZone(db);
  const now = ctx.nowIso();
  const operator = ctx.requireOperator();
  const device = ctx.device().device;
  const accepted: string[] = [];
  const refused: MergeRefusal[] = [];
  /** Badge codes of refused events whose person could not be found (the audit row names people by code). */
  const codeOfRefused = new Map<string, string>();
  events.forEach((queued, i) => {
    const refuseEvent = (personId: string, r: { key: string; message: string; details?: Record<string, unknown> }) =>
      refused.push({ index: i + 1, eventId: queued.id, sessionId: queued.sessionId, personId, kind: queued.kind, at: queued.at, key: r.key, reason: r.message, params: sentenceParams(r.details) });
    // A station that started offline knows badge codes, not people: the code is resolved here, as the desk resolves a scan.
    let personId = queued.personId ?? null;
    if (personId === null) {
      const byCode = deskPersonByCode(db, queued.code!);
      if (!byCode || byCode.erased) {
        codeOfRefused.set(queued.id, queued.code!);
        return refuseEvent('', { key: 'attendance.unknownCode', message: `No participant of this assembly has the code ${queued.code}.`, details: { params: { code: queued.code } } });
      }
      personId = byCode.id;
    }
    const e = { ...queued, personId, reason: queued.reason ?? null };
    const existing = findEvent(db, e.id);
    if (existing) {
      const same =
        existing.device === device &&
        existing.sessionId === e.sessionId &&
        existing.personId === e.personId &&
        existing.kind === e.kind &&
        existing.at === e.at &&
        existing.undoes === e.undoes &&
        existing.reason === e.reason;
      if (same) accepted.push(e.id);
      else refuseEvent(personId, { key: 'attendance.queuedIdTaken', message: 'another event is already recorded with this id' });
      return;
    }
    // Judged as received now: an event sent as it happened counts as recorded live (a check-in
    // "now" is admitted on any day, as at the desk, which warns); one that waited in a queue, or
    // dated by a tablet whose clock is wrong, must fall on the session's day.
    const event: MergedEvent = { id: e.id, sessionId: e.sessionId, personId, kind: e.kind, at: e.at, undoes: e.undoes, reason: e.reason, recordedAt: now };
    const facts = mergeFactsOf(db, e, tz, now);
    // A check-out at a time chosen at the station: the desk's own refusals (before the arrival,
    // another day, in the future), with the desk's sentences, before the merge rules.
    if (e.kind === 'checkOut' && facts.person) {
      const standing = foldAttendance(facts.history);
      const lastIn = standing.state === 'present' ? standing.live.find((x) => x.kind === 'checkIn') : undefined;
      const timeRefused = lastIn ? checkOutTimeRefusal(e.at, lastIn.at, tz, now) : null;
      if (timeRefused) return refuseEvent(personId, timeRefused);
    }
    const refusal = mergeRefusal(event, facts);
    if (refusal) return refuseEvent(personId, refusal);
    if (e.kind === 'undo') {
      const again = undoRefusal(facts.person!, facts.target!, foldAttendance(facts.history));
      if (again) return refuseEvent(personId, again);
    }
    insertEvent(db, { id: e.id, sessionId: e.sessionId, personId, kind: e.kind, at: e.at, undoes: e.undoes, reason: e.reason, operator, device, source: 'desk', recordedAt: now });
    accepted.push(e.id);
  });
  // The host's screen lists what it refused from stations (Settings, venue link) from these rows;
  // as on the desk's rows, the person is named by code only.
  if (events.length > 0) {
    const refusedRows = refused.map((r) => ({
      eventId: r.eventId,
      sessionId: r.sessionId,
      code: codeOfRefused.get(r.eventId) ?? deskPerson(db, r.personId)?.code ?? null,
      kind: r.kind,
      at: r.at,
      key: r.key,
      reason: r.reason,
      params: r.params,
    }));
    audit({ entity: 'attendance', entityId: null, action: 'attendance.submitQueued', after: { accepted: accepted.length, refused: refusedRows } });
  }
  return { accepted, refused };
}

/**
 * What the merge rules judge an event against, read from the file: its session and person (null
 * when deleted or erased), the event an undo names, and the person's events in that session. A
 * merge from a file also sees the rest of its batch (`batch`: by id; `fresh`: not yet recorded).
 * One place for the three ways events arrive from elsewhere: a file, a station's queue, a restore.
 */
function mergeFactsOf(
  db: Db,
  e: { sessionId: string; personId: string; undoes: string | null },
  timeZone: string,
  now: string,
  inBatch: { batch: ReadonlyMap<string, MergedEvent>; fresh: readonly MergedEvent[] } | null = null,
): MergeFacts {
  const session = findSession(db, e.sessionId);
  const person = deskPerson(db, e.personId);
  const target = e.undoes === null ? null : ((findEvent(db, e.undoes) as MergedEvent | null) ?? inBatch?.batch.get(e.undoes) ?? null);
  const recorded = eventsOf(db, e.sessionId, e.personId);
  const pending = inBatch ? inBatch.fresh.filter((x) => x.sessionId === e.sessionId && x.personId === e.personId) : [];
  return {
    session: session && session.deletedAt === null ? { date: session.date } : null,
    person: person && !person.erased ? person : null,
    timeZone,
    now,
    target,
    history: [...recorded, ...pending],
  };
}

/** What a restore did with the attendance recorded after its backup (see reapplyEvents). */
export interface ReappliedAttendance {
  reapplied: number;
  refused: MergeRefusal[];
}

/**
 * After a restore: the check-ins, check-outs, excuses and undos that the replaced state held and
 * the backup does not are applied again, in the order they were recorded, each judged as a merge
 * would judge it (main/domain/attendance/rules.ts) against the restored file. They keep their ids,
 * times, operators and devices. What the restored file refuses (a person no longer confirmed
 * there, a session deleted there) is returned for a person to decide: never dropped silently.
 */
export function reapplyEvents(db: Db, audit: (record: AuditRecord) => void, events: readonly AttendanceEvent[], now: string): ReappliedAttendance {
  const tz = timeZone(db);
  const missing = events.filter((e) => findEvent(db, e.id) === null).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.at.localeCompare(b.at));
  const refused: MergeRefusal[] = [];
  let reapplied = 0;
  missing.forEach((e, i) => {
    const refusal = mergeRefusal(e as MergedEvent, mergeFactsOf(db, e, tz, now));
    if (refusal) {
      refused.push({ index: i + 1, eventId: e.id, sessionId: e.sessionId, personId: e.personId, kind: e.kind, at: e.at, key: refusal.key, reason: refusal.message });
      return;
    }
    insertEvent(db, e);
    reapplied++;
  });
  if (missing.length > 0) {
    // By code only, as every attendance row of the audit log.
    const refusedRows = refused.map((r) => ({ eventId: r.eventId, sessionId: r.sessionId, code: deskPerson(db, r.personId)?.code ?? null, kind: r.kind, at: r.at, key: r.key }));
    audit({ entity: 'attendance', entityId: null, action: 'attendance.reappliedAfterRestore', after: { reapplied, refused: refusedRows } });
  }
  return { reapplied, refused };
}

export const attendanceHandlers = handlers({
  'attendance.roster': {
    args: z.strictObject({ sessionId: id }),
    run: (args, ctx): SessionRoster => {
      const db = ctx.requireDb();
      return buildRoster(db, requireSession(db, args.sessionId));
    },
  },

  'attendance.checkIn': {
    args: z.strictObject({ sessionId: id, at: hhmm.optional(), ...personRef }).refine(refineRef, refMessage),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AttendanceResult => {
        const session = requireSession(db, args.sessionId);
        const person = requirePerson(db, args);
        const event = checkIn(ctx, db, audit, session, person, args.at, 'desk');
        return resultFor(db, session, person, event);
      }),
  },

  'attendance.checkOut': {
    args: z.strictObject({ sessionId: id, at: hhmm.optional(), ...personRef }).refine(refineRef, refMessage),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AttendanceResult => {
        const session = requireSession(db, args.sessionId);
        const person = requirePerson(db, args);
        const event = checkOut(ctx, db, audit, session, person, args.at, 'desk');
        return resultFor(db, session, person, event);
      }),
  },

  'attendance.excuse': {
    args: z.strictObject({ sessionId: id, personId: id, reason: requiredText(500) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AttendanceResult => {
        const session = requireSession(db, args.sessionId);
        const person = requirePerson(db, { personId: args.personId });
        refuse(excuseRefusal(person, foldAttendance(eventsOf(db, session.id, person.id)), clockOf(db, session).timeZone));
        const event = record(
          ctx,
          db,
          audit,
          { sessionId: session.id, personId: person.id, kind: 'excused', at: ctx.nowIso(), source: 'desk', reason: args.reason, undoes: null },
          person.code,
        );
        return resultFor(db, session, person, event);
      }),
  },

  'attendance.undo': {
    args: z.strictObject({ eventId: id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AttendanceResult => {
        const target = findEvent(db, args.eventId);
        refuse(undoTargetRefusal(target, args.eventId));
        const session = requireSession(db, target!.sessionId);
        const person = requirePerson(db, { personId: target!.personId });
        refuse(undoRefusal(person, target!, foldAttendance(eventsOf(db, session.id, person.id))));
        const event = record(
          ctx,
          db,
          audit,
          { sessionId: session.id, personId: person.id, kind: 'undo', at: ctx.nowIso(), source: 'desk', reason: null, undoes: target!.id },
          person.code,
        );
        return resultFor(db, session, person, event);
      }),
  },

  'attendance.paperEntry': {
    args: z.strictObject({
      sessionId: id,
      entries: z
        .array(z.strictObject({ personId: id, arrivedAt: hhmm, departedAt: hhmm.nullable().optional() }))
        .min(1, 'must hold at least one row')
        .max(5000),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): SessionRoster => {
        const session = requireSession(db, args.sessionId);
        // Every row is checked before anything is written: the sheet goes in whole or not at all.
        const problems = paperSheetProblems(args.entries);
        if (problems.length > 0) {
          throw new AppError('VALIDATION', `The sign-in sheet cannot be entered: ${problems.map((p) => p.message).join('; ')}.`, { fields: problems }, 'attendance.paperInvalid');
        }
        args.entries.forEach((entry, i) => {
          try {
            const person = requirePerson(db, { personId: entry.personId });
            checkIn(ctx, db, audit, session, person, entry.arrivedAt, 'paper');
            if (entry.departedAt) checkOut(ctx, db, audit, session, person, entry.departedAt, 'paper');
          } catch (e) {
            // Name the row; the transaction is rolled back, so nothing of the sheet is kept.
            if (e instanceof AppError) throw new AppError(e.code, `Row ${i + 1}: ${e.message} Nothing was entered.`, { ...e.details, row: i + 1 }, e.i18nKey);
            throw e;
          }
        });
        return buildRoster(db, session);
      }),
  },

  'attendance.events': {
    args: z.strictObject({ sessionId: id.optional() }),
    run: (args, ctx): AttendanceEvent[] => {
      const db = ctx.requireDb();
      return args.sessionId === undefined ? allEvents(db) : sessionEvents(db, requireSession(db, args.sessionId).id);
    },
  },

  'attendance.merge': {
    args: z.strictObject({ events: z.array(eventSchema).max(100_000) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): MergeResult => {
        const tz = timeZone(db);
        const now = ctx.nowIso();
        const batch = new Map(args.events.map((e) => [e.id, e]));
        const fresh: AttendanceEvent[] = [];
        for (const e of args.events) {
          const existing = findEvent(db, e.id);
          if (!existing) {
            fresh.push(e);
            continue;
          }
          // The same id must mean the same event: anything else is a conflict, not a duplicate.
          if (existing.sessionId !== e.sessionId || existing.personId !== e.personId || existing.kind !== e.kind || existing.at !== e.at || existing.undoes !== e.undoes) {
            throw new AppError('CONFLICT', `Event ${e.id} differs from the one already recorded with that id. Nothing was merged.`, { eventId: e.id }, 'attendance.mergeConflict');
          }
        }
        // Every new event is judged as the desk would judge it (main/domain/attendance/rules.ts), against the
        // file's events and the whole batch; one refusal and nothing is written.
        const refused: MergeRefusal[] = [];
        fresh.forEach((e) => {
          const refusal = mergeRefusal(e, mergeFactsOf(db, e, tz, now, { batch, fresh }));
          if (refusal) {
            const index = args.events.indexOf(e) + 1;
            refused.push({ index, eventId: e.id, sessionId: e.sessionId, personId: e.personId, kind: e.kind, at: e.at, key: refusal.key, reason: refusal.message });
          }
        });
        if (refused.length > 0) {
          const problems = refused.map((r) => `event ${r.index} (${r.eventId}): ${r.reason}`);
          throw new AppError(
            'VALIDATION',
            `These events cannot be merged (nothing was): ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}.`,
            { problems: problems.slice(0, 200), refused: refused.slice(0, 1000), params: { count: refused.length } },
            'attendance.mergeInvalid',
          );
        }
        for (const e of fresh) insertEvent(db, e);
        const added = fresh.length;
        audit({ entity: 'attendance', entityId: null, action: 'attendance.merge', after: { added, skipped: args.events.length - added } });
        return { added, skipped: args.events.length - added };
      }),
  },

  'attendance.submitQueued': {
    args: z.strictObject({
      events: z.array(queuedSchema).max(5000),
      /** How many events the station had queued in all, this batch included (shown in the host's devices list). */
      waiting: z.number().int('must be a whole number').min(0, 'must be at least 0').max(1_000_000, 'is too large').optional(),
    }),
    run: (args, ctx) => {
      const result = ctx.mutate((db, audit): QueuedResult => submitQueued(ctx, db, audit, args.events));
      const caller = ctx.caller;
      if (caller.kind === 'station') venueHub(ctx).reportQueue(caller.deviceId, args.waiting ?? args.events.length, result.accepted.length + result.refused.length);
      return result;
    },
  },

  'attendance.dashboard': {
    args: z.strictObject({ sessionId: id }),
    run: (args, ctx): SessionDashboard => {
      const db = ctx.requireDb();
      const session = requireSession(db, args.sessionId);
      const roster = buildRoster(db, session);
      // Arrivals, cumulative, per 5 minutes from the first one to the last.
      const arrivals = roster.rows
        .filter((r) => r.arrivedAt !== null)
        .map((r) => minutesOf(r.arrivedAt!))
        .sort((a, b) => a - b);
      const series: SessionDashboard['arrivals'] = [];
      if (arrivals.length > 0) {
        const first = Math.floor(arrivals[0]! / 5) * 5;
        const last = Math.floor(arrivals[arrivals.length - 1]! / 5) * 5;
        let i = 0;
        for (let t = first; t <= last; t += 5) {
          while (i < arrivals.length && arrivals[i]! < t + 5) i++;
          series.push({ time: `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`, arrived: i });
        }
      }
      const confirmedIds = roster.rows.map((r) => r.personId);
      const features = featuresOf(db, confirmedIds);
      const attended = new Set(roster.rows.filter((r) => r.state === 'present' || r.state === 'left').map((r) => r.personId));
      const composition: SessionDashboard['composition'] = [];
      for (const f of listFeatures(db)) {
        if (!f.values.some((v) => v.min !== null || v.max !== null)) continue;
        for (const v of f.values) {
          let confirmed = 0;
          let present = 0;
          for (const personId of confirmedIds) {
            if (features.get(personId)?.[f.name] !== v.value) continue;
            confirmed++;
            if (attended.has(personId)) present++;
          }
          composition.push({ feature: f.name, value: v.value, min: v.min, max: v.max, confirmed, present });
        }
      }
      return { session, expected: roster.expected, present: roster.present, left: roster.left, excused: roster.excused, arrivals: series, composition };
    },
  },

  'attendance.badges': {
    args: z.strictObject({ personIds: z.array(id).min(1).max(5000).optional(), lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const people = args.personIds
        ? args.personIds.map((personId) => requirePerson(db, { personId }))
        : confirmedParticipantIds(db).map((personId) => requirePerson(db, { personId }));
      if (people.length === 0) {
        throw new AppError('VALIDATION', 'There are no confirmed participants to make badges for yet.', {}, 'attendance.noBadges');
      }
      const lang = args.lang ?? ctx.settings.get().language;
      // Loaded when first needed: the PDF machinery (pdfmake, fonts) is not needed at the desk.
      const { badgeSheet } = await import('../reports/badges');
      const pdf = await badgeSheet(
        people.map((p) => ({ firstName: p.firstName, lastName: p.lastName, code: p.code, language: p.language, table: null })),
        { assemblyName: assemblyName(db), lang, generatedAt: ctx.clock(), timeZone: timeZone(db) },
      );
      return { fileName: `badges-${ctx.nowIso().slice(0, 10)}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
    },
  },

  'attendance.signInSheet': {
    args: z.strictObject({ sessionId: id, lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const session = requireSession(db, args.sessionId);
      const roster = buildRoster(db, session);
      if (roster.rows.every((r) => r.state === 'excused')) {
        throw new AppError('VALIDATION', 'Nobody is expected at this session (no confirmed participants, or every absence excused): there is no sign-in sheet to print.', {}, 'attendance.noSignInRows');
      }
      const lang = args.lang ?? ctx.settings.get().language;
      const { signInSheet } = await import('../reports/signInSheet');
      const pdf = await signInSheet(
        session,
        roster.rows.filter((r) => r.state !== 'excused').map((r) => ({ firstName: r.firstName, lastName: r.lastName, code: r.code, language: r.language, table: r.table })),
        { assemblyName: assemblyName(db), lang, generatedAt: ctx.clock(), timeZone: timeZone(db) },
      );
      return { fileName: `sign-in-${session.date}-${session.startTime.replace(':', '')}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
    },
  },
});

