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
import { disclosureOf } from './disclosure';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Session } from '../domain/sessions/types';
import type { ReportData, ReportParticipant } from './data';
import { byLastName, reportT, type ReportT } from './i18n';
import type { ReportCounts } from './reportTables';
import {
  COLORS,
  countText,
  hiddenCountText,
  SUPPRESSED_MARK,
  dataTable,
  factsTable,
  heading,
  horizontalBars,
  integer,
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

function perSession(data: ReportData, held: Session[], opts: ReportPdfOptions, t: ReportT): Content[] {
  const { level, lang } = opts;
  const counts = sessionCounts(data);
  const out: Content[] = [heading(t('reports.attendance.perSession'), 2, 120)];
  const hidden = disclosureOf(data, level).attendance;
  const rows = counts.map((c, i) => {
    const expected = c.attended + c.excused + c.absent;
    const h = hidden[c.sessionId] ?? { attended: false, excused: false, absent: false };
    return { session: held[i]!, c, h, rate: share(c.attended, expected, level, lang, h.attended) };
  });
  out.push(
    dataTable(
      [t('reports.attendance.session'), t('reports.attendance.date'), t('reports.attendance.attended'), t('reports.attendance.excused'), t('reports.attendance.absent'), t('reports.attendance.rate')],
      rows.map((r): TableCell[] => [r.session.name, shortDate(r.session.date, lang), hiddenCountText(r.c.attended, r.h.attended, lang), hiddenCountText(r.c.excused, r.h.excused, lang), hiddenCountText(r.c.absent, r.h.absent, lang), r.rate.text]),
      { widths: ['*', 72, 52, 62, 52, 56], align: ['left', 'left', 'right', 'right', 'right', 'right'], fontSize: 9 },
    ),
    horizontalBars(
      rows.map((r): Bar => ({ label: `${shortDate(r.session.date, lang)}`, value: r.rate.value, text: r.rate.text, color: COLORS.series[2] })),
      { width: WIDTH, labelWidth: 90, valueWidth: 60 },
    ),
    note(`${t('reports.attendance.rateNote')}${level === 'aggregate' ? ` ${t('reports.suppressedNote')}` : ''}`),
  );
  return out;
}

const MARKS = { attended: '●', excused: '○', absent: '×' } as const;
const MARK_COLOURS = { attended: COLORS.adopted, excused: '#7a7a7a', absent: COLORS.rejected } as const;

function nameOf(p: ReportParticipant): string {
  return [p.lastName.trim(), p.firstName.trim()].filter((x) => x !== '').join(', ');
}

function matrix(data: ReportData, held: Session[], opts: ReportPdfOptions, t: ReportT): Content[] {
  const out: Content[] = [heading(t('reports.attendance.matrix'), 2, 160, { pageBreak: 'before' })];
  if (opts.level === 'aggregate') {
    out.push(para(t('reports.attendance.matrixLeftOut'), { italics: true }));
    return out;
  }
  const people = data.participants.filter((p) => held.some((s) => p.attendance[s.id] !== undefined));
  if (people.length === 0) {
    out.push(para(t('reports.attendance.noMarks')));
    return out;
  }
  const named = opts.level === 'full' && people.some((p) => nameOf(p) !== '');
  const sorted = named ? byLastName(people, opts.lang) : [...people].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const sessionHeads = held.map((_, i) => `S${i + 1}`);
  out.push(note(held.map((s, i) => `S${i + 1}: ${shortDate(s.date, opts.lang)} — ${s.name}`).join('   ·   '), { fontSize: 8 }));
  out.push(note(t('reports.attendance.matrixLegend'), { fontSize: 8.5, color: '#222222' }));
  const head = [...(named ? [t('reports.attendance.name')] : []), t('reports.attendance.code'), ...sessionHeads, t('reports.attendance.sessionsAttended')];
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

function perDiem(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const { level, lang } = opts;
  const rules = data.perDiem.rules;
  const out: Content[] = [
    heading(t('reports.attendance.perDiem'), 1, 200, { pageBreak: 'before' }),
    heading(t('reports.attendance.rules'), 2, 100),
    factsTable(
      [
        [t('reports.attendance.fullDay'), money(rules.fullDayCents, lang)],
        [t('reports.attendance.halfDay'), money(rules.halfDayCents, lang)],
        [t('reports.attendance.travel'), money(rules.travelCents, lang)],
        [t('reports.attendance.childcare'), money(rules.childcareCents, lang)],
      ],
      { labelWidth: 280, fontSize: 9.5, margin: [0, 0, 0, 3] },
    ),
    note(t('reports.attendance.thresholdText', { minutes: rules.thresholdMinutes }), { fontSize: 9 }),
    heading(t('reports.attendance.payments'), 2, 100),
  ];
  const totals: PerDiemTotals = data.counts.perDiem;
  if (level === 'aggregate') {
    // Amounts paid to 1–4 people give their days back (the daily rates are above): the disclosure policy.
    const h = disclosureOf(data, level).perDiem;
    const amount = (cents: number, hidden: boolean) => (hidden ? SUPPRESSED_MARK : money(cents, lang));
    out.push(
      factsTable(
        [
          [t('reports.attendance.paid'), hiddenCountText(totals.people, h.people, lang)],
          [t('reports.attendance.fullDays'), integer(totals.fullDays, lang)],
          [t('reports.attendance.halfDays'), integer(totals.halfDays, lang)],
          [t('reports.attendance.perDiemAmount'), amount(totals.perDiemCents, h.perDiem)],
          [t('reports.attendance.travelShort'), amount(totals.travelCents, h.travel)],
          [t('reports.attendance.childcareShort'), amount(totals.childcareCents, h.childcare)],
          [t('reports.total'), { text: amount(data.perDiem.totalCents, h.total), bold: true }],
        ],
        { labelWidth: 200, fontSize: 10 },
      ),
      note(`${t('reports.attendance.totalsOnly')} ${t('reports.suppressedNote')}`),
    );
    return out;
  }
  const rows = data.perDiem.rows;
  if (rows.length === 0) {
    out.push(para(t('reports.attendance.noPayments')));
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
    ...(named ? [t('reports.total')] : []),
    named ? countText(totals.people, level, lang) : t('reports.total'),
    integer(totals.fullDays, lang),
    integer(totals.halfDays, lang),
    money(totals.perDiemCents, lang),
    money(totals.travelCents, lang),
    money(totals.childcareCents, lang),
    money(totals.totalCents, lang),
  ]);
  out.push(
    dataTable([...(named ? [t('reports.attendance.name')] : []), t('reports.attendance.code'), t('reports.attendance.fullDays'), t('reports.attendance.halfDays'), t('reports.attendance.perDiemAmount'), t('reports.attendance.travelShort'), t('reports.attendance.childcareShort'), t('reports.total')], body, {
      widths: [...(named ? ['*' as const] : []), named ? 50 : ('*' as const), 38, 38, 58, 58, 58, 62],
      align: [...(named ? ['left' as const] : []), 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
      fontSize: 8,
      totalRow: true,
    }),
  );
  return out;
}

export async function attendancePdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const held = data.heldSessionIds.map((id) => data.sessions.find((s) => s.id === id)).filter((s): s is Session => s !== undefined);
  if (held.length === 0) throw new RangeError(t('reports.attendance.empty'));
  const content: Content[] = [
    ...titleBlock(t('reports.attendance.title'), data.assembly.name, opts.level, opts.lang),
    note(t('reports.sessions', { held: held.length, planned: data.sessions.length }), { fontSize: 9.5, color: '#222222' }),
    ...perSession(data, held, opts, t),
    ...matrix(data, held, opts, t),
    ...perDiem(data, opts, t),
  ];
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: t('reports.attendance.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: data.assembly.timeZone, sideMargin: SIDE }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${t('reports.attendance.title')} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
