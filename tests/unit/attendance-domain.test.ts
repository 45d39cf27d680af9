import { describe, expect, it } from 'vitest';
import type { PerDiemRules } from '../../main/domain/attendance/types';
import { foldAttendance, type EventFact } from '../../main/domain/attendance/state';
import { perDiemFor, sessionStarted, type PerDiemSession } from '../../main/domain/attendance/perDiem';
import { instantOf, localParts } from '../../main/domain/attendance/time';
import { searchRoster } from '../../main/domain/attendance/search';
import { searchKey } from '../../main/domain/text';

const ev = (id: string, kind: EventFact['kind'], at: string, extra: Partial<EventFact> = {}): EventFact => ({ id, kind, at, reason: null, undoes: null, ...extra });

describe('attendance state from events', () => {
  it('is expected with no events, present after a check-in, left after a check-out', () => {
    expect(foldAttendance([]).state).toBe('expected');
    const inOnly = foldAttendance([ev('a', 'checkIn', '2027-03-06T08:40:00.000Z')]);
    expect(inOnly).toMatchObject({ state: 'present', arrivedAt: '2027-03-06T08:40:00.000Z', departedAt: null });
    const left = foldAttendance([ev('a', 'checkIn', '2027-03-06T08:40:00.000Z'), ev('b', 'checkOut', '2027-03-06T15:00:00.000Z')]);
    expect(left).toMatchObject({ state: 'left', departedAt: '2027-03-06T15:00:00.000Z' });
  });

  it('makes one attendance of two laptops checking the same person in, from the earlier time, in any order', () => {
    const a = ev('e1', 'checkIn', '2027-03-06T08:42:00.000Z');
    const b = ev('e2', 'checkIn', '2027-03-06T08:40:00.000Z');
    expect(foldAttendance([a, b])).toMatchObject({ state: 'present', arrivedAt: '2027-03-06T08:40:00.000Z' });
    expect(foldAttendance([b, a])).toEqual(foldAttendance([a, b]));
    // The same event merged twice changes nothing.
    expect(foldAttendance([a, b, b]).arrivedAt).toBe('2027-03-06T08:40:00.000Z');
  });

  it('cancels an event by undo, and a person who comes back after leaving is present again', () => {
    const events = [ev('a', 'checkIn', '2027-03-06T08:40:00.000Z'), ev('u', 'undo', '2027-03-06T08:41:00.000Z', { undoes: 'a' })];
    expect(foldAttendance(events)).toMatchObject({ state: 'expected', arrivedAt: null });
    expect(foldAttendance(events).undone.has('a')).toBe(true);
    const back = foldAttendance([
      ev('a', 'checkIn', '2027-03-06T08:40:00.000Z'),
      ev('b', 'checkOut', '2027-03-06T10:00:00.000Z'),
      ev('c', 'checkIn', '2027-03-06T11:00:00.000Z'),
    ]);
    expect(back).toMatchObject({ state: 'present', arrivedAt: '2027-03-06T08:40:00.000Z', departedAt: null });
  });

  it('excuses an absence, but an arrival wins over the excuse', () => {
    const excuse = ev('x', 'excused', '2027-03-05T18:00:00.000Z', { reason: 'ill' });
    expect(foldAttendance([excuse])).toMatchObject({ state: 'excused', excuseReason: 'ill' });
    expect(foldAttendance([excuse, ev('a', 'checkIn', '2027-03-06T09:10:00.000Z')]).state).toBe('present');
  });
});

describe('venue time', () => {
  it('converts local session times to instants across the daylight-saving changes in Brussels', () => {
    // Winter: UTC+1. Summer: UTC+2. Changes on 28 March 2027 and 31 October 2027.
    expect(instantOf('2027-03-06', '09:30', 'Europe/Brussels')).toBe('2027-03-06T08:30:00.000Z');
    expect(instantOf('2027-03-27', '09:30', 'Europe/Brussels')).toBe('2027-03-27T08:30:00.000Z');
    expect(instantOf('2027-03-28', '09:30', 'Europe/Brussels')).toBe('2027-03-28T07:30:00.000Z');
    expect(instantOf('2027-10-30', '09:30', 'Europe/Brussels')).toBe('2027-10-30T07:30:00.000Z');
    expect(instantOf('2027-10-31', '09:30', 'Europe/Brussels')).toBe('2027-10-31T08:30:00.000Z');
    // 02:30 does not exist on 28 March; 02:30 happens twice on 31 October (the first is summer time).
    expect(localParts(instantOf('2027-03-28', '02:30', 'Europe/Brussels'), 'Europe/Brussels').time).toBe('03:30');
    expect(instantOf('2027-10-31', '02:30', 'Europe/Brussels')).toBe('2027-10-31T00:30:00.000Z');
    expect(localParts('2027-10-31T01:30:00.000Z', 'Europe/Brussels')).toMatchObject({ date: '2027-10-31', time: '02:30' });
  });
});

describe('per-diem', () => {
  /** A clock after every session: all of them have started. */
  const AFTER = { date: '2027-12-31', minutes: 0 };
  const rules: PerDiemRules = { fullDayCents: 5000, halfDayCents: 2500, travelCents: 1200, childcareCents: 3000, thresholdMinutes: 30 };
  // Saturday: two sessions (09:00–12:30, 13:30–17:00); Sunday: one (09:30–16:00).
  const sessions: PerDiemSession[] = [
    { id: 'sat-am', date: '2027-03-06', start: 540, end: 750 },
    { id: 'sat-pm', date: '2027-03-06', start: 810, end: 1020 },
    { id: 'sun', date: '2027-03-07', start: 570, end: 960 },
  ];
  const person = (attendance: { sessionId: string; arrived: number; departed: number | null }[], childcare = false) => ({ id: 'p', childcare, attendance });

  it('pays a full day for every session of the day, on time, with travel per day', () => {
    const r = perDiemFor(rules, sessions, person([
      { sessionId: 'sat-am', arrived: 535, departed: 750 },
      { sessionId: 'sat-pm', arrived: 805, departed: 1020 },
    ]), AFTER);
    expect(r).toMatchObject({ fullDays: 1, halfDays: 0, perDiemCents: 5000, travelCents: 1200, childcareCents: 0, totalCents: 6200 });
    expect(r.days).toEqual([{ date: '2027-03-06', kind: 'full', reason: null }]);
  });

  it('counts exactly the threshold as on time, one minute more as a half day (late, early)', () => {
    const onTime = perDiemFor(rules, sessions, person([{ sessionId: 'sun', arrived: 600, departed: 930 }]), AFTER);
    expect(onTime.days[0]).toEqual({ date: '2027-03-07', kind: 'full', reason: null });
    const late = perDiemFor(rules, sessions, person([{ sessionId: 'sun', arrived: 601, departed: null }]), AFTER);
    expect(late.days[0]).toEqual({ date: '2027-03-07', kind: 'half', reason: 'late' });
    const early = perDiemFor(rules, sessions, person([{ sessionId: 'sun', arrived: 570, departed: 929 }]), AFTER);
    expect(early.days[0]).toEqual({ date: '2027-03-07', kind: 'half', reason: 'early' });
    expect(early.totalCents).toBe(2500 + 1200);
  });

  it('makes a day with a missed session a half day, and pays childcare per day to those who need it', () => {
    const r = perDiemFor(rules, sessions, person([{ sessionId: 'sat-pm', arrived: 810, departed: null }, { sessionId: 'sun', arrived: 570, departed: null }], true), AFTER);
    expect(r.days).toEqual([
      { date: '2027-03-06', kind: 'half', reason: 'partial' },
      { date: '2027-03-07', kind: 'full', reason: null },
    ]);
    expect(r).toMatchObject({ perDiemCents: 7500, travelCents: 2400, childcareCents: 6000, totalCents: 15900 });
  });

  it('pays no day for a session that has not started by the clock, and judges a day under way on its started sessions', () => {
    const attendedAll = person([
      { sessionId: 'sat-am', arrived: 535, departed: null },
      { sessionId: 'sat-pm', arrived: 805, departed: null },
      { sessionId: 'sun', arrived: 560, departed: null },
    ]);
    // Friday evening: nothing has started, whatever was recorded ahead of time.
    expect(perDiemFor(rules, sessions, attendedAll, { date: '2027-03-05', minutes: 1200 })).toMatchObject({ days: [], totalCents: 0 });
    // Saturday 08:59: the first session starts at 09:00.
    expect(perDiemFor(rules, sessions, attendedAll, { date: '2027-03-06', minutes: 539 }).days).toEqual([]);
    // Saturday 09:00 sharp: it has started; the afternoon has not, so it is not "missed" either.
    expect(perDiemFor(rules, sessions, person([{ sessionId: 'sat-am', arrived: 535, departed: null }]), { date: '2027-03-06', minutes: 540 }).days).toEqual([
      { date: '2027-03-06', kind: 'full', reason: null },
    ]);
    // Saturday evening: Saturday paid, Sunday not yet.
    const saturdayNight = perDiemFor(rules, sessions, attendedAll, { date: '2027-03-06', minutes: 1320 });
    expect(saturdayNight.days.map((d) => d.date)).toEqual(['2027-03-06']);
    expect(saturdayNight.totalCents).toBe(5000 + 1200);
    expect(perDiemFor(rules, sessions, attendedAll, AFTER).totalCents).toBe(2 * (5000 + 1200));
  });

  it('says when a session has started, on the local clock', () => {
    const sat = sessions[0]!;
    expect(sessionStarted(sat, { date: '2027-03-05', minutes: 1439 })).toBe(false);
    expect(sessionStarted(sat, { date: '2027-03-06', minutes: 539 })).toBe(false);
    expect(sessionStarted(sat, { date: '2027-03-06', minutes: 540 })).toBe(true);
    expect(sessionStarted(sat, { date: '2027-03-07', minutes: 0 })).toBe(true);
  });

  it('pays nothing to someone who attended nothing, and nothing with zero rules', () => {
    expect(perDiemFor(rules, sessions, person([]), AFTER).totalCents).toBe(0);
    const zero = { fullDayCents: 0, halfDayCents: 0, travelCents: 0, childcareCents: 0, thresholdMinutes: 0 };
    expect(perDiemFor(zero, sessions, person([{ sessionId: 'sun', arrived: 570, departed: null }]), AFTER).totalCents).toBe(0);
    expect(perDiemFor(rules, [], person([{ sessionId: 'gone', arrived: 570, departed: null }]), AFTER).days).toEqual([]);
  });
});

describe('desk search', () => {
  const rows = [
    { code: 'AB12CD', searchKey: searchKey('Ayşe Çelik AB12CD'), name: 'Ayşe Çelik' },
    { code: 'ZX98YW', searchKey: searchKey('Jan Peeters ZX98YW'), name: 'Jan Peeters' },
    { code: 'QQ11RR', searchKey: searchKey('Łukasz Nuñez QQ11RR'), name: 'Łukasz Nuñez' },
  ];
  it('finds people accent- and case-insensitively by any words of their name', () => {
    expect(searchRoster(rows, 'celik').map((r) => r.name)).toEqual(['Ayşe Çelik']);
    expect(searchRoster(rows, 'LUKASZ nun').map((r) => r.name)).toEqual(['Łukasz Nuñez']);
    expect(searchRoster(rows, 'pee jan').map((r) => r.name)).toEqual(['Jan Peeters']);
    expect(searchRoster(rows, 'nobody')).toEqual([]);
    expect(searchRoster(rows, '  ')).toHaveLength(3);
  });
  it('puts the person whose code was scanned first', () => {
    expect(searchRoster(rows, 'zx98yw')[0]!.name).toBe('Jan Peeters');
  });
});
