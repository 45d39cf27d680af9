import { describe, expect, it } from 'vitest';
import { ageFromBirthYear, assignBand, bandValues, checkBands, type Band } from '../../main/domain/recruitment/banding';

const AGE: Band[] = [
  { label: '16-24', min: 16, max: 24 },
  { label: '25-44', min: 25, max: 44 },
  { label: '45-64', min: 45, max: 64 },
  { label: '65+', min: 65, max: 120 },
];

describe('checkBands', () => {
  it('accepts a sound band list, gaps included', () => {
    expect(checkBands(AGE)).toEqual([]);
    expect(checkBands([{ label: 'a', min: 1, max: 1 }, { label: 'b', min: 5, max: 9 }])).toEqual([]);
    expect(checkBands([])).toEqual([]);
  });

  it('emptyLabel', () => {
    expect(checkBands([{ label: ' ', min: 1, max: 2 }])).toEqual([
      { rule: 'emptyLabel', index: 0, message: 'Band 1 has no label.', params: { band: 1 } },
    ]);
  });

  it('minAboveMax', () => {
    expect(checkBands([{ label: 'old', min: 65, max: 18 }])).toEqual([
      {
        rule: 'minAboveMax',
        index: 0,
        message: 'Band "old": the lowest value (65) is above the highest (18).',
        params: { label: 'old', min: 65, max: 18 },
      },
    ]);
  });

  it('overlap, naming both bands', () => {
    const problems = checkBands([
      { label: '16-25', min: 16, max: 25 },
      { label: '25-44', min: 25, max: 44 },
      { label: '40-64', min: 40, max: 64 },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Bands "16-25" and "25-44" overlap: 25 would be in both.',
      'Bands "25-44" and "40-64" overlap: 40 to 44 would be in both.',
    ]);
    expect(problems[0]).toMatchObject({ rule: 'overlap', index: 1, params: { band: 2, otherBand: 1, from: 25, to: 25 } });
    // Order in the list does not matter, and a band inside another overlaps it.
    expect(checkBands([{ label: 'all', min: 0, max: 99 }, { label: 'teen', min: 13, max: 19 }]).map((p) => p.rule)).toEqual(['overlap']);
  });

  it('duplicateLabel, ignoring case and accents', () => {
    expect(checkBands([{ label: 'Âgé', min: 1, max: 2 }, { label: 'agé ', min: 3, max: 4 }])).toEqual([
      {
        rule: 'duplicateLabel',
        index: 1,
        message: 'Bands 1 and 2 are both called "agé".',
        params: { label: 'agé', band: 2, otherBand: 1 },
      },
    ]);
  });

  it('notAnInteger, without a follow-up min/max or overlap problem', () => {
    expect(checkBands([{ label: 'x', min: 1.5, max: Number.NaN }, { label: 'y', min: 0, max: 10 }])).toMatchObject([
      { rule: 'notAnInteger', index: 0, message: 'Band "x": the lowest value (1.5) must be a whole number.' },
      { rule: 'notAnInteger', index: 0, message: 'Band "x": the highest value (NaN) must be a whole number.' },
    ]);
  });

  it('reports every problem at once', () => {
    const rules = checkBands([
      { label: '', min: 10, max: 5 },
      { label: 'a', min: 0, max: 10 },
      { label: 'A', min: 5, max: 15 },
    ]).map((p) => `${p.rule}@${p.index}`);
    expect(rules).toEqual(['emptyLabel@0', 'minAboveMax@0', 'duplicateLabel@2', 'overlap@2']);
  });
});

describe('assignBand', () => {
  it('includes both ends', () => {
    expect(assignBand(16, AGE)).toBe('16-24');
    expect(assignBand(24, AGE)).toBe('16-24');
    expect(assignBand(25, AGE)).toBe('25-44');
    expect(assignBand(120, AGE)).toBe('65+');
  });

  it('is null outside every band', () => {
    expect(assignBand(15, AGE)).toBeNull();
    expect(assignBand(121, AGE)).toBeNull();
    expect(assignBand(24.5, AGE)).toBeNull();
    expect(assignBand(5, [])).toBeNull();
  });
});

describe('bandValues', () => {
  it('cuts numeric values into bands and lists the rest', () => {
    const result = bandValues(['34', '34.0', ' 16 ', '70', '34', 'unknown', '', '12', '200', '33,0', '3a', '-1'], AGE);
    expect([...result.assigned]).toEqual([
      ['34', '25-44'],
      ['34.0', '25-44'],
      [' 16 ', '16-24'],
      ['70', '65+'],
      ['33,0', '25-44'],
    ]);
    expect(result.unparseable).toEqual(['unknown', '3a']);
    expect(result.outside).toEqual(['12', '200', '-1']);
  });
});

describe('ageFromBirthYear', () => {
  it('subtracts the birth year from the reference year', () => {
    expect(ageFromBirthYear(1990, 2027)).toBe(37);
    expect(ageFromBirthYear(2027, 2027)).toBe(0);
  });

  it('is null for an unknown, impossible or fractional birth year', () => {
    expect(ageFromBirthYear(null, 2027)).toBeNull();
    expect(ageFromBirthYear(2030, 2027)).toBeNull();
    expect(ageFromBirthYear(1990.5, 2027)).toBeNull();
  });
});
