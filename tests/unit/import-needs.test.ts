/**
 * Needs columns: a free-text cell split into the four needs by the rule the import screen shows,
 * single-need columns, a yes/no childcare column; and a person-field column that is also a feature.
 */
import { describe, expect, it } from 'vitest';
import { checkMapping, mapRows, suggestMapping } from '../../main/domain/import/mapRows';
import { needKindOf, parseYesNo, splitNeeds } from '../../main/domain/import/needs';
import type { ColumnMapping } from '../../main/domain/recruitment/types';

const REFERENCE = { referenceYear: 2026 };

describe('splitting a free-text needs cell', () => {
  it('sends each part to its need, in Dutch, French and English', () => {
    expect(splitNeeds('Rolstoel; vegetarisch')).toEqual({ needs: { accessibility: 'Rolstoel', diet: 'vegetarisch', childcare: false, travel: '' }, unrecognised: [] });
    expect(splitNeeds("sans gluten, garde d'enfants").needs).toEqual({ accessibility: '', diet: 'sans gluten', childcare: true, travel: '' });
    expect(splitNeeds('Taxi vanaf het station\nSlechthorend / ringleiding').needs).toEqual({
      accessibility: 'Slechthorend; ringleiding',
      diet: '',
      childcare: false,
      travel: 'Taxi vanaf het station',
    });
    expect(splitNeeds('wheelchair + halal').needs).toMatchObject({ accessibility: 'wheelchair', diet: 'halal' });
    // Dutch compounds: the stem inside the word.
    expect(needKindOf('notenallergie')).toBe('diet');
    expect(needKindOf('elektrische rolstoel')).toBe('accessibility');
    // A short stem only at a word's start: "vis" (fish) is a diet, "visueel" is not.
    expect(needKindOf('geen vis')).toBe('diet');
    expect(needKindOf('visueel beperkt')).toBe('accessibility');
  });

  it('keeps a part that names no need, under accessibility, and lists it', () => {
    expect(splitNeeds('Rolstoel; moet om 16u weg')).toEqual({
      needs: { accessibility: 'Rolstoel; moet om 16u weg', diet: '', childcare: false, travel: '' },
      unrecognised: ['moet om 16u weg'],
    });
    expect(splitNeeds(' ; - ; ')).toEqual({ needs: { accessibility: '', diet: '', childcare: false, travel: '' }, unrecognised: [] });
  });

  it('reads yes and no in four languages, and nothing else', () => {
    expect(['ja', 'Oui', 'YES', 'x', '1'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['nee', 'non', 'no', '', '0'].map(parseYesNo)).toEqual([false, false, false, false, false]);
    expect(parseYesNo('misschien')).toBeNull();
  });
});

describe('needs columns in a mapping', () => {
  const header = ['Voornaam', 'Naam', 'Noden', 'Dieet', 'Kinderopvang'];
  const mapping: ColumnMapping = {
    columns: [
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'needs' },
      { kind: 'field', field: 'needsDiet' },
      { kind: 'field', field: 'needsChildcare' },
    ],
  };

  it('is guessed from the header names', () => {
    expect(suggestMapping(header)).toEqual(mapping);
    expect(suggestMapping(['Prénom', 'Nom', 'Besoins particuliers']).columns[2]).toEqual({ kind: 'field', field: 'needs' });
  });

  it('adds the columns up per person, and refuses a childcare cell that is not yes or no', () => {
    const { drafts, problems } = mapRows(
      {
        header,
        rows: [
          ['Élodie', 'Dubois', 'Rolstoel; vegetarisch', 'geen noten', 'nee'],
          ['Noël', 'Geeraerts', '', '', 'ja'],
          ['Zoë', 'Maes', 'trein', '', 'soms'],
        ],
        rowNumbers: [2, 3, 4],
      },
      mapping,
      REFERENCE,
    );
    expect(drafts.map((d) => [d.firstName, d.needs])).toEqual([
      ['Élodie', { accessibility: 'Rolstoel', diet: 'vegetarisch; geen noten', childcare: false, travel: '' }],
      ['Noël', { accessibility: '', diet: '', childcare: true, travel: '' }],
    ]);
    expect(problems).toEqual([expect.objectContaining({ row: 4, column: 'Kinderopvang', rule: 'notYesNo', value: 'soms' })]);
    expect(problems[0]!.message).toBe('Row 4, column "Kinderopvang": "soms" is not yes or no (ja/nee, oui/non, yes/no, x or empty).');
  });

  it('refuses needs longer than the person form allows', () => {
    const { problems } = mapRows({ header, rows: [['A', 'B', `vegetarisch ${'x'.repeat(600)}`, '', '']], rowNumbers: [2] }, mapping, REFERENCE);
    expect(problems.map((p) => [p.row, p.column, p.rule])).toEqual([[2, 'Noden', 'tooLong']]);
  });
});

describe('a person-field column that is also a feature', () => {
  const header = ['Voornaam', 'Naam', 'Taal', 'Gemeente'];
  const mapping: ColumnMapping = {
    columns: [
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'language', feature: 'Taal' },
      { kind: 'field', field: 'city', feature: 'Gemeente' },
    ],
  };

  it('gives the field and the feature: a language as its code, so "Nederlands" and "nl" are one value', () => {
    const { drafts, problems } = mapRows(
      { header, rows: [['Jan', 'Peeters', 'Nederlands', 'Leuven'], ['Anaïs', 'Lefèvre', 'fr', 'Liège'], ['Piet', 'Claes', 'nl', '  Leuven ']], rowNumbers: [2, 3, 4] },
      mapping,
      REFERENCE,
    );
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.language, d.city, d.features])).toEqual([
      ['nl', 'Leuven', { Taal: 'NL', Gemeente: 'Leuven' }],
      ['fr', 'Liège', { Taal: 'FR', Gemeente: 'Liège' }],
      ['nl', 'Leuven', { Taal: 'NL', Gemeente: 'Leuven' }],
    ]);
  });

  it('needs a value when it is a feature, and reports a wrong language once', () => {
    const { problems } = mapRows({ header, rows: [['Jan', 'Peeters', '', 'Leuven'], ['Zoë', 'Maes', 'Klingon', 'Gent']], rowNumbers: [2, 3] }, mapping, REFERENCE);
    expect(problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [2, 'Taal', 'missingFeatureValue'],
      [3, 'Taal', 'unknownLanguage'],
    ]);
  });

  it('is refused for identifying fields, and the feature name stays unique across both kinds', () => {
    expect(checkMapping(['Voornaam', 'Naam'], { columns: [{ kind: 'field', field: 'firstName', feature: 'Voornaam' }, { kind: 'field', field: 'lastName' }] })).toEqual([
      {
        column: 'Voornaam',
        rule: 'fieldNotAFeature',
        message: 'Column "Voornaam" gives the first name, which cannot also be a feature (only the language, the municipality and the postcode can).',
      },
    ]);
    const twice = checkMapping(['Voornaam', 'Naam', 'Taal', 'Moedertaal'], {
      columns: [{ kind: 'field', field: 'firstName' }, { kind: 'field', field: 'lastName' }, { kind: 'field', field: 'language', feature: 'Taal' }, { kind: 'feature', feature: 'taal' }],
    });
    expect(twice.map((p) => [p.column, p.rule])).toEqual([['Moedertaal', 'featureTwice']]);
  });
});
