/**
 * The tables of the report workbook, each also exportable alone as CSV (REPORT_TABLES): what a
 * table holds at each privacy level, its translated name and headers, and its rows as typed
 * cells (see xlsx.ts). workbook.ts writes them as sheets, and as CSV.
 *
 * The data has already been reduced to what the level may show (privacy.ts: forLevel); on top of
 * that, at the aggregate level the disclosure policy applies (main/domain/disclosure, the cells
 * chosen once per data in disclosure.ts): votes in full; a count of 1 to 4 people, every cell,
 * percentage or amount that would give it back, is an empty cell (null: numeric columns stay
 * numeric), listed in the table's `suppressed` with its `legend`; and no table has a row about a
 * person:
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
import { notHeldWords, thresholdWords } from './ballotWords';
import { byLastName, reportLocale, reportT, type ReportLang, type ReportT } from './i18n';
import { protectLine } from '../domain/disclosure';
import { disclosureOf } from './disclosure';
import type { PrivacyLevel } from './privacy';
import type { CellInput, ColumnSpec } from './xlsx';
import { PUBLIC_TABLE_BUILDERS } from './publicTables';

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
  /** [row, column] (0-based, in `rows`) of the cells left empty by the disclosure policy. */
  suppressed?: [number, number][];
  /** Why those cells are empty, in the report's language: present when `suppressed` is not empty. */
  legend?: string;
}

/** A suppressed cell while a table is built: becomes null, listed in the table's `suppressed`. */
const HIDDEN = Symbol('suppressed');
type BuildCell = CellInput | typeof HIDDEN;

/** A count, or HIDDEN. */
const count = (n: number, hidden: boolean): BuildCell => (hidden ? HIDDEN : n);
/** A share of a count in its base, hidden with the count (share x base gives it back); null without a base. */
const shareOf = (part: number, whole: number, hidden: boolean): BuildCell => (whole <= 0 ? null : hidden ? HIDDEN : part / whole);

/** The rows with HIDDEN as empty cells, their places and the legend. */
function withSuppressed(def: Omit<ReportTableDef, 'rows'> & { rows: BuildCell[][] }, t: ReportT): ReportTableDef {
  const suppressed: [number, number][] = [];
  const rows = def.rows.map((row, r) =>
    row.map((cell, c): CellInput => {
      if (cell !== HIDDEN) return cell;
      suppressed.push([r, c]);
      return null;
    }),
  );
  return suppressed.length > 0 ? { ...def, rows, suppressed, legend: t('report.suppressedLegend') } : { ...def, rows };
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
  perDiem: {
    people: number;
    fullDays: number;
    halfDays: number;
    perDiemCents: number;
    travelCents: number;
    childcareCents: number;
    totalCents: number;
    /** People paid travel, childcare: an amount paid to 1–4 people is suppressed (its daily rate is published). */
    travelPeople?: number;
    childcarePeople?: number;
  };
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
      travelPeople: paid.filter((r) => r.travelCents > 0).length,
      childcarePeople: paid.filter((r) => r.childcareCents > 0).length,
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

/** A person's code, then at the full level their last and first names. */
const personColumns = (t: ReportT, full: boolean): ReportColumn[] => [
  { header: t('report.columns.code'), minWidth: 10 },
  ...(full ? ([{ header: t('report.columns.lastName'), maxWidth: 30 }, { header: t('report.columns.firstName'), maxWidth: 24 }] satisfies ReportColumn[]) : []),
];

/** A session's name and date. */
const sessionColumns = (t: ReportT): ReportColumn[] => [
  { header: t('report.columns.session'), maxWidth: 40 },
  { header: t('report.columns.date'), kind: 'date', minWidth: 12 },
];

/** The number of sessions (or people) attended, excused, absent. */
const markColumns = (t: ReportT): ReportColumn[] => [
  { header: t('report.columns.attended'), kind: 'integer', minWidth: 10 },
  { header: t('report.columns.excused'), kind: 'integer', minWidth: 10 },
  { header: t('report.columns.absent'), kind: 'integer', minWidth: 10 },
];

function heldSessions(data: ReportData): Session[] {
  const byId = new Map(data.sessions.map((s) => [s.id, s]));
  return data.heldSessionIds.flatMap((id) => {
    const s = byId.get(id);
    return s ? [s] : [];
  });
}

/** One formatter per time zone (a workbook converts thousands of timestamps); null: not a zone Intl knows. */
const venueFormats = new Map<string, Intl.DateTimeFormat | null>();
function venueFormat(timeZone: string): Intl.DateTimeFormat | null {
  if (!venueFormats.has(timeZone)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    } catch {
      f = null;
    }
    venueFormats.set(timeZone, f);
  }
  return venueFormats.get(timeZone)!;
}

/**
 * A timestamp (ISO, UTC) as the Date Excel shows as the wall-clock time at the venue (Excel has
 * no time zones: the UTC fields are what it shows), or null.
 */
export function venueDateTime(iso: string | Date | null, timeZone: string): Date | null {
  if (iso === null) return null;
  const at = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const format = venueFormat(timeZone);
  if (!format) return new Date(Math.floor(at.getTime() / 1000) * 1000);
  const parts = format.formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')));
}

function participantsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const selected = data.funnel.selected;
    let rows: [string, number | null][];
    if (counts) {
      const order = ['selected', 'contacted', 'confirmed', 'declined', 'withdrawn', 'reserve', 'pool'];
      const known = Object.keys(counts.status).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
      rows = known.map((s) => [t(`report.statuses.${s}`, { defaultValue: s }), counts.status[s]!]);
    } else {
      // Without a count per status: the panel, and everyone else ever selected.
      rows = [
        [t('report.statuses.confirmed'), data.totals.panel],
        [t('report.notConfirmed'), Math.max(0, selected - data.totals.panel)],
      ];
    }
    const whole = rows.reduce((s, [, n]) => s + (n ?? 0), 0);
    // The statuses add up to everyone selected (published in the funnel): one protected line.
    const hidden = protectLine({ values: rows.map(([, n]) => n) }).hidden;
    const hiddenAt = (i: number) => hidden[i] === true;
    return withSuppressed({
      name: t('report.sheets.participants'),
      columns: [
        { header: t('report.columns.status'), maxWidth: 40 },
        { header: t('report.columns.people'), kind: 'integer', minWidth: 10 },
        { header: t('report.columns.share'), kind: 'percent', minWidth: 10 },
      ],
      rows: rows.map(([label, n], i) => [label, n === null ? null : count(n, hiddenAt(i)), n === null ? null : shareOf(n, whole, hiddenAt(i))]),
    }, t);
  }
  const features = featureNames(data);
  const full = o.level === 'full';
  const held = data.heldSessionIds;
  const columns: ReportColumn[] = [
    ...personColumns(t, full),
    ...(full
      ? ([
          { header: t('report.columns.email'), maxWidth: 40 },
          { header: t('report.columns.phone'), minWidth: 12, maxWidth: 20 },
          { header: t('report.columns.address'), maxWidth: 50 },
        ] satisfies ReportColumn[])
      : []),
    { header: t('report.columns.status'), minWidth: 12 },
    { header: t('report.columns.contactLanguage'), minWidth: 10 },
    ...features.map((f): ReportColumn => ({ header: f, minWidth: 10, maxWidth: 30 })),
    { header: t('report.columns.attended'), kind: 'integer', minWidth: 10 },
  ];
  const rows = inOrder(data.participants, o).map((p): CellInput[] => [
    p.code,
    ...(full ? [p.lastName, p.firstName, p.email, p.phone, p.address] : []),
    t(`report.statuses.${p.status}`, { defaultValue: p.status }),
    tag(p.language),
    ...features.map((f) => p.features[f] ?? null),
    held.filter((id) => p.attendance[id] === 'attended').length,
  ]);
  return { name: t('report.sheets.participants'), columns, rows };
}

function funnelTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const f = data.funnel;
  const steps: [string, number | null][] = [
    [t('report.funnel.invited'), f.invited],
    [t('report.funnel.responded'), f.responded],
    [t('report.funnel.selected'), f.selected],
    [t('report.funnel.confirmed'), f.confirmed],
    [t('report.funnel.attendedOnce'), f.attendedOnce],
    [t('report.funnel.attendedAll', { held: data.heldSessionIds.length, planned: data.sessions.length }), f.attendedAll],
  ];
  const d = disclosureOf(data, o.level).funnel;
  const hidden = [d.invited, d.responded, d.selected, d.confirmed, d.attendedOnce, d.attendedAll];
  const rows = steps.map(([label, n], i): BuildCell[] => {
    const previous = i > 0 ? steps[i - 1]![1] : null;
    // A share of a hidden previous step would give that step back (n / share): hidden with it.
    const h = hidden[i]! || (i > 0 && hidden[i - 1]! && n !== 0);
    return [
      label,
      n === null ? t('report.notRecorded') : count(n, hidden[i]!),
      n === null || previous === null ? null : shareOf(n, previous, h),
      n === null || i === 0 ? null : shareOf(n, f.responded, hidden[i]! || (hidden[1]! && n !== 0)),
    ];
  });
  return withSuppressed({
    name: t('report.sheets.funnel'),
    columns: [
      { header: t('report.columns.stage'), maxWidth: 40 },
      { header: t('report.columns.people'), kind: 'integer', minWidth: 12 },
      { header: t('report.columns.shareOfPrevious'), kind: 'percent', minWidth: 12 },
      { header: t('report.columns.shareOfResponded'), kind: 'percent', minWidth: 12 },
    ],
    rows,
  }, t);
}

function representativenessTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const totals = data.totals;
  const d = disclosureOf(data, o.level).representativeness;
  return withSuppressed({
    name: t('report.sheets.representativeness'),
    columns: [
      { header: t('report.columns.feature'), maxWidth: 30 },
      { header: t('report.columns.value'), maxWidth: 30 },
      { header: t('report.columns.population'), kind: 'percent', minWidth: 12 },
      { header: t('report.columns.pool'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.poolShare'), kind: 'percent', minWidth: 12 },
      { header: t('report.columns.panel'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.panelShare'), kind: 'percent', minWidth: 10 },
      { header: t('report.columns.present'), kind: 'integer', minWidth: 12 },
      { header: t('report.columns.presentShare'), kind: 'percent', minWidth: 12 },
      { header: t('report.columns.quotaMin'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.quotaMax'), kind: 'integer', minWidth: 10 },
    ],
    rows: data.representativeness.map((r, i) => {
      const h = d[i]!;
      return [
        r.feature,
        r.value,
        r.population,
        count(r.pool, h.pool),
        shareOf(r.pool, totals.pool, h.pool),
        count(r.panel, h.panel),
        shareOf(r.panel, totals.panel, h.panel),
        data.lastHeldSessionId === null ? null : count(r.present, h.present),
        data.lastHeldSessionId === null ? null : shareOf(r.present, totals.presentLast, h.present),
        // The quota bounds of a hidden panel count would bound it (2..2 prints it).
        r.quotaMin === null ? null : h.quota ? HIDDEN : r.quotaMin,
        r.quotaMax === null ? null : h.quota ? HIDDEN : r.quotaMax,
      ];
    }),
  }, t);
}

function attendanceTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const sessions = heldSessions(data);
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const d = disclosureOf(data, o.level).attendance;
    return withSuppressed({
      name: t('report.sheets.attendance'),
      columns: [...sessionColumns(t), ...markColumns(t), { header: t('report.columns.attendanceRate'), kind: 'percent', minWidth: 12 }],
      rows: sessions.map((s): BuildCell[] => {
        const n = counts?.attendance[s.id];
        if (!n) return [s.name, s.date, null, null, null, null];
        const expected = n.attended + n.excused + n.absent;
        const h = d[s.id] ?? { attended: false, excused: false, absent: false };
        return [s.name, s.date, count(n.attended, h.attended), count(n.excused, h.excused), count(n.absent, h.absent), shareOf(n.attended, expected, h.attended)];
      }),
    }, t);
  }
  const full = o.level === 'full';
  const columns: ReportColumn[] = [...personColumns(t, full), ...sessions.map((s): ReportColumn => ({ header: s.name, minWidth: 12, maxWidth: 24 })), ...markColumns(t)];
  const rows = inOrder(data.participants, o).map((p): CellInput[] => {
    const marks = sessions.map((s) => p.attendance[s.id]);
    const count = (m: AttendanceMark) => marks.filter((x) => x === m).length;
    return [
      p.code,
      ...(full ? [p.lastName, p.firstName] : []),
      ...marks.map((m) => (m ? t(`report.marks.${m}`) : null)),
      count('attended'),
      count('excused'),
      count('absent'),
    ];
  });
  return { name: t('report.sheets.attendance'), columns, rows };
}

function perDiemTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const money = (header: string): ReportColumn => ({ header, kind: 'moneyCents', minWidth: 12 });
  const amounts: ReportColumn[] = [
    { header: t('report.columns.fullDays'), kind: 'integer', minWidth: 12 },
    { header: t('report.columns.halfDays'), kind: 'integer', minWidth: 12 },
    money(t('report.columns.perDiem')),
    money(t('report.columns.travel')),
    money(t('report.columns.childcare')),
    money(t('report.columns.total')),
  ];
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const sums = counts?.perDiem;
    const h = disclosureOf(data, o.level).perDiem;
    return withSuppressed({
      name: t('report.sheets.perDiem'),
      columns: [{ header: t('report.columns.peoplePaid'), kind: 'integer', minWidth: 12 }, ...amounts],
      rows: [
        sums
          ? [count(sums.people, h.people), sums.fullDays, sums.halfDays, count(sums.perDiemCents, h.perDiem), count(sums.travelCents, h.travel), count(sums.childcareCents, h.childcare), count(sums.totalCents, h.total)]
          : [null, null, null, null, null, null, data.perDiem.totalCents],
      ],
    }, t);
  }
  const full = o.level === 'full';
  const rows = inOrder(data.perDiem.rows, o).map(
    (r): CellInput[] => [r.code, ...(full ? [r.lastName, r.firstName] : []), r.fullDays, r.halfDays, r.perDiemCents, r.travelCents, r.childcareCents, r.totalCents],
  );
  return { name: t('report.sheets.perDiem'), columns: [...personColumns(t, full), ...amounts], rows };
}

/** A contributor as a level may name them: their name, or their role when it may not be published. */
function contributorNames(data: ReportData, t: ReportT): (ids: readonly string[]) => string {
  const people = new Map(data.agenda.contributors.map((c) => [c.id, c]));
  return (ids) =>
    ids
      .flatMap((id) => {
        const c = people.get(id);
        if (!c) return [];
        return [c.name.trim() || t(`agenda.roles.${c.role}`, { defaultValue: c.role })];
      })
      .join(', ');
}

function agendaTable(data: ReportData, _o: ReportOptions, t: ReportT): ReportTableDef {
  return { name: t('report.sheets.agenda'), ...agendaSlotTable(data.agenda, t, contributorNames(data, t)) };
}

function contributorsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const full = o.level === 'full';
  const fees = o.level !== 'aggregate';
  const perspectives = new Map(data.agenda.perspectives.map((p) => [p.id, p.name]));
  const collator = new Intl.Collator(reportLocale(o.lang), { sensitivity: 'base', numeric: true });
  const contributors = [...data.agenda.contributors].sort(
    (x, y) =>
      // Unnamed (not for publication) after the named, by role.
      Number(!x.name.trim()) - Number(!y.name.trim()) || collator.compare(x.name, y.name) || collator.compare(t(`agenda.roles.${x.role}`), t(`agenda.roles.${y.role}`)) || x.id.localeCompare(y.id),
  );
  return {
    name: t('report.sheets.contributors'),
    columns: [
      { header: t('agenda.columns.name'), maxWidth: 36 },
      { header: t('agenda.columns.role'), maxWidth: 24 },
      { header: t('agenda.columns.organisation'), maxWidth: 40 },
      { header: t('agenda.columns.perspective'), maxWidth: 36 },
      { header: t('agenda.columns.topics'), maxWidth: 50 },
      { header: t('agenda.columns.languages') },
      { header: t('agenda.columns.status') },
      ...(full ? ([{ header: t('report.columns.email'), maxWidth: 40 }, { header: t('report.columns.phone'), minWidth: 12, maxWidth: 20 }] satisfies ReportColumn[]) : []),
      ...(fees ? ([{ header: t('agenda.columns.fee'), kind: 'moneyCents', minWidth: 12 }, { header: t('agenda.columns.travel'), kind: 'moneyCents', minWidth: 12 }] satisfies ReportColumn[]) : []),
      { header: t('agenda.columns.consent') },
    ],
    rows: contributors.map((x) => [
      x.name.trim() || t('agenda.notForPublication'),
      t(`agenda.roles.${x.role}`, { defaultValue: x.role }),
      x.organisation,
      x.perspectiveId ? (perspectives.get(x.perspectiveId) ?? '') : t('agenda.noPerspective'),
      x.topics.join(', '),
      x.languages.map(tag).join(', '),
      t(`agenda.statuses.${x.status}`, { defaultValue: x.status }),
      ...(full ? [x.email, x.phone] : []),
      ...(fees ? [x.feeCents, x.travelCents] : []),
      x.consentPublish ? t('agenda.yes') : t('agenda.no'),
    ]),
  };
}

function tablesTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const plans = [...data.tables].sort((x, y) => {
    const a = sessions.get(x.sessionId);
    const b = sessions.get(y.sessionId);
    return (a?.date ?? '').localeCompare(b?.date ?? '') || (a?.startTime ?? '').localeCompare(b?.startTime ?? '') || x.sessionId.localeCompare(y.sessionId) || x.round - y.round || x.id.localeCompare(y.id);
  });
  if (o.level === 'aggregate') {
    const counts = countsFor(data, o.level);
    const d = disclosureOf(data, o.level).tables;
    return withSuppressed({
      name: t('report.sheets.tables'),
      columns: [
        ...sessionColumns(t),
        { header: t('report.columns.round'), kind: 'integer', minWidth: 10 },
        { header: t('report.columns.tableCount'), kind: 'integer', minWidth: 10 },
        { header: t('report.columns.seated'), kind: 'integer', minWidth: 12 },
        { header: t('report.columns.smallest'), kind: 'integer', minWidth: 12 },
        { header: t('report.columns.largest'), kind: 'integer', minWidth: 12 },
      ],
      rows: plans.map((p): BuildCell[] => {
        const s = sessions.get(p.sessionId);
        const sizes = counts?.tableSizes[p.id] ?? null;
        const h = d[p.id] ?? { seated: false, smallest: false, largest: false };
        return [
          s?.name ?? '',
          s?.date ?? null,
          p.round,
          p.tables.length,
          sizes ? count(sizes.reduce((x, y) => x + y, 0), h.seated) : null,
          sizes && sizes.length > 0 ? count(Math.min(...sizes), h.smallest) : null,
          sizes && sizes.length > 0 ? count(Math.max(...sizes), h.largest) : null,
        ];
      }),
    }, t);
  }
  const full = o.level === 'full';
  const names = contributorNames(data, t);
  const rows: CellInput[][] = [];
  for (const p of plans) {
    const s = sessions.get(p.sessionId);
    for (const table of [...p.tables].sort((x, y) => x.number - y.number)) {
      const members = inOrder(table.members, o);
      const facilitator = table.facilitatorId ? names([table.facilitatorId]) : '';
      for (const m of members) {
        rows.push([s?.name ?? '', s?.date ?? null, p.round, table.number, table.group, facilitator, m.code, ...(full ? [m.lastName, m.firstName] : []), tag(m.language)]);
      }
    }
  }
  return {
    name: t('report.sheets.tables'),
    columns: [
      ...sessionColumns(t),
      { header: t('report.columns.round'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.table'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.group'), maxWidth: 24 },
      { header: t('report.columns.facilitator'), maxWidth: 36 },
      ...personColumns(t, full),
      { header: t('report.columns.language'), minWidth: 10 },
    ],
    rows,
  };
}

/** The answers of a per-item ballot, in the order of its counts. */
function answersOf(rule: BallotRule, t: ReportT): string[] {
  if (rule.method === 'yesNo') return [t('report.answers.for'), t('report.answers.against'), t('report.answers.abstain')];
  if (rule.method === 'scale') return rule.levels;
  return [];
}

function ballotsTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  const rows: CellInput[][] = [];
  const ballots = [...data.ballots].sort((x, y) => {
    const a = sessions.get(x.ballot.sessionId)?.date ?? '';
    const b = sessions.get(y.ballot.sessionId)?.date ?? '';
    return a.localeCompare(b) || x.ballot.createdAt.localeCompare(y.ballot.createdAt) || x.ballot.id.localeCompare(y.ballot.id);
  });
  for (const { ballot, result } of ballots) {
    const chair = result.chair ?? '';
    const s = sessions.get(ballot.sessionId);
    const threshold = thresholdWords(t, ballot.rule);
    // Votes are results of a public body: published in full at every level (the disclosure policy).
    const head = [ballot.title, s?.date ?? null, t(`report.methods.${ballot.rule.method}`), threshold, result.present, result.quorumMet ? t('report.yes') : t('report.no')];
    const people = (n: number) => n;
    const pct = (_n: number, share: number | null | undefined) => (share === null || share === undefined ? null : share);
    if (result.ranking === null) {
      const answers = answersOf(ballot.rule, t);
      for (const item of result.items) {
        const outcome = !result.quorumMet
          ? t('report.outcomes.quorumNotMet')
          : item.tie && item.settled === 'castingVote'
            ? item.adopted
              ? t('report.outcomes.adoptedByCastingVote', { chair })
              : t('report.outcomes.notAdoptedByCastingVote', { chair })
            : item.adopted
              ? t('report.outcomes.adopted')
              : item.tie && item.settled === 'newVote'
                ? t('report.outcomes.tieNewVote')
                : item.tie
                  ? t('report.outcomes.tie')
                  : t('report.outcomes.notAdopted');
        const base = people(item.base);
        item.counts.forEach((n, k) => {
          rows.push([...head, item.number, item.title, answers[k] ?? String(k + 1), people(n), pct(n, item.percentages[k]), base, outcome]);
        });
        rows.push([...head, item.number, item.title, t('report.answers.blank'), people(item.blank), null, base, outcome]);
        rows.push([...head, item.number, item.title, t('report.answers.spoilt'), people(item.spoilt), null, base, outcome]);
      }
    } else {
      const r = result.ranking;
      const items = new Map(ballot.items.map((i) => [i.id, i]));
      const answer = ballot.rule.method === 'approval' ? t('report.answers.picks') : ballot.rule.method === 'ranking' && ballot.rule.count === 'schulze' ? t('report.answers.wins') : t('report.answers.points');
      const valid = result.papers.valid;
      let rank = 1;
      for (const group of r.order) {
        for (const id of group) {
          const item = items.get(id);
          const score = r.scores[id] ?? 0;
          const won = r.winners.includes(id);
          const mark = !won
            ? ''
            : r.settled === 'castingVote'
              ? ` (${t('report.outcomes.winnerByCastingVote', { chair })})`
              : r.settled === 'newVote'
                ? ` (${t('report.outcomes.tieNewVote')})`
                : ` (${t('report.outcomes.winner')})`;
          const outcome = !result.quorumMet ? t('report.outcomes.quorumNotMet') : `${t('report.outcomes.rank', { count: rank, ordinal: true })}${mark}`;
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
      rows.push([...head, null, null, t('report.answers.blank'), people(result.papers.blank), null, people(valid), null]);
      rows.push([...head, null, null, t('report.answers.spoilt'), people(result.papers.spoilt), null, people(valid), null]);
    }
  }
  // Ballots not held (their condition was not met): one row each, with the reason as the outcome.
  for (const { ballot, dependency } of data.notHeld ?? []) {
    const s = sessions.get(ballot.sessionId);
    rows.push([ballot.title, s?.date ?? null, t(`report.methods.${ballot.rule.method}`), thresholdWords(t, ballot.rule), null, null, null, null, null, null, null, null, notHeldWords(t, dependency)]);
  }
  return {
    name: t('report.sheets.ballots'),
    columns: [
      { header: t('report.columns.ballot'), maxWidth: 40 },
      { header: t('report.columns.date'), kind: 'date', minWidth: 12 },
      { header: t('report.columns.method'), minWidth: 10 },
      { header: t('report.columns.threshold'), maxWidth: 50 },
      { header: t('report.columns.membersPresent'), kind: 'integer', minWidth: 12 },
      { header: t('report.columns.quorumMet'), minWidth: 10 },
      { header: t('report.columns.item'), minWidth: 8 },
      { header: t('report.columns.itemTitle'), maxWidth: 60 },
      { header: t('report.columns.answer'), minWidth: 10, maxWidth: 30 },
      { header: t('report.columns.votes'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.percentage'), kind: 'percent', minWidth: 10 },
      { header: t('report.columns.base'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.outcome'), maxWidth: 40 },
    ],
    rows,
  };
}

function selectionTable(data: ReportData, o: ReportOptions, t: ReportT): ReportTableDef {
  const codes = o.level !== 'aggregate';
  const tz = data.assembly.timeZone;
  const runs = [...data.selection].sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id));
  const dateTime = (header: string): ReportColumn => ({ header, kind: 'date', numFmt: DATE_TIME_FORMAT, minWidth: 18 });
  const probability = (header: string): ReportColumn => ({ header, kind: 'percent', numFmt: PROBABILITY_FORMAT, minWidth: 12 });
  return withSuppressed({
    name: t('report.sheets.selection'),
    columns: [
      dateTime(t('report.columns.preparedAt')),
      { header: t('report.columns.runKind'), minWidth: 10 },
      { header: t('report.columns.runStatus'), minWidth: 10 },
      { header: t('report.columns.algorithm'), minWidth: 10 },
      { header: t('report.columns.version'), minWidth: 10 },
      { header: t('report.columns.panelSize'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.onePerHousehold'), minWidth: 10 },
      { header: t('report.columns.inputHash'), minWidth: 20, maxWidth: 70 },
      { header: t('report.columns.seedMode'), minWidth: 12 },
      { header: t('report.columns.seed'), minWidth: 12, maxWidth: 70 },
      { header: t('report.columns.publicNumbers'), minWidth: 12, maxWidth: 40 },
      { header: t('report.columns.lotterySize'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.lotterySource'), minWidth: 12 },
      { header: t('report.columns.lotteryHash'), minWidth: 20, maxWidth: 70 },
      probability(t('report.columns.maxDeviation')),
      { header: t('report.columns.ticket'), kind: 'integer', minWidth: 10 },
      { header: t('report.columns.candidates'), kind: 'integer', minWidth: 12 },
      probability(t('report.columns.minProbability')),
      probability(t('report.columns.meanProbability')),
      probability(t('report.columns.maxProbability')),
      { header: t('report.columns.gini'), kind: 'number', numFmt: GINI_FORMAT, minWidth: 10 },
      probability(t('report.columns.certificateBound')),
      probability(t('report.columns.certificateGap')),
      { header: t('report.columns.complete'), minWidth: 10 },
      dateTime(t('report.columns.drawnAt')),
      { header: t('report.columns.drawnBy'), maxWidth: 30 },
      ...(codes ? ([{ header: t('report.columns.panelCodes'), maxWidth: 80, wrap: true }] satisfies ReportColumn[]) : []),
      { header: t('report.columns.superseded'), maxWidth: 50 },
    ],
    rows: runs.map((r) => [
      venueDateTime(r.at, tz),
      t(`report.runKinds.${r.kind}`),
      t(`report.runStatuses.${r.status}`, { defaultValue: r.status }),
      r.algorithm,
      r.algorithmVersion,
      r.panelSize,
      r.onePerHousehold ? t('report.yes') : t('report.no'),
      r.inputHash,
      r.seedMode ? t(`report.seedModes.${r.seedMode}`) : null,
      r.seed,
      r.publicNumbers ? r.publicNumbers.join(' ') : null,
      r.lottery?.size ?? null,
      r.lottery ? t(`report.sources.${r.lottery.source}`) : null,
      r.lottery?.hash ?? null,
      r.lottery?.maxDeviation ?? null,
      r.ticket,
      count(r.summary.count, disclosureOf(data, o.level).histogram[r.id]?.candidates === true),
      r.summary.min,
      r.summary.mean,
      r.summary.max,
      r.summary.gini,
      r.certificate?.upperBound ?? null,
      r.certificate?.gap ?? null,
      r.complete ? t('report.yes') : t('report.no'),
      venueDateTime(r.drawnAt, tz),
      r.drawnBy,
      ...(codes ? [r.panel ? r.panel.join(' ') : null] : []),
      r.supersededReason,
    ]),
  }, t);
}

const BUILDERS: Record<ReportTable, (data: ReportData, o: ReportOptions, t: ReportT) => ReportTableDef> = {
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
  // The public report's tables (issue 17): publicTables.ts.
  ...PUBLIC_TABLE_BUILDERS,
};

/** One table of the report, at a level, in a language. */
export function reportTable(data: ReportData, table: ReportTable, o: ReportOptions): ReportTableDef {
  const build = BUILDERS[table];
  if (!build) throw new RangeError(`Unknown report table: ${String(table)}`);
  return build(data, o, reportT(o.lang));
}
