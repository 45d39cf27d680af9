import type { ColumnMapping } from '../recruitment/types';
import { findDuplicates, type DuplicatePair } from '../recruitment/duplicates';
import { householdKey } from '../recruitment/normalise';
import { personSearchKey, rowFingerprint } from '../recruitment/personKeys';
import { searchKey } from '../text';
import { checkMapping, mapRows, type MappingProblem, type PersonDraft, type RowProblem } from './mapRows';

/**
 * Plans an import without writing anything: which rows are new, which are already in the pool,
 * which are rejected and why, which feature values are new, and which possible duplicates the
 * import would flag. The check shows this plan to the user; the commit writes exactly it.
 */

export interface ExistingPool {
  /** Respondent ids in the pool, lower-cased, with the fingerprint of the row each came with. */
  externalIds: Map<string, string | null>;
  fingerprints: Set<string>;
  /** Live, not erased people, for duplicate detection against the new rows. */
  people: { id: string; firstName: string; lastName: string; birthYear: number | null; email: string | null; phone: string | null }[];
  /** Known features and values, matched accent- and case-insensitively. */
  features: { featureId: string; feature: string; valueId: string | null; value: string | null }[];
}

export interface NewPerson extends PersonDraft {
  /** Temporary id until written: `new:<index>`. */
  tempId: string;
  fingerprint: string;
  householdKey: string | null;
  /** feature key (folded name) -> value key (folded value) */
  featureKeys: Record<string, string>;
}

export interface PlannedFeature {
  key: string;
  name: string;
  existingId: string | null;
  /** value key -> spelling and id when it exists already */
  values: Map<string, { value: string; existingId: string | null }>;
}

export interface ImportPlan {
  rowsTotal: number;
  mappingProblems: MappingProblem[];
  problems: RowProblem[];
  /** Indexes into the table's rows that are rejected. */
  rejectedIndexes: number[];
  newPeople: NewPerson[];
  /** Rows whose person is in the pool already (from an earlier import or by hand): skipped. */
  alreadyInPool: number;
  /** Rows that repeat an earlier row of this file (same content, e-mail case aside): skipped. */
  repeatedInFile: { row: number; sameAs: number }[];
  /** Possible duplicates between two new rows of this file (same e-mail, phone, or name and birth year): both imported and flagged. */
  fileDuplicates: { row: number; otherRow: number; reasons: DuplicatePair['reasons'] }[];
  /** Parts of free-text needs cells that named no need (put under accessibility). */
  unrecognisedNeeds: { row: number; text: string }[];
  features: PlannedFeature[];
  /** Pairs with at least one new person; new people appear by tempId. */
  duplicates: DuplicatePair[];
}

export function planImport(
  table: { header: string[]; rows: string[][]; rowNumbers: number[] },
  mapping: ColumnMapping,
  existing: ExistingPool,
  options: { referenceYear: number },
): ImportPlan {
  const mappingProblems = checkMapping(table.header, mapping);
  // Feature names and values repeat on every row: fold each distinct one once.
  const folded = new Map<string, string>();
  const fold = (text: string) => folded.get(text) ?? (folded.set(text, searchKey(text)), folded.get(text)!);
  const empty: ImportPlan = {
    rowsTotal: table.rows.length,
    mappingProblems,
    problems: [],
    rejectedIndexes: [],
    newPeople: [],
    alreadyInPool: 0,
    repeatedInFile: [],
    fileDuplicates: [],
    unrecognisedNeeds: [],
    features: [],
    duplicates: [],
  };
  if (mappingProblems.length > 0) return empty;

  const { drafts, problems } = mapRows(table, mapping, options);
  const rejectedRows = new Set(problems.map((p) => p.row));

  // Rows already in the pool (same respondent id, or the same content), or repeated in the file.
  const seenExternal = new Map<string, string>(); // external id key -> fingerprint
  const seenFingerprints = new Map<string, number>(); // fingerprint -> first row with it
  const repeatedInFile: ImportPlan['repeatedInFile'] = [];
  const newPeople: NewPerson[] = [];
  let alreadyInPool = 0;
  for (const draft of drafts) {
    const fingerprint = rowFingerprint(draft);
    const externalKey = draft.externalId === null ? null : draft.externalId.toLowerCase();
    if (existing.fingerprints.has(fingerprint)) {
      alreadyInPool += 1;
      continue;
    }
    if (externalKey !== null && existing.externalIds.has(externalKey)) {
      // The same respondent with other details: a correction, or a different person under a
      // reused id. Either way the officer decides; the row is never skipped or added silently.
      const column = table.header[mapping.columns.findIndex((c) => c.kind === 'field' && c.field === 'externalId')] ?? null;
      problems.push({
        row: draft.rowNumber,
        column,
        rule: 'externalIdInPool',
        value: draft.externalId ?? '',
        message: `Row ${draft.rowNumber}, column "${column}": respondent id "${draft.externalId}" is already in the pool with other details. Correct that person on the People page instead.`,
      });
      rejectedRows.add(draft.rowNumber);
      continue;
    }
    const sameAs = seenFingerprints.get(fingerprint);
    if (sameAs !== undefined) {
      // Not "already in the pool": the officer must see which rows repeat, to fix the source.
      repeatedInFile.push({ row: draft.rowNumber, sameAs });
      continue;
    }
    if (externalKey !== null && seenExternal.has(externalKey)) {
      // Same respondent id with different content: which row is right is the user's call.
      const column = table.header[mapping.columns.findIndex((c) => c.kind === 'field' && c.field === 'externalId')] ?? null;
      problems.push({
        row: draft.rowNumber,
        column,
        rule: 'externalIdTwice',
        value: draft.externalId ?? '',
        message: `Row ${draft.rowNumber}, column "${column}": respondent id "${draft.externalId}" appears on an earlier row with different details.`,
      });
      rejectedRows.add(draft.rowNumber);
      continue;
    }
    seenFingerprints.set(fingerprint, draft.rowNumber);
    if (externalKey !== null) seenExternal.set(externalKey, fingerprint);
    const featureKeys: Record<string, string> = {};
    for (const [name, value] of Object.entries(draft.features)) featureKeys[fold(name)] = fold(value);
    newPeople.push({
      ...draft,
      tempId: `new:${newPeople.length}`,
      fingerprint,
      householdKey: householdKey({ street: draft.street, houseNumber: draft.houseNumber, postcode: draft.postcode }),
      featureKeys,
    });
  }

  const features = planFeatures(mapping, newPeople, existing.features, fold);

  const newIds = new Set(newPeople.map((p) => p.tempId));
  const duplicates = findDuplicates([
    ...existing.people,
    ...newPeople.map((p) => ({
      id: p.tempId,
      firstName: p.firstName,
      lastName: p.lastName,
      birthYear: p.birthYear,
      email: p.email,
      phone: p.phone,
    })),
  ]).filter((pair) => newIds.has(pair.a) || newIds.has(pair.b));
  const rowOf = new Map(newPeople.map((p) => [p.tempId, p.rowNumber]));
  const fileDuplicates = duplicates
    .filter((pair) => rowOf.has(pair.a) && rowOf.has(pair.b))
    .map((pair) => {
      const [row, otherRow] = [rowOf.get(pair.a)!, rowOf.get(pair.b)!].sort((x, y) => x - y) as [number, number];
      return { row, otherRow, reasons: pair.reasons };
    })
    .sort((x, y) => x.row - y.row || x.otherRow - y.otherRow);
  const unrecognisedNeeds = newPeople.flatMap((p) => p.unrecognisedNeeds.map((text) => ({ row: p.rowNumber, text })));

  problems.sort((a, b) => a.row - b.row);
  const rejectedIndexes: number[] = [];
  table.rowNumbers.forEach((rowNumber, index) => {
    if (rejectedRows.has(rowNumber)) rejectedIndexes.push(index);
  });
  return { ...empty, problems, rejectedIndexes, newPeople, alreadyInPool, repeatedInFile, fileDuplicates, unrecognisedNeeds, features, duplicates };
}

/** Matches the mapped feature columns and their values to what the assembly knows. */
function planFeatures(
  mapping: ColumnMapping,
  people: NewPerson[],
  known: ExistingPool['features'],
  fold: (text: string) => string,
): PlannedFeature[] {
  const byKey = new Map<string, PlannedFeature>();
  for (const row of known) {
    const key = searchKey(row.feature);
    let feature = byKey.get(key);
    if (!feature) byKey.set(key, (feature = { key, name: row.feature, existingId: row.featureId, values: new Map() }));
    if (row.valueId !== null && row.value !== null) feature.values.set(searchKey(row.value), { value: row.value, existingId: row.valueId });
  }
  const planned: PlannedFeature[] = [];
  for (const target of mapping.columns) {
    // A feature column, or a person-field column that is also a feature (language, city, postcode).
    if (target.kind === 'ignore' || target.feature === undefined) continue;
    const key = searchKey(target.feature);
    let feature = byKey.get(key);
    if (!feature) byKey.set(key, (feature = { key, name: target.feature.trim(), existingId: null, values: new Map() }));
    planned.push(feature);
  }
  // The first spelling met wins for a new value ("Man" and "man" are one value).
  for (const person of people) {
    for (const [name, value] of Object.entries(person.features)) {
      const featureKey = fold(name);
      const valueKey = person.featureKeys[featureKey]!;
      const feature = byKey.get(featureKey)!;
      if (!feature.values.has(valueKey)) feature.values.set(valueKey, { value, existingId: null });
    }
  }
  return planned;
}

/** The full search key of a person once the code is known. */
export function searchKeyWithCode(p: NewPerson, code: string): string {
  return personSearchKey({ firstName: p.firstName, lastName: p.lastName, code, email: p.email, phone: p.phone });
}
