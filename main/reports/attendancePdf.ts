/**
 * Attendance and per-diem (A4 portrait):
 *
 *  - per held session: members present, excused and absent, and the share present of those
 *    expected, with a bar chart (counts of people: "<5" at the aggregate level);
 *  - the attendance matrix, members × held sessions (by name at the full level, by code when
 *    pseudonymised; left out at the aggregate level, and said so);
 *  - the per-diem rules and the payments per member (at the aggregate level: the totals only).
 *
 * At the aggregate level the report data holds no participant: the counts per session and the
 * per-diem totals come from `data.counts` (ReportCounts, computed before the rows are dropped). No session held yet: a
 * RangeError.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Session } from '../domain/sessions/types';
import type { ReportData, ReportParticipant } from './data';
import { byLastName, reportLabels, type ReportLabels } from './labels';
import type { ReportCounts } from './reportTables';
import {
  COLORS,
  countText,
  dataTable,
  factsTable,
  heading,
  horizontalBars,
  integer,
  keepPageBreak,
  money,
  note,
  para,
  share,
  shortDate,
  titleBlock,
  type Bar,
  type ReportPdfOptions,
} from './pdf/charts';
import { A4, GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

const SIDE = 40;
const WIDTH = A4.width - 2 * SIDE;

export interface SessionAttendance {
  sessionId: string;
  attended: number;
  excused: number;
  absent: number;
}

export type PerDiemTotals = ReportCounts['perDiem'];

/** Counts per held session, from the counts gathered before the rows were dropped (kept at every level). */
export function sessionCounts(data: ReportData): SessionAttendance[] {
  return data.heldSessionIds.map((id) => ({ sessionId: id, attended: 0, excused: 0, absent: 0, ...data.counts.attendance[id] }));
}

function perSession(data: ReportData, held: Session[], opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const t = labels.reports.attendance;
  const { level, lang } = opts;
  const counts = sessionCounts(data);
  const out: Content[] = [heading(t.perSession, 2, 120)];
  const rows = counts.map((c, i) => {
    const expected = c.attended + c.excused + c.absent;
    return { session: held[i]!, c, rate: share(c.attended, expected, level, lang) };
  });
  out.push(
    dataTable(
      [t.session, t.date, t.attended, t.excused, t.absent, t.rate],
      rows.map((r): TableCell[] => [r.session.name, shortDate(r.session.date, lang), countText(r.c.attended, level, lang), countText(r.c.excused, level, lang), countText(r.c.absent, level, lang), r.rate.text]),
      { widths: ['*', 72, 52, 62, 52, 56], align: ['left', 'left', 'right', 'right', 'right', 'right'], fontSize: 9 },
    ),
    horizontalBars(
      rows.map((r): Bar => ({ label: `${shortDate(r.session.date, lang)}`, value: r.rate.value, text: r.rate.text, color: COLORS.series[2] })),
      { width: WIDTH, labelWidth: 90, valueWidth: 60 },
    ),
    note(`${t.rateNote}${level === 'aggregate' ? ` ${labels.reports.suppressedNote}` : ''}`),
  );
  return out;
}

const MARKS = { attended: '●', excused: '○', absent: '×' } as const;
const MARK_COLOURS = { attended: COLORS.adopted, excused: '#7a7a7a', absent: COLORS.rejected } as const;

function nameOf(p: ReportParticipant): string {
  return [p.lastName.trim(), p.firstName.trim()].filter((x) => x !== '').join(', ');
}

function matrix(data: ReportData, held: Session[], opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const t = labels.reports.attendance;
  const out: Content[] = [heading(t.matrix, 2, 160, { pageBreak: 'before' })];
  if (opts.level === 'aggregate') {
    out.push(para(t.matrixLeftOut, { italics: true }));
    return out;
  }
  const people = data.participants.filter((p) => held.some((s) => p.attendance[s.id] !== undefined));
  if (people.length === 0) {
    out.push(para(t.noMarks));
    return out;
  }
  const named = opts.level === 'full' && people.some((p) => nameOf(p) !== '');
  const sorted = named ? byLastName(people, opts.lang) : [...people].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sessionHeads = held.map((_, i) => `S${i + 1}`);
  out.push(note(held.map((s, i) => `S${i + 1}: ${shortDate(s.date, opts.lang)} — ${s.name}`).join('   ·   '), { fontSize: 8 }));
  out.push(note(t.matrixLegend, { fontSize: 8.5, color: '#222222' }));
  const head = [...(named ? [t.name] : []), t.code, ...sessionHeads, t.sessionsAttended];
  const rows = sorted.map((p): TableCell[] => {
    const attended = held.filter((s) => p.attendance[s.id] === 'attended').length;
    return [
      ...(named ? [nameOf(p) || '—'] : []),
      { text: p.code, color: named ? GREY : '#000000' },
      ...held.map((s): TableCell => {
        const m = p.attendance[s.id];
        return m ? { text: MARKS[m], color: MARK_COLOURS[m], alignment: 'center' } : '';
      }),
      `${attended} / ${held.length}`,
    ];
  });
  const sessionWidth = Math.max(18, Math.min(34, (WIDTH - (named ? 200 : 80) - 50) / held.length));
  out.push(
    dataTable(head, rows, {
      widths: [...(named ? ['*' as const] : []), named ? 60 : ('*' as const), ...held.map(() => sessionWidth), 46],
      align: [...(named ? ['left' as const] : []), 'left', ...held.map(() => 'center' as const), 'right'],
      fontSize: 8.5,
    }),
  );
  return out;
}

function perDiem(data: ReportData, opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const t = labels.reports.attendance;
  const { level, lang } = opts;
  const rules = data.perDiem.rules;
  const out: Content[] = [
    heading(t.perDiem, 1, 200, { pageBreak: 'before' }),
    heading(t.rules, 2, 100),
    factsTable(
      [
        [t.fullDay, money(rules.fullDayCents, lang)],
        [t.halfDay, money(rules.halfDayCents, lang)],
        [t.travel, money(rules.travelCents, lang)],
        [t.childcare, money(rules.childcareCents, lang)],
      ],
      { labelWidth: 280, fontSize: 9.5, margin: [0, 0, 0, 3] },
    ),
    note(t.thresholdText(rules.thresholdMinutes), { fontSize: 9 }),
    heading(t.payments, 2, 100),
  ];
  const totals: PerDiemTotals = data.counts.perDiem;
  if (level === 'aggregate') {
    out.push(
      factsTable(
        [
          [t.paid, countText(totals.people, level, lang)],
          [t.fullDays, integer(totals.fullDays, lang)],
          [t.halfDays, integer(totals.halfDays, lang)],
          [t.perDiemAmount, money(totals.perDiemCents, lang)],
          [t.travelShort, money(totals.travelCents, lang)],
          [t.childcareShort, money(totals.childcareCents, lang)],
          [labels.reports.total, { text: money(data.perDiem.totalCents, lang), bold: true }],
        ],
        { labelWidth: 200, fontSize: 10 },
      ),
      note(t.totalsOnly),
    );
    return out;
  }
  const rows = data.perDiem.rows;
  if (rows.length === 0) {
    out.push(para(t.noPayments));
    return out;
  }
  const named = level === 'full' && rows.some((r) => r.lastName.trim() !== '' || r.firstName.trim() !== '');
  const sorted = named ? byLastName(rows, lang) : [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const body: TableCell[][] = sorted.map((r) => [
    ...(named ? [[r.lastName.trim(), r.firstName.trim()].filter((x) => x !== '').join(', ') || '—'] : []),
    r.code,
    String(r.fullDays),
    String(r.halfDays),
    money(r.perDiemCents, lang),
    money(r.travelCents, lang),
    money(r.childcareCents, lang),
    money(r.totalCents, lang),
  ]);
  body.push([
    ...(named ? [labels.reports.total] : []),
    named ? countText(totals.people, level, lang) : labels.reports.total,
    integer(totals.fullDays, lang),
    integer(totals.halfDays, lang),
    money(totals.perDiemCents, lang),
    money(totals.travelCents, lang),
    money(totals.childcareCents, lang),
    money(totals.totalCents, lang),
  ]);
  out.push(
    dataTable([...(named ? [t.name] : []), t.code, t.fullDays, t.halfDays, t.perDiemAmount, t.travelShort, t.childcareShort, labels.reports.total], body, {
      widths: [...(named ? ['*' as const] : []), named ? 50 : ('*' as const), 38, 38, 58, 58, 58, 62],
      align: [...(named ? ['left' as const] : []), 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
      fontSize: 8,
      totalRow: true,
    }),
  );
  return out;
}

export async function attendancePdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const labels = reportLabels(opts.lang);
  const t = labels.reports.attendance;
  const held = data.heldSessionIds.map((id) => data.sessions.find((s) => s.id === id)).filter((s): s is Session => s !== undefined);
  if (held.length === 0) throw new RangeError(t.empty);
  const content: Content[] = [
    ...titleBlock(t.title, data.assembly.name, opts.level, opts.lang),
    note(labels.reports.sessions(held.length, data.sessions.length), { fontSize: 9.5, color: '#222222' }),
    ...perSession(data, held, opts, labels),
    ...matrix(data, held, opts, labels),
    ...perDiem(data, opts, labels),
  ];
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: t.title, lang: opts.lang, generatedAt: opts.generatedAt, sideMargin: SIDE }),
      content,
      pageBreakBefore: (node) => keepPageBreak(node),
    },
    { creationDate: opts.generatedAt, title: `${t.title} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
