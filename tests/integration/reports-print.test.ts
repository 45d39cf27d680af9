/**
 * Workbooks that print and CSVs that open, checked with LibreOffice (`soffice --headless`), the
 * program a journalist or a municipality without Excel opens them with:
 *
 *  - Every workbook (the report workbook at the three privacy levels, the agenda workbook, the
 *    small-group tables workbook; in nl, fr and en) of the demo at the venue with a 150-person
 *    panel, exported through the API and printed to PDF: every page is A4; each sheet is one page
 *    wide (fit to width is on: no column spills onto pages of its own); a sheet of at most
 *    ONE_PAGE_ROWS rows, the About sheet among them, is one page; a longer sheet prints at least
 *    MIN_ROWS_PER_PAGE rows a page and repeats its header row on every page; and each workbook
 *    stays within a stated page count (PAGE_BOUNDS, measured, with why).
 *  - A table exported as CSV in the default "excel" dialect, opened the way a Belgian Excel opens
 *    it (semicolon, Belgian-Dutch number format): columns, and its numbers as numbers, equal to
 *    the plain dialect's read with comma and decimal point.
 *
 * Each page carries a footer with its sheet's name and the page number (xlsx.ts: preparePrinting):
 * that is how a page is attributed to its sheet here.
 *
 * Skipped, and says why, where soffice is not installed (.ci/run installs libreoffice-calc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoAssembly } from '../../main/demo/writeDemo';
import { ONE_PAGE_ROWS } from '../../main/reports/xlsx';
import { makeApp } from '../helpers/app';

function skipReason(): string | null {
  const found = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return found.error || found.status !== 0 ? 'soffice (LibreOffice) is not installed; .ci/run installs libreoffice-calc' : null;
}
const reason = skipReason();
if (reason) console.log(`${reason}; skipping the LibreOffice print and CSV tests`);

const LANGS = ['nl', 'fr', 'en'] as const;
const LEVELS = ['aggregate', 'pseudonymised', 'full'] as const;

/**
 * The most pages each workbook may print on, for the demo at the venue (150 panel members, 6
 * sessions, a table plan per session, 3 ballots). Measured with LibreOffice 7.4 on 2026-12-07,
 * on a machine without Liberation fonts (Arial printed as the wider DejaVu Sans): aggregate 11
 * pages in every language (one page per sheet; before fit to width was switched on it was 44–46
 * US Letter pages); pseudonymised 27–31 and full 24–26 (the participants, attendance, per-diem
 * and tables sheets list 150 people, the tables sheet every round of every session); agenda 3
 * (one per sheet); tables 8 (150 people twice). With the public report's seven sheets (process,
 * reasons, drop-out, politicians, material, turnout, costs: one page each), aggregate prints 18,
 * pseudonymised 37–38 and full 31–34. The bounds leave about 15 % for another
 * LibreOffice version's or font's line heights, not for a regression: a sheet spilling a column
 * onto pages of its own doubles its count.
 */
const PAGE_BOUNDS: Record<string, number> = {
  aggregate: 20,
  pseudonymised: 43,
  full: 39,
  agenda: 4,
  tables: 10,
};

/**
 * Rows of a sheet a page holds at least: A4 landscape (the tallest-row case: wide sheets) at full
 * size holds about 38 rows of 10-point Arial between the margins, and a sheet shrunk to the page
 * width holds more. Fewer would mean rows of many lines, or pages spent on columns.
 */
const MIN_ROWS_PER_PAGE = 30;

/** A4 in points, either way up, to within a point. */
const isA4 = (w: number, h: number) => {
  const [a, b] = [Math.min(w, h), Math.max(w, h)];
  return Math.abs(a - 595.3) < 1 && Math.abs(b - 841.9) < 1;
};

interface Printed {
  /** Sheet name -> number of data rows plus the header, from the workbook itself. */
  rows: Map<string, number>;
  /** Sheet name -> first header cell. */
  firstHeader: Map<string, string>;
  /** Per page: its sheet (from the footer), its first line, its size. */
  pages: { sheet: string; firstLine: string; width: number; height: number }[];
}

let work = '';
const printed = new Map<string, Printed>();
const csvFiles = new Map<string, string>();

function soffice(args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`, '--headless', ...args], { cwd: work, stdio: 'pipe', timeout: 900_000 });
}

async function sheetsOf(file: string): Promise<Pick<Printed, 'rows' | 'firstHeader'>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows = new Map<string, number>();
  const firstHeader = new Map<string, string>();
  for (const ws of wb.worksheets) {
    rows.set(ws.name, ws.rowCount);
    firstHeader.set(ws.name, String(ws.getRow(1).getCell(1).value ?? ''));
  }
  return { rows, firstHeader };
}

/** The pages of a PDF: the footer's sheet name, the first line of text, the page size. */
function pagesOf(pdf: string): Printed['pages'] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const texts = text.split('\f').slice(0, -1);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(texts.length), pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
  return texts.map((page, i) => {
    const lines = page.split('\n').filter((l) => l.trim() !== '');
    const footer = /^\s*(.*?)\s{2,}\d+\s*\/\s*\d+\s*$/.exec(lines.at(-1) ?? '');
    return { sheet: footer ? footer[1]! : `(no footer: ${lines.at(-1) ?? ''})`, firstLine: (lines[0] ?? '').trim(), width: sizes[i]?.[0] ?? 0, height: sizes[i]?.[1] ?? 0 };
  });
}

(reason ? describe.skip : describe)('printing with LibreOffice', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'assembly-desk-print-'));
    const file = join(work, 'venue.assembly');
    await writeDemoAssembly(file, { seed: 'print', panelSize: 150, stage: 'venue' });
    const app = makeApp(join(work, 'data'));
    await app.call('app.openAssembly', { path: file });
    const sessions = await app.call('sessions.list', {});
    const plans = (await app.call('tables.list', { sessionId: sessions[0]!.id })) as { id: string }[];
    const names: string[] = [];
    const save = (name: string, base64: string) => {
      writeFileSync(join(work, name), Buffer.from(base64, 'base64'));
      names.push(name);
    };
    for (const lang of LANGS) {
      for (const level of LEVELS) save(`workbook-${level}-${lang}.xlsx`, (await app.call('reports.export', { report: 'workbook', format: 'xlsx', level, lang })).contentBase64);
      save(`agenda-${lang}.xlsx`, (await app.call('agenda.exportXlsx', { lang })).contentBase64);
      save(`tables-${lang}.xlsx`, (await app.call('tables.exportXlsx', { planId: plans[0]!.id, lang })).contentBase64);
    }
    for (const dialect of ['excel', 'plain'] as const) {
      const out = await app.call('reports.export', { report: 'perDiem', format: 'csv', level: 'pseudonymised', lang: 'nl', dialect });
      const name = `perdiem-${dialect}.csv`;
      writeFileSync(join(work, name), Buffer.from(out.contentBase64, 'base64'));
      csvFiles.set(dialect, name);
    }
    app.close();

    // One LibreOffice run for every workbook (starting it is most of the time).
    mkdirSync(join(work, 'pdf'));
    soffice(['--convert-to', 'pdf', '--outdir', 'pdf', ...names]);
    for (const name of names) {
      const base = name.replace(/\.xlsx$/, '');
      printed.set(base, { ...(await sheetsOf(join(work, name))), pages: pagesOf(join(work, 'pdf', `${base}.pdf`)) });
    }
  }, 900_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const workbooks = [...LANGS.flatMap((lang) => [...LEVELS.map((level) => [`workbook-${level}-${lang}`, level] as const), [`agenda-${lang}`, 'agenda'] as const, [`tables-${lang}`, 'tables'] as const])];

  it.each(workbooks)('%s prints on A4, each sheet one page wide, headers repeated, within its page bound', (base, kind) => {
    const p = printed.get(base)!;
    expect(p.pages.length).toBeGreaterThan(0);
    expect(p.pages.length, `${base}: ${p.pages.length} pages`).toBeLessThanOrEqual(PAGE_BOUNDS[kind]!);
    for (const [i, page] of p.pages.entries()) expect(isA4(page.width, page.height), `${base} page ${i + 1}: ${page.width} x ${page.height}`).toBe(true);

    // Every page is attributed to one of the workbook's sheets, and every sheet printed.
    const pagesPerSheet = new Map<string, number>();
    for (const page of p.pages) pagesPerSheet.set(page.sheet, (pagesPerSheet.get(page.sheet) ?? 0) + 1);
    expect(new Set(pagesPerSheet.keys())).toEqual(new Set(p.rows.keys()));

    for (const [sheet, rows] of p.rows) {
      const pages = pagesPerSheet.get(sheet)!;
      if (rows <= ONE_PAGE_ROWS) expect(pages, `${base} / ${sheet} (${rows} rows)`).toBe(1);
      else expect(pages, `${base} / ${sheet} (${rows} rows)`).toBeLessThanOrEqual(Math.ceil(rows / MIN_ROWS_PER_PAGE));
      // The header row on every page of the sheet (print titles).
      const header = p.firstHeader.get(sheet)!;
      for (const page of p.pages.filter((x) => x.sheet === sheet)) expect(page.firstLine.startsWith(header), `${base} / ${sheet}: "${page.firstLine}"`).toBe(true);
    }
  });

  it('prints the About sheet of every report workbook on one page of its own', () => {
    for (const lang of LANGS) {
      for (const level of LEVELS) {
        const p = printed.get(`workbook-${level}-${lang}`)!;
        const about = [...p.rows.keys()][0]!;
        expect(p.pages[0]!.sheet).toBe(about);
        expect(p.pages.filter((x) => x.sheet === about)).toHaveLength(1);
      }
    }
  });

  it('opens a CSV in the excel dialect as columns of numbers with Belgian settings, equal to the plain dialect read with comma and point', async () => {
    // Filter options: separator (59 ";" or 44 ","), text delimiter 34 ("), character set 76
    // (UTF-8), start at line 1, no column formats, the language whose number format to read:
    // 2067 nl-BE (decimal comma), 1033 en-US (decimal point).
    const open = async (dialect: 'excel' | 'plain') => {
      const name = csvFiles.get(dialect)!;
      const filter = dialect === 'excel' ? 'CSV:59,34,76,1,,2067' : 'CSV:44,34,76,1,,1033';
      mkdirSync(join(work, dialect), { recursive: true });
      soffice([`--infilter=${filter}`, '--convert-to', 'xlsx', '--outdir', dialect, name]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(work, dialect, name.replace(/\.csv$/, '.xlsx')));
      const ws = wb.worksheets[0]!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const excel = await open('excel');
    const plain = await open('plain');
    // The header in seven columns, not one.
    expect(excel[0]).toEqual(['Code', 'Volle dagen', 'Halve dagen', 'Dagvergoeding', 'Reiskosten', 'Kinderopvang', 'Totaal']);
    expect(excel.length).toBeGreaterThan(100);
    // Every amount a number (not the text "120,00"), and the byte-order mark not in the first name.
    for (const row of excel.slice(1)) {
      expect(typeof row[0]).toBe('string');
      for (const v of row.slice(1)) expect(typeof v, JSON.stringify(row)).toBe('number');
    }
    expect(excel).toEqual(plain);
    expect(readFileSync(join(work, csvFiles.get('excel')!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  }, 300_000);
});

describe('reports.export dialect', () => {
  it('is refused, with its field named, for a format other than csv, and for a dialect that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assembly-desk-dialect-'));
    const app = makeApp(dir);
    try {
      await app.call('app.createAssembly', { name: 'Dialect' });
      const pdf = await app.raw('reports.export', { report: 'workbook', format: 'xlsx', level: 'aggregate', dialect: 'excel' });
      expect(pdf.ok).toBe(false);
      expect(pdf.ok ? null : pdf.error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'dialect' }] } });
      const bad = await app.raw('reports.export', { report: 'funnel', format: 'csv', level: 'aggregate', dialect: 'excel-nl' });
      expect(bad.ok ? null : JSON.stringify(bad.error)).toContain('must be excel or plain');
      const plain = await app.call('reports.export', { report: 'funnel', format: 'csv', level: 'aggregate', lang: 'en', dialect: 'plain' });
      expect(Buffer.from(plain.contentBase64, 'base64').toString('utf8').split('\r\n')[0]).toBe('Stage,People,% of previous stage,% of respondents');
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
