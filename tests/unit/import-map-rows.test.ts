import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  mapRows,
  normalizeLanguage,
  parseBirthYear,
  suggestMapping,
  type ColumnMapping,
  type ColumnTarget,
  type PersonField,
  type RowProblemRule,
} from '../../main/domain/import/mapRows';
import { readTable } from '../../main/domain/import/readTable';

const field = (f: PersonField): ColumnTarget => ({ kind: 'field', field: f });
const feature = (name: string): ColumnTarget => ({ kind: 'feature', feature: name });
const ignore: ColumnTarget = { kind: 'ignore' };
const REFERENCE_YEAR = 2027;

const HEADER = ['Nr', 'Voornaam', 'Naam', 'E-mail', 'GSM', 'Straat', 'Huisnummer', 'Postcode', 'Gemeente', 'Geboortejaar', 'Taal', 'Opmerkingen', 'Geslacht', 'Intern'];
const MAPPING: ColumnMapping = {
  columns: [
    field('externalId'),
    field('firstName'),
    field('lastName'),
    field('email'),
    field('phone'),
    field('street'),
    field('houseNumber'),
    field('postcode'),
    field('city'),
    field('birthYear'),
    field('language'),
    field('notes'),
    feature('Geslacht'),
    ignore,
  ],
};
const GOOD = ['R-001', ' Élodie ', 'Van  den Bossche', 'Elodie.VDB@Example.BE', '+32 (0)471/12.34-56', 'Kerkstraat', '12b', '9000', 'Gent', '1985', 'Nederlands', '  belt liefst\n\'s avonds  ', ' vrouw  ', 'whatever'];

/** The row GOOD with one column changed. */
function withValue(column: string, value: string): string[] {
  const row = [...GOOD];
  row[HEADER.indexOf(column)] = value;
  return row;
}

function run(rows: string[][], mapping = MAPPING, header = HEADER) {
  return mapRows({ header, rows, rowNumbers: rows.map((_, i) => i + 2) }, mapping, { referenceYear: REFERENCE_YEAR });
}

describe('mapRows', () => {
  it('turns a good row into a clean draft', () => {
    const { drafts, problems } = run([GOOD]);
    expect(problems).toEqual([]);
    expect(drafts).toEqual([
      {
        rowNumber: 2,
        externalId: 'R-001',
        firstName: 'Élodie',
        lastName: 'Van den Bossche',
        email: 'elodie.vdb@example.be',
        phone: '+32 (0)471/12.34-56',
        street: 'Kerkstraat',
        houseNumber: '12b',
        postcode: '9000',
        city: 'Gent',
        birthYear: 1985,
        language: 'nl',
        notes: "belt liefst\n's avonds",
        needs: { accessibility: '', diet: '', childcare: false, travel: '' },
        unrecognisedNeeds: [],
        features: { Geslacht: 'vrouw' },
      },
    ]);
  });

  it('leaves optional fields empty as null', () => {
    const row = ['', 'Ann', 'Peeters', '', '', '', '', '', '', '', '', '', 'man', ''];
    const { drafts, problems } = run([row]);
    expect(problems).toEqual([]);
    expect(drafts[0]).toMatchObject({ externalId: null, email: null, phone: null, street: null, houseNumber: null, postcode: null, city: null, birthYear: null, language: null, notes: '' });
  });

  const cases: [RowProblemRule, string, string, string][] = [
    ['required', 'Voornaam', '  ', 'Row 2, column "Voornaam": the first name is missing.'],
    ['tooLong', 'Gemeente', 'x'.repeat(101), 'Row 2, column "Gemeente": the value is 101 characters long; at most 100 are allowed.'],
    ['notAYear', 'Geboortejaar', '19x5', 'Row 2, column "Geboortejaar": "19x5" is not a year.'],
    ['yearOutOfRange', 'Geboortejaar', '2015', 'Row 2, column "Geboortejaar": 2015 is not a possible birth year; it must be from 1900 to 2011.'],
    ['unknownLanguage', 'Taal', 'Spaans', 'Row 2, column "Taal": "Spaans" is not a known language; use NL, FR, DE or EN.'],
    ['notAnEmail', 'E-mail', 'elodie@example', 'Row 2, column "E-mail": "elodie@example" is not an e-mail address.'],
    ['notAPhone', 'GSM', '0471 12', 'Row 2, column "GSM": "0471 12" is not a phone number (8 to 15 digits).'],
    ['missingFeatureValue', 'Geslacht', ' ', 'Row 2, column "Geslacht": the value is missing; every person needs one for "Geslacht".'],
  ];
  for (const [rule, column, value, message] of cases) {
    it(`reports ${rule} once, and gives no draft for that row`, () => {
      const { drafts, problems } = run([withValue(column, value), GOOD]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ row: 2, column, rule, message });
      expect(drafts.map((d) => d.rowNumber)).toEqual([3]);
    });
  }

  it('reports notAnAge for an age column, and computes the birth year from a good age', () => {
    const header = ['Voornaam', 'Naam', 'Leeftijd'];
    const mapping = { columns: [field('firstName'), field('lastName'), field('age')] };
    const { drafts, problems } = run([['Ann', 'Peeters', '42'], ['Bart', 'Claes', '12'], ['Chris', 'Maes', 'veertig'], ['Dirk', 'Aerts', '42.0']], mapping, header);
    expect(drafts.map((d) => [d.firstName, d.birthYear])).toEqual([
      ['Ann', 1985],
      ['Dirk', 1985],
    ]);
    expect(problems).toMatchObject([
      { row: 3, rule: 'notAnAge', value: '12', message: 'Row 3, column "Leeftijd": "12" is not an age; use a whole number from 16 to 120.' },
      { row: 4, rule: 'notAnAge', value: 'veertig' },
    ]);
  });

  it('reports every problem of every row, several per row', () => {
    const bad = withValue('E-mail', 'not an email');
    bad[HEADER.indexOf('Naam')] = '';
    bad[HEADER.indexOf('Geboortejaar')] = '1850';
    const { drafts, problems } = run([GOOD, bad, withValue('Taal', 'Klingon')]);
    expect(drafts).toHaveLength(1);
    expect(problems.map((p) => [p.row, p.rule])).toEqual([
      [3, 'required'],
      [3, 'notAnEmail'],
      [3, 'yearOutOfRange'],
      [4, 'unknownLanguage'],
    ]);
  });

  it('reports a row with the wrong number of columns once, skipping its other checks', () => {
    const short = GOOD.slice(0, -1);
    short[1] = '';
    const { drafts, problems } = run([GOOD, short, [...GOOD, 'extra']]);
    expect(drafts).toHaveLength(1);
    expect(problems).toMatchObject([
      { row: 3, column: null, rule: 'wrongColumnCount', message: 'Row 3 has 13 columns; the header has 14.' },
      { row: 4, column: null, rule: 'wrongColumnCount', message: 'Row 4 has 15 columns; the header has 14.' },
    ]);
  });

  it('finds the short row 7 of a CSV file, with Excel row numbers', async () => {
    const lines = ['Voornaam,Naam,Geboortejaar,Geslacht,Taal'];
    for (let i = 0; i < 8; i++) lines.push(i === 5 ? 'Eva,Janssens,1990,vrouw' : `Person${i},Family${i},19${60 + i},man,NL`);
    const table = await readTable(new TextEncoder().encode(lines.join('\r\n')), 'pool.csv');
    const mapping = suggestMapping(table.header);
    expect(checkMapping(table.header, mapping)).toEqual([]);
    const { drafts, problems } = mapRows(table, mapping, { referenceYear: REFERENCE_YEAR });
    expect(problems).toEqual([
      {
        row: 7,
        column: null,
        rule: 'wrongColumnCount',
        value: 'Eva | Janssens | 1990 | vrouw',
        message: 'Row 7 has 4 columns; the header has 5.',
        params: { row: 7, columns: 4, expected: 5 },
      },
    ]);
    expect(drafts).toHaveLength(7);
    expect(drafts.map((d) => d.rowNumber)).not.toContain(7);
  });

  it('checks the length of every kind of value', () => {
    const limits: [string, number][] = [
      ['Nr', 100],
      ['Voornaam', 100],
      ['Naam', 100],
      ['Straat', 200],
      ['Huisnummer', 20],
      ['Postcode', 12],
      ['Gemeente', 100],
      ['Opmerkingen', 2000],
      ['Geslacht', 100],
    ];
    for (const [column, max] of limits) {
      expect(run([withValue(column, 'x'.repeat(max))]).problems).toEqual([]);
      const { problems } = run([withValue(column, 'x'.repeat(max + 1))]);
      expect(problems).toMatchObject([{ column, rule: 'tooLong', params: { max, length: max + 1 } }]);
    }
    const longEmail = `${'a'.repeat(64)}@${'b'.repeat(200)}.be`;
    expect(run([withValue('E-mail', longEmail)]).problems).toMatchObject([{ rule: 'tooLong', params: { max: 254 } }]);
    expect(run([withValue('GSM', '1'.repeat(41))]).problems).toMatchObject([{ rule: 'tooLong', params: { max: 40 } }]);
  });

  it('accepts and refuses e-mail addresses and phone numbers', () => {
    for (const email of ['a@b.be', 'jan.peeters+pool@gemeente.gent.be', 'élodie@exämple.be']) expect(run([withValue('E-mail', email)]).problems).toEqual([]);
    for (const email of ['a@b', 'a@@b.be', 'a b@c.be', '@c.be', 'a@.be', 'a@b.c']) {
      expect(run([withValue('E-mail', email)]).problems.map((p) => p.rule)).toEqual(['notAnEmail']);
    }
    for (const phone of ['0471123456', '+32 9 123 45 67', '09/123.45.67', '(09) 123-45-67', '471123456']) expect(run([withValue('GSM', phone)]).problems).toEqual([]);
    for (const phone of ['1234567', '1234567890123456', '0471 12 34 ab', '++32471123456', '0471,123456']) {
      expect(run([withValue('GSM', phone)]).problems.map((p) => p.rule)).toEqual(['notAPhone']);
    }
  });

  it('reads birth years written as numbers and as dates', () => {
    expect(parseBirthYear('1985')).toBe(1985);
    expect(parseBirthYear('1985.0')).toBe(1985);
    expect(parseBirthYear('1985-03-02')).toBe(1985);
    expect(parseBirthYear('1985-03-02T10:15')).toBe(1985);
    expect(parseBirthYear('02/03/1985')).toBe(1985);
    expect(parseBirthYear('2.3.1985')).toBe(1985);
    for (const bad of ['85', '1985.5', '19x5', '1985-13-02', '32/01/1985', 'ca. 1985', '']) expect(parseBirthYear(bad)).toBeNull();
    const { drafts } = run([withValue('Geboortejaar', '1985-03-02'), withValue('Geboortejaar', '1900'), withValue('Geboortejaar', '2011')]);
    expect(drafts.map((d) => d.birthYear)).toEqual([1985, 1900, 2011]);
    expect(run([withValue('Geboortejaar', '1899')]).problems.map((p) => p.rule)).toEqual(['yearOutOfRange']);
  });

  it('recognises languages by code and by name, in several languages', () => {
    const names: [string, string][] = [
      ['NL', 'nl'], ['Nederlands', 'nl'], ['Dutch', 'nl'], ['Vlaams', 'nl'], ['néerlandais', 'nl'], ['nl-BE', 'nl'],
      ['FR', 'fr'], ['Français', 'fr'], ['FRANCAIS', 'fr'], ['French', 'fr'], ['Frans', 'fr'], ['fr_BE', 'fr'],
      ['DE', 'de'], ['Deutsch', 'de'], ['German', 'de'], ['Duits', 'de'], ['allemand', 'de'],
      ['EN', 'en'], ['English', 'en'], ['Engels', 'en'], ['anglais', 'en'],
    ];
    for (const [name, code] of names) expect(normalizeLanguage(name), name).toBe(code);
    expect(normalizeLanguage('  ')).toBeNull();
    expect(normalizeLanguage('Spaans')).toBeUndefined();
    expect(normalizeLanguage('nl/fr')).toBeUndefined();
  });

  it('folds spaces in feature values and single-line fields, keeps line breaks in notes', () => {
    const { drafts } = run([withValue('Geslacht', '  hoger\n  onderwijs ')]);
    expect(drafts[0]!.features).toEqual({ Geslacht: 'hoger onderwijs' });
    expect(drafts[0]!.notes).toBe("belt liefst\n's avonds");
  });

  it('refuses to run with a mapping that has problems', () => {
    expect(() => run([GOOD], { columns: MAPPING.columns.slice(1) })).toThrow(/mapping has problems/);
  });
});

describe('checkMapping', () => {
  const header = ['Voornaam', 'Naam', 'Geboortejaar', 'Leeftijd', 'Geslacht', 'Sexe'];
  const base: ColumnTarget[] = [field('firstName'), field('lastName'), field('birthYear'), ignore, feature('Geslacht'), ignore];
  const rulesOf = (columns: ColumnTarget[], h = header) => checkMapping(h, { columns }).map((p) => [p.rule, p.column]);

  it('accepts a sound mapping', () => {
    expect(checkMapping(header, { columns: base })).toEqual([]);
  });

  it('reports each kind of mapping problem', () => {
    expect(rulesOf(base.slice(0, 5))).toEqual([['lengthMismatch', null]]);
    expect(rulesOf([field('firstName'), field('lastName'), field('birthYear'), field('firstName'), feature('Geslacht'), ignore])).toEqual([['fieldTwice', 'Leeftijd']]);
    expect(rulesOf([field('firstName'), field('lastName'), field('birthYear'), ignore, feature('Geslacht'), feature(' geslacht ')])).toEqual([['featureTwice', 'Sexe']]);
    expect(rulesOf([field('firstName'), ignore, field('birthYear'), ignore, feature('Geslacht'), ignore])).toEqual([['needsName', null]]);
    expect(rulesOf([field('firstName'), field('lastName'), field('birthYear'), field('age'), feature('Geslacht'), ignore])).toEqual([['birthYearAndAge', 'Leeftijd']]);
    expect(rulesOf([field('firstName'), field('lastName'), field('birthYear'), ignore, feature('  '), ignore])).toEqual([['featureNameEmpty', 'Geslacht']]);
  });

  it('writes messages that name the columns', () => {
    const [problem] = checkMapping(header, { columns: [field('firstName'), field('lastName'), field('birthYear'), field('age'), feature('Geslacht'), ignore] });
    expect(problem!.message).toBe('Column "Geboortejaar" gives the birth year and column "Leeftijd" the age; use only one of them.');
    const needs = checkMapping(['A', 'B'], { columns: [ignore, ignore] });
    expect(needs.map((p) => p.message)).toEqual([
      'Choose the column that holds the first name: every person needs a first and a last name (or, in a pseudonymised file, only a respondent id).',
      'Choose the column that holds the last name: every person needs a first and a last name (or, in a pseudonymised file, only a respondent id).',
    ]);
    // A pseudonymised file (the Sortition Foundation's people format) needs only the id.
    expect(checkMapping(['id', 'gender'], { columns: [field('externalId'), feature('gender')] })).toEqual([]);
  });
});

describe('suggestMapping', () => {
  it('proposes a feature, not the age, for an age column whose values are words or bands', () => {
    const header = ['Respondent', 'Age', 'Leeftijd', 'Geboortejaar', 'Gender'];
    const rows = [
      ['R1', 'young', '16-24', '1990', 'f'],
      ['R2', 'old', '65+', '', 'm'],
      ['R3', '', '25-44', '1971', 'f'],
    ];
    expect(suggestMapping(header, rows).columns).toEqual([field('externalId'), feature('Age'), feature('Leeftijd'), field('birthYear'), feature('Gender')]);
    // Numbers stay the age; without data rows the header alone decides, as before.
    expect(suggestMapping(['Age'], [['34'], [''], ['71']]).columns).toEqual([field('age')]);
    expect(suggestMapping(['Age']).columns).toEqual([field('age')]);
    // A birth-year column of words does not push a numeric age aside.
    expect(suggestMapping(['Age', 'Birth year'], [['34', 'unknown']]).columns).toEqual([field('age'), feature('Birth year')]);
    // One typo among birth years stays a birth-year column: the check names its row.
    expect(suggestMapping(['Geboortejaar'], [['1985'], ['19x5'], ['1970']]).columns).toEqual([field('birthYear')]);
    expect(suggestMapping(['Geboortejaar'], [['1985'], ['19x5']]).columns).toEqual([field('birthYear')]);
    expect(suggestMapping(['Geboortejaar'], [['19x5']]).columns).toEqual([field('birthYear')]);
    // Bands with their unit stay bands.
    expect(suggestMapping(['Leeftijd'], [['18-24 jaar'], ['65+ jaar']]).columns).toEqual([feature('Leeftijd')]);
  });

  it('maps Dutch headers', () => {
    const header = ['Respondent', 'Voornaam', 'Naam', 'E-mail', 'GSM', 'Straat', 'Nr', 'Postcode', 'Gemeente', 'Geboortejaar', 'Leeftijd', 'Taal', 'Geslacht', 'Provincie', 'Opleiding', 'Opmerkingen', 'Kleur ogen'];
    expect(suggestMapping(header).columns).toEqual([
      field('externalId'),
      field('firstName'),
      field('lastName'),
      field('email'),
      field('phone'),
      field('street'),
      field('houseNumber'),
      field('postcode'),
      field('city'),
      field('birthYear'),
      // age is left out when a birth year is there: both would be a mapping problem
      ignore,
      field('language'),
      feature('Geslacht'),
      feature('Provincie'),
      feature('Opleiding'),
      field('notes'),
      ignore,
    ]);
  });

  it('maps French headers, ignoring accents, case, spaces and punctuation', () => {
    const header = ['ID', 'Prénom', 'NOM', 'Courriel', 'Téléphone', 'Rue', 'Numéro', 'Code postal', 'Ville', 'Année de naissance', 'Langue', 'Sexe', 'Région', "Niveau d'études", 'Remarques'];
    const mapping = suggestMapping(header);
    expect(mapping.columns).toEqual([
      field('externalId'),
      field('firstName'),
      field('lastName'),
      field('email'),
      field('phone'),
      field('street'),
      field('houseNumber'),
      field('postcode'),
      field('city'),
      field('birthYear'),
      field('language'),
      feature('Sexe'),
      feature('Région'),
      feature("Niveau d'études"),
      field('notes'),
    ]);
    expect(checkMapping(header, mapping)).toEqual([]);
  });

  it('maps English and German headers, and gives each field to one column only', () => {
    expect(suggestMapping(['First name', 'Last name', 'Email', 'Phone', 'City', 'Age', 'Gender', 'Surname']).columns).toEqual([
      field('firstName'),
      field('lastName'),
      field('email'),
      field('phone'),
      field('city'),
      field('age'),
      feature('Gender'),
      ignore,
    ]);
    expect(suggestMapping(['Vorname', 'Nachname', 'Geburtsjahr', 'Sprache', 'Geschlecht']).columns).toEqual([
      field('firstName'),
      field('lastName'),
      field('birthYear'),
      field('language'),
      feature('Geschlecht'),
    ]);
  });
});
