/**
 * The public report's tables in the workbook (and each as CSV), beside reportTables.ts's:
 *
 *  - process: the recruitment's basis (population figures' source and year, eligibility,
 *    invitation method), the invitations (not recorded yet: issue 19 fills this row), declines,
 *    withdrawals and replacements, and the costs' total.
 *  - dropReasons: declines and withdrawals per reason (counts of people); at the full and
 *    pseudonymised levels followed by one row per person (code, reason, replaced by; the free
 *    text at full only).
 *  - dropOut: per feature value, ever selected, declined, withdrawn, on the panel, drop-out rate.
 *  - politicians: per invited politician and slot, whether they came, declined, or are expected.
 *  - materials: the experts (and other contributors) with what each supplied.
 *  - turnout: per ballot item the full counts (for, against, abstain or the scale's levels;
 *    blank, spoilt), the papers, the members present and the turnout (papers / present). Votes
 *    are results of the assembly, not counts about people: printed in full at every level.
 *  - costs: the per-diem total, the contributors' fees and travel, each cost entered, the total.
 *
 * Counts about people go through publicFacts.ts's peopleCell / peopleShare (small cells).
 */
import { LETTER_STAGES, type ReportData } from './data';
import type { ReportT } from './i18n';
import { reportLocale } from './i18n';
import { costSummary, dropOutCells, dropOutColumns, HIDDEN_COUNT, peopleCell, peopleShare, peopleTable, politicianLines, publicFactsOf, turnoutOf } from './publicFacts';
import type { ReportColumn, ReportOptions, ReportTableDef } from './reportTables';
import type { CellInput } from './xlsx';

const text = (header: string, maxWidth = 40): ReportColumn => ({ header, minWidth: 10, maxWidth });
const int = (header: string): ReportColumn => ({ header, kind: 'integer', minWidth: 10 });
const pct = (header: string): ReportColumn => ({ header, kind: 'percent', minWidth: 10 });

/** A table's rows, or one row saying there is nothing (a sheet is never a bare header). */
const orNone = (rows: CellInput[][], sentence: string): CellInput[][] => (rows.length > 0 ? rows : [[sentence]]);

/** An entered fact, or "not entered". */
const entered = (value: string | number | null, t: ReportT): CellInput => (value === null || value === '' ? t('publicReport.notEntered') : value);

/** A contributor's name as the level shows it (their role when it may not be published). */
export function contributorLabel(data: ReportData, id: string, t: ReportT): { name: string; role: string; organisation: string } {
  const c = data.agenda.contributors.find((x) => x.id === id);
  if (!c) return { name: '', role: '', organisation: '' };
  const role = t(`agenda.roles.${c.role}`, { defaultValue: c.role });
  return { name: c.name.trim() || t('agenda.notForPublication'), role, organisation: c.organisation };
}

function processTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  const r = f.recruitment;
  const cost = costSummary(data, f, o.level);
  const rows: [string, CellInput][] = [
    [t('publicReport.facts.populationSource'), entered(r.populationSource, t)],
    [t('publicReport.facts.populationYear'), entered(r.populationYear, t)],
    [t('publicReport.facts.eligibility'), entered(r.eligibility, t)],
    [t('publicReport.facts.invitationMethod'), entered(r.invitationMethod, t)],
    ...(data.funnel.letters === null
      ? [[t('publicReport.facts.invitations'), t('publicReport.invitationsNotRecorded')] as [string, CellInput]]
      : LETTER_STAGES.map((stage, i): [string, CellInput] => [t(`publicReport.letterFunnel.${stage}`), stage === 'sent' ? data.funnel.letters![i]! : peopleCell(data.funnel.letters![i]!, o.level)])),
    [t('publicReport.facts.declined'), peopleCell(f.dropCounts.declined, o.level)],
    [t('publicReport.facts.withdrawn'), peopleCell(f.dropCounts.withdrawn, o.level)],
    [t('publicReport.facts.replaced'), peopleCell(f.dropCounts.replaced, o.level)],
    [t('publicReport.facts.totalCost'), cost.totalCents === HIDDEN_COUNT ? HIDDEN_COUNT : new Intl.NumberFormat(reportLocale(o.lang), { style: 'currency', currency: 'EUR' }).format(cost.totalCents / 100)],
  ];
  return { name: t('report.sheets.process'), columns: [text(t('report.about.item'), 40), text(t('report.about.value'), 90)], rows };
}

function dropReasonsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  const total = f.dropCounts.declined + f.dropCounts.withdrawn;
  const cells = peopleTable(f.dropCounts.byReason.map((r) => [r.declined, r.withdrawn]), o.level);
  const rows: CellInput[][] = f.dropCounts.byReason.map((r, i) => [
    t(`publicReport.reasons.${r.reason}`),
    cells[i]![0]!,
    cells[i]![1]!,
    peopleShare(r.declined + r.withdrawn, total, o.level, cells[i]!.includes(HIDDEN_COUNT)),
    null,
    null,
    null,
  ]);
  // Below the aggregate level: one row per person, by code.
  for (const d of f.drops) {
    rows.push([t(`publicReport.reasons.${d.reasonCode ?? 'none'}`), d.status === 'declined' ? 1 : null, d.status === 'withdrawn' ? 1 : null, null, d.code, d.replacedBy, d.reason]);
  }
  const perPerson = f.drops.length > 0;
  return {
    name: t('report.sheets.dropReasons'),
    columns: [
      text(t('publicReport.columns.reason')),
      int(t('report.statuses.declined')),
      int(t('report.statuses.withdrawn')),
      pct(t('report.columns.share')),
      ...(perPerson ? [{ header: t('report.columns.code'), minWidth: 10 }, { header: t('publicReport.columns.replacedBy'), minWidth: 10 }, text(t('publicReport.columns.reasonText'), 60)] : []),
    ],
    rows: orNone(perPerson ? rows : rows.map((r) => r.slice(0, 4)), t('publicReport.noDrops')),
  };
}

/** The drop-out table's count columns' headers (dropOutColumns). */
export const DROP_OUT_HEADERS = {
  selected: (t: ReportT) => t('publicReport.columns.selected'),
  declined: (t: ReportT) => t('report.statuses.declined'),
  withdrawn: (t: ReportT) => t('report.statuses.withdrawn'),
  panel: (t: ReportT) => t('publicReport.columns.onPanel'),
} as const;

function dropOutTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  return {
    name: t('report.sheets.dropOut'),
    columns: [
      text(t('report.columns.feature'), 30),
      text(t('report.columns.value'), 30),
      ...dropOutColumns(o.level).map((c) => int(DROP_OUT_HEADERS[c](t))),
      pct(t('publicReport.columns.dropOutRate')),
    ],
    rows: dropOutCells(data, f.dropCounts.byGroup, o.level).map(({ g, cells, shareHidden }) => [g.feature, g.value, ...cells, peopleShare(g.declined + g.withdrawn, g.selected, o.level, shareHidden)]),
  };
}

function politiciansTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  return {
    name: t('report.sheets.politicians'),
    columns: [
      text(t('agenda.columns.name'), 36),
      text(t('agenda.columns.role'), 24),
      text(t('agenda.columns.organisation'), 40),
      text(t('report.columns.session'), 40),
      { header: t('report.columns.date'), kind: 'date', minWidth: 12 },
      text(t('publicReport.columns.slot'), 40),
      text(t('publicReport.columns.appearance'), 30),
    ],
    rows: orNone(
      politicianLines(data, f).map((l) => {
        const c = contributorLabel(data, l.contributorId, t);
        return [c.name, c.role, c.organisation, l.sessionId ? (sessions.get(l.sessionId)?.name ?? '') : '', l.date, l.slotTitle, t(`publicReport.appearances.${l.outcome}`)];
      }),
      t('publicReport.noPoliticians'),
    ),
  };
}

function materialsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  const rows: CellInput[][] = [];
  // Every expert, with their material or a line saying none is recorded; others only with material.
  for (const c of data.agenda.contributors) {
    const mine = f.materials.filter((m) => m.contributorId === c.id);
    if (mine.length === 0 && c.role !== 'expert') continue;
    const who = contributorLabel(data, c.id, t);
    if (mine.length === 0) rows.push([who.name, who.role, who.organisation, t('publicReport.noMaterial'), null, null]);
    for (const m of mine) rows.push([who.name, who.role, who.organisation, m.title, t(`publicReport.materialKinds.${m.kind}`), m.link || null]);
  }
  return {
    name: t('report.sheets.materials'),
    columns: [
      text(t('agenda.columns.name'), 36),
      text(t('agenda.columns.role'), 24),
      text(t('agenda.columns.organisation'), 40),
      text(t('publicReport.columns.materialTitle'), 60),
      text(t('publicReport.columns.materialKind'), 20),
      text(t('publicReport.columns.link'), 60),
    ],
    rows: orNone(rows, t('publicReport.noExperts')),
  };
}

function turnoutTable(data: ReportData, _o: ReportOptions, t: ReportT): ReportTableDef {
  const rows: CellInput[][] = [];
  for (const { ballot, result } of data.ballots) {
    const answers = ballot.rule.method === 'yesNo' ? [t('report.answers.for'), t('report.answers.against'), t('report.answers.abstain')] : ballot.rule.method === 'scale' ? ballot.rule.levels : [];
    if (result.ranking === null) {
      for (const item of result.items) {
        const { papers, turnout } = turnoutOf(item.counts, item.blank, item.spoilt, result.present);
        const counts = item.counts.map((n, k) => `${answers[k] ?? k + 1}: ${n}`).join(' · ');
        rows.push([ballot.title, item.number, item.title, ...(ballot.rule.method === 'yesNo' ? item.counts.slice(0, 3) : [null, null, null]), ballot.rule.method === 'yesNo' ? null : counts, item.blank, item.spoilt, papers, result.present, turnout]);
      }
    } else {
      // Approval and ranking: one paper per member for the whole ballot.
      const { papers, turnout } = turnoutOf([result.papers.valid], result.papers.blank, result.papers.spoilt, result.present);
      rows.push([ballot.title, null, null, null, null, null, null, result.papers.blank, result.papers.spoilt, papers, result.present, turnout]);
    }
  }
  return {
    name: t('report.sheets.turnout'),
    columns: [
      text(t('report.columns.ballot'), 40),
      { header: t('report.columns.item'), minWidth: 8 },
      text(t('report.columns.itemTitle'), 60),
      int(t('report.answers.for')),
      int(t('report.answers.against')),
      int(t('report.answers.abstain')),
      text(t('publicReport.columns.otherCounts'), 50),
      int(t('report.answers.blank')),
      int(t('report.answers.spoilt')),
      int(t('publicReport.columns.papers')),
      int(t('report.columns.membersPresent')),
      pct(t('publicReport.columns.turnout')),
    ],
    rows: orNone(rows, t('publicReport.noVotes')),
  };
}

function costsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = publicFactsOf(data, o.level);
  const summary = costSummary(data, f, o.level);
  return {
    name: t('report.sheets.costs'),
    columns: [text(t('publicReport.columns.costLabel'), 50), text(t('publicReport.columns.category'), 30), { header: t('publicReport.columns.amount'), kind: 'moneyCents', minWidth: 14 }],
    rows: [
      ...summary.lines.map((l): CellInput[] => [l.label || t(`publicReport.costCategories.${l.category}`), l.label ? t(`publicReport.costCategories.${l.category}`) : null, l.cents]),
      [t('report.columns.total'), null, summary.totalCents],
    ],
  };
}

/**
 * A hidden count (publicFacts.ts: HIDDEN_COUNT) becomes an empty cell listed in the table's
 * `suppressed`, with the legend, as in every other report table: numeric columns stay numeric.
 */
function withHiddenCounts(def: ReportTableDef, t: ReportT): ReportTableDef {
  const suppressed: [number, number][] = [...(def.suppressed ?? [])];
  const rows = def.rows.map((row, r) =>
    row.map((cell, c) => {
      if (cell !== HIDDEN_COUNT) return cell;
      suppressed.push([r, c]);
      return null;
    }),
  );
  return suppressed.length > 0 ? { ...def, rows, suppressed, legend: t('report.suppressedLegend') } : def;
}

type Builder = (data: ReportData, o: ReportOptions, t: ReportT) => ReportTableDef;
const hiding =
  (build: Builder): Builder =>
  (data, o, t) =>
    withHiddenCounts(build(data, o, t), t);

export const PUBLIC_TABLE_BUILDERS = {
  process: hiding(processTable),
  dropReasons: hiding(dropReasonsTable),
  dropOut: hiding(dropOutTable),
  politicians: hiding(politiciansTable),
  materials: hiding(materialsTable),
  turnout: hiding(turnoutTable),
  costs: hiding(costsTable),
} as const;
