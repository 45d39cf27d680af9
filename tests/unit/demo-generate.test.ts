import { describe, expect, it } from 'vitest';
import { POPULATION_AGE_SHARE, PROVINCES, populationEducationShare } from '../../main/domain/demo/belgium';
import { FEATURE, REFERENCE_YEAR, ageBandOf, asciiFold, generateDemo, type DemoPerson } from '../../main/domain/demo/generate';
import { createRandom } from '../../main/domain/random';

const demo = generateDemo({ seed: 'unit-test-seed', panelSize: 150 });
const people = demo.people;
const share = (pred: (p: DemoPerson) => boolean, list: DemoPerson[] = people) => list.filter(pred).length / list.length;
const feature = (p: DemoPerson, name: (typeof FEATURE)[keyof typeof FEATURE]) => p.features[name];

describe('seeded random source', () => {
  it('repeats its sequence for the same seed, and a number seeds like its decimal text', () => {
    const a = createRandom('abc');
    const b = createRandom('abc');
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => createRandom('abd').next())).not.toEqual(seqA);
    const n = createRandom(42);
    const t = createRandom('42');
    expect(Array.from({ length: 10 }, () => n.next())).toEqual(Array.from({ length: 10 }, () => t.next()));
  });

  it('draws integers in the inclusive range, shuffles into a permutation, respects weights', () => {
    const r = createRandom('helpers');
    const ints = Array.from({ length: 2000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    expect(ints.every(Number.isInteger)).toBe(true);

    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = r.shuffle(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items[0]).toBe(0); // the input is left alone

    const picks = Array.from({ length: 3000 }, () => r.weighted(['never', 'rare', 'often'], (x) => ({ never: 0, rare: 1, often: 9 })[x]!));
    expect(picks).not.toContain('never');
    const rare = picks.filter((x) => x === 'rare').length / picks.length;
    expect(rare).toBeGreaterThan(0.07);
    expect(rare).toBeLessThan(0.13);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.weighted(['a'], () => 0)).toThrow(RangeError);
  });
});

describe('generateDemo', () => {
  it('gives the same demo for the same seed and a different one for another seed', () => {
    expect(generateDemo({ seed: 'unit-test-seed', panelSize: 150 })).toEqual(demo);
    const other = generateDemo({ seed: 'another-seed', panelSize: 150 });
    expect(other.people.map((p) => p.code)).not.toEqual(people.map((p) => p.code));
    expect(other.people.map((p) => p.lastName)).not.toEqual(people.map((p) => p.lastName));
  });

  it('writes 1,500 people by default, carries the panel size, refuses impossible sizes', () => {
    expect(people).toHaveLength(1500);
    expect(demo.assembly).toEqual({ name: 'We Need to Talk — Party Funding (demo)', panelSize: 150 });
    expect(generateDemo({ seed: 1, panelSize: 10, poolSize: 40 }).people).toHaveLength(40);
    expect(() => generateDemo({ seed: 1, panelSize: 0 })).toThrow(/positive integer/);
    expect(() => generateDemo({ seed: 1, panelSize: 2.5 })).toThrow(/positive integer/);
    expect(() => generateDemo({ seed: 1, panelSize: 50, poolSize: 20 })).toThrow(/cannot exceed/);
  });

  it('gives every person a declared value for every feature', () => {
    expect(demo.features.map((f) => f.name)).toEqual(['Gender', 'Age band', 'Region', 'Province', 'Education', 'Language']);
    for (const p of people) {
      expect(Object.keys(p.features).sort()).toEqual(demo.features.map((f) => f.name).sort());
      for (const f of demo.features) expect(f.values).toContain(p.features[f.name]);
    }
    // The age band agrees with the birth year, the province with the region.
    for (const p of people) {
      expect(feature(p, FEATURE.age)).toBe(ageBandOf(REFERENCE_YEAR - p.birthYear));
      expect(PROVINCES.find((x) => x.name === feature(p, FEATURE.province))?.region).toBe(feature(p, FEATURE.region));
      expect(feature(p, FEATURE.language)).toBe(p.language.toUpperCase());
    }
    expect(Math.min(...people.map((p) => REFERENCE_YEAR - p.birthYear))).toBeGreaterThanOrEqual(16);
  });

  it('gives every person a unique 6-character code, a unique ASCII e-mail on a reserved domain and a Belgian phone', () => {
    const codes = new Set(people.map((p) => p.code));
    expect(codes.size).toBe(people.length);
    for (const p of people) {
      expect(p.code).toMatch(/^[A-Z0-9]{6}$/);
      expect(p.email).toMatch(/^[a-z0-9._+-]+@(example\.(com|net|org)|[a-z]+\.example)$/);
      expect(p.phone).toMatch(/^\+32 \d{1,3}( \d{2,3}){3}$/);
      expect(p.postcode).toMatch(/^\d{4}$/);
    }
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    expect(asciiFold("Çelik Yılmaz Łukasz Nuñez D'Hondt Søren Weiß")).toBe('celikyilmazlukasznunezdhondtsorenweiss');
  });

  it('puts 10–15 % of people in a household with another respondent, sharing one address', () => {
    const households = new Map<string, DemoPerson[]>();
    for (const p of people) households.set(p.householdKey, [...(households.get(p.householdKey) ?? []), p]);
    const sharing = [...households.values()].filter((members) => members.length > 1);
    const sharers = sharing.reduce((n, members) => n + members.length, 0);
    expect(sharers / people.length).toBeGreaterThanOrEqual(0.1);
    expect(sharers / people.length).toBeLessThanOrEqual(0.15);

    const address = (p: DemoPerson) => [p.street, p.houseNumber, p.postcode, p.city].join('|');
    for (const members of sharing) {
      expect(new Set(members.map(address)).size).toBe(1);
      expect(new Set(members.map((m) => m.language)).size).toBe(1);
    }
    // ...and the converse: one address, one household.
    const keysByAddress = new Map<string, Set<string>>();
    for (const p of people) keysByAddress.set(address(p), (keysByAddress.get(address(p)) ?? new Set()).add(p.householdKey));
    for (const keys of keysByAddress.values()) expect(keys.size).toBe(1);
  });

  it('uses names with accents and special letters, from several roots', () => {
    const names = people.map((p) => `${p.firstName} ${p.lastName}`);
    expect(share((p) => /[^\x00-\x7f]/.test(p.firstName + p.lastName))).toBeGreaterThan(0.15);
    const letters = new Set(names.join('').match(/[^\x00-\x7f]/gu));
    for (const letter of ['é', 'ë', 'ç', 'ü', 'ö']) expect(letters.has(letter) || letters.has(letter.toUpperCase())).toBe(true);
    // Letters NFD cannot decompose show up too (they are why searchKey has special cases).
    expect([...letters].some((l) => 'łŁøØßı'.includes(l))).toBe(true);
  });

  it('follows Belgian language geography', () => {
    const byRegion = (region: string) => people.filter((p) => feature(p, FEATURE.region) === region);
    expect(byRegion('Flanders').every((p) => p.language === 'nl')).toBe(true);
    expect(byRegion('Wallonia').filter((p) => feature(p, FEATURE.province) !== 'Liège').every((p) => p.language === 'fr')).toBe(true);
    expect(people.filter((p) => p.language === 'de').every((p) => feature(p, FEATURE.province) === 'Liège')).toBe(true);
    const brussels = byRegion('Brussels');
    expect(share((p) => p.language === 'fr', brussels)).toBeGreaterThan(0.7);
    expect(share((p) => p.language === 'nl', brussels)).toBeGreaterThan(0.05);
    expect(people.some((p) => p.language === 'de')).toBe(true);
    expect(share((p) => feature(p, FEATURE.region) === 'Flanders')).toBeGreaterThan(0.5);
  });

  it('skews the pool the way respondents skew: more highly educated, more older people, few young ones', () => {
    const poolHigh = share((p) => feature(p, FEATURE.education) === 'high');
    const poolLow = share((p) => feature(p, FEATURE.education) === 'low');
    expect(poolHigh).toBeGreaterThan(populationEducationShare('high') + 0.1);
    expect(poolLow).toBeLessThan(populationEducationShare('low') - 0.1);

    const young = share((p) => feature(p, FEATURE.age) === '16-24');
    const old = share((p) => ['55-64', '65+'].includes(feature(p, FEATURE.age)));
    expect(young).toBeLessThan(POPULATION_AGE_SHARE['16-24'] * 0.75);
    expect(old).toBeGreaterThan(POPULATION_AGE_SHARE['55-64'] + POPULATION_AGE_SHARE['65+']);

    // Gender stays close to the population: a tiny share registers neither.
    const other = people.filter((p) => feature(p, FEATURE.gender) === 'other').length;
    expect(other).toBeGreaterThan(0);
    expect(other / people.length).toBeLessThan(0.02);
    expect(share((p) => feature(p, FEATURE.gender) === 'female')).toBeGreaterThan(0.45);
    expect(share((p) => feature(p, FEATURE.gender) === 'female')).toBeLessThan(0.56);
  });

  it('plans six plenary sessions over three weekends, Saturday and Sunday, 09:30–17:00', () => {
    expect(demo.sessions).toHaveLength(6);
    const weekdays = demo.sessions.map((s) => new Date(`${s.date}T12:00:00Z`).getUTCDay());
    expect(weekdays).toEqual([6, 0, 6, 0, 6, 0]);
    expect(demo.sessions.map((s) => s.name)).toEqual([
      'Weekend 1 — Saturday',
      'Weekend 1 — Sunday',
      'Weekend 2 — Saturday',
      'Weekend 2 — Sunday',
      'Weekend 3 — Saturday',
      'Weekend 3 — Sunday',
    ]);
    for (const s of demo.sessions) {
      expect(s).toMatchObject({ startTime: '09:30', endTime: '17:00', kind: 'plenary' });
      expect(s.date.startsWith('2027-0')).toBe(true);
      expect(s.location).toMatch(/^Brussels, /);
    }
  });
});
