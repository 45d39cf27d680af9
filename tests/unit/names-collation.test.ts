import { describe, expect, it } from 'vitest';
import { peopleByName } from '../../main/domain/text';

const person = (firstName: string, lastName: string, code: string) => ({ firstName, lastName, code });

describe('people in the collation of the screen language', () => {
  it('sorts accented names among the others, where byte order puts them last', () => {
    const people = [person('Zoë', 'Maes', 'C'), person('Élodie', 'Maes', 'B'), person('Anke', 'Étienne', 'D'), person('Jan', 'Zoutman', 'A'), person('Piet', 'Eggermont', 'E')];
    for (const language of ['nl', 'fr', 'en']) {
      expect([...people].sort(peopleByName(language)).map((p) => `${p.firstName} ${p.lastName}`)).toEqual([
        'Piet Eggermont',
        'Anke Étienne',
        'Élodie Maes',
        'Zoë Maes',
        'Jan Zoutman',
      ]);
    }
    // What SQLite's ORDER BY lower(last_name) gave: "Étienne" after "Zoutman".
    const bytes = [...people].sort((a, b) => (a.lastName.toLowerCase() < b.lastName.toLowerCase() ? -1 : 1)).map((p) => p.lastName);
    expect(bytes.at(-1)).toBe('Étienne');
  });

  it('ends on the code, so that the order is the same every time', () => {
    const twins = [person('Jan', 'Peeters', 'K7'), person('Jan', 'Peeters', 'B2')];
    expect(twins.sort(peopleByName('nl')).map((p) => p.code)).toEqual(['B2', 'K7']);
  });
});
