/**
 * The frame shared by the PDF reports: A4, a page header with the assembly's name (and the
 * document's title on the right), a footer with the generation date and "page x / y", in the
 * report's language.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportLocale, reportT, type ReportLang } from '../i18n';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Points per millimetre. */
export const MM = 72 / 25.4;

export interface FrameOptions {
  assemblyName: string;
  /** The document's title, printed on the right of the page header. */
  title: string;
  lang: ReportLang;
  generatedAt: Date;
  /** The assembly's time zone (assembly.time_zone): the footer's time is the venue's, not the computer's. */
  timeZone: string;
  /** Left and right page margins in pt (default 36). */
  sideMargin?: number;
  /** Default portrait. */
  orientation?: 'portrait' | 'landscape';
}

export const HEADER_HEIGHT = 52;
export const FOOTER_HEIGHT = 36;

export const GREY = '#555555';
export const LIGHT_GREY = '#9a9a9a';

/**
 * "14 March 2025, 09:30" in the report's locale and the assembly's time zone: the workbook, the
 * CSVs and the app show the same clock, whatever zone the computer is set to.
 */
export function formatDateTime(when: Date, lang: ReportLang, timeZone: string): string {
  return new Intl.DateTimeFormat(reportLocale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(when);
}

/**
 * A calendar date stored as YYYY-MM-DD, written out in the report's locale ("zaterdag 15 maart
 * 2025"); anything else is printed as it is.
 */
export function formatIsoDate(date: string, lang: ReportLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(utc.getTime())) return date;
  return new Intl.DateTimeFormat(reportLocale(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(utc);
}

/**
 * Header, footer and page margins for a report; spread into the document definition. The content
 * area starts `HEADER_HEIGHT` below the top and ends `FOOTER_HEIGHT` above the bottom.
 */
export function pageFrame(o: FrameOptions): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'header' | 'footer' | 'language'> {
  const t = reportT(o.lang);
  const side = o.sideMargin ?? 36;
  const generated = t('generatedOn', { when: formatDateTime(o.generatedAt, o.lang, o.timeZone) });
  const orientation = o.orientation ?? 'portrait';
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [side, HEADER_HEIGHT, side, FOOTER_HEIGHT],
    language: reportLocale(o.lang),
    header: (): Content => ({
      margin: [side, 16, side, 0],
      stack: [
        {
          columns: [
            { text: o.assemblyName, bold: true, fontSize: 9, width: '*' },
            // A long title shares the line with the assembly's name instead of pushing it out.
            { text: o.title, fontSize: 9, color: GREY, alignment: 'right', width: o.title.length > 50 ? '*' : 'auto' },
          ],
          columnGap: 12,
        },
        { canvas: [{ type: 'line', x1: 0, y1: 3, x2: pageWidth - 2 * side, y2: 3, lineWidth: 0.5, lineColor: LIGHT_GREY }] },
      ],
    }),
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [side, 12, side, 0],
      columns: [
        { text: generated, fontSize: 8, color: GREY, width: '*' },
        { text: t('page', { current: currentPage, total: pageCount }), fontSize: 8, color: GREY, alignment: 'right', width: 'auto' },
      ],
    }),
  };
}
