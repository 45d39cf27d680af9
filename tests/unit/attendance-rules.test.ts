/**
 * The rules of main/domain/attendance/rules.ts, over plain data: who may be checked in, out or
 * excused, which undo is admissible, which times are plausible, and what a merge refuses.
 */
import { describe, expect, it } from 'vitest';
import { foldAttendance, rosterTotals, type EventFact } from '../../main/domain/attendance/state';
import {
  checkInRefusal,
  checkOutRefusal,
  excuseRefusal,
  undoRefusal,
  undoTargetRefusal,
  undoneCheckInTime,
  eventTimeRefusal,
  mergeRefusal,
  recordedLive,
  arrivalEnded,
  paperSheetProblems,
  type MergedEvent,
  type MergeFacts,
  type PersonFacts,
} from '../../main/domain/attendance/rules';

const TZ = 'Europe/Brussels';
const ev = (id: string, kind: EventFact['kind'], at: string, extra: Partial<EventFact> = {}): EventFact => ({ id, kind, at, reason: null, undoes: null, ...extra });
const person = (status = 'confirmed'): PersonFacts => ({ id: 'p1', code: 'ABC123', firstName: 'Ayşe', lastName: 'Çelik', status });
const IN = ev('e1', 'checkIn', '2027-03-06T08:40:00.000Z'); // 09:40 in Brussels
const OUT = ev('e2', 'checkOut', '2027-03-06T15:00:00.000Z');

describe('check-in, check-out and excuse rules', () => {
  it('checks in a confirmed participant who is not here, and nobody else', () => {
    expect(checkInRefusal(person(), foldAttendance([]), TZ)).toBeNull();
    expect(checkInRefusal(person(), foldAttendance([IN, OUT]), TZ)).toBeNull(); // came back
    expect(checkInRefusal(person('pool'), foldAttendance([]), TZ)).toMatchObject({ code: 'CONFLICT', key: 'attendance.notConfirmed', details: { params: { status: 'pool', name: 'Ayşe Çelik' } } });
    expect(checkInRefusal(person('withdrawn'), foldAttendance([]), TZ)?.key).toBe('attendance.notConfirmed');
    const twice = checkInRefusal(person(), foldAttendance([IN]), TZ);
    expect(twice).toMatchObject({ code: 'CONFLICT', key: 'attendance.alreadyCheckedIn', details: { arrivedAt: '09:40' } });
    expect(twice!.message).toBe('ABC123 is already checked in (since 09:40).');
  });

  it('checks out someone who is here, after their latest arrival', () => {
    expect(checkOutRefusal(person(), foldAttendance([]), '2027-03-06T15:00:00.000Z', TZ)).toMatchObject({ key: 'attendance.notCheckedIn', details: { state: 'expected' } });
    expect(checkOutRefusal(person(), foldAttendance([IN, OUT]), '2027-03-06T16:00:00.000Z', TZ)!.message).toBe('ABC123 has already left.');
    expect(checkOutRefusal(person(), foldAttendance([IN]), '2027-03-06T15:00:00.000Z', TZ)).toBeNull();
    expect(checkOutRefusal(person(), foldAttendance([IN]), '2027-03-06T08:40:00.000Z', TZ)).toBeNull(); // the same minute
    const before = checkOutRefusal(person(), foldAttendance([IN]), '2027-03-06T08:00:00.000Z', TZ);
    expect(before).toMatchObject({ code: 'VALIDATION', key: 'attendance.departureBeforeArrival', details: { fields: [{ field: 'at', rule: 'afterArrival' }] } });
    expect(before!.message).toBe('The departure time is before the arrival (09:40).');
    // Left and came back at 13:00: the check-out is judged against the return.
    const back = foldAttendance([IN, ev('o1', 'checkOut', '2027-03-06T11:00:00.000Z'), ev('e3', 'checkIn', '2027-03-06T12:00:00.000Z')]);
    expect(checkOutRefusal(person(), back, '2027-03-06T11:30:00.000Z', TZ)?.key).toBe('attendance.departureBeforeArrival');
    expect(checkOutRefusal(person(), back, '2027-03-06T15:30:00.000Z', TZ)).toBeNull();
  });

  it('excuses a confirmed participant who has not come, once', () => {
    expect(excuseRefusal(person(), foldAttendance([]), TZ)).toBeNull();
    expect(excuseRefusal(person('selected'), foldAttendance([]), TZ)?.key).toBe('attendance.notConfirmed');
    expect(excuseRefusal(person(), foldAttendance([IN]), TZ)?.key).toBe('attendance.alreadyCheckedIn');
    expect(excuseRefusal(person(), foldAttendance([IN, OUT]), TZ)).toMatchObject({ key: 'attendance.alreadyCheckedIn', message: 'ABC123 attended this session: an absence cannot be excused.' });
    expect(excuseRefusal(person(), foldAttendance([ev('x', 'excused', '2027-03-01T10:00:00.000Z', { reason: 'ill' })]), TZ)?.key).toBe('attendance.alreadyExcused');
  });
});

describe('undo rules', () => {
  it('undoes an event that exists and is not itself an undo', () => {
    expect(undoTargetRefusal(null, 'missing')).toMatchObject({ code: 'NOT_FOUND', key: 'attendance.eventNotFound', details: { eventId: 'missing' } });
    expect(undoTargetRefusal({ kind: 'undo' }, 'u')).toMatchObject({ code: 'VALIDATION', key: 'attendance.cannotUndoUndo' });
    expect(undoTargetRefusal({ kind: 'checkIn' }, 'e1')).toBeNull();
    expect(undoTargetRefusal({ kind: 'excused' }, 'x')).toBeNull();
  });

  it('refuses an undo twice, and the only check-in while its check-out stands', () => {
    const undo = ev('u1', 'undo', '2027-03-06T09:00:00.000Z', { undoes: 'e1' });
    expect(undoRefusal(person(), IN, foldAttendance([IN, undo]))).toMatchObject({ code: 'CONFLICT', key: 'attendance.alreadyUndone' });
    expect(undoRefusal(person(), IN, foldAttendance([IN]))).toBeNull();
    expect(undoRefusal(person(), IN, foldAttendance([IN, OUT]))).toMatchObject({ key: 'attendance.undoCheckOutFirst', message: "Undo ABC123's check-out first." });
    expect(undoRefusal(person(), OUT, foldAttendance([IN, OUT]))).toBeNull();
    // With a second arrival, the first check-in can go: an arrival still stands before the departure.
    const again = ev('e3', 'checkIn', '2027-03-06T12:00:00.000Z');
    expect(undoRefusal(person(), IN, foldAttendance([IN, OUT, again]))).toBeNull();
  });

  it('remembers the time of the latest check-in that was undone', () => {
    expect(undoneCheckInTime([IN])).toBeNull();
    expect(undoneCheckInTime([IN, ev('u1', 'undo', '2027-03-06T09:00:00.000Z', { undoes: 'e1' })])).toBe(IN.at);
    const later = ev('e5', 'checkIn', '2027-03-06T09:10:00.000Z');
    expect(undoneCheckInTime([IN, later, ev('u1', 'undo', 'z', { undoes: 'e1' }), ev('u2', 'undo', 'z', { undoes: 'e5' })])).toBe(later.at);
  });
});

describe('roster totals', () => {
  it('counts everyone not excused as expected', () => {
    expect(rosterTotals([])).toEqual({ expected: 0, present: 0, left: 0, excused: 0 });
    expect(rosterTotals(['present', 'left', 'excused', 'expected', 'present'])).toEqual({ expected: 4, present: 2, left: 1, excused: 1 });
  });
});

describe('time rules', () => {
  const facts = { sessionDate: '2027-03-06', timeZone: TZ, now: '2027-03-06T08:58:00.000Z' }; // 09:58 in Brussels

  it('refuses a time in the future, with a little tolerance for clocks', () => {
    const r = eventTimeRefusal('checkOut', '2027-03-06T14:30:00.000Z', facts);
    expect(r).toMatchObject({ code: 'VALIDATION', key: 'attendance.timeInFuture', details: { params: { time: '15:30', now: '09:58' }, fields: [{ field: 'at', rule: 'notFuture' }] } });
    expect(r!.message).toBe('15:30 is in the future (it is now 09:58): record an arrival or a departure once it has happened.');
    expect(eventTimeRefusal('checkIn', '2027-03-06T09:30:00.000Z', facts, true)?.key).toBe('attendance.timeInFuture');
    expect(eventTimeRefusal('checkIn', '2027-03-06T08:59:30.000Z', facts)).toBeNull();
    expect(eventTimeRefusal('checkIn', '2027-03-06T08:58:00.000Z', facts)).toBeNull();
    expect(eventTimeRefusal('checkIn', '2099-03-06T08:00:00.000Z', facts)).toMatchObject({ key: 'attendance.dateInFuture', details: { params: { date: '2099-03-06', today: '2027-03-06' } } });
  });

  it('refuses a time before 2000 (a clock never set), of any kind', () => {
    for (const kind of ['checkIn', 'checkOut', 'excused', 'undo'] as const) {
      expect(eventTimeRefusal(kind, '1970-01-01T00:00:00.000Z', facts)?.key).toBe('attendance.timeImplausible');
    }
    expect(eventTimeRefusal('checkIn', 'not a time', facts)?.key).toBe('attendance.timeImplausible');
  });

  it('wants check-ins and check-outs on the session’s day, except a check-in recorded live', () => {
    const later = { ...facts, now: '2027-03-09T12:00:00.000Z' };
    expect(eventTimeRefusal('checkIn', '2027-03-06T08:30:00.000Z', later)).toBeNull();
    expect(eventTimeRefusal('checkIn', '2027-03-07T08:30:00.000Z', later)).toMatchObject({ key: 'attendance.checkInOtherDay', details: { params: { date: '2027-03-07', sessionDate: '2027-03-06' } } });
    expect(eventTimeRefusal('checkIn', '2027-03-07T08:30:00.000Z', later, true)).toBeNull();
    expect(eventTimeRefusal('checkOut', '2027-03-07T08:30:00.000Z', later, true)?.key).toBe('attendance.checkOutOtherDay');
    // 23:30 UTC on the 5th is 00:30 on the 6th in Brussels: the venue's day counts.
    expect(eventTimeRefusal('checkOut', '2027-03-05T23:30:00.000Z', later)).toBeNull();
    // Excuses and undos are recorded whenever the news comes.
    expect(eventTimeRefusal('excused', '2027-03-01T10:00:00.000Z', later)).toBeNull();
    expect(eventTimeRefusal('undo', '2027-03-08T10:00:00.000Z', later)).toBeNull();
  });

  it('tells a live recording from a time typed afterwards, and finds the arrival a departure ends', () => {
    expect(recordedLive({ at: '2027-03-06T08:00:00.000Z', recordedAt: '2027-03-06T08:01:00.000Z' })).toBe(true);
    expect(recordedLive({ at: '2027-03-06T08:00:00.000Z', recordedAt: '2027-03-06T10:00:00.000Z' })).toBe(false);
    const again = ev('e3', 'checkIn', '2027-03-06T12:00:00.000Z');
    expect(arrivalEnded([IN, OUT, again], '2027-03-06T11:00:00.000Z')).toBe(IN);
    expect(arrivalEnded([IN, OUT, again], '2027-03-06T16:00:00.000Z')).toBe(again);
    expect(arrivalEnded([IN, ev('u', 'undo', 'z', { undoes: 'e1' })], '2027-03-06T16:00:00.000Z')).toBeNull();
    expect(arrivalEnded([IN], '2027-03-06T08:00:00.000Z')).toBeNull();
  });
});

describe('merge rules', () => {
  const merged = (e: Partial<MergedEvent>): MergedEvent => ({ id: 'm1', sessionId: 's1', personId: 'p1', kind: 'checkIn', at: '2027-03-06T08:20:00.000Z', recordedAt: '2027-03-06T08:20:10.000Z', reason: null, undoes: null, ...e });
  const facts = (f: Partial<MergeFacts> = {}): MergeFacts => ({ session: { date: '2027-03-06' }, person: person(), timeZone: TZ, now: '2027-03-10T12:00:00.000Z', target: null, history: [], ...f });

  it('admits what the desk would have admitted', () => {
    expect(mergeRefusal(merged({}), facts())).toBeNull();
    // Two laptops checking the same person in is one attendance, not a refusal.
    expect(mergeRefusal(merged({}), facts({ history: [IN] }))).toBeNull();
    const out = merged({ id: 'm2', kind: 'checkOut', at: '2027-03-06T15:00:00.000Z', recordedAt: '2027-03-06T15:00:00.000Z' });
    expect(mergeRefusal(out, facts({ history: [IN, out] }))).toBeNull();
    const target = merged({ id: 'e1' });
    expect(mergeRefusal(merged({ id: 'u1', kind: 'undo', undoes: 'e1' }), facts({ target }))).toBeNull();
    expect(mergeRefusal(merged({ kind: 'excused', reason: 'ill', at: '2027-03-01T10:00:00.000Z', recordedAt: '2027-03-01T10:00:00.000Z' }), facts())).toBeNull();
  });

  it('refuses unknown sessions and people, malformed events, and non-members checked in or excused', () => {
    expect(mergeRefusal(merged({}), facts({ session: null }))?.key).toBe('attendance.mergeUnknownSession');
    expect(mergeRefusal(merged({}), facts({ person: null }))?.key).toBe('attendance.mergeUnknownPerson');
    expect(mergeRefusal(merged({ undoes: 'x' }), facts())?.key).toBe('attendance.mergeMalformed');
    expect(mergeRefusal(merged({ kind: 'excused' }), facts())?.key).toBe('attendance.mergeMalformed');
    expect(mergeRefusal(merged({}), facts({ person: person('pool') }))?.key).toBe('attendance.notConfirmed');
    expect(mergeRefusal(merged({ kind: 'excused', reason: 'ill' }), facts({ person: person('withdrawn') }))?.key).toBe('attendance.notConfirmed');
    // A check-out of someone who has since withdrawn still happened.
    const out = merged({ id: 'm2', kind: 'checkOut', at: '2027-03-06T15:00:00.000Z', recordedAt: '2027-03-06T15:00:00.000Z' });
    expect(mergeRefusal(out, facts({ person: person('withdrawn'), history: [IN] }))).toBeNull();
  });

  it('refuses impossible times: 1970, the future, another day, a recording time in the future', () => {
    expect(mergeRefusal(merged({ at: '1970-01-01T00:00:00.000Z', recordedAt: '1970-01-01T00:00:00.000Z' }), facts())?.key).toBe('attendance.timeImplausible');
    expect(mergeRefusal(merged({ at: '2099-01-01T00:00:00.000Z', recordedAt: '2099-01-01T00:00:00.000Z' }), facts())?.key).toBe('attendance.dateInFuture');
    expect(mergeRefusal(merged({ recordedAt: '2099-01-01T00:00:00.000Z' }), facts())?.key).toBe('attendance.dateInFuture');
    expect(mergeRefusal(merged({ at: '2027-03-07T09:00:00.000Z', recordedAt: '2027-03-08T09:00:00.000Z' }), facts())?.key).toBe('attendance.checkInOtherDay');
    expect(mergeRefusal(merged({ at: '2027-03-07T09:00:00.000Z', recordedAt: '2027-03-07T09:00:30.000Z' }), facts())).toBeNull(); // live, as at the desk
    const lateOut = merged({ id: 'm2', kind: 'checkOut', at: '2027-03-07T09:00:00.000Z', recordedAt: '2027-03-07T09:00:00.000Z' });
    expect(mergeRefusal(lateOut, facts({ history: [IN] }))?.key).toBe('attendance.checkOutOtherDay');
  });

  it('refuses an undo of nothing, of another person’s event or of an undo, and a departure without arrival', () => {
    const undo = merged({ id: 'u1', kind: 'undo', undoes: 'e404' });
    expect(mergeRefusal(undo, facts())).toMatchObject({ key: 'attendance.mergeUndoUnknown', details: { params: { eventId: 'e404' } } });
    expect(mergeRefusal(undo, facts({ target: merged({ id: 'e404', personId: 'p2' }) }))?.key).toBe('attendance.mergeUndoUnknown');
    expect(mergeRefusal(undo, facts({ target: merged({ id: 'e404', kind: 'undo', undoes: 'x' }) }))?.key).toBe('attendance.cannotUndoUndo');
    const out = merged({ id: 'm2', kind: 'checkOut', at: '2027-03-06T15:00:00.000Z' });
    expect(mergeRefusal(out, facts())?.key).toBe('attendance.mergeCheckOutWithoutArrival');
    expect(mergeRefusal(out, facts({ history: [ev('late', 'checkIn', '2027-03-06T15:30:00.000Z')] }))?.key).toBe('attendance.mergeCheckOutWithoutArrival');
  });
});

describe('paper sheet rules', () => {
  it('refuses a person twice and a departure before the arrival, naming the rows', () => {
    expect(paperSheetProblems([{ personId: 'a', arrivedAt: '09:30', departedAt: '17:00' }, { personId: 'b', arrivedAt: '09:40' }])).toEqual([]);
    expect(paperSheetProblems([{ personId: 'a', arrivedAt: '09:30' }, { personId: 'a', arrivedAt: '09:35', departedAt: '08:00' }])).toEqual([
      { field: 'entries.1.personId', rule: 'duplicate', message: 'row 2: this person is on the sheet twice' },
      { field: 'entries.1.departedAt', rule: 'afterArrival', message: 'row 2: the departure (08:00) is before the arrival (09:35)' },
    ]);
  });
});
