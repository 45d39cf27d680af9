/**
 * The report workbook (one .xlsx for everything the assembly reports) and any one of its tables
 * as CSV. The tables are defined once in reportTables.ts; here they become sheets (xlsx.ts: bold
 * frozen header, autofilter, widths, typed cells) behind a first "About" sheet (the assembly, the
 * privacy level in words, when it was generated, the language), or CSV text.
 *
 * The data has already been reduced to the privacy level (privacy.ts: forLevel) by the caller;
 * the tables apply the disclosure policy on top of it (disclosure.ts): a suppressed cell is
 * empty, so numeric columns stay numeric; in the workbook it carries a note and the sheet a
 * legend line under the table, in CSV the legend is the last line.
 *
 * Same data and the same generatedAt give the same bytes: the document properties take their
 * dates from data.generatedAt, and so do the zip entries (which the zip library would otherwise
 * stamp with the time of writing, see fixZipTimes).
 */
import { REPORT_TABLES, type ReportTable } from '../../preload/vocabulary';
import { DEFAULT_CSV_DIALECT, writeCsv, type CsvCell, type CsvDialect } from '../domain/csvWrite';
import type { ReportData } from './data';
import { languageName, reportT, type ReportLang } from './i18n';
import type { PrivacyLevel } from './privacy';
import { DATE_TIME_FORMAT, reportTable, venueDateTime, type ReportColumn, type ReportTableDef } from './reportTables';
import { addTableSheet, DATE_FORMAT, excelDate, INTEGER_FORMAT, newWorkbook, workbookBytes, type CellInput, type Workbook } from './xlsx';

export interface ReportWorkbookOptions {
  level: PrivacyLevel;
  lang: ReportLang;
}

/**
 * Adds a report table as a sheet, with the columns' own number formats over their kinds'. A
 * suppressed count (disclosure.ts) is an empty cell with the legend as its note, so a numeric
 * column holds numbers only, and the legend is repeated under the table.
 */
function addReportSheet(wb: Workbook, def: ReportTableDef): void {
  const ws = addTableSheet(wb, def.name, def.columns, def.rows);
  def.columns.forEach((c: ReportColumn, i) => {
    if (!c.numFmt) return;
    for (let r = 0; r < def.rows.length; r++) {
      const cell = ws.getCell(r + 2, i + 1);
      if (typeof cell.value === 'number' || cell.value instanceof Date) cell.numFmt = c.numFmt;
    }
  });
  if (def.suppressed && def.legend) {
    for (const [r, c] of def.suppressed) ws.getCell(r + 2, c + 1).note = def.legend;
    // The legend one row below the table, outside the filtered range.
    const legend = ws.getCell(def.rows.length + 3, 1);
    legend.value = def.legend;
    legend.font = { italic: true };
  }
}

/** The About sheet: what this workbook is, at which level, when, in which language. */
function addAboutSheet(wb: Workbook, data: ReportData, opts: ReportWorkbookOptions): void {
  const t = reportT(opts.lang);
  const generated = venueDateTime(data.generatedAt, data.assembly.timeZone);
  const rows: [string, CellInput, string | null][] = [
    [t('report.about.assembly'), data.assembly.name, null],
    [t('report.about.level'), t(`report.about.levels.${opts.level}`), null],
    [t('report.about.generatedAt'), generated, DATE_TIME_FORMAT],
    [t('report.about.language'), languageName(opts.lang, opts.lang), null],
    [t('report.about.panelSize'), data.assembly.panelSize, INTEGER_FORMAT],
    [t('report.about.firstDate'), data.assembly.firstDate ? excelDate(data.assembly.firstDate) : null, DATE_FORMAT],
    [t('report.about.lastDate'), data.assembly.lastDate ? excelDate(data.assembly.lastDate) : null, DATE_FORMAT],
    [t('report.about.timeZone'), data.assembly.timeZone, null],
    // What the aggregate workbook leaves out, and why (the disclosure policy).
    ...(opts.level === 'aggregate' ? ([[t('report.about.disclosure'), t('report.about.disclosurePolicy'), null]] satisfies [string, CellInput, string | null][]) : []),
  ];
  // Written as text first (the table, widths, header), then the typed values in place.
  const ws = addTableSheet(
    wb,
    t('report.sheets.about'),
    [
      { header: t('report.about.item'), minWidth: 16, maxWidth: 30 },
      { header: t('report.about.value'), minWidth: 20, maxWidth: 90 },
    ],
    rows.map(([label, value]) => [label, value instanceof Date ? '0000-00-00 00:00' : value === null || value === undefined ? null : String(value)]),
  );
  rows.forEach(([, value, fmt], i) => {
    const cell = ws.getCell(i + 2, 2);
    if (value instanceof Date || typeof value === 'number') {
      cell.value = value;
      if (fmt) cell.numFmt = fmt;
      cell.alignment = { horizontal: 'left' };
    }
  });
}

export async function reportWorkbook(data: ReportData, opts: ReportWorkbookOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const wb = newWorkbook({ title: `${t('report.title')} — ${data.assembly.name}`, created: data.generatedAt });
  addAboutSheet(wb, data, opts);
  for (const table of REPORT_TABLES) addReportSheet(wb, reportTable(data, table, opts));
  return workbookBytes(wb, data.generatedAt);
}

// ---------------------------------------------------------------------------------------------
// CSV

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell for the CSV writer: numbers stay numbers (money in euros with two decimals, percentages
 * as fractions: 0.25 for 25 %), written in the dialect's decimal mark; dates as YYYY-MM-DD (with
 * HH:MM when the column shows a time); text as it is (the writer defuses formulas).
 */
function csvCell(value: CellInput, column: ReportColumn): CsvCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return column.numFmt?.includes('hh') ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (column.kind === 'moneyCents') return { value: value / 100, decimals: 2 };
    if (column.kind === 'integer') return Math.round(value);
    return value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

export interface ReportCsvOptions extends ReportWorkbookOptions {
  /** excel (default): semicolon, decimal comma, byte-order mark; plain: comma, decimal point. */
  dialect?: CsvDialect;
}

/** One table as CSV (domain/csvWrite.ts): CRLF line ends, RFC 4180 quoting, formulas neutralised, in the chosen dialect. */
export function reportCsv(data: ReportData, table: ReportTable, opts: ReportCsvOptions): string {
  const def = reportTable(data, table, opts);
  const rows: CsvCell[][] = [def.columns.map((c) => c.header), ...def.rows.map((row) => def.columns.map((c, i) => csvCell(row[i], c)))];
  // Why some numbers are empty: the disclosure policy's legend, after a blank line.
  if (def.suppressed && def.legend) rows.push([], [def.legend]);
  return writeCsv(rows, opts.dialect ?? DEFAULT_CSV_DIALECT);
}

// ---------------------------------------------------------------------------------------------
// Determinism

