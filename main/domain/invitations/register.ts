/**
 * The register extract read through the respondent importer's own rules (mapRows: every value
 * checked, every problem of every row with its row and column), plus what a letter needs: a name
 * and a postal address on every row. Pure: the service stages the file and writes the plan.
 */
import { searchKey } from '../text';
import { checkMapping, mapRows, type MappingProblem, type RowProblem } from '../import/mapRows';
import { householdKey } from '../recruitment/normalise';
import type { ColumnMapping } from '../recruitment/types';
import type { RegisterDraft } from './types';

export type { RegisterDraft };


/** Feature column names (folded) that are the resident's gender. */
const GENDER_NAMES = new Set(['geslacht', 'gender', 'sexe', 'genre', 'sex', 'geschlecht']);
export const isGenderColumn = (feature: string): boolean => GENDER_NAMES.has(searchKey(feature).replace(/[^\p{L}]+/gu, ''));

/** Fields a register row must give: a letter goes to a name at a postal address. */
const REQUIRED = [
  ['firstName', 'the first name'],
  ['lastName', 'the last name'],
  ['street', 'the street'],
  ['postcode', 'the postcode'],
  ['city', 'the municipality'],
] as const;

/** Fields of a pool file that a register extract never holds: they are not kept even if mapped. */
const NOT_KEPT = new Set(['email', 'phone', 'externalId', 'notes']);

/** The importer's mapping problems, and 'needsAddress' for a name or address field not mapped. */
export type RegisterMappingProblem = Omit<MappingProblem, 'rule'> & { rule: MappingProblem['rule'] | 'needsAddress' };

export function checkRegisterMapping(header: string[], mapping: ColumnMapping): RegisterMappingProblem[] {
  const problems: RegisterMappingProblem[] = checkMapping(header, mapping).filter((p) => p.rule !== 'needsName');
  const mapped = new Set(mapping.columns.flatMap((c) => (c.kind === 'field' ? [c.field] : [])));
  for (const [field, label] of REQUIRED) {
    if (!mapped.has(field)) {
      problems.push({ column: null, rule: 'needsAddress', message: `Choose the column that holds ${label}: every letter needs a name and a postal address.` });
    }
  }
  return problems;
}

export interface RegisterPlan {
  rowsTotal: number;
  mappingProblems: RegisterMappingProblem[];
  problems: RowProblem[];
  entries: RegisterDraft[];
}

export function planRegister(
  table: { header: string[]; rows: string[][]; rowNumbers: number[] },
  mapping: ColumnMapping,
  options: { referenceYear: number },
): RegisterPlan {
  const mappingProblems = checkRegisterMapping(table.header, mapping);
  if (mappingProblems.length > 0) return { rowsTotal: table.rows.length, mappingProblems, problems: [], entries: [] };
  // Leave out what is not kept before checking, so a bad e-mail cannot block a register.
  const kept: ColumnMapping = { columns: mapping.columns.map((c) => (c.kind === 'field' && NOT_KEPT.has(c.field) ? { kind: 'ignore' } : c)) };
  // mapRows needs names unless pseudonymised: the register always maps both (checked above).
  const { drafts, problems } = mapRows(table, kept, options);
  const columnOf = (field: string): string | null => {
    const i = kept.columns.findIndex((c) => c.kind === 'field' && c.field === field);
    return i < 0 ? null : (table.header[i] ?? null);
  };
  const entries: RegisterDraft[] = [];
  for (const d of drafts) {
    let missing = false;
    for (const [field, label] of REQUIRED.slice(2)) {
      if (d[field] === null || d[field] === '') {
        const column = columnOf(field);
        missing = true;
        problems.push({ row: d.rowNumber, column, rule: 'required', value: '', message: `Row ${d.rowNumber}, column "${column}": ${label} is missing; a letter needs a full address.`, params: { row: d.rowNumber, column: column ?? '' } });
      }
    }
    if (missing) continue;
    let gender: string | null = null;
    const features: Record<string, string> = {};
    for (const [name, value] of Object.entries(d.features)) {
      if (gender === null && isGenderColumn(name)) gender = value;
      else features[name] = value;
    }
    entries.push({
      rowNumber: d.rowNumber,
      firstName: d.firstName,
      lastName: d.lastName,
      street: d.street,
      houseNumber: d.houseNumber,
      postcode: d.postcode,
      city: d.city,
      birthYear: d.birthYear,
      gender,
      language: d.language,
      householdKey: householdKey({ street: d.street, houseNumber: d.houseNumber, postcode: d.postcode }),
      features,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rowsTotal: table.rows.length, mappingProblems, problems, entries };
}
