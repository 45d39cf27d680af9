import { describe, expect, it } from 'vitest';
import type { AgendaWarningKind } from '../../main/domain/agenda/types';
import { topicBalance } from '../../main/domain/agenda/balance';
import { agendaWarnings, type WarnContributor, type WarnSlot, type WarningInput } from '../../main/domain/agenda/warnings';
import { calendar, foldLine, icsText } from '../../main/reports/ics';

const sat = { id: 'sat', name: 'Saturday', date: '2027-03-27', startTime: '09:30', endTime: '17:00' };
const sun = { id: 'sun', name: 'Sunday', date: '2027-03-28', startTime: '09:30', endTime: '17:00' };
const expert = (id: string, extra: Partial<WarnContributor> = {}): WarnContributor => ({
  id,
  name: `Expert ${id}`,
  role: 'expert',
  status: 'confirmed',
  languages: ['nl', 'fr'],
  availability: [],
  ...extra,
});
const slot = (id: string, extra: Partial<WarnSlot> = {}): WarnSlot => ({
  id,
  sessionId: 'sat',
  startTime: '10:00',
  endTime: '11:00',
  kind: 'talk',
  title: `Talk ${id}`,
  topic: 'Party funding',
  roomId: null,
  speakerIds: [],
  facilitatorIds: [],
  languages: ['nl'],
  interpretation: ['fr'],
  ...extra,
});

function kinds(input: Partial<WarningInput>): AgendaWarningKind[] {
  return agendaWarnings({ sessions: [sat, sun], slots: [], contributors: [], rooms: [], expectedAttendance: 60, ...input }).map((w) => w.kind);
}

describe('agenda warnings, each triggered and not', () => {
  it('speaker double-booked: overlapping slots the same day, not back to back or on another day', () => {
    const people = [expert('a')];
    expect(kinds({ contributors: people, slots: [slot('1', { speakerIds: ['a'] }), slot('2', { startTime: '10:30', endTime: '11:30', speakerIds: ['a'] })] })).toContain('speakerDoubleBooked');
    expect(kinds({ contributors: people, slots: [slot('1', { speakerIds: ['a'] }), slot('2', { startTime: '11:00', endTime: '12:00', speakerIds: ['a'] })] })).not.toContain('speakerDoubleBooked');
    expect(kinds({ contributors: people, slots: [slot('1', { speakerIds: ['a'] }), slot('2', { sessionId: 'sun', speakerIds: ['a'] })] })).not.toContain('speakerDoubleBooked');
    // Facilitating one slot while speaking in another counts too.
    expect(kinds({ contributors: people, slots: [slot('1', { speakerIds: ['a'] }), slot('2', { facilitatorIds: ['a'], kind: 'deliberation' })] })).toContain('speakerDoubleBooked');
  });

  it('speaker outside their availability, not inside it, nor without any given', () => {
    const available = expert('a', { availability: [{ date: '2027-03-27', startTime: '09:00', endTime: '12:00' }] });
    expect(kinds({ contributors: [available], slots: [slot('1', { startTime: '11:30', endTime: '12:30', speakerIds: ['a'] })] })).toContain('speakerUnavailable');
    expect(kinds({ contributors: [available], slots: [slot('1', { sessionId: 'sun', speakerIds: ['a'] })] })).toContain('speakerUnavailable');
    expect(kinds({ contributors: [available], slots: [slot('1', { speakerIds: ['a'] })] })).not.toContain('speakerUnavailable');
    expect(kinds({ contributors: [expert('a')], slots: [slot('1', { speakerIds: ['a'] })] })).not.toContain('speakerUnavailable');
  });

  it('room double-booked across sessions, and two slots overlapping in one room of one session', () => {
    const rooms = [{ id: 'r', name: 'Hall', capacity: 200 }];
    const other = { ...sat, id: 'sat-evening', name: 'Saturday evening', startTime: '10:00', endTime: '22:00' };
    expect(kinds({ sessions: [sat, other], rooms, slots: [slot('1', { roomId: 'r' }), slot('2', { sessionId: 'sat-evening', roomId: 'r', startTime: '10:30', endTime: '11:30' })] })).toEqual(['roomDoubleBooked']);
    expect(kinds({ rooms, slots: [slot('1', { roomId: 'r' }), slot('2', { roomId: 'r', startTime: '10:59', endTime: '11:30' })] })).toEqual(['roomOverlap']);
    expect(kinds({ rooms, slots: [slot('1', { roomId: 'r' }), slot('2', { roomId: 'r', startTime: '11:00', endTime: '11:30' })] })).toEqual([]);
  });

  it('room too small for the expected attendance of a plenary slot, not for small groups', () => {
    const rooms = [{ id: 'small', name: 'Room 2', capacity: 61 }];
    // 60 participants + 2 speakers = 62 > 61.
    const people = [expert('a'), expert('b')];
    expect(kinds({ rooms, contributors: people, slots: [slot('1', { roomId: 'small', speakerIds: ['a', 'b'] })] })).toContain('roomTooSmall');
    expect(kinds({ rooms, contributors: people, slots: [slot('1', { roomId: 'small', speakerIds: ['a'] })] })).not.toContain('roomTooSmall');
    expect(kinds({ rooms, contributors: people, slots: [slot('1', { roomId: 'small', kind: 'deliberation', speakerIds: ['a', 'b'] })] })).not.toContain('roomTooSmall');
  });

  it('slot outside the session hours, not at its edges', () => {
    expect(kinds({ slots: [slot('1', { startTime: '09:00', endTime: '10:00' })] })).toEqual(['outsideSession']);
    expect(kinds({ slots: [slot('1', { startTime: '16:30', endTime: '17:15' })] })).toEqual(['outsideSession']);
    expect(kinds({ slots: [slot('1', { startTime: '09:30', endTime: '17:00' })] })).toEqual([]);
  });

  it('speaker without the slot language and no interpretation into theirs', () => {
    const german = expert('a', { languages: ['de'] });
    expect(kinds({ contributors: [german], slots: [slot('1', { speakerIds: ['a'] })] })).toContain('languageGap');
    expect(kinds({ contributors: [german], slots: [slot('1', { speakerIds: ['a'], interpretation: ['fr', 'de'] })] })).not.toContain('languageGap');
    expect(kinds({ contributors: [expert('a')], slots: [slot('1', { speakerIds: ['a'] })] })).not.toContain('languageGap');
  });

  it('a confirmed speaker with no slot, not an invited one nor a facilitator', () => {
    expect(kinds({ contributors: [expert('a')] })).toEqual(['speakerWithoutSlot']);
    expect(kinds({ contributors: [expert('a', { status: 'invited' })] })).toEqual([]);
    expect(kinds({ contributors: [expert('a', { role: 'facilitator' })] })).toEqual([]);
    expect(kinds({ contributors: [expert('a', { role: 'partyLeader' })] })).toEqual(['speakerWithoutSlot']);
  });

  it('names the slots and people of each warning in its sentence', () => {
    const w = agendaWarnings({
      sessions: [sat],
      slots: [slot('1', { speakerIds: ['a'] }), slot('2', { startTime: '10:30', endTime: '11:30', speakerIds: ['a'] })],
      contributors: [expert('a', { name: 'Ayşe Çelik' })],
      rooms: [],
      expectedAttendance: 0,
    })[0]!;
    expect(w).toMatchObject({ kind: 'speakerDoubleBooked', slotIds: ['1', '2'], contributorIds: ['a'] });
    expect(w.message).toBe('Ayşe Çelik is in two places at once on 2027-03-27: "Talk 1" at 10:00 and "Talk 2" at 10:30.');
  });
});

describe('balance of speaking time', () => {
  const perspective: Record<string, string | null> = { pro: 'p1', con: 'p2', pro2: 'p1', none: null };
  const name = (p: string | null) => (p === null ? 'none' : p === 'p1' ? 'In favour' : 'Critical');
  it('shares a slot among its speakers by perspective and flags a topic that hears one side', () => {
    const balance = topicBalance(
      [
        { topic: 'Party funding', kind: 'panel', startTime: '10:00', endTime: '11:00', speakerIds: ['pro', 'con'] },
        { topic: 'Party funding', kind: 'talk', startTime: '11:00', endTime: '11:30', speakerIds: ['pro2'] },
        { topic: 'Transparency', kind: 'talk', startTime: '14:00', endTime: '14:45', speakerIds: ['pro', 'none'] },
        { topic: 'Transparency', kind: 'break', startTime: '15:00', endTime: '15:30', speakerIds: ['con'] },
      ],
      (s) => perspective[s] ?? null,
      name,
    );
    expect(balance).toEqual([
      {
        topic: 'Party funding',
        perspectives: [
          { perspectiveId: 'p1', name: 'In favour', minutes: 60 },
          { perspectiveId: 'p2', name: 'Critical', minutes: 30 },
        ],
        totalMinutes: 90,
        oneSided: false,
      },
      {
        topic: 'Transparency',
        perspectives: [
          { perspectiveId: 'p1', name: 'In favour', minutes: 22.5 },
          { perspectiveId: null, name: 'none', minutes: 22.5 },
        ],
        totalMinutes: 45,
        oneSided: true,
      },
    ]);
  });
});

describe('iCalendar', () => {
  it('writes UTC times right on both sides of the spring and autumn changes in Brussels', () => {
    const ics = calendar(
      [
        { uid: 'a@x', date: '2027-03-27', startTime: '09:30', endTime: '10:30', summary: 'Saturday, before the change', location: 'Hall', description: '' },
        { uid: 'b@x', date: '2027-03-28', startTime: '09:30', endTime: '10:30', summary: 'Sunday; after', location: '', description: 'line 1\nline 2' },
        { uid: 'c@x', date: '2027-10-31', startTime: '09:30', endTime: '10:30', summary: 'Autumn', location: '', description: '' },
      ],
      { name: 'Assembly', timeZone: 'Europe/Brussels', stamp: new Date('2027-01-01T00:00:00Z') },
    );
    expect(ics).toContain('DTSTART:20270327T083000Z');
    expect(ics).toContain('DTSTART:20270328T073000Z');
    expect(ics).toContain('DTEND:20270328T083000Z');
    expect(ics).toContain('DTSTART:20271031T083000Z');
    expect(ics).toContain('SUMMARY:Saturday\\, before the change');
    expect(ics).toContain('DESCRIPTION:line 1\\nline 2');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
  it('escapes text and folds long lines without splitting a character', () => {
    expect(icsText('a;b,c\\d')).toBe('a\\;b\\,c\\\\d');
    const folded = foldLine('SUMMARY:' + 'é'.repeat(60));
    expect(folded.split('\r\n ').join('')).toBe('SUMMARY:' + 'é'.repeat(60));
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});
