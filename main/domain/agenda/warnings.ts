/**
 * Planning warnings for the agenda: pure, over plain data. Each warning has a kind, an English
 * sentence, the slots and people it concerns (so the page can link to them) and the figures of
 * the sentence (so the page can translate it). Times are the venue's local HH:MM on a session's
 * date, so daylight-saving changes do not enter the comparisons.
 */
import type { AgendaSlot, AgendaWarning, Contributor, Room } from './types';
import type { Session } from '../sessions/types';
import type { SlotKind } from '../../../preload/vocabulary';

/** What the warnings read of sessions, slots, contributors and rooms (the API's types, in part). */
export type WarnSession = Pick<Session, 'id' | 'name' | 'date' | 'startTime' | 'endTime'>;
export type WarnSlot = Omit<AgendaSlot, 'notes' | 'createdAt' | 'updatedAt'>;
export type WarnContributor = Pick<Contributor, 'id' | 'name' | 'role' | 'status' | 'languages' | 'availability'>;
export type WarnRoom = Room;

export interface WarningInput {
  sessions: WarnSession[];
  slots: WarnSlot[];
  contributors: WarnContributor[];
  rooms: WarnRoom[];
  /** People expected in plenary slots (the confirmed participants). */
  expectedAttendance: number;
}

/** Slot kinds the whole assembly attends in one room (small groups and breaks spread out). */
const PLENARY_KINDS: ReadonlySet<SlotKind> = new Set(['talk', 'qa', 'panel', 'vote', 'hearing']);
/** Roles that speak, and so must have a slot once confirmed. */
const SPEAKING_ROLES: ReadonlySet<string> = new Set(['expert', 'partyLeader', 'politician']);

const label = (s: WarnSlot) => (s.title ? `"${s.title}"` : `the ${s.kind} slot`) + ` at ${s.startTime}`;
const overlaps = (a: WarnSlot, b: WarnSlot) => a.startTime < b.endTime && b.startTime < a.endTime;

export function agendaWarnings(input: WarningInput): AgendaWarning[] {
  const warnings: AgendaWarning[] = [];
  const sessionOf = new Map(input.sessions.map((s) => [s.id, s]));
  const person = new Map(input.contributors.map((c) => [c.id, c]));
  const room = new Map(input.rooms.map((r) => [r.id, r]));
  const slots = input.slots.filter((s) => sessionOf.has(s.sessionId));
  const dateOf = (s: WarnSlot) => sessionOf.get(s.sessionId)!.date;
  const sorted = [...slots].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id));

  for (const slot of sorted) {
    const session = sessionOf.get(slot.sessionId)!;
    if (slot.startTime < session.startTime || slot.endTime > session.endTime) {
      warnings.push({
        kind: 'outsideSession',
        message: `${label(slot)} (${slot.startTime}–${slot.endTime}) is outside the hours of ${session.name} (${session.startTime}–${session.endTime}).`,
        slotIds: [slot.id],
        contributorIds: [],
        params: { slot: slot.title, start: slot.startTime, end: slot.endTime, session: session.name, sessionStart: session.startTime, sessionEnd: session.endTime },
      });
    }
    const r = slot.roomId ? room.get(slot.roomId) : undefined;
    if (r && PLENARY_KINDS.has(slot.kind)) {
      const needed = input.expectedAttendance + slot.speakerIds.length + slot.facilitatorIds.length;
      if (r.capacity < needed) {
        warnings.push({
          kind: 'roomTooSmall',
          message: `${r.name} holds ${r.capacity}, but ${label(slot)} expects ${needed} people.`,
          slotIds: [slot.id],
          contributorIds: [],
          params: { room: r.name, capacity: r.capacity, expected: needed, slot: slot.title, start: slot.startTime },
        });
      }
    }
    for (const id of slot.speakerIds) {
      const c = person.get(id);
      if (!c) continue;
      if (c.availability.length > 0 && !c.availability.some((w) => w.date === session.date && w.startTime <= slot.startTime && slot.endTime <= w.endTime)) {
        warnings.push({
          kind: 'speakerUnavailable',
          message: `${c.name} speaks in ${label(slot)} on ${session.date}, outside the times they said they are available.`,
          slotIds: [slot.id],
          contributorIds: [c.id],
          params: { name: c.name, slot: slot.title, start: slot.startTime, date: session.date },
        });
      }
      // A speaker who does not speak one of the slot's languages needs interpretation into one they do.
      if (slot.languages.length > 0 && c.languages.length > 0) {
        const understood = slot.languages.some((l) => c.languages.includes(l)) || slot.interpretation.some((l) => c.languages.includes(l));
        if (!understood) {
          warnings.push({
            kind: 'languageGap',
            message: `${c.name} speaks ${c.languages.join('/')}, but ${label(slot)} is in ${slot.languages.join('/')} and no interpretation into their language is booked.`,
            slotIds: [slot.id],
            contributorIds: [c.id],
            params: { name: c.name, speaks: c.languages.join('/'), slotLanguages: slot.languages.join('/'), slot: slot.title, start: slot.startTime },
          });
        }
      }
    }
  }

  // Pairs of overlapping slots on the same date.
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (dateOf(a) !== dateOf(b)) break;
      if (!overlaps(a, b)) continue;
      const busyA = [...a.speakerIds, ...a.facilitatorIds];
      for (const id of new Set(busyA.filter((p) => b.speakerIds.includes(p) || b.facilitatorIds.includes(p)))) {
        const c = person.get(id);
        warnings.push({
          kind: 'speakerDoubleBooked',
          message: `${c?.name ?? 'Someone'} is in two places at once on ${dateOf(a)}: ${label(a)} and ${label(b)}.`,
          slotIds: [a.id, b.id],
          contributorIds: [id],
          params: { name: c?.name ?? '', date: dateOf(a), first: a.title, firstStart: a.startTime, second: b.title, secondStart: b.startTime },
        });
      }
      if (a.roomId !== null && a.roomId === b.roomId) {
        const r = room.get(a.roomId);
        const sameSession = a.sessionId === b.sessionId;
        warnings.push({
          kind: sameSession ? 'roomOverlap' : 'roomDoubleBooked',
          message: sameSession
            ? `${label(a)} and ${label(b)} overlap in the same room (${r?.name ?? 'a room'}).`
            : `${r?.name ?? 'A room'} is booked twice on ${dateOf(a)}: ${label(a)} (${sessionOf.get(a.sessionId)!.name}) and ${label(b)} (${sessionOf.get(b.sessionId)!.name}).`,
          slotIds: [a.id, b.id],
          contributorIds: [],
          params: { room: r?.name ?? '', date: dateOf(a), first: a.title, firstStart: a.startTime, second: b.title, secondStart: b.startTime },
        });
      }
    }
  }

  const scheduled = new Set(slots.flatMap((s) => [...s.speakerIds, ...s.facilitatorIds]));
  for (const c of input.contributors) {
    if (c.status === 'confirmed' && SPEAKING_ROLES.has(c.role) && !scheduled.has(c.id)) {
      warnings.push({
        kind: 'speakerWithoutSlot',
        message: `${c.name} has confirmed but has no slot in the agenda.`,
        slotIds: [],
        contributorIds: [c.id],
        params: { name: c.name },
      });
    }
  }
  return warnings;
}
