/**
 * The end date's rules (main/domain/assembly/retention.ts): month arithmetic at month ends, the
 * default offered, which dates are refused, when the reminder shows, household labels.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, defaultRetentionDate, householdLabels, retentionDateProblem, retentionPassed } from '../../main/domain/assembly/retention';

describe('the retention date', () => {
  it('adds months, keeping the day within the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-05-15', 12)).toBe('2028-05-15');
    expect(addMonths('2027-12-31', 1)).toBe('2028-01-31');
  });

  it('offers three months after the last session, or twelve from today without sessions, never a past date', () => {
    expect(defaultRetentionDate('2027-01-10', null)).toBe('2028-01-10');
    expect(defaultRetentionDate('2027-01-10', '2027-03-20')).toBe('2027-06-20');
    // Sessions long over: three months from today rather than a date already gone.
    expect(defaultRetentionDate('2027-09-01', '2027-03-20')).toBe('2027-12-01');
  });

  it('refuses a date that does not exist or is past; today is allowed', () => {
    expect(retentionDateProblem('2027-02-30', '2027-01-01')).toBe('notADate');
    expect(retentionDateProblem('30/09/2027', '2027-01-01')).toBe('notADate');
    expect(retentionDateProblem('2026-12-31', '2027-01-01')).toBe('inThePast');
    expect(retentionDateProblem('2027-01-01', '2027-01-01')).toBeNull();
  });

  it('reminds from the day after the date until the assembly is closed', () => {
    expect(retentionPassed('2027-05-01', '2027-05-01', null)).toBe(false);
    expect(retentionPassed('2027-05-01', '2027-05-02', null)).toBe(true);
    expect(retentionPassed('2027-05-01', '2027-05-02', '2027-05-02T08:00:00Z')).toBe(false);
    expect(retentionPassed(null, '2030-01-01', null)).toBe(false);
  });

  it('labels households without their address, the same key the same label, in code order', () => {
    const labels = householdLabels(['kerkstraat 1 9000 gent', null, 'dorpsplein 2 1000 brussel', 'kerkstraat 1 9000 gent', '']);
    expect([...labels.entries()]).toEqual([
      ['kerkstraat 1 9000 gent', 'household-00001'],
      ['dorpsplein 2 1000 brussel', 'household-00002'],
    ]);
  });
});
