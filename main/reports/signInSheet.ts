/**
 * The sign-in sheet of one session for the check-in desk (the paper fallback and the signed
 * record): the session's name, date, times and location, then one row per person sorted by last
 * name — number, name, code, language, table — with room to write the arrival time, sign and
 * write the departure time. The table's header row repeats on every page.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { byLastName, reportLocale, reportT, type ReportLang } from './i18n';
import { A4, GREY, formatIsoDate, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

export interface SignInRow {
  firstName: string;
  lastName: string;
  code: string;
  language: string | null;
  table: string | null;
}

export interface SignInSession {
  name: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  startTime: string;
  endTime: string;
  location: string;
}

export interface SignInSheetOptions {
  assemblyName: string;
  lang: ReportLang;
  generatedAt: Date;
  /** The assembly's time zone, for the footer's time. */
  timeZone: string;
}

const SIDE_MARGIN = 30;
const PAD = 4;
const LINE = 0.5;
/** Height of a person's row (room to sign), padding included. */
export const ROW_HEIGHT = 26;

/** Fixed column widths (pt, padding excluded) but the name's, which takes the rest. */
const FIXED = { number: 16, code: 52, language: 40, table: 34, arrival: 44, signature: 96, departure: 46 } as const;
const COLUMNS = 8;
const NAME_WIDTH =
  A4.width - 2 * SIDE_MARGIN - Object.values(FIXED).reduce((a, b) => a + b, 0) - COLUMNS * 2 * PAD - (COLUMNS + 1) * LINE;

/** A language code as a short tag ("NL"); longer free text is printed as it is. */
const languageTag = (language: string | null): string => (language ? (language.length <= 3 ? language.toUpperCase() : language) : '');

function personName(r: SignInRow): Content {
  const first = r.firstName.trim();
  const last = r.lastName.trim();
  if (!first && !last) return { text: '—', color: GREY };
  if (!first) return { text: last, bold: true };
  if (!last) return { text: first };
  return { text: [{ text: last, bold: true }, `, ${first}`] };
}

/** The sign-in sheet as PDF bytes; a RangeError when nobody is listed. */
export async function signInSheet(session: SignInSession, rows: SignInRow[], opts: SignInSheetOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const locale = reportLocale(opts.lang);
  if (rows.length === 0) throw new RangeError(t('signIn.empty'));
  const sorted = byLastName(rows, opts.lang);

  const times = [session.startTime, session.endTime].filter((s) => s.trim() !== '').join(' – ');
  const facts: Content[] = [
    { text: [{ text: t('field', { label: t('signIn.date') }), color: GREY }, formatIsoDate(session.date, opts.lang)] },
    ...(times ? [{ text: [{ text: t('field', { label: t('signIn.time') }), color: GREY }, times] }] : []),
    ...(session.location.trim() ? [{ text: [{ text: t('field', { label: t('signIn.location') }), color: GREY }, session.location.trim()] }] : []),
  ];

  const head = (text: string, alignment: 'left' | 'center' = 'left'): TableCell => ({ text, bold: true, fontSize: 8.5, alignment });
  const body: TableCell[][] = [
    [head(t('signIn.number'), 'center'), head(t('signIn.name')), head(t('signIn.code')), head(t('signIn.language'), 'center'), head(t('signIn.table'), 'center'), head(t('signIn.arrival'), 'center'), head(t('signIn.signature'), 'center'), head(t('signIn.departure'), 'center')],
    ...sorted.map((r, i): TableCell[] => [
      { text: String(i + 1), alignment: 'right', color: GREY, fontSize: 8, margin: [0, 1.5, 0, 0] },
      personName(r),
      { text: r.code, fontSize: 9, margin: [0, 0.8, 0, 0] },
      { text: languageTag(r.language), alignment: 'center' },
      { text: r.table ?? '', alignment: 'center' },
      '',
      '',
      '',
    ]),
  ];

  const content: Content[] = [
    { text: t('signIn.title').toLocaleUpperCase(locale), fontSize: 8, color: GREY, characterSpacing: 0.6, margin: [0, 6, 0, 2] },
    { text: session.name, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
    { columns: facts.map((f) => ({ width: 'auto', stack: [f] })), columnGap: 18, fontSize: 10, margin: [0, 0, 0, 2] },
    { text: t('signIn.participants', { count: sorted.length }), fontSize: 9, color: GREY, margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [FIXED.number, NAME_WIDTH, FIXED.code, FIXED.language, FIXED.table, FIXED.arrival, FIXED.signature, FIXED.departure],
        // The text of a row sits in the middle of its height-tall box: see paddingTop below.
        heights: (row: number) => (row === 0 ? 'auto' : ROW_HEIGHT - 2 * PAD),
        body,
      },
      layout: {
        hLineWidth: () => LINE,
        vLineWidth: () => LINE,
        hLineColor: (i: number) => (i <= 1 ? '#000000' : '#9a9a9a'),
        vLineColor: () => '#9a9a9a',
        paddingLeft: () => PAD,
        paddingRight: () => PAD,
        paddingTop: (row: number) => (row === 0 ? PAD : PAD + 4),
        paddingBottom: () => PAD,
        fillColor: (row: number) => (row === 0 ? '#e6e6e6' : row % 2 === 0 ? '#f4f4f4' : null),
      },
    },
  ];

  return renderPdf(
    {
      ...pageFrame({ assemblyName: opts.assemblyName, title: `${t('signIn.title')} — ${session.name}`, lang: opts.lang, generatedAt: opts.generatedAt, timeZone: opts.timeZone, sideMargin: SIDE_MARGIN }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${t('signIn.title')} — ${session.name}`, author: opts.assemblyName },
  );
}
