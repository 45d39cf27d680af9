/**
 * The CSV files of the Sortition Foundation's selection tools (stratification-app and the
 * sortition-algorithms library): a categories file with quotas per feature value, and a people
 * file with one column per feature. Reading the categories lets an assembly reuse quotas set
 * there; writing both lets the draw itself run in their audited tool.
 */
import { searchKey } from '../text';
import { csvField, csvLines, neutraliseFormula } from '../csvWrite';

export interface CategoryRow {
  feature: string;
  value: string;
  min: number;
  max: number;
  minFlex: number | null;
  maxFlex: number | null;
}

export interface CategoriesProblem {
  /** Row as a person sees it in a spreadsheet: the header is row 1. */
  row: number;
  /** The column as named in the file's header, or null for a problem of the whole row. */
  column: string | null;
  message: string;
}

type Column = 'feature' | 'value' | 'min' | 'max' | 'min_flex' | 'max_flex';

/** Header names per column; the first is today's, "category"/"name" are the older format's. */
const HEADER_NAMES: Readonly<Record<Column, readonly string[]>> = {
  feature: ['feature', 'category'],
  value: ['value', 'name'],
  min: ['min'],
  max: ['max'],
  min_flex: ['min_flex'],
  max_flex: ['max_flex'],
};
const REQUIRED: readonly Column[] = ['feature', 'value', 'min', 'max'];

/**
 * The replication data of Flanigan et al. (Nature, 2021) write `category,feature,min,max`: there
 * "category" is the feature (gender) and "feature" its value (female). Recognised when a header
 * has both names and neither "value" nor "name", which no other format does.
 */
const REPLICATION_NAMES: Readonly<Record<Column, readonly string[]>> = { ...HEADER_NAMES, feature: ['category'], value: ['feature'] };

function isReplicationHeader(names: readonly string[]): boolean {
  return names.includes('category') && names.includes('feature') && !names.includes('value') && !names.includes('name');
}

/** Where each column is, or the problems that prevent reading the rows at all. */
function locateColumns(header: readonly string[]): { at: Partial<Record<Column, number>>; problems: CategoriesProblem[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const at: Partial<Record<Column, number>> = {};
  const problems: CategoriesProblem[] = [];
  const headerNames = isReplicationHeader(names) ? REPLICATION_NAMES : HEADER_NAMES;
  for (const column of Object.keys(headerNames) as Column[]) {
    // The newer name wins when a file has both ("feature" and an unrelated "name" column).
    const name = headerNames[column].find((n) => names.includes(n));
    if (name === undefined) {
      if (REQUIRED.includes(column)) {
        const alternatives = headerNames[column].map((n) => `"${n}"`).join(' or ');
        problems.push({ row: 1, column: null, message: `The header has no ${alternatives} column.` });
      }
      continue;
    }
    const positions = names.flatMap((n, i) => (n === name ? [i] : []));
    if (positions.length > 1) {
      problems.push({
        row: 1,
        column: header[positions[1]!]!.trim(),
        message: `The header has ${positions.length} columns called "${name}" (columns ${positions.map((p) => p + 1).join(', ')}).`,
      });
    }
    at[column] = positions[0]!;
  }
  if ((at.min_flex === undefined) !== (at.max_flex === undefined)) {
    const missing = at.min_flex === undefined ? 'min_flex' : 'max_flex';
    problems.push({ row: 1, column: null, message: `The header has no "${missing}" column: min_flex and max_flex go together.` });
  }
  return { at, problems };
}

/**
 * Reads a categories file, already split into rows of cells (header first; the caller parses the
 * CSV text). Header names are matched case-insensitively, columns may come in any order, extra
 * columns are ignored, cells are trimmed and wholly blank rows skipped (spreadsheets add them).
 *
 * Every problem is reported at once, so a file can be fixed in one go. When the header itself is
 * wrong, only the header's problems are reported: without it the rows cannot be read, and a wrong
 * file would otherwise produce a problem for every line. `rows` holds the rows that read cleanly
 * (for a repeated feature and value, the first); import only when `problems` is empty.
 */
export function parseCategoriesCsv(rows: readonly (readonly string[])[]): { rows: CategoryRow[]; problems: CategoriesProblem[] } {
  const header = rows[0];
  if (header === undefined || header.every((h) => h.trim() === '')) {
    return { rows: [], problems: [{ row: 1, column: null, message: 'The file is empty: a header with feature, value, min and max is needed.' }] };
  }
  const { at, problems } = locateColumns(header);
  if (problems.length > 0) return { rows: [], problems };

  const flex = at.min_flex !== undefined;
  const columnName = (c: Column) => header[at[c]!]!.trim();
  const result: CategoryRow[] = [];
  const firstRow = new Map<string, number>();

  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: Column) => (cells[at[c]!] ?? '').trim();
    const problemCount = problems.length;
    const report = (column: Column | null, message: string) =>
      problems.push({ row, column: column === null ? null : columnName(column), message: `Row ${row}: ${message}` });

    const feature = restoreFormula(cell('feature'));
    const value = restoreFormula(cell('value'));
    if (feature === '') report('feature', `the ${columnName('feature')} is empty.`);
    if (value === '') report('value', `the ${columnName('value')} is empty.`);

    const count = (c: Column, required: boolean): number | null => {
      const text = cell(c);
      const name = columnName(c);
      if (text === '') {
        if (required) report(c, `${name} is empty; give a whole number of 0 or more.`);
        return null;
      }
      if (/^-\s*\d+(?:\.0*)?$/.test(text)) {
        report(c, `${name} is ${text}; it cannot be negative.`);
        return null;
      }
      if (!/^\+?\d+$/.test(text)) {
        report(c, `${name} is "${text}", not a whole number.`);
        return null;
      }
      return Number(text);
    };
    const min = count('min', true);
    const max = count('max', true);
    const minFlex = flex ? count('min_flex', false) : null;
    const maxFlex = flex ? count('max_flex', false) : null;
    if (min !== null && max !== null && min > max) {
      report('min', `the ${columnName('min')} (${min}) is above the ${columnName('max')} (${max}).`);
    }
    // The flexible bounds relax the quotas when no panel fits them: they may only widen the range.
    if (minFlex !== null && min !== null && minFlex > min) {
      report('min_flex', `${columnName('min_flex')} (${minFlex}) is above ${columnName('min')} (${min}); it may only be lower or equal.`);
    }
    if (maxFlex !== null && max !== null && maxFlex < max) {
      report('max_flex', `${columnName('max_flex')} (${maxFlex}) is below ${columnName('max')} (${max}); it may only be higher or equal.`);
    }

    if (feature !== '' && value !== '') {
      // Compared as the assembly compares names (case and accents aside): "Female" and "female"
      // would land on the same value here, and the second row would silently win.
      const key = JSON.stringify([searchKey(feature), searchKey(value)]);
      const earlier = firstRow.get(key);
      if (earlier !== undefined) {
        report(null, `${feature} "${value}" appears twice, in rows ${earlier} and ${row}.`);
        return;
      }
      firstRow.set(key, row);
    }
    if (problems.length === problemCount) {
      result.push({ feature, value, min: min!, max: max!, minFlex, maxFlex });
    }
  });
  return { rows: result, problems };
}

// ---------------------------------------------------------------------------------------
// Writing

// The one CSV writer (domain/csvWrite.ts) defuses formulas and quotes fields; both files written
// here apply it alike, so a value still matches between them. These files keep the selection
// tools' own format (comma, decimal point, no dialect choice): it is fixed by those tools.
export { csvField, neutraliseFormula };

/** Undoes neutraliseFormula, so that a categories file written here reads back unchanged. */
function restoreFormula(field: string): string {
  const rest = field.slice(1);
  return field.startsWith("'") && neutraliseFormula(rest) !== rest ? rest : field;
}

/** CRLF line ends, as RFC 4180 and Excel expect; the file ends with one too. */
function csvText(lines: readonly (readonly string[])[]): string {
  return csvLines(lines, ',');
}

/**
 * A categories file in today's format: `feature,value,min,max`, plus `min_flex,max_flex` when
 * `flex` is set. The selection tool needs every flex cell filled: an absent min_flex is written
 * as 0 and an absent max_flex as the largest sum of maxima of any feature, the defaults the tool
 * itself applies when the columns are missing.
 */
export function writeCategoriesCsv(rows: readonly CategoryRow[], options: { flex: boolean }): string {
  const header = ['feature', 'value', 'min', 'max'];
  if (!options.flex) return csvText([header, ...rows.map((r) => [r.feature, r.value, String(r.min), String(r.max)])]);

  const sumMax = new Map<string, number>();
  for (const r of rows) sumMax.set(r.feature, (sumMax.get(r.feature) ?? 0) + r.max);
  const defaultMaxFlex = Math.max(0, ...sumMax.values());
  return csvText([
    [...header, 'min_flex', 'max_flex'],
    ...rows.map((r) => [r.feature, r.value, String(r.min), String(r.max), String(r.minFlex ?? 0), String(r.maxFlex ?? defaultMaxFlex)]),
  ]);
}

/**
 * Columns of the people file for the selection tool: the person's pseudonymous code as `id`,
 * then one column per feature. Names, contact details and addresses never go in: the file
 * leaves this program (often to another organisation's tool), and the draw needs nothing but
 * the features; the code is matched back to the person here. Set the tool's id_column to "id".
 * Throws a RangeError when a feature is called "id" or two features share a name, as the tool
 * would then read the wrong column.
 */
export function peopleCsvColumns(features: readonly string[]): string[] {
  const columns = ['id', ...features];
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.trim().toLowerCase();
    if (seen.has(key)) throw new RangeError(`Two columns of the people file would be called "${c}".`);
    seen.add(key);
  }
  return columns;
}

/** A people file (see peopleCsvColumns): RFC 4180, CRLF, formula injection defused. */
export function writePeopleCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new RangeError(`Row ${i + 2} of the people file has ${r.length} fields, the header ${header.length}.`);
    }
  });
  return csvText([header, ...rows]);
}
