import { describe, expect, it } from 'vitest';
import { compareSessions, currentSession, isCalendarDate, isClockTime, isSessionToday, sessionTimeProblems } from '../../main/domain/sessionRules';
import { compareNames, searchKey } from '../../main/domain/text';

describe('session rules', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('27-01-01')).toBe(false);
    expect(isCalendarDate('2027-1-1')).toBe(false);
  });

  it('accepts 24-hour HH:MM times only', () => {
    expect(isClockTime('09:30')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('9:30')).toBe(false);
    expect(isClockTime('09:60')).toBe(false);
  });

  it('requires the end after the start, and says which field is wrong', () => {
    expect(sessionTimeProblems({ date: '2027-03-06', startTime: '09:30', endTime: '17:00' })).toEqual([]);
    expect(sessionTimeProblems({ date: '2027-03-06', startTime: '17:00', endTime: '09:30' })).toEqual([
      { field: 'endTime', rule: 'endAfterStart', message: 'the end time (09:30) must be after the start time (17:00)' },
    ]);
    expect(sessionTimeProblems({ date: '2027-03-06', startTime: '10:00', endTime: '10:00' })).toMatchObject([{ field: 'endTime' }]);
    expect(sessionTimeProblems({ date: '2027-02-30', startTime: 'noon', endTime: '17:00' })).toEqual([
      { field: 'date', rule: 'notADate', message: '"2027-02-30" is not a date (use YYYY-MM-DD)' },
      { field: 'startTime', rule: 'notATime', message: '"noon" is not a time (use HH:MM)' },
    ]);
  });

  it('orders sessions by date, then start time, then name', () => {
    const list = [
      { name: 'B', date: '2027-03-07', startTime: '09:00', endTime: '10:00' },
      { name: 'A', date: '2027-03-06', startTime: '14:00', endTime: '15:00' },
      { name: 'C', date: '2027-03-06', startTime: '09:00', endTime: '10:00' },
    ];
    expect(list.sort(compareSessions).map((s) => s.name)).toEqual(['C', 'A', 'B']);
  });
});

describe('text keys', () => {
  it('folds accents, case and spacing so people are found as they are typed', () => {
    expect(searchKey('Élodie')).toBe('elodie');
    expect(searchKey('Çelik')).toBe('celik');
    expect(searchKey('Łukasz  Nuñez')).toBe('lukasz nunez');
    expect(searchKey('Yılmaz')).toBe('yilmaz');
    expect(searchKey(' Weekend 1 ')).toBe(searchKey('weekend 1'));
  });

  it('sorts names with the locale, not by code point', () => {
    expect(['Zoë', 'Élodie', 'Emma'].sort((a, b) => compareNames(a, b))).toEqual(['Élodie', 'Emma', 'Zoë']);
  });
});

describe('the current session (one rule for every session picker)', () => {
  const s = (name: string, date: string, startTime: string, endTime: string) => ({ name, date, startTime, endTime });
  const sat = s('Sat', '2027-03-06', '09:30', '17:00');
  const satEvening = s('Sat evening', '2027-03-06', '19:00', '21:00');
  const sun = s('Sun', '2027-03-07', '09:30', '17:00');
  const earlier = s('Earlier', '2027-02-20', '09:30', '17:00');
  const list = [sun, satEvening, earlier, sat];

  it('is the session running now, else the next one today, else today’s last', () => {
    expect(currentSession(list, { date: '2027-03-06', time: '08:00' })).toBe(sat);
    expect(currentSession(list, { date: '2027-03-06', time: '12:00' })).toBe(sat);
    expect(currentSession(list, { date: '2027-03-06', time: '18:00' })).toBe(satEvening);
    expect(currentSession(list, { date: '2027-03-06', time: '20:00' })).toBe(satEvening);
    expect(currentSession(list, { date: '2027-03-06', time: '23:00' })).toBe(satEvening);
  });

  it('on a day without sessions, is the next one to come, else the latest held', () => {
    expect(currentSession(list, { date: '2027-03-01', time: '10:00' })).toBe(sat);
    expect(currentSession(list, { date: '2027-01-01', time: '10:00' })).toBe(earlier);
    expect(currentSession(list, { date: '2027-04-01', time: '10:00' })).toBe(sun);
    expect(currentSession([], { date: '2027-04-01', time: '10:00' })).toBeNull();
  });

  it('tells whether a session is held today', () => {
    expect(isSessionToday(sat, { date: '2027-03-06', time: '23:59' })).toBe(true);
    expect(isSessionToday(sun, { date: '2027-03-06', time: '23:59' })).toBe(false);
  });
});
