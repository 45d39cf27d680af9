import { afterEach, describe, expect, it } from 'vitest';
import { FIELD_RULES } from '../../preload/contract';
import { fieldErrorKey, fieldErrorText } from '../../renderer/fieldErrors';
import en from '../../renderer/i18n/en.json';
import fr from '../../renderer/i18n/fr.json';
import nl from '../../renderer/i18n/nl.json';
import {
  formatCalendarDate,
  formatInstant,
  formatNumber,
  formatPercent,
  formatTimeRange,
  localeFor,
  parseCalendarDate,
  setDisplayTimeZone,
  todayCalendarDate,
} from '../../renderer/format';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('calendar dates', () => {
  it('parses YYYY-MM-DD as that local day', () => {
    const d = parseCalendarDate('2026-03-14');
    expect(d?.getFullYear()).toBe(2026);
    expect(d?.getMonth()).toBe(2);
    expect(d?.getDate()).toBe(14);
  });

  it('refuses what is not a real calendar date', () => {
    for (const v of ['2026-02-30', '2026-13-01', '14/03/2026', '2026-3-14', '', '2026-03-14T00:00:00Z']) {
      expect(parseCalendarDate(v), v).toBeNull();
    }
  });

  it('shows the date in each locale', () => {
    expect(formatCalendarDate('2026-03-14', 'en')).toMatch(/^Sat,? 14 March 2026$/);
    expect(formatCalendarDate('2026-03-14', 'nl')).toMatch(/^za\.? 14 maart 2026$/);
    expect(formatCalendarDate('2026-03-14', 'fr')).toMatch(/^sam\.? 14 mars 2026$/);
    expect(formatCalendarDate('2026-03-14', 'fr', 'short')).toMatch(/14 mars 2026/);
  });

  // `new Date('2026-03-14')` is midnight UTC: west of Greenwich that is still the 13th.
  it.each(['America/Los_Angeles', 'Pacific/Honolulu', 'Europe/Brussels', 'Pacific/Kiritimati', 'UTC'])(
    'does not move the day in time zone %s',
    (tz) => {
      process.env.TZ = tz;
      expect(formatCalendarDate('2026-03-14', 'en')).toMatch(/14 March 2026/);
      expect(formatCalendarDate('2026-01-01', 'nl')).toMatch(/1 januari 2026/);
      expect(formatCalendarDate('2026-12-31', 'fr')).toMatch(/31 décembre 2026/);
      // Around the change to summer time in Belgium (29 March 2026).
      expect(formatCalendarDate('2026-03-29', 'en')).toMatch(/29 March 2026/);
    },
  );

  it('shows an unreadable value as written rather than hiding it', () => {
    expect(formatCalendarDate('someday', 'en')).toBe('someday');
  });

  it("gives today's date as YYYY-MM-DD in local time", () => {
    expect(todayCalendarDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('instants, times and numbers', () => {
  it('shows an ISO instant in the given time zone and locale, 24-hour', () => {
    expect(formatInstant('2026-03-14T08:05:00.000Z', 'en', 'Europe/Brussels')).toBe('14/03/2026, 09:05');
    expect(formatInstant('2026-07-01T21:30:00.000Z', 'nl', 'Europe/Brussels')).toMatch(/^01\/07\/2026,? 23:30$/);
    expect(formatInstant('not a time', 'fr')).toBe('not a time');
  });

  it('shows instants in the open assembly’s zone, not the computer’s (the audit list, the venue panel...)', () => {
    try {
      setDisplayTimeZone('Europe/Brussels');
      expect(formatInstant('2026-03-14T23:50:00.000Z', 'en')).toBe('15/03/2026, 00:50');
      setDisplayTimeZone('Asia/Tokyo');
      expect(formatInstant('2026-03-14T23:50:00.000Z', 'en')).toBe('15/03/2026, 08:50');
      // No assembly open: the computer's own zone.
      setDisplayTimeZone(undefined);
      const own = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      expect(formatInstant('2026-03-14T23:50:00.000Z', 'en')).toBe(own.format(new Date('2026-03-14T23:50:00.000Z')));
    } finally {
      setDisplayTimeZone(undefined);
    }
  });

  it('keeps wall-clock times as written', () => {
    expect(formatTimeRange('09:30', '17:00')).toBe('09:30–17:00');
  });

  it('groups thousands per locale', () => {
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(1500, 'nl')).toBe('1.500');
    expect(formatNumber(1500, 'fr').replace(/\s/g, ' ')).toBe('1 500');
  });

  it('shows shares with one decimal always, so columns line up', () => {
    expect(formatPercent(0.36, 'en')).toBe('36.0%');
    expect(formatPercent(0.0833, 'nl').replace(/\s/g, ' ')).toBe('8,3%');
    expect(formatPercent(1 / 3, 'fr').replace(/\s/g, ' ')).toBe('33,3 %');
  });

  it('maps languages to Belgian and British locales', () => {
    expect([localeFor('nl'), localeFor('fr'), localeFor('en'), localeFor('de')]).toEqual(['nl-BE', 'fr-BE', 'en-GB', 'en-GB']);
  });
});

describe('field problems from the server', () => {
  const t = (key: string, params: Record<string, unknown>) => `T(${key}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''})`;

  it('shows each rule in the UI language, with its parameters', () => {
    expect(fieldErrorText(t, { field: 'name', rule: 'required', message: 'is required' })).toBe('T(fieldErrors.required)');
    expect(fieldErrorText(t, { field: 'name', rule: 'tooLong', message: 'must be at most 120 characters', params: { max: 120 } })).toBe(
      'T(fieldErrors.tooLong {"max":120})',
    );
  });

  it('shows a problem it has no words for as the server wrote it, rather than hiding it', () => {
    expect(fieldErrorKey({ field: 'x', rule: 'invalid', message: 'is odd in a new way' })).toBeNull();
    expect(fieldErrorText(t, { field: 'x', rule: 'invalid', message: 'is odd in a new way' })).toBe('is odd in a new way');
  });

  it('has words for every rule the server can send, in Dutch, French and English', () => {
    for (const [language, resources] of Object.entries({ en, fr, nl })) {
      for (const rule of FIELD_RULES.filter((r) => r !== 'invalid')) {
        expect((resources.fieldErrors as Record<string, string>)[rule], `${language}: fieldErrors.${rule}`).toBeTruthy();
      }
    }
  });
});
