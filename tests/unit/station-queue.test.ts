/** The desk station's offline queue (renderer/station/queue.ts): pure, with a given clock and ids. */
import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import type { Session } from '../../main/domain/sessions/types';
import {
  EMPTY_QUEUE,
  applyToRoster,
  dismissConflict,
  enqueue,
  codeRefusal,
  instantOnDay,
  localRefusal,
  localTime,
  localTimeRefusal,
  makeEvent,
  queuedCodes,
  nextBatch,
  parseQueue,
  serialiseQueue,
  settle,
  waitingCount,
  withWaiting,
  type QueuedEvent,
} from '../../renderer/station/queue';

const row = (personId: string, state: RosterEntry['state'] = 'expected'): RosterEntry => ({
  personId,
  code: personId.toUpperCase(),
  firstName: 'First',
  lastName: personId,
  searchKey: personId,
  language: 'nl',
  table: null,
  phone: null,
  needs: { accessibility: '', diet: '', childcare: false, travel: '' },
  state,
  arrivedAt: null,
  departedAt: null,
  arrivedInstant: null,
  lateMinutes: null,
  earlyMinutes: null,
  excuseReason: null,
  undoable: [],
  undoneArrivedAt: null,
});

const roster = (): SessionRoster => ({
  session: { id: 's1', date: '2026-12-05' } as Session,
  timeZone: 'Europe/Brussels',
  expected: 3,
  present: 0,
  left: 0,
  excused: 0,
  rows: [row('p1'), row('p2'), row('p3')],
});

let n = 0;
const ids = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const at = (min: number) => new Date(Date.UTC(2026, 11, 5, 9, min));

describe('the station queue', () => {
  it('makes events with a UUIDv7 (uuid package), the device time, the session and the person', () => {
    const e = makeEvent('checkIn', { sessionId: 's1', personId: 'p1' }, at(0), v7);
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e).toMatchObject({ sessionId: 's1', personId: 'p1', kind: 'checkIn', at: '2026-12-05T09:00:00.000Z', undoes: null });
    // Only an undo names an event.
    expect(makeEvent('checkOut', { sessionId: 's1', personId: 'p1', undoes: 'x' }, at(1), v7).undoes).toBeNull();
  });

  it('applies check-ins, check-outs and undos to the roster at once, with the figures', () => {
    const a = makeEvent('checkIn', { sessionId: 's1', personId: 'p1' }, at(0), ids);
    const b = makeEvent('checkIn', { sessionId: 's1', personId: 'p2' }, at(1), ids);
    let r = applyToRoster(applyToRoster(roster(), a), b);
    expect(r.present).toBe(2);
    expect(r.rows[0]!.state).toBe('present');
    expect(r.rows[0]!.undoable[0]).toMatchObject({ eventId: a.id, kind: 'checkIn' });
    const out = makeEvent('checkOut', { sessionId: 's1', personId: 'p1' }, at(30), ids);
    r = applyToRoster(r, out);
    expect(r.rows[0]!.state).toBe('left');
    expect({ present: r.present, left: r.left }).toEqual({ present: 1, left: 1 });
    r = applyToRoster(r, makeEvent('undo', { sessionId: 's1', personId: 'p1', undoes: out.id }, at(31), ids));
    expect(r.rows[0]!.state).toBe('present');
    expect(r.rows[0]!.departedAt).toBeNull();
    r = applyToRoster(r, makeEvent('undo', { sessionId: 's1', personId: 'p2', undoes: b.id }, at(32), ids));
    expect(r.rows[1]!.state).toBe('expected');
    expect(r.rows[1]!.undoneArrivedAt).not.toBeNull();
    expect(r.present).toBe(1);
    // Another session's event leaves this roster alone.
    expect(applyToRoster(r, { ...a, sessionId: 's2', personId: 'p3' })).toBe(r);
  });

  it('queues an excused absence with its reason, and its undo', () => {
    const e = makeEvent('excused', { sessionId: 's1', personId: 'p3', reason: '  ill  ' }, at(5), ids);
    expect(e.reason).toBe('ill');
    expect(makeEvent('checkIn', { sessionId: 's1', personId: 'p3', reason: 'x' }, at(5), ids).reason).toBeNull();
    let r = applyToRoster(roster(), e);
    expect(r.rows[2]).toMatchObject({ state: 'excused', excuseReason: 'ill' });
    expect({ expected: r.expected, excused: r.excused }).toEqual({ expected: 2, excused: 1 });
    expect(localRefusal(r.rows[2], 'excused')).toBe('excused');
    expect(localRefusal(r.rows[2], 'checkIn')).toBe('excused');
    r = applyToRoster(r, makeEvent('undo', { sessionId: 's1', personId: 'p3', undoes: e.id }, at(6), ids));
    expect(r.rows[2]).toMatchObject({ state: 'expected', excuseReason: null });
  });

  it('refuses locally what the desk would refuse on what it knows', () => {
    const r = roster();
    expect(localRefusal(r.rows[0], 'checkIn')).toBeNull();
    expect(localRefusal(undefined, 'checkIn')).toBe('unknown');
    expect(localRefusal(r.rows[0], 'checkOut')).toBe('notPresent');
    expect(localRefusal({ ...r.rows[0]!, state: 'present' }, 'checkIn')).toBe('alreadyPresent');
    expect(localRefusal({ ...r.rows[0]!, state: 'excused' }, 'checkIn')).toBe('excused');
    expect(localRefusal(r.rows[0], 'undo', 'nope')).toBe('nothingToUndo');
  });

  it('keeps the order; accepted events leave, refused ones become conflicts with the reason, unanswered ones stay', () => {
    const e1 = makeEvent('checkIn', { sessionId: 's1', personId: 'p1' }, at(0), ids);
    const e2 = makeEvent('checkIn', { sessionId: 's1', personId: 'p2' }, at(1), ids);
    const e3 = makeEvent('checkIn', { sessionId: 's1', personId: 'p3' }, at(2), ids);
    let q = [e1, e2, e3].reduce(enqueue, EMPTY_QUEUE);
    expect(waitingCount(q)).toBe(3);
    const sent = nextBatch(q, 2);
    expect(sent.map((e) => e.id)).toEqual([e1.id, e2.id]);
    // Queued while the batch was on its way.
    const e4 = makeEvent('checkOut', { sessionId: 's1', personId: 'p1' }, at(3), ids);
    q = enqueue(q, e4);
    q = settle(
      q,
      sent,
      { accepted: [e1.id], refused: [{ index: 2, eventId: e2.id, sessionId: 's1', personId: 'p2', kind: 'checkIn', at: e2.at, key: 'attendance.notConfirmed', reason: 'p2 is not a confirmed participant', params: { code: 'P2', status: 'withdrawn' } }] },
      (id) => `name of ${id}`,
    );
    expect(q.waiting.map((e) => e.id)).toEqual([e3.id, e4.id]);
    // The key and its parameters travel with it: the station shows the reason in its own language.
    expect(q.conflicts).toEqual([{ event: e2, who: 'name of p2', reason: 'p2 is not a confirmed participant', key: 'attendance.notConfirmed', params: { code: 'P2', status: 'withdrawn' } }]);
    // An answer that names neither: the event stays for the next try (nothing dropped).
    q = settle(q, [e3], { accepted: [], refused: [] }, String);
    expect(q.waiting.map((e) => e.id)).toEqual([e3.id, e4.id]);
    q = dismissConflict(q, e2.id);
    expect(q.conflicts).toEqual([]);
  });

  it('puts waiting events on top of a roster fetched again from the host', () => {
    const e1 = makeEvent('checkIn', { sessionId: 's1', personId: 'p3' }, at(0), ids);
    const r = withWaiting(roster(), enqueue(EMPTY_QUEUE, e1));
    expect(r.rows[2]!.state).toBe('present');
    expect(r.present).toBe(1);
  });

  it('survives a reload, and an unreadable store gives an empty queue, never a partial one', () => {
    const e1: QueuedEvent = makeEvent('checkIn', { sessionId: 's1', personId: 'p1' }, at(0), ids);
    const q = { waiting: [e1], conflicts: [{ event: e1, who: 'x', reason: 'r', key: 'k', params: { code: 'P1' } }] };
    expect(parseQueue(serialiseQueue(q))).toEqual(q);
    // Stored before parameters and badge codes were kept: read with none.
    const { code: _code, ...noCode } = e1;
    const older = parseQueue(JSON.stringify({ waiting: [noCode], conflicts: [{ event: noCode, who: 'x', reason: 'r', key: 'k' }] }));
    expect(older).toEqual({ waiting: [e1], conflicts: [{ event: e1, who: 'x', reason: 'r', key: 'k', params: {} }] });
    expect(parseQueue(null)).toEqual(EMPTY_QUEUE);
    expect(parseQueue('{not json')).toEqual(EMPTY_QUEUE);
    expect(parseQueue(JSON.stringify({ waiting: [{ id: 1 }], conflicts: [] }))).toEqual(EMPTY_QUEUE);
    // Stored before events had a reason: read with reason null.
    const { reason: _drop, ...old } = e1;
    expect(parseQueue(JSON.stringify({ waiting: [old], conflicts: [] })).waiting[0]).toEqual(e1);
  });

  it('takes a chosen time, and judges it by the host\'s rules before queueing', () => {
    const day = { sessionDate: '2026-12-05', timeZone: 'Europe/Brussels' };
    // 10:00 in Brussels (UTC+1) is 09:00Z.
    const now = new Date('2026-12-05T09:00:00.000Z');
    const present = { ...row('p1', 'present'), arrivedAt: '09:30', arrivedInstant: '2026-12-05T08:30:00.000Z' };
    expect(instantOnDay(day, '09:45')).toBe('2026-12-05T08:45:00.000Z');
    const out = makeEvent('checkOut', { sessionId: 's1', personId: 'p1', at: instantOnDay(day, '09:45') }, now, ids);
    expect(out.at).toBe('2026-12-05T08:45:00.000Z');
    expect(localTimeRefusal(present, 'checkOut', out.at, day, now)).toBeNull();
    // Before the arrival, in the future, with the host's keys and the parameters of their sentences.
    expect(localTimeRefusal(present, 'checkOut', instantOnDay(day, '09:10'), day, now)).toMatchObject({ key: 'attendance.departureBeforeArrival', details: { params: { arrived: '09:30' } } });
    expect(localTimeRefusal(present, 'checkOut', instantOnDay(day, '15:30'), day, now)).toMatchObject({ key: 'attendance.timeInFuture', details: { params: { time: '15:30', now: '10:00' } } });
    // On another day than the arrival it ends.
    const late = new Date('2026-12-06T09:00:00.000Z');
    expect(localTimeRefusal(present, 'checkOut', '2026-12-06T08:00:00.000Z', day, late)?.key).toBe('attendance.checkOutOtherDay');
    // A check-in again at the time of an undone one: on the session's day, not in the future.
    expect(localTimeRefusal(row('p2'), 'checkIn', instantOnDay(day, '09:12'), day, now)).toBeNull();
    expect(localTimeRefusal(row('p2'), 'checkIn', instantOnDay(day, '10:30'), day, now)?.key).toBe('attendance.timeInFuture');
    expect(localTimeRefusal(row('p2'), 'checkIn', '2026-12-06T08:12:00.000Z', day, late)?.key).toBe('attendance.checkInOtherDay');
  });

  it('offers the time of an undone check-in again, and a check-in at that time restores it', () => {
    const ci = makeEvent('checkIn', { sessionId: 's1', personId: 'p1' }, new Date('2026-12-05T08:12:00.000Z'), ids);
    let r = applyToRoster(roster(), ci);
    const undone = makeEvent('undo', { sessionId: 's1', personId: 'p1', undoes: ci.id }, new Date('2026-12-05T08:20:00.000Z'), ids);
    r = applyToRoster(r, undone);
    const offered = r.rows[0]!.undoneArrivedAt!;
    expect(r.rows[0]).toMatchObject({ state: 'expected', arrivedInstant: null });
    expect(offered).toBe(localTime(ci.at));
    const again = makeEvent('checkIn', { sessionId: 's1', personId: 'p1', at: ci.at }, new Date('2026-12-05T08:30:00.000Z'), ids);
    r = applyToRoster(r, again);
    expect(r.rows[0]).toMatchObject({ state: 'present', arrivedAt: offered, arrivedInstant: ci.at, undoneArrivedAt: null });
  });

  it('without a roster, queues check-ins by badge code, once per session, and shows them on the roster once it is there', () => {
    expect(codeRefusal(EMPTY_QUEUE, 's1', 'pp2 ')).toBeNull();
    expect(codeRefusal(EMPTY_QUEUE, 's1', 'no such thing!')).toBe('notACode');
    const e = makeEvent('checkIn', { sessionId: 's1', code: ' pp2' }, at(5), ids);
    expect(e).toMatchObject({ personId: null, code: 'PP2', kind: 'checkIn', at: at(5).toISOString() });
    const q = enqueue(EMPTY_QUEUE, e);
    expect(codeRefusal(q, 's1', 'PP2')).toBe('alreadyQueued');
    expect(codeRefusal(q, 's2', 'PP2')).toBeNull();
    expect(queuedCodes(q, 's1')).toEqual([e]);
    // The host's roster arrives: the code's row shows the check-in before the host has it.
    const base = roster();
    const r = withWaiting({ ...base, rows: base.rows.map((x) => ({ ...x, code: `P${x.code}` })) }, q);
    expect(r.rows[1]).toMatchObject({ personId: 'p2', state: 'present' });
    expect(r.rows[0]!.state).toBe('expected');
    expect(r.present).toBe(1);
    // Refused (an unknown code): the conflict names the code, the only thing the station knows.
    const settled = settle(q, [e], { accepted: [], refused: [{ index: 1, eventId: e.id, sessionId: 's1', personId: '', kind: 'checkIn', at: e.at, key: 'attendance.unknownCode', reason: 'unknown', params: { code: 'PP2' } }] }, String);
    expect(settled.conflicts[0]).toMatchObject({ who: 'PP2', key: 'attendance.unknownCode', params: { code: 'PP2' } });
    expect(parseQueue(serialiseQueue(q))).toEqual(q);
  });
});
