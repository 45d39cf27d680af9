/**
 * Answers to the letters: who counts as eligible, and the rows of an online form's CSV read into
 * answers, with every problem of every row (row, column, what is wrong). Pure: whether a code
 * was sent, and answered before, is the service's to check against the file.
 */
import { searchKey } from '../text';
import { MIN_AGE, suggestMapping } from '../import/mapRows';
import { readResponseCode, formatResponseCode } from './responseCode';
import type { Availability, ResponseAnswer, ResponseImportProblem } from './types';

export interface ResponseDraft {
  /** Row number as a spreadsheet shows it (null when typed at the screen). */
  row: number | null;
  code: string;
  answer: ResponseAnswer;
  reason: string | null;
  /** Stratification answers: feature name -> value (the feature's own spelling). */
  answers: Record<string, string>;
  availability: Availability | null;
  consent: boolean;
  needs: { accessibility: string; diet: string; childcare: boolean; travel: string };
}

/**
 * A yes makes a respondent for the pool when the person consented to the processing of their
 * data, can come to at least some of the weekends, and is old enough on the register.
 * Returns the reasons a yes is not eligible (empty: eligible).
 */
export function ineligibility(d: Pick<ResponseDraft, 'answer' | 'consent' | 'availability'>, birthYear: number | null, referenceYear: number): string[] {
  if (d.answer !== 'yes') return ['notYes'];
  const reasons: string[] = [];
  if (!d.consent) reasons.push('noConsent');
  if (d.availability === 'none') reasons.push('notAvailable');
  if (birthYear !== null && referenceYear - birthYear < MIN_AGE) reasons.push('tooYoung');
  return reasons;
}

const fold = (text: string): string => searchKey(text).replace(/[^\p{L}\p{N}]+/gu, '');

const COLUMN_NAMES: Record<string, string[]> = {
  code: ['code', 'responsecode', 'antwoordcode', 'codereponse', 'persoonlijkecode', 'codepersonnel', 'uwcode', 'votrecode', 'yourcode'],
  answer: ['antwoord', 'answer', 'reponse', 'response', 'deelname', 'participation', 'deelnemen', 'participer'],
  reason: ['reden', 'reason', 'raison', 'motif', 'waarom', 'pourquoi'],
  availability: ['beschikbaarheid', 'availability', 'disponibilite', 'beschikbaar', 'disponible'],
  consent: ['toestemming', 'consent', 'consentement', 'akkoord', 'accord'],
  accessibility: ['toegankelijkheid', 'accessibility', 'accessibilite', 'mobiliteit', 'mobilite'],
  diet: ['dieet', 'diet', 'regime', 'voeding', 'alimentation'],
  childcare: ['kinderopvang', 'childcare', 'gardedenfants', 'garde'],
  travel: ['vervoer', 'travel', 'transport', 'deplacement', 'reis'],
};
const COLUMN_BY_KEY = new Map(Object.entries(COLUMN_NAMES).flatMap(([role, names]) => names.map((n) => [n, role] as const)));

const YES = new Set(['ja', 'yes', 'oui', 'j', 'y', 'o', '1', 'true', 'waar', 'vrai', 'x']);
const NO = new Set(['nee', 'neen', 'no', 'non', 'n', '0', 'false', 'onwaar', 'faux']);
const UNDELIVERABLE = new Set(['onbestelbaar', 'undeliverable', 'retour', 'nondistribuable', 'returned', 'adresonbekend', 'adresseinconnue', 'inconnu', 'onbekend']);

export function readAnswer(value: string): ResponseAnswer | null {
  const key = fold(value);
  if (YES.has(key)) return 'yes';
  if (NO.has(key)) return 'no';
  if (UNDELIVERABLE.has(key)) return 'undeliverable';
  return null;
}

/** undefined: not a value the column knows. */
export function readAvailability(value: string): Availability | null | undefined {
  const key = fold(value);
  if (key === '') return null;
  if (['all', 'alle', 'allemaal', 'tous', 'toutes', 'ja', 'yes', 'oui'].includes(key)) return 'all';
  if (['some', 'sommige', 'deels', 'gedeeltelijk', 'partly', 'certains', 'certaines', 'partiellement'].includes(key)) return 'some';
  if (['none', 'geen', 'aucun', 'aucune', 'nee', 'no', 'non'].includes(key)) return 'none';
  return undefined;
}

/** A yes/no box: empty is no. undefined: neither. */
export function readBox(value: string): boolean | undefined {
  const key = fold(value);
  if (key === '' || NO.has(key)) return false;
  if (YES.has(key)) return true;
  return undefined;
}

export interface KnownFeature {
  name: string;
  values: string[];
}

export interface ResponseRows {
  drafts: ResponseDraft[];
  problems: ResponseImportProblem[];
  /** Columns read, by role or feature name, for the summary. */
  columns: { header: string; use: string }[];
  /** The header of the code column (null: none found). */
  codeColumn: string | null;
}

/**
 * Reads a form's CSV: one answer per row, matched by code. Problems: no code column; a code that
 * is not a valid response code (length, character, check character); the same code on two rows;
 * an answer that is not yes/no/undeliverable; a no without reason; a value a column does not know.
 */
export function readResponseRows(table: { header: string[]; rows: string[][]; rowNumbers: number[] }, features: readonly KnownFeature[]): ResponseRows {
  const roles = new Map<number, string>();
  const featureAt = new Map<number, KnownFeature>();
  const featureByKey = new Map(features.map((f) => [fold(f.name), f] as const));
  // Stratification questions the pool does not know yet (an empty pool): the pool importer's
  // feature headers (gender, education, age group...), with any value.
  const guessed = suggestMapping(table.header).columns;
  table.header.forEach((name, i) => {
    const key = fold(name);
    const role = COLUMN_BY_KEY.get(key);
    if (role && ![...roles.values()].includes(role)) roles.set(i, role);
    else if (featureByKey.has(key)) featureAt.set(i, featureByKey.get(key)!);
    else if (guessed[i]?.kind === 'feature') featureAt.set(i, { name: name.trim(), values: [] });
  });
  const columns = [
    ...[...roles].map(([i, role]) => ({ header: table.header[i]!, use: role })),
    ...[...featureAt].map(([i, f]) => ({ header: table.header[i]!, use: `feature:${f.name}` })),
  ];
  const columnOf = (role: string): number | undefined => [...roles].find(([, r]) => r === role)?.[0];
  const codeColumn = columnOf('code');
  const answerColumn = columnOf('answer');
  const problems: ResponseImportProblem[] = [];
  if (codeColumn === undefined || answerColumn === undefined) {
    const missing = codeColumn === undefined ? 'code' : 'answer';
    problems.push({
      row: 1,
      column: null,
      rule: 'noCodeColumn',
      value: table.header.join(', '),
      message:
        missing === 'code'
          ? `The file has no column with the response code (a header such as "code"); its columns are: ${table.header.join(', ')}.`
          : `The file has no column with the answer (a header such as "antwoord", "réponse" or "answer"); its columns are: ${table.header.join(', ')}.`,
    });
    return { drafts: [], problems, columns, codeColumn: codeColumn === undefined ? null : table.header[codeColumn]! };
  }
  const cell = (cells: string[], i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim());
  const firstRowOf = new Map<string, number>();
  const drafts: ResponseDraft[] = [];
  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? index + 2;
    let bad = false;
    const report = (column: number | null, rule: ResponseImportProblem['rule'], value: string, detail: string): void => {
      bad = true;
      const name = column === null ? null : (table.header[column] ?? null);
      problems.push({ row, column: name, rule, value, message: name === null ? `Row ${row}: ${detail}` : `Row ${row}, column "${name}": ${detail}` });
    };
    const typed = cell(cells, codeColumn);
    const reading = readResponseCode(typed);
    let code = '';
    if (!reading.ok) {
      const why =
        reading.reason === 'empty'
          ? 'the code is missing.'
          : reading.reason === 'length'
            ? `"${typed}" is not a response code: a code has 8 characters, as printed on the letter (XXXX-XXXX).`
            : reading.reason === 'character'
              ? `"${typed}" is not a response code: "${reading.character}" never appears in one.`
              : `"${typed}" is not a response code: its last character does not match (a typing error?).`;
      report(codeColumn, 'unknownCode', typed, why);
    } else {
      code = reading.code;
      const first = firstRowOf.get(code);
      if (first !== undefined) report(codeColumn, 'answeredTwice', typed, `code ${formatResponseCode(code)} already answers on row ${first}; each code answers once.`);
      else firstRowOf.set(code, row);
    }
    const answerText = cell(cells, answerColumn);
    const answer = readAnswer(answerText);
    if (answer === null) report(answerColumn, 'badAnswer', answerText, answerText === '' ? 'the answer is missing (yes, no or undeliverable).' : `"${answerText}" is not an answer: use yes, no or undeliverable (ja, nee, onbestelbaar; oui, non, retour).`);
    const reason = cell(cells, columnOf('reason'));
    if (answer === 'no' && reason === '') report(columnOf('reason') ?? answerColumn, 'reasonMissing', '', 'a "no" needs its reason (write "not given" when the person gave none).');
    const availabilityText = cell(cells, columnOf('availability'));
    const availability = readAvailability(availabilityText);
    if (availability === undefined) report(columnOf('availability')!, 'badValue', availabilityText, `"${availabilityText}" is not an availability: use all, some or none (alle, sommige, geen; tous, certains, aucun).`);
    const consentText = cell(cells, columnOf('consent'));
    const consent = readBox(consentText);
    if (consent === undefined) report(columnOf('consent')!, 'badValue', consentText, `"${consentText}" is not a yes or no.`);
    const childcareText = cell(cells, columnOf('childcare'));
    const childcare = readBox(childcareText);
    if (childcare === undefined) report(columnOf('childcare')!, 'badValue', childcareText, `"${childcareText}" is not a yes or no.`);
    const answers: Record<string, string> = {};
    for (const [i, feature] of featureAt) {
      const value = cell(cells, i);
      if (value === '') continue;
      // The pool's spelling of a known answer; a new answer becomes a new value, as in the pool
      // importer (the Quotas page lists and merges values).
      answers[feature.name] = feature.values.find((v) => fold(v) === fold(value)) ?? value;
    }
    if (bad) return;
    drafts.push({
      row,
      code,
      answer: answer!,
      reason: reason === '' ? null : reason,
      answers,
      availability: availability ?? null,
      consent: consent ?? false,
      needs: { accessibility: cell(cells, columnOf('accessibility')), diet: cell(cells, columnOf('diet')), childcare: childcare ?? false, travel: cell(cells, columnOf('travel')) },
    });
  });
  return { drafts, problems, columns, codeColumn: table.header[codeColumn]! };
}
