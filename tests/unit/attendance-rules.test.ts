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
