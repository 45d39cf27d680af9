/**
 * Charts and figures shared by the PDF reports, drawn with pdfmake's own vector canvas (no SVG,
 * no image): every label is real text, so it can be searched and extracted.
 *
 *  - horizontalBars: one bar per row (label, bar on a grey track, the value as text), with an
 *    optional threshold marker (a dashed vertical line) — the votes on a recommendation, the
 *    recruitment funnel.
 *  - groupedBars: per group (a feature's value) one thin bar per series (population, pool, panel,
 *    present), with a legend.
 *  - histogram: vertical bars over equal bins, counts above and bin ranges below.
 *
 * A value that is suppressed (null: the disclosure policy at the aggregate level, see
 * main/reports/disclosure.ts) draws no bar at all — its length would give the count away — and
 * prints the text it is given (SUPPRESSED_MARK, explained by the note reports.suppressedNote).
 *
 * Also the figures as printed: counts and shares (hidden where the disclosure policy says so),
 * money, dates, and the house style of a data table.
 */
import type { CanvasElement, Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import type { PrivacyLevel } from '../privacy';
import { reportLocale, reportT, type ReportLang } from '../i18n';
import { GREY, LIGHT_GREY } from './layout';
import { keepWithRoom } from './keep';

/** What every report builder is given besides the data (already reduced to the level). */
export interface ReportPdfOptions {
  level: PrivacyLevel;
  lang: ReportLang;
  generatedAt: Date;
}

export const ACCENT = '#1f4e79';
export const TRACK = '#eef1f5';
export const COLORS = {
  for: '#2e7d32',
  against: '#c62828',
  abstain: '#9e9e9e',
  neutral: '#5b8db8',
  adopted: '#2e7d32',
  rejected: '#c62828',
  tie: '#b26a00',
  /** Population, pool, panel, present. */
  series: ['#b0b8c4', '#7fa7cf', '#1f4e79', '#e08a2c'],
} as const;

// ---------------------------------------------------------------------------------------------
// Figures as printed.

/**
 * What a suppressed cell prints in a PDF: "[c]" (confidential, the UK statistical system's
 * marker), explained by reports.suppressedNote. Language-neutral and plain ASCII; never "<5",
 * which reads as a value and was wrong for complementary cells (they hold 5 or more).
 */
export const SUPPRESSED_MARK = '[c]';

/**
 * A count as text. The level no longer hides anything by itself: results (votes, members present,
 * papers) and totals are published in full; counts about people that the disclosure policy hides
 * go through hiddenCountText with the cell's flag from disclosureOf.
 */
export function countText(n: number, _level: PrivacyLevel, lang: ReportLang): string {
  return integer(n, lang);
}

/** A count about people as text, or SUPPRESSED_MARK when the disclosure policy hides it. */
export function hiddenCountText(n: number, hidden: boolean, lang: ReportLang): string {
  return hidden ? SUPPRESSED_MARK : integer(n, lang);
}

/**
 * One Intl.NumberFormat per language and style, made on first use: making one costs far more
 * than formatting with it, and a report formats thousands of figures.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: ReportLang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `${lang}|${key}`;
  let f = numberFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(reportLocale(lang), options);
    numberFormats.set(k, f);
  }
  return f;
}

export function integer(n: number, lang: ReportLang): string {
  return numberFormat(lang, 'integer', { maximumFractionDigits: 0 }).format(n);
}

/** A share 0..1 as "66.7 %" (the locale's way). */
export function percent(share: number, lang: ReportLang, digits = 1): string {
  return numberFormat(lang, `percent${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** A decimal such as a probability or a Gini coefficient. */
export function decimal(x: number, lang: ReportLang, digits = 3): string {
  return numberFormat(lang, `decimal${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/**
 * The share of `part` in `whole`: the value to draw (null: no base) and the text to print ("—" or
 * "45.0 %"). `hidden` (the disclosure policy hides the count it comes from): no value, the mark.
 */
export function share(part: number, whole: number, _level: PrivacyLevel, lang: ReportLang, hidden = false): { value: number | null; text: string } {
  if (whole <= 0) return { value: null, text: '—' };
  if (hidden) return { value: null, text: SUPPRESSED_MARK };
  const s = part / whole;
  return { value: s, text: percent(s, lang) };
}

/** Integer cents as money in euro. */
export function money(cents: number, lang: ReportLang): string {
  return numberFormat(lang, 'euro', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

const shortDates = new Map<ReportLang, Intl.DateTimeFormat>();

/** A calendar date YYYY-MM-DD, short ("16 Jan 2027"). */
export function shortDate(date: string, lang: ReportLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  let f = shortDates.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(reportLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' });
    shortDates.set(lang, f);
  }
  return f.format(utc);
}

/** An ISO instant ("2027-01-05T09:00:00.000Z") in the venue's time zone, date and time. */
export function instant(iso: string | null, lang: ReportLang, timeZone: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(reportLocale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(reportLocale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables in the house style.

export interface DataTableOptions {
  widths: (number | '*' | 'auto')[];
  /** Column alignments (default left). */
  align?: ('left' | 'right' | 'center')[];
  fontSize?: number;
  /** The last row is a total: bold, a line above. */
  totalRow?: boolean;
  margin?: [number, number, number, number];
}

/** A table with a grey bold header row repeated on every page, thin rules and zebra rows. */
export function dataTable(head: string[], rows: TableCell[][], o: DataTableOptions): ContentTable {
  const size = o.fontSize ?? 9;
  const align = (i: number) => o.align?.[i] ?? 'left';
  const cell = (c: TableCell, i: number, bold = false): TableCell =>
    (typeof c === 'string' || typeof c === 'number' ? { text: String(c), alignment: align(i), bold } : { alignment: align(i), bold, ...(c as object) }) as TableCell;
  const body: TableCell[][] = [
    head.map((h, i) => ({ text: h, bold: true, fontSize: size - 0.5, alignment: align(i), color: '#222222' })),
    ...rows.map((r, ri) => r.map((c, i) => cell(c, i, o.totalRow === true && ri === rows.length - 1))),
  ];
  const last = body.length - 1;
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: o.widths, body },
    fontSize: size,
    layout: {
      hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === node.table.body.length || (o.totalRow === true && i === last) ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#000000' : LIGHT_GREY),
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
      fillColor: (row: number) => (row === 0 ? '#e6e6e6' : row % 2 === 0 && !(o.totalRow === true && row === last) ? '#f6f7f9' : null),
    },
    margin: o.margin ?? [0, 0, 0, 8],
  };
}

/** Facts as a two-column table without rules: label (grey), value. */
export function factsTable(rows: [string, Content | string][], o: { labelWidth?: number; fontSize?: number; margin?: [number, number, number, number] } = {}): ContentTable {
  return {
    table: {
      widths: [o.labelWidth ?? 150, '*'],
      body: rows.map(([label, value]) => [{ text: label, color: GREY }, typeof value === 'string' ? { text: value } : value]),
    },
    fontSize: o.fontSize ?? 9.5,
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    margin: o.margin ?? [0, 0, 0, 8],
  };
}

// ---------------------------------------------------------------------------------------------
// Charts.

export interface Bar {
  label: string;
  /** The length, as a fraction of `max` (null: draw nothing — suppressed or no base). */
  value: number | null;
  /** The value as printed beside the bar. */
  text: string;
  color?: string;
  bold?: boolean;
}

export interface HorizontalBarsOptions {
  /** The whole chart's width (pt). */
  width: number;
  /** The value of a full-length bar (default: 1, i.e. shares). */
  max?: number;
  labelWidth?: number;
  valueWidth?: number;
  barHeight?: number;
  /** A dashed vertical line (a threshold) at this value, with its caption under the chart. */
  marker?: { at: number; caption: string };
  fontSize?: number;
  margin?: [number, number, number, number];
}

/** One bar per row: label, bar on its track, the value. */
export function horizontalBars(bars: Bar[], o: HorizontalBarsOptions): Content {
  const labelWidth = o.labelWidth ?? 110;
  const valueWidth = o.valueWidth ?? 70;
  const barHeight = o.barHeight ?? 11;
  const size = o.fontSize ?? 9;
  const track = Math.max(20, o.width - labelWidth - valueWidth - 16);
  const max = o.max ?? 1;
  const rowHeight = Math.max(barHeight + 4, size * 1.17);
  const x = (v: number) => Math.max(0, Math.min(1, v / max)) * track;
  const body: TableCell[][] = bars.map((b) => {
    const shapes: CanvasElement[] = [
      { type: 'rect', x: 0, y: (rowHeight - barHeight) / 2, w: track, h: barHeight, color: TRACK },
    ];
    if (b.value !== null && b.value > 0) shapes.push({ type: 'rect', x: 0, y: (rowHeight - barHeight) / 2, w: Math.max(0.8, x(b.value)), h: barHeight, color: b.color ?? ACCENT });
    if (o.marker) shapes.push({ type: 'line', x1: x(o.marker.at), y1: 0, x2: x(o.marker.at), y2: rowHeight, lineWidth: 1, lineColor: '#000000', dash: { length: 2, space: 1.5 } });
    return [
      { text: b.label, fontSize: size, bold: b.bold ?? false, margin: [0, (rowHeight - size * 1.17) / 2, 0, 0] },
      { canvas: shapes },
      { text: b.text, fontSize: size, bold: b.bold ?? false, alignment: 'right', margin: [0, (rowHeight - size * 1.17) / 2, 0, 0] },
    ];
  });
  const table: ContentTable = {
    table: { widths: [labelWidth, track, valueWidth], body, dontBreakRows: true },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i: number) => (i === 0 ? 0 : 4), paddingRight: () => 4, paddingTop: () => 1, paddingBottom: () => 1 },
  };
  const parts: Content[] = [table];
  if (o.marker) {
    parts.push({
      columns: [
        { width: labelWidth + 8 + x(o.marker.at) - 6, text: '' },
        { width: 'auto', canvas: [{ type: 'line', x1: 0, y1: 5, x2: 12, y2: 5, lineWidth: 1, lineColor: '#000000', dash: { length: 2, space: 1.5 } }] },
        { width: '*', text: o.marker.caption, fontSize: size - 1.5, color: GREY, margin: [4, 0, 0, 0] },
      ],
      columnGap: 0,
      margin: [0, 1, 0, 0],
    });
  }
  return { stack: parts, margin: o.margin ?? [0, 2, 0, 8], unbreakable: true };
}

export interface Series {
  name: string;
  color: string;
}

export interface Group {
  label: string;
  /** One value per series, as a fraction of `max` (null: nothing drawn). */
  values: (number | null)[];
  texts: string[];
}

/** A legend: a coloured square and the series' name, in a row. */
export function legend(series: Series[], fontSize = 8): Content {
  return {
    table: {
      widths: series.flatMap(() => [8, 'auto' as const]),
      body: [series.flatMap((s): TableCell[] => [{ canvas: [{ type: 'rect', x: 0, y: 1.5, w: 8, h: 8, color: s.color }] }, { text: s.name, fontSize, margin: [0, 0, 12, 0] }])],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i: number) => (i % 2 === 1 ? 3 : 0), paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [0, 0, 0, 4],
  };
}

/** Per group, one thin bar per series under each other, values on the right. */
export function groupedBars(groups: Group[], series: Series[], o: { width: number; max?: number; labelWidth?: number; valueWidth?: number; barHeight?: number; margin?: [number, number, number, number] }): Content {
  const labelWidth = o.labelWidth ?? 110;
  const valueWidth = o.valueWidth ?? 54;
  const barHeight = o.barHeight ?? 7;
  const gap = 1.5;
  const track = Math.max(20, o.width - labelWidth - valueWidth - 16);
  const max = o.max ?? Math.max(0.0001, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const height = series.length * barHeight + (series.length - 1) * gap;
  const body: TableCell[][] = groups.map((g) => [
    { text: g.label, fontSize: 9, margin: [0, Math.max(0, (height - 10.5) / 2), 0, 0] },
    {
      canvas: [
        { type: 'line', x1: 0, y1: -1, x2: 0, y2: height + 1, lineWidth: 0.5, lineColor: LIGHT_GREY },
        ...g.values.flatMap((v, i) =>
          v === null || v <= 0 ? [] : [{ type: 'rect' as const, x: 0, y: i * (barHeight + gap), w: Math.max(0.8, (Math.min(v, max) / max) * track), h: barHeight, color: series[i]!.color }],
        ),
      ],
    },
    { stack: g.texts.map((t) => ({ text: t, fontSize: 6.5, lineHeight: (barHeight + gap) / (6.5 * 1.17), alignment: 'right' as const, color: GREY })) },
  ]);
  return {
    stack: [
      legend(series),
      {
        table: { widths: [labelWidth, track, valueWidth], body, dontBreakRows: true },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i: number) => (i === 0 ? 0 : 4), paddingRight: () => 4, paddingTop: () => 3, paddingBottom: () => 3 },
      },
    ],
    margin: o.margin ?? [0, 2, 0, 8],
    unbreakable: true,
  };
}

export interface Bin {
  from: number;
  to: number;
  /** The height (null: suppressed, nothing drawn). */
  count: number | null;
  /** The count as printed above the bar. */
  text: string;
  /** The bin's range as printed below it. */
  label: string;
}

/** Vertical bars over bins: counts above, the bins' ranges below. */
export function histogram(bins: Bin[], o: { width: number; height?: number; caption?: string; margin?: [number, number, number, number] }): Content {
  const height = o.height ?? 90;
  const n = Math.max(1, bins.length);
  const w = o.width / n;
  const max = Math.max(1, ...bins.map((b) => b.count ?? 0));
  const labelSize = n > 12 ? 5.5 : 6.5;
  const body: TableCell[][] = [
    bins.map((b) => ({ text: b.text, fontSize: 7, alignment: 'center' as const, color: GREY })),
    bins.map((b) => ({
      canvas: [
        { type: 'line' as const, x1: 0, y1: height, x2: w, y2: height, lineWidth: 0.6, lineColor: '#333333' },
        ...(b.count === null || b.count <= 0 ? [] : [{ type: 'rect' as const, x: 1, y: height - (b.count / max) * height, w: w - 2, h: (b.count / max) * height, color: ACCENT }]),
      ],
    })),
    bins.map((b) => ({ text: b.label, fontSize: labelSize, alignment: 'center' as const, color: GREY })),
  ];
  return {
    stack: [
      {
        table: { widths: bins.map(() => w), body },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
      },
      ...(o.caption ? [{ text: o.caption, fontSize: 8, color: GREY, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
    ],
    margin: o.margin ?? [0, 4, 0, 8],
    unbreakable: true,
  };
}

// ---------------------------------------------------------------------------------------------
// The reports' scaffolding: headings kept with what follows, the first page's title and privacy
// level, the document.

/**
 * A heading that needs `keep` pt below its top on the same page (its own line and the first
 * lines of what follows), or moves to the next page: see keepWithRoom. `extra` styles the heading;
 * a `pageBreak` in it goes on the wrapper.
 */
export function heading(text: string, level: 1 | 2 | 3, keep = 80, extra: Record<string, unknown> = {}): Content {
  const style: { fontSize: number; bold: true; color?: string; margin: [number, number, number, number] } =
    level === 1 ? { fontSize: 15, bold: true, color: ACCENT, margin: [0, 14, 0, 6] } : level === 2 ? { fontSize: 12, bold: true, color: ACCENT, margin: [0, 10, 0, 4] } : { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] };
  const { pageBreak, ...own } = extra;
  const { margin, ...node } = { text, ...style, ...own } as { fontSize: number; margin: [number, number, number, number] };
  // The room asked for is measured from the heading's top: less its own line and bottom margin.
  const room = keep - node.fontSize * 1.2 - margin[3];
  // The top margin stays outside the unbreakable block: a heading moved to a new page starts at its top.
  return keepWithRoom({ ...node, margin: [margin[0], 0, margin[2], margin[3]] } as Content, room, { margin: [0, margin[1], 0, 0], ...(pageBreak === undefined ? {} : { pageBreak }) });
}

/** A paragraph of running text. */
export const para = (text: string | Content[], extra: Record<string, unknown> = {}): Content => ({ text, fontSize: 9.5, lineHeight: 1.2, margin: [0, 0, 0, 5], ...extra }) as Content;

/** A small grey note. */
export const note = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, fontSize: 8, color: GREY, margin: [0, 0, 0, 6], ...extra }) as Content;

/** The privacy level, boxed: what this document may show. */
export function levelBox(level: PrivacyLevel, lang: ReportLang): Content {
  const t = reportT(lang);
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: [{ text: t('field', { label: t('reports.levelField') }), bold: true }, { text: t(`reports.levels.${level}`).toLocaleUpperCase(reportLocale(lang)), bold: true, color: level === 'full' ? COLORS.rejected : ACCENT }], fontSize: 10 },
              { text: t(`reports.levelExplained.${level}`), fontSize: 8.5, color: '#333333', margin: [0, 2, 0, 0] },
              // The disclosure policy, stated where a reader of the public report looks first.
              ...(level === 'aggregate' ? [{ text: t('reports.disclosurePolicy'), fontSize: 8, color: '#333333', margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
            ],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => ACCENT, vLineColor: () => ACCENT, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 6 },
    margin: [0, 4, 0, 10],
  };
}

/** The first page's title, the assembly and the level. */
export function titleBlock(title: string, assemblyName: string, level: PrivacyLevel, lang: ReportLang, subtitle?: string): Content[] {
  return [
    { text: title, fontSize: 22, bold: true, color: ACCENT, margin: [0, 8, 0, 2] },
    ...(subtitle ? [{ text: subtitle, fontSize: 11, color: GREY, margin: [0, 0, 0, 2] as [number, number, number, number] }] : []),
    { text: assemblyName, fontSize: 13, bold: true, margin: [0, 4, 0, 4] },
    levelBox(level, lang),
  ];
}
