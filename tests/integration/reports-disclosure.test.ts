/**
 * The disclosure policy against an attacker: for every aggregate report table (the workbook's
 * sheets, which are also the CSV tables) of the venue demo and of generated assemblies with small
 * groups, try to recover every suppressed cell from what the same report publishes, and fail if
 * one can be:
 *  - totals minus the other cells (a feature's values add up to the pool / panel / present
 *    totals; statuses to everyone selected; a session's marks to the members expected; per diem
 *    + travel + childcare to the total; two tables to the people seated; histogram bins to the
 *    candidates);
 *  - a percentage times its base (a share column, the attendance rate, the funnel's shares);
 *  - a quota of n..n beside a hidden panel count;
 *  - a money amount divided by its published daily rate (childcare, travel paid to 1–4 people).
 *  - the public report's seven tables (publicTables.ts): declines and withdrawals by reason and
 *    by group against their totals and the representativeness panel, the drop-out rate, the
 *    per-diem line of the costs against the per-diem table, the costs against the total cost;
 * The attacker solves these equations by substitution until nothing changes (each hidden cell is
 * in at most one sum, so substitution finds all that linear algebra would). A text-level check
 * reads the representativeness PDF back; the workbook and CSV are checked for empty cells with
 * the legend; votes are published in full.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAssemblyDb } from '../../db/connection';
import { isSmallCount } from '../../main/domain/disclosure';
import { createRandom } from '../../main/domain/random';
import type { SelectionRun } from '../../main/domain/selection/runTypes';
import type { TablePlan } from '../../main/domain/tables/types';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { gatherReportData, type ReportData } from '../../main/reports/data';
import { disclosureOf } from '../../main/reports/disclosure';
import { forLevel } from '../../main/reports/privacy';
import { emptyPublicFacts } from '../../main/reports/publicFacts';
import { reportTable, type ReportTableDef } from '../../main/reports/reportTables';
import { representativenessPdf } from '../../main/reports/representativenessPdf';
import { attendancePdf } from '../../main/reports/attendancePdf';
import { recommendationsPdf } from '../../main/reports/recommendationsPdf';
import { selectionAuditPdf } from '../../main/reports/selectionAuditPdf';
import { reportCsv, reportWorkbook } from '../../main/reports/workbook';
import { REPORT_TABLES } from '../../preload/vocabulary';
import { pdfText } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const GENERATED_AT = new Date('2027-03-01T12:00:00Z');
const tempDir = useTempDir('assembly-desk-disclosure-');
let demo: ReportData;

beforeAll(async () => {
  const path = join(tempDir(), 'demo.assembly');
  await writeDemoAssembly(path, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  const opened = await openAssemblyDb(path);
  try {
    demo = gatherReportData(opened.db, GENERATED_AT);
  } finally {
    opened.db.close();
  }
}, 120_000);

// ---------------------------------------------------------------------------------------------
// Generated assemblies with small groups.

/** `n` counts adding up to `total`, `small` of them 1–4 (one of them exactly 1), the rest larger. */
function partition(rnd: ReturnType<typeof createRandom>, n: number, total: number, small: number): number[] {
  const out = Array.from({ length: n }, (_, i) => (i < small ? (i === 0 ? 1 : rnd.int(1, 4)) : 0));
  let rest = total - out.reduce((s, v) => s + v, 0);
  const big = n - small;
  for (let i = small; i < n; i++) {
    const share = i === n - 1 ? rest : Math.max(5, Math.floor(rest / (n - i)) + rnd.int(-2, 2));
    out[i] = Math.max(0, Math.min(rest, share));
    rest -= out[i]!;
  }
  if (big === 0) out[n - 1]! += rest;
  return rnd.shuffle(out);
}

function plan(id: string, sessionId: string, sizes: number[]): TablePlan {
  return {
    id,
    sessionId,
    round: 1,
    tables: sizes.map((_, k) => ({ number: k + 1, group: '', facilitatorId: null, members: [] })),
    moved: [],
    settings: { tableSize: 7, modes: {}, pins: [], apart: [], source: 'confirmed' },
  } as unknown as TablePlan;
}

function run(id: string, bins: number[], count: number): SelectionRun & { histogram: { from: number; to: number; count: number }[] } {
  return {
    id,
    at: '2026-11-20T14:05:00.000Z',
    operator: 'Secretariat',
    kind: 'panel',
    algorithm: 'leximin',
    algorithmVersion: '1.2.0',
    panelSize: 60,
    onePerHousehold: true,
    inputHash: 'a'.repeat(64),
    quotas: [],
    summary: { count, min: 0.031, mean: 0.04, max: 0.052, gini: 0.0412 },
    certificate: null,
    complete: true,
    lottery: null,
    status: 'drawn',
    seedMode: 'public',
    seed: null,
    publicNumbers: [3, 1, 4],
    ticket: 314,
    panel: [],
    reserve: [],
    drawnAt: '2026-11-21T10:00:00.000Z',
    drawnBy: 'Secretariat',
    supersededBy: null,
    supersededReason: null,
    supersededAt: null,
    histogram: bins.map((c, i) => ({ from: i / 10, to: (i + 1) / 10, count: c })),
  } as unknown as SelectionRun & { histogram: { from: number; to: number; count: number }[] };
}

/** The demo with small groups everywhere a report counts people, from a seed. */
function smallGroups(base: ReportData, seed: number): ReportData {
  const rnd = createRandom(`small-groups-${seed}`);
  const byFeature = new Map<string, number[]>();
  base.representativeness.forEach((r, i) => byFeature.set(r.feature, [...(byFeature.get(r.feature) ?? []), i]));
  const representativeness = base.representativeness.map((r) => ({ ...r }));
  for (const rows of byFeature.values()) {
    const small = rnd.int(0, Math.min(3, rows.length));
    const pool = partition(rnd, rows.length, base.totals.pool, small);
    const panel = partition(rnd, rows.length, base.totals.panel, small);
    const present = partition(rnd, rows.length, base.totals.presentLast, small);
    rows.forEach((i, k) => {
      const row = representativeness[i]!;
      row.pool = pool[k]!;
      row.panel = panel[k]!;
      row.present = present[k]!;
      // Now and then a quota n..n (the panel count by design).
      if (rnd.chance(0.3)) row.quotaMin = row.quotaMax = row.panel;
    });
  }
  const attendance = Object.fromEntries(
    base.heldSessionIds.map((id) => {
      const excused = rnd.int(0, 4);
      const absent = rnd.pick([0, 1, 2, 6]);
      return [id, { attended: base.totals.panel - excused - absent, excused, absent }];
    }),
  );
  const status = Object.fromEntries(Object.entries(base.counts.status).map(([k, v]) => [k, v > 10 ? v : rnd.int(0, 4)]));
  const childcarePeople = rnd.int(1, 3);
  const travelPeople = rnd.pick([2, 12]);
  const rules = base.perDiem.rules;
  const perDiem = {
    ...base.counts.perDiem,
    childcarePeople,
    // Childcare per day is published: €20 a day x days.
    childcareCents: childcarePeople * rnd.int(1, 3) * rules.childcareCents,
    travelPeople,
    travelCents: travelPeople * rnd.int(1, 3) * rules.travelCents,
  };
  perDiem.totalCents = perDiem.perDiemCents + perDiem.travelCents + perDiem.childcareCents;
  const s = base.heldSessionIds[0] ?? base.sessions[0]!.id;
  const tables = [plan('p-one', s, [3]), plan('p-two', s, [rnd.int(1, 4), rnd.int(5, 9)]), plan('p-many', s, [rnd.int(2, 4), 7, 8, 7])];
  const tableSizes = Object.fromEntries(tables.map((p) => [p.id, p.tables.map(() => 0)]));
  tableSizes['p-one'] = [3];
  tableSizes['p-two'] = [tables[1]!.tables.length === 2 ? rnd.int(1, 4) : 0, rnd.int(5, 9)];
  tableSizes['p-many'] = [rnd.int(2, 4), 7, 8, 7];
  const bins = [0, 0, rnd.int(1, 4), 0, 30, 200, 600, 500, rnd.int(1, 4), rnd.int(0, 3)];
  const selection = [run('r-1', bins, bins.reduce((x, y) => x + y, 0))];
  // Declines and withdrawals: a few per reason and per group, some 1–4; per feature value,
  // ever selected = on the panel + declined + withdrawn (nobody else is still being contacted).
  const declined = rnd.int(5, 14);
  const withdrawn = rnd.pick([2, 3, 7, 9]);
  const reasons = ['time', 'work', 'health', 'family', 'other'] as const;
  const declinedBy = partition(rnd, reasons.length, declined, rnd.int(1, 3));
  const withdrawnBy = partition(rnd, reasons.length, withdrawn, rnd.int(0, 2));
  const byGroup = representativeness.map((r) => ({ feature: r.feature, value: r.value, selected: 0, declined: 0, withdrawn: 0, panel: r.panel }));
  for (const rows of byFeature.values()) {
    const d = partition(rnd, rows.length, declined, Math.min(rows.length, rnd.int(1, 2)));
    const w = partition(rnd, rows.length, withdrawn, Math.min(rows.length, rnd.int(0, 2)));
    rows.forEach((i, k) => {
      const g = byGroup[i]!;
      g.declined = d[k]!;
      g.withdrawn = w[k]!;
      g.selected = g.panel + g.declined + g.withdrawn;
    });
  }
  const facts = base.publicFacts ?? emptyPublicFacts();
  const publicFacts = {
    ...facts,
    drops: [],
    dropCounts: {
      declined,
      withdrawn,
      replaced: rnd.int(1, Math.min(4, declined + withdrawn)),
      byReason: reasons.map((reason, k) => ({ reason, declined: declinedBy[k]!, withdrawn: withdrawnBy[k]! })).filter((r) => r.declined + r.withdrawn > 0),
      byGroup,
    },
  };
  const statusNow = { ...status, selected: 0, contacted: 0, reserve: 0, declined, withdrawn, confirmed: base.totals.panel };
  return {
    ...base,
    representativeness,
    tables,
    selection,
    perDiem: { ...base.perDiem, totalCents: perDiem.totalCents },
    funnel: { ...base.funnel, selected: byGroup.filter((g) => g.feature === byGroup[0]!.feature).reduce((n, g) => n + g.selected, 0) },
    counts: { ...base.counts, status: statusNow, attendance, perDiem, tableSizes },
    publicFacts,
  };
}

// ---------------------------------------------------------------------------------------------
// The attacker.

type Key = string;
interface Equation {
  /** Unknown -> coefficient. */
  terms: Map<Key, number>;
  /** The sum of the terms (the published part already moved to this side). */
  value: number;
}

/** A published number or an unknown. */
type Term = { known: number } | { unknown: Key };

const cellTerm = (def: ReportTableDef, table: string, r: number, c: number): Term => {
  const v = def.rows[r]?.[c];
  return typeof v === 'number' ? { known: v } : { unknown: `${table}:${r}:${c}` };
};

/** sum(terms x coefficients) = value, with the known terms moved over. */
function equation(parts: [Term, number][], value: number): Equation {
  const terms = new Map<Key, number>();
  let v = value;
  for (const [t, k] of parts) {
    if ('known' in t) v -= t.known * k;
    else terms.set(t.unknown, (terms.get(t.unknown) ?? 0) + k);
  }
  return { terms, value: v };
}

/** Substitution until nothing changes: the unknowns an equation leaves alone. */
function solve(equations: Equation[]): Map<Key, number> {
  const known = new Map<Key, number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of equations) {
      let value = e.value;
      const open: [Key, number][] = [];
      for (const [k, c] of e.terms) {
        if (c === 0) continue;
        if (known.has(k)) value -= known.get(k)! * c;
        else open.push([k, c]);
      }
      if (open.length === 1) {
        known.set(open[0]![0], value / open[0]![1]);
        changed = true;
      }
    }
  }
  return known;
}

/** The aggregate tables a reader gets, and what they can work out. */
function attack(full: ReportData): { recovered: string[]; hidden: string[]; tables: Record<string, ReportTableDef> } {
  const data = forLevel(full, 'aggregate');
  const o = { level: 'aggregate' as const, lang: 'en' as const };
  const tables = Object.fromEntries(REPORT_TABLES.map((t) => [t, reportTable(data, t, o)])) as Record<string, ReportTableDef>;
  const eqs: Equation[] = [];
  const hidden: string[] = [];
  for (const [name, def] of Object.entries(tables)) for (const [r, c] of def.suppressed ?? []) hidden.push(`${name}:${r}:${c}`);
  const pct = (def: ReportTableDef, r: number, c: number): number | null => {
    const v = def.rows[r]?.[c];
    return typeof v === 'number' ? v : null;
  };

  // Representativeness: per feature and count column, the values add up to the published total;
  // a published share times the total gives the count; a quota n..n gives the panel count.
  const rep = tables.representativeness!;
  const totals = [full.totals.pool, full.totals.panel, full.totals.presentLast];
  const features = new Map<string, number[]>();
  full.representativeness.forEach((row, i) => features.set(row.feature, [...(features.get(row.feature) ?? []), i]));
  [3, 5, 7].forEach((col, k) => {
    if (full.lastHeldSessionId === null && col === 7) return;
    for (const rows of features.values()) eqs.push(equation(rows.map((r) => [cellTerm(rep, 'representativeness', r, col), 1]), totals[k]!));
    full.representativeness.forEach((_, r) => {
      const s = pct(rep, r, col + 1);
      if (s !== null) eqs.push(equation([[cellTerm(rep, 'representativeness', r, col), 1]], s * totals[k]!));
    });
  });
  full.representativeness.forEach((_, r) => {
    const min = pct(rep, r, 9);
    const max = pct(rep, r, 10);
    if (min !== null && min === max) eqs.push(equation([[cellTerm(rep, 'representativeness', r, 5), 1]], min));
  });

  // Statuses: add up to everyone selected; shares of that.
  const part = tables.participants!;
  const whole = Object.values(full.counts.status).reduce((s, v) => s + v, 0);
  eqs.push(equation(part.rows.map((_, r) => [cellTerm(part, 'participants', r, 1), 1]), whole));
  part.rows.forEach((_, r) => {
    const s = pct(part, r, 2);
    if (s !== null) eqs.push(equation([[cellTerm(part, 'participants', r, 1), 1]], s * whole));
  });

  // Attendance: attended + excused + absent = expected; the rate times expected = attended.
  const att = tables.attendance!;
  full.heldSessionIds.forEach((id, r) => {
    const n = full.counts.attendance[id];
    if (!n) return;
    const expected = n.attended + n.excused + n.absent;
    eqs.push(equation([2, 3, 4].map((c) => [cellTerm(att, 'attendance', r, c), 1]), expected));
    const s = pct(att, r, 5);
    if (s !== null) eqs.push(equation([[cellTerm(att, 'attendance', r, 2), 1]], s * expected));
  });

  // Per diem: per diem + travel + childcare = total.
  const pd = tables.perDiem!;
  // (people paid, full days, half days, per diem, travel, childcare, total)
  eqs.push(equation([[cellTerm(pd, 'perDiem', 0, 3), 1], [cellTerm(pd, 'perDiem', 0, 4), 1], [cellTerm(pd, 'perDiem', 0, 5), 1], [cellTerm(pd, 'perDiem', 0, 6), -1]], 0));

  // Table plans: one table: seated = smallest = largest; two: smallest + largest = seated.
  const tb = tables.tables!;
  tb.rows.forEach((row, r) => {
    const n = row[3];
    const cell = (c: number) => cellTerm(tb, 'tables', r, c);
    if (n === 1) {
      eqs.push(equation([[cell(4), 1], [cell(5), -1]], 0), equation([[cell(5), 1], [cell(6), -1]], 0));
    } else if (n === 2) eqs.push(equation([[cell(5), 1], [cell(6), 1], [cell(4), -1]], 0));
  });

  // Funnel: a share of the previous step, and of the responded, times its base.
  const fn = tables.funnel!;
  fn.rows.forEach((_, r) => {
    const ofPrevious = pct(fn, r, 2);
    if (ofPrevious !== null && r > 0) eqs.push(equation([[cellTerm(fn, 'funnel', r, 1), 1], [cellTerm(fn, 'funnel', r - 1, 1), -ofPrevious]], 0));
    const ofResponded = pct(fn, r, 3);
    if (ofResponded !== null && r > 0) eqs.push(equation([[cellTerm(fn, 'funnel', r, 1), 1], [cellTerm(fn, 'funnel', 1, 1), -ofResponded]], 0));
  });

  eqs.push(...publicEquations(full, tables));

  const known = solve(eqs);
  const recovered = hidden.filter((k) => known.has(k));
  return { recovered, hidden, tables };
}

/** An amount the public report prints as text ("€1,234.50"), in cents. */
const centsOf = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /\d/.test(v) ? Math.round(Number(v.replace(/[^\d.]/g, '')) * 100) : null);

/**
 * What the public report's seven tables (publicTables.ts) let a reader write down, with each
 * other and with the other tables: declines, withdrawals and replacements (process); per reason,
 * the declined and withdrawn add up to those totals and the share times their sum is the row's
 * sum (dropReasons); per feature, the values' declined, withdrawn and on-panel add up to the
 * totals, on the panel + declined + withdrawn = ever selected when the statuses table says
 * nobody else was selected, the drop-out rate times the selected is the row's drop-out, and the
 * on-panel count is the representativeness table's panel count (dropOut); the per-diem line of
 * the costs is the per-diem table's total, and the costs add up to the total cost in the process
 * table (costs). Politicians, materials and turnout hold no count about people (votes are
 * published in full): nothing is suppressed there.
 */
function publicEquations(full: ReportData, tables: Record<string, ReportTableDef>): Equation[] {
  const eqs: Equation[] = [];
  const process = tables.process!;
  // Rows 5, 6, 7: declined, withdrawn, replaced; column 1 holds the value.
  const declined = cellTerm(process, 'process', 5, 1);
  const withdrawn = cellTerm(process, 'process', 6, 1);

  const reasons = tables.dropReasons!;
  const reasonRows = reasons.rows.map((_, r) => r).filter((r) => reasons.rows[r]!.length >= 3);
  if (reasonRows.length > 0) {
    eqs.push(equation([...reasonRows.map((r): [Term, number] => [cellTerm(reasons, 'dropReasons', r, 1), 1]), [declined, -1]], 0));
    eqs.push(equation([...reasonRows.map((r): [Term, number] => [cellTerm(reasons, 'dropReasons', r, 2), 1]), [withdrawn, -1]], 0));
    const base = full.publicFacts ? full.publicFacts.dropCounts.declined + full.publicFacts.dropCounts.withdrawn : 0;
    const baseKnown = 'known' in declined && 'known' in withdrawn;
    for (const r of reasonRows) {
      const share = reasons.rows[r]![3];
      if (typeof share === 'number' && baseKnown) eqs.push(equation([[cellTerm(reasons, 'dropReasons', r, 1), 1], [cellTerm(reasons, 'dropReasons', r, 2), 1]], share * base));
    }
  }

  // dropOut at the aggregate level: feature, value, declined, withdrawn, drop-out rate.
  const out = tables.dropOut!;
  const rep = tables.representativeness!;
  const nobodyElse = ['selected', 'contacted', 'reserve'].every((k) => (full.counts.status[k] ?? 0) === 0);
  const byFeature = new Map<string, number[]>();
  out.rows.forEach((row, r) => byFeature.set(String(row[0]), [...(byFeature.get(String(row[0])) ?? []), r]));
  for (const rows of byFeature.values()) {
    eqs.push(equation([...rows.map((r): [Term, number] => [cellTerm(out, 'dropOut', r, 2), 1]), [declined, -1]], 0));
    eqs.push(equation([...rows.map((r): [Term, number] => [cellTerm(out, 'dropOut', r, 3), 1]), [withdrawn, -1]], 0));
  }
  out.rows.forEach((row, r) => {
    const cell = (c: number) => cellTerm(out, 'dropOut', r, c);
    // Ever selected = panel + dropped out (nobody else selected): rate = x / (panel + x), with the
    // panel published in the representativeness table (same row order), gives x = declined + withdrawn.
    const rate = row[4];
    const i = full.representativeness.findIndex((g) => g.feature === row[0] && g.value === row[1]);
    const panel = i < 0 ? undefined : rep.rows[i]?.[5];
    if (nobodyElse && typeof rate === 'number' && rate < 1 && typeof panel === 'number') eqs.push(equation([[cell(2), 1], [cell(3), 1]], (rate * panel) / (1 - rate)));
  });

  // Costs: the per-diem line is the per-diem table's total; the lines add up to the total cost.
  const costs = tables.costs!;
  const costCell = (r: number): Term => {
    const c = centsOf(costs.rows[r]?.[2]);
    return c === null ? { unknown: `costs:${r}:2` } : { known: c };
  };
  eqs.push(equation([[cellTerm(tables.perDiem!, 'perDiem', 0, 6), 1], [costCell(0), -1]], 0));
  const totalCost = centsOf(process.rows[8]?.[1]);
  const totalTerm: Term = totalCost === null ? { unknown: 'process:8:1' } : { known: totalCost };
  eqs.push(equation([...costs.rows.slice(0, -1).map((_, r): [Term, number] => [costCell(r), 1]), [totalTerm, -1]], 0));
  eqs.push(equation([[costCell(costs.rows.length - 1), 1], [totalTerm, -1]], 0));
  return eqs;
}

/** Money paid to 1–4 people that a reader can still work out (the daily rate gives the days back). */
function moneyLeaks(full: ReportData, def: ReportTableDef): string[] {
  const p = full.counts.perDiem;
  const row = def.rows[0]!;
  const total = row[6];
  const published = (c: number) => typeof row[c] === 'number';
  const amounts = [3, 4, 5];
  const knowable = (c: number) => published(c) || (typeof total === 'number' && amounts.filter((x) => x !== c).every(published));
  const out: string[] = [];
  // Travel is at most its daily rate times the days published: with the total, a bound on childcare.
  const days = (row[1] as number) + (row[2] as number);
  if (isSmallCount(p.childcarePeople) && typeof total === 'number' && published(3) && !published(4) && days * full.perDiem.rules.travelCents >= p.travelCents) out.push('childcare bounded by travel');
  if (isSmallCount(p.travelPeople) && knowable(4)) out.push('travel');
  if (isSmallCount(p.childcarePeople) && knowable(5)) out.push('childcare');
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('the disclosure policy against a reader who does the arithmetic', () => {
  it('recovers no suppressed cell of the venue demo', () => {
    const { recovered } = attack(demo);
    expect(recovered).toEqual([]);
  });

  it('recovers no suppressed cell of 40 generated assemblies with small groups (a single person, 1–4 in several rows, money per day)', () => {
    let hiddenTotal = 0;
    const publicHidden = new Map<string, number>();
    for (let seed = 0; seed < 40; seed++) {
      const data = smallGroups(demo, seed);
      const { recovered, hidden, tables } = attack(data);
      expect(recovered, `seed ${seed}`).toEqual([]);
      for (const k of hidden) publicHidden.set(k.split(':')[0]!, (publicHidden.get(k.split(':')[0]!) ?? 0) + 1);
      // The public report's tables without counts of people hide nothing: votes in full.
      for (const name of ['politicians', 'materials', 'turnout']) expect(tables[name]!.suppressed ?? [], name).toEqual([]);
      expect(moneyLeaks(data, tables.perDiem!), `seed ${seed}: ${JSON.stringify(tables.perDiem!.rows[0])} ${JSON.stringify(data.counts.perDiem)}`).toEqual([]);
      hiddenTotal += hidden.length;
      // Every small count about people is among the hidden.
      const rep = tables.representativeness!;
      data.representativeness.forEach((r, i) => {
        if (isSmallCount(r.panel)) expect(rep.rows[i]![5], `seed ${seed} ${r.feature}=${r.value}`).toBeNull();
        if (isSmallCount(r.pool)) expect(rep.rows[i]![3]).toBeNull();
      });
      // The histogram's bins (in the audit PDF): none recoverable from the candidates.
      const bins = data.selection[0]!.histogram!;
      const h = disclosureOf(forLevel(data, 'aggregate'), 'aggregate').histogram['r-1']!;
      const shownSum = bins.reduce((s, b, i) => s + (h.bins[i] ? 0 : b.count), 0);
      const lone = h.bins.filter(Boolean).length === 1;
      expect(lone && !h.candidates, `seed ${seed}: one hidden bin = ${data.selection[0]!.summary.count} - ${shownSum}`).toBe(false);
      bins.forEach((b, i) => expect(h.bins[i] || !isSmallCount(b.count)).toBe(true));
    }
    expect(hiddenTotal).toBeGreaterThan(200);
    // The public report's tables were attacked with hidden cells in them.
    for (const name of ['process', 'dropReasons', 'dropOut', 'costs']) expect(publicHidden.get(name) ?? 0, name).toBeGreaterThan(5);
  });

  it('is an attacker that would have caught the old rule (small cells only, no complement)', () => {
    const data = smallGroups(demo, 1);
    const { tables } = attack(data);
    // The representativeness table as the old rule made it: only the small cells empty.
    const rep = tables.representativeness!;
    const rows = data.representativeness.map((r, i) => rep.rows[i]!.map((v, c) => (c === 3 || c === 5 || c === 7 ? (isSmallCount([r.pool, r.panel, r.present][(c - 3) / 2]!) ? null : [r.pool, r.panel, r.present][(c - 3) / 2]!) : v)));
    const old: ReportTableDef = { ...rep, rows: rows.map((row) => row.map((v, c) => (c === 4 || c === 6 || c === 8 ? v : v))) };
    const eqs: Equation[] = [];
    const features = new Map<string, number[]>();
    data.representativeness.forEach((row, i) => features.set(row.feature, [...(features.get(row.feature) ?? []), i]));
    for (const ids of features.values()) eqs.push(equation(ids.map((r) => [cellTerm(old, 'representativeness', r, 5), 1]), data.totals.panel));
    const known = solve(eqs);
    const lone = [...features.values()].some((ids) => ids.filter((i) => isSmallCount(data.representativeness[i]!.panel)).length === 1);
    expect(lone).toBe(true);
    expect(known.size).toBeGreaterThan(0);
    for (const [k, v] of known) expect(v).toBe(data.representativeness[Number(k.split(':')[1])]!.panel);
  });

  it('leaves suppressed cells empty in the workbook (numeric columns stay numeric) with a note and a legend, and in the CSV', async () => {
    const data = smallGroups(demo, 2);
    const agg = forLevel(data, 'aggregate');
    const def = reportTable(agg, 'representativeness', { level: 'aggregate', lang: 'nl' });
    expect(def.suppressed!.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(agg, { level: 'aggregate', lang: 'nl' })) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet(def.name)!;
    for (const [r, c] of def.suppressed!) {
      const cell = ws.getCell(r + 2, c + 1);
      expect(cell.value ?? null).toBeNull();
    }
    // Every numeric column holds numbers or nothing: no "<5" text anywhere.
    for (let r = 2; r <= def.rows.length + 1; r++) {
      for (const c of [3, 4, 5, 6, 7, 8, 9, 10]) {
        const v = ws.getCell(r, c + 1).value;
        expect(v === null || v === undefined || typeof v === 'number', `${r},${c}: ${String(v)}`).toBe(true);
      }
    }
    expect(String(ws.getCell(def.rows.length + 3, 1).value)).toContain('niet gepubliceerd');
    const csv = reportCsv(agg, 'representativeness', { level: 'aggregate', lang: 'nl', dialect: 'plain' });
    expect(csv).not.toContain('<5');
    expect(csv.trimEnd().split('\r\n').at(-1)).toContain('niet gepubliceerd');
    const [r0, c0] = def.suppressed![0]!;
    const line = csv.split('\r\n')[r0 + 1]!;
    expect(line.split(',')[c0]).toBe('');
  });

  it('prints [c] in the representativeness PDF and leaves no feature with a single [c] in a column (read back as text)', async () => {
    const data = smallGroups(demo, 3);
    const agg = forLevel(data, 'aggregate');
    const text = pdfText(await representativenessPdf(agg, { level: 'aggregate', lang: 'en', generatedAt: GENERATED_AT }), { layout: true });
    expect(text).not.toContain('<5');
    expect(text).toContain('[c]');
    expect(text).toMatch(/Votes and other results of the assembly are published in full/);
    const features = new Map<string, string[]>();
    for (const r of data.representativeness) features.set(r.feature, [...(features.get(r.feature) ?? []), r.value]);
    const lines = text.split('\n');
    let checked = 0;
    for (const [feature, values] of features) {
      // The feature's table: the lines after its heading, one per value.
      const start = lines.findIndex((l) => l.trim() === feature);
      if (start < 0) continue;
      const columns: string[][] = [[], [], []];
      for (const value of values) {
        const l = lines.slice(start + 1).find((x) => x.trimStart().startsWith(`${value} `));
        if (!l) continue;
        // pool, panel, present: "[c]" or "26  (49.1%)".
        const cells = [...l.slice(value.length + 2).matchAll(/\[c\]|\d[\d,]*\s+\([\d.]+%\)/g)].map((m) => m[0]);
        cells.slice(0, 3).forEach((c, k) => columns[k]!.push(c));
      }
      for (const col of columns) {
        if (col.length !== values.length) continue;
        checked++;
        expect(col.filter((c) => c === '[c]').length, `${feature}: ${col.join(' | ')}`).not.toBe(1);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('prints the attendance marks and the per-diem amounts with [c] where a reader could work a small count out', async () => {
    const data = smallGroups(demo, 4);
    const agg = forLevel(data, 'aggregate');
    const text = pdfText(await attendancePdf(agg, { level: 'aggregate', lang: 'en', generatedAt: GENERATED_AT }), { layout: true });
    expect(text).not.toContain('<5');
    // Childcare paid to 1–3 people: not printed (€20 a day would give the days back), and neither the total.
    expect(text).toMatch(/Childcare\s+\[c\]/);
    expect(text).toMatch(/Total\s+\[c\]/);
    expect(text).toMatch(/Per-diem\s+€/);
  });
});

describe('quotas that would pin a suppressed panel count', () => {
  it('are left out of the selection audit at the aggregate level (0–1 beside a suppressed 1), and printed when pseudonymised', async () => {
    const data = smallGroups(demo, 5);
    const i = data.representativeness.findIndex((r) => r.feature === 'Gender' && r.value === 'other');
    const representativeness = data.representativeness.map((r, k) => (k === i ? { ...r, panel: 1, quotaMin: 0, quotaMax: 1 } : r));
    // The panel's total stays the same: one fewer elsewhere in Gender.
    const j = data.representativeness.findIndex((r, k) => k !== i && r.feature === 'Gender' && r.panel > 5);
    representativeness[j] = { ...representativeness[j]!, panel: representativeness[j]!.panel + data.representativeness[i]!.panel - 1 };
    const quotas = representativeness.filter((r) => r.feature === 'Gender').map((r) => ({ feature: r.feature, value: r.value, min: r.quotaMin ?? 0, max: r.quotaMax ?? r.panel }));
    const withQuotas = { ...data, representativeness, selection: data.selection.map((r) => ({ ...r, quotas, panel: ['P-0001', 'P-0002'] })) } as ReportData;
    const agg = pdfText(await selectionAuditPdf(forLevel(withQuotas, 'aggregate'), { level: 'aggregate', lang: 'en', generatedAt: GENERATED_AT }), { layout: true });
    expect(agg).toMatch(/Gender\s+other\s+\[c\]\s+\[c\]/);
    const pseudo = pdfText(await selectionAuditPdf(forLevel(withQuotas, 'pseudonymised'), { level: 'pseudonymised', lang: 'en', generatedAt: GENERATED_AT }), { layout: true });
    expect(pseudo).toMatch(/Gender\s+other\s+0\s+1/);
  });
});

describe('votes are published in full at the aggregate level', () => {
  it('shows every count of every ballot, small ones included, in the workbook, the CSV and the PDF', async () => {
    const agg = forLevel(demo, 'aggregate');
    const def = reportTable(agg, 'ballots', { level: 'aggregate', lang: 'nl' });
    expect(def.suppressed ?? []).toEqual([]);
    const small = def.rows.filter((r) => typeof r[9] === 'number' && isSmallCount(r[9] as number));
    expect(small.length).toBeGreaterThan(0);
    for (const r of def.rows) if (r[6] !== null) expect(typeof r[9]).toBe('number');
    // The demo's first ballot: "Tegen" with its count as a number, not "<5".
    const against = def.rows.find((r) => r[8] === 'Tegen' && isSmallCount(r[9] as number));
    if (against) expect(reportCsv(agg, 'ballots', { level: 'aggregate', lang: 'nl', dialect: 'plain' })).toContain(`,Tegen,${against[9]},`);
    const text = pdfText(await recommendationsPdf(agg, { level: 'aggregate', lang: 'nl', generatedAt: GENERATED_AT }));
    expect(text).not.toContain('<5');
    const item = small[0]!;
    expect(text).toMatch(new RegExp(`${String(item[8])}\\s+${String(item[9])}\\b`));
  });
});
