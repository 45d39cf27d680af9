import { describe, expect, it } from 'vitest';
import { QUOTA_ROUNDING_RULE, checkQuotas, proposeQuotas, type QuotaCheckFeature } from '../../main/domain/recruitment/quotas';

const propose = (panelSize: number, tolerance: number, values: [string, number | null][]) =>
  proposeQuotas({ panelSize, tolerance, features: [{ name: 'F', values: values.map(([value, sharePercent]) => ({ value, sharePercent })) }] });

const seats = (quotas: { value: string; seats: number }[]) => Object.fromEntries(quotas.map((q) => [q.value, q.seats]));

describe('proposeQuotas', () => {
  it('rounds 50.6 % / 49.4 % of 60 seats by the largest remainder', () => {
    const q = proposeQuotas({
      panelSize: 60,
      tolerance: 2,
      features: [{ name: 'Gender', values: [{ value: 'female', sharePercent: 50.6 }, { value: 'male', sharePercent: 49.4 }] }],
    });
    // 30.36 and 29.64: floors 30 + 29, the leftover seat goes to the larger remainder (.64).
    expect(q).toEqual([
      { feature: 'Gender', value: 'female', sharePercent: 50.6, idealSeats: 30.36, seats: 30, min: 28, max: 32 },
      { feature: 'Gender', value: 'male', sharePercent: 49.4, idealSeats: 29.64, seats: 30, min: 28, max: 32 },
    ]);
  });

  it('always gives out exactly the panel size', () => {
    const shares: [string, number][] = [['16-24', 13.1], ['25-34', 15.7], ['35-44', 16.2], ['45-54', 16.9], ['55-64', 16.4], ['65+', 21.7]];
    for (const panel of [1, 7, 24, 50, 60, 99, 150]) {
      const q = propose(panel, 0, shares);
      expect(q.reduce((s, x) => s + x.seats, 0)).toBe(panel);
      for (const x of q) expect(Math.abs(x.seats - x.idealSeats)).toBeLessThan(1);
    }
  });

  it('breaks a three-way tie by value name', () => {
    // Three equal shares: 3.33… seats each.
    expect(seats(propose(10, 0, [['C', 1], ['A', 1], ['B', 1]]))).toEqual({ A: 4, B: 3, C: 3 });
    expect(seats(propose(11, 0, [['C', 1], ['A', 1], ['B', 1]]))).toEqual({ A: 4, B: 4, C: 3 });
    expect(seats(propose(12, 0, [['C', 1], ['A', 1], ['B', 1]]))).toEqual({ A: 4, B: 4, C: 4 });
  });

  it('breaks a tie in remainders by the larger share first', () => {
    // 0.5 and 1.5 seats: equal remainders, the larger share wins the last seat.
    expect(seats(propose(2, 0, [['a', 25], ['b', 75]]))).toEqual({ a: 0, b: 2 });
  });

  it('scales shares that do not add up to 100', () => {
    const q = propose(60, 0, [['x', 40], ['y', 40]]);
    expect(q).toEqual([
      { feature: 'F', value: 'x', sharePercent: 40, idealSeats: 30, seats: 30, min: 30, max: 30 },
      { feature: 'F', value: 'y', sharePercent: 40, idealSeats: 30, seats: 30, min: 30, max: 30 },
    ]);
    expect(seats(propose(10, 0, [['x', 60], ['y', 60], ['z', 30]]))).toEqual({ x: 4, y: 4, z: 2 });
  });

  it('applies the tolerance within 0 and the panel size', () => {
    const q = propose(10, 2, [['big', 92], ['small', 8]]);
    expect(q.map((x) => [x.value, x.seats, x.min, x.max])).toEqual([
      ['big', 9, 7, 10],
      ['small', 1, 0, 3],
    ]);
    const exact = propose(10, 0, [['big', 92], ['small', 8]]);
    expect(exact.map((x) => [x.min, x.max])).toEqual([
      [9, 9],
      [1, 1],
    ]);
  });

  it('gives values without a share no seats and a zero range', () => {
    const q = propose(10, 2, [['known', 100], ['unknown', null], ['none', 0]]);
    expect(q.map((x) => [x.value, x.sharePercent, x.idealSeats, x.seats, x.min, x.max])).toEqual([
      ['known', 100, 10, 10, 8, 10],
      ['unknown', null, 0, 0, 0, 0],
      ['none', 0, 0, 0, 0, 2],
    ]);
    expect(seats(propose(10, 0, [['a', null], ['b', 0]]))).toEqual({ a: 0, b: 0 });
  });

  it('handles several features independently', () => {
    const q = proposeQuotas({
      panelSize: 5,
      tolerance: 1,
      features: [
        { name: 'A', values: [{ value: 'x', sharePercent: 50 }, { value: 'y', sharePercent: 50 }] },
        { name: 'B', values: [{ value: 'x', sharePercent: 100 }] },
      ],
    });
    expect(q.map((x) => `${x.feature}/${x.value}=${x.seats}`)).toEqual(['A/x=3', 'A/y=2', 'B/x=5']);
  });

  it('refuses impossible input with a clear message', () => {
    expect(() => propose(0, 0, [])).toThrow(new RangeError('The panel size must be a whole number of at least 1, not 0.'));
    expect(() => propose(10.5, 0, [])).toThrow(RangeError);
    expect(() => propose(10, -1, [])).toThrow(/tolerance must be a whole number from 0 to the panel size \(10\), not -1/);
    expect(() => propose(10, 11, [])).toThrow(RangeError);
    expect(() => propose(10, 1.5, [])).toThrow(RangeError);
    expect(() => propose(10, 0, [['old', 101]])).toThrow(new RangeError('F "old": the share must be between 0 and 100 %, not 101.'));
    expect(() => propose(10, 0, [['old', -1]])).toThrow(RangeError);
    expect(() => propose(10, 0, [['old', Number.NaN]])).toThrow(RangeError);
    expect(() => propose(10, 10, [['a', 100]])).not.toThrow();
  });

  it('states its rounding rule in words', () => {
    expect(QUOTA_ROUNDING_RULE).toMatch(/largest remainder/);
    expect(QUOTA_ROUNDING_RULE).toMatch(/add up exactly to the panel size/);
  });
});

describe('checkQuotas', () => {
  type V = QuotaCheckFeature['values'][number];
  const v = (value: string, poolCount: number, min: number | null, max: number | null, sharePercent: number | null = null): V => ({
    value,
    poolCount,
    sharePercent,
    min,
    max,
  });
  const check = (values: V[], panelSize = 10, name = 'Gender') => checkQuotas({ panelSize, features: [{ name, values }] });
  const rules = (values: V[], panelSize = 10) => check(values, panelSize).map((p) => `${p.severity}:${p.rule}:${p.value ?? '-'}`);

  it('finds nothing wrong with sound quotas', () => {
    expect(check([v('female', 40, 4, 6, 50.5), v('male', 38, 4, 6, 49.4)])).toEqual([]);
  });

  it('minAboveMax', () => {
    expect(check([v('female', 40, 7, 6), v('male', 40, 3, 6)])).toContainEqual({
      severity: 'error',
      rule: 'minAboveMax',
      feature: 'Gender',
      value: 'female',
      message: 'Gender "female": the minimum (7) is above the maximum (6).',
      params: { feature: 'Gender', value: 'female', min: 7, max: 6 },
    });
    expect(rules([v('female', 40, 6, 6), v('male', 40, 4, 4)])).toEqual([]);
  });

  it('sumMinAbovePanel, with both numbers', () => {
    const problems = checkQuotas({ panelSize: 60, features: [{ name: 'Gender', values: [v('f', 50, 32, 40), v('m', 50, 31, 40)] }] });
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'sumMinAbovePanel',
        feature: 'Gender',
        value: null,
        message: 'Gender: the minima add up to 63, more than the panel of 60 seats.',
        params: { feature: 'Gender', sumMin: 63, panelSize: 60 },
      },
    ]);
    expect(rules([v('f', 50, 5, 10), v('m', 50, 5, 10)])).toEqual([]);
  });

  it('sumMaxBelowPanel, only when every value has a maximum', () => {
    expect(check([v('f', 50, 0, 4), v('m', 50, 0, 5)])).toMatchObject([
      { severity: 'error', rule: 'sumMaxBelowPanel', value: null, message: 'Gender: the maxima add up to 9, fewer than the panel of 10 seats.' },
    ]);
    expect(rules([v('f', 50, 0, 4), v('m', 50, 0, 6)])).toEqual([]);
    expect(rules([v('f', 50, 0, 4), v('m', 50, 2, null)])).toEqual([]);
  });

  it('quotaButNobodyInPool: an error for a minimum, a warning for a maximum only', () => {
    expect(check([v('f', 0, 2, 5), v('m', 50, 0, 10)])).toMatchObject([
      { severity: 'error', rule: 'quotaButNobodyInPool', value: 'f', message: 'Gender "f": the minimum is 2, but nobody in the pool has this value.' },
    ]);
    expect(check([v('x', 0, 0, 2), v('m', 50, 0, 10)])).toMatchObject([
      { severity: 'warning', rule: 'quotaButNobodyInPool', value: 'x', message: 'Gender "x": a maximum of 2 is set, but nobody in the pool has this value.' },
    ]);
    expect(rules([v('x', 0, 0, 0), v('m', 50, 0, 10)])).toEqual([]);
    expect(rules([v('x', 0, null, null), v('m', 50, 0, 10)])).toEqual([]);
  });

  it('poolBelowMin', () => {
    expect(check([v('f', 3, 5, 6), v('m', 50, 4, 10)])).toMatchObject([
      {
        severity: 'error',
        rule: 'poolBelowMin',
        value: 'f',
        message: 'Gender "f": only 3 people in the pool have this value, fewer than the minimum of 5.',
        params: { poolCount: 3, min: 5 },
      },
    ]);
    expect(check([v('f', 1, 2, 6), v('m', 50, 4, 10)])[0]?.message).toBe(
      'Gender "f": only 1 person in the pool has this value, fewer than the minimum of 2.',
    );
    expect(rules([v('f', 5, 5, 6), v('m', 50, 4, 10)])).toEqual([]);
  });

  it('inPoolWithoutQuota', () => {
    expect(check([v('f', 50, 5, 10), v('x', 3, null, null)])).toMatchObject([
      {
        severity: 'warning',
        rule: 'inPoolWithoutQuota',
        value: 'x',
        message: 'Gender "x": 3 people in the pool have this value, but no minimum or maximum is set.',
      },
    ]);
    expect(rules([v('f', 50, 5, 10), v('x', 3, 0, null)])).toEqual([]);
  });

  it('sharesDontAddUp, within half a percent', () => {
    expect(check([v('f', 50, 5, 10, 50), v('m', 50, 5, 10, 48)])).toMatchObject([
      { severity: 'warning', rule: 'sharesDontAddUp', value: null, message: 'Gender: the shares add up to 98 %, not 100 %.', params: { sum: 98 } },
    ]);
    expect(rules([v('f', 50, 5, 10, 50.3), v('m', 50, 5, 10, 50.2)])).toEqual([]);
    expect(rules([v('f', 50, 5, 10, 50.3), v('m', 50, 5, 10, 49.3)])).toEqual([]);
    expect(rules([v('f', 50, 5, 10, 50.3), v('m', 50, 5, 10, null)])).toEqual(['warning:sharesDontAddUp:-']);
    expect(rules([v('f', 50, 5, 10), v('m', 50, 5, 10)])).toEqual([]);
  });

  it('negativeOrFractional, without follow-up errors on the sums', () => {
    expect(check([v('f', 50, -1, 2.5), v('m', 50, 5, 10)])).toEqual([
      {
        severity: 'error',
        rule: 'negativeOrFractional',
        feature: 'Gender',
        value: 'f',
        message: 'Gender "f": the minimum (-1) must be a whole number of 0 or more.',
        params: { feature: 'Gender', value: 'f', bound: 'minimum', number: -1 },
      },
      {
        severity: 'error',
        rule: 'negativeOrFractional',
        feature: 'Gender',
        value: 'f',
        message: 'Gender "f": the maximum (2.5) must be a whole number of 0 or more.',
        params: { feature: 'Gender', value: 'f', bound: 'maximum', number: 2.5 },
      },
    ]);
  });

  it('reports every problem of every feature, in order', () => {
    const problems = checkQuotas({
      panelSize: 10,
      features: [
        { name: 'Age', values: [v('young', 2, 6, 5), v('old', 10, 6, 10)] },
        { name: 'Region', values: [v('north', 20, 5, 10, 70), v('south', 0, 1, 5, 20)] },
      ],
    });
    expect(problems.map((p) => `${p.feature}:${p.rule}:${p.value ?? '-'}`)).toEqual([
      'Age:minAboveMax:young',
      'Age:poolBelowMin:young',
      'Age:sumMinAbovePanel:-',
      'Region:quotaButNobodyInPool:south',
      'Region:sharesDontAddUp:-',
    ]);
  });

  it('refuses a panel size that is not a whole number of at least 1', () => {
    expect(() => checkQuotas({ panelSize: 0, features: [] })).toThrow(RangeError);
  });
});
