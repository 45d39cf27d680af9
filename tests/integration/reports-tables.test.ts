/**
 * The small-group tables' reports, read back: the facilitators' sheets (one page per table, the
 * table's number in the report's language, members with accents, facilitator or a line to write
 * one) and the wall list (everyone by last name with their table) with pdftotext and as
 * pictures; the workbook with exceljs (two real tables, sorted wall list, formula-like names
 * defused). The fixture: 20 tables of 8, a language group per table, accented names.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../main/domain/sessions/types';
import type { TableMember, TablePlan } from '../../main/domain/tables/types';
import { byLastName } from '../../main/reports/i18n';
import { tablesPdf } from '../../main/reports/tablesPdf';
import { tablesWorkbook } from '../../main/reports/tablesXlsx';
import { pageCount, pdfFonts, pdfInfo, pdfText, savePictures } from '../helpers/pdf';

const generatedAt = new Date('2027-03-20T10:00:00Z');
const timeZone = 'Europe/Brussels';
const assemblyName = 'Burgerpanel Energie & Mobiliteit 2027';
const stamp = '2027-01-10T09:00:00.000Z';

const SESSION: Session = {
  id: 's-sat',
  name: 'Weekend 1, dag 1: Energie',
  date: '2027-03-27',
  startTime: '09:30',
  endTime: '17:00',
  location: 'Stadhuis Leuven, Grote Markt 9',
  kind: 'plenary',
  createdAt: stamp,
  updatedAt: stamp,
  deletedAt: null,
};

const LAST = [
  'Çelik', 'Wiśniewski', 'Nuñez', 'Østergaard', 'Ëlsen', 'Peeters', 'Janssens', 'Maes', 'Dubois', 'Lambert',
  'De Smet', 'Van den Broeck', 'El Amrani', 'Öztürk', 'Dvořák', 'Claes', 'Mertens', 'Willems', 'Goossens', 'Wouters',
  'Fernández-García', 'Lefèvre', 'Šimić', 'Van Achterbergh-Vandenbroucke',
];
const FIRST = ['Łukasz', 'Ayşe', 'María José', 'Zoë', 'Søren', 'Jan', 'Els', 'Noah', 'Amélie', 'Mohammed', 'Chloé', 'Björn', 'Inès', 'Kaan', 'Marie-Christine'];

/** 160 people: every last name with several first names, a few made awkward on purpose. */
function people(): TableMember[] {
  const out: TableMember[] = [];
  for (let i = 0; out.length < 160; i++) {
    const lastName = LAST[i % LAST.length]!;
    const firstName = FIRST[(i * 7 + Math.floor(i / LAST.length)) % FIRST.length]!;
    out.push({
      personId: `p-${i}`,
      code: `K-${String(1000 + i)}`,
      firstName,
      lastName,
      language: i % 3 === 2 ? 'fr' : 'nl',
      features: { Taal: i % 3 === 2 ? 'FR' : 'NL', Geslacht: i % 2 === 0 ? 'vrouw' : 'man', Leeftijd: ['16–25', '26–40', '41–64', '65+'][i % 4]! },
    });
  }
  // Formula-like names, as a hostile or clumsy import could leave them.
  out[5] = { ...out[5]!, firstName: '=HYPERLINK("http://x")', lastName: 'Formule' };
  out[6] = { ...out[6]!, firstName: 'Anna', lastName: '@Sum' };
  return out;
}

const PEOPLE = people();
const CELIK = PEOPLE[0]!; // Çelik, Łukasz
const NUNEZ = PEOPLE[2]!;

function plan(o: Partial<TablePlan> = {}): TablePlan {
  const tables: TablePlan['tables'] = Array.from({ length: 20 }, (_, t) => ({
    number: t + 1,
    group: t < 14 ? 'NL' : 'FR',
    facilitatorId: t === 1 ? null : t === 5 ? 'c-gone' : `c-${t % 4}`,
    // Members as the service gives them; deliberately not sorted: the reports sort.
    members: PEOPLE.filter((_, i) => i % 20 === t).reverse(),
  }));
  return {
    id: 'plan-1',
    sessionId: SESSION.id,
    round: 2,
    createdAt: stamp,
    operator: 'Test',
    settings: { tableSize: 8, modes: { Taal: 'cluster', Geslacht: 'diversify', Leeftijd: 'diversify', Provincie: 'ignore' }, pins: [], apart: [], source: 'confirmed' },
    seed: 7,
    tables,
    score: { diversity: 1, repeats: 0, repeatedPairs: 0, total: 1 },
    basedOn: null,
    moved: [],
    ...o,
  };
}

const PLAN = plan();
const FACILITATORS = new Map([
  ['c-0', 'Zoë Ëlsen'],
  ['c-1', 'Søren Østergaard'],
  ['c-2', 'Ayşe Yıldız'],
  ['c-3', 'François Lemaître'],
]);

const name = (m: Pick<TableMember, 'firstName' | 'lastName'>): string => `${m.lastName}, ${m.firstName}`;
const tableOf = (m: TableMember): number => PLAN.tables.find((t) => t.members.includes(m))!.number;

/** pdftotext joins words with single spaces or line breaks as the layout falls: compare with whitespace folded. */
const fold = (s: string): string => s.replace(/\s+/g, ' ');
/** Without hyphens and spaces: a name wrapped (at a hyphen, a slash) comes back with a hyphen dropped or a space added. */
const loose = (s: string): string => s.replace(/[\s-]+/g, '');

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/**
 * The wall list's text column after column: pdftotext -layout keeps the two columns side by
 * side, cut where the second column's header ("Naam") starts.
 */
function wallColumns(layout: string): string {
  const lines = layout.split('\n');
  const headerAt = lines.findIndex((l) => /^\s*Naam\s+Tafel\s+Naam\s+Tafel\s*$/.test(l));
  if (headerAt < 0) return fold(layout);
  const cut = lines[headerAt]!.lastIndexOf('Naam');
  const body = lines.slice(headerAt + 1).filter((l) => !/pagina \d+ \//.test(l));
  return fold(` ${body.map((l) => l.slice(0, cut)).join(' ')} ${body.map((l) => l.slice(cut)).join(' ')} `);
}

const headers = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);

describe('tablesPdf facilitators', () => {
  it('prints one page per table with its members, facilitator and boxes to tick, in Dutch', async () => {
    const pdf = await tablesPdf(PLAN, { kind: 'facilitators', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl', generatedAt, timeZone });
    savePictures(pdf, 'tables-facilitators-nl', 80);
    expect(pageCount(pdf)).toBe(20);
    expect(pdfInfo(pdf)['Page size']).toMatch(/595\.2\d* x 841\.8\d*/);
    for (const f of pdfFonts(pdf)) expect(f.embedded).toBe(true);

    for (let p = 1; p <= 20; p++) {
      const text = fold(pdfText(pdf, { page: p }));
      const table = PLAN.tables[p - 1]!;
      expect([...text.matchAll(/Tafel (\d+)\b/g)].map((m) => m[1]), `page ${p}`).toEqual([String(p)]);
      for (const m of table.members) {
        // A long name wraps at its hyphen, which pdftotext then drops.
        expect(loose(text), `page ${p}`).toContain(loose(name(m)));
        expect(text, `page ${p}`).toContain(m.code);
      }
      expect(text).toContain('8 deelnemers');
      expect(text).toContain(`pagina ${p} / 20`);
    }

    const third = fold(pdfText(pdf, { page: 3 }));
    for (const s of [
      assemblyName, 'TAFELBLAD VOOR DE BEGELEIDER', 'Tafel 3', 'GROEP NL', SESSION.name, 'zaterdag 27 maart 2027', 'Uur: 09:30 – 17:00',
      'Plaats: Stadhuis Leuven, Grote Markt 9', 'Ronde 2', 'Begeleider: Ayşe Yıldız',
      'nr. Naam Code Taal Geslacht Leeftijd', 'Aanwezig', 'Aangemaakt op 20 maart 2027',
    ]) expect(third).toContain(s);
    // Members sorted by last name on the sheet.
    const members = byLastName(PLAN.tables[2]!.members, 'nl').map(name);
    const at = members.map((m) => third.indexOf(m));
    expect(at).toEqual([...at].sort((a, b) => a - b));

    const first = fold(pdfText(pdf));
    for (const s of [name(CELIK), 'Çelik, Łukasz', name(NUNEZ), 'Wiśniewski', 'Østergaard', 'Dvořák', 'Šimić', 'GROEP FR']) expect(first).toContain(s);
    // Printed as text, not run; the name column may wrap it after "http://".
    expect(first).toMatch(/=HYPERLINK\("http:\/\/ ?x"\)/);
    expect(CELIK.firstName).toBe('Łukasz');
    // No facilitator (table 2) or an unknown one (table 6): the label and a line to write on.
    for (const p of [2, 6]) {
      const text = fold(pdfText(pdf, { page: p }));
      expect(text).toContain('Begeleider:');
      for (const f of FACILITATORS.values()) expect(text).not.toContain(f);
    }
    expect(fold(pdfText(pdf, { page: 1 }))).toContain('Begeleider: Zoë Ëlsen');
  });

  it('speaks French and English', async () => {
    const fr = await tablesPdf(PLAN, { kind: 'facilitators', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'fr', generatedAt, timeZone });
    expect(pageCount(fr)).toBe(20);
    const third = fold(pdfText(fr, { page: 3 }));
    for (const s of ['FICHE DE TABLE POUR L’ANIMATION', 'Table 3', 'GROUPE NL', 'samedi 27 mars 2027', 'Tour 2', 'Animation : Ayşe Yıldız', 'Présent·e', 'Langue', '8 participants', 'page 3 / 20']) {
      expect(third).toContain(s);
    }
    expect(third).not.toContain('Table 4');
    const en = fold(pdfText(await tablesPdf(PLAN, { kind: 'facilitators', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'en', generatedAt, timeZone }), { page: 20 }));
    for (const s of ['Table 20', 'GROUP FR', 'Saturday, 27 March 2027', 'Round 2', 'Facilitator: François Lemaître', 'Present']) expect(en).toContain(s);
  });

  it('turns to landscape for many features, leaves out an empty group, and refuses a plan that seats nobody', async () => {
    const wide = plan({
      settings: { ...PLAN.settings, modes: { Taal: 'cluster', Geslacht: 'diversify', Leeftijd: 'diversify', Diploma: 'diversify', Provincie: 'diversify' } },
      tables: PLAN.tables.slice(0, 2).map((t) => ({
        ...t,
        group: '',
        members: t.members.map((m) => ({ ...m, features: { ...m.features, Diploma: 'hoger onderwijs', Provincie: 'Vlaams-Brabant' } })),
      })),
    });
    const pdf = await tablesPdf(wide, { kind: 'facilitators', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl', generatedAt, timeZone });
    savePictures(pdf, 'tables-facilitators-wide', 60);
    expect(pageCount(pdf)).toBe(2);
    expect(pdfInfo(pdf)['Page size']).toMatch(/841\.8\d* x 595\.2\d*/);
    const text = fold(pdfText(pdf, { page: 1 }));
    for (const s of ['Diploma', 'Provincie', 'Vlaams-Brabant', 'hoger onderwijs']) expect(text).toContain(s);
    expect(text).not.toContain('GROEP');

    // A big table (24 at one table) keeps to its page: the rows get tighter.
    const big = plan({ tables: [{ number: 7, group: 'NL', facilitatorId: 'c-0', members: PEOPLE.slice(0, 24) }] });
    const bigPdf = await tablesPdf(big, { kind: 'facilitators', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'en', generatedAt, timeZone });
    savePictures(bigPdf, 'tables-facilitators-big', 60);
    expect(pageCount(bigPdf)).toBe(1);
    expect(fold(pdfText(bigPdf))).toContain('24 participants');

    for (const empty of [plan({ tables: [] }), plan({ tables: [{ number: 1, group: '', facilitatorId: null, members: [] }] })]) {
      for (const kind of ['facilitators', 'wall'] as const) {
        await expect(tablesPdf(empty, { kind, session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl', generatedAt, timeZone })).rejects.toThrow(RangeError);
      }
      await expect(tablesPdf(empty, { kind: 'wall', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'fr', generatedAt, timeZone })).rejects.toThrow(/Personne n'est placé/);
      await expect(tablesWorkbook(empty, { session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'en' })).rejects.toThrow(/Nobody is seated/);
    }
  });
});

describe('tablesPdf wall', () => {
  it('lists everyone by last name with their table, in big type, heading on every page', async () => {
    const pdf = await tablesPdf(PLAN, { kind: 'wall', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl', generatedAt, timeZone });
    savePictures(pdf, 'tables-wall-nl', 80);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
    const sorted = byLastName(PEOPLE, 'nl');
    let all = '';
    for (let p = 1; p <= pages; p++) {
      const text = fold(pdfText(pdf, { page: p }));
      // Every page can hang alone: title, session, round. No page spilled over without its heading.
      for (const s of ['Tafelindeling — Ronde 2', SESSION.name, 'zaterdag 27 maart 2027', 'Zoek je naam']) expect(text, `page ${p}`).toContain(s);
      all += `${wallColumns(pdfText(pdf, { page: p, layout: true }))} `;
    }
    // In reading order (column after column, page after page) the names come sorted.
    const names = loose(all.replace(/ \d+(?= |$)/g, ''));
    let from = 0;
    for (const m of sorted) {
      const at = names.indexOf(loose(name(m)), from);
      expect(at, name(m)).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    // Each followed by their table's number (short names: a long one may wrap before its number).
    for (const m of sorted.filter((x) => name(x).length < 24)) expect(all, name(m)).toContain(` ${name(m)} ${tableOf(m)} `);
    // The language sorts: Çelik with the Cs, before Claes; Ëlsen with the Es; Öztürk with the Os.
    expect(all.indexOf('Çelik,')).toBeLessThan(all.indexOf('Claes,'));
    expect(all.indexOf('Dvořák,')).toBeLessThan(all.indexOf('Ëlsen,'));
    expect(all.indexOf('El Amrani,')).toBeLessThan(all.indexOf('Ëlsen,'));
    expect(all.indexOf('Ëlsen,')).toBeLessThan(all.indexOf('Fernández-García,'));
    expect(all.indexOf('Öztürk,')).toBeLessThan(all.indexOf('Peeters,'));
  });

  it('speaks French', async () => {
    const pdf = await tablesPdf(PLAN, { kind: 'wall', session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'fr', generatedAt, timeZone });
    const text = fold(pdfText(pdf, { page: 1 }));
    for (const s of ['Répartition des tables — Tour 2', 'samedi 27 mars 2027', 'Cherchez votre nom', 'Nom Table']) expect(text).toContain(s);
    expect(text).toContain(`${name(CELIK)} ${tableOf(CELIK)}`);
  });

  it('makes the same bytes for the same plan and generation date', async () => {
    const o = { kind: 'wall' as const, session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl' as const, generatedAt, timeZone };
    const a = await tablesPdf(PLAN, o);
    const b = await tablesPdf({ ...PLAN, tables: [...PLAN.tables].reverse() }, o);
    expect(a.equals(b)).toBe(true);
  });
});

describe('tablesWorkbook', () => {
  it('writes the tables and the wall list as real tables, in English', async () => {
    const wb = await readWorkbook(await tablesWorkbook(PLAN, { session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'en' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tables', 'Wall list']);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.rowCount).toBe(161);
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width, `${ws.name} column ${c}`).toBeGreaterThanOrEqual(6);
    }

    const tables = wb.getWorksheet('Tables')!;
    expect(headers(tables)).toEqual(['Table', 'Group', 'Facilitator', 'Last name', 'First name', 'Code', 'Language', 'Taal', 'Geslacht', 'Leeftijd']);
    const rows = Array.from({ length: 160 }, (_, i) => tables.getRow(i + 2));
    // Table by table, members by last name within a table.
    const numbers = rows.map((r) => r.getCell(1).value as number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBe(1);
    expect(numbers[159]).toBe(20);
    const celik = rows.find((r) => r.getCell(6).value === CELIK.code)!;
    expect(celik.getCell(1).value).toBe(1);
    expect(celik.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(celik.getCell(2).value).toBe('NL');
    expect(celik.getCell(3).value).toBe('Zoë Ëlsen');
    expect(celik.getCell(4).value).toBe('Çelik');
    expect(celik.getCell(5).value).toBe('Łukasz');
    expect(celik.getCell(7).value).toBe('NL');
    expect(celik.getCell(9).value).toBe(CELIK.features.Geslacht);
    expect(celik.getCell(10).value).toBe(CELIK.features.Leeftijd);
    const nunez = rows.find((r) => r.getCell(6).value === NUNEZ.code)!;
    expect([nunez.getCell(4).value, nunez.getCell(5).value, nunez.getCell(7).value]).toEqual(['Nuñez', NUNEZ.firstName, 'FR']);
    // No facilitator: an empty cell.
    expect(rows.find((r) => r.getCell(1).value === 2)!.getCell(3).value).toBeNull();

    // Formula-like names come back as text, defused.
    const formula = rows.find((r) => r.getCell(6).value === PEOPLE[5]!.code)!.getCell(5);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('\'=HYPERLINK("http://x")');
    expect(formula.formula).toBeUndefined();
    expect(rows.find((r) => r.getCell(6).value === PEOPLE[6]!.code)!.getCell(4).value).toBe("'@Sum");

    const wall = wb.getWorksheet('Wall list')!;
    expect(headers(wall)).toEqual(['Last name', 'First name', 'Code', 'Table']);
    const listed = Array.from({ length: 160 }, (_, i) => wall.getRow(i + 2));
    expect(listed.map((r) => r.getCell(3).value)).toEqual(byLastName(PEOPLE, 'en').map((m) => m.code));
    const w = listed.find((r) => r.getCell(3).value === CELIK.code)!;
    expect([w.getCell(1).value, w.getCell(2).value, w.getCell(4).value]).toEqual(['Çelik', 'Łukasz', 1]);
  });

  it('names the sheets and headers in Dutch and French', async () => {
    const nl = await readWorkbook(await tablesWorkbook(PLAN, { session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'nl' }));
    expect(nl.worksheets.map((w) => w.name)).toEqual(['Tafels', 'Wandlijst']);
    expect(headers(nl.worksheets[0]!).slice(0, 7)).toEqual(['Tafel', 'Groep', 'Begeleider', 'Achternaam', 'Voornaam', 'Code', 'Taal']);
    const fr = await readWorkbook(await tablesWorkbook(PLAN, { session: SESSION, facilitators: FACILITATORS, assemblyName, lang: 'fr' }));
    expect(fr.worksheets.map((w) => w.name)).toEqual(['Tables', 'Liste murale']);
    expect(headers(fr.worksheets[1]!)).toEqual(['Nom', 'Prénom', 'Code', 'Table']);
  });
});
