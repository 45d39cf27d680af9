/**
 * Representativeness (A4 portrait): the totals (pool, panel, present at the last held session),
 * the recruitment funnel (invitations are not recorded: "not recorded"), then per feature a table
 * — the population's share, the pool, the panel and those present at the last held session, each
 * as a count and a share of its column's total, the quota and whether the panel is within it —
 * and a grouped bar chart of the four shares.
 *
 * Every count is a count of people: at the aggregate level 1 to 4 print as "<5", with their
 * shares, and draw no bar. No feature defined: a RangeError.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportData, RepresentativenessRow } from './data';
import { reportT, type ReportT } from './i18n';
import { disclosureOf } from './disclosure';
import {
  COLORS,
  countText,
  hiddenCountText,
  SUPPRESSED_MARK,
  dataTable,
  factsTable,
  groupedBars,
  heading,
  horizontalBars,
  note,
  percent,
  share,
  shortDate,
  titleBlock,
  type Bar,
  type Group,
  type ReportPdfOptions,
} from './pdf/charts';
import { A4, GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

const SIDE = 40;
const WIDTH = A4.width - 2 * SIDE;

/** The features in the order the data gives them, each with its values. */
function byFeature(rows: RepresentativenessRow[]): [string, RepresentativenessRow[]][] {
  const out = new Map<string, RepresentativenessRow[]>();
  for (const r of rows) out.set(r.feature, [...(out.get(r.feature) ?? []), r]);
  return [...out.entries()];
}

function totals(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const last = data.sessions.find((s) => s.id === data.lastHeldSessionId);
  return [
    heading(t('reports.representativeness.totals'), 2),
    factsTable(
      [
        [t('reports.representativeness.pool'), countText(data.totals.pool, opts.level, opts.lang)],
        [t('reports.representativeness.panel'), countText(data.totals.panel, opts.level, opts.lang)],
        [
          t('reports.representativeness.presentLast'),
          last
            ? { text: [countText(data.totals.presentLast, opts.level, opts.lang), { text: `  (${t('reports.representativeness.presentAt', { session: last.name, date: shortDate(last.date, opts.lang) })})`, color: GREY }] }
            : { text: `— (${t('reports.representativeness.noSessionHeld')})`, color: GREY },
        ],
      ],
      { labelWidth: 170, fontSize: 10 },
    ),
  ];
}

function funnel(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const f = data.funnel;
  const stages: [string, number | null][] = [
    [t('reports.representativeness.stages.invited'), f.invited],
    [t('reports.representativeness.stages.responded'), f.responded],
    [t('reports.representativeness.stages.selected'), f.selected],
    [t('reports.representativeness.stages.confirmed'), f.confirmed],
    [t('reports.representativeness.stages.attendedOnce'), f.attendedOnce],
    // Every session held so far, not every session planned: the label says how many that is.
    [t('reports.representativeness.stages.attendedAll', { held: data.heldSessionIds.length, planned: data.sessions.length }), f.attendedAll],
  ];
  const top = Math.max(1, f.selected, f.confirmed, f.attendedOnce, f.attendedAll);
  const d = disclosureOf(data, opts.level).funnel;
  const hidden = [d.invited, d.responded, d.selected, d.confirmed, d.attendedOnce, d.attendedAll];
  const rows: TableCell[][] = stages.map(([name, n], i) => {
    const previous = i > 0 ? stages[i - 1]![1] : null;
    // A share of a hidden previous step would give that step back: hidden with it.
    const ofPrevious = n === null || previous === null ? '—' : share(n, previous, opts.level, opts.lang, hidden[i]! || (hidden[i - 1]! && n !== 0)).text;
    return [name, n === null ? { text: t('reports.notRecorded'), italics: true, color: GREY } : hiddenCountText(n, hidden[i]!, opts.lang), ofPrevious];
  });
  // The chart follows the people drawn (the pool, many times larger, would flatten it).
  const bars: Bar[] = stages.slice(2).map(([name, n], k) => ({
    label: name,
    value: n === null || hidden[k + 2]! ? null : n / top,
    text: n === null ? t('reports.notRecorded') : hiddenCountText(n, hidden[k + 2]!, opts.lang),
    color: COLORS.series[2],
  }));
  return [
    heading(t('reports.representativeness.funnel'), 2, 260),
    dataTable([t('reports.representativeness.stage'), t('reports.representativeness.people'), t('reports.representativeness.ofPrevious')], rows, { widths: ['*', 90, 110], align: ['left', 'right', 'right'], fontSize: 9 }),
    horizontalBars(bars, { width: WIDTH, labelWidth: 170, valueWidth: 80, max: 1 }),
    ...(f.invited === null ? [note(t('reports.representativeness.funnelNote'))] : []),
  ];
}

function feature(name: string, rows: RepresentativenessRow[], data: ReportData, opts: ReportPdfOptions, t: ReportT): Content {
  const { level, lang } = opts;
  const held = data.lastHeldSessionId !== null;
  const disclosure = disclosureOf(data, level).representativeness;
  const hiddenOf = (row: RepresentativenessRow) => disclosure[data.representativeness.indexOf(row)] ?? { pool: false, panel: false, present: false, quota: false };
  const cells = rows.map((row) => {
    const h = hiddenOf(row);
    const pool = share(row.pool, data.totals.pool, level, lang, h.pool);
    const panel = share(row.panel, data.totals.panel, level, lang, h.panel);
    const present = held ? share(row.present, data.totals.presentLast, level, lang, h.present) : { value: null, text: '—' };
    const population = row.population === null ? { value: null, text: '—' } : { value: row.population, text: percent(row.population, lang) };
    return { row, h, pool, panel, present, population };
  });
  const both = (n: number, hidden: boolean, s: { text: string }): string => (hidden ? SUPPRESSED_MARK : `${countText(n, level, lang)}  (${s.text})`);
  const within = (row: RepresentativenessRow): TableCell => {
    if (row.quotaMin === null && row.quotaMax === null) return '—';
    if (hiddenOf(row).panel) return '—';
    const ok = (row.quotaMin === null || row.panel >= row.quotaMin) && (row.quotaMax === null || row.panel <= row.quotaMax);
    return { text: ok ? t('reports.yes') : t('reports.no'), color: ok ? COLORS.adopted : COLORS.rejected, bold: !ok };
  };
  const table = dataTable(
    [t('reports.representativeness.value'), t('reports.representativeness.population'), t('reports.representativeness.poolShort'), t('reports.representativeness.panelShort'), t('reports.representativeness.present'), t('reports.representativeness.quota'), t('reports.representativeness.inQuota')],
    cells.map((c): TableCell[] => [
      c.row.value,
      c.population.text,
      both(c.row.pool, c.h.pool, c.pool),
      both(c.row.panel, c.h.panel, c.panel),
      held ? both(c.row.present, c.h.present, c.present) : '—',
      c.row.quotaMin === null && c.row.quotaMax === null
        ? t('reports.representativeness.quotaRangeNone')
        : c.h.quota
          ? SUPPRESSED_MARK
          : t('reports.representativeness.quotaRange', { min: c.row.quotaMin ?? 0, max: c.row.quotaMax ?? '…' }),
      within(c.row),
    ]),
    { widths: ['*', 52, 78, 62, 62, 50, 46], align: ['left', 'right', 'right', 'right', 'right', 'center', 'center'], fontSize: 8.5, margin: [0, 0, 0, 4] },
  );
  const series = [t('reports.representativeness.population'), t('reports.representativeness.poolShort'), t('reports.representativeness.panelShort'), t('reports.representativeness.present')].map((s, i) => ({ name: s, color: COLORS.series[i]! }));
  const groups: Group[] = cells.map((c) => ({
    label: c.row.value,
    values: [c.population.value, c.pool.value, c.panel.value, c.present.value],
    texts: [c.population.text, c.pool.text, c.panel.text, c.present.text],
  }));
  return {
    stack: [
      heading(name, 2, 0),
      table,
      groupedBars(groups, series, { width: WIDTH, labelWidth: 120, valueWidth: 44 }),
    ],
    unbreakable: true,
  };
}

export async function representativenessPdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  if (data.representativeness.length === 0) throw new RangeError(t('reports.representativeness.empty'));
  const content: Content[] = [
    ...titleBlock(t('reports.representativeness.title'), data.assembly.name, opts.level, opts.lang),
    { text: t('reports.representativeness.intro'), fontSize: 9.5, margin: [0, 0, 0, 4] },
    ...totals(data, opts, t),
    ...funnel(data, opts, t),
    heading(t('reports.representativeness.features'), 1, 200, { pageBreak: 'before' }),
    note(`${t('reports.representativeness.sharesNote')}${opts.level === 'aggregate' ? ` ${t('reports.suppressedNote')}` : ''}`),
    ...byFeature(data.representativeness).map(([name, rows]) => feature(name, rows, data, opts, t)),
  ];
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: t('reports.representativeness.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: data.assembly.timeZone, sideMargin: SIDE }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${t('reports.representativeness.title')} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
