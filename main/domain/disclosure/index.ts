/**
 * The disclosure policy of the aggregate reports (policymakers, the press), as pure functions.
 *
 * 1. Results of the assembly are published in full: votes for, against, abstaining, blank and
 *    spoilt, members present, turnout, scores. They are acts of a public body, not facts about a
 *    person; hiding them protects no one and weakens the result.
 * 2. Counts about people (demographics, attendance marks, needs, per-diem groups, table sizes,
 *    the selection's probability bins) of 1 to SMALL_CELL - 1 people are suppressed ("primary").
 *    Zero is published: "nobody" describes no one.
 * 3. Suppression is complemented: no suppressed cell may be derivable from what the same report
 *    publishes (totals, the other cells, a percentage times its base, a money amount divided by
 *    its daily rate). For a table whose line totals are published, every line (row or column)
 *    that holds a suppressed cell holds at least two, and no suppressed cell is determined by the
 *    linear equations "the suppressed cells of this line add up to its total minus the published
 *    cells" (checked exactly, not only line by line: see `determinedCells`). The complement is
 *    chosen deterministically: the smallest non-zero published cell of the line, preferring one
 *    whose crossing line already holds a suppressed cell (fewer cells lost), then the lowest
 *    index. A zero is never a complement (a zero among hidden cells can pin the others at a
 *    bound); when a line has no such cell, its total is withheld instead.
 * 4. Percentages computed from a suppressed count, and money amounts computed from it (a
 *    childcare total at a known daily rate), are suppressed with it: callers mark a money amount
 *    as primary when the number of people it is paid to is small (see `protectLine`).
 *
 * Every count of people a report publishes at the aggregate level goes through `protectLine` (a
 * list of counts adding up to a known total) or `protectTable` (a two-way table with its
 * margins); a suppressed cell is shown empty with the note SUPPRESSED_NOTE (never "<5" in a
 * numeric column).
 */

/** Counts of people below this are suppressed at the aggregate level. */
export const SMALL_CELL = 5;

/** A count of 1 to SMALL_CELL - 1 people: suppressed wherever it is published about people. */
export function isSmallCount(n: number | null | undefined): boolean {
  return typeof n === 'number' && n > 0 && n < SMALL_CELL;
}

export interface LineInput {
  /** The line's cells: counts (or amounts) that add up to the line's total; null: no cell. */
  values: readonly (number | null)[];
  /** Cells to suppress in any case (default: the small counts, `isSmallCount`). */
  primary?: readonly boolean[];
  /** Whether the report publishes (or a reader can know) the line's total. Default true. */
  totalPublished?: boolean;
}

export interface LineDisclosure {
  /** hidden[i]: the cell is suppressed (primary or complementary). */
  hidden: boolean[];
  /** Whether the line's total must be withheld too (no complement was available). */
  totalWithheld: boolean;
}

/**
 * One line of counts with its total (a feature's values in the panel, a session's attended /
 * excused / absent, the bins of a histogram, money amounts adding up to a total): which cells to
 * suppress so that none is derivable from the total and the other cells.
 */
export function protectLine(line: LineInput): LineDisclosure {
  const table = protectTable({
    cells: [line.values],
    primary: line.primary ? [line.primary] : undefined,
    rowTotals: line.totalPublished ?? true,
    columnTotals: false,
  });
  return { hidden: table.hidden[0] ?? [], totalWithheld: table.rowTotalWithheld[0] ?? false };
}

export interface TableInput {
  /** cells[r][c]: a count; null where the table has no cell. Rows may differ in length. */
  cells: readonly (readonly (number | null)[])[];
  /** Cells to suppress in any case (default: the small counts). */
  primary?: readonly (readonly boolean[])[];
  /** Whether each row's total is published (one flag for all rows). */
  rowTotals: boolean;
  /** Whether each column's total is published. */
  columnTotals: boolean;
}

export interface TableDisclosure {
  hidden: boolean[][];
  rowTotalWithheld: boolean[];
  columnTotalWithheld: boolean[];
}

/** A line of the table: its cells as [row, column] pairs, and where its total's flag lives. */
interface TableLine {
  cells: [number, number][];
  kind: 'row' | 'column';
  index: number;
}

function linesOf(cells: readonly (readonly (number | null)[])[], rows: boolean, columns: boolean): TableLine[] {
  const lines: TableLine[] = [];
  if (rows) {
    cells.forEach((row, r) => {
      const line: [number, number][] = [];
      row.forEach((v, c) => {
        if (v !== null) line.push([r, c]);
      });
      lines.push({ cells: line, kind: 'row', index: r });
    });
  }
  if (columns) {
    const width = Math.max(0, ...cells.map((row) => row.length));
    for (let c = 0; c < width; c++) {
      const line: [number, number][] = [];
      cells.forEach((row, r) => {
        if (row[c] !== null && row[c] !== undefined) line.push([r, c]);
      });
      lines.push({ cells: line, kind: 'column', index: c });
    }
  }
  return lines;
}

/**
 * A two-way table of counts with its published margins: which cells to suppress (primary and
 * complementary), and which totals to withhold when a line has nothing left to complement with.
 * Deterministic: the same table gives the same answer.
 */
export function protectTable(input: TableInput): TableDisclosure {
  const { cells } = input;
  for (const row of cells) {
    for (const v of row) {
      if (v !== null && (!Number.isFinite(v) || v < 0)) throw new RangeError(`A count must be a finite number of at least 0, not ${String(v)}`);
    }
  }
  const hidden = cells.map((row, r) => row.map((v, c) => v !== null && (input.primary ? input.primary[r]?.[c] === true : isSmallCount(v))));
  const rowTotalWithheld = cells.map(() => false);
  const width = Math.max(0, ...cells.map((row) => row.length));
  const columnTotalWithheld = Array.from({ length: width }, () => false);
  const lines = linesOf(cells, input.rowTotals, input.columnTotals);
  const withheld = (l: TableLine) => (l.kind === 'row' ? rowTotalWithheld[l.index] : columnTotalWithheld[l.index]) === true;
  const withhold = (l: TableLine) => {
    if (l.kind === 'row') rowTotalWithheld[l.index] = true;
    else columnTotalWithheld[l.index] = true;
  };
  // Does the crossing line of a cell (the column of a row's cell, and so on) hold a hidden cell?
  const crossingHidden = (l: TableLine, [r, c]: [number, number]) =>
    l.kind === 'row' ? input.columnTotals && cells.some((row, rr) => rr !== r && hidden[rr]?.[c] === true) : input.rowTotals && (hidden[r] ?? []).some((h, cc) => cc !== c && h);

  /** Suppresses one more cell of the line, or withholds its total when none is left. */
  const complement = (l: TableLine) => {
    const candidates = l.cells.filter(([r, c]) => !hidden[r]![c] && (cells[r]![c] ?? 0) > 0);
    if (candidates.length === 0) {
      withhold(l);
      return;
    }
    candidates.sort((a, b) => Number(crossingHidden(l, b)) - Number(crossingHidden(l, a)) || cells[a[0]]![a[1]]! - cells[b[0]]![b[1]]! || a[0] - b[0] || a[1] - b[1]);
    const [r, c] = candidates[0]!;
    hidden[r]![c] = true;
  };

  // Each line with a published total and exactly one hidden cell gets a second; repeated until
  // no line changes (a complement can leave its crossing line with one hidden cell).
  for (;;) {
    let changed = false;
    for (const l of lines) {
      if (withheld(l)) continue;
      const n = l.cells.filter(([r, c]) => hidden[r]![c]).length;
      if (n === 1) {
        complement(l);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // Two per line is not always enough in two dimensions (a hidden cell can be the difference of
  // two equations): while the equations still determine a hidden cell, complement a line through
  // it further, else withhold that line's total.
  for (let guard = 0; guard < 10_000; guard++) {
    const equations = lines.filter((l) => !withheld(l)).map((l) => l.cells.filter(([r, c]) => hidden[r]![c]));
    const unknowns = hidden.flatMap((row, r) => row.flatMap((h, c): [number, number][] => (h ? [[r, c]] : [])));
    const determined = determinedCells(unknowns, equations);
    if (determined.length === 0) break;
    const [r, c] = determined[0]!;
    const through = lines.filter((l) => !withheld(l) && l.cells.some(([rr, cc]) => rr === r && cc === c));
    const line = through.find((l) => l.cells.some(([rr, cc]) => !hidden[rr]![cc] && (cells[rr]![cc] ?? 0) > 0)) ?? through[0];
    if (!line) break;
    complement(line);
  }
  return { hidden, rowTotalWithheld, columnTotalWithheld };
}

/**
 * Which unknowns a set of linear equations determines exactly. Each equation says "the sum of
 * these unknowns is known" (a published total minus its published cells). An unknown is
 * determined when its unit vector lies in the span of the equations: found by Gaussian
 * elimination over the rationals (exact: the coefficients stay small integers, kept as numbers
 * with a tolerance far below 1).
 */
export function determinedCells<K>(unknowns: readonly K[], equations: readonly (readonly K[])[], same: (a: K, b: K) => boolean = defaultSame): K[] {
  const n = unknowns.length;
  if (n === 0) return [];
  const index = (k: K) => unknowns.findIndex((u) => same(u, k));
  const rows: number[][] = [];
  for (const eq of equations) {
    if (eq.length === 0) continue;
    const row = new Array<number>(n).fill(0);
    for (const k of eq) {
      const i = index(k);
      if (i >= 0) row[i]! += 1;
    }
    rows.push(row);
  }
  // Reduced row echelon form.
  const EPS = 1e-9;
  const pivots: number[] = [];
  let rank = 0;
  for (let col = 0; col < n && rank < rows.length; col++) {
    let pivot = -1;
    for (let r = rank; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > EPS) pivot = pivot < 0 || Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!) ? r : pivot;
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot]!, rows[rank]!];
    const p = rows[rank]!;
    const pv = p[col]!;
    for (let j = 0; j < n; j++) p[j]! /= pv;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const f = rows[r]![col]!;
      if (Math.abs(f) > EPS) for (let j = 0; j < n; j++) rows[r]![j]! -= f * p[j]!;
    }
    pivots.push(col);
    rank++;
  }
  // Unknown i is determined iff some row of the RREF is the unit vector e_i.
  const out: K[] = [];
  for (let r = 0; r < rank; r++) {
    const row = rows[r]!;
    const nonZero = row.map((v, j) => (Math.abs(v) > EPS ? j : -1)).filter((j) => j >= 0);
    if (nonZero.length === 1) out.push(unknowns[nonZero[0]!]!);
  }
  return out;
}

function defaultSame<K>(a: K, b: K): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * A share of a count in a published base, with the count: null when the count is suppressed
 * (a percentage times its base gives the count back) or when there is no base.
 */
export function protectedShare(part: number, whole: number, hidden: boolean): number | null {
  if (hidden || whole <= 0) return null;
  return part / whole;
}
