/**
 * Which cells of the aggregate reports are suppressed: the disclosure policy
 * (main/domain/disclosure) applied to every count of people the reports publish, once per
 * report data, so that the workbook, its CSV tables and the PDFs hide the same cells.
 *
 * What is a count about people (suppressed when 1–4, and complemented against its total):
 *  - representativeness: per feature, the pool, panel and present columns (each adds up to its
 *    published total); a hidden panel count hides that row's quota bounds too (a quota of 2..2
 *    would print the count);
 *  - status of everyone ever selected (adds up to "selected", published in the funnel: the
 *    participants table protects that line itself);
 *  - attendance per held session: attended, excused, absent (add up to the members expected,
 *    which the attendance rate gives back);
 *  - per diem: the number of people paid; the travel and childcare amounts when paid to 1–4
 *    people (the daily rate is published, so the amount gives the days back), with the total
 *    withheld (per diem + travel + childcare = total);
 *  - table plans: seated, smallest and largest table (with two tables, seated = smallest +
 *    largest);
 *  - the selection's probability histogram: its bins add up to the candidates;
 *  - the funnel's steps (each stands alone; a step below 5 makes every later step below 5 too).
 * What is not: votes, scores, members present at a vote, papers (results of a public body), the
 * panel size, the number of tables, days and money amounts paid to 5 or more people.
 */
import { isSmallCount, protectLine, protectTable } from '../domain/disclosure';
import type { AttendanceMark, ReportData } from './data';
import type { PrivacyLevel } from './privacy';

export type RepresentativenessColumn = 'pool' | 'panel' | 'present';

export interface ReportDisclosure {
  /** Per representativeness row (same index): hidden columns; quota: the quota bounds withheld. */
  representativeness: { pool: boolean; panel: boolean; present: boolean; quota: boolean }[];
  /** Held session id -> mark -> hidden. */
  attendance: Record<string, Record<AttendanceMark, boolean>>;
  perDiem: { people: boolean; perDiem: boolean; travel: boolean; childcare: boolean; total: boolean };
  /** Table plan id -> hidden figures. */
  tables: Record<string, { seated: boolean; smallest: boolean; largest: boolean }>;
  /** Selection run id -> hidden bins (same index as its histogram); candidates: the count hidden. */
  histogram: Record<string, { bins: boolean[]; candidates: boolean }>;
  funnel: { invited: boolean; responded: boolean; selected: boolean; confirmed: boolean; attendedOnce: boolean; attendedAll: boolean };
}

const MARKS: AttendanceMark[] = ['attended', 'excused', 'absent'];

/** Nothing hidden: the full and pseudonymised levels (they show the rows themselves). */
function nothingHidden(data: ReportData): ReportDisclosure {
  return {
    representativeness: data.representativeness.map(() => ({ pool: false, panel: false, present: false, quota: false })),
    attendance: {},
    perDiem: { people: false, perDiem: false, travel: false, childcare: false, total: false },
    tables: {},
    histogram: {},
    funnel: { invited: false, responded: false, selected: false, confirmed: false, attendedOnce: false, attendedAll: false },
  };
}

const cache = new WeakMap<ReportData, ReportDisclosure>();

/** The suppressed cells of the report data at a level (memoised per data object). */
export function disclosureOf(data: ReportData, level: PrivacyLevel): ReportDisclosure {
  if (level !== 'aggregate') return nothingHidden(data);
  const known = cache.get(data);
  if (known) return known;
  const d = nothingHidden(data);

  // Representativeness: per feature a table of values x (pool, panel, present), column totals published.
  const byFeature = new Map<string, number[]>();
  data.representativeness.forEach((r, i) => byFeature.set(r.feature, [...(byFeature.get(r.feature) ?? []), i]));
  const held = data.lastHeldSessionId !== null;
  for (const rows of byFeature.values()) {
    const cells = rows.map((i) => {
      const r = data.representativeness[i]!;
      return [r.pool, r.panel, held ? r.present : null];
    });
    const t = protectTable({ cells, rowTotals: false, columnTotals: true });
    rows.forEach((i, k) => {
      const h = t.hidden[k]!;
      d.representativeness[i] = { pool: h[0]!, panel: h[1]!, present: h[2] ?? false, quota: h[1]! };
    });
  }

  // Attendance: sessions x marks, each row adds up to the members expected.
  const sessions = data.heldSessionIds.filter((id) => data.counts?.attendance[id]);
  if (sessions.length > 0) {
    const t = protectTable({ cells: sessions.map((id) => MARKS.map((m) => data.counts.attendance[id]![m])), rowTotals: true, columnTotals: false });
    sessions.forEach((id, k) => (d.attendance[id] = { attended: t.hidden[k]![0]!, excused: t.hidden[k]![1]!, absent: t.hidden[k]![2]! }));
  }

  // Per diem: people paid; an amount paid to 1–4 people (travel, childcare) is hidden. A hidden
  // amount is not complemented with another amount but by withholding the total: the other
  // amounts are bounded by their daily rate times the days published (travel for everyone
  // present is exactly that), so "total minus the others" would still give it back.
  const p = data.counts?.perDiem;
  if (p) {
    const primary = [isSmallCount(p.people), isSmallCount(p.travelPeople), isSmallCount(p.childcarePeople)];
    const line = protectLine({ values: [p.perDiemCents, p.travelCents, p.childcareCents], primary, totalPublished: false });
    d.perDiem = { people: primary[0]!, perDiem: line.hidden[0]!, travel: line.hidden[1]!, childcare: line.hidden[2]!, total: line.hidden.some(Boolean) };
  }

  // Table plans: seated, smallest, largest; with two tables the two add up to seated.
  for (const plan of data.tables) {
    const sizes = data.counts?.tableSizes[plan.id];
    if (!sizes || sizes.length === 0) continue;
    const seated = sizes.reduce((x, y) => x + y, 0);
    const smallest = Math.min(...sizes);
    const largest = Math.max(...sizes);
    const h = { seated: isSmallCount(seated), smallest: isSmallCount(smallest), largest: isSmallCount(largest) };
    if (sizes.length === 1) {
      // One table: the three are the same number.
      const any = h.seated || h.smallest || h.largest;
      d.tables[plan.id] = { seated: any, smallest: any, largest: any };
      continue;
    }
    if (sizes.length === 2 && !h.seated) {
      const line = protectLine({ values: [smallest, largest] });
      h.smallest = line.hidden[0]!;
      h.largest = line.hidden[1]!;
      if (line.totalWithheld) h.seated = true;
    }
    d.tables[plan.id] = h;
  }

  // The selection's histogram: bins add up to the candidates.
  for (const run of data.selection) {
    const bins = run.histogram ?? [];
    const candidates = isSmallCount(run.summary.count);
    const line = protectLine({ values: bins.map((b) => b.count), totalPublished: !candidates });
    d.histogram[run.id] = { bins: line.hidden, candidates: candidates || line.totalWithheld };
  }

  // The funnel: each step on its own.
  const f = data.funnel;
  d.funnel = {
    invited: isSmallCount(f.invited),
    responded: isSmallCount(f.responded),
    selected: isSmallCount(f.selected),
    confirmed: isSmallCount(f.confirmed),
    attendedOnce: isSmallCount(f.attendedOnce),
    attendedAll: isSmallCount(f.attendedAll),
  };

  cache.set(data, d);
  return d;
}

/** A count as a cell: null when hidden (the table's legend says why). */
export function shown(n: number, hidden: boolean): number | null {
  return hidden ? null : n;
}
