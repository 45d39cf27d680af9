/**
 * Validation of a pool file's rows against the officer's column mapping, before anything is
 * written: every problem of every row is collected, so the officer can fix the file in one go
 * instead of discovering one mistake per import attempt. Pure: no database, no clock (the
 * reference year is passed in).
 */
import { BLANK_IDENTITY } from '../recruitment/identity';
import { describeHiddenCharacters, hiddenCharactersIn, searchKey, withoutHiddenCharacters } from '../text';

// The mapping's vocabulary is the API's (preload/vocabulary.ts, recruitment/types.ts): one definition for main and the UI.
export { IMPORT_FIELDS as PERSON_FIELDS, PERSON_LANGUAGES } from '../../../preload/vocabulary';
export type { ColumnMapping, ColumnTarget } from '../recruitment/types';
export type { ImportField as PersonField, PersonLanguage } from '../../../preload/vocabulary';
import { FEATURE_FIELDS, PERSON_LANGUAGES, type ImportField as PersonField, type PersonLanguage } from '../../../preload/vocabulary';
import type { ColumnMapping, ColumnTarget, PersonIdentity, PersonNeeds } from '../recruitment/types';
import { addNeed, NO_NEEDS, parseYesNo, splitNeeds } from './needs';

export interface PersonDraft extends PersonIdentity {
  /** The Excel row the person came from, for messages after import. */
  rowNumber: number;
  notes: string;
  /** From needs columns (needs.ts); NO_NEEDS when the file has none. */
  needs: PersonNeeds;
  /** Parts of a free-text needs cell that named no need (put under accessibility), for the check. */
  unrecognisedNeeds: readonly string[];
  /** Feature name -> value (trimmed, inner whitespace folded). */
  features: Record<string, string>;
}

export type RowProblemRule =
  | 'required'
  | 'externalIdInPool'
  | 'tooLong'
  | 'notAYear'
  | 'yearOutOfRange'
  | 'notAnAge'
  | 'unknownLanguage'
  | 'notAnEmail'
  | 'notAPhone'
  | 'missingFeatureValue'
  | 'wrongColumnCount'
  | 'hiddenCharacter'
  | 'notYesNo'
  // Raised by planImport (plan.ts), which sees all rows and the pool: a respondent id repeated
  // with different details. Listed here so all row problems share one type.
  | 'externalIdTwice';

export interface RowProblem {
  row: number;
  /** The column's header name; null for problems of the whole row. */
  column: string | null;
  rule: RowProblemRule;
  value: string;
  message: string;
  params?: Record<string, string | number>;
}

export type MappingProblemRule =
  | 'lengthMismatch'
  | 'fieldTwice'
  | 'featureTwice'
  | 'needsName'
  | 'birthYearAndAge'
  | 'featureNameEmpty'
  | 'fieldNotAFeature';

export interface MappingProblem {
  column: string | null;
  rule: MappingProblemRule;
  message: string;
}

/** Longest accepted value per field, in characters; the same limits the person form applies. */
export const FIELD_MAX_LENGTH: Record<Exclude<PersonField, 'birthYear' | 'age' | 'language' | 'needs' | 'needsChildcare'>, number> = {
  externalId: 100,
  firstName: 100,
  lastName: 100,
  email: 254,
  phone: 40,
  street: 200,
  houseNumber: 20,
  postcode: 12,
  city: 100,
  notes: 2000,
  // The person form's limit for each need (main/services/people.ts).
  needsAccessibility: 500,
  needsDiet: 500,
  needsTravel: 500,
};
export const FEATURE_VALUE_MAX_LENGTH = 100;

/** Youngest age at which a person can sit on an assembly, and a limit against typing errors. */
export const MIN_AGE = 16;
export const MAX_AGE = 120;
export const MIN_BIRTH_YEAR = 1900;

const FIELD_LABEL: Record<PersonField, string> = {
  externalId: 'the respondent number',
  firstName: 'the first name',
  lastName: 'the last name',
  email: 'the e-mail address',
  phone: 'the phone number',
  street: 'the street',
  houseNumber: 'the house number',
  postcode: 'the postcode',
  city: 'the municipality',
  birthYear: 'the birth year',
  age: 'the age',
  language: 'the language',
  notes: 'the notes',
  needs: 'the needs',
  needsAccessibility: 'the accessibility needs',
  needsDiet: 'the diet',
  needsChildcare: 'the need for childcare',
  needsTravel: 'the travel needs',
};

const NONE: readonly string[] = Object.freeze([]);

const isFeatureField = (field: PersonField): boolean => (FEATURE_FIELDS as readonly PersonField[]).includes(field);

// ---------------------------------------------------------------------------------------------
// Mapping

/** Problems with the mapping itself; mapRows refuses a mapping that has any. */
export function checkMapping(header: string[], mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  // Messages need a name even for an entry past the header's end (with a lengthMismatch).
  const name = (i: number): string => header[i] ?? `column ${i + 1}`;
  const columnOf = (i: number): string | null => header[i] ?? null;
  if (mapping.columns.length !== header.length) {
    problems.push({
      column: null,
      rule: 'lengthMismatch',
      message: `The mapping has ${mapping.columns.length} entries but the file has ${header.length} columns.`,
    });
  }
  const fieldAt = new Map<PersonField, number>();
  const featureAt = new Map<string, number>();
  mapping.columns.forEach((target, i) => {
    if (target.kind === 'field') {
      const first = fieldAt.get(target.field);
      // Needs columns add up (a diet column beside a free-text one): each adds to the person's needs.
      const repeatable = target.field.startsWith('needs');
      if (first === undefined || repeatable) fieldAt.set(target.field, i);
      else {
        problems.push({
          column: columnOf(i),
          rule: 'fieldTwice',
          message: `Columns "${name(first)}" and "${name(i)}" both give ${FIELD_LABEL[target.field]}; choose one of them.`,
        });
      }
      if (target.feature === undefined) return;
      if (!isFeatureField(target.field)) {
        problems.push({
          column: columnOf(i),
          rule: 'fieldNotAFeature',
          message: `Column "${name(i)}" gives ${FIELD_LABEL[target.field]}, which cannot also be a feature (only the language, the municipality and the postcode can).`,
        });
        return;
      }
    }
    if (target.kind === 'field' || target.kind === 'feature') {
      if (target.feature === undefined) return;
      const key = searchKey(target.feature);
      if (key === '') {
        problems.push({ column: columnOf(i), rule: 'featureNameEmpty', message: `Column "${name(i)}" is a feature without a name; give the feature a name.` });
        return;
      }
      const first = featureAt.get(key);
      if (first === undefined) featureAt.set(key, i);
      else {
        problems.push({
          column: columnOf(i),
          rule: 'featureTwice',
          message: `Columns "${name(first)}" and "${name(i)}" are both the feature "${target.feature.trim()}"; a feature can come from one column only.`,
        });
      }
    }
  });
  // A person is known by a first and a last name, or, in a pseudonymised file (the Sortition
  // Foundation's people format: an id and feature columns), by the respondent id alone.
  const pseudonymised = fieldAt.has('externalId') && !fieldAt.has('firstName') && !fieldAt.has('lastName');
  if (!pseudonymised) {
    for (const field of ['firstName', 'lastName'] as const) {
      if (!fieldAt.has(field)) {
        problems.push({
          column: null,
          rule: 'needsName',
          message: `Choose the column that holds ${FIELD_LABEL[field]}: every person needs a first and a last name (or, in a pseudonymised file, only a respondent id).`,
        });
      }
    }
  }
  const yearColumn = fieldAt.get('birthYear');
  const ageColumn = fieldAt.get('age');
  if (yearColumn !== undefined && ageColumn !== undefined) {
    problems.push({
      column: columnOf(ageColumn),
      rule: 'birthYearAndAge',
      message: `Column "${name(yearColumn)}" gives the birth year and column "${name(ageColumn)}" the age; use only one of them.`,
    });
  }
  return problems;
}

/** Header text as a lookup key: case, accents, spaces and punctuation do not matter. */
function headerKey(text: string): string {
  return searchKey(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Header names (nl, fr, en, de) for each field, written as headerKey leaves them. */
const FIELD_NAMES: [PersonField, string[]][] = [
  ['firstName', ['voornaam', 'voornamen', 'prenom', 'prenoms', 'firstname', 'givenname', 'forename', 'vorname']],
  ['lastName', ['naam', 'achternaam', 'familienaam', 'nom', 'nomdefamille', 'lastname', 'surname', 'familyname', 'nachname', 'familienname']],
  ['email', ['email', 'emailadres', 'emailaddress', 'adresseemail', 'courriel', 'mail']],
  ['phone', ['telefoon', 'telefoonnummer', 'gsm', 'gsmnummer', 'telephone', 'tel', 'phone', 'phonenumber', 'mobile', 'mobiel', 'portable', 'telefon', 'handy']],
  ['street', ['straat', 'straatnaam', 'rue', 'street', 'adres', 'adresse', 'address', 'strasse']],
  ['houseNumber', ['huisnummer', 'nr', 'numero', 'housenumber', 'hausnummer']],
  ['postcode', ['postcode', 'codepostal', 'zip', 'zipcode', 'postalcode', 'postleitzahl', 'plz', 'cp']],
  ['city', ['gemeente', 'stad', 'woonplaats', 'ville', 'commune', 'localite', 'city', 'town', 'municipality', 'gemeinde', 'stadt', 'ort', 'wohnort']],
  ['birthYear', ['geboortejaar', 'anneedenaissance', 'birthyear', 'yearofbirth', 'geburtsjahr']],
  ['age', ['leeftijd', 'age', 'alter']],
  ['language', ['taal', 'langue', 'language', 'sprache', 'moedertaal', 'languematernelle', 'muttersprache']],
  ['externalId', ['id', 'nummer', 'respondent', 'respondentnummer', 'respondentid', 'externalid', 'ref', 'referentie', 'reference', 'identifiant']],
  ['notes', ['opmerkingen', 'opmerking', 'remarques', 'remarque', 'notes', 'note', 'comments', 'comment', 'bemerkungen', 'notizen']],
  ['needs', ['noden', 'behoeften', 'bijzonderenoden', 'specifiekenoden', 'besoins', 'besoinsparticuliers', 'besoinsspecifiques', 'needs', 'specialneeds', 'bedurfnisse']],
  ['needsAccessibility', ['toegankelijkheid', 'accessibilite', 'accessibility', 'barrierefreiheit']],
  ['needsDiet', ['dieet', 'dieetwensen', 'regime', 'regimealimentaire', 'diet', 'dietaryneeds', 'ernahrung']],
  ['needsChildcare', ['kinderopvang', 'gardedenfants', 'childcare', 'kinderbetreuung']],
  ['needsTravel', ['vervoer', 'deplacement', 'transport', 'travel', 'anreise']],
];

/** Header names that are stratification features; the feature is named after the header. */
const FEATURE_NAMES = new Set([
  'geslacht', 'gender', 'sexe', 'genre', 'sex', 'geschlecht',
  'provincie', 'province', 'region', 'regio', 'provinz',
  'opleiding', 'opleidingsniveau', 'education', 'educationlevel', 'diplome', 'niveaudetudes', 'niveaudetude', 'bildung', 'ausbildung',
  // Age bands are a feature (the lottery balances them), not the age itself.
  'leeftijdsgroep', 'leeftijdscategorie', 'agegroup', 'ageband', 'tranchedage', 'categoriedage', 'altersgruppe',
]);

const FIELD_BY_KEY = new Map<string, PersonField>(FIELD_NAMES.flatMap(([field, keys]) => keys.map((k) => [k, field] as const)));

/** Fields that hold a number: a column named like one but holding words is not that field. */
const NUMERIC_FIELDS: ReadonlySet<PersonField> = new Set<PersonField>(['age', 'birthYear']);
/** Data rows looked at to tell numbers from words (a guess; the officer confirms the mapping). */
const SAMPLE_ROWS = 500;

/** A word ("young", "jong") or a band ("16-24", "65+", "<25"): what an age column of groups holds. */
const WORD_OR_BAND = /^(?:\D+|\s*[<>≤≥]?\s*\d+\s*(?:[-–]\s*\d+|\+)?\s*(?:\D*)?)$/u;

/**
 * Whether a column's values (the first SAMPLE_ROWS, blanks aside) are mostly numbers rather than
 * words or bands; true when all are blank. Mostly, not all, and a typo ("19x5") counts with the
 * numbers: a birth-year column with a mistyped year is still a birth-year column, and the typo
 * must be caught by the check with its row, not turn the column into a feature.
 */
function holdsNumbers(rows: readonly (readonly string[])[], column: number): boolean {
  let numbers = 0;
  let words = 0;
  for (const cells of rows.slice(0, SAMPLE_ROWS)) {
    const text = (cells[column] ?? '').trim();
    if (text === '') continue;
    if (/^\d+(?:[.,]\d+)?$/.test(text) || !WORD_OR_BAND.test(text)) numbers += 1;
    else words += 1;
  }
  return words <= numbers;
}

/**
 * A first guess at the mapping from the header names, for the officer to confirm. Each field is
 * given to the first column that names it; a later one is ignored, and so is an age column when a
 * birth-year column exists, so the suggestion always passes checkMapping's uniqueness rules.
 * With the data rows, a column named like a numeric field (age) whose values are words ("young",
 * "old") or bands ("16-24") is proposed as a feature instead: reading it as a number would refuse
 * every row.
 */
export function suggestMapping(header: string[], rows: readonly (readonly string[])[] = []): ColumnMapping {
  const taken = new Set<PersonField>();
  const keys = header.map(headerKey);
  const fieldOf = keys.map((key, i): PersonField | undefined => {
    const field = FIELD_BY_KEY.get(key);
    return field && NUMERIC_FIELDS.has(field) && !holdsNumbers(rows, i) ? undefined : field;
  });
  const hasBirthYear = fieldOf.some((f) => f === 'birthYear');
  const columns = header.map((name, i): ColumnTarget => {
    const key = keys[i]!;
    const field = fieldOf[i];
    if (field && !taken.has(field) && !(field === 'age' && hasBirthYear)) {
      taken.add(field);
      return { kind: 'field', field };
    }
    const named = FIELD_BY_KEY.get(key);
    if (FEATURE_NAMES.has(key) || (named !== undefined && named !== field)) return { kind: 'feature', feature: name.trim() };
    return { kind: 'ignore' };
  });
  return { columns };
}

// ---------------------------------------------------------------------------------------------
// Values

const LANGUAGE_NAMES: Record<PersonLanguage, string[]> = {
  nl: ['nl', 'nederlands', 'dutch', 'vlaams', 'flemish', 'neerlandais', 'niederlandisch', 'flamand'],
  fr: ['fr', 'francais', 'french', 'frans', 'franzosisch'],
  de: ['de', 'deutsch', 'german', 'duits', 'allemand'],
  en: ['en', 'english', 'engels', 'anglais', 'englisch'],
};
const LANGUAGE_BY_KEY = new Map<string, PersonLanguage>(
  PERSON_LANGUAGES.flatMap((code) => LANGUAGE_NAMES[code].map((name) => [name, code] as const)),
);

/**
 * The language code for a code or a language name in nl/fr/en/de ("Nederlands", "français",
 * "Duits", "nl-BE"); null for an empty value, undefined when it is not a known language.
 */
export function normalizeLanguage(value: string): PersonLanguage | null | undefined {
  const key = searchKey(value);
  if (key === '') return null;
  const locale = /^(nl|fr|de|en)[-_ ]?[a-z]{2}$/.exec(key);
  if (locale) return locale[1] as PersonLanguage;
  return LANGUAGE_BY_KEY.get(key.replace(/[^\p{L}]+/gu, ''));
}

const isCalendarDay = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/**
 * A birth year from "1985", "1985.0" (a number column exported from Excel), an ISO date
 * "1985-03-02" (how readXlsx writes a date cell) or a Belgian date "02/03/1985", "2.3.1985".
 * Only the year is kept: the assembly needs no birth dates. null when it is not a year.
 */
export function parseBirthYear(value: string): number | null {
  let m = /^(\d{4})(?:\.0+)?$/.exec(value);
  if (m) return Number(m[1]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (m && isCalendarDay(Number(m[2]), Number(m[3]))) return Number(m[1]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (m && isCalendarDay(Number(m[2]), Number(m[1]))) return Number(m[3]);
  return null;
}

function parseAge(value: string): number | null {
  const m = /^(\d{1,3})(?:\.0+)?$/.exec(value);
  return m ? Number(m[1]) : null;
}

/** local@domain.tld with no spaces, one @, and a dot in the domain. */
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/u;

/** Digits of a phone number written with the usual separators; null when something else is in it. */
function phoneDigits(value: string): string | null {
  const stripped = value.replace(/[\s./()-]/g, '').replace(/^\+/, '');
  return /^\d+$/.test(stripped) ? stripped : null;
}

/** Single-line values: surrounding space trimmed, runs of spaces (and line breaks) made one space. */
const fold = (value: string): string => value.replace(/\s+/g, ' ').trim();

/** Values in messages stay readable even when a whole paragraph was pasted into a cell. */
function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}

const lengthOf = (value: string): number => {
  let n = 0;
  for (const _ of value) n++;
  return n;
};

// ---------------------------------------------------------------------------------------------
// Rows

export interface MapRowsResult {
  /** One draft per row without problems, in file order. */
  drafts: PersonDraft[];
  /** Every problem of every row, in file order; a row can have several. */
  problems: RowProblem[];
}

/**
 * Turns data rows into person drafts, checking every value. Rows with a problem give no draft.
 * Throws when the mapping itself has problems (run checkMapping first and show those instead).
 */
export function mapRows(
  table: { header: string[]; rows: string[][]; rowNumbers: number[] },
  mapping: ColumnMapping,
  options: { referenceYear: number },
): MapRowsResult {
  const mappingProblems = checkMapping(table.header, mapping);
  if (mappingProblems.length > 0) {
    throw new Error(`The column mapping has problems: ${mappingProblems.map((p) => p.message).join(' ')}`);
  }
  const { header } = table;
  const maxBirthYear = options.referenceYear - MIN_AGE;
  const mapsField = (field: PersonField) => mapping.columns.some((c) => c.kind === 'field' && c.field === field);
  const pseudonymised = mapsField('externalId') && !mapsField('firstName') && !mapsField('lastName');
  const drafts: PersonDraft[] = [];
  const problems: RowProblem[] = [];

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 2;
    if (cells.length !== header.length) {
      problems.push({
        row,
        column: null,
        rule: 'wrongColumnCount',
        value: cells.join(' | '),
        message: `Row ${row} has ${cells.length} ${cells.length === 1 ? 'column' : 'columns'}; the header has ${header.length}.`,
        params: { row, columns: cells.length, expected: header.length },
      });
      return;
    }

    let rowHasProblem = false;
    const report = (column: number, rule: RowProblemRule, value: string, detail: string, params: Record<string, string | number> = {}): void => {
      const name = header[column]!;
      rowHasProblem = true;
      problems.push({ row, column: name, rule, value, message: `Row ${row}, column "${name}": ${detail}`, params: { row, column: name, value, ...params } });
    };
    const checkLength = (column: number, value: string, max: number): boolean => {
      const length = lengthOf(value);
      if (length <= max) return true;
      report(column, 'tooLong', value, `the value is ${length} characters long; at most ${max} are allowed.`, { length, max });
      return false;
    };

    // Shared empty needs until a needs column writes (copy on write): most pools have none, and
    // two objects per row are 100,000 objects on a 50,000-row import.
    const draft: PersonDraft = { ...BLANK_IDENTITY, rowNumber: row, notes: '', needs: NO_NEEDS, unrecognisedNeeds: NONE, features: {} };
    const ownNeeds = (): PersonNeeds => (draft.needs === NO_NEEDS ? (draft.needs = { ...NO_NEEDS }) : draft.needs);

    mapping.columns.forEach((target, column) => {
      const raw = cells[column] ?? '';
      if (target.kind === 'ignore') return;
      // Hidden characters first: a name that looks like another must not pass for it. Names are
      // one line; in other fields a line break or tab is folded into a space below.
      const lineBreaksAllowed = !(target.kind === 'field' && (target.field === 'firstName' || target.field === 'lastName'));
      const hidden = hiddenCharactersIn(raw.trim(), { allowLineBreaks: lineBreaksAllowed });
      if (hidden.length > 0) {
        report(column, 'hiddenCharacter', raw, `the value holds ${describeHiddenCharacters(hidden)}, which change how it looks without being seen. Remove ${hidden.length === 1 ? 'it' : 'them'} (the import page offers to).`, {
          character: `${hidden[0]!.codePoint}`,
          position: hidden[0]!.position,
          count: hidden.length,
          cleaned: withoutHiddenCharacters(raw.trim(), { allowLineBreaks: lineBreaksAllowed }),
        });
        return;
      }
      if (target.kind === 'feature') {
        const value = fold(raw);
        if (value === '') report(column, 'missingFeatureValue', value, `the value is missing; every person needs one for "${target.feature.trim()}".`);
        else if (checkLength(column, value, FEATURE_VALUE_MAX_LENGTH)) draft.features[target.feature.trim()] = value;
        return;
      }
      const field = target.field;
      // Notes and needs keep their line breaks (a needs cell may list one need per line).
      const value = field === 'notes' || field === 'needs' ? raw.trim() : fold(raw);
      readField(column, field, value);
      // The same column as a feature: the field's value as read (a language as its code). A row
      // with a problem is rejected anyway.
      if (target.feature !== undefined && !rowHasProblem) {
        const featureValue = field === 'language' ? (draft.language ?? '').toUpperCase() : fold(draft[field as 'city' | 'postcode'] ?? '');
        if (featureValue === '') report(column, 'missingFeatureValue', value, `the value is missing; every person needs one for "${target.feature.trim()}".`);
        else if (checkLength(column, featureValue, FEATURE_VALUE_MAX_LENGTH)) draft.features[target.feature.trim()] = featureValue;
      }
    });

    if (!rowHasProblem) drafts.push(draft);

    function readField(column: number, field: PersonField, value: string): void {
      switch (field) {
        case 'firstName':
        case 'lastName':
          if (value === '') report(column, 'required', value, `${FIELD_LABEL[field]} is missing.`);
          else if (checkLength(column, value, FIELD_MAX_LENGTH[field])) draft[field] = value;
          return;
        case 'email':
          if (value === '') return;
          if (!checkLength(column, value, FIELD_MAX_LENGTH.email)) return;
          if (!EMAIL.test(value)) report(column, 'notAnEmail', value, `"${shown(value)}" is not an e-mail address.`);
          else draft.email = value.toLowerCase();
          return;
        case 'phone': {
          if (value === '') return;
          if (!checkLength(column, value, FIELD_MAX_LENGTH.phone)) return;
          const digits = phoneDigits(value);
          if (digits === null || digits.length < 8 || digits.length > 15) {
            report(column, 'notAPhone', value, `"${shown(value)}" is not a phone number (8 to 15 digits).`);
          } else draft.phone = value;
          return;
        }
        case 'birthYear': {
          if (value === '') return;
          const year = parseBirthYear(value);
          if (year === null) report(column, 'notAYear', value, `"${shown(value)}" is not a year.`);
          else if (year < MIN_BIRTH_YEAR || year > maxBirthYear) {
            report(column, 'yearOutOfRange', value, `${year} is not a possible birth year; it must be from ${MIN_BIRTH_YEAR} to ${maxBirthYear}.`, {
              min: MIN_BIRTH_YEAR,
              max: maxBirthYear,
            });
          } else draft.birthYear = year;
          return;
        }
        case 'age': {
          if (value === '') return;
          const age = parseAge(value);
          if (age === null || age < MIN_AGE || age > MAX_AGE) {
            report(column, 'notAnAge', value, `"${shown(value)}" is not an age; use a whole number from ${MIN_AGE} to ${MAX_AGE}.`, { min: MIN_AGE, max: MAX_AGE });
          } else draft.birthYear = options.referenceYear - age;
          return;
        }
        case 'language': {
          const language = normalizeLanguage(value);
          if (language === undefined) {
            report(column, 'unknownLanguage', value, `"${shown(value)}" is not a known language; use NL, FR, DE or EN.`, { accepted: 'NL, FR, DE, EN' });
          } else draft.language = language;
          return;
        }
        case 'notes':
          if (checkLength(column, value, FIELD_MAX_LENGTH.notes)) draft.notes = value;
          return;
        case 'needs': {
          const split = splitNeeds(value);
          for (const kind of ['accessibility', 'diet', 'travel'] as const) if (split.needs[kind] !== '') addNeed(ownNeeds(), kind, split.needs[kind]);
          if (split.needs.childcare) ownNeeds().childcare = true;
          if (split.unrecognised.length > 0) draft.unrecognisedNeeds = [...draft.unrecognisedNeeds, ...split.unrecognised];
          checkNeedLengths(column, value);
          return;
        }
        case 'needsAccessibility':
        case 'needsDiet':
        case 'needsTravel': {
          if (value === '' || value === '-') return;
          const kind = field === 'needsAccessibility' ? 'accessibility' : field === 'needsDiet' ? 'diet' : 'travel';
          addNeed(ownNeeds(), kind, value);
          checkNeedLengths(column, value);
          return;
        }
        case 'needsChildcare': {
          const yes = parseYesNo(value);
          if (yes === null) report(column, 'notYesNo', value, `"${shown(value)}" is not yes or no (ja/nee, oui/non, yes/no, x or empty).`);
          else if (yes) ownNeeds().childcare = true;
          return;
        }
        case 'externalId':
          // Without names, the respondent id is all that tells people apart.
          if (value === '' && pseudonymised) report(column, 'required', value, `${FIELD_LABEL[field]} is missing.`);
          else if (value !== '' && checkLength(column, value, FIELD_MAX_LENGTH[field])) draft[field] = value;
          return;
        case 'street':
        case 'houseNumber':
        case 'postcode':
        case 'city':
          if (value !== '' && checkLength(column, value, FIELD_MAX_LENGTH[field])) draft[field] = value;
          return;
      }
    }

    /** A need gathered from several columns must still fit the person form's limit. */
    function checkNeedLengths(column: number, value: string): void {
      for (const kind of ['accessibility', 'diet', 'travel'] as const) {
        const length = lengthOf(draft.needs[kind]);
        const max = FIELD_MAX_LENGTH.needsAccessibility;
        if (length > max) {
          report(column, 'tooLong', value, `the ${kind} needs are ${length} characters long; at most ${max} are allowed.`, { length, max });
          return;
        }
      }
    }
  });

  return { drafts, problems };
}
