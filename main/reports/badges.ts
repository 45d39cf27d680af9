/**
 * Name badges for the check-in desk: A4 sheets of 2 x 4 badges (about 95 x 67 mm each) with
 * dashed cut lines. Each badge: the assembly's name, the first name and the last name large,
 * the pseudonymous code with its QR code (what the desk's scanner reads), the language and the
 * table (or a line to write it on). Sorted by last name as the report's language sorts.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { byLastName, languageName, reportT, type ReportLang } from './i18n';
import { A4, FOOTER_HEIGHT, GREY, HEADER_HEIGHT, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';
import { qrCanvas } from './qr';

export interface BadgeData {
  firstName: string;
  lastName: string;
  code: string;
  language: string | null;
  table: string | null;
}

export interface BadgeSheetOptions {
  assemblyName: string;
  lang: ReportLang;
  generatedAt: Date;
  /** The assembly's time zone, for the footer's time. */
  timeZone: string;
}

export const BADGE_COLUMNS = 2;
export const BADGE_ROWS = 4;
export const BADGES_PER_PAGE = BADGE_COLUMNS * BADGE_ROWS;

const SIDE_MARGIN = 28;
const PAD_X = 14;
const PAD_TOP = 10;
const PAD_BOTTOM = 8;
const CUT_LINE = 0.5;
/** The QR symbol's side in pt (about 28 mm), quiet zone not included. */
export const QR_SYMBOL = 80;
/** White kept around the symbol (at least 4 modules for a version-2 symbol of 25 modules). */
const QR_QUIET = 13;

/** Height of a badge (cut line to cut line); the content area minus a small safety margin. */
const BADGE_HEIGHT = Math.floor((A4.height - HEADER_HEIGHT - FOOTER_HEIGHT - 4) / BADGE_ROWS);
/** Name sizes in pt: largest, and smallest before a name wraps. */
const FIRST_NAME_MAX = 21;
const LAST_NAME_MAX = 24;
const NAME_MIN = 11;
const NAME_LINE_HEIGHT = 1.05;
/** The report font's line height in ems (DejaVu Sans Condensed: (ascent - descent) / units per em = 2384 / 2048). */
const FONT_LINE = 2384 / 2048;
/** A badge's inner width: the table's width is its columns' widths plus paddings and cut lines. */
const TEXT_WIDTH = (A4.width - 2 * SIDE_MARGIN - (BADGE_COLUMNS + 1) * CUT_LINE) / BADGE_COLUMNS - 2 * PAD_X;

/**
 * An estimate of a text's width in the report font (DejaVu Sans Condensed), in ems (upper case
 * 0.66, lower case 0.55, narrow letters 0.26, m/w 0.88, space 0.29; the bold cut is about 13 %
 * wider); used to shrink long names to one line. Errs on the wide side.
 */
export function estimateEms(text: string, bold: boolean): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === ' ') ems += 0.29;
    else if (/[ilj.,'’|!]/.test(ch)) ems += 0.26;
    else if (/[mwMW]/.test(ch)) ems += 0.88;
    else if (ch !== ch.toLocaleLowerCase()) ems += 0.66;
    else ems += 0.55;
  }
  return ems * (bold ? 1.14 : 1);
}

/** The largest font size (between min and max, in pt) at which `text` fits `width` on one line. */
export function fitFontSize(text: string, width: number, max: number, min: number, bold: boolean): number {
  const ems = estimateEms(text, bold);
  if (ems === 0) return max;
  return Math.max(min, Math.min(max, Math.floor((width / ems) * 2) / 2));
}

/** The estimated height of a name printed at `size` in the badge's width (lines it wraps to included). */
function nameHeight(text: string, size: number, bold: boolean): number {
  const lines = Math.max(1, Math.ceil((estimateEms(text, bold) * size) / TEXT_WIDTH));
  return lines * size * NAME_LINE_HEIGHT * FONT_LINE;
}

function infoLine(label: string, value: Content): Content {
  return {
    columns: [
      { text: label, width: 48, fontSize: 8, color: GREY, margin: [0, 3, 0, 0] },
      { width: '*', stack: [value] },
    ],
    columnGap: 4,
    margin: [0, 0, 0, 3],
  };
}

/** A line to write on, `width` pt long. */
const writeLine = (width: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 14, x2: width, y2: 14, lineWidth: 0.6, lineColor: '#000000' }], margin: [0, 0, 0, 0] });

function badgeCell(b: BadgeData, o: BadgeSheetOptions): TableCell {
  const t = reportT(o.lang);
  const first = b.firstName.trim();
  const last = b.lastName.trim();
  // A person whose personal data was erased keeps only the code.
  const line1 = first || (last ? '' : b.code);
  const line2 = last;
  const infoWidth = TEXT_WIDTH - QR_SYMBOL - 2 * QR_QUIET;
  const qr = qrCanvas(b.code, QR_SYMBOL);
  const size1 = fitFontSize(line1, TEXT_WIDTH, FIRST_NAME_MAX, NAME_MIN, false);
  const size2 = fitFontSize(line2, TEXT_WIDTH, LAST_NAME_MAX, NAME_MIN, true);
  // Shrunk names leave their room empty, so that the code and the QR code sit at the same
  // height on every badge (wrapped names, which should not happen, push them down).
  const reserved = (FIRST_NAME_MAX + LAST_NAME_MAX) * NAME_LINE_HEIGHT * FONT_LINE;
  const nameSlack = Math.max(0, reserved - nameHeight(line1, size1, false) - nameHeight(line2, size2, true));
  return {
    stack: [
      { text: o.assemblyName, fontSize: fitFontSize(o.assemblyName, TEXT_WIDTH, 7.5, 6, false), color: GREY, margin: [0, 0, 0, 4] },
      { text: line1 || ' ', fontSize: size1, lineHeight: NAME_LINE_HEIGHT },
      { text: line2 || ' ', fontSize: size2, bold: true, lineHeight: NAME_LINE_HEIGHT, margin: [0, 0, 0, 4] },
      {
        columns: [
          {
            width: infoWidth,
            margin: [0, 8, 0, 0],
            stack: [
              infoLine(t('badges.code'), { text: b.code, fontSize: fitFontSize(b.code, infoWidth - 52, 13, 8, true), bold: true }),
              infoLine(t('badges.language'), { text: b.language ? languageName(b.language, o.lang) : ' ', fontSize: 11 }),
              infoLine(t('badges.table'), b.table ? { text: b.table, fontSize: 14, bold: true } : writeLine(infoWidth - 56)),
            ],
          },
          { width: QR_SYMBOL + 2 * QR_QUIET, canvas: qr.rects.map((r) => ({ ...r, x: r.x + QR_QUIET, y: r.y })) },
        ],
        columnGap: 0,
        margin: [0, nameSlack, 0, 0],
      },
    ],
  };
}

/** The badge sheet as PDF bytes; a RangeError when the list is empty. */
export async function badgeSheet(badges: BadgeData[], opts: BadgeSheetOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  if (badges.length === 0) throw new RangeError(t('badges.empty'));
  const sorted = byLastName(badges, opts.lang);

  const content: Content[] = [];
  for (let start = 0; start < sorted.length; start += BADGES_PER_PAGE) {
    const page = sorted.slice(start, start + BADGES_PER_PAGE);
    const body: TableCell[][] = [];
    for (let i = 0; i < page.length; i += BADGE_COLUMNS) {
      const row: TableCell[] = [];
      for (let c = 0; c < BADGE_COLUMNS; c++) {
        const b = page[i + c];
        row.push(b ? badgeCell(b, opts) : { text: '', border: [false, false, false, false] });
      }
      body.push(row);
    }
    content.push({
      table: {
        // Fixed widths: star widths would grow a column to fit an unbreakable long word.
        widths: Array.from({ length: BADGE_COLUMNS }, () => TEXT_WIDTH),
        heights: BADGE_HEIGHT - PAD_TOP - PAD_BOTTOM - CUT_LINE,
        dontBreakRows: true,
        body,
      },
      layout: {
        hLineWidth: () => CUT_LINE,
        vLineWidth: () => CUT_LINE,
        hLineColor: () => '#808080',
        vLineColor: () => '#808080',
        hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
        paddingLeft: () => PAD_X,
        paddingRight: () => PAD_X,
        paddingTop: () => PAD_TOP,
        paddingBottom: () => PAD_BOTTOM,
      },
      ...(start > 0 ? { pageBreak: 'before' as const } : {}),
    });
  }

  return renderPdf(
    {
      ...pageFrame({ assemblyName: opts.assemblyName, title: t('badges.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: opts.timeZone, sideMargin: SIDE_MARGIN }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${t('badges.title')} — ${opts.assemblyName}`, author: opts.assemblyName },
  );
}
