/**
 * What a desk station sends with attendance.submitQueued, on a real SQLite file (the venue link
 * itself is tests/integration/venue-stations.test.ts): a check-out at a time chosen at the
 * station, a check-in again at the time of an undone check-in, check-ins by badge code from a
 * station that started without a roster, and refusals that carry their key's parameters (never
 * a name) so the station and the host's list show them in their own language.
 */
import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { QueuedResult } from '../../main/domain/attendance/types';
import { instantOf } from '../../main/domain/attendance/time';
import { makeEvent, type QueuedEvent } from '../../renderer/station/queue';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const DAY = '2027-03-06';
const TZ = 'Europe/Brussels';
/** A time of day at the venue on the session's day, as the station makes it. */
const at = (hhmm: string) => instantOf(DAY, hhmm, TZ);

async function assembly() {
  // The host's clock: 12:00 at the venue on the session's day, moved on by the tests.
  let now = new Date(at('12:00'));
  const app = makeApp(tempDir(), 'Jana at the door', () => now);
  await app.call('app.createAssembly', { name: 'Station test', panelSize: 3 });
  const csv = 'first name,last name\nAnn,Peeters\nBart,Claes\nChris,Maes';
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(csv).toString('base64') });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  const people = (await app.call('people.list', { limit: 10 })).rows.sort((a, b) => a.firstName.localeCompare(b.firstName));
  for (const p of people) await app.call('people.setStatus', { id: p.id, status: 'selected' });
  // Chris stays selected: not a member at the session.
  for (const p of people.slice(0, 2)) await app.call('people.setStatus', { id: p.id, status: 'confirmed' });
  const session = await app.call('sessions.create', { name: 'Saturday', date: DAY, startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  const submit = async (events: QueuedEvent[]) => app.call('attendance.submitQueued', { events }) as Promise<QueuedResult>;
  const event = (kind: QueuedEvent['kind'], fields: { personId?: string; code?: string; undoes?: string; at?: string }, made = now) =>
    makeEvent(kind, { sessionId: session.id, ...fields }, made, v7);
  const rowOf = async (personId: string) => (await app.call('attendance.roster', { sessionId: session.id })).rows.find((r) => r.personId === personId)!;
  const recorded = async () => (await app.call('attendance.events', { sessionId: session.id })).length;
  return { app, session, people, submit, event, rowOf, recorded, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('a desk station\'s queued events on the host', () => {
  it('takes a check-out at a chosen time, and refuses one before the arrival, in the future or on another day with the desk\'s sentence and its parameters', async () => {
    const { people, submit, event, rowOf, recorded, setNow } = await assembly();
    const ann = people[0]!;
    const arrival = event('checkIn', { personId: ann.id }, new Date(at('09:40')));
    expect((await submit([arrival])).accepted).toEqual([arrival.id]);
    const roster = await rowOf(ann.id);
    // The roster gives the station the arrival as an instant and the venue's time zone, to judge a time itself.
    expect(roster).toMatchObject({ state: 'present', arrivedAt: '09:40', arrivedInstant: at('09:40') });

    const before = event('checkOut', { personId: ann.id, at: at('09:15') });
    const future = event('checkOut', { personId: ann.id, at: at('15:30') });
    const result = await submit([before, future]);
    expect(result.accepted).toEqual([]);
    expect(result.refused.map((r) => [r.key, r.params])).toEqual([
      ['attendance.departureBeforeArrival', { arrived: '09:40' }],
      ['attendance.timeInFuture', { time: '15:30', date: DAY, now: '12:00', today: DAY }],
    ]);
    // Two days later, a departure typed on the wrong day.
    setNow(instantOf('2027-03-08', '10:00', TZ));
    const otherDay = event('checkOut', { personId: ann.id, at: instantOf('2027-03-07', '11:00', TZ) });
    expect((await submit([otherDay])).refused.map((r) => [r.key, r.params])).toEqual([['attendance.checkOutOtherDay', { date: '2027-03-07', time: '11:00', sessionDate: DAY }]]);
    expect(await recorded()).toBe(1);

    const left = event('checkOut', { personId: ann.id, at: at('11:45') });
    expect((await submit([left])).accepted).toEqual([left.id]);
    expect(await rowOf(ann.id)).toMatchObject({ state: 'left', departedAt: '11:45' });
  });

  it('checks a person in again at the time of the check-in the station undid', async () => {
    const { people, submit, event, rowOf } = await assembly();
    const bart = people[1]!;
    const first = event('checkIn', { personId: bart.id }, new Date(at('09:12')));
    await submit([first]);
    const undo = event('undo', { personId: bart.id, undoes: first.id }, new Date(at('09:14')));
    expect((await submit([undo])).accepted).toEqual([undo.id]);
    const offered = (await rowOf(bart.id)).undoneArrivedAt!;
    expect(offered).toBe('09:12');
    const again = event('checkIn', { personId: bart.id, at: at(offered) });
    expect((await submit([again])).accepted).toEqual([again.id]);
    expect(await rowOf(bart.id)).toMatchObject({ state: 'present', arrivedAt: '09:12', undoneArrivedAt: null });
  });

  it('resolves badge codes from a station that started offline; an unknown code or a non-member is a conflict naming the code, never the person', async () => {
    const { app, people, submit, event, rowOf, recorded } = await assembly();
    const [ann, , chris] = people;
    const known = event('checkIn', { code: ann!.code.toLowerCase() }, new Date(at('09:35')));
    const unknown = event('checkIn', { code: 'NOPE-123' }, new Date(at('09:36')));
    const notMember = event('checkIn', { code: chris!.code }, new Date(at('09:37')));
    const result = await submit([known, unknown, notMember]);
    expect(result.accepted).toEqual([known.id]);
    expect(result.refused.map((r) => [r.eventId, r.key, r.params])).toEqual([
      [unknown.id, 'attendance.unknownCode', { code: 'NOPE-123' }],
      [notMember.id, 'attendance.notConfirmed', { code: chris!.code, status: 'selected' }],
    ]);
    expect(JSON.stringify(result)).not.toContain('Chris');
    expect(await rowOf(ann!.id)).toMatchObject({ state: 'present', arrivedAt: '09:35' });
    // Sent again (the answer was lost): recognised, not recorded twice.
    expect((await submit([known])).accepted).toEqual([known.id]);
    expect(await recorded()).toBe(1);
    // The host's list of refusals: by code, with the key and its parameters.
    const audit = await app.call('audit.list', { entity: 'attendance', limit: 50 });
    const row = audit.find((e) => e.action === 'attendance.submitQueued' && (e.after as { refused: unknown[] }).refused.length > 0)!;
    expect((row.after as { refused: unknown[] }).refused).toEqual([
      expect.objectContaining({ eventId: unknown.id, code: 'NOPE-123', key: 'attendance.unknownCode', params: { code: 'NOPE-123' } }),
      expect.objectContaining({ eventId: notMember.id, code: chris!.code, key: 'attendance.notConfirmed', params: { code: chris!.code, status: 'selected' } }),
    ]);
  });

  it('refuses an event naming both a person and a code, or neither, and records nothing of the batch', async () => {
    const { app, people, session, event, recorded } = await assembly();
    const good = event('checkIn', { personId: people[0]!.id });
    for (const bad of [{ ...good, id: v7(), code: people[1]!.code }, { ...good, id: v7(), personId: null }]) {
      const answer = await app.raw('attendance.submitQueued', { events: [good, bad] });
      expect(answer.ok).toBe(false);
      expect(!answer.ok && answer.error).toMatchObject({ code: 'VALIDATION' });
    }
    expect(await recorded()).toBe(0);
    expect((await app.call('attendance.roster', { sessionId: session.id })).present).toBe(0);
  });
});
