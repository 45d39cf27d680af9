import { describe, expect, it } from 'vitest';
import { determinedCells, isSmallCount, protectLine, protectTable, protectedShare, SMALL_CELL } from '../../main/domain/disclosure';
import { createRandom } from '../../main/domain/random';

type Cell = [number, number];

/**
 * An attacker independent of the module's algebra: every assignment of non-negative integers to
 * the hidden cells that agrees with the published totals (brute force, small tables only). A
 * hidden cell is recovered when every such assignment gives it the same value.
 */
function recoveredByEnumeration(cells: number[][], hidden: boolean[][], rowTotals: boolean[], columnTotals: boolean[]): Cell[] {
  const unknowns: Cell[] = [];
  hidden.forEach((row, r) => row.forEach((h, c) => h && unknowns.push([r, c])));
  const width = Math.max(...cells.map((row) => row.length));
  const rowSum = cells.map((row) => row.reduce((s, v) => s + v, 0));
  const colSum = Array.from({ length: width }, (_, c) => cells.reduce((s, row) => s + (row[c] ?? 0), 0));
  // A hidden cell is at most its published line's remainder (or the grand total).
  const grand = rowSum.reduce((s, v) => s + v, 0);
  const bound = ([r, c]: Cell) => Math.min(rowTotals[r] ? rowSum[r]! : grand, columnTotals[c] ? colSum[c]! : grand);
  const seen = unknowns.map(() => new Set<number>());
  // Lines as lists of unknown indices with the sum they must reach (total minus published cells).
  const lines: { members: number[]; rest: number }[] = [];
  for (let r = 0; r < cells.length; r++) {
    if (!rowTotals[r]) continue;
    const members = unknowns.flatMap(([ur], k) => (ur === r ? [k] : []));
    lines.push({ members, rest: rowSum[r]! - cells[r]!.reduce((s, v, c) => s + (hidden[r]![c] ? 0 : v), 0) });
  }
  for (let c = 0; c < width; c++) {
    if (!columnTotals[c]) continue;
    const members = unknowns.flatMap(([, uc], k) => (uc === c ? [k] : []));
    lines.push({ members, rest: colSum[c]! - cells.reduce((s, row, r) => s + (hidden[r]![c] ? 0 : (row[c] ?? 0)), 0) });
  }
  const x: number[] = [];
  // Depth-first over the unknowns in order; the last unknown of a line is forced, a line over
  // its sum is pruned.
  const walk = (i: number) => {
    for (const l of lines) {
      const assigned = l.members.filter((k) => k < i);
      const s = assigned.reduce((acc, k) => acc + x[k]!, 0);
      if (s > l.rest || (assigned.length === l.members.length && s !== l.rest)) return;
    }
    if (i === unknowns.length) {
      x.forEach((v, k) => seen[k]!.add(v));
      return;
    }
    const forcing = lines.find((l) => l.members.includes(i) && l.members.every((k) => k <= i));
    if (forcing) {
      x[i] = forcing.rest - forcing.members.filter((k) => k < i).reduce((acc, k) => acc + x[k]!, 0);
      if (x[i]! >= 0) walk(i + 1);
      return;
    }
    for (let v = 0; v <= bound(unknowns[i]!); v++) {
      x[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return unknowns.filter((_, k) => seen[k]!.size <= 1);
}

/** A random small table: mostly large counts, some of 1–4, some zeros. */
function randomTable(seed: number): number[][] {
  const rnd = createRandom(`disclosure-${seed}`);
  const rows = rnd.int(1, 3);
  const cols = rnd.int(2, 4);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      const k = rnd.next();
      return k < 0.35 ? rnd.int(1, 4) : k < 0.45 ? 0 : rnd.int(5, 9);
    }),
  );
}

describe('the disclosure policy (main/domain/disclosure)', () => {
  it('counts 1 to 4 people as small; 0 and 5 are published', () => {
    expect(SMALL_CELL).toBe(5);
    expect([0, 1, 4, 5, 50].map(isSmallCount)).toEqual([false, true, true, false, false]);
    expect(isSmallCount(null)).toBe(false);
  });

  it('hides the smallest other cell with a lone small one, so the total does not give it back', () => {
    // Gender in a panel of 53: 26 men, 25 women, 2 "other": the total minus 51 would give 2.
    expect(protectLine({ values: [26, 25, 2] })).toEqual({ hidden: [false, true, true], totalWithheld: false });
    // Two small cells already protect each other.
    expect(protectLine({ values: [49, 3, 1] })).toEqual({ hidden: [false, true, true], totalWithheld: false });
    // Nothing small: nothing hidden.
    expect(protectLine({ values: [30, 23, 0] })).toEqual({ hidden: [false, false, false], totalWithheld: false });
  });

  it('never uses a zero as the complement: the total is withheld when nothing else is left', () => {
    // Attended 3, excused 0, absent 0: hiding a zero beside it would still leave 3 = total - 0 - 0 at a bound.
    expect(protectLine({ values: [3, 0, 0] })).toEqual({ hidden: [true, false, false], totalWithheld: true });
    expect(protectLine({ values: [2] })).toEqual({ hidden: [true], totalWithheld: true });
  });

  it('needs no complement when the total is not published', () => {
    expect(protectLine({ values: [26, 25, 2], totalPublished: false })).toEqual({ hidden: [false, false, true], totalWithheld: false });
  });

  it('takes primary cells from the caller: a childcare amount paid to 2 people, beside per diem and travel', () => {
    // Per diem €5,300, travel €640, childcare €120 (2 people): the total would give €120 back.
    const line = protectLine({ values: [530_000, 64_000, 12_000], primary: [false, false, true] });
    expect(line).toEqual({ hidden: [false, true, true], totalWithheld: false });
  });

  it('is deterministic: ties go to the lowest index', () => {
    expect(protectLine({ values: [10, 2, 10, 10] }).hidden).toEqual([true, true, false, false]);
    expect(protectLine({ values: [10, 2, 10, 10] })).toEqual(protectLine({ values: [10, 2, 10, 10] }));
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => protectLine({ values: [3, -1] })).toThrow(/at least 0/);
    expect(() => protectLine({ values: [Number.NaN] })).toThrow(/finite/);
  });

  it('in two dimensions, prefers a complement whose column already holds a hidden cell', () => {
    // Sessions x (attended, excused, absent) with both margins published.
    const cells = [
      [48, 3, 2],
      [50, 1, 2],
      [51, 2, 0],
    ];
    const d = protectTable({ cells, rowTotals: true, columnTotals: true });
    expect(recoveredByEnumeration(cells, d.hidden, [true, true, true], [true, true, true])).toEqual([]);
  });

  it('finds cells the equations determine even when every line has two hidden cells', () => {
    // a+b, c+d, a+c known and b, d hidden in a column with a published total: b+d known too;
    // with a + b = R1, c + d = R2, a + c = C1, the four are one equation short: none determined.
    expect(determinedCells(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd'], ['a', 'c'], ['b', 'd']])).toEqual([]);
    // Add "a + d" and a is (R1 + ... ) determined: every one is.
    expect(determinedCells(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd'], ['a', 'c'], ['a', 'd']]).sort()).toEqual(['a', 'b', 'c', 'd']);
    // A lone unknown in an equation is determined.
    expect(determinedCells(['x', 'y'], [['x'], ['x', 'y'], ['y']])).toEqual(['x', 'y']);
  });

  it('a share of a hidden count is hidden (the share times the base gives the count)', () => {
    expect(protectedShare(2, 53, true)).toBeNull();
    expect(protectedShare(26, 52, false)).toBe(0.5);
    expect(protectedShare(0, 0, false)).toBeNull();
  });

  it('over 400 random tables: no hidden cell recoverable by row and column arithmetic, every small cell hidden', () => {
    let withSmall = 0;
    for (let seed = 0; seed < 400; seed++) {
      const cells = randomTable(seed);
      const rowTotals = seed % 3 !== 2;
      const columnTotals = seed % 3 !== 1;
      const d = protectTable({ cells, rowTotals, columnTotals });
      cells.forEach((row, r) => row.forEach((v, c) => expect(d.hidden[r]![c] || !isSmallCount(v), `seed ${seed}: small cell ${r},${c} shown`).toBe(true)));
      if (cells.flat().some(isSmallCount)) withSmall++;
      const rows = cells.map((_, r) => rowTotals && !d.rowTotalWithheld[r]);
      const columns = cells[0]!.map((_, c) => columnTotals && !d.columnTotalWithheld[c]);
      expect(recoveredByEnumeration(cells, d.hidden, rows, columns), `seed ${seed}: ${JSON.stringify(cells)} hidden ${JSON.stringify(d.hidden)}`).toEqual([]);
      // Nothing hidden without a reason: no small cell, nothing hidden.
      if (!cells.flat().some(isSmallCount)) expect(d.hidden.flat().some(Boolean)).toBe(false);
    }
    expect(withSmall).toBeGreaterThan(300);
  });

  it('a zero-free table with both margins keeps its totals (a complement is always at hand)', () => {
    for (let seed = 0; seed < 100; seed++) {
      const rnd = createRandom(`zero-free-${seed}`);
      const cells = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => (rnd.chance(0.3) ? rnd.int(1, 4) : rnd.int(5, 20))));
      const d = protectTable({ cells, rowTotals: true, columnTotals: true });
      expect([...d.rowTotalWithheld, ...d.columnTotalWithheld].some(Boolean), JSON.stringify(cells)).toBe(false);
    }
  });
});
