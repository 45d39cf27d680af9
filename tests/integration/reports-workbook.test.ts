/**
 * The report workbook and its CSV tables, read back with exceljs: the sheets in three languages,
 * their headers, a sample of values against the demo "at the venue", the formats (money,
 * percentages, dates), the frozen header and autofilter of every sheet; the privacy levels (no
 * name, e-mail, phone or address of any participant in any cell of any sheet or CSV at the
 * aggregate level, small counts of people left empty with their complements, votes in full; codes without names when pseudonymised); a participant
 * named like a formula exported as text; the CSV's byte-order mark, header, rows and quoting; the
 * same bytes twice for the same data and clock.
 *
 * The demo holds no agenda, table plan or selection run: the test adds a few by hand (and renames
 * two participants: accents, a formula) so that every sheet has rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgendaSlot, Contributor } from '../../main/domain/agenda/types';
import { REPORT_TABLES, type ReportTable } from '../../preload/vocabulary';
import type { SelectionRun } from '../../main/domain/selection/runTypes';
import type { TablePlan } from '../../main/domain/tables/types';
import { openAssemblyDb } from '../../db/connection';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { gatherReportData, type ReportData } from '../../main/reports/data';
import { reportT, type ReportLang } from '../../main/reports/i18n';
import { forLevel, type PrivacyLevel } from '../../main/reports/privacy';
import { countsOf, type ReportCounts } from '../../main/reports/reportTables';
import { reportCsv, reportWorkbook } from '../../main/reports/workbook';
import { fixZipTimes, MONEY_FORMAT } from '../../main/reports/xlsx';
import { ARTIFACTS } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const GENERATED_AT = new Date('2027-03-01T12:00:00Z');
const FORMULA = '=HYPERLINK("http://x","y")';
const stamp = '2026-12-01T09:00:00.000Z';

const tempDir = useTempDir('assembly-desk-workbook-');
let demo: ReportData;
/** The demo with the hand-made additions, at the full level. */
let full: ReportData;

function contributor(o: Partial<Contributor> & Pick<Contributor, 'id' | 'name' | 'role'>): Contributor {
  return {
    organisation: '',
    topics: [],
    perspectiveId: null,
    languages: ['nl'],
    email: null,
    phone: null,
    availability: [],
    feeCents: 0,
    travelCents: 0,
    consentPublish: true,
    status: 'confirmed',
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
    ...o,
  };
}

function slot(o: Partial<AgendaSlot> & Pick<AgendaSlot, 'id' | 'sessionId' | 'startTime' | 'endTime' | 'title'>): AgendaSlot {
  return { kind: 'talk', topic: 'Donations', roomId: 'room-1', speakerIds: [], facilitatorIds: [], languages: ['nl', 'fr'], interpretation: [], notes: '', createdAt: stamp, updatedAt: stamp, ...o };
}

/** The demo, with what it lacks for every sheet: an agenda, a table plan, a selection run; two renamed participants. */
function augment(data: ReportData): ReportData {
  // Panel members (the demo's participants also hold the 8 who declined or withdrew).
  const panel = data.participants.filter((p) => p.status === 'confirmed');
  const participants = data.participants.map((p) => {
    const i = panel.indexOf(p);
    return i === 3 ? { ...p, firstName: FORMULA, lastName: 'Formule' } : i === 4 ? { ...p, firstName: 'Łukasz', lastName: 'Çelik' } : i === 5 ? { ...p, firstName: 'Inès', lastName: 'Nuñez' } : p;
  });
  const perDiem = {
    ...data.perDiem,
    rows: data.perDiem.rows.map((r) => {
      const p = participants.find((x) => x.personId === r.personId)!;
      return { ...r, firstName: p.firstName, lastName: p.lastName };
    }),
  };
  const [s1, s2] = data.sessions;
  const contributors = [
    contributor({ id: 'c-1', name: 'Prof. Hélène Dubois-Lefèvre', role: 'expert', organisation: 'ULB', perspectiveId: 'pp-1', topics: ['Donations'], email: 'helene@ulb.example', phone: '+32 2 650 00 00', feeCents: 25000, travelCents: 3550 }),
    contributor({ id: 'c-2', name: 'Karel Vermeersch', role: 'expert', organisation: 'Transparency BE', perspectiveId: 'pp-2', topics: ['Donations'], consentPublish: false, email: 'karel@tb.example', phone: '+32 9 000 00 00', feeCents: 0 }),
    contributor({ id: 'c-3', name: 'Sanne Willaert', role: 'facilitator', organisation: 'Tree company' }),
  ];
  const agenda = {
    ...data.agenda,
    sessions: data.sessions,
    perspectives: [
      { id: 'pp-1', name: 'In favour of public funding', position: 1 },
      { id: 'pp-2', name: 'Critical of public funding', position: 2 },
    ],
    rooms: [{ id: 'room-1', name: 'Plenary hall', capacity: 120 }],
    contributors,
    slots: [
      slot({ id: 'sl-2', sessionId: s1!.id, startTime: '10:30', endTime: '11:15', title: 'Questions and answers', kind: 'qa', speakerIds: ['c-1', 'c-2'], facilitatorIds: ['c-3'] }),
      slot({ id: 'sl-1', sessionId: s1!.id, startTime: '09:30', endTime: '10:15', title: 'How parties are funded today', speakerIds: ['c-1'] }),
      slot({ id: 'sl-3', sessionId: s2!.id, startTime: '14:00', endTime: '16:00', title: 'Small groups', kind: 'deliberation', facilitatorIds: ['c-3'] }),
    ],
  };
  const seated = participants.filter((p) => p.status === 'confirmed').slice(0, 20);
  const plan: TablePlan = {
    id: 'plan-1',
    sessionId: s1!.id,
    round: 1,
    createdAt: stamp,
    operator: 'Test',
    settings: { tableSize: 7, modes: { Gender: 'diversify' }, pins: [{ personId: seated[0]!.personId, table: 1 }], apart: [], source: 'confirmed' },
    seed: 3,
    tables: [0, 1, 2].map((t) => ({
      number: t + 1,
      group: t < 2 ? 'NL' : 'FR',
      facilitatorId: t === 0 ? 'c-3' : null,
      members: seated.filter((_, i) => i % 3 === t).map((p) => ({ personId: p.personId, code: p.code, firstName: p.firstName, lastName: p.lastName, language: p.language as 'nl', features: { Gender: p.features.Gender ?? '' } })),
    })),
    score: { diversity: 1, repeats: 0, repeatedPairs: 0, total: 1 },
    basedOn: null,
    moved: [],
  };
  const run: SelectionRun = {
    id: 'run-1',
    at: '2026-11-20T14:05:00.000Z',
    operator: 'Secretariat',
    kind: 'panel',
    algorithm: 'leximin',
    algorithmVersion: '1.2.0',
    objective: { name: 'leximin', params: {} },
    panelSize: 60,
    onePerHousehold: true,
    inputHash: 'a'.repeat(64),
    quotas: [],
    summary: { count: 1500, min: 0.031, mean: 0.04, max: 0.052, gini: 0.0412 },
    certificate: { upperBound: 0.0311, gap: 0.0001 },
    complete: true,
    lottery: { size: 1000, source: 'digits', hash: 'b'.repeat(64), maxDeviation: 0.0005 },
    status: 'drawn',
    seedMode: 'public',
    seed: null,
    publicNumbers: [3, 1, 4, 1, 5, 9],
    ticket: 314,
    panel: panel.map((p) => p.code).sort(),
    reserve: [],
    drawnAt: '2026-11-21T10:00:00.000Z',
    drawnBy: 'Secretariat',
    supersededBy: null,
    supersededReason: null,
    supersededAt: null,
  };
  return { ...data, participants, perDiem, agenda, tables: [plan], selection: [run] };
}

/** The data a level sees, as the lead's data.ts would give it: with the counts kept at every level. */
function atLevel(level: PrivacyLevel, counts = true): ReportData {
  const data: ReportData & { counts?: ReportCounts } = counts ? { ...full, counts: countsOf(full) } : full;
  return forLevel(data, level);
}

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Every cell of a workbook as text (values, not formats). */
function allCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        out.push(v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
      });
    });
  });
  return out;
}

/** The text of a cell's note (comment), or null. */
function noteOf(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (note === undefined || note === null) return null;
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}
/** The note a suppressed cell carries: the disclosure policy's legend. */
const SUPPRESSED_NOTE = reportT('en')('report.suppressedLegend');

const headers = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);

/** The row whose column `col` (1-based) holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === text) return ws.getRow(r);
  throw new Error(`no row with ${text} in ${ws.name}`);
}

/** A value as a whole word (names inside longer words do not count: "An" in "Answer"). */
const asWord = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

function identifying(data: ReportData): string[] {
  return [...new Set(data.participants.flatMap((p) => [p.firstName, p.lastName, p.email, p.phone, p.address]).filter((x): x is string => !!x && x.trim().length > 0))];
}

beforeAll(async () => {
  const path = join(tempDir(), 'demo.assembly');
  await writeDemoAssembly(path, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  const opened = await openAssemblyDb(path);
  try {
    demo = gatherReportData(opened.db, GENERATED_AT);
  } finally {
    opened.db.close();
  }
  full = augment(demo);
}, 120_000);

describe('the report workbook', () => {
  it('has an About sheet and a sheet per table, named in each language, each a real table', async () => {
    for (const lang of ['nl', 'fr', 'en'] as ReportLang[]) {
      const bytes = await reportWorkbook(atLevel('full'), { level: 'full', lang });
      const wb = await read(bytes);
      const t = reportT(lang);
      // For a person to open: tests/artifacts/reports/workbook-*.xlsx.
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `workbook-full-${lang}.xlsx`), bytes);
      writeFileSync(join(ARTIFACTS, `workbook-aggregate-${lang}.xlsx`), await reportWorkbook(atLevel('aggregate'), { level: 'aggregate', lang }));
      writeFileSync(join(ARTIFACTS, `workbook-perDiem-${lang}.csv`), reportCsv(atLevel('pseudonymised'), 'perDiem', { level: 'pseudonymised', lang }));
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(['about', ...REPORT_TABLES].map((table) => t(`report.sheets.${table as 'about' | ReportTable}`)));
      for (const ws of wb.worksheets) {
        expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.autoFilter, ws.name).toBeTruthy();
        expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
        expect(ws.rowCount, `${ws.name} has rows`).toBeGreaterThan(1);
        for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThan(0);
      }
    }
    const nl = await read(await reportWorkbook(atLevel('full'), { level: 'full', lang: 'nl' }));
    expect(nl.worksheets.map((ws) => ws.name)).toContain('Representativiteit');
    expect(headers(nl.getWorksheet('Deelnemers')!).slice(0, 3)).toEqual(['Code', 'Achternaam', 'Voornaam']);
    const fr = await read(await reportWorkbook(atLevel('full'), { level: 'full', lang: 'fr' }));
    expect(headers(fr.getWorksheet('Votes')!)).toContain('Seuil');
    expect(String(fr.getWorksheet('Votes')!.getRow(2).getCell(4).value)).toBe('au moins 2/3 des voix exprimées (abstentions non comptées) sont pour');
  });

  it('says what it is on the About sheet', async () => {
    const wb = await read(await reportWorkbook(atLevel('aggregate'), { level: 'aggregate', lang: 'en' }));
    const about = wb.getWorksheet('About')!;
    expect(headers(about)).toEqual(['Item', 'Value']);
    expect(rowWith(about, 1, 'Assembly').getCell(2).value).toBe('We Need to Talk — Party Funding (demo)');
    expect(rowWith(about, 1, 'Privacy level').getCell(2).value).toBe('Aggregate: counts only; votes in full; a count of fewer than 5 people is left empty, with the cells that would reveal it');
    const generated = rowWith(about, 1, 'Generated at').getCell(2);
    // 12:00 UTC is 13:00 in Brussels, and Excel shows the venue's wall-clock time.
    expect(generated.value).toEqual(new Date('2027-03-01T13:00:00Z'));
    expect(generated.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(rowWith(about, 1, 'Language').getCell(2).value).toBe('English');
    expect(rowWith(about, 1, 'Panel size').getCell(2).value).toBe(60);
  });

  it('holds the demo figures, typed and formatted', async () => {
    const wb = await read(await reportWorkbook(atLevel('full'), { level: 'full', lang: 'en' }));

    const participants = wb.getWorksheet('Participants')!;
    expect(headers(participants)).toEqual(['Code', 'Last name', 'First name', 'E-mail', 'Phone', 'Address', 'Status', 'Contact language', 'Gender', 'Age band', 'Region', 'Province', 'Education', 'Language', 'Attended']);
    // The panel and the 8 who declined or withdrew (main/demo/reportFacts.ts).
    expect(participants.rowCount).toBe(1 + 68);
    const emma = demo.participants.find((p) => p.firstName === 'Emma' && p.lastName === 'Aerts')!;
    const row = rowWith(participants, 1, emma.code);
    expect(row.getCell(4).value).toBe('emma.aerts@mail.example');
    expect(row.getCell(6).value).toBe('Hoogstraat 105, 2000 Antwerpen');
    expect(row.getCell(7).value).toBe('Confirmed');
    expect(row.getCell(15).value).toBe(2);
    // Accents come through as they are.
    expect(allCells(wb)).toEqual(expect.arrayContaining(['Çelik', 'Łukasz', 'Nuñez', 'Inès']));

    const funnel = wb.getWorksheet('Recruitment funnel')!;
    expect(rowWith(funnel, 1, 'Invited').getCell(2).value).toBe('not recorded');
    expect(rowWith(funnel, 1, 'Responded').getCell(2).value).toBe(1500);
    expect(rowWith(funnel, 1, 'Selected').getCell(2).value).toBe(68);
    const all = rowWith(funnel, 1, 'Attended every session held (2 of 6 planned)');
    expect(all.getCell(2).value).toBe(52);
    expect(all.getCell(3).value).toBeCloseTo(52 / 60, 10);
    expect(all.getCell(3).numFmt).toContain('%');

    const rep = wb.getWorksheet('Representativeness')!;
    const female = rowWith(rep, 2, 'female');
    expect(female.getCell(1).value).toBe('Gender');
    expect(female.getCell(3).value).toBeCloseTo(0.507, 10);
    expect(female.getCell(3).numFmt).toBe('0.0%');
    expect(female.getCell(4).value).toBe(767);
    expect(female.getCell(5).value).toBeCloseTo(767 / 1500, 10);
    expect(female.getCell(6).value).toBe(30);
    expect(female.getCell(7).value).toBeCloseTo(0.5, 10);
    expect(female.getCell(8).value).toBe(27);
    expect(female.getCell(9).value).toBeCloseTo(27 / 56, 10);

    const attendance = wb.getWorksheet('Attendance')!;
    expect(headers(attendance)).toEqual(['Code', 'Last name', 'First name', 'Weekend 1 — Saturday', 'Weekend 1 — Sunday', 'Attended', 'Excused', 'Absent']);
    expect(rowWith(attendance, 1, emma.code).getCell(4).value).toBe('attended');
    const marks = { attended: 0, excused: 0, absent: 0 } as Record<string, number>;
    attendance.eachRow((r, n) => {
      if (n > 1) for (const c of [4, 5]) marks[String(r.getCell(c).value)] = (marks[String(r.getCell(c).value)] ?? 0) + 1;
    });
    expect(marks).toMatchObject({ attended: 112, excused: 5, absent: 3 });

    const perDiem = wb.getWorksheet('Per diem')!;
    const paid = rowWith(perDiem, 1, emma.code);
    expect(paid.getCell(7).value).toBe(20); // travel: 2 days × € 10
    expect(paid.getCell(9).value).toBe(120);
    expect(paid.getCell(9).numFmt).toBe(MONEY_FORMAT);
    let total = 0;
    perDiem.eachRow((r, n) => {
      if (n > 1) total += Number(r.getCell(9).value);
    });
    expect(Math.round(total * 100)).toBe(demo.perDiem.totalCents);

    const agenda = wb.getWorksheet('Agenda')!;
    expect(agenda.getRow(2).getCell(7).value).toBe('How parties are funded today');
    expect(agenda.getRow(2).getCell(1).value).toEqual(new Date('2027-01-16T00:00:00Z'));
    expect(agenda.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(agenda.getRow(3).getCell(10).value).toBe('Prof. Hélène Dubois-Lefèvre, Karel Vermeersch');

    const contributors = wb.getWorksheet('Experts and perspectives')!;
    expect(headers(contributors)).toEqual(['Name', 'Role', 'Organisation', 'Perspective', 'Topics', 'Languages', 'Status', 'E-mail', 'Phone', 'Fee', 'Travel', 'Name may be published']);
    const helene = rowWith(contributors, 1, 'Prof. Hélène Dubois-Lefèvre');
    expect(helene.getCell(4).value).toBe('In favour of public funding');
    expect(helene.getCell(8).value).toBe('helene@ulb.example');
    expect(helene.getCell(10).value).toBe(250);
    expect(helene.getCell(11).numFmt).toBe(MONEY_FORMAT);

    const tables = wb.getWorksheet('Tables')!;
    expect(tables.rowCount).toBe(1 + 20);
    expect(rowWith(tables, 8, 'Çelik').getCell(6).value).toBe(''); // table 2: no facilitator
    expect(tables.getRow(2).getCell(6).value).toBe('Sanne Willaert');

    const ballots = wb.getWorksheet('Ballots')!;
    expect(headers(ballots)).toEqual(['Ballot', 'Date', 'Method', 'Threshold', 'Members present', 'Quorum met', 'No.', 'Item', 'Answer', 'Votes', '%', 'Base', 'Outcome']);
    const r1 = rowWith(ballots, 7, 'R1');
    expect(r1.getCell(1).value).toBe('Recommendations on party funding');
    expect(r1.getCell(2).value).toEqual(new Date('2027-01-17T00:00:00Z'));
    expect(r1.getCell(4).value).toBe('at least 2/3 of the votes cast (abstentions not counted) vote for');
    expect(r1.getCell(5).value).toBe(56);
    expect(r1.getCell(9).value).toBe('For');
    expect(r1.getCell(10).value).toBe(47);
    expect(r1.getCell(11).value).toBeCloseTo(47 / 55, 10);
    expect(r1.getCell(11).numFmt).toContain('%');
    expect(r1.getCell(12).value).toBe(55);
    expect(r1.getCell(13).value).toBe('Adopted');
    expect(rowWith(ballots, 7, 'R4').getCell(13).value).toBe('Not adopted');
    // Every item: for, against, abstain, blank, spoilt.
    expect(ballots.rowCount).toBe(1 + demo.ballots[0]!.result.items.length * 5);

    const selection = wb.getWorksheet('Selection audit')!;
    const run = selection.getRow(2);
    const h = headers(selection);
    const cell = (name: string) => run.getCell(h.indexOf(name) + 1);
    expect(cell('Algorithm').value).toBe('leximin');
    expect(cell('Input hash').value).toBe('a'.repeat(64));
    expect(cell('Lottery hash').value).toBe('b'.repeat(64));
    expect(cell('Public numbers').value).toBe('3 1 4 1 5 9');
    expect(cell('Ticket drawn').value).toBe(314);
    expect(cell('Gini').value).toBeCloseTo(0.0412, 10);
    expect(cell('Gini').numFmt).toBe('0.000');
    expect(cell('Min probability').numFmt).toContain('%');
    expect(cell('Drawn at').value).toEqual(new Date('2026-11-21T11:00:00Z'));
    expect(cell('Drawn at').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(String(cell('Panel codes').value).split(' ')).toHaveLength(60);
  });

  it('ranks the items of an approval ballot, with its picks and rank', async () => {
    const [, s2] = full.sessions;
    const item = (id: string, number: string, title: string) => ({ id, number, title, text: { en: title } });
    const approval: ReportData['ballots'][number] = {
      ballot: {
        id: 'b-2',
        sessionId: s2!.id,
        title: 'Priorities',
        rule: { method: 'approval', maxPicks: 2 },
        quorum: { numerator: 2, denominator: 3 },
        items: [item('i1', 'P1', 'Caps'), item('i2', 'P2', 'Openness'), item('i3', 'P3', 'Audits')],
        votedAt: null,
        status: 'finalised',
        createdAt: '2027-01-17T15:00:00.000Z',
        finalisedAt: '2027-01-17T16:00:00.000Z',
        finalisedBy: 'Test',
        tieRule: 'newVote',
        dependsOn: null,
        notHeld: null,
        castingVote: null,
      },
      result: {
        ballotId: 'b-2',
        present: 56,
        panelSize: 60,
        quorumMet: true,
        rule: '',
        items: [],
        ranking: { order: [['i2'], ['i1', 'i3']], winners: ['i2'], tie: false, tiedFirst: [], settled: null, scores: { i1: 20, i2: 40, i3: 3 }, pairwise: null, condorcetWinner: null },
        papers: { valid: 50, blank: 3, spoilt: 3 },
        outcome: 'decided',
        chair: null,
      },
    };
    const data = forLevel({ ...full, ballots: [...full.ballots, approval] }, 'aggregate');
    const wb = await read(await reportWorkbook(data, { level: 'aggregate', lang: 'en' }));
    const ballots = wb.getWorksheet('Ballots')!;
    const p2 = rowWith(ballots, 7, 'P2');
    expect(p2.getCell(3).value).toBe('Approval');
    expect(p2.getCell(4).value).toBe('items ranked by the number of members who picked them (up to 2 each)');
    expect([p2.getCell(9).value, p2.getCell(10).value, p2.getCell(11).value, p2.getCell(12).value, p2.getCell(13).value]).toEqual(['Picked by', 40, 0.8, 50, 'Rank 1 (winner)']);
    expect(rowWith(ballots, 7, 'P1').getCell(13).value).toBe('Rank 2');
    const p3 = rowWith(ballots, 7, 'P3');
    // Votes are published in full, small ones included.
    expect([p3.getCell(10).value, p3.getCell(11).value, p3.getCell(13).value]).toEqual([3, 0.06, 'Rank 2']);
    const csv = reportCsv(data, 'ballots', { level: 'aggregate', lang: 'en', dialect: 'plain' });
    expect(csv).toContain(',P2,Openness,Picked by,40,0.8,50,Rank 1 (winner)\r\n');
    expect(csv).toMatch(/,,,Blank,\d+,,50,\r\n/);
    expect(csv).not.toContain('<5');
  });

  it('exports a participant named like a formula as text', async () => {
    const wb = await read(await reportWorkbook(atLevel('full'), { level: 'full', lang: 'en' }));
    for (const name of ['Participants', 'Attendance', 'Per diem', 'Tables']) {
      const ws = wb.getWorksheet(name)!;
      const lastNameCol = headers(ws).indexOf('Last name') + 1;
      const cell = rowWith(ws, lastNameCol, 'Formule').getCell(lastNameCol + 1);
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.value, name).toBe(`'${FORMULA}`);
      expect(cell.formula, name).toBeUndefined();
    }
  });

  it('keeps every name, e-mail, phone and address out of the aggregate workbook and CSVs', async () => {
    const secrets = identifying(full);
    expect(secrets.length).toBeGreaterThan(200);
    for (const withCounts of [true, false]) {
      const data = atLevel('aggregate', withCounts);
      for (const lang of ['nl', 'fr', 'en'] as ReportLang[]) {
        const cells = allCells(await read(await reportWorkbook(data, { level: 'aggregate', lang })));
        const csvs = REPORT_TABLES.map((t) => reportCsv(data, t, { level: 'aggregate', lang }));
        const texts = [...cells, ...csvs];
        for (const s of secrets) {
          const word = asWord(s);
          const hit = texts.find((t) => word.test(t));
          expect(hit, `${s} in the ${lang} aggregate export`).toBeUndefined();
        }
        // No participant code either.
        for (const p of full.participants) expect(texts.some((t) => t.includes(p.code)), p.code).toBe(false);
        expect(cells.filter((c) => c === '<5')).toEqual([]);
        if (withCounts) expect(cells.filter((c) => c === reportT(lang)('report.suppressedLegend')).length).toBeGreaterThan(0);
      }
    }
  });

  it('leaves small cells (and their complements) empty at the aggregate level, numeric columns numeric, and only counts', async () => {
    const wb = await read(await reportWorkbook(atLevel('aggregate'), { level: 'aggregate', lang: 'en' }));
    const rep = wb.getWorksheet('Representativeness')!;
    const other = rowWith(rep, 2, 'other'); // 4 in the pool
    expect(other.getCell(4).value ?? null).toBeNull();
    expect(noteOf(other.getCell(4))).toBe(SUPPRESSED_NOTE);
    expect(other.getCell(5).value ?? null).toBeNull();
    expect(other.getCell(6).value).toBe(0); // nobody is not a small cell
    // The pool's total is published: another value of Gender is left out with it.
    const genders = ['female', 'male'].map((g) => rowWith(rep, 2, g).getCell(4).value ?? null);
    expect(genders.filter((v) => v === null)).toHaveLength(1);
    const luxembourg = rowWith(rep, 2, 'Luxembourg');
    expect(luxembourg.getCell(6).value ?? null).toBeNull();
    expect(rowWith(rep, 2, 'female').getCell(6).value).toBe(30);

    const attendance = wb.getWorksheet('Attendance')!;
    expect(headers(attendance)).toEqual(['Session', 'Date', 'Attended', 'Excused', 'Absent', 'Attendance %']);
    expect(attendance.getRow(3).getCell(1).value).toBeTruthy();
    expect(attendance.getRow(4).getCell(1).value ?? null).toBeNull();
    const sat = attendance.getRow(2);
    const counts = countsOf(full).attendance[demo.heldSessionIds[0]!]!;
    expect(sat.getCell(3).value).toBe(counts.attended);
    const marks = [sat.getCell(4).value ?? null, sat.getCell(5).value ?? null];
    [counts.excused, counts.absent].forEach((n, k) => expect(marks[k]).toBe(n > 0 && n < 5 ? null : marks[k]));
    // Never a lone hidden cell beside a total the rate gives back.
    expect([sat.getCell(3).value, ...marks].filter((v) => v === null).length).not.toBe(1);

    const perDiem = wb.getWorksheet('Per diem')!;
    expect(headers(perDiem)).toEqual(['People paid', 'Full days', 'Half days', 'Per diem', 'Travel', 'Childcare', 'Total']);
    // One row of totals; an amount paid to 1–4 people empty, and the total with it (the total
    // minus the other amounts would give it back), the legend below.
    expect(perDiem.getRow(3).getCell(1).value ?? null).toBeNull();
    const paidFew = countsOf(full).perDiem.childcarePeople!;
    expect(paidFew).toBeGreaterThan(0);
    expect(paidFew).toBeLessThan(5);
    expect(perDiem.getRow(2).getCell(6).value ?? null).toBeNull();
    expect(perDiem.getRow(2).getCell(7).value ?? null).toBeNull();
    expect(perDiem.getRow(4).getCell(1).value).toBe(reportT('en')('report.suppressedLegend'));
    expect(perDiem.getRow(2).getCell(1).value).toBe(60);
    expect(perDiem.getRow(2).getCell(4).value).toBe(countsOf(full).perDiem.perDiemCents / 100);
    expect(perDiem.getRow(2).getCell(4).numFmt).toBe(MONEY_FORMAT);

    const tables = wb.getWorksheet('Tables')!;
    expect(headers(tables)).toEqual(['Session', 'Date', 'Round', 'Tables', 'People seated', 'Smallest table', 'Largest table']);
    expect((tables.getRow(2).values as unknown[]).slice(3)).toEqual([1, 3, 20, 6, 7]);

    const participants = wb.getWorksheet('Participants')!;
    expect(headers(participants)).toEqual(['Status', 'People', 'Share']);
    expect(rowWith(participants, 1, 'Confirmed').getCell(2).value).toBe(60);

    const contributors = wb.getWorksheet('Experts and perspectives')!;
    expect(headers(contributors)).not.toContain('E-mail');
    expect(headers(contributors)).not.toContain('Fee');
    expect(allCells(wb)).not.toContain('Karel Vermeersch'); // did not consent to publication
    expect(headers(wb.getWorksheet('Selection audit')!)).not.toContain('Panel codes');
  });

  it('lists codes without names when pseudonymised', async () => {
    const data = atLevel('pseudonymised');
    const wb = await read(await reportWorkbook(data, { level: 'pseudonymised', lang: 'en' }));
    const cells = allCells(wb);
    const csvs = REPORT_TABLES.map((t) => reportCsv(data, t, { level: 'pseudonymised', lang: 'en' }));
    for (const s of identifying(full)) {
      const word = asWord(s);
      expect([...cells, ...csvs].find((t) => word.test(t)), s).toBeUndefined();
    }
    const participants = wb.getWorksheet('Participants')!;
    expect(headers(participants).slice(0, 3)).toEqual(['Code', 'Status', 'Contact language']);
    const codes = new Set(cells);
    for (const p of full.participants) expect(codes.has(p.code), p.code).toBe(true);
    expect(headers(wb.getWorksheet('Attendance')!)[0]).toBe('Code');
    expect(headers(wb.getWorksheet('Selection audit')!)).toContain('Panel codes');
    expect(headers(wb.getWorksheet('Experts and perspectives')!)).not.toContain('E-mail');
    expect(cells).not.toContain('karel@tb.example');
  });

  it('gives the same bytes for the same data and clock', async () => {
    // The computer's clock moves on between the two (past the zip format's two-second steps):
    // only Date is faked, so exceljs's own timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    let a: Buffer;
    let b: Buffer;
    try {
      vi.setSystemTime(new Date('2027-03-01T08:00:00Z'));
      a = await reportWorkbook(atLevel('full'), { level: 'full', lang: 'nl' });
      vi.setSystemTime(new Date('2027-03-01T08:00:03Z'));
      b = await reportWorkbook(atLevel('full'), { level: 'full', lang: 'nl' });
    } finally {
      vi.useRealTimers();
    }
    expect(a.equals(b)).toBe(true);
    const later = await reportWorkbook({ ...atLevel('full'), generatedAt: new Date('2027-03-02T12:00:00Z') }, { level: 'full', lang: 'nl' });
    expect(later.equals(a)).toBe(false);
    expect(reportCsv(atLevel('aggregate'), 'ballots', { level: 'aggregate', lang: 'fr' })).toBe(reportCsv(atLevel('aggregate'), 'ballots', { level: 'aggregate', lang: 'fr' }));
  });

  it('leaves a zip it cannot read as it is', () => {
    const junk = Buffer.from('not a zip at all');
    expect(fixZipTimes(junk, GENERATED_AT).equals(junk)).toBe(true);
  });
});

describe('the CSV tables', () => {
  it('start with a byte-order mark, use semicolons (the excel dialect, by default), end lines with CRLF and quote as RFC 4180 says', () => {
    const csv = reportCsv(atLevel('full'), 'participants', { level: 'full', lang: 'en' });
    expect(csv.startsWith('\uFEFFCode;Last name;First name;E-mail;Phone;Address;Status;Contact language;Gender;')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 68 + 1);
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const emma = demo.participants.find((p) => p.firstName === 'Emma' && p.lastName === 'Aerts')!;
    expect(lines).toContain(`${emma.code};Aerts;Emma;emma.aerts@mail.example;+32 3 521 69 78;Hoogstraat 105, 2000 Antwerpen;Confirmed;NL;female;65+;Flanders;Antwerp;low;NL;2`);
    // The formula: neutralised with an apostrophe, then quoted (it holds quotes).
    expect(lines.find((l) => l.includes('Formule'))).toContain(`;Formule;"'=HYPERLINK(""http://x"",""y"")";`);
    expect(lines.some((l) => l.includes('Çelik;Łukasz'))).toBe(true);
    // The plain dialect: no byte-order mark, commas, the address quoted for its comma.
    const plain = reportCsv(atLevel('full'), 'participants', { level: 'full', lang: 'en', dialect: 'plain' }).split('\r\n');
    expect(plain[0]!.startsWith('Code,Last name,First name,')).toBe(true);
    expect(plain).toContain(`${emma.code},Aerts,Emma,emma.aerts@mail.example,+32 3 521 69 78,"Hoogstraat 105, 2000 Antwerpen",Confirmed,NL,female,65+,Flanders,Antwerp,low,NL,2`);
  });

  it('write money in euros, percentages as fractions, dates as ISO dates', () => {
    const perDiem = reportCsv(atLevel('pseudonymised'), 'perDiem', { level: 'pseudonymised', lang: 'en', dialect: 'plain' }).split('\r\n');
    expect(perDiem[0]).toBe('Code,Full days,Half days,Per diem,Travel,Childcare,Total');
    const emma = demo.participants.find((p) => p.firstName === 'Emma' && p.lastName === 'Aerts')!;
    expect(perDiem).toContain(`${emma.code},2,0,100.00,20.00,0.00,120.00`);
    // The excel dialect: decimal commas.
    expect(reportCsv(atLevel('pseudonymised'), 'perDiem', { level: 'pseudonymised', lang: 'en' }).split('\r\n')).toContain(`${emma.code};2;0;100,00;20,00;0,00;120,00`);
    const ballots = reportCsv(atLevel('aggregate'), 'ballots', { level: 'aggregate', lang: 'nl', dialect: 'plain' }).split('\r\n');
    expect(ballots[0]).toBe('Stemming,Datum,Methode,Drempel,Aanwezige leden,Quorum bereikt,nr.,Voorstel,Antwoord,Stemmen,%,Basis,Uitslag');
    expect(ballots[1]).toBe('Recommendations on party funding,2027-01-17,Ja / nee,minstens 2/3 van de uitgebrachte stemmen (onthoudingen tellen niet mee) is voor,56,ja,R1,"Cap private donations at €2,000 per person per year",Voor,47,0.854545,55,Aangenomen');
    // One abstention: a small cell, its percentage too.
    expect(ballots[3]).toBe('Recommendations on party funding,2027-01-17,Ja / nee,minstens 2/3 van de uitgebrachte stemmen (onthoudingen tellen niet mee) is voor,56,ja,R1,"Cap private donations at €2,000 per person per year",Onthouding,1,0.017857,55,Aangenomen');
    const funnel = reportCsv(atLevel('aggregate'), 'funnel', { level: 'aggregate', lang: 'en', dialect: 'plain' }).split('\r\n');
    expect(funnel.slice(0, 3)).toEqual(['Stage,People,% of previous stage,% of respondents', 'Invited,not recorded,,', 'Responded,1500,,1']);
    const selection = reportCsv(atLevel('full'), 'selection', { level: 'full', lang: 'en' });
    expect(selection).toContain('2026-11-21 11:00');
  });

  it('neutralise a formula-like header and cell', () => {
    const data = atLevel('pseudonymised');
    const odd = { ...data, representativeness: [{ ...data.representativeness[0]!, feature: '@SUM(A1)', value: '-1+2' }] };
    const csv = reportCsv(odd, 'representativeness', { level: 'pseudonymised', lang: 'en', dialect: 'plain' }).split('\r\n');
    expect(csv[1]!.startsWith("'@SUM(A1),'-1+2,0.507,")).toBe(true);
    const excel = reportCsv(odd, 'representativeness', { level: 'pseudonymised', lang: 'en' }).slice(1).split('\r\n');
    expect(excel[1]!.startsWith("'@SUM(A1);'-1+2;0,507;")).toBe(true);
  });
});
