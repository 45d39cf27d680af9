import { describe, expect, it } from 'vitest';
import { MAX_DUPLICATE_GROUP, findDuplicates, type DuplicateCandidate } from '../../main/domain/recruitment/duplicates';

function person(id: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return { id, firstName: `First${id}`, lastName: `Last${id}`, birthYear: null, email: null, phone: null, ...over };
}

describe('findDuplicates', () => {
  it('finds nobody in a pool of distinct people', () => {
    expect(findDuplicates([person('1', { email: 'a@x.be', phone: '0475 11 11 11' }), person('2', { email: 'b@x.be' })])).toEqual([]);
    expect(findDuplicates([])).toEqual([]);
  });

  it('matches normalised e-mails and phones', () => {
    const pairs = findDuplicates([
      person('b', { email: ' An@Mail.be', phone: '+32 475 12 34 56' }),
      person('a', { email: 'an@mail.be' }),
      person('c', { phone: '0475/12.34.56' }),
    ]);
    expect(pairs).toEqual([
      { a: 'a', b: 'b', reasons: ['email'] },
      { a: 'b', b: 'c', reasons: ['phone'] },
    ]);
  });

  it('matches name and birth year only when the birth year is known', () => {
    const pairs = findDuplicates([
      person('1', { firstName: 'Élodie', lastName: 'Van-Damme', birthYear: 1980 }),
      person('2', { firstName: 'elodie', lastName: 'van damme', birthYear: 1980 }),
      person('3', { firstName: 'Elodie', lastName: 'Van Damme', birthYear: 1981 }),
      person('4', { firstName: 'Elodie', lastName: 'Van Damme', birthYear: null }),
      person('5', { firstName: 'Elodie', lastName: 'Van Damme', birthYear: null }),
    ]);
    expect(pairs).toEqual([{ a: '1', b: '2', reasons: ['nameBirthYear'] }]);
  });

  it('merges the reasons of one pair into one entry', () => {
    const pairs = findDuplicates([
      person('x', { firstName: 'Jan', lastName: 'Peeters', birthYear: 1970, email: 'jan@p.be', phone: '0475123456' }),
      person('y', { firstName: 'Jan', lastName: 'Peeters', birthYear: 1970, email: 'JAN@p.be', phone: '+32475123456' }),
    ]);
    expect(pairs).toEqual([{ a: 'x', b: 'y', reasons: ['email', 'phone', 'nameBirthYear'] }]);
  });

  it('ignores empty keys and the same id given twice', () => {
    const pairs = findDuplicates([
      person('1', { email: ' ', phone: '-', firstName: '', lastName: '', birthYear: 1990 }),
      person('2', { email: '', phone: '', firstName: '-', lastName: '', birthYear: 1990 }),
      person('3', { email: 'same@x.be' }),
      person('3', { email: 'same@x.be' }),
    ]);
    expect(pairs).toEqual([]);
  });

  it('gives every pair in a group of three', () => {
    const pairs = findDuplicates(['c', 'a', 'b'].map((id) => person(id, { email: 'family@x.be' })));
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it(`pairs only the first ${MAX_DUPLICATE_GROUP} members of a group sharing a key`, () => {
    const ids = Array.from({ length: 300 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const pairs = findDuplicates(ids.map((id) => person(id, { phone: '02 123 45 67' })));
    expect(pairs).toHaveLength((MAX_DUPLICATE_GROUP * (MAX_DUPLICATE_GROUP - 1)) / 2);
    const members = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect([...members].sort()).toEqual(ids.slice(0, MAX_DUPLICATE_GROUP));
  });

  it('handles a pool of 50,000 people', () => {
    const people: DuplicateCandidate[] = [];
    for (let i = 0; i < 50_000; i++) {
      const id = `id${String(i).padStart(5, '0')}`;
      people.push({
        id,
        firstName: `Voornaam${i}`,
        lastName: `Achternaam${i}`,
        birthYear: 1940 + (i % 60),
        email: `person${i}@example.be`,
        phone: `+32 4${String(i).padStart(8, '0')}`,
      });
    }
    // Every 1000th person registered a second time with the e-mail in capitals and the phone
    // written nationally; every 500th (odd thousands) shares a name and birth year with the next.
    for (let i = 0; i < 50_000; i += 1000) {
      people.push({ ...people[i]!, id: `dup${i}`, email: people[i]!.email!.toUpperCase(), phone: `04${String(i).padStart(8, '0')}` });
    }
    for (let i = 500; i < 50_000; i += 1000) {
      people[i + 1] = { ...people[i + 1]!, firstName: people[i]!.firstName, lastName: people[i]!.lastName, birthYear: people[i]!.birthYear };
    }
    const pairs = findDuplicates(people);
    expect(pairs).toHaveLength(100);
    expect(pairs.filter((p) => p.reasons.join() === 'email,phone,nameBirthYear')).toHaveLength(50);
    expect(pairs.filter((p) => p.reasons.join() === 'nameBirthYear')).toHaveLength(50);
    expect(pairs).toContainEqual({ a: 'dup1000', b: 'id01000', reasons: ['email', 'phone', 'nameBirthYear'] });
    expect(pairs).toContainEqual({ a: 'id00500', b: 'id00501', reasons: ['nameBirthYear'] });
  });
});
