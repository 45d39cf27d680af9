/**
 * Experts, guests and the agenda: contributors (people who are not panel members), the
 * perspectives and rooms the assembly defines, the time slots of each session, and what the
 * planner needs to see while planning: warnings (main/domain/agenda/warnings.ts), the balance
 * of speaking time per topic and perspective (balance.ts) and the party leaders' engagement.
 */
import { z } from 'zod';
import { CONTRIBUTOR_ROLES, PERSON_LANGUAGES, SLOT_KINDS } from '../../preload/vocabulary';
import type { AgendaOverview, AgendaSlot, AgendaWarning, Contributor, LeaderEngagement, Perspective, Room } from '../domain/agenda/types';
import type { ExportedBinaryFile, ExportedFile } from '../domain/assembly/types';
import type { Session } from '../domain/sessions/types';
import {
  deleteContributor,
  deleteSlot,
  findContributor,
  findSlot,
  listContributors,
  listPerspectives,
  listRooms,
  listSlots,
  replacePerspectives,
  replaceRooms,
  writeContributor,
  writeSlot,
} from '../../db/agenda';
import { timeZone } from '../../db/attendance';
import { assemblyName } from '../../db/assemblyMeta';
import type { Db } from '../../db/connection';
import { confirmedParticipantCount } from '../../db/participants';
import { findSession, listSessions } from '../../db/sessions';
import { minutesOf } from '../domain/attendance/time';
import { topicBalance } from '../domain/agenda/balance';
import { agendaWarnings } from '../domain/agenda/warnings';
import { compareNames, NAME_LOCALES, searchKey } from '../domain/text';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { calendar } from '../reports/ics';
import { id, requiredText, text } from './schemas';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date, YYYY-MM-DD');
const language = z.enum(PERSON_LANGUAGES, { message: 'must be nl, fr, de or en' });
const languages = z.array(language).max(4).refine((l) => new Set(l).size === l.length, 'lists a language twice');
const cents = z.number().int('must be a whole number of cents').min(0, 'must be at least 0').max(100_000_000, 'is too large');
const ids = z.array(id).max(50).refine((l) => new Set(l).size === l.length, 'lists someone twice');

const slotFields = {
  sessionId: id,
  startTime: hhmm,
  endTime: hhmm,
  kind: z.enum(SLOT_KINDS, { message: `must be one of ${SLOT_KINDS.join(', ')}` }),
  title: text(200),
  topic: text(120),
  roomId: id.nullable(),
  speakerIds: ids,
  facilitatorIds: ids,
  languages,
  interpretation: languages,
  notes: text(2000),
};

const contributorFields = {
  name: requiredText(200),
  role: z.enum(CONTRIBUTOR_ROLES, { message: `must be one of ${CONTRIBUTOR_ROLES.join(', ')}` }),
  organisation: text(200),
  topics: z.array(requiredText(120)).max(50),
  perspectiveId: id.nullable(),
  languages,
  email: z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not an e-mail address').nullable(),
  phone: text(40).nullable(),
  availability: z
    .array(z.strictObject({ date: isoDate, startTime: hhmm, endTime: hhmm }).refine((w) => w.endTime > w.startTime, { message: 'ends before it starts', path: ['endTime'] }))
    .max(200),
  feeCents: cents,
  travelCents: cents,
  consentPublish: z.boolean({ message: 'must be true or false' }),
  status: z.enum(['invited', 'confirmed', 'declined'], { message: 'must be invited, confirmed or declined' }),
  notes: text(2000),
};

// ---------------------------------------------------------------------------------------------
// Checks against the file

function requireLiveSession(db: Db, sessionId: string, field = 'sessionId'): Session {
  const s = findSession(db, sessionId);
  if (!s || s.deletedAt !== null) {
    throw new AppError('VALIDATION', 'There is no such session (it may have been deleted).', { fields: [{ field, rule: 'notFound', message: 'is not a session' }] }, 'agenda.sessionNotFound');
  }
  return s;
}

function checkSlot(db: Db, s: Omit<AgendaSlot, 'id' | 'createdAt' | 'updatedAt'>): void {
  requireLiveSession(db, s.sessionId);
  const problems: { field: string; rule: string; message: string }[] = [];
  if (s.endTime <= s.startTime) problems.push({ field: 'endTime', rule: 'endAfterStart', message: 'must be after the start time' });
  if (s.roomId !== null && !listRooms(db).some((r) => r.id === s.roomId)) problems.push({ field: 'roomId', rule: 'notFound', message: 'is not a room of this assembly' });
  const known = new Set(listContributors(db).map((c) => c.id));
  for (const field of ['speakerIds', 'facilitatorIds'] as const) {
    const unknown = s[field].filter((c) => !known.has(c));
    if (unknown.length > 0) problems.push({ field, rule: 'notFound', message: `names ${unknown.length} unknown contributor(s)` });
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The slot cannot be saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`, { fields: problems });
  }
}

function requireSlot(db: Db, slotId: string): AgendaSlot {
  const slot = findSlot(db, slotId);
  if (!slot) throw new AppError('NOT_FOUND', 'There is no such slot (it may have been deleted).', { id: slotId }, 'agenda.slotNotFound');
  return slot;
}

function requireContributor(db: Db, contributorId: string): Contributor {
  const c = findContributor(db, contributorId);
  if (!c) throw new AppError('NOT_FOUND', 'There is no such contributor (they may have been removed).', { id: contributorId }, 'agenda.contributorNotFound');
  return c;
}

function checkContributor(db: Db, c: Omit<Contributor, 'id' | 'createdAt' | 'updatedAt'>): void {
  if (c.perspectiveId !== null && !listPerspectives(db).some((p) => p.id === c.perspectiveId)) {
    throw new AppError('VALIDATION', 'That perspective does not exist.', { fields: [{ field: 'perspectiveId', rule: 'notFound', message: 'is not a perspective of this assembly' }] });
  }
}

/** A list that names the same id twice would rename one entry into another: refused. */
function refuseRepeatedIds(list: { id?: string }[], field: string): void {
  const ids = list.map((x) => x.id);
  const twice = ids.findIndex((x, i) => x !== undefined && ids.indexOf(x) !== i);
  if (twice >= 0) {
    throw new AppError('VALIDATION', 'The same entry is given twice in the list.', { fields: [{ field: `${field}.${twice}.id`, rule: 'duplicate', message: 'is given twice' }] });
  }
}

const hhmmOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A slot of the same length starting at `start`; refused when it would run past midnight. */
function shifted(slot: AgendaSlot, start: string): { startTime: string; endTime: string } {
  const end = minutesOf(start) + minutesOf(slot.endTime) - minutesOf(slot.startTime);
  if (end > 23 * 60 + 59) {
    throw new AppError('VALIDATION', `Starting at ${start}, the slot would end after midnight.`, {
      fields: [{ field: 'startTime', rule: 'tooLate', message: 'leaves no room for the slot before midnight' }],
    });
  }
  return { startTime: start, endTime: hhmmOf(end) };
}

// ---------------------------------------------------------------------------------------------
// The overview

/**
 * Contributors and rooms come in the collation of `language` (the screen's, or the report's):
 * SQLite's NOCASE order is by bytes and puts "Élodie" after "Zoë".
 */
export function agendaOverview(db: Db, language = 'nl'): AgendaOverview {
  const locale = NAME_LOCALES[language] ?? language;
  const sessions = listSessions(db);
  const slots = listSlots(db);
  const contributors = listContributors(db).sort((a, b) => compareNames(a.name, b.name, locale) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const perspectives = listPerspectives(db);
  const rooms = listRooms(db).sort((a, b) => compareNames(a.name, b.name, locale) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const expectedAttendance = confirmedParticipantCount(db);
  const contributorById = new Map(contributors.map((c) => [c.id, c]));
  const perspectiveName = new Map(perspectives.map((p) => [p.id, p.name]));

  const balance = topicBalance(
    slots,
    (speaker) => contributorById.get(speaker)?.perspectiveId ?? null,
    (p) => (p === null ? 'No perspective given' : (perspectiveName.get(p) ?? 'No perspective given')),
  );
  const warnings: AgendaWarning[] = agendaWarnings({ sessions, slots, contributors, rooms, expectedAttendance });
  for (const topic of balance.filter((b) => b.oneSided)) {
    const only = topic.perspectives.find((p) => p.perspectiveId !== null)!;
    warnings.push({
      kind: 'oneSidedTopic',
      message: `The topic "${topic.topic}" hears one perspective only (${only.name}, ${only.minutes} min).`,
      slotIds: slots.filter((s) => s.topic.trim() === topic.topic).map((s) => s.id),
      contributorIds: [],
      params: { topic: topic.topic, perspective: only.name, minutes: only.minutes },
    });
  }

  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const leaders: LeaderEngagement[] = contributors
    .filter((c) => c.role === 'partyLeader')
    .map((c) => {
      const theirs = slots.filter((s) => s.speakerIds.includes(c.id) || s.facilitatorIds.includes(c.id));
      const bySession = new Map<string, string[]>();
      for (const s of theirs) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s.id]);
      return {
        contributorId: c.id,
        name: c.name,
        organisation: c.organisation,
        status: c.status,
        sessions: [...bySession.entries()]
          .map(([sessionId, slotIds]) => ({ sessionId, sessionName: sessionById.get(sessionId)!.name, date: sessionById.get(sessionId)!.date, slotIds }))
          .sort((a, b) => a.date.localeCompare(b.date)),
      };
    });
  return { sessions, slots, contributors, perspectives, rooms, warnings, balance, leaders, expectedAttendance };
}


// ---------------------------------------------------------------------------------------------
// Handlers

export const agendaHandlers = handlers({
  'agenda.overview': {
    args: z.strictObject({}),
    run: (_args, ctx): AgendaOverview => agendaOverview(ctx.requireDb(), ctx.settings.get().language),
  },

  'agenda.createSlot': {
    args: z.strictObject(slotFields),
    run: (input, ctx) =>
      ctx.mutate((db, audit): AgendaSlot => {
        const slot = input;
        checkSlot(db, slot);
        const now = ctx.nowIso();
        const created: AgendaSlot = { ...slot, id: ctx.newId(), createdAt: now, updatedAt: now };
        writeSlot(db, created);
        // Notes are free text: the audit keeps the slot without them.
        audit({ entity: 'agendaSlot', entityId: created.id, action: 'create', after: { ...created, notes: created.notes ? '(notes)' : '' } });
        return requireSlot(db, created.id);
      }),
  },

  'agenda.updateSlot': {
    args: z.strictObject({ id, ...z.object(slotFields).partial().shape }),
    run: ({ id: slotId, ...patch }, ctx) =>
      ctx.mutate((db, audit): AgendaSlot => {
        const before = requireSlot(db, slotId);
        const after = { ...before, ...patch, updatedAt: ctx.nowIso() } as AgendaSlot;
        checkSlot(db, after);
        writeSlot(db, after);
        audit({ entity: 'agendaSlot', entityId: slotId, action: 'update', before: { ...before, notes: before.notes ? '(notes)' : '' }, after: { ...after, notes: after.notes ? '(notes)' : '' } });
        return requireSlot(db, slotId);
      }),
  },

  'agenda.moveSlot': {
    args: z.strictObject({ id, sessionId: id.optional(), startTime: hhmm }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AgendaSlot => {
        const before = requireSlot(db, args.id);
        const after: AgendaSlot = { ...before, sessionId: args.sessionId ?? before.sessionId, ...shifted(before, args.startTime), updatedAt: ctx.nowIso() };
        checkSlot(db, after);
        writeSlot(db, after);
        audit({ entity: 'agendaSlot', entityId: args.id, action: 'move', before: { sessionId: before.sessionId, startTime: before.startTime }, after: { sessionId: after.sessionId, startTime: after.startTime } });
        return requireSlot(db, args.id);
      }),
  },

  'agenda.duplicateSlot': {
    args: z.strictObject({ id, sessionId: id.optional(), startTime: hhmm.optional() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): AgendaSlot => {
        const original = requireSlot(db, args.id);
        const now = ctx.nowIso();
        const copy: AgendaSlot = {
          ...original,
          id: ctx.newId(),
          sessionId: args.sessionId ?? original.sessionId,
          ...shifted(original, args.startTime ?? original.endTime),
          createdAt: now,
          updatedAt: now,
        };
        checkSlot(db, copy);
        writeSlot(db, copy);
        audit({ entity: 'agendaSlot', entityId: copy.id, action: 'duplicate', after: { from: original.id, sessionId: copy.sessionId, startTime: copy.startTime } });
        return requireSlot(db, copy.id);
      }),
  },

  'agenda.deleteSlot': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requireSlot(db, args.id);
        deleteSlot(db, args.id, ctx.nowIso());
        audit({ entity: 'agendaSlot', entityId: args.id, action: 'delete', before: { ...before, notes: before.notes ? '(notes)' : '' } });
        return { deleted: true };
      }),
  },

  'contributors.create': {
    args: z.strictObject(contributorFields),
    run: (input, ctx) =>
      ctx.mutate((db, audit): Contributor => {
        const fields = input;
        checkContributor(db, fields);
        const now = ctx.nowIso();
        const c: Contributor = { ...fields, id: ctx.newId(), createdAt: now, updatedAt: now };
        writeContributor(db, c);
        // Contacts of outside people are personal data: the audit keeps the role, not the details.
        audit({ entity: 'contributor', entityId: c.id, action: 'create', after: { role: c.role, status: c.status } });
        return requireContributor(db, c.id);
      }),
  },

  'contributors.update': {
    args: z.strictObject({ id, ...z.object(contributorFields).partial().shape }),
    run: ({ id: contributorId, ...patch }, ctx) =>
      ctx.mutate((db, audit): Contributor => {
        const before = requireContributor(db, contributorId);
        const after = { ...before, ...patch, updatedAt: ctx.nowIso() } as Contributor;
        checkContributor(db, after);
        writeContributor(db, after);
        audit({ entity: 'contributor', entityId: contributorId, action: 'update', before: { role: before.role, status: before.status }, after: { role: after.role, status: after.status } });
        return requireContributor(db, contributorId);
      }),
  },

  'contributors.delete': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requireContributor(db, args.id);
        deleteContributor(db, args.id, ctx.nowIso());
        audit({ entity: 'contributor', entityId: args.id, action: 'delete', before: { role: before.role } });
        return { deleted: true };
      }),
  },

  'perspectives.set': {
    args: z.strictObject({ perspectives: z.array(z.strictObject({ id: id.optional(), name: requiredText(100) })).max(30) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): Perspective[] => {
        const keys = args.perspectives.map((p) => searchKey(p.name));
        const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
        if (twice >= 0) {
          throw new AppError('VALIDATION', `"${args.perspectives[twice]!.name}" is in the list twice.`, {
            fields: [{ field: `perspectives.${twice}.name`, rule: 'duplicate', message: 'is in the list twice' }],
          });
        }
        refuseRepeatedIds(args.perspectives, 'perspectives');
        const before = listPerspectives(db);
        const known = new Set(before.map((p) => p.id));
        const next = args.perspectives.map((p, position) => ({ id: p.id && known.has(p.id) ? p.id : ctx.newId(), name: p.name, position }));
        replacePerspectives(db, next);
        audit({ entity: 'perspectives', entityId: null, action: 'set', before, after: next });
        return listPerspectives(db);
      }),
  },

  'rooms.set': {
    args: z.strictObject({
      rooms: z.array(z.strictObject({ id: id.optional(), name: requiredText(100), capacity: z.number().int('must be a whole number').min(0, 'must be at least 0').max(100_000, 'is too large') })).max(100),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): Room[] => {
        const keys = args.rooms.map((r) => searchKey(r.name));
        const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
        if (twice >= 0) {
          throw new AppError('VALIDATION', `The room "${args.rooms[twice]!.name}" is in the list twice.`, {
            fields: [{ field: `rooms.${twice}.name`, rule: 'duplicate', message: 'is in the list twice' }],
          });
        }
        refuseRepeatedIds(args.rooms, 'rooms');
        const before = listRooms(db);
        const known = new Set(before.map((r) => r.id));
        const next = args.rooms.map((r) => ({ id: r.id && known.has(r.id) ? r.id : ctx.newId(), name: r.name, capacity: r.capacity }));
        replaceRooms(db, next, ctx.nowIso());
        audit({ entity: 'rooms', entityId: null, action: 'set', before, after: next });
        return listRooms(db);
      }),
  },

  'agenda.speakerCalendar': {
    args: z.strictObject({ contributorId: id }),
    run: (args, ctx): ExportedFile => {
      const db = ctx.requireDb();
      const c = requireContributor(db, args.contributorId);
      const sessions = new Map(listSessions(db).map((s) => [s.id, s]));
      const rooms = new Map(listRooms(db).map((r) => [r.id, r.name]));
      const theirs = listSlots(db).filter((s) => s.speakerIds.includes(c.id) || s.facilitatorIds.includes(c.id));
      if (theirs.length === 0) {
        throw new AppError('VALIDATION', `${c.name} has no slot in the agenda yet.`, { params: { name: c.name } }, 'agenda.noSlotsForSpeaker');
      }
      const name = assemblyName(db);
      const content = calendar(
        theirs.map((s) => {
          const session = sessions.get(s.sessionId)!;
          return {
            uid: `${s.id}@assembly-desk`,
            date: session.date,
            startTime: s.startTime,
            endTime: s.endTime,
            summary: `${name}: ${s.title || s.kind}`,
            location: [rooms.get(s.roomId ?? ''), session.location].filter(Boolean).join(', '),
            description: [session.name, s.topic].filter(Boolean).join(' — '),
          };
        }),
        { name: `${name} — ${c.name}`, timeZone: timeZone(db), stamp: ctx.clock() },
      );
      const slug = searchKey(c.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'speaker';
      return { fileName: `agenda-${slug}.ics`, content };
    },
  },

  'agenda.exportXlsx': {
    args: z.strictObject({ lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const { agendaWorkbook } = await import('../reports/agendaXlsx');
      const bytes = await agendaWorkbook(agendaOverview(db), { assemblyName: assemblyName(db), lang: args.lang ?? ctx.settings.get().language });
      return {
        fileName: `agenda-${ctx.nowIso().slice(0, 10)}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        contentBase64: bytes.toString('base64'),
      };
    },
  },

  'agenda.exportPdf': {
    args: z.strictObject({ kind: z.enum(['programme', 'schedule'], { message: 'must be programme or schedule' }), sessionId: id.optional(), lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      if (args.sessionId !== undefined) requireLiveSession(db, args.sessionId);
      const { agendaPdf } = await import('../reports/agendaPdf');
      const bytes = await agendaPdf(agendaOverview(db), {
        kind: args.kind,
        sessionId: args.sessionId ?? null,
        assemblyName: assemblyName(db),
        lang: args.lang ?? ctx.settings.get().language,
        generatedAt: ctx.clock(),
        timeZone: timeZone(db),
      });
      return { fileName: `${args.kind}-${ctx.nowIso().slice(0, 10)}.pdf`, mimeType: 'application/pdf', contentBase64: bytes.toString('base64') };
    },
  },
});
