/**
 * The tables of the report workbook, each also exportable alone as CSV (REPORT_TABLES): what a
 * table holds at each privacy level, its translated name and headers, and its rows as typed
 * cells (see xlsx.ts). workbook.ts writes them as sheets, and as CSV.
 *
 * The data has already been reduced to what the level may show (privacy.ts: forLevel); on top of
 * that, at the aggregate level every count of people, and every percentage computed from one, is
 * a small-cell-safe cell (countCell, shareCell: "<5" for 1 to 4 people), and no table has a row
 * about a person:
 *
 *  - participants: full: names, contacts, status, features; pseudonymised: codes, status,
 *    features; aggregate: people per status.
 *  - funnel: invited -> responded -> selected -> confirmed -> attended once -> attended all.
 *  - representativeness: population vs pool vs panel vs present at the last held session, per
 *    feature value, as counts and percentages.
 *  - attendance: people x held sessions; aggregate: per session attended, excused, absent.
 *  - perDiem: per person days and amounts; aggregate: one row of totals.
 *  - agenda: the slots. contributors: experts and guests with their perspective (contacts at full
 *    only; fees not at aggregate).
 *  - tables: per member their table; aggregate: per plan the number of tables and their sizes.
 *  - ballots: per item and answer the votes, the percentage of the base, the threshold and the
 *    outcome (approval and ranking: per item its score and rank).
 *  - selection: one row per run: algorithm, inputs hash, seed or public numbers, lottery hash,
 *    ticket, probability summary, certificate, status; the panel's codes except at aggregate.
 *
 * The aggregate level's data holds no row per person, so the counts those tables need come from
 * `data.counts` (ReportCounts, computed by countsOf before the rows are dropped) when present.
 */
import type { BallotRule } from '../domain/voting/types';
import type { ReportTable } from '../../preload/vocabulary';
import type { Session } from '../domain/sessions/types';
import { agendaSlotTable } from './agendaXlsx';
import type { AttendanceMark, ReportData } from './data';
import { byLastName, reportLabels, type ReportLabels, type ReportLang } from './labels';
import { countCell, shareCell, SMALL_CELL, type PrivacyLevel } from './privacy';
import type { CellInput, ColumnSpec } from './xlsx';

/** A column of a report table: a sheet column, with a number format overriding its kind's. */
export interface ReportColumn extends ColumnSpec {
  /** Excel number format for this column's numbers and dates (a date with a time, a Gini to 3 decimals). */
  numFmt?: string;
}

export interface ReportTableDef {
  /** The sheet name, in the report's language. */
  name: string;
  columns: ReportColumn[];
  rows: CellInput[][];
}

export interface ReportOptions {
  level: PrivacyLevel;
  lang: ReportLang;
}

/** The counts the aggregate tables need, taken from the rows before the aggregate level drops them. */
export interface ReportCounts {
  /** Person status -> people, among everyone ever selected. */
  status: Record<string, number>;
  /** Held session id -> members who attended, were excused, were absent. */
  attendance: Record<string, Record<AttendanceMark, number>>;
  perDiem: { people: number; fullDays: number; halfDays: number; perDiemCents: number; travelCents: number; childcareCents: number; totalCents: number };
  /** Table plan id -> the number of people at each table, in table order. */
  tableSizes: Record<string, number[]>;
}

export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const PROBABILITY_FORMAT = '0.00%';
const GINI_FORMAT = '0.000';

/** The counts of the aggregate tables, from the full (or pseudonymised) data. */
export function countsOf(data: ReportData): ReportCounts {
  const status: Record<string, number> = {};
  for (const p of data.participants) status[p.status] = (status[p.status] ?? 0) + 1;
  const attendance: ReportCounts['attendance'] = {};
  for (const id of data.heldSessionIds) attendance[id] = { attended: 0, excused: 0, absent: 0 };
  for (const p of data.participants) {
    for (const [id, mark] of Object.entries(p.attendance)) if (attendance[id]) attendance[id][mark]++;
  }
  const paid = data.perDiem.rows.filter((r) => r.totalCents > 0);
  const sum = (f: (r: (typeof paid)[number]) => number) => paid.reduce((s, r) => s + f(r), 0);
  return {
    status,
    attendance,
    perDiem: {
      people: paid.length,
      fullDays: sum((r) => r.fullDays),
      halfDays: sum((r) => r.halfDays),
      perDiemCents: sum((r) => r.perDiemCents),
      travelCents: sum((r) => r.travelCents),
      childcareCents: sum((r) => r.childcareCents),
      totalCents: data.perDiem.totalCents,
    },
    tableSizes: Object.fromEntries(data.tables.map((t) => [t.id, [...t.tables].sort((a, b) => a.number - b.number).map((x) => x.members.length)])),
  };
}

/**
 * The counts for the tables: the data's own (kept at every level) when it carries them, else
 * counted from the rows — except at the aggregate level, where the rows are gone and counting
 * them would report zeros: null, and the aggregate tables leave those cells empty.
 */
function countsFor(data: ReportData, level: PrivacyLevel): ReportCounts | null {
  const carried = (data as ReportData & { counts?: ReportCounts }).counts;
  if (carried) return carried;
  return level === 'aggregate' ? null : countsOf(data);
}

/** A language code as a short tag ("NL"). */
const tag = (code: string | null): string => (code ? code.toUpperCase() : '');

/** The feature names, in the order of the representativeness rows, then any other a participant carries. */
function featureNames(data: ReportData): string[] {
  const names: string[] = [];
  for (const r of data.representativeness) if (!names.includes(r.feature)) names.push(r.feature);
  const extra = new Set(data.participants.flatMap((p) => Object.keys(p.features)).filter((f) => !names.includes(f)));
  return [...names, ...[...extra].sort()];
}

/** People in the order a level lists them: by name (full), by code (pseudonymised, aggregate). */
function inOrder<T extends { firstName: string; lastName: string; code: string }>(people: readonly T[], o: ReportOptions): T[] {
  if (o.level === 'full') return byLastName(people, o.lang);
  return [...people].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

type ColumnLabels = ReportLabels['report']['columns'];

/** A person's code, then at the full level their last and first names. */
const personColumns = (c: ColumnLabels, full: boolean): ReportColumn[] => [
  { header: c.code, minWidth: 10 },
  ...(full ? ([{ header: c.lastName, maxWidth: 30 }, { header: c.firstName, maxWidth: 24 }] satisfies ReportColumn[]) : []),
];

/** A session's name and date. */
const sessionColumns = (c: ColumnLabels): ReportColumn[] => [
  { header: c.session, maxWidth: 40 },
  { header: c.date, kind: 'date', minWidth: 12 },
];

/** The number of sessions (or people) attended, excused, absent. */
const markColumns = (c: ColumnLabels): ReportColumn[] => [
  { header: c.attended, kind: 'integer', minWidth: 10 },
  { header: c.excused, kind: 'integer', minWidth: 10 },
  { header: c.absent, kind: 'integer', minWidth: 10 },
];

function heldSessions(data: ReportData): Session[] {
  const byId = new Map(data.sessions.map((s) => [s.id, s]));
  return data.heldSessionIds.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}

/**
 * A timestamp (ISO, UTC) as the Date Excel shows as the wall-clock time at the venue (Excel has
 * no time zones: the UTC fields are what it shows), or null.
 */
export function venueDateTime(iso: string | Date | null, timeZone: string): Date | null {
  if (iso === null) return null;
  const at = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  } catch {
    return new Date(Math.floor(at.getTime() / 1000) * 1000);
  }
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')));
}

function participantsTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const selected = data.funnel.selected;
    let rows: [string, number | null][];
    if (counts) {
      const order = ['selected', 'contacted', 'confirmed', 'declined', 'withdrawn', 'reserve', 'pool'];
      const known = Object.keys(counts.status).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
      rows = known.map((s) => [w.statuses[s] ?? s, counts.status[s]!]);
    } else {
      // Without a count per status: the panel, and everyone else ever selected.
      rows = [
        [w.statuses.confirmed ?? 'confirmed', data.totals.panel],
        [w.notConfirmed, Math.max(0, selected - data.totals.panel)],
      ];
    }
    const whole = rows.reduce((s, [, n]) => s + (n ?? 0), 0);
    return {
      name: w.sheets.participants,
      columns: [
        { header: c.status, maxWidth: 40 },
        { header: c.people, kind: 'integer', minWidth: 10 },
        { header: c.share, kind: 'percent', minWidth: 10 },
      ],
      rows: rows.map(([label, n]) => [label, n === null ? null : countCell(n, o.level), n === null ? null : shareCell(n, whole, o.level)]),
    };
  }
  const features = featureNames(data);
  const full = o.level === 'full';
  const held = data.heldSessionIds;
  const columns: ReportColumn[] = [
    ...personColumns(c, full),
    ...(full
      ? ([
          { header: c.email, maxWidth: 40 },
          { header: c.phone, minWidth: 12, maxWidth: 20 },
          { header: c.address, maxWidth: 50 },
        ] satisfies ReportColumn[])
      : []),
    { header: c.status, minWidth: 12 },
    { header: c.contactLanguage, minWidth: 10 },
    ...features.map((f): ReportColumn => ({ header: f, minWidth: 10, maxWidth: 30 })),
    { header: c.attended, kind: 'integer', minWidth: 10 },
  ];
  const rows = inOrder(data.participants, o).map((p): CellInput[] => [
    p.code,
    ...(full ? [p.lastName, p.firstName, p.email, p.phone, p.address] : []),
    w.statuses[p.status] ?? p.status,
    tag(p.language),
    ...features.map((f) => p.features[f] ?? null),
    held.filter((id) => p.attendance[id] === 'attended').length,
  ]);
  return { name: w.sheets.participants, columns, rows };
}

function funnelTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const f = data.funnel;
  const steps: [string, number | null][] = [
    [w.funnel.invited, f.invited],
    [w.funnel.responded, f.responded],
    [w.funnel.selected, f.selected],
    [w.funnel.confirmed, f.confirmed],
    [w.funnel.attendedOnce, f.attendedOnce],
    [w.funnel.attendedAll, f.attendedAll],
  ];
  const rows = steps.map(([label, n], i): CellInput[] => {
    const previous = i > 0 ? steps[i - 1]![1] : null;
    return [
      label,
      n === null ? w.notRecorded : countCell(n, o.level),
      n === null || previous === null ? null : shareCell(n, previous, o.level),
      n === null || i === 0 ? null : shareCell(n, f.responded, o.level),
    ];
  });
  return {
    name: w.sheets.funnel,
    columns: [
      { header: c.stage, maxWidth: 40 },
      { header: c.people, kind: 'integer', minWidth: 12 },
      { header: c.shareOfPrevious, kind: 'percent', minWidth: 12 },
      { header: c.shareOfResponded, kind: 'percent', minWidth: 12 },
    ],
    rows,
  };
}

function representativenessTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const t = data.totals;
  return {
    name: w.sheets.representativeness,
    columns: [
      { header: c.feature, maxWidth: 30 },
      { header: c.value, maxWidth: 30 },
      { header: c.population, kind: 'percent', minWidth: 12 },
      { header: c.pool, kind: 'integer', minWidth: 10 },
      { header: c.poolShare, kind: 'percent', minWidth: 12 },
      { header: c.panel, kind: 'integer', minWidth: 10 },
      { header: c.panelShare, kind: 'percent', minWidth: 10 },
      { header: c.present, kind: 'integer', minWidth: 12 },
      { header: c.presentShare, kind: 'percent', minWidth: 12 },
      { header: c.quotaMin, kind: 'integer', minWidth: 10 },
      { header: c.quotaMax, kind: 'integer', minWidth: 10 },
    ],
    rows: data.representativeness.map((r) => [
      r.feature,
      r.value,
      r.population,
      countCell(r.pool, o.level),
      shareCell(r.pool, t.pool, o.level),
      countCell(r.panel, o.level),
      shareCell(r.panel, t.panel, o.level),
      data.lastHeldSessionId === null ? null : countCell(r.present, o.level),
      data.lastHeldSessionId === null ? null : shareCell(r.present, t.presentLast, o.level),
      r.quotaMin,
      r.quotaMax,
    ]),
  };
}

function attendanceTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const sessions = heldSessions(data);
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    return {
      name: w.sheets.attendance,
      columns: [...sessionColumns(c), ...markColumns(c), { header: c.attendanceRate, kind: 'percent', minWidth: 12 }],
      rows: sessions.map((s) => {
        const n = counts?.attendance[s.id];
        if (!n) return [s.name, s.date, null, null, null, null];
        const expected = n.attended + n.excused + n.absent;
        return [s.name, s.date, countCell(n.attended, o.level), countCell(n.excused, o.level), countCell(n.absent, o.level), shareCell(n.attended, expected, o.level)];
      }),
    };
  }
  const full = o.level === 'full';
  const columns: ReportColumn[] = [...personColumns(c, full), ...sessions.map((s): ReportColumn => ({ header: s.name, minWidth: 12, maxWidth: 24 })), ...markColumns(c)];
  const rows = inOrder(data.participants, o).map((p): CellInput[] => {
    const marks = sessions.map((s) => p.attendance[s.id]);
    const count = (m: AttendanceMark) => marks.filter((x) => x === m).length;
    return [
      p.code,
      ...(full ? [p.lastName, p.firstName] : []),
      ...marks.map((m) => (m ? w.marks[m] : null)),
      count('attended'),
      count('excused'),
      count('absent'),
    ];
  });
  return { name: w.sheets.attendance, columns, rows };
}

function perDiemTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const money = (header: string): ReportColumn => ({ header, kind: 'moneyCents', minWidth: 12 });
  const amounts: ReportColumn[] = [
    { header: c.fullDays, kind: 'integer', minWidth: 12 },
    { header: c.halfDays, kind: 'integer', minWidth: 12 },
    money(c.perDiem),
    money(c.travel),
    money(c.childcare),
    money(c.total),
  ];
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const t = counts?.perDiem;
    return {
      name: w.sheets.perDiem,
      columns: [{ header: c.peoplePaid, kind: 'integer', minWidth: 12 }, ...amounts],
      rows: [
        t
          ? [countCell(t.people, o.level), t.fullDays, t.halfDays, t.perDiemCents, t.travelCents, t.childcareCents, t.totalCents]
          : [null, null, null, null, null, null, data.perDiem.totalCents],
      ],
    };
  }
  const full = o.level === 'full';
  const rows = inOrder(data.perDiem.rows, o).map(
    (r): CellInput[] => [r.code, ...(full ? [r.lastName, r.firstName] : []), r.fullDays, r.halfDays, r.perDiemCents, r.travelCents, r.childcareCents, r.totalCents],
  );
  return { name: w.sheets.perDiem, columns: [...personColumns(c, full), ...amounts], rows };
}

/** A contributor as a level may name them: their name, or their role when it may not be published. */
function contributorNames(data: ReportData, l: ReportLabels): (ids: readonly string[]) => string {
  const people = new Map(data.agenda.contributors.map((c) => [c.id, c]));
  return (ids) =>
    ids
      .flatMap((id) => {
        const c = people.get(id);
        if (!c) return [];
        return [c.name.trim() || l.agenda.roles[c.role] || c.role];
      })
      .join(', ');
}

function agendaTable(data: ReportData, _o: ReportOptions, l: ReportLabels): ReportTableDef {
  return { name: l.report.sheets.agenda, ...agendaSlotTable(data.agenda, l, contributorNames(data, l)) };
}

function contributorsTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const a = l.agenda;
  const col = a.columns;
  const c = l.report.columns;
  const full = o.level === 'full';
  const fees = o.level !== 'aggregate';
  const perspectives = new Map(data.agenda.perspectives.map((p) => [p.id, p.name]));
  const collator = new Intl.Collator(l.locale, { sensitivity: 'base', numeric: true });
  const contributors = [...data.agenda.contributors].sort(
    (x, y) =>
      // Unnamed (not for publication) after the named, by role.
      Number(!x.name.trim()) - Number(!y.name.trim()) || collator.compare(x.name, y.name) || collator.compare(a.roles[x.role], a.roles[y.role]) || x.id.localeCompare(y.id),
  );
  return {
    name: l.report.sheets.contributors,
    columns: [
      { header: col.name, maxWidth: 36 },
      { header: col.role, maxWidth: 24 },
      { header: col.organisation, maxWidth: 40 },
      { header: col.perspective, maxWidth: 36 },
      { header: col.topics, maxWidth: 50 },
      { header: col.languages },
      { header: col.status },
      ...(full ? ([{ header: c.email, maxWidth: 40 }, { header: c.phone, minWidth: 12, maxWidth: 20 }] satisfies ReportColumn[]) : []),
      ...(fees ? ([{ header: col.fee, kind: 'moneyCents', minWidth: 12 }, { header: col.travel, kind: 'moneyCents', minWidth: 12 }] satisfies ReportColumn[]) : []),
      { header: col.consent },
    ],
    rows: contributors.map((x) => [
      x.name.trim() || a.notForPublication,
      a.roles[x.role] ?? x.role,
      x.organisation,
      x.perspectiveId ? (perspectives.get(x.perspectiveId) ?? '') : a.noPerspective,
      x.topics.join(', '),
      x.languages.map(tag).join(', '),
      a.statuses[x.status] ?? x.status,
      ...(full ? [x.email, x.phone] : []),
      ...(fees ? [x.feeCents, x.travelCents] : []),
      x.consentPublish ? a.yes : a.no,
    ]),
  };
}

function tablesTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const plans = [...data.tables].sort((x, y) => {
    const a = sessions.get(x.sessionId);
    const b = sessions.get(y.sessionId);
    return (a?.date ?? '').localeCompare(b?.date ?? '') || (a?.startTime ?? '').localeCompare(b?.startTime ?? '') || x.sessionId.localeCompare(y.sessionId) || x.round - y.round || x.id.localeCompare(y.id);
  });
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    return {
      name: w.sheets.tables,
      columns: [
        ...sessionColumns(c),
        { header: c.round, kind: 'integer', minWidth: 10 },
        { header: c.tableCount, kind: 'integer', minWidth: 10 },
        { header: c.seated, kind: 'integer', minWidth: 12 },
        { header: c.smallest, kind: 'integer', minWidth: 12 },
        { header: c.largest, kind: 'integer', minWidth: 12 },
      ],
      rows: plans.map((p) => {
        const s = sessions.get(p.sessionId);
        const sizes = counts?.tableSizes[p.id] ?? null;
        return [
          s?.name ?? '',
          s?.date ?? null,
          p.round,
          p.tables.length,
          sizes ? countCell(sizes.reduce((x, y) => x + y, 0), o.level) : null,
          sizes && sizes.length > 0 ? countCell(Math.min(...sizes), o.level) : null,
          sizes && sizes.length > 0 ? countCell(Math.max(...sizes), o.level) : null,
        ];
      }),
    };
  }
  const full = o.level === 'full';
  const names = contributorNames(data, l);
  const rows: CellInput[][] = [];
  for (const p of plans) {
    const s = sessions.get(p.sessionId);
    for (const t of [...p.tables].sort((x, y) => x.number - y.number)) {
      const members = inOrder(t.members, o);
      const facilitator = t.facilitatorId ? names([t.facilitatorId]) : '';
      for (const m of members) {
        rows.push([s?.name ?? '', s?.date ?? null, p.round, t.number, t.group, facilitator, m.code, ...(full ? [m.lastName, m.firstName] : []), tag(m.language)]);
      }
    }
  }
  return {
    name: w.sheets.tables,
    columns: [
      ...sessionColumns(c),
      { header: c.round, kind: 'integer', minWidth: 10 },
      { header: c.table, kind: 'integer', minWidth: 10 },
      { header: c.group, maxWidth: 24 },
      { header: c.facilitator, maxWidth: 36 },
      ...personColumns(c, full),
      { header: c.language, minWidth: 10 },
    ],
    rows,
  };
}

/** The answers of a per-item ballot, in the order of its counts. */
function answersOf(rule: BallotRule, l: ReportLabels): string[] {
  const a = l.report.answers;
  if (rule.method === 'yesNo') return [a.for, a.against, a.abstain];
  if (rule.method === 'scale') return rule.levels;
  return [];
}

function ballotsTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const rows: CellInput[][] = [];
  const ballots = [...data.ballots].sort((x, y) => {
    const a = sessions.get(x.ballot.sessionId)?.date ?? '';
    const b = sessions.get(y.ballot.sessionId)?.date ?? '';
    return a.localeCompare(b) || x.ballot.createdAt.localeCompare(y.ballot.createdAt) || x.ballot.id.localeCompare(y.ballot.id);
  });
  for (const { ballot, result } of ballots) {
    const s = sessions.get(ballot.sessionId);
    const threshold = w.threshold(ballot.rule);
    const head = [ballot.title, s?.date ?? null, w.methods[ballot.rule.method], threshold, countCell(result.present, o.level), result.quorumMet ? w.yes : w.no];
    const people = (n: number) => countCell(n, o.level);
    // A percentage of the base, suppressed with its count.
    const pct = (n: number, share: number | null | undefined) => (share === null || share === undefined ? null : o.level === 'aggregate' && n > 0 && n < SMALL_CELL ? countCell(n, o.level) : share);
    if (result.ranking === null) {
      const answers = answersOf(ballot.rule, l);
      for (const item of result.items) {
        const outcome = !result.quorumMet ? w.outcomes.quorumNotMet : item.adopted ? w.outcomes.adopted : item.tie ? w.outcomes.tie : w.outcomes.notAdopted;
        const base = people(item.base);
        item.counts.forEach((n, k) => {
          rows.push([...head, item.number, item.title, answers[k] ?? String(k + 1), people(n), pct(n, item.percentages[k]), base, outcome]);
        });
        rows.push([...head, item.number, item.title, w.answers.blank, people(item.blank), null, base, outcome]);
        rows.push([...head, item.number, item.title, w.answers.spoilt, people(item.spoilt), null, base, outcome]);
      }
    } else {
      const r = result.ranking;
      const items = new Map(ballot.items.map((i) => [i.id, i]));
      const answer = ballot.rule.method === 'approval' ? w.answers.picks : ballot.rule.method === 'ranking' && ballot.rule.count === 'schulze' ? w.answers.wins : w.answers.points;
      const valid = result.papers.valid;
      let rank = 1;
      for (const group of r.order) {
        for (const id of group) {
          const item = items.get(id);
          const score = r.scores[id] ?? 0;
          const outcome = !result.quorumMet ? w.outcomes.quorumNotMet : `${w.outcomes.rank(rank)}${r.winners.includes(id) ? ` (${w.outcomes.winner})` : ''}`;
          rows.push([
            ...head,
            item?.number ?? '',
            item?.title ?? '',
            answer,
            people(score),
            ballot.rule.method === 'approval' && valid > 0 ? pct(score, score / valid) : null,
            people(valid),
            outcome,
          ]);
        }
        rank += group.length;
      }
      rows.push([...head, null, null, w.answers.blank, people(result.papers.blank), null, people(valid), null]);
      rows.push([...head, null, null, w.answers.spoilt, people(result.papers.spoilt), null, people(valid), null]);
    }
  }
  return {
    name: w.sheets.ballots,
    columns: [
      { header: c.ballot, maxWidth: 40 },
      { header: c.date, kind: 'date', minWidth: 12 },
      { header: c.method, minWidth: 10 },
      { header: c.threshold, maxWidth: 50 },
      { header: c.membersPresent, kind: 'integer', minWidth: 12 },
      { header: c.quorumMet, minWidth: 10 },
      { header: c.item, minWidth: 8 },
      { header: c.itemTitle, maxWidth: 60 },
      { header: c.answer, minWidth: 10, maxWidth: 30 },
      { header: c.votes, kind: 'integer', minWidth: 10 },
      { header: c.percentage, kind: 'percent', minWidth: 10 },
      { header: c.base, kind: 'integer', minWidth: 10 },
      { header: c.outcome, maxWidth: 40 },
    ],
    rows,
  };
}

function selectionTable(data: ReportData, o: ReportOptions, l: ReportLabels): ReportTableDef {
  const w = l.report;
  const c = w.columns;
  const codes = o.level !== 'aggregate';
  const tz = data.assembly.timeZone;
  const runs = [...data.selection].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
  const dateTime = (header: string): ReportColumn => ({ header, kind: 'date', numFmt: DATE_TIME_FORMAT, minWidth: 18 });
  const probability = (header: string): ReportColumn => ({ header, kind: 'percent', numFmt: PROBABILITY_FORMAT, minWidth: 12 });
  return {
    name: w.sheets.selection,
    columns: [
      dateTime(c.preparedAt),
      { header: c.runKind, minWidth: 10 },
      { header: c.runStatus, minWidth: 10 },
      { header: c.algorithm, minWidth: 10 },
      { header: c.version, minWidth: 10 },
      { header: c.panelSize, kind: 'integer', minWidth: 10 },
      { header: c.onePerHousehold, minWidth: 10 },
      { header: c.inputHash, minWidth: 20, maxWidth: 70 },
      { header: c.seedMode, minWidth: 12 },
      { header: c.seed, minWidth: 12, maxWidth: 70 },
      { header: c.publicNumbers, minWidth: 12, maxWidth: 40 },
      { header: c.lotterySize, kind: 'integer', minWidth: 10 },
      { header: c.lotterySource, minWidth: 12 },
      { header: c.lotteryHash, minWidth: 20, maxWidth: 70 },
      probability(c.maxDeviation),
      { header: c.ticket, kind: 'integer', minWidth: 10 },
      { header: c.candidates, kind: 'integer', minWidth: 12 },
      probability(c.minProbability),
      probability(c.meanProbability),
      probability(c.maxProbability),
      { header: c.gini, kind: 'number', numFmt: GINI_FORMAT, minWidth: 10 },
      probability(c.certificateBound),
      probability(c.certificateGap),
      { header: c.complete, minWidth: 10 },
      dateTime(c.drawnAt),
      { header: c.drawnBy, maxWidth: 30 },
      ...(codes ? ([{ header: c.panelCodes, maxWidth: 80, wrap: true }] satisfies ReportColumn[]) : []),
      { header: c.superseded, maxWidth: 50 },
    ],
    rows: runs.map((r) => [
      venueDateTime(r.at, tz),
      w.runKinds[r.kind],
      w.runStatuses[r.status] ?? r.status,
      r.algorithm,
      r.algorithmVersion,
      r.panelSize,
      r.onePerHousehold ? w.yes : w.no,
      r.inputHash,
      r.seedMode ? w.seedModes[r.seedMode] : null,
      r.seed,
      r.publicNumbers ? r.publicNumbers.join(' ') : null,
      r.lottery?.size ?? null,
      r.lottery ? w.sources[r.lottery.source] : null,
      r.lottery?.hash ?? null,
      r.lottery?.maxDeviation ?? null,
      r.ticket,
      countCell(r.summary.count, o.level),
      r.summary.min,
      r.summary.mean,
      r.summary.max,
      r.summary.gini,
      r.certificate?.upperBound ?? null,
      r.certificate?.gap ?? null,
      r.complete ? w.yes : w.no,
      venueDateTime(r.drawnAt, tz),
      r.drawnBy,
      ...(codes ? [r.panel ? r.panel.join(' ') : null] : []),
      r.supersededReason,
    ]),
  };
}

const BUILDERS: Record<ReportTable, (data: ReportData, o: ReportOptions, l: ReportLabels) => ReportTableDef> = {
  participants: participantsTable,
  funnel: funnelTable,
  representativeness: representativenessTable,
  attendance: attendanceTable,
  perDiem: perDiemTable,
  agenda: agendaTable,
  contributors: contributorsTable,
  tables: tablesTable,
  ballots: ballotsTable,
  selection: selectionTable,
};

/** One table of the report, at a level, in a language. */
export function reportTable(data: ReportData, table: ReportTable, o: ReportOptions): ReportTableDef {
  const build = BUILDERS[table];
  if (!build) throw new RangeError(`Unknown report table: ${String(table)}`);
  return build(data, o, reportLabels(o.lang));
}
