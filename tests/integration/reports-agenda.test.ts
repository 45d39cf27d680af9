/**
 * The agenda's reports, read back: the workbook with exceljs (sheets, a real table on each,
 * typed cells, money, no contacts, formula injection defused), the participants' programme and
 * the staff schedule with pdftotext (names with accents, consent to publication respected,
 * contacts only for staff, labels in nl/fr/en) and as pictures. The sessions fall on the
 * daylight-saving weekend of 2027 in Brussels (27–28 March): local times print as given.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AgendaOverview, AgendaSlot, Contributor } from '../../main/domain/agenda/types';
import type { Session } from '../../main/domain/sessions/types';
import { agendaPdf } from '../../main/reports/agendaPdf';
import { agendaWorkbook } from '../../main/reports/agendaXlsx';
import { excelDate, excelTime, neutraliseText, sheetName } from '../../main/reports/xlsx';
import { pageCount, pdfFonts, pdfInfo, pdfText, savePictures } from '../helpers/pdf';

const generatedAt = new Date('2027-03-20T10:00:00Z');
const timeZone = 'Europe/Brussels';
const assemblyName = 'Burgerpanel Energie & Mobiliteit 2027';
const stamp = '2027-01-10T09:00:00.000Z';

function session(id: string, name: string, date: string, startTime: string, endTime: string, location: string): Session {
  return { id, name, date, startTime, endTime, location, kind: 'plenary', createdAt: stamp, updatedAt: stamp, deletedAt: null };
}

function person(id: string, name: string, o: Partial<Contributor>): Contributor {
  return {
    id,
    name,
    role: 'expert',
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

function slot(id: string, sessionId: string, startTime: string, endTime: string, o: Partial<AgendaSlot>): AgendaSlot {
  return {
    id,
    sessionId,
    startTime,
    endTime,
    kind: 'talk',
    title: '',
    topic: '',
    roomId: null,
    speakerIds: [],
    facilitatorIds: [],
    languages: ['nl', 'fr'],
    interpretation: [],
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
    ...o,
  };
}

const SAT = session('s-sat', 'Weekend 1, dag 1: Energie', '2027-03-27', '09:30', '17:00', 'Stadhuis Leuven, Grote Markt 9');
const SUN = session('s-sun', 'Weekend 1, dag 2: Mobiliteit', '2027-03-28', '09:00', '16:30', 'Stadhuis Leuven, Grote Markt 9');
const LATER = session('s-apr', 'Weekend 2: Aanbevelingen', '2027-04-24', '10:00', '16:00', 'Provinciehuis, Leuven');

const CELIK = person('c-celik', 'Ayşe Çelik', {
  organisation: 'KU Leuven', perspectiveId: 'p-pro', topics: ['Energie'], languages: ['nl', 'en'],
  email: 'ayse.celik@kuleuven.example', phone: '+32 16 32 10 00', feeCents: 25_000, travelCents: 4_550,
});
const WISNIEWSKI = person('c-wis', 'Łukasz Wiśniewski', {
  organisation: 'Université de Liège', perspectiveId: 'p-crit', topics: ['Energie', 'Mobiliteit'], languages: ['fr', 'en'],
  email: 'l.wisniewski@uliege.example', phone: '+32 4 366 21 11', consentPublish: false, feeCents: 30_000, travelCents: 12_345,
});
const PEETERS = person('c-peeters', 'Jan Peeters', { organisation: 'Energiecoöperatie', consentPublish: false, perspectiveId: 'p-pro', email: 'jan@coop.example' });
const NUNEZ = person('c-nunez', 'María José Nuñez', { role: 'partyLeader', organisation: 'Partij Één', status: 'confirmed', email: 'mj.nunez@partij.example' });
const OSTERGAARD = person('c-ost', 'Søren Østergaard', { role: 'partyLeader', organisation: 'Parti Ŵ', consentPublish: false, status: 'invited', phone: '+32 2 555 01 02' });
const ELSEN = person('c-elsen', 'Zoë Ëlsen', { role: 'facilitator', organisation: 'Tafelwerk vzw', email: 'zoe@tafelwerk.example', phone: '+32 470 11 22 33', feeCents: 60_000 });

const SLOTS: AgendaSlot[] = [
  // Deliberately out of order: the reports sort by time.
  slot('a-panel', SAT.id, '11:15', '12:30', {
    kind: 'panel', title: 'Panelgesprek: kernenergie of niet?', topic: 'Energie', roomId: 'r-big',
    speakerIds: [WISNIEWSKI.id, PEETERS.id, CELIK.id], facilitatorIds: [ELSEN.id], interpretation: ['en'],
    notes: 'Drie microfoons op het podium; vragen via de tafelbegeleiders.',
  }),
  slot('a-welcome', SAT.id, '09:30', '10:00', { title: 'Welkom en inleiding', roomId: 'r-big', facilitatorIds: [ELSEN.id], interpretation: ['en'] }),
  slot('a-facts', SAT.id, '10:00', '11:00', {
    title: 'Energie: de feiten', topic: 'Energie', roomId: 'r-big', speakerIds: [CELIK.id], languages: ['nl'], interpretation: ['fr'],
    notes: 'Slides op USB-stick; clicker testen.',
  }),
  slot('a-break', SAT.id, '11:00', '11:15', { kind: 'break', languages: [] }),
  slot('a-tables', SAT.id, '13:30', '15:00', { kind: 'deliberation', title: 'Tafelgesprekken', topic: 'Energie', roomId: 'r-small', facilitatorIds: [ELSEN.id] }),
  slot('a-formula', SAT.id, '15:00', '16:00', { kind: 'qa', title: '=SUM(A1)', topic: 'Energie', speakerIds: [CELIK.id] }),
  slot('b-hearing', SUN.id, '09:00', '10:15', {
    kind: 'hearing', title: 'Hoorzitting met de partijvoorzitters', topic: 'Mobiliteit', roomId: 'r-big',
    speakerIds: [NUNEZ.id, OSTERGAARD.id], facilitatorIds: [ELSEN.id], interpretation: ['nl', 'fr'],
  }),
  slot('b-coffee', SUN.id, '10:15', '10:30', { kind: 'break', title: 'Koffie', languages: [] }),
  slot('b-housing', SUN.id, '10:30', '12:00', { title: 'Mobiliteit en wonen', topic: 'Mobiliteit', speakerIds: [WISNIEWSKI.id], languages: ['fr'], interpretation: ['nl'] }),
  slot('b-vote', SUN.id, '16:00', '16:30', { kind: 'vote', title: 'Stemming over de eerste aanbevelingen', roomId: 'r-big' }),
];

const OVERVIEW: AgendaOverview = {
  sessions: [LATER, SUN, SAT],
  slots: SLOTS,
  contributors: [CELIK, WISNIEWSKI, PEETERS, NUNEZ, OSTERGAARD, ELSEN],
  perspectives: [
    { id: 'p-pro', name: 'Voorstander van kernenergie', position: 1 },
    { id: 'p-crit', name: 'Kritisch — hernieuwbaar eerst', position: 2 },
  ],
  rooms: [
    { id: 'r-big', name: 'Gotische Zaal', capacity: 120 },
    { id: 'r-small', name: 'Salle Émile', capacity: 30 },
  ],
  warnings: [
    {
      kind: 'roomTooSmall', message: 'Salle Émile holds 30, but "Tafelgesprekken" at 13:30 expects 60 people.',
      slotIds: ['a-tables'], contributorIds: [], params: { room: 'Salle Émile', capacity: 30, expected: 60, slot: 'Tafelgesprekken', start: '13:30' },
    },
    {
      kind: 'oneSidedTopic', message: 'The topic "Mobiliteit" hears one perspective only (Kritisch — hernieuwbaar eerst, 90 min).',
      slotIds: ['b-housing'], contributorIds: [], params: { topic: 'Mobiliteit', perspective: 'Kritisch — hernieuwbaar eerst', minutes: 90 },
    },
  ],
  balance: [
    {
      topic: 'Energie',
      perspectives: [
        { perspectiveId: 'p-pro', name: 'Voorstander van kernenergie', minutes: 145 },
        { perspectiveId: 'p-crit', name: 'Kritisch — hernieuwbaar eerst', minutes: 25 },
      ],
      totalMinutes: 170,
      oneSided: false,
    },
    {
      topic: 'Mobiliteit',
      perspectives: [
        { perspectiveId: 'p-crit', name: 'Kritisch — hernieuwbaar eerst', minutes: 90 },
        { perspectiveId: null, name: 'No perspective given', minutes: 75 },
      ],
      totalMinutes: 165,
      oneSided: true,
    },
  ],
  leaders: [],
  expectedAttendance: 60,
};

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The header row's texts. */
const headers = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);

/** Every cell's value as text, for "is it absent" checks. */
function allText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? '')))));
  return out.join('\n');
}

/** pdftotext joins words with single spaces or line breaks as the layout falls: compare with whitespace folded. */
const fold = (s: string): string => s.replace(/\s+/g, ' ');

describe('xlsx helpers', () => {
  it('neutralises formula-like text and leaves numbers and plain text alone', () => {
    expect(neutraliseText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseText('@cmd')).toBe("'@cmd");
    expect(neutraliseText('\tx')).toBe("'\tx");
    expect(neutraliseText('\rx')).toBe("'\rx");
    expect(neutraliseText('-2+3|cmd')).toBe("'-2+3|cmd");
    expect(neutraliseText('+HYPERLINK("x")')).toBe('\'+HYPERLINK("x")');
    expect(neutraliseText('-5')).toBe('-5');
    expect(neutraliseText('+32 475 12 34 56')).toBe('+32 475 12 34 56');
    expect(neutraliseText('Çelik')).toBe('Çelik');
    expect(neutraliseText('a\u0000b')).toBe('ab');
  });

  it('reads dates, times and sheet names', () => {
    expect(excelDate('2027-03-28')?.toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(excelDate('2027-02-30')).toBeNull();
    expect(excelTime('09:30')).toBeCloseTo(9.5 / 24, 12);
    expect(excelTime('25:00')).toBeNull();
    expect(sheetName('Sprekers/gasten: [alle]')).toBe('Sprekers gasten   alle');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});

describe('agendaWorkbook', () => {
  it('writes three real tables with typed cells, in English', async () => {
    const wb = await readWorkbook(await agendaWorkbook(OVERVIEW, { assemblyName, lang: 'en' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Agenda', 'Contributors', 'Balance']);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(6);
    }

    const agenda = wb.getWorksheet('Agenda')!;
    expect(headers(agenda)).toEqual(['Date', 'Session', 'Start', 'End', 'Minutes', 'Kind', 'Title', 'Topic', 'Room', 'Speakers', 'Facilitators', 'Languages', 'Interpretation']);
    expect(agenda.rowCount).toBe(1 + SLOTS.length);
    // Sorted by date and time: the Saturday's welcome first, the Sunday's vote last.
    const first = agenda.getRow(2);
    expect(first.getCell(1).value).toBeInstanceOf(Date);
    expect((first.getCell(1).value as Date).toISOString()).toBe('2027-03-27T00:00:00.000Z');
    expect(first.getCell(1).numFmt).toMatch(/dd.*mm.*yyyy/);
    expect(first.getCell(2).value).toBe(SAT.name);
    expect(first.getCell(7).value).toBe('Welkom en inleiding');
    expect(first.getCell(5).value).toBe(30);
    expect(first.getCell(12).value).toBe('NL, FR');
    expect(first.getCell(13).value).toBe('EN');
    const last = agenda.getRow(1 + SLOTS.length);
    expect((last.getCell(1).value as Date).toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(last.getCell(6).value).toBe('Vote');
    // Sunday of the clock change: 09:00 stays 09:00 (a time of day, not an instant).
    const hearing = agenda.getRow(8);
    expect(hearing.getCell(7).value).toBe('Hoorzitting met de partijvoorzitters');
    expect(hearing.getCell(3).numFmt).toBe('hh:mm');
    expect((hearing.getCell(3).value as Date).toISOString()).toBe('1899-12-30T09:00:00.000Z');
    expect((hearing.getCell(4).value as Date).toISOString()).toBe('1899-12-30T10:15:00.000Z');
    expect(hearing.getCell(5).value).toBe(75);
    expect(hearing.getCell(10).value).toBe('María José Nuñez, Søren Østergaard');
    expect(hearing.getCell(11).value).toBe('Zoë Ëlsen');
    expect(hearing.getCell(9).value).toBe('Gotische Zaal');
    const panel = agenda.getRow(5);
    expect(panel.getCell(6).value).toBe('Panel debate');
    expect(panel.getCell(10).value).toBe('Łukasz Wiśniewski, Jan Peeters, Ayşe Çelik');

    // The title typed as a formula comes back as text, defused.
    const formulaRow = agenda.getRow(7);
    const cell = formulaRow.getCell(7);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'=SUM(A1)");
    expect(cell.formula).toBeUndefined();

    const people = wb.getWorksheet('Contributors')!;
    expect(headers(people)).toEqual(['Name', 'Role', 'Organisation', 'Perspective', 'Topics', 'Languages', 'Status', 'Fee', 'Travel', 'Name may be published']);
    const rowOf = (name: string): ExcelJS.Row => {
      for (let r = 2; r <= people.rowCount; r++) if (people.getRow(r).getCell(1).value === name) return people.getRow(r);
      throw new Error(`${name} not found`);
    };
    const w = rowOf('Łukasz Wiśniewski');
    expect(w.getCell(2).value).toBe('Expert');
    expect(w.getCell(3).value).toBe('Université de Liège');
    expect(w.getCell(4).value).toBe('Kritisch — hernieuwbaar eerst');
    expect(w.getCell(5).value).toBe('Energie, Mobiliteit');
    expect(w.getCell(6).value).toBe('FR, EN');
    expect(w.getCell(8).value).toBe(300);
    expect(w.getCell(8).numFmt).toContain('€');
    expect(w.getCell(9).value).toBe(123.45);
    expect(w.getCell(9).numFmt).toContain('€');
    expect(w.getCell(10).value).toBe('no');
    expect(rowOf('Ayşe Çelik').getCell(10).value).toBe('yes');
    expect(rowOf('Søren Østergaard').getCell(2).value).toBe('Party leader');
    expect(rowOf('Søren Østergaard').getCell(7).value).toBe('Invited');
    // Sorted by name as the language sorts: Ayşe Çelik before Jan Peeters before Łukasz.
    const names = Array.from({ length: people.rowCount - 1 }, (_, i) => people.getRow(i + 2).getCell(1).value);
    expect(names.indexOf('Ayşe Çelik')).toBeLessThan(names.indexOf('Jan Peeters'));
    expect(names.indexOf('Jan Peeters')).toBeLessThan(names.indexOf('Łukasz Wiśniewski'));

    // No contacts anywhere in the workbook.
    const text = allText(wb);
    expect(text).not.toContain('@');
    for (const c of OVERVIEW.contributors) if (c.phone) expect(text).not.toContain(c.phone);

    const balance = wb.getWorksheet('Balance')!;
    expect(headers(balance)).toEqual(['Topic', 'Perspective', 'Minutes', 'Share', 'One-sided']);
    expect(balance.rowCount).toBe(5);
    expect(balance.getRow(2).getCell(3).value).toBe(145);
    expect(balance.getRow(2).getCell(4).value).toBeCloseTo(145 / 170, 10);
    expect(balance.getRow(2).getCell(4).numFmt).toContain('%');
    expect(balance.getRow(5).getCell(2).value).toBe('no perspective given');
    expect(balance.getRow(5).getCell(5).value).toBe('yes');
  });

  it('names the sheets and headers in French and Dutch', async () => {
    const fr = await readWorkbook(await agendaWorkbook(OVERVIEW, { assemblyName, lang: 'fr' }));
    expect(fr.worksheets.map((w) => w.name)).toEqual(['Programme', 'Intervenants', 'Équilibre']);
    expect(headers(fr.worksheets[0]!)).toContain('Thème');
    expect(headers(fr.worksheets[0]!)).toContain('Interprétation');
    expect(headers(fr.worksheets[1]!)).toContain('Frais de déplacement');
    expect(fr.worksheets[0]!.getRow(5).getCell(6).value).toBe('Débat en panel');

    const nl = await readWorkbook(await agendaWorkbook(OVERVIEW, { assemblyName, lang: 'nl' }));
    expect(nl.worksheets.map((w) => w.name)).toEqual(['Agenda', 'Sprekers en gasten', 'Evenwicht']);
    expect(headers(nl.worksheets[0]!).slice(0, 6)).toEqual(['Datum', 'Sessie', 'Begin', 'Einde', 'Minuten', 'Soort']);
    expect(headers(nl.worksheets[2]!)).toEqual(['Thema', 'Standpunt', 'Minuten', 'Aandeel', 'Eenzijdig']);
    expect(nl.worksheets[1]!.getRow(2).getCell(10).value).toMatch(/^(ja|nee)$/);
  });

  it('still writes the three tables for an empty agenda', async () => {
    const empty: AgendaOverview = { ...OVERVIEW, slots: [], contributors: [], warnings: [], balance: [] };
    const wb = await readWorkbook(await agendaWorkbook(empty, { assemblyName, lang: 'en' }));
    expect(wb.worksheets.map((w) => w.rowCount)).toEqual([1, 1, 1]);
    expect(wb.worksheets[0]!.autoFilter).toBeTruthy();
  });
});

describe('agendaPdf programme', () => {
  it('prints the sessions and slots for participants, names only with consent, in Dutch', async () => {
    const pdf = await agendaPdf(OVERVIEW, { kind: 'programme', sessionId: null, assemblyName, lang: 'nl', generatedAt, timeZone });
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/595\.2\d* x 841\.8\d*/);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(3);
    for (const f of pdfFonts(pdf)) expect(f.embedded).toBe(true);
    const text = fold(pdfText(pdf));
    for (const s of [
      assemblyName, 'Programma', SAT.name, SUN.name, LATER.name,
      'zaterdag 27 maart 2027', 'zondag 28 maart 2027', 'zaterdag 24 april 2027', 'Stadhuis Leuven, Grote Markt 9',
      '09:30 – 10:00', '11:15 – 12:30', '09:00 – 10:15', '16:00 – 16:30',
      'Welkom en inleiding', 'Panelgesprek: kernenergie of niet?', 'Pauze', 'Koffie', 'Hoorzitting met de partijvoorzitters',
      'Thema: Energie', 'PANELDEBAT', 'HOORZITTING',
      'Ayşe Çelik (KU Leuven)', 'María José Nuñez (Partij Één)',
      'Sprekers: 2 experts, Ayşe Çelik (KU Leuven)', 'María José Nuñez (Partij Één), een partijvoorzitter', 'Sprekers: een expert',
      'Talen: Nederlands, Frans — tolken naar Engels', 'Het programma van deze sessie volgt.',
      'Aangemaakt op 20 maart 2027', 'pagina 1 /',
      '=SUM(A1)',
    ]) expect(text).toContain(s);
    // Not for participants: names without consent, contacts, notes, fees, rooms.
    for (const s of ['Wiśniewski', 'Łukasz', 'Peeters', 'Østergaard', 'Søren', '@', '+32', 'microfoons', 'USB', 'Gotische Zaal', '250', 'Université de Liège']) {
      expect(text, s).not.toContain(s);
    }
    // Saturday before Sunday, and each day's slots in time order.
    const order = ['Welkom en inleiding', 'Energie: de feiten', 'Pauze', 'Panelgesprek', 'Tafelgesprekken', '=SUM(A1)', 'Hoorzitting', 'Koffie', 'Mobiliteit en wonen', 'Stemming', 'Het programma van deze sessie volgt.'];
    const at = order.map((s) => text.indexOf(s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const p of savePictures(pdf, 'agenda-programme-nl', 80)) expect(p).toMatch(/\.png$/);
  });

  it('speaks French', async () => {
    const pdf = await agendaPdf(OVERVIEW, { kind: 'programme', sessionId: null, assemblyName, lang: 'fr', generatedAt, timeZone });
    const text = fold(pdfText(pdf));
    for (const s of [
      'samedi 27 mars 2027', 'dimanche 28 mars 2027', 'Lieu : Stadhuis', 'Heure : 09:30 – 17:00', 'Thème : Energie',
      'Intervenants : 2 expert·es, Ayşe Çelik (KU Leuven)', 'María José Nuñez (Partij Één), un·e président·e de parti',
      'Langues : néerlandais, français — interprétation vers anglais', 'Le programme de cette session suivra.',
      'DÉBAT EN PANEL', 'Généré le 20 mars 2027', 'page 1 /',
    ]) expect(text).toContain(s);
    expect(text).not.toContain('Wiśniewski');
    savePictures(pdf, 'agenda-programme-fr', 80);
  });

  it('prints one session when asked, in English', async () => {
    const pdf = await agendaPdf(OVERVIEW, { kind: 'programme', sessionId: SUN.id, assemblyName, lang: 'en', generatedAt, timeZone });
    expect(pageCount(pdf)).toBe(1);
    const text = fold(pdfText(pdf));
    for (const s of [`Programme — ${SUN.name}`, 'Sunday, 28 March 2027', 'HEARING', 'an expert', 'a party leader', 'Languages: French — interpretation into Dutch']) {
      expect(text).toContain(s);
    }
    for (const s of [SAT.name, LATER.name, 'Welkom']) expect(text).not.toContain(s);
    expect(pdfInfo(pdf).Title).toBe(`Programme — ${SUN.name}`);
  });

  it('says the programme will follow for sessions without slots, and refuses an assembly without sessions', async () => {
    const noSlots: AgendaOverview = { ...OVERVIEW, slots: [], warnings: [], balance: [] };
    const pdf = await agendaPdf(noSlots, { kind: 'programme', sessionId: null, assemblyName, lang: 'en', generatedAt, timeZone });
    const text = fold(pdfText(pdf));
    expect(text.match(/The programme of this session will follow\./g)).toHaveLength(3);
    for (const s of [SAT.name, SUN.name, LATER.name]) expect(text).toContain(s);
    savePictures(pdf, 'agenda-programme-empty', 80);

    const none: AgendaOverview = { ...noSlots, sessions: [] };
    await expect(agendaPdf(none, { kind: 'programme', sessionId: null, assemblyName, lang: 'en', generatedAt, timeZone })).rejects.toThrow(RangeError);
    await expect(agendaPdf(none, { kind: 'schedule', sessionId: null, assemblyName, lang: 'nl', generatedAt, timeZone })).rejects.toThrow(/geen sessie/);
    await expect(agendaPdf(OVERVIEW, { kind: 'programme', sessionId: 'nope', assemblyName, lang: 'fr', generatedAt, timeZone })).rejects.toThrow(RangeError);
  });

  it('never leaves a session heading alone at the bottom of a page', async () => {
    // 14 sessions of 4 slots: headings fall at every height of the page.
    const sessions = Array.from({ length: 14 }, (_, i) => session(`s-${i}`, `Sessie ${i + 1}`, `2027-05-${String(i + 1).padStart(2, '0')}`, '09:00', '17:00', 'Leuven'));
    const slots = sessions.flatMap((s, i) =>
      Array.from({ length: 4 }, (_, k) =>
        slot(`x-${i}-${k}`, s.id, `${10 + k}:00`, `${10 + k}:45`, { title: `Onderdeel ${i + 1}.${k + 1}`, topic: 'Energie', speakerIds: [CELIK.id] }),
      ),
    );
    const big: AgendaOverview = { ...OVERVIEW, sessions, slots };
    for (const kind of ['programme', 'schedule'] as const) {
      const pdf = await agendaPdf(big, { kind, sessionId: null, assemblyName, lang: 'nl', generatedAt, timeZone });
      const pages = pageCount(pdf);
      expect(pages, kind).toBeGreaterThan(1);
      for (let p = 1; p <= pages; p++) {
        const text = fold(pdfText(pdf, { page: p }));
        for (const m of text.matchAll(/Sessie (\d+) /g)) expect(text, `${kind} page ${p}, session ${m[1]}`).toContain(`Onderdeel ${m[1]}.1`);
      }
      if (kind === 'schedule') savePictures(pdf, 'agenda-schedule-long', 50);
    }
  });

  it('makes the same bytes for the same input and generation date', async () => {
    const o = { kind: 'programme' as const, sessionId: null, assemblyName, lang: 'nl' as const, generatedAt, timeZone };
    const a = await agendaPdf(OVERVIEW, o);
    const b = await agendaPdf({ ...OVERVIEW, slots: [...SLOTS].reverse(), sessions: [...OVERVIEW.sessions].reverse() }, o);
    expect(a.equals(b)).toBe(true);
  });
});

describe('agendaPdf schedule', () => {
  it('adds rooms, facilitators, contacts, notes, warnings and the balance for staff, in English', async () => {
    const pdf = await agendaPdf(OVERVIEW, { kind: 'schedule', sessionId: null, assemblyName, lang: 'en', generatedAt, timeZone });
    expect(pdfInfo(pdf)['Page size']).toMatch(/841\.8\d* x 595\.2\d*/);
    expect(pageCount(pdf)).toBeLessThanOrEqual(5);
    const text = fold(pdfText(pdf));
    for (const s of [
      'Running schedule', SAT.name, SUN.name, 'Saturday, 27 March 2027', 'Sunday, 28 March 2027', '6 slots', '4 slots',
      'Łukasz Wiśniewski', 'Université de Liège', 'l.wisniewski@uliege.example', '+32 4 366 21 11',
      'Søren Østergaard', 'Jan Peeters', 'ayse.celik@kuleuven.example', 'zoe@tafelwerk.example', '+32 470 11 22 33',
      'name not for publication', 'Gotische Zaal', 'Salle Émile', 'Facilitators', 'Interpretation: EN',
      'Drie microfoons op het podium', 'Slides op USB-stick',
      'Warnings', 'Room too small:', 'Salle Émile holds 30', 'One-sided topic:',
      'Balance of perspectives', 'Voorstander van kernenergie', 'no perspective given', '85%',
      'The programme of this session will follow.',
    ]) expect(text).toContain(s);
    savePictures(pdf, 'agenda-schedule-en', 80);
  });

  it('speaks Dutch and French', async () => {
    const nl = fold(pdfText(await agendaPdf(OVERVIEW, { kind: 'schedule', sessionId: SAT.id, assemblyName, lang: 'nl', generatedAt, timeZone })));
    for (const s of ['Draaiboek', 'zaterdag 27 maart 2027', 'Begeleiders', 'Zaal', 'Notities', 'naam niet publiceren', 'Aandachtspunten', 'Zaal te klein:', 'Evenwicht van de standpunten', 'Eenzijdig']) {
      expect(nl).toContain(s);
    }
    // Only the Saturday: the warning about a Sunday slot is left out.
    expect(nl).not.toContain(SUN.name);
    expect(nl).not.toContain('Eenzijdig thema:');

    const frPdf = await agendaPdf(OVERVIEW, { kind: 'schedule', sessionId: null, assemblyName, lang: 'fr', generatedAt, timeZone });
    const fr = fold(pdfText(frPdf));
    for (const s of ['Déroulé détaillé', 'samedi 27 mars 2027', 'Animation', 'Salle', 'nom à ne pas publier', 'Points d’attention', 'Équilibre des points de vue', 'point de vue non précisé', 'oui']) {
      expect(fr).toContain(s);
    }
    savePictures(frPdf, 'agenda-schedule-fr', 80);
  });
});
