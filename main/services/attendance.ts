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
import type {
  AttendanceEvent,
  AttendanceResult,
  ExportedBinaryFile,
  RosterEntry,
  Session,
  SessionDashboard,
  SessionRoster,
} from '../../preload/contract';
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
import type { Db } from '../../db/connection';
import { listFeatures } from '../../db/features';
import { tableOfPeople } from '../../db/tables';
import { featuresOf } from '../../db/people';
import { findSession } from '../../db/sessions';
import { searchKey, compareNames } from '../domain/text';
import { foldAttendance, type Attendance } from '../domain/attendance/state';
import { instantOf, localParts, minutesOf } from '../domain/attendance/time';
import { AppError } from '../errors';
import { handlers } from '../registry';
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

function personDetails(p: DeskPerson) {
  return { personId: p.id, code: p.code, firstName: p.firstName, lastName: p.lastName, status: p.status };
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

function requireConfirmed(p: DeskPerson): void {
  if (p.status === 'confirmed') return;
  throw new AppError(
    'CONFLICT',
    `${p.code} is not a confirmed participant (status: ${p.status}). Check with the organisers before letting them in as a member.`,
    { person: personDetails(p), params: { code: p.code, status: p.status, name: `${p.firstName} ${p.lastName}` } },
    'attendance.notConfirmed',
  );
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

function entryOf(p: DeskPerson, a: Attendance, clock: SessionClock, table: string | null): RosterEntry {
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
    lateMinutes: late,
    earlyMinutes: early,
    excuseReason: a.excuseReason,
    undoable: a.live.map((e) => ({ eventId: e.id, kind: e.kind as Exclude<typeof e.kind, 'undo'>, at: localParts(e.at, clock.timeZone).time })),
  };
}

const byName = (a: RosterEntry, b: RosterEntry) =>
  compareNames(a.lastName, b.lastName) || compareNames(a.firstName, b.firstName) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function buildRoster(db: Db, session: Session): SessionRoster {
  const clock = clockOf(db, session);
  const events = new Map<string, AttendanceEvent[]>();
  for (const e of sessionEvents(db, session.id)) {
    const list = events.get(e.personId) ?? [];
    list.push(e);
    events.set(e.personId, list);
  }
  const tables = tableOfPeople(db, session.id);
  const rows = rosterPeople(db, session.id)
    .filter((p) => !p.erased)
    .map((p) => entryOf(p, foldAttendance(events.get(p.id) ?? []), clock, tables.get(p.id) ?? null))
    .sort(byName);
  return {
    session,
    expected: rows.filter((r) => r.state !== 'excused').length,
    present: rows.filter((r) => r.state === 'present').length,
    left: rows.filter((r) => r.state === 'left').length,
    excused: rows.filter((r) => r.state === 'excused').length,
    rows,
  };
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
  return { person: entryOf(person, foldAttendance(eventsOf(db, session.id, person.id)), clockOf(db, session), table), event };
}

function refuseIfHere(p: DeskPerson, a: Attendance, clock: SessionClock): void {
  if (a.state !== 'present') return;
  const at = localParts(a.arrivedAt!, clock.timeZone).time;
  throw new AppError('CONFLICT', `${p.code} is already checked in (since ${at}).`, { person: personDetails(p), arrivedAt: at, params: { code: p.code, since: at, name: `${p.firstName} ${p.lastName}` } }, 'attendance.alreadyCheckedIn');
}

function checkIn(ctx: AppContext, db: Db, audit: Parameters<typeof record>[2], session: Session, person: DeskPerson, at: string | undefined, source: 'desk' | 'paper') {
  requireConfirmed(person);
  const clock = clockOf(db, session);
  refuseIfHere(person, foldAttendance(eventsOf(db, session.id, person.id)), clock);
  const when = eventTime(ctx, clock, at);
  return record(ctx, db, audit, { sessionId: session.id, personId: person.id, kind: 'checkIn', at: when, source, reason: null, undoes: null }, person.code);
}

function checkOut(ctx: AppContext, db: Db, audit: Parameters<typeof record>[2], session: Session, person: DeskPerson, at: string | undefined, source: 'desk' | 'paper') {
  const clock = clockOf(db, session);
  const state = foldAttendance(eventsOf(db, session.id, person.id));
  if (state.state !== 'present') {
    throw new AppError(
      'CONFLICT',
      state.state === 'left' ? `${person.code} has already left.` : `${person.code} is not checked in: check them in before checking them out.`,
      { person: personDetails(person), state: state.state },
      'attendance.notCheckedIn',
    );
  }
  const when = eventTime(ctx, clock, at);
  // Against the latest arrival: someone who left and came back leaves after coming back.
  const lastArrival = state.live.find((e) => e.kind === 'checkIn')!.at;
  if (when < lastArrival) {
    const arrived = localParts(lastArrival, clock.timeZone).time;
    throw new AppError('VALIDATION', `The departure time is before the arrival (${arrived}).`, {
      fields: [{ field: 'at', rule: 'afterArrival', message: `must be after the arrival (${arrived})` }],
    }, 'attendance.departureBeforeArrival');
  }
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
        requireConfirmed(person);
        const clock = clockOf(db, session);
        const state = foldAttendance(eventsOf(db, session.id, person.id));
        refuseIfHere(person, state, clock);
        if (state.state === 'left') {
          throw new AppError('CONFLICT', `${person.code} attended this session: an absence cannot be excused.`, { person: personDetails(person) }, 'attendance.alreadyCheckedIn');
        }
        if (state.state === 'excused') {
          throw new AppError('CONFLICT', `${person.code}'s absence is already excused.`, { person: personDetails(person) }, 'attendance.alreadyExcused');
        }
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
        if (!target) throw new AppError('NOT_FOUND', 'There is no such check-in event.', { eventId: args.eventId }, 'attendance.eventNotFound');
        if (target.kind === 'undo') {
          throw new AppError('VALIDATION', 'An undo cannot itself be undone: check the person in (or out) again instead.', {}, 'attendance.cannotUndoUndo');
        }
        const session = requireSession(db, target.sessionId);
        const person = requirePerson(db, { personId: target.personId });
        const state = foldAttendance(eventsOf(db, session.id, person.id));
        if (state.undone.has(target.id)) {
          throw new AppError('CONFLICT', 'This was already undone.', { person: personDetails(person) }, 'attendance.alreadyUndone');
        }
        // A check-in with a later check-out still standing would leave a departure without an arrival.
        if (target.kind === 'checkIn' && state.live.some((e) => e.kind === 'checkOut')) {
          const onlyCheckIn = state.live.filter((e) => e.kind === 'checkIn').length === 1;
          if (onlyCheckIn) {
            throw new AppError('CONFLICT', `Undo ${person.code}'s check-out first.`, { person: personDetails(person) }, 'attendance.undoCheckOutFirst');
          }
        }
        const event = record(
          ctx,
          db,
          audit,
          { sessionId: session.id, personId: person.id, kind: 'undo', at: ctx.nowIso(), source: 'desk', reason: null, undoes: target.id },
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
        const problems: { field: string; rule: string; message: string }[] = [];
        const seen = new Set<string>();
        args.entries.forEach((entry, i) => {
          const field = `entries.${i}`;
          if (seen.has(entry.personId)) problems.push({ field: `${field}.personId`, rule: 'duplicate', message: `row ${i + 1}: this person is on the sheet twice` });
          seen.add(entry.personId);
          if (entry.departedAt && entry.departedAt < entry.arrivedAt) {
            problems.push({ field: `${field}.departedAt`, rule: 'afterArrival', message: `row ${i + 1}: the departure (${entry.departedAt}) is before the arrival (${entry.arrivedAt})` });
          }
        });
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
      ctx.mutate((db, audit) => {
        const problems: string[] = [];
        args.events.forEach((e, i) => {
          const session = findSession(db, e.sessionId);
          if (!session || session.deletedAt !== null) problems.push(`event ${i + 1} (${e.id}): unknown or deleted session`);
          const person = deskPerson(db, e.personId);
          if (!person || person.erased) problems.push(`event ${i + 1} (${e.id}): unknown or erased person`);
          if ((e.kind === 'undo') !== (e.undoes !== null)) problems.push(`event ${i + 1} (${e.id}): only an undo names the event it undoes`);
          if ((e.kind === 'excused') !== (e.reason !== null)) problems.push(`event ${i + 1} (${e.id}): only an excuse has a reason`);
        });
        if (problems.length > 0) {
          throw new AppError('VALIDATION', `These events cannot be merged (nothing was): ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}.`, { problems: problems.slice(0, 200) }, 'attendance.mergeInvalid');
        }
        let added = 0;
        for (const e of args.events) {
          const existing = findEvent(db, e.id);
          if (existing) {
            // The same id must mean the same event: anything else is a conflict, not a duplicate.
            if (existing.sessionId !== e.sessionId || existing.personId !== e.personId || existing.kind !== e.kind || existing.at !== e.at || existing.undoes !== e.undoes) {
              throw new AppError('CONFLICT', `Event ${e.id} differs from the one already recorded with that id. Nothing was merged.`, { eventId: e.id }, 'attendance.mergeConflict');
            }
            continue;
          }
          insertEvent(db, e);
          added++;
        }
        audit({ entity: 'attendance', entityId: null, action: 'attendance.merge', after: { added, skipped: args.events.length - added } });
        return { added, skipped: args.events.length - added };
      }),
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
        : (db.prepare("SELECT id FROM people WHERE status = 'confirmed' AND deleted_at IS NULL AND erased_at IS NULL").pluck().all() as string[]).map(
            (personId) => requirePerson(db, { personId }),
          );
      if (people.length === 0) {
        throw new AppError('VALIDATION', 'There are no confirmed participants to make badges for yet.', {}, 'attendance.noBadges');
      }
      const lang = args.lang ?? ctx.settings.get().language;
      // Loaded when first needed: the PDF machinery (pdfmake, fonts) is not needed at the desk.
      const { badgeSheet } = await import('../reports/badges');
      const pdf = await badgeSheet(
        people.map((p) => ({ firstName: p.firstName, lastName: p.lastName, code: p.code, language: p.language, table: null })),
        { assemblyName: assemblyName(db), lang, generatedAt: ctx.clock() },
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
        { assemblyName: assemblyName(db), lang, generatedAt: ctx.clock() },
      );
      return { fileName: `sign-in-${session.date}-${session.startTime.replace(':', '')}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') };
    },
  },
});

