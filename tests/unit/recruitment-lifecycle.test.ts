import { describe, expect, it } from 'vitest';
import {
  PERSON_STATUSES,
  allowedNext,
  canBeReplaced,
  canReplace,
  checkTransition,
  householdConflict,
  isPersonStatus,
  needsHouseholdCheck,
  type PersonStatus,
} from '../../main/domain/recruitment/lifecycle';

const ok = { date: '2027-03-06', reason: 'Moved abroad' };

describe('status transitions', () => {
  it('allows exactly the documented changes', () => {
    const allowed: Record<PersonStatus, PersonStatus[]> = {
      pool: ['reserve', 'selected'],
      reserve: ['pool', 'selected'],
      selected: ['pool', 'contacted', 'confirmed', 'declined', 'withdrawn'],
      contacted: ['confirmed', 'declined', 'withdrawn'],
      confirmed: ['withdrawn'],
      declined: [],
      withdrawn: [],
    };
    for (const from of PERSON_STATUSES) {
      expect(allowedNext(from)).toEqual(allowed[from]);
      for (const to of PERSON_STATUSES) {
        const problem = checkTransition(from, to, ok);
        if (from === to) expect(problem?.rule).toBe('sameStatus');
        else if (allowed[from].includes(to)) expect(problem).toBeNull();
        else expect(problem?.rule).toBe('notAllowed');
      }
    }
  });

  it('explains refused changes', () => {
    expect(checkTransition('pool', 'confirmed', {})).toEqual({
      rule: 'notAllowed',
      message: 'Someone in the pool cannot be moved to confirmed; possible: reserve, selected.',
      params: { from: 'pool', to: 'confirmed' },
    });
    expect(checkTransition('declined', 'selected', {})?.message).toBe('Someone who declined keeps that status: select a replacement instead.');
    expect(checkTransition('selected', 'selected', {})).toMatchObject({ rule: 'sameStatus', message: 'The status is already selected.' });
  });

  it('requires a date and a reason to decline or withdraw', () => {
    expect(checkTransition('contacted', 'declined', { reason: 'No time' })).toMatchObject({
      rule: 'dateRequired',
      message: 'Give the date on which the person declined.',
    });
    expect(checkTransition('confirmed', 'withdrawn', { date: '  ', reason: 'Ill' })?.rule).toBe('dateRequired');
    expect(checkTransition('confirmed', 'withdrawn', { date: '2027-03-06', reason: '  ' })).toMatchObject({
      rule: 'reasonRequired',
      message: 'Give the reason why the person withdrew.',
    });
    expect(checkTransition('confirmed', 'withdrawn', { date: '2027-03-06', reason: null })?.rule).toBe('reasonRequired');
    expect(checkTransition('selected', 'declined', { date: '2027-02-30', reason: 'No time' })).toMatchObject({
      rule: 'notADate',
      params: { date: '2027-02-30' },
    });
    expect(checkTransition('selected', 'declined', { date: '6/3/2027', reason: 'No time' })?.rule).toBe('notADate');
    expect(checkTransition('selected', 'declined', { date: '2027-03-06', reason: 'No time' })).toBeNull();
  });

  it('needs no date or reason for other changes, but checks a date that is given', () => {
    expect(checkTransition('pool', 'selected', {})).toBeNull();
    expect(checkTransition('selected', 'confirmed', { date: null, reason: null })).toBeNull();
    expect(checkTransition('selected', 'contacted', { date: 'yesterday' })?.rule).toBe('notADate');
  });

  it('knows who can be replaced and who can replace', () => {
    expect(PERSON_STATUSES.filter(canBeReplaced)).toEqual(['declined', 'withdrawn']);
    expect(PERSON_STATUSES.filter(canReplace)).toEqual(['pool', 'reserve']);
  });

  it('recognises status names', () => {
    expect(isPersonStatus('reserve')).toBe(true);
    expect(isPersonStatus('drawn')).toBe(false);
  });
});

describe('one person per household', () => {
  it('checks only moves onto a seat', () => {
    expect(needsHouseholdCheck('pool', 'selected')).toBe(true);
    expect(needsHouseholdCheck('reserve', 'selected')).toBe(true);
    expect(needsHouseholdCheck('selected', 'contacted')).toBe(false);
    expect(needsHouseholdCheck('contacted', 'confirmed')).toBe(false);
    expect(needsHouseholdCheck('selected', 'pool')).toBe(false);
    expect(needsHouseholdCheck('pool', 'reserve')).toBe(false);
  });

  it('conflicts when someone of the household already holds a seat', () => {
    const seated = new Set(['1000|ruedelaloi|16', '9000|kerkstraat|5|box 3']);
    expect(householdConflict('1000|ruedelaloi|16', seated)).toBe(true);
    expect(householdConflict('9000|kerkstraat|5|box 4', seated)).toBe(false);
    expect(householdConflict(null, seated)).toBe(false);
    expect(householdConflict('1000|ruedelaloi|16', new Set())).toBe(false);
  });
});
