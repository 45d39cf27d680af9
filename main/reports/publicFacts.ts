/**
 * What the public report must contain besides the other reports' data (issue 17, after the
 * Irish Citizens' Assembly, Climate Assembly UK, Ostbelgien and the OECD's evaluation
 * guidelines): the basis of the recruitment (population figures' source and year, eligibility,
 * invitation method), declines and withdrawals with their reasons and replacements and the
 * drop-out by group, which invited politicians came and which declined, the experts with the
 * material each supplied, full counts and turnout per item, and the costs.
 *
 * Gathered once with the rest of the report data (data.ts: `publicFacts`), as plain data. The
 * counts about people are counted here, before the aggregate level drops the rows about persons;
 * `publicFactsAt` reduces the facts to what a level may hold.
 */
import type { Appearance, CostCategory, DropReason } from '../../preload/vocabulary';
import type { Db } from '../../db/connection';
import { listAppearances, listCosts, listDrops, listMaterials, readRecruitmentFacts, type AppearanceRow, type CostRow, type MaterialRow, type RecruitmentFacts } from '../../db/reportFacts';
import type { ReportData } from './data';
import { isSmallCount, protectTable } from '../domain/disclosure';
import { SUPPRESSED_MARK } from './pdf/charts';
import { disclosureOf } from './disclosure';
import type { PrivacyLevel } from './privacy';

/** A person who declined or withdrew (full and pseudonymised levels only). */
export interface DropPerson {
  code: string;
  status: 'declined' | 'withdrawn';
  reasonCode: DropReason | null;
  /** The free text given with the reason: full level only (it may say something personal). */
  reason: string | null;
  date: string | null;
  /** The code of the person who took the seat, or null. */
  replacedBy: string | null;
}

/** Declines and withdrawals per reason ('none': no reason recorded). */
export type DropReasonKey = DropReason | 'none';

export interface DropOutRow {
  feature: string;
  value: string;
  /** Ever selected (drawn or a replacement). */
  selected: number;
  declined: number;
  withdrawn: number;
  /** On the panel now (confirmed). */
  panel: number;
}

export interface PublicFacts {
  recruitment: RecruitmentFacts;
  drops: DropPerson[];
  dropCounts: {
    declined: number;
    withdrawn: number;
    /** Of those who declined or withdrew, how many were replaced. */
    replaced: number;
    byReason: { reason: DropReasonKey; declined: number; withdrawn: number }[];
    byGroup: DropOutRow[];
  };
  /** Speakers' slots, with whether they came (null: not recorded). */
  appearances: AppearanceRow[];
  materials: MaterialRow[];
  costs: CostRow[];
  /** Contributors' fees and travel, as a total (each one's fee is not public). */
  contributorCostsCents: number;
}

/**
 * A suppressed count as the public report's builders receive it: the PDF prints it as is, the
 * workbook and CSV tables turn it into an empty cell with the legend (publicTables.ts).
 */
export const HIDDEN_COUNT = SUPPRESSED_MARK;
export type PeopleCell = number | typeof HIDDEN_COUNT;

const aggregate = (level: PrivacyLevel) => level === 'aggregate';

/**
 * A count of people standing alone (no published total it belongs to): hidden at the aggregate
 * level when small (main/domain/disclosure).
 */
export function peopleCell(n: number, level: PrivacyLevel): PeopleCell {
  return aggregate(level) && isSmallCount(n) ? HIDDEN_COUNT : n;
}

/**
 * A table of counts of people whose row and column totals the report publishes (reasons ×
 * declined / withdrawn, with the totals declined and withdrawn; or a feature's values × drop-out
 * columns): small cells hidden with their complements (protectTable), so that no hidden cell
 * comes back from a total minus the others.
 */
export function peopleTable(counts: number[][], level: PrivacyLevel): PeopleCell[][] {
  if (!aggregate(level)) return counts;
  const { hidden } = protectTable({ cells: counts, rowTotals: true, columnTotals: true });
  return counts.map((row, r) => row.map((n, c) => (hidden[r]?.[c] ? HIDDEN_COUNT : n)));
}

/** A share of people (0..1), hidden with its count (share × base gives the count back). */
export function peopleShare(part: number, whole: number, level: PrivacyLevel, hidden = false): number | typeof HIDDEN_COUNT | null {
  if (whole <= 0) return null;
  return aggregate(level) && (hidden || isSmallCount(part)) ? HIDDEN_COUNT : part / whole;
}

const REASON_ORDER: DropReasonKey[] = ['notInterested', 'time', 'work', 'health', 'family', 'travel', 'moved', 'noReply', 'other', 'none'];

/**
 * The facts, from the file and from the participants already gathered (ever selected, with their
 * features and status: data.ts).
 */
export function gatherPublicFacts(db: Db, data: Pick<ReportData, 'participants' | 'representativeness' | 'agenda'>): PublicFacts {
  const byId = new Map(data.participants.map((p) => [p.personId, p]));
  const drops = listDrops(db).filter((d) => byId.has(d.personId));
  const reasons = new Map<DropReasonKey, { declined: number; withdrawn: number }>();
  for (const d of drops) {
    const key = d.reasonCode ?? 'none';
    const entry = reasons.get(key) ?? { declined: 0, withdrawn: 0 };
    entry[d.status]++;
    reasons.set(key, entry);
  }
  // Drop-out per feature value, in the representativeness order (every value, even with none).
  const byGroup: DropOutRow[] = data.representativeness.map((r) => {
    const row: DropOutRow = { feature: r.feature, value: r.value, selected: 0, declined: 0, withdrawn: 0, panel: 0 };
    for (const p of data.participants) {
      if (p.features[r.feature] !== r.value) continue;
      row.selected++;
      if (p.status === 'declined') row.declined++;
      else if (p.status === 'withdrawn') row.withdrawn++;
      else if (p.status === 'confirmed') row.panel++;
    }
    return row;
  });
  return {
    recruitment: readRecruitmentFacts(db),
    drops: drops.map((d) => ({ code: byId.get(d.personId)!.code, status: d.status, reasonCode: d.reasonCode, reason: d.reason, date: d.date, replacedBy: d.replacedBy })),
    dropCounts: {
      declined: drops.filter((d) => d.status === 'declined').length,
      withdrawn: drops.filter((d) => d.status === 'withdrawn').length,
      replaced: drops.filter((d) => d.replacedBy !== null).length,
      byReason: REASON_ORDER.filter((r) => reasons.has(r)).map((reason) => ({ reason, ...reasons.get(reason)! })),
      byGroup,
    },
    appearances: listAppearances(db),
    materials: listMaterials(db),
    costs: listCosts(db),
    contributorCostsCents: data.agenda.contributors.reduce((s, c) => s + c.feeCents + c.travelCents, 0),
  };
}

/** The facts as a level may hold them: no person at the aggregate level, no free-text reason below full. */
export function publicFactsAt(facts: PublicFacts, level: PrivacyLevel): PublicFacts {
  if (level === 'full') return facts;
  if (level === 'pseudonymised') return { ...facts, drops: facts.drops.map((d) => ({ ...d, reason: null })) };
  return { ...facts, drops: [] };
}

/** The facts of a report's data (absent in data made by hand in tests: nothing entered). */
export function publicFactsOf(data: ReportData, level: PrivacyLevel): PublicFacts {
  const facts = (data as ReportData & { publicFacts?: PublicFacts }).publicFacts ?? emptyPublicFacts();
  return publicFactsAt(facts, level);
}

export function emptyPublicFacts(): PublicFacts {
  return {
    recruitment: { populationSource: '', populationYear: null, eligibility: '', invitationMethod: '' },
    drops: [],
    dropCounts: { declined: 0, withdrawn: 0, replaced: 0, byReason: [], byGroup: [] },
    appearances: [],
    materials: [],
    costs: [],
    contributorCostsCents: 0,
  };
}

/** Politicians and party leaders: the contributors whose taking part the public asks about. */
export const POLITICAL_ROLES = ['partyLeader', 'politician'] as const;

export interface PoliticianLine {
  contributorId: string;
  sessionId: string | null;
  date: string | null;
  slotTitle: string;
  /** What happened, or, for a slot ahead, what is planned. */
  outcome: Appearance | 'notRecorded';
}

/**
 * Per politician and slot, whether they came: the appearance recorded for the slot, else the
 * contributor's answer to the invitation (declined, or invited/confirmed for a slot ahead); a
 * politician with no slot is listed once with their answer.
 */
export function politicianLines(data: ReportData, facts: PublicFacts): PoliticianLine[] {
  const today = data.generatedAt.toISOString().slice(0, 10);
  const lines: PoliticianLine[] = [];
  for (const c of data.agenda.contributors) {
    if (!(POLITICAL_ROLES as readonly string[]).includes(c.role)) continue;
    const slots = facts.appearances.filter((a) => a.contributorId === c.id);
    if (slots.length === 0) {
      lines.push({ contributorId: c.id, sessionId: null, date: null, slotTitle: '', outcome: c.status });
      continue;
    }
    for (const a of slots) {
      const outcome: PoliticianLine['outcome'] =
        a.appearance ?? (c.status === 'declined' ? 'declined' : a.date >= today ? c.status : 'notRecorded');
      lines.push({ contributorId: c.id, sessionId: a.sessionId, date: a.date, slotTitle: a.slotTitle, outcome });
    }
  }
  return lines;
}

/** An amount of the costs: cents, or HIDDEN_COUNT where the disclosure policy withholds it. */
export type CostCell = number | typeof HIDDEN_COUNT;

/**
 * The costs by category, the per-diem and the contributors' fees, and their total (cents). At the
 * aggregate level, when the per-diem table withholds its total (travel or childcare paid to 1–4
 * people: the daily rates would give their days back, see disclosure.ts), the per-diem line and
 * the total are withheld here too: "per-diem total minus per diem and travel" would give the
 * childcare back, and so would "total cost minus the other lines".
 */
export function costSummary(data: ReportData, facts: PublicFacts, level: PrivacyLevel = 'full'): { lines: { label: string; category: CostCategory | 'perDiem' | 'contributors'; cents: CostCell }[]; totalCents: CostCell } {
  const withheld = aggregate(level) && disclosureOf(data, level).perDiem.total;
  const lines: { label: string; category: CostCategory | 'perDiem' | 'contributors'; cents: number }[] = [
    { label: '', category: 'perDiem', cents: data.perDiem.totalCents },
    ...(facts.contributorCostsCents > 0 ? [{ label: '', category: 'contributors' as const, cents: facts.contributorCostsCents }] : []),
    ...facts.costs.map((c) => ({ label: c.label, category: c.category, cents: c.amountCents })),
  ];
  const totalCents = lines.reduce((s, l) => s + l.cents, 0);
  if (!withheld) return { lines, totalCents };
  return { lines: lines.map((l) => (l.category === 'perDiem' ? { ...l, cents: HIDDEN_COUNT } : l)), totalCents: HIDDEN_COUNT };
}

/** Papers handed in for an item (every count, blank and spoilt) and turnout = papers / present. */
export function turnoutOf(counts: number[], blank: number, spoilt: number, present: number): { papers: number; turnout: number | null } {
  const papers = counts.reduce((s, n) => s + n, 0) + blank + spoilt;
  return { papers, turnout: present > 0 ? papers / present : null };
}

/**
 * The drop-out table's count columns at a level: ever selected, declined, withdrawn and on the
 * panel; at the aggregate level declined and withdrawn only. There the panel per group is the
 * representativeness table's (the same people), and ever selected is the panel plus those who
 * dropped out: printing them here again would let a reader take a hidden count back from one
 * table with the other (tests/integration/reports-disclosure.test.ts tries).
 */
export function dropOutColumns(level: PrivacyLevel): ('selected' | 'declined' | 'withdrawn' | 'panel')[] {
  return aggregate(level) ? ['declined', 'withdrawn'] : ['selected', 'declined', 'withdrawn', 'panel'];
}

/**
 * The drop-out rows with their printable counts (dropOutColumns), one feature's table at a time.
 * At the aggregate level, per feature, the values' declined and withdrawn are protected as a table
 * whose totals are known (the totals declined and withdrawn; per value, the drop-out rate with
 * the panel gives the row's sum), and the rate is withheld where a count of its row is hidden or
 * where the representativeness table hides the group's panel count (the rate would give it back).
 */
export function dropOutCells(data: ReportData, rows: DropOutRow[], level: PrivacyLevel): { g: DropOutRow; cells: PeopleCell[]; shareHidden: boolean }[] {
  if (!aggregate(level)) return rows.map((g) => ({ g, cells: [g.selected, g.declined, g.withdrawn, g.panel], shareHidden: false }));
  const repHidden = disclosureOf(data, level).representativeness;
  const panelHidden = (g: DropOutRow) => {
    const i = data.representativeness.findIndex((r) => r.feature === g.feature && r.value === g.value);
    return i < 0 || (repHidden[i]?.panel ?? true);
  };
  const out: { g: DropOutRow; cells: PeopleCell[]; shareHidden: boolean }[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]!.feature === rows[i]!.feature) j++;
    const group = rows.slice(i, j);
    const inner = peopleTable(group.map((g) => [g.declined, g.withdrawn]), level);
    group.forEach((g, k) => {
      const cells = inner[k]!;
      out.push({ g, cells, shareHidden: cells.includes(HIDDEN_COUNT) || panelHidden(g) || isSmallCount(g.selected) });
    });
    i = j;
  }
  return out;
}
