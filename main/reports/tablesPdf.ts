/**
 * The small-group tables of one round as PDF, in two versions:
 *
 * - facilitators (A4, one page per table): the table's number in big type (and its group, e.g.
 *   the table's language), the session's name, date, times, place and the round, the
 *   facilitator's name (or a line to write it on), then the members — name, code, language and
 *   the plan's shown features — with a box to tick when the person is present. A feature that
 *   only repeats each member's language (the "Taal" the tables were clustered by) is left out;
 *   with more than two features left the sheets are landscape, so that names keep their room.
 * - wall (A4 portrait): everyone sorted by last name as the report's language sorts, each with
 *   their table number, in type readable from a step away, two columns per page. Every page
 *   repeats the heading (session, date, round), so a page can hang on its own.
 *
 * A plan that seats nobody is refused with a RangeError.
 */
import type { Column, Content, ContentTable, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Session } from '../domain/sessions/types';
import type { TableMember, TablePlan } from '../domain/tables/types';
import { byLastName, reportLocale, reportT, type ReportLang, type ReportT } from './i18n';
import { A4, FOOTER_HEIGHT, GREY, HEADER_HEIGHT, LIGHT_GREY, formatIsoDate, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

export interface TablesPdfOptions {
  kind: 'facilitators' | 'wall';
  session: Session;
  /** Contributor id -> name (the facilitators). */
  facilitators: Map<string, string>;
  assemblyName: string;
  lang: ReportLang;
  generatedAt: Date;
  /** The assembly's time zone, for the footer's time. */
  timeZone: string;
}

type PlanTable = TablePlan['tables'][number];

const ACCENT = '#1f4e79';
const ZEBRA = '#f1f4f8';

/**
 * The features the plan shows (those not ignored), in the plan's order, then any other feature a
 * member carries (an older plan).
 */
export function shownFeatures(plan: TablePlan): string[] {
  const shown = Object.entries(plan.settings.modes)
    .filter(([, mode]) => mode !== 'ignore')
    .map(([name]) => name);
  const carried = new Set(plan.tables.flatMap((t) => t.members.flatMap((m) => Object.keys(m.features))));
  return [...shown.filter((f) => carried.has(f)), ...[...carried].filter((f) => !shown.includes(f)).sort()];
}

/** The tables in number order; a RangeError when nobody is seated. */
export function seatedTables(plan: TablePlan, t: ReportT): PlanTable[] {
  if (plan.tables.length === 0 || plan.tables.every((t) => t.members.length === 0)) throw new RangeError(t('tables.empty'));
  return [...plan.tables].sort((a, b) => a.number - b.number);
}

/** A language code as a short tag ("NL"). */
const languageTag = (language: string | null): string => (language ? (language.length <= 3 ? language.toUpperCase() : language) : '');

const timeRange = (s: Session): string => [s.startTime.trim(), s.endTime.trim()].filter((x) => x !== '').join(' – ');

/** "Last, First" with the last name bold (the list is sorted by it). */
function personName(m: Pick<TableMember, 'firstName' | 'lastName'>, fontSize: number): ContentText {
  const first = m.firstName.trim();
  const last = m.lastName.trim();
  if (!first && !last) return { text: '—', color: GREY, fontSize };
  if (!first) return { text: last, bold: true, fontSize };
  if (!last) return { text: first, fontSize };
  return { text: [{ text: last, bold: true }, `, ${first}`], fontSize };
}

/** The name as printed: "Last, First". */
const nameText = (m: Pick<TableMember, 'firstName' | 'lastName'>): string =>
  [m.lastName.trim(), m.firstName.trim()].filter((x) => x !== '').join(', ') || '—';

/** Date, times, place and round of the session, on one line. */
function sessionFacts(session: Session, round: number | null, t: ReportT, lang: ReportLang, fontSize: number, margin: [number, number, number, number]): Content {
  const facts: Content[] = [
    { text: formatIsoDate(session.date, lang) },
    ...(timeRange(session) ? [{ text: [{ text: t('field', { label: t('tables.columns.time') }), color: GREY }, timeRange(session)] }] : []),
    ...(session.location.trim() ? [{ text: [{ text: t('field', { label: t('tables.columns.location') }), color: GREY }, session.location.trim()] }] : []),
    ...(round === null ? [] : [{ text: t('tables.round', { n: round }), bold: true }]),
  ];
  return { columns: facts.map((f) => ({ width: 'auto', stack: [f] })), columnGap: 16, fontSize, margin };
}

// Facilitators' sheets.

const CHECKBOX = 13;
const PAD = 5;
/** Fixed column widths (pt, padding excluded); the name and the features share the rest. */
const FIXED = { number: 16, code: 56, language: 50, present: 50 } as const;
/** The room kept for the name before the features get theirs. */
const NAME_MIN = 180;
const NAME_SIZE = 12;
const FEATURE_SIZE = 9.5;
/** The page's heading above the members (label, number, session, facilitator) and the lines below, generously. */
const FACILITATOR_HEADING = 200;

/** More than two features do not fit beside the names on a portrait page. */
const landscape = (features: readonly string[]): boolean => features.length > 2;

/** Rough lines of `text` in `width` pt of `size`-pt type. */
const textLines = (text: string, width: number, size: number): number => Math.max(1, Math.ceil((text.length * 0.55 * size) / Math.max(1, width)));

/**
 * The padding above and below each member's row: roomy (to write in) when the table fits its page
 * that way, tighter for a big table, so that a table keeps to one page as long as it can.
 */
function rowPadding(members: TableMember[], features: string[], nameWidth: number, featureWidth: number, room: number): number {
  if (members.length === 0) return 7;
  const text = members.reduce((sum, m) => {
    const lines = Math.max(textLines(nameText(m), nameWidth, NAME_SIZE), ...features.map((f) => textLines(m.features[f] ?? '', featureWidth, FEATURE_SIZE)));
    return sum + lines * NAME_SIZE * 1.17 + 0.5;
  }, 0);
  return Math.max(2, Math.min(7, Math.floor((room - text) / (2 * members.length))));
}

/**
 * Shown features that only repeat the member's language (a "Taal" feature used to cluster the
 * tables): the language column already says it.
 */
function repeatsLanguage(feature: string, tables: PlanTable[]): boolean {
  const members = tables.flatMap((t) => t.members).filter((m) => (m.features[feature] ?? '') !== '');
  return members.length > 0 && members.every((m) => m.language !== null && m.features[feature]!.trim().toLowerCase() === m.language.toLowerCase());
}

/** A box to tick, centred in its column and on the name's first line; smaller in tight rows. */
function checkbox(columnWidth: number, tight: boolean): Content {
  const size = tight ? CHECKBOX - 2 : CHECKBOX;
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: size, h: size, lineWidth: 1, lineColor: '#333333' }], margin: [(columnWidth - size) / 2, (NAME_SIZE * 1.17 - size) / 2, 0, 0] };
}

function facilitatorPage(table: PlanTable, round: number, first: boolean, features: string[], opts: TablesPdfOptions, t: ReportT, contentWidth: number): Content[] {
  const members = byLastName(table.members, opts.lang);
  const facilitator = table.facilitatorId ? (opts.facilitators.get(table.facilitatorId) ?? '').trim() : '';

  // Column widths (pt, padding excluded): the name keeps room for a long name on one line, the
  // features share what is left (within bounds), the name takes any rest.
  const columns = 5 + features.length;
  const avail = contentWidth - FIXED.number - FIXED.code - FIXED.language - FIXED.present - columns * 2 * PAD - (columns + 1) * 0.5;
  const featureWidth = features.length === 0 ? 0 : Math.min(120, Math.max(48, (avail - NAME_MIN) / features.length));
  const nameWidth = avail - features.length * featureWidth;
  const rowPad = rowPadding(members, features, nameWidth, featureWidth, (landscape(features) ? A4.width : A4.height) - HEADER_HEIGHT - FOOTER_HEIGHT - FACILITATOR_HEADING);

  const head = (text: string, alignment: 'left' | 'center' = 'left'): TableCell => ({ text, bold: true, fontSize: 9, alignment, color: '#222222' });
  const body: TableCell[][] = [
    [head(t('tables.columns.number'), 'center'), head(t('tables.columns.name')), head(t('tables.columns.code')), head(t('tables.columns.language'), 'center'), ...features.map((f) => head(f)), head(t('tables.columns.present'), 'center')],
    ...members.map((m, i): TableCell[] => [
      { text: String(i + 1), alignment: 'right', color: GREY, fontSize: 9, margin: [0, 1.5, 0, 0] },
      personName(m, NAME_SIZE),
      { text: m.code, fontSize: 10, margin: [0, 1, 0, 0] },
      { text: languageTag(m.language), alignment: 'center', margin: [0, 1, 0, 0] },
      ...features.map((f): TableCell => ({ text: m.features[f] ?? '', fontSize: FEATURE_SIZE, margin: [0, 1.5, 0, 0] })),
      checkbox(FIXED.present, rowPad < 5),
    ]),
  ];
  const membersTable: ContentTable = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [FIXED.number, nameWidth, FIXED.code, FIXED.language, ...features.map(() => featureWidth), FIXED.present],
      body,
    },
    layout: {
      hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#000000' : LIGHT_GREY),
      paddingLeft: () => PAD,
      paddingRight: () => PAD,
      paddingTop: (row: number) => (row === 0 ? 4 : rowPad),
      paddingBottom: (row: number) => (row === 0 ? 4 : rowPad),
      fillColor: (row: number) => (row === 0 ? '#e6e6e6' : null),
    },
  };

  const facilitatorLine: Content = facilitator
    ? { text: [{ text: t('field', { label: t('tables.columns.facilitator') }), color: GREY }, { text: facilitator, bold: true }], fontSize: 13, margin: [0, 0, 0, 16] }
    : {
        margin: [0, 0, 0, 16],
        columns: [
          { text: t('field', { label: t('tables.columns.facilitator') }), color: GREY, fontSize: 13, width: 'auto' },
          { canvas: [{ type: 'line', x1: 4, y1: 14, x2: 260, y2: 14, lineWidth: 0.6, lineColor: '#333333' }], width: '*' },
        ],
      };

  const titleColumns: Column[] = [{ text: t('tables.table', { n: table.number }), fontSize: 44, bold: true, color: ACCENT, width: '*' }];
  if (table.group.trim() !== '') {
    titleColumns.push({
      width: 'auto',
      stack: [
        { text: t('tables.columns.group').toLocaleUpperCase(reportLocale(opts.lang)), fontSize: 8, color: GREY, characterSpacing: 0.6, alignment: 'right' },
        { text: table.group.trim(), fontSize: 20, bold: true, alignment: 'right' },
      ],
      margin: [0, 12, 0, 0],
    });
  }

  return [
    {
      text: t('tables.facilitatorsTitle').toLocaleUpperCase(reportLocale(opts.lang)),
      fontSize: 8,
      color: GREY,
      characterSpacing: 0.6,
      margin: [0, 6, 0, 2],
      ...(first ? {} : { pageBreak: 'before' as const }),
    },
    { columns: titleColumns, columnGap: 12, margin: [0, 0, 0, 4] },
    { text: opts.session.name, fontSize: 15, bold: true, margin: [0, 0, 0, 3] },
    sessionFacts(opts.session, round, t, opts.lang, 10.5, [0, 0, 0, 14]),
    facilitatorLine,
    members.length > 0 ? membersTable : { text: t('tables.members', { count: 0 }), italics: true, color: GREY },
    { text: t('tables.members', { count: members.length }), fontSize: 9, color: GREY, margin: [0, 6, 0, 0] },
  ];
}

// The wall list.

const WALL = {
  side: 36,
  gap: 22,
  columns: 2,
  nameSize: 14,
  numberSize: 17,
  pad: 4,
  numberWidth: 46,
  /** The report font's line height per point of type (DejaVu Sans Condensed: 1.164). */
  lineHeight: 1.17,
  /** A generous average advance of a character, per point of type (bold last names included). */
  charWidth: 0.5,
  /** The repeated heading and the columns' header row, with room to spare. */
  headingHeight: 84,
  headerRowHeight: 20,
} as const;

const wallColumnWidth = (A4.width - 2 * WALL.side - (WALL.columns - 1) * WALL.gap) / WALL.columns;
const wallNameWidth = wallColumnWidth - WALL.numberWidth - 4 * WALL.pad - 1.5;

interface WallRow {
  member: TableMember;
  table: number;
  /** Estimated lines of the name. */
  lines: number;
}

/** Row height (pt) of a name on `lines` lines. */
const wallRowHeight = (lines: number): number =>
  Math.max(lines * WALL.nameSize, WALL.numberSize) * WALL.lineHeight + 2 * WALL.pad + 0.5;

/**
 * Everyone sorted by name, cut into pages of columns: each column is filled to the page's height
 * (a name estimated to need two lines takes the room of two) before the next one starts.
 */
function wallPages(rows: WallRow[]): WallRow[][][] {
  // One line to spare per column, should a name wrap where the estimate did not expect it.
  const room = A4.height - HEADER_HEIGHT - FOOTER_HEIGHT - WALL.headingHeight - WALL.headerRowHeight - WALL.nameSize * WALL.lineHeight;
  const pages: WallRow[][][] = [];
  let page: WallRow[][] = [];
  let column: WallRow[] = [];
  let used = 0;
  for (const row of rows) {
    const h = wallRowHeight(row.lines);
    if (column.length > 0 && used + h > room) {
      page.push(column);
      column = [];
      used = 0;
      if (page.length === WALL.columns) {
        pages.push(page);
        page = [];
      }
    }
    column.push(row);
    used += h;
  }
  if (column.length > 0) page.push(column);
  if (page.length > 0) pages.push(page);
  return pages;
}

function wallColumn(rows: WallRow[], t: ReportT): ContentTable {
  const head = (text: string, alignment: 'left' | 'center'): TableCell => ({ text, bold: true, fontSize: 9, color: GREY, alignment });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [wallNameWidth, WALL.numberWidth],
      body: [
        [head(t('tables.columns.name'), 'left'), head(t('tables.columns.table'), 'center')],
        ...rows.map((r): TableCell[] => [
          { ...personName(r.member, WALL.nameSize), margin: [0, (WALL.numberSize - WALL.nameSize) * WALL.lineHeight * 0.6, 0, 0] },
          { text: String(r.table), fontSize: WALL.numberSize, bold: true, color: ACCENT, alignment: 'center' },
        ]),
      ],
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0),
      vLineWidth: () => 0,
      hLineColor: () => '#000000',
      paddingLeft: () => WALL.pad,
      paddingRight: () => WALL.pad,
      paddingTop: (row: number) => (row === 0 ? 2 : WALL.pad),
      paddingBottom: (row: number) => (row === 0 ? 3 : WALL.pad),
      fillColor: (row: number) => (row > 0 && row % 2 === 0 ? ZEBRA : null),
    },
  };
}

function wallContent(tables: PlanTable[], round: number, opts: TablesPdfOptions, t: ReportT): Content[] {
  const seated = tables.flatMap((table) => table.members.map((member) => ({ ...member, table: table.number })));
  const rows: WallRow[] = byLastName(seated, opts.lang).map((m) => ({
    member: m,
    table: m.table,
    lines: Math.max(1, Math.ceil((nameText(m).length * WALL.charWidth * WALL.nameSize) / wallNameWidth)),
  }));
  const heading = (first: boolean): Content[] => [
    {
      text: `${t('tables.wallTitle')} — ${t('tables.round', { n: round })}`,
      fontSize: 20,
      bold: true,
      color: ACCENT,
      margin: [0, 4, 0, 2],
      ...(first ? {} : { pageBreak: 'before' as const }),
    },
    { text: opts.session.name, fontSize: 12, bold: true, margin: [0, 0, 0, 2] },
    sessionFacts(opts.session, null, t, opts.lang, 10, [0, 0, 0, 3]),
    { text: t('tables.wallHint'), fontSize: 9, color: GREY, italics: true, margin: [0, 0, 0, 8] },
  ];
  return wallPages(rows).flatMap((page, p): Content[] => [
    ...heading(p === 0),
    { columns: page.map((column) => ({ width: wallColumnWidth, stack: [wallColumn(column, t)] })), columnGap: WALL.gap },
  ]);
}

export async function tablesPdf(plan: TablePlan, opts: TablesPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const tables = seatedTables(plan, t);
  const name = opts.kind === 'facilitators' ? t('tables.facilitatorsTitle') : t('tables.wallTitle');
  const title = `${name} — ${opts.session.name} — ${t('tables.round', { n: plan.round })}`;
  // The page header keeps to one line: the session is on the page itself.
  const headerTitle = `${name} — ${t('tables.round', { n: plan.round })}`;

  let doc: TDocumentDefinitions;
  if (opts.kind === 'facilitators') {
    const features = shownFeatures(plan).filter((f) => !repeatsLanguage(f, tables));
    const wide = landscape(features);
    const side = 36;
    const contentWidth = (wide ? A4.height : A4.width) - 2 * side;
    doc = {
      ...pageFrame({ assemblyName: opts.assemblyName, title: headerTitle, lang: opts.lang, generatedAt: opts.generatedAt, timeZone: opts.timeZone, sideMargin: side, orientation: wide ? 'landscape' : 'portrait' }),
      content: tables.flatMap((table, i) => facilitatorPage(table, plan.round, i === 0, features, opts, t, contentWidth)),
    };
  } else {
    doc = {
      ...pageFrame({ assemblyName: opts.assemblyName, title: headerTitle, lang: opts.lang, generatedAt: opts.generatedAt, timeZone: opts.timeZone, sideMargin: WALL.side }),
      content: wallContent(tables, plan.round, opts, t),
    };
  }
  return renderPdf(doc, { creationDate: opts.generatedAt, title, author: opts.assemblyName });
}
